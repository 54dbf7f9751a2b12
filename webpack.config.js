/**
 * Merged by pcf-scripts into its webpack config for MailboxHealthControl (enabled by featureconfig.json:
 * pcfAllowCustomWebpack). One change: the engine's English catalogue is replaced by a resx-backed stand-in, because the
 * platform already ships every string in the control's resx (generated from that catalogue). Saves ~45 KB.
 */
const path = require('path');
const { NormalModuleReplacementPlugin } = require('webpack');

const catalogue = path.resolve(__dirname, 'diagnostics', 'messages', 'en');
const standIn = path.resolve(__dirname, 'MailboxHealthControl', 'model', 'resxCatalogue.ts');

module.exports = {
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
