import * as fs from 'fs';
import { repoPaths } from './paths';
import { readProductVersion, releaseVersion } from './version';

/**
 * npm's `version` hook: after `npm version <new>` bumps package.json, this writes the same version into the control's
 * source manifest, so one command bumps the product, the solution (derived at pack time) and the control together.
 */
export function syncControlManifestVersion(manifest: string, productVersion: string): string {
  const { product } = releaseVersion(productVersion);
  if (!/<control\b[^>]*?\bversion="/.test(manifest)) {
    throw new Error('The control manifest has no <control version="...">.');
  }
  return manifest.replace(/(<control\b[^>]*?\bversion=")[^"]*(")/, `$1${product}$2`);
}

if (require.main === module) {
  const paths = repoPaths();
  const manifest = fs.readFileSync(paths.controlSourceManifest, 'utf8');
  const synced = syncControlManifestVersion(manifest, readProductVersion(paths.packageJson));
  if (synced !== manifest) fs.writeFileSync(paths.controlSourceManifest, synced);
  console.log(`Control manifest version: ${readProductVersion(paths.packageJson)}`);
}
