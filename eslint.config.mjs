// One flat config for the whole repository. The engine (diagnostics/) must stay host-neutral:
// every surface (control, ribbon, CLI) adapts its own Web API to the engine's port, so the engine
// may not reach for Xrm, ComponentFramework, the DOM or Node. Imports go one way: hosts, tools and
// tests → diagnostics/index.ts → the engine's modules; inside the engine, only diagnose.ts runs the
// checks; and no module imports itself back through another.
import js from '@eslint/js';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';
import powerApps from '@microsoft/eslint-plugin-power-apps';
import react from 'eslint-plugin-react';
import jest from 'eslint-plugin-jest';
import globals from 'globals';

const nodeBuiltins = [
  'fs',
  'path',
  'os',
  'http',
  'https',
  'net',
  'tls',
  'child_process',
  'crypto',
  'url',
  'util',
  'stream',
  'zlib',
  'events',
  'worker_threads',
  'readline',
  'process',
  'buffer',
  'timers',
  'dns',
  'assert',
];

/**
 * The engine's one entry point. Outside diagnostics/, an import that resolves to any other file of the engine is an
 * error. `exceptions` (paths inside diagnostics/) are the modules a zone may still reach.
 */
function engineBoundary(exceptions = []) {
  return [
    'error',
    {
      zones: [
        {
          target: '.',
          from: './diagnostics',
          except: ['./index.ts', ...exceptions],
          message: "Import the engine through its entry point ('diagnostics'), which exports what hosts need.",
        },
      ],
    },
  ];
}

export default tseslint.config(
  {
    ignores: ['node_modules/**', 'out/**', 'dist/**', 'coverage/**', '**/generated/**', 'screenshots/**', '**/*.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    plugins: { 'import-x': importX },
    settings: {
      // The plugin reads the modules an import leads to (no-cycle follows them), so it must resolve and parse TypeScript.
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs', '.cjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] })],
    },
  },
  {
    // A cycle makes load order matter and the layers meaningless. (Type-only imports do not count: they vanish at
    // compile time.)
    files: ['**/*.{ts,tsx}'],
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    // Everything outside the engine reaches it through diagnostics/index.ts. The engine's own tests (test/engine/)
    // may import its internals, to test a module on its own.
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    ignores: ['diagnostics/**', 'test/engine/**'],
    rules: { 'import-x/no-restricted-paths': engineBoundary() },
  },
  {
    // Named exceptions, each for a module the engine does not export because no host uses it: the catalogue report
    // reads where the alert catalogue's entries came from (alerts/articles.ts, which the engine never imports); the
    // simulator's FetchXML test runs the engine's own fleet and item-failure queries against the emulator, and its
    // schema test checks that every column the engine selects is in Microsoft's schema.
    files: ['scripts/catalogue-report.ts'],
    rules: { 'import-x/no-restricted-paths': engineBoundary(['./alerts/articles.ts']) },
  },
  {
    files: ['test/simulator/fetchxml.test.ts', 'test/simulator/schema.test.ts'],
    rules: { 'import-x/no-restricted-paths': engineBoundary(['./queries.ts']) },
  },
  {
    // Inside the engine, only the diagnosis runs the checks: a check is a leaf that nothing else builds on.
    files: ['diagnostics/**/*.ts'],
    ignores: ['diagnostics/diagnose.ts', 'diagnostics/checks/**'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './diagnostics',
              from: './diagnostics/checks',
              message: 'Only diagnostics/diagnose.ts imports the checks; shared code lives beside it, not in checks/.',
            },
          ],
        },
      ],
    },
  },
  {
    // Power Apps checker rules: for code that runs inside Dynamics 365 (the engine, the control, the ribbon).
    files: ['diagnostics/**/*.ts', 'MailboxHealthControl/**/*.{ts,tsx}', 'webresources/**/*.{ts,tsx}'],
    plugins: { '@microsoft/power-apps': powerApps },
    rules: { ...powerApps.configs.paCheckerHosted.rules },
  },
  {
    files: ['**/*.{js,mjs,cjs,ts,tsx}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Plain CommonJS build and bench scripts.
    files: ['**/*.{js,cjs}'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['MailboxHealthControl/**/*.{ts,tsx}', 'webresources/**/*.{ts,tsx}', 'test/**/*.{ts,tsx}'],
    plugins: { react },
    settings: { react: { version: '16.14' } },
    languageOptions: { globals: { ...globals.browser } },
    rules: { ...react.configs.recommended.rules, 'react/prop-types': 'off' },
  },
  {
    // The engine is pure TypeScript: no host globals and no host imports.
    files: ['diagnostics/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins.flatMap((name) => [
              { name, message: 'The engine runs in the browser too: no Node modules.' },
              { name: `node:${name}`, message: 'The engine runs in the browser too: no Node modules.' },
            ]),
            { name: 'react', message: 'The engine has no UI.' },
            { name: 'react-dom', message: 'The engine has no UI.' },
            { name: 'xrm-mock', message: 'The engine takes a port, not Xrm.' },
          ],
          patterns: [
            {
              group: [
                '@fluentui/*',
                'powerapps-component-framework',
                '**/MailboxHealthControl/**',
                '**/webresources/**',
                '**/cli/**',
                '**/sandbox/**',
                '**/simulator/**',
              ],
              message: 'The engine imports no host and no simulator.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'Xrm',
          'ComponentFramework',
          'window',
          'document',
          'navigator',
          'localStorage',
          'process',
          'require',
          'Buffer',
          '__dirname',
          'fetch',
          'XMLHttpRequest',
        ].map((name) => ({ name, message: `The engine is host-neutral: ${name} belongs to a host adapter.` })),
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "TSTypeReference[typeName.left.name='Xrm']", message: 'The engine is host-neutral: no Xrm types.' },
        {
          selector: "TSTypeReference[typeName.left.name='ComponentFramework']",
          message: 'The engine is host-neutral: no ComponentFramework types.',
        },
      ],
    },
  },
  {
    // Every test asserts something explicitly: a test that cannot fail proves nothing. Helpers that assert on a test's
    // behalf are named expect… (expectClean, expectNoSecrets); fast-check's fc.assert fails on a false property.
    files: ['test/**/*.test.{ts,tsx}'],
    plugins: { jest },
    rules: {
      'jest/expect-expect': ['error', { assertFunctionNames: ['expect', 'expect*', 'fc.assert'] }],
      // An expect without a matcher, or an unawaited .resolves/.rejects, asserts nothing either.
      'jest/valid-expect': 'error',
      'jest/no-focused-tests': 'error',
      'jest/no-disabled-tests': 'warn',
    },
  },
  {
    // Build tools and tests run in Node and import the web resource's source by path ('../webresources/...'); the
    // rule is about URLs a web resource fetches at run time, which these files never do.
    files: ['tools/**/*.ts', 'test/**/*.{ts,tsx}', 'scripts/**/*.{js,mjs,ts}'],
    rules: { '@microsoft/power-apps/use-cached-webresource': 'off' },
  },
);
