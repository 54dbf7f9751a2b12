/**
 * Merged by pcf-scripts into its webpack config for MailboxHealthControl (enabled by featureconfig.json:
 * pcfAllowCustomWebpack). Two changes:
 * - the engine's English catalogue is replaced by a resx-backed stand-in, because the platform already ships every
 *   string in the control's resx (generated from that catalogue). Saves ~45 KB.
 * - no module path comments (pcf-scripts sets output.pathinfo). In production its `/*! ./MailboxHealthControl/index.ts
 *   + 48 modules *\/` comment was the only one Terser keeps, so Terser moved it to bundle.js.LICENSE.txt and left a
 *   banner pointing at that file, which the solution does not ship. The file held no licence text: React and Fluent
 *   are the platform's libraries, not bundled, and the bundled code is this repository's (MIT). Without the comment
 *   there is no file and no banner; scripts/build-control.mjs fails the build if a banner ever comes back.
 */
const path = require('path');
const { NormalModuleReplacementPlugin } = require('webpack');

const catalogue = path.resolve(__dirname, 'diagnostics', 'messages', 'en');
const standIn = path.resolve(__dirname, 'MailboxHealthControl', 'model', 'resxCatalogue.ts');

module.exports = {
  output: { pathinfo: false },
  plugins: [
    // Rewrites the request before resolution (not the resolved resource after it), so the stand-in is one module:
    // the same instance the control's init fills through installResx().
    new NormalModuleReplacementPlugin(/[\\/]en$/, (resolveData) => {
      if (!resolveData.createData?.resource && path.resolve(resolveData.context, resolveData.request) === catalogue) {
        resolveData.request = standIn;
      }
    }),
  ],
};
