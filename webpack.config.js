/**
 * Merged by pcf-scripts into its webpack config for MailboxHealthControl (enabled by featureconfig.json:
 * pcfAllowCustomWebpack). One change: no module path comments (pcf-scripts sets output.pathinfo). In production its
 * `/*! ./MailboxHealthControl/index.ts + 48 modules *\/` comment was the only one Terser keeps, so Terser moved it to
 * bundle.js.LICENSE.txt and left a banner pointing at that file, which the solution does not ship. The file held no
 * licence text: React and Fluent are the platform's libraries, not bundled, and the bundled code is this repository's
 * (MIT). Without the comment there is no file and no banner; scripts/build-control.mjs fails the build if a banner ever
 * comes back.
 */
module.exports = {
  output: { pathinfo: false },
};
