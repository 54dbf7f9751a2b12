import * as fs from 'fs';
import * as path from 'path';
import { unescapeXml } from '../../diagnostics';

/**
 * What pcf-scripts built for the control (out/controls/MailboxHealthControl): its manifest and the files the manifest
 * names. Only those files go into the zip, so build leftovers such as bundle.js.LICENSE.txt never ship.
 */
export interface BuiltControl {
  namespace: string;
  constructorName: string;
  version: string;
  /** ControlManifest.xml first, then each resource the manifest names, as paths relative to the control folder. */
  files: readonly string[];
  dir: string;
}

export class ControlNotBuiltError extends Error {}

const RESOURCE_ELEMENTS_WITH_FILES = ['code', 'css', 'resx', 'img', 'html'];

export function readBuiltControl(dir: string): BuiltControl {
  const manifestPath = path.join(dir, 'ControlManifest.xml');
  if (!fs.existsSync(manifestPath)) {
    throw new ControlNotBuiltError(
      `The control has not been built: ${manifestPath} does not exist. Run "npm run build:control" (or "npm run build", which runs it) before packing the solution.`,
    );
  }
  const manifest = fs.readFileSync(manifestPath, 'utf8');
  const controlTag = /<control\b[^>]*>/.exec(manifest)?.[0];
  if (controlTag === undefined) throw new Error(`${manifestPath} has no <control> element.`);
  const control = attributesOf(controlTag);
  const [namespace, constructorName, version] = ['namespace', 'constructor', 'version'].map((name) => {
    const value = control.get(name);
    if (!value) throw new Error(`${manifestPath}: <control> has no ${name} attribute.`);
    return value;
  });
  const resources = /<resources>([\s\S]*?)<\/resources>/.exec(manifest)?.[1] ?? '';
  const resourceFiles: string[] = [];
  for (const tag of resources.match(/<[a-z-]+\b[^>]*>/g) ?? []) {
    const element = /^<([a-z-]+)/.exec(tag)?.[1] ?? '';
    const filePath = attributesOf(tag).get('path');
    if (RESOURCE_ELEMENTS_WITH_FILES.includes(element) && filePath) resourceFiles.push(filePath);
  }
  const missing = resourceFiles.filter((file) => !fs.existsSync(path.join(dir, file)));
  if (missing.length > 0) {
    throw new ControlNotBuiltError(
      `The control build in ${dir} is incomplete: ${missing.join(', ')} missing. Rebuild it.`,
    );
  }
  return {
    namespace,
    constructorName,
    version,
    files: ['ControlManifest.xml', ...resourceFiles],
    dir,
  };
}

/** Dataverse names a code component <publisher prefix>_<namespace>.<constructor>. */
export function controlFullName(prefix: string, control: Pick<BuiltControl, 'namespace' | 'constructorName'>): string {
  return `${prefix}_${control.namespace}.${control.constructorName}`;
}

/** Attributes of one start tag. Enough for the machine-written manifest; not a general XML parser. */
export function attributesOf(startTag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of startTag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    attributes.set(match[1], unescapeXml(match[2] ?? match[3] ?? ''));
  }
  return attributes;
}
