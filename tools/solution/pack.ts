import { zipSync, type Zippable } from 'fflate';
import * as fs from 'fs';
import * as path from 'path';
import { WEB_RESOURCES, webResourceZipPath, type WebResourceComponent } from './components';
import { controlFullName, readBuiltControl, type BuiltControl } from './control-build';
import { renderCustomizations } from './customizations';
import { repoPaths, type RepoPaths } from './paths';
import { customizationPrefixOf, renderSolutionManifest } from './solution-manifest';
import { readProductVersion, releaseVersion, type ReleaseVersion } from './version';

export interface SolutionEntry {
  path: string;
  data: Uint8Array;
}

export interface PackedSolution {
  managed: boolean;
  fileName: string;
  entries: readonly SolutionEntry[];
  zip: Uint8Array;
}

/** A Dataverse export starts its XML parts with a byte-order mark; the packer does the same. */
const UTF8_BOM = '\uFEFF';

/**
 * Entries carry this fixed time (1980-01-01 00:00, the earliest a zip can hold) so the same input packs to the same
 * bytes. It is built from local-time parts because zip stores local time: every time zone writes the same fields.
 */
const FIXED_ENTRY_TIME = new Date(1980, 0, 1, 0, 0, 0);

/** Packs both zips from the sources and builds in `paths`; throws with a clear message when a build is missing. */
export function packSolutions(paths: RepoPaths = repoPaths()): { managed: PackedSolution; unmanaged: PackedSolution } {
  const version = releaseVersion(readProductVersion(paths.packageJson));
  const control = readBuiltControl(paths.builtControlDir);
  if (control.version !== version.product) {
    throw new Error(
      `The built control is version ${control.version} but package.json is ${version.product}. The platform caches a control by its version, so each release bumps both: run "npm version <new>" (it updates the control manifest too), then rebuild.`,
    );
  }
  const pack = (managed: boolean): PackedSolution => {
    const entries = solutionEntries(paths, version, control, managed);
    return {
      managed,
      fileName: solutionZipName(version, managed),
      entries,
      zip: zipDeterministically(entries),
    };
  };
  return { managed: pack(true), unmanaged: pack(false) };
}

/** dist/MailboxHealth_1.2.3_managed.zip and dist/MailboxHealth_1.2.3.zip: the product version, as users see it. */
export function solutionZipName(version: ReleaseVersion, managed: boolean): string {
  return `MailboxHealth_${version.product}${managed ? '_managed' : ''}.zip`;
}

/**
 * The files of one zip, in the order they are zipped: solution.xml and customizations.xml first, the payload sorted
 * by path, and [Content_Types].xml last, where System.IO.Packaging (which Dataverse exports are written with) puts it.
 */
export function solutionEntries(
  paths: RepoPaths,
  version: ReleaseVersion,
  control: BuiltControl,
  managed: boolean,
): SolutionEntry[] {
  const solutionTemplate = fs.readFileSync(paths.solutionManifestTemplate, 'utf8');
  const controlName = controlFullName(customizationPrefixOf(solutionTemplate), control);
  const controlZipDir = `Controls/${controlName}`;

  const payload: SolutionEntry[] = [
    ...control.files.map((file) => ({
      path: `${controlZipDir}/${file}`,
      data: fs.readFileSync(path.join(control.dir, file)),
    })),
    ...WEB_RESOURCES.map((resource) => ({
      path: webResourceZipPath(resource),
      data: fs.readFileSync(webResourceSourcePath(paths, resource)),
    })),
  ].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  const solutionXml = renderSolutionManifest({
    template: solutionTemplate,
    solutionVersion: version.solution,
    managed,
    controlName,
  });
  const customizationsXml = renderCustomizations({
    template: fs.readFileSync(paths.customizationsTemplate, 'utf8'),
    solutionVersion: version.solution,
    controlName,
    controlManifestZipPath: `${controlZipDir}/ControlManifest.xml`,
  });
  const parts: SolutionEntry[] = [
    { path: 'solution.xml', data: utf8(UTF8_BOM + solutionXml) },
    { path: 'customizations.xml', data: utf8(UTF8_BOM + customizationsXml) },
    ...payload,
  ];
  return [...parts, { path: '[Content_Types].xml', data: utf8(contentTypesXml(parts.map((part) => part.path))) }];
}

function webResourceSourcePath(paths: RepoPaths, resource: WebResourceComponent): string {
  if (resource.source.from === 'icon') return path.join(paths.iconsDir, resource.source.file);
  const built = path.join(paths.builtWebResourceDir, resource.source.file);
  if (!fs.existsSync(built)) {
    throw new Error(
      `The web resource ${resource.name} has not been built: ${built} does not exist. Run "npm run build:webresources" (or "npm run build").`,
    );
  }
  return built;
}

/** One Default per file extension in the zip, as a Dataverse export writes it. */
export function contentTypesXml(entryPaths: readonly string[]): string {
  const extensions = [...new Set(entryPaths.map((entry) => path.posix.extname(entry).slice(1).toLowerCase()))]
    .filter((extension) => extension !== '')
    .sort();
  const defaults = extensions
    .map((extension) => `<Default Extension="${extension}" ContentType="application/octet-stream" />`)
    .join('');
  return `<?xml version="1.0" encoding="utf-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">${defaults}</Types>`;
}

export function zipDeterministically(entries: readonly SolutionEntry[]): Uint8Array {
  const files: Zippable = {};
  for (const entry of entries) {
    if (entry.path in files) throw new Error(`Two zip entries share the path ${entry.path}.`);
    // A copy in this realm's Uint8Array: fflate tells files from folders with instanceof, which a Buffer made in
    // another realm would fail.
    files[entry.path] = [new Uint8Array(entry.data), { mtime: FIXED_ENTRY_TIME, level: 9 }];
  }
  return zipSync(files);
}

function utf8(text: string): Uint8Array {
  return Buffer.from(text, 'utf8');
}

/** Writes both zips to dist/ and reports their sizes. */
export function writeSolutions(paths: RepoPaths = repoPaths()): PackedSolution[] {
  const { managed, unmanaged } = packSolutions(paths);
  fs.mkdirSync(paths.distDir, { recursive: true });
  for (const solution of [managed, unmanaged]) {
    fs.writeFileSync(path.join(paths.distDir, solution.fileName), solution.zip);
  }
  return [managed, unmanaged];
}

if (require.main === module) {
  try {
    for (const solution of writeSolutions()) {
      console.log(
        `${solution.managed ? 'Managed' : 'Unmanaged'}: dist/${solution.fileName} (${solution.zip.length} bytes)`,
      );
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
