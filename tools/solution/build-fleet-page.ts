import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as path from 'path';
import { FLEET_ICON_FONT, FLEET_PAGE, FLEET_SCRIPT } from './components';
import { repoPaths, type RepoPaths } from './paths';
import { ICON_FONT_FAMILY, ICON_FONT_FILE } from '../../webresources/fleet/icons';

/**
 * The Fleet health page's three web resources, in out/webresources: fleet.html (as written), fleet.js (the page, the
 * engine, React 16.14 and Fluent UI 8.121.1 in one minified production script) and fleet-icons.css (the icon font).
 */

export interface FleetBuild {
  html: string;
  script: string;
  iconFont: string;
}

/** The @font-face that fleet.html links: the woff inline, under the family the page registers its icons with. */
export function iconFontCss(woff: Buffer): string {
  return [
    '/* Fluent UI MDL2 icons (@fluentui/font-icons-mdl2, base subset). Use subject to https://aka.ms/fluentui-assets-license */',
    `@font-face{font-family:"${ICON_FONT_FAMILY}";src:url(data:font/woff;base64,${woff.toString('base64')}) format("woff");font-weight:normal;font-style:normal}`,
    '',
  ].join('\n');
}

export async function buildFleetPage(paths: RepoPaths = repoPaths()): Promise<FleetBuild> {
  const outDir = paths.builtWebResourceDir;
  fs.mkdirSync(outDir, { recursive: true });
  const script = path.join(outDir, FLEET_SCRIPT.source.file);
  await esbuild.build({
    entryPoints: [paths.fleetEntry],
    outfile: script,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2017',
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  const html = path.join(outDir, FLEET_PAGE.source.file);
  fs.copyFileSync(paths.fleetHtml, html);
  const iconFont = path.join(outDir, FLEET_ICON_FONT.source.file);
  fs.writeFileSync(iconFont, iconFontCss(fs.readFileSync(path.join(paths.root, 'node_modules', ICON_FONT_FILE))));
  return { html, script, iconFont };
}
