import * as path from 'path';

/** Every path the packer reads or writes, relative to the repository root so tests can point it at a copy. */
export interface RepoPaths {
  root: string;
  packageJson: string;
  solutionManifestTemplate: string;
  customizationsTemplate: string;
  controlSourceManifest: string;
  builtControlDir: string;
  webResourceEntry: string;
  /** The Fleet health page: its script's entry point and its HTML. */
  fleetEntry: string;
  fleetHtml: string;
  builtWebResourceDir: string;
  iconsDir: string;
  distDir: string;
}

export function repoPaths(root = path.resolve(__dirname, '..', '..')): RepoPaths {
  return {
    root,
    packageJson: path.join(root, 'package.json'),
    solutionManifestTemplate: path.join(root, 'Solution.xml'),
    customizationsTemplate: path.join(root, 'solution', 'customizations.xml'),
    controlSourceManifest: path.join(root, 'MailboxHealthControl', 'ControlManifest.Input.xml'),
    // pcfconfig.json sends pcf-scripts output to out/controls/<constructor>.
    builtControlDir: path.join(root, 'out', 'controls', 'MailboxHealthControl'),
    webResourceEntry: path.join(root, 'webresources', 'ribbon', 'index.ts'),
    fleetEntry: path.join(root, 'webresources', 'fleet', 'index.tsx'),
    fleetHtml: path.join(root, 'webresources', 'fleet', 'fleet.html'),
    builtWebResourceDir: path.join(root, 'out', 'webresources'),
    iconsDir: path.join(root, 'webresources', 'icons'),
    distDir: path.join(root, 'dist'),
  };
}
