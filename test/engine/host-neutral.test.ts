import { execFileSync } from 'child_process';
import { join } from 'path';

/** The engine must run in the browser, the form and Node alike; the lint rule is what keeps it that way. */
const root = join(__dirname, '../..');
const snippets: [string, string | null][] = [
  ["import { readFileSync } from 'fs';\nexport const x = readFileSync;\n", 'no-restricted-imports'],
  ["import * as React from 'react';\nexport const x = React;\n", 'no-restricted-imports'],
  ["import { Stack } from '@fluentui/react';\nexport const x = Stack;\n", 'no-restricted-imports'],
  ['export const x = () => Xrm.WebApi;\n', 'no-restricted-globals'],
  ['export const x = () => document.title;\n', 'no-restricted-globals'],
  ['export const x = () => process.env;\n', 'no-restricted-globals'],
  ['export type X = Xrm.WebApi;\n', 'no-restricted-syntax'],
  ["import { message } from './messages/format';\nexport const x = message('value.yes');\n", null],
];

/** ESLint's flat config loads through dynamic import, which jest's VM lacks: lint in one plain Node process. */
function lintAsEngine(codes: string[]): string[][] {
  const script = `
    const { ESLint } = require('eslint');
    const codes = JSON.parse(process.argv[1]);
    (async () => {
      const eslint = new ESLint({ cwd: ${JSON.stringify(root)} });
      const out = [];
      for (const code of codes) {
        const [result] = await eslint.lintText(code, { filePath: ${JSON.stringify(join(root, 'diagnostics/probe.ts'))} });
        out.push(result.messages.map((m) => m.ruleId));
      }
      process.stdout.write(JSON.stringify(out));
    })();`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script, JSON.stringify(codes)], { cwd: root, encoding: 'utf8' }));
}

describe('the engine stays host-neutral', () => {
  it('rejects Node, React, Fluent, Xrm and DOM in diagnostics/, and accepts pure TypeScript', () => {
    const results = lintAsEngine(snippets.map(([code]) => code));
    snippets.forEach(([code, rule], i) => {
      if (rule === null) expect([code, results[i]]).toEqual([code, []]);
      else expect([code, results[i]]).toEqual([code, expect.arrayContaining([rule])]);
    });
  }, 60_000);
});
