#!/usr/bin/env node
/**
 * Builds MailboxHealthControl for production: resx from the catalogue, manifest types, then pcf-scripts build.
 * pcf-scripts exits 0 even when it fails (and can leave a bundle behind), so success is read from its output.
 *   node scripts/build-control.mjs [--lint]   (--lint: pcf-scripts lint only)
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env, PP_TOOLS_TELEMETRY_OPTOUT: 'true' };
const pcfScripts = require.resolve('pcf-scripts/bin/pcf-scripts');

function run(label, command, args, successMarker) {
  const result = spawnSync(command, args, { cwd: root, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  process.stdout.write(output);
  const ok = result.status === 0 && (successMarker === undefined || output.includes(successMarker));
  if (!ok) {
    console.error(`\n${label} failed${result.error ? `: ${result.error.message}` : ''}`);
    process.exit(1);
  }
}

const lintOnly = process.argv.includes('--lint');
run('generate-resx', process.execPath, [
  require.resolve('ts-node/dist/bin'),
  '--transpile-only',
  'scripts/generate-resx.ts',
]);
run('pcf-scripts refreshTypes', process.execPath, [pcfScripts, 'refreshTypes'], '[refreshTypes] Succeeded');
if (lintOnly) {
  run('pcf-scripts lint', process.execPath, [pcfScripts, 'lint'], '[lint] Succeeded');
} else {
  run('pcf-scripts build', process.execPath, [pcfScripts, 'build', '--buildMode', 'production'], '[build] Succeeded');
}
