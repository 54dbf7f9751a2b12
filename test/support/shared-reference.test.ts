import * as fs from 'fs';
import * as path from 'path';
import { REPOSITORY_ROOT, SHARED_REFERENCE_DIR } from './shared-reference';

/**
 * Only test/support/shared-reference.ts may point at the team's reference folder beside the repository: a test or
 * script that read it would pass in the team's workspace and fail in a clone on its own.
 */
const SCANNED_FOLDERS = ['test', 'scripts', 'tools', 'sandbox', 'bench', 'cli', '.ci'];
const SCANNED_ROOT_FILES = ['package.json', 'jest.config.js', 'eslint.config.mjs', 'webpack.config.js'];
const COMPARISON_MODULE = path.join('test', 'support', 'shared-reference.ts');

// The folder's name comes from the comparison module, so this file never spells a path to it.
const FOLDER = path.basename(path.dirname(SHARED_REFERENCE_DIR));
const REFERENCE = path.basename(SHARED_REFERENCE_DIR);

/** A relative path up into the folder, the folder as a path segment of its own, or any path through its reference/. */
const POINTS_AT_REFERENCE_FOLDER = new RegExp(
  [
    String.raw`\.\.[\\/]+${FOLDER}\b`,
    String.raw`(['"\x60])${FOLDER}\1`,
    String.raw`\b${FOLDER}[\\/]+${REFERENCE}\b`,
  ].join('|'),
);

function filesUnder(relativeDir: string): string[] {
  const absolute = path.join(REPOSITORY_ROOT, relativeDir);
  if (!fs.existsSync(absolute)) return [];
  return fs.readdirSync(absolute, { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(relativeDir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : filesUnder(relative);
    return [relative];
  });
}

test('the rule recognises every way of pointing at the folder, and not the word alone', () => {
  const pointing = [
    `const file = '../../../${FOLDER}/${REFERENCE}/dataverse-schema.json';`,
    `path.resolve(__dirname, '..', '..', '..', '${FOLDER}', '${REFERENCE}', 'xsd')`,
    `path.join(root, "..", "${FOLDER}")`,
    `cp ../${FOLDER}/${REFERENCE}/xsd/*.xsd vendor/`,
    `/work/${FOLDER}/${REFERENCE}/xsd`,
  ];
  const innocent = [
    `// the ${FOLDER} fake's store`,
    `emailaddress: '${FOLDER}@contoso.com'`,
    `six ${FOLDER} tables and the first mailbox page`,
  ];
  expect(pointing.filter((line) => !POINTS_AT_REFERENCE_FOLDER.test(line))).toEqual([]);
  expect(innocent.filter((line) => POINTS_AT_REFERENCE_FOLDER.test(line))).toEqual([]);
});

test('no test or script but the comparison module points at the reference folder', () => {
  const scanned = [
    ...SCANNED_FOLDERS.flatMap(filesUnder),
    ...SCANNED_ROOT_FILES.filter((file) => fs.existsSync(path.join(REPOSITORY_ROOT, file))),
  ];
  expect(scanned).toContain(COMPARISON_MODULE);
  expect(scanned).toContain(path.join('.ci', 'run'));
  const offenders = scanned
    .filter((file) => file !== COMPARISON_MODULE)
    .filter((file) => POINTS_AT_REFERENCE_FOLDER.test(fs.readFileSync(path.join(REPOSITORY_ROOT, file), 'utf8')));
  expect(offenders).toEqual([]);
});

test('the comparison module itself is found by the rule', () => {
  expect(POINTS_AT_REFERENCE_FOLDER.test(fs.readFileSync(path.join(REPOSITORY_ROOT, COMPARISON_MODULE), 'utf8'))).toBe(
    true,
  );
});
