#!/usr/bin/env node
/**
 * Builds MailboxHealthControl for production: resx from the catalogue, manifest types, then pcf-scripts build.
 * pcf-scripts exits 0 even when it fails (and can leave a bundle behind), so success is read from its output.
 *   node scripts/build-control.mjs [--lint | --types]   (--lint: pcf-scripts lint only; --types: resx and manifest types
 *   only, what the type-check needs on a fresh clone since generated/ManifestTypes.d.ts is not committed)
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
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
if (process.argv.includes('--types')) process.exit(0);
if (lintOnly) {
  run('pcf-scripts lint', process.execPath, [pcfScripts, 'lint'], '[lint] Succeeded');
} else {
  // pcf-scripts writes into out/ without clearing it: a licence file an earlier build left must not outlive it.
  rmSync(path.join(root, 'out', 'controls', 'MailboxHealthControl', 'bundle.js.LICENSE.txt'), { force: true });
  run('pcf-scripts build', process.execPath, [pcfScripts, 'build', '--buildMode', 'production'], '[build] Succeeded');
  // The control reads every string from its resx at run time; a catalogue imported by anything the control imports
  // (an English default, a value import where a type import was meant) would ship the strings twice. Fail instead.
  const bundle = readFileSync(path.join(root, 'out', 'controls', 'MailboxHealthControl', 'bundle.js'), 'utf8');
  const resx = readFileSync(
    path.join(root, 'MailboxHealthControl', 'strings', 'MailboxHealthControl.1033.resx'),
    'utf8',
  );
  const bundled = [...resx.matchAll(/<value>([^<{&]{40,})<\/value>/g)]
    .map((m) => m[1])
    .filter((text) => bundle.includes(text));
  if (bundled.length > 0) {
    console.error(
      `\nThe English catalogue was bundled (e.g. "${bundled[0]}"): find the import of diagnostics/messages/en.ts or MailboxHealthControl/strings/panel.en.ts that reaches the control.`,
    );
    process.exit(1);
  }
  // The packer ships only the files the manifest names; a banner pointing at bundle.js.LICENSE.txt would point at a
  // file the solution lacks (webpack.config.js says why there is none).
  if (/LICENSE\.txt/.test(bundle)) {
    console.error(
      '\nbundle.js points at bundle.js.LICENSE.txt, which the solution does not ship: a bundled package now carries a licence comment. Ship the file (tools/solution) or remove the comment.',
    );
    process.exit(1);
  }
  console.log(`bundle.js: ${(Buffer.byteLength(bundle) / 1024).toFixed(1)} KB`);
}
