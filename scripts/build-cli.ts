/**
 * `npm run build:cli`: the `mailbox-health` bin, one CommonJS file for Node 20 with a shebang. @azure/identity and undici
 * stay installed dependencies (they are large and keep their own files); everything else is bundled and minified.
 * The tests build the bin through the same function, so what they run is what ships.
 *   ts-node --transpile-only scripts/build-cli.ts [outfile]
 */
import { chmodSync } from 'fs';
import { join, resolve } from 'path';
import { build } from 'esbuild';

const REPOSITORY_ROOT = resolve(__dirname, '..');
export const CLI_OUTFILE = join(REPOSITORY_ROOT, 'out', 'cli', 'mailbox-health.js');

export async function buildCli(outfile: string = CLI_OUTFILE): Promise<void> {
  await build({
    entryPoints: [join(REPOSITORY_ROOT, 'cli', 'mailbox-health.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // A crash prints the error's kind and no stack (it could quote a request), so function names are not kept.
    minify: true,
    // The English keeps its typographic quotes and dashes as UTF-8 instead of six-byte \u escapes.
    charset: 'utf8',
    outfile,
    external: ['@azure/identity', 'undici'],
    banner: { js: '#!/usr/bin/env node' },
    logLevel: 'warning',
  });
  chmodSync(outfile, 0o755);
}

if (require.main === module) {
  buildCli(process.argv[2] ? resolve(process.argv[2]) : undefined).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
