import { unzipSync } from 'fflate';
import * as fs from 'fs';
import { JSDOM } from 'jsdom';
import * as os from 'os';
import * as path from 'path';
import { buildWebResources } from '../../../tools/solution/build-web-resource';
import { repoPaths, type RepoPaths } from '../../../tools/solution/paths';

/**
 * Pack inputs in a temp folder: the repository's real sources (templates, icons, the control's real manifest), the
 * web resources freshly bundled by esbuild, and a control build laid out as pcf-scripts lays it out. The shared out/
 * folder is never touched, so these tests do not race the control's own build.
 */
export async function preparePackInputs(options: { controlVersion?: string } = {}): Promise<RepoPaths> {
  const real = repoPaths();
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'mbh-pack-'));
  const paths: RepoPaths = {
    ...real,
    builtControlDir: path.join(temp, 'controls', 'MailboxHealthControl'),
    builtWebResourceDir: path.join(temp, 'webresources'),
    distDir: path.join(temp, 'dist'),
  };
  await buildWebResources(paths);
  writeControlBuildLikePcfScripts(real.controlSourceManifest, paths.builtControlDir, options.controlVersion);
  return paths;
}

/**
 * What `pcf-scripts build` writes for the control: ControlManifest.xml with the code path rewritten to bundle.js,
 * bundle.js, the resx files the manifest names, and a leftover bundle.js.LICENSE.txt (builds before webpack.config.js
 * dropped module path comments wrote one; any file the manifest does not name must stay out of the zip).
 */
export function writeControlBuildLikePcfScripts(sourceManifestPath: string, outDir: string, version?: string): void {
  let manifest = fs.readFileSync(sourceManifestPath, 'utf8').replace(/(<code\b[^>]*\bpath=")[^"]+(")/, '$1bundle.js$2');
  if (version !== undefined) manifest = manifest.replace(/(<control\b[^>]*\bversion=")[^"]+(")/, `$1${version}$2`);
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'ControlManifest.xml'), manifest);
  fs.writeFileSync(path.join(outDir, 'bundle.js'), 'var pcf_tools_fixture;(()=>{"use strict"})();\n');
  fs.writeFileSync(path.join(outDir, 'bundle.js.LICENSE.txt'), 'Licences of the bundled packages.\n');
  for (const match of manifest.matchAll(/<resx\b[^>]*\bpath="([^"]+)"/g)) {
    const target = path.join(outDir, match[1]);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(path.dirname(sourceManifestPath), match[1]), target);
  }
}

/** Zip entries by path, as text with any byte-order mark removed. */
export function unzipText(zip: Uint8Array): Map<string, string> {
  const entries = unzipSync(zip);
  return new Map(
    Object.entries(entries).map(([name, bytes]) => [
      name,
      Buffer.from(bytes)
        .toString('utf8')
        .replace(/^\uFEFF/, ''),
    ]),
  );
}

/** The local-header modification time and date of every entry, read straight from the zip bytes. */
export function zipEntryTimestamps(zip: Uint8Array): { name: string; dosTime: number; dosDate: number }[] {
  const view = Buffer.from(zip);
  const stamps: { name: string; dosTime: number; dosDate: number }[] = [];
  let offset = 0;
  while (view.readUInt32LE(offset) === 0x04034b50) {
    const compressedSize = view.readUInt32LE(offset + 18);
    const nameLength = view.readUInt16LE(offset + 26);
    const extraLength = view.readUInt16LE(offset + 28);
    stamps.push({
      name: view.toString('utf8', offset + 30, offset + 30 + nameLength),
      dosTime: view.readUInt16LE(offset + 10),
      dosDate: view.readUInt16LE(offset + 12),
    });
    offset += 30 + nameLength + extraLength + compressedSize;
  }
  return stamps;
}

/**
 * A DOM for XML, from the jsdom that jest's jsdom environment installs. These tests run in the node environment
 * because esbuild and fflate check `instanceof Uint8Array`, which fails across the jsdom environment's realm.
 */
const { DOMParser, XMLSerializer } = new JSDOM('').window;

export function parseXml(text: string): Document {
  const document = new DOMParser().parseFromString(text, 'application/xml');
  const parseError = document.getElementsByTagName('parsererror')[0];
  if (parseError) throw new Error(`not well-formed XML: ${parseError.textContent ?? ''}`);
  return document;
}

export function serializeXml(node: Node): string {
  return new XMLSerializer().serializeToString(node);
}
