import * as fs from 'fs';

/**
 * The product has one version: package.json's `version`, three numeric parts. Dataverse wants four parts for the
 * solution; the fourth is always 0 so a solution version names exactly one release (a rebuild of the same release is
 * byte-identical anyway, so it never needs a bumped fourth part). The control manifest takes the three parts: the
 * platform caches a control's bundle by its version, so each release must raise it too.
 */
export interface ReleaseVersion {
  /** package.json and ControlManifest version, e.g. 1.2.3 */
  product: string;
  /** solution.xml version, e.g. 1.2.3.0 */
  solution: string;
}

const THREE_NUMERIC_PARTS = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

export function releaseVersion(productVersion: string): ReleaseVersion {
  if (!THREE_NUMERIC_PARTS.test(productVersion)) {
    throw new Error(
      `package.json version "${productVersion}" must be three numbers like 1.2.3: Dataverse solution and control versions are numeric, so pre-release tags cannot be carried into them.`,
    );
  }
  return { product: productVersion, solution: `${productVersion}.0` };
}

export function readProductVersion(packageJsonPath: string): string {
  const parsed = JSON.parse(fs.readFileSync(packageJsonPath, 'utf8')) as { version?: unknown };
  if (typeof parsed.version !== 'string') throw new Error(`${packageJsonPath} has no "version" string.`);
  return parsed.version;
}
