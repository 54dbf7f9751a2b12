#!/usr/bin/env node
/**
 * `npm run build`: every build step the repository defines, in order, offline, stopping at the first failure.
 * A step whose npm script is not defined (yet) is reported and skipped, so the build grows with the repository; the
 * solution pack at the end then fails with a clear message if what it needs was not built.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { scripts = {} } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

const steps = [
  { script: 'build:control', what: 'the PCF control (out/controls/MailboxHealthControl)' },
  {
    script: 'build:webresources',
    what: 'the web resources: the ribbon command and the Fleet health page (out/webresources)',
  },
  { script: 'build:cli', what: 'the command line' },
  { script: 'pack:solution', what: 'the managed and unmanaged solution zips (dist/)' },
];

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
for (const { script, what } of steps) {
  if (!(script in scripts)) {
    console.log(`\n> skipped ${script}: package.json does not define it (${what})`);
    continue;
  }
  console.log(`\n> ${script}: ${what}`);
  const result = spawnSync(npm, ['run', '--silent', script], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\nBuild failed at ${script}${result.error ? `: ${result.error.message}` : ''}.`);
    process.exit(result.status ?? 1);
  }
}
