import { mergeStyleSets, type ITheme } from '@fluentui/react';
import type { StatusColours } from '../model/theme';
import type { Tone } from '../model/viewModel';

export function toneColour(tone: Tone, status: StatusColours): string {
  return status[tone];
}

export type PanelClassNames = ReturnType<typeof panelStyles>;

/** One style set for the panel. Everything wraps, so the panel holds from a 340 px side pane to a full form. */
export function panelStyles(theme: ITheme) {
  const { palette, fonts, semanticColors } = theme;
  return mergeStyleSets({
    root: {
      ...fonts.medium,
      color: semanticColors.bodyText,
      background: semanticColors.bodyBackground,
      minWidth: 0,
      maxWidth: '100%',
      boxSizing: 'border-box',
      padding: '8px 4px',
      display: 'flex',
      flexDirection: 'column',
      gap: 12,
      overflowWrap: 'break-word',
    },
    body: { display: 'flex', flexDirection: 'column', gap: 12, minWidth: 0 },
    header: { display: 'flex', flexDirection: 'column', gap: 4 },
    name: { ...fonts.xLarge, margin: 0, fontWeight: 600 },
    address: { color: palette.neutralSecondary, margin: 0 },
    verdict: { display: 'inline-flex', alignItems: 'center', gap: 6, fontWeight: 600, ...fonts.mediumPlus },
    meta: { color: palette.neutralSecondary, ...fonts.small },
    toolbar: { display: 'flex', flexWrap: 'wrap', gap: 8, marginTop: 4 },
    section: { display: 'flex', flexDirection: 'column', gap: 6 },
    sectionTitle: { ...fonts.mediumPlus, fontWeight: 600, margin: 0 },
    list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: 8 },
    card: {
      border: `1px solid ${palette.neutralLight}`,
      borderLeftWidth: 4,
      borderRadius: 4,
      padding: '8px 10px',
      display: 'flex',
      flexDirection: 'column',
      gap: 4,
      background: semanticColors.bodyBackground,
    },
    cardStartHere: { boxShadow: theme.effects.elevation4 },
    cardHead: { display: 'flex', alignItems: 'flex-start', gap: 8 },
    cardTitleRow: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: '2px 8px' },
    cardTitle: { ...fonts.medium, fontWeight: 600, margin: 0 },
    statusWord: { ...fonts.small, fontWeight: 600 },
    badge: {
      ...fonts.small,
      fontWeight: 600,
      padding: '0 6px',
      borderRadius: 2,
      color: palette.white,
      background: palette.themePrimary,
    },
    summary: { margin: 0 },
    details: { display: 'flex', flexDirection: 'column', gap: 8, paddingLeft: 24 },
    subTitle: { ...fonts.small, fontWeight: 600, margin: 0, textTransform: 'none' },
    // Label and value side by side while both fit, the value under its label when they do not (a 340 px pane).
    evidence: { margin: 0, display: 'flex', flexDirection: 'column', gap: 2 },
    evidenceRow: { display: 'flex', flexWrap: 'wrap', columnGap: 12, rowGap: 0 },
    evidenceLabel: { color: palette.neutralSecondary, margin: 0, flex: '0 1 200px', minWidth: 0 },
    evidenceValue: { margin: 0, flex: '1 1 160px', minWidth: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
    remedy: { margin: 0, whiteSpace: 'pre-wrap' },
    alert: {
      borderTop: `1px solid ${palette.neutralLighter}`,
      paddingTop: 6,
      display: 'flex',
      flexDirection: 'column',
      gap: 2,
    },
    alertHead: { display: 'flex', alignItems: 'center', gap: 6, fontWeight: 600 },
    alertText: { margin: 0, whiteSpace: 'pre-wrap' },
    alertMeta: { ...fonts.small, color: palette.neutralSecondary },
    alertDetails: { ...fonts.small, margin: 0, whiteSpace: 'pre-wrap', color: palette.neutralSecondary },
    expander: { alignSelf: 'flex-start', height: 28, padding: '0 4px' },
    glyph: { flexShrink: 0, marginTop: 2 },
    form: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: 8 },
    field: { flex: '1 1 200px', minWidth: 0 },
    srOnly: {
      position: 'absolute',
      width: 1,
      height: 1,
      margin: -1,
      padding: 0,
      overflow: 'hidden',
      clip: 'rect(0,0,0,0)',
      border: 0,
    },
  });
}
