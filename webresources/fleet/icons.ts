/**
 * The page's icons: Fluent UI's MDL2 icon font (the base subset of @fluentui/font-icons-mdl2, the same font the
 * platform's Fluent components use), shipped in the solution as the CSS web resource mbh_/mailboxhealth/fleet-icons.css.
 * Dataverse has no web resource type for a font file, so that style sheet carries the font as a data: URL and declares
 * it as the font family below; fleet.html links it by its relative web resource URL. Never a CDN.
 *
 * Only the icons the page and the Fluent components it uses ask for are registered (a test checks each code against
 * the subset's own map, and that nothing asks for an icon this list lacks).
 */
import { registerIcons } from '@fluentui/react';

export const ICON_FONT_FAMILY = 'MbhFleetIcons';

/** The base subset of Fluent's MDL2 icon font (in node_modules): the icons Fluent's own components use. */
export const ICON_FONT_FILE = '@fluentui/font-icons-mdl2/fonts/fabric-icons-a13498cf.woff';

export const FLEET_ICONS: Record<string, string> = {
  // SearchBox
  Search: '\uE721',
  Clear: '\uE894',
  // The page: a group's toggle, the exports
  ChevronDown: '\uE70D',
  ChevronUp: '\uE70E',
  Download: '\uE896',
};

export function registerFleetIcons(): void {
  registerIcons({
    // No src: the @font-face with the font is in fleet-icons.css (Fluent writes only the family name).
    fontFace: { fontFamily: `"${ICON_FONT_FAMILY}"` },
    style: {
      MozOsxFontSmoothing: 'grayscale',
      WebkitFontSmoothing: 'antialiased',
      fontStyle: 'normal',
      fontWeight: 'normal',
      speak: 'none',
    },
    icons: FLEET_ICONS,
  });
}
