import { hiddenContentStyle, mergeStyleSets, type ITheme } from '@fluentui/react';

export type PanelClassNames = ReturnType<typeof panelStyles>;

/** One style set for the panel. Everything wraps, so the panel holds from a 340 px side pane to a full form. */
export function panelStyles(theme: ITheme) {
  const { palette, fonts, semanticColors } = theme;
  const column = (gap: number) => ({ display: 'flex', flexDirection: 'column', gap }) as const;
  const row = (gap: number | string) => ({ display: 'flex', flexWrap: 'wrap', gap }) as const;
  const strong = (font: object) => ({ ...font, fontWeight: 600, margin: 0 });
  const quiet = { color: palette.neutralSecondary };
  const text = { margin: 0, whiteSpace: 'pre-wrap' } as const;
  return mergeStyleSets({
    root: {
      ...fonts.medium,
      ...column(12),
      color: semanticColors.bodyText,
      background: semanticColors.bodyBackground,
      minWidth: 0,
      maxWidth: '100%',
      boxSizing: 'border-box',
      padding: '8px 4px',
      overflowWrap: 'break-word',
    },
    body: { ...column(12), minWidth: 0 },
    header: column(4),
    name: strong(fonts.xLarge),
    address: { ...quiet, margin: 0 },
    verdict: { ...fonts.mediumPlus, display: 'inline-flex', alignItems: 'center', gap: 6, fontWeight: 600 },
    meta: { ...fonts.small, ...quiet },
    toolbar: { ...row(8), marginTop: 4 },
    section: column(6),
    sectionTitle: strong(fonts.mediumPlus),
    list: { ...column(8), listStyle: 'none', margin: 0, padding: 0 },
    card: {
      ...column(4),
      border: `1px solid ${palette.neutralLight}`,
      borderLeftWidth: 4,
      borderRadius: 4,
      padding: '8px 10px',
      background: semanticColors.bodyBackground,
    },
    cardStartHere: { boxShadow: theme.effects.elevation4 },
    cardHead: { display: 'flex', alignItems: 'flex-start', gap: 8 },
    cardTitleRow: { ...row('2px 8px'), alignItems: 'baseline' },
    cardTitle: strong(fonts.medium),
    statusWord: strong(fonts.small),
    badge: {
      ...strong(fonts.small),
      padding: '0 6px',
      borderRadius: 2,
      color: palette.white,
      background: palette.themePrimary,
    },
    summary: { margin: 0 },
    details: { ...column(8), paddingLeft: 24 },
    subTitle: strong(fonts.small),
    // Label and value side by side while both fit, the value under its label when they do not (a 340 px pane).
    evidence: { ...column(2), margin: 0 },
    evidenceRow: row('0 12px'),
    evidenceLabel: { ...quiet, margin: 0, flex: '0 1 200px', minWidth: 0 },
    evidenceValue: { ...text, flex: '1 1 160px', minWidth: 0, overflowWrap: 'anywhere' },
    remedy: text,
    alert: { ...column(2), borderTop: `1px solid ${palette.neutralLighter}`, paddingTop: 6 },
    alertHead: { display: 'flex', alignItems: 'center', gap: 6, fontWeight: 600 },
    alertText: text,
    alertMeta: { ...fonts.small, ...quiet },
    alertDetails: { ...fonts.small, ...text, ...quiet },
    expander: { alignSelf: 'flex-start', height: 28, padding: '0 4px' },
    glyph: { flexShrink: 0, marginTop: 2 },
    form: { ...row(8), alignItems: 'flex-end' },
    field: { flex: '1 1 200px', minWidth: 0 },
    srOnly: hiddenContentStyle,
  });
}
