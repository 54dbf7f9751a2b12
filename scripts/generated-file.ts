/**
 * A file generated from the sources and committed (the resx, the alert catalogue's coverage report): `--check` fails
 * when the committed copy is not what the generator makes now; otherwise the file is written. Returns true when it
 * wrote the file.
 */
import { readFileSync, writeFileSync } from 'fs';

export function writeOrCheck(path: string, expected: string, regenerate: string): boolean {
  if (!process.argv.includes('--check')) {
    writeFileSync(path, expected);
    return true;
  }
  let actual = '';
  try {
    actual = readFileSync(path, 'utf8');
  } catch {
    // missing counts as stale
  }
  if (actual !== expected) {
    console.error(`${path} is stale: run ${regenerate}`);
    process.exit(1);
  }
  return false;
}
