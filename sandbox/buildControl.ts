/** Builds the control bundle when it is missing (npm run build:control, or scripts/build-control.mjs while that script is not in package.json). */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONTROL_BUNDLE } from './pageServer';

const ROOT = path.resolve(__dirname, '..');

export function ensureControlBuilt(options: { force?: boolean; quiet?: boolean } = {}): void {
  if (!options.force && fs.existsSync(CONTROL_BUNDLE)) return;
  const scripts = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const script = ['build-control.mjs', 'build-control.js'].map((name) => path.join(ROOT, 'scripts', name)).find((file) => fs.existsSync(file));
  const [command, args] = scripts['build:control'] || !script ? [npm, ['run', 'build:control']] : [process.execPath, [script]];
  if (!options.quiet) console.log('Building the control bundle (npm run build:control)...');
  const result = spawnSync(command, args, { cwd: ROOT, stdio: options.quiet ? 'pipe' : 'inherit', encoding: 'utf8' });
  if (result.status !== 0 || !fs.existsSync(CONTROL_BUNDLE)) {
    throw new Error(`The control build failed; the sandbox needs ${path.relative(ROOT, CONTROL_BUNDLE)}.\n${options.quiet ? `${result.stdout ?? ''}${result.stderr ?? ''}`.slice(-4000) : ''}`);
  }
}
