import * as esbuild from 'esbuild';
import * as path from 'path';
import { RIBBON_GLOBAL_NAMESPACE } from '../../webresources/ribbon/mailbox-health-form';
import { buildFleetPage } from './build-fleet-page';
import { DIAGNOSE_SCRIPT } from './components';
import { repoPaths, type RepoPaths } from './paths';

/**
 * Bundles webresources/ribbon/index.ts into the single script web resource: one IIFE that assigns its exports to the
 * global MailboxHealth.Ribbon. ES2017 keeps async/await native (every browser the Unified Interface supports has
 * them), and minification with no legal comments keeps the file small and free of build-machine paths.
 */
export async function buildDiagnoseWebResource(paths: RepoPaths = repoPaths()): Promise<string> {
  const outfile = path.join(paths.builtWebResourceDir, DIAGNOSE_SCRIPT.source.file);
  await esbuild.build({
    entryPoints: [paths.webResourceEntry],
    outfile,
    bundle: true,
    format: 'iife',
    globalName: RIBBON_GLOBAL_NAMESPACE,
    platform: 'browser',
    target: 'es2017',
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'warning',
  });
  return outfile;
}

/** Every built web resource: the ribbon's script and the Fleet health page's three files. */
export async function buildWebResources(paths: RepoPaths = repoPaths()): Promise<string[]> {
  const [diagnose, fleet] = await Promise.all([buildDiagnoseWebResource(paths), buildFleetPage(paths)]);
  return [diagnose, fleet.html, fleet.script, fleet.iconFont];
}

if (require.main === module) {
  buildWebResources().then(
    (outfiles) => console.log(outfiles.map((outfile) => `Built ${path.relative(process.cwd(), outfile)}`).join('\n')),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
