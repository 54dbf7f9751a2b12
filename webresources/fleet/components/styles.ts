import { hiddenContentStyle, mergeStyleSets, type ITheme } from '@fluentui/react';
import type { StatusColours } from '../../../MailboxHealthControl/model/theme';

export type FleetClassNames = ReturnType<typeof fleetStyles>;

/** Narrow: a 340 px side pane or a phone; everything stacks. */
const NARROW = '@media (max-width: 600px)';

/** One style set for the page. It holds from 340 px to a full-width dialog: rows wrap, charts stack. */
export function fleetStyles(theme: ITheme, status: StatusColours) {
  const { palette, fonts, semanticColors, effects } = theme;
  const column = (gap: number) => ({ display: 'flex', flexDirection: 'column', gap }) as const;
  const row = (gap: number | string) => ({ display: 'flex', flexWrap: 'wrap', gap }) as const;
  const strong = (font: object) => ({ ...font, fontWeight: 600, margin: 0 });
  const quiet = { color: palette.neutralSecondary };
  const card = {
    border: `1px solid ${palette.neutralLight}`,
    borderRadius: effects.roundedCorner4,
    background: semanticColors.bodyBackground,
    padding: '12px 16px',
    minWidth: 0,
    boxSizing: 'border-box',
  } as const;
  const field = {
    ...fonts.medium,
    height: 32,
    padding: '0 8px',
    border: `1px solid ${palette.neutralSecondary}`,
    borderRadius: effects.roundedCorner2,
    color: semanticColors.bodyText,
    background: semanticColors.bodyBackground,
    selectors: { ':focus': { outline: `2px solid ${palette.themePrimary}`, outlineOffset: 1 } },
  } as const;
  return mergeStyleSets({
    root: {
      ...fonts.medium,
      color: semanticColors.bodyText,
      background: semanticColors.bodyBackground,
      minHeight: '100vh',
      boxSizing: 'border-box',
      overflowWrap: 'break-word',
    },
    main: {
      ...column(16),
      maxWidth: 1400,
      margin: '0 auto',
      padding: '16px 24px 32px',
      minWidth: 0,
      selectors: { [NARROW]: { padding: '12px 10px 24px' } },
    },
    header: { ...row('8px 24px'), alignItems: 'flex-end', justifyContent: 'space-between' },
    heading: column(2),
    title: strong(fonts.xxLarge),
    subtitle: { ...quiet, margin: 0 },
    toolbar: { ...row(8) },
    status: { ...fonts.small, ...quiet, margin: 0 },
    section: { ...column(8), minWidth: 0 },
    sectionTitle: strong(fonts.large),
    note: { ...fonts.small, ...quiet, margin: 0 },
    totals: { ...row(8), listStyle: 'none', margin: 0, padding: 0 },
    tile: { ...card, ...column(2), flex: '1 1 120px', padding: '8px 12px' },
    tileLabel: { display: 'flex', alignItems: 'center', gap: 6, ...quiet },
    tileValue: strong(fonts.xLarge),
    charts: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 420px), 1fr))', gap: 16 },
    chart: { ...card, ...column(8) },
    legend: { ...row('4px 16px'), ...fonts.small, ...quiet, margin: 0 },
    legendItem: { display: 'inline-flex', alignItems: 'center', gap: 6 },
    swatch: { display: 'inline-block', width: 12, height: 12, borderRadius: 2 },
    bars: { ...column(6), margin: 0, padding: 0, listStyle: 'none' },
    bar: {
      display: 'grid',
      gridTemplateColumns: 'minmax(0, 16em) minmax(0, 1fr) auto',
      alignItems: 'center',
      gap: '2px 8px',
      selectors: { [NARROW]: { gridTemplateColumns: 'minmax(0, 1fr) auto' } },
    },
    barLabel: {
      minWidth: 0,
      overflow: 'hidden',
      textOverflow: 'ellipsis',
      whiteSpace: 'nowrap',
      selectors: { [NARROW]: { gridColumn: '1 / -1', whiteSpace: 'normal' } },
    },
    barTrack: {
      display: 'flex',
      height: 14,
      minWidth: 0,
      background: palette.neutralLighter,
      borderRadius: 2,
      overflow: 'hidden',
    },
    barFail: { background: status.danger, height: '100%' },
    // Warnings striped, so failing and warning differ without colour.
    barWarn: {
      height: '100%',
      backgroundColor: status.warning,
      backgroundImage: `repeating-linear-gradient(135deg, transparent 0 3px, ${semanticColors.bodyBackground} 3px 5px)`,
    },
    barValue: { ...fonts.small, fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
    findings: { ...column(8), listStyle: 'none', margin: 0, padding: 0 },
    finding: { ...card, ...column(4), borderLeft: `4px solid ${status.info}` },
    findingTitle: strong(fonts.medium),
    text: { margin: 0, whiteSpace: 'pre-wrap' },
    // A link inside a sentence is underlined (not told apart by colour alone) and dark enough on the grey group header.
    inlineLink: {
      textDecoration: 'underline',
      color: palette.themeDark,
      selectors: { ':hover, :active:hover': { color: palette.themeDarker } },
    },
    controls: { ...row('8px 12px'), alignItems: 'flex-end' },
    search: { flex: '1 1 260px', minWidth: 0 },
    control: { ...column(2), flex: '0 1 auto', minWidth: 0 },
    label: { ...fonts.small, fontWeight: 600 },
    select: { ...field, maxWidth: '100%' },
    // Its own scroll area, so the page stays one screen of summary above a list of any length (virtualized inside).
    list: {
      border: `1px solid ${palette.neutralLight}`,
      borderRadius: effects.roundedCorner4,
      minWidth: 0,
      maxHeight: '75vh',
      overflowY: 'auto',
      overscrollBehavior: 'contain',
    },
    group: {
      ...column(4),
      padding: '12px 16px',
      background: palette.neutralLighterAlt,
      borderTop: `1px solid ${palette.neutralLight}`,
      selectors: { [NARROW]: { padding: '10px' } },
    },
    groupTitle: { ...strong(fonts.mediumPlus), display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' },
    groupCount: { ...fonts.medium, ...quiet, fontWeight: 400 },
    groupToggle: { alignSelf: 'flex-start', height: 28, padding: '0 4px' },
    mailbox: {
      display: 'grid',
      gridTemplateColumns: '20px minmax(0, 2fr) minmax(0, 1fr)',
      gap: '2px 12px',
      padding: '8px 16px',
      borderTop: `1px solid ${palette.neutralLighter}`,
      selectors: { [NARROW]: { gridTemplateColumns: '20px minmax(0, 1fr)', padding: '8px 10px' } },
    },
    mailboxMain: { ...column(2), minWidth: 0 },
    mailboxName: { ...fonts.medium, fontWeight: 600, textAlign: 'left', overflowWrap: 'anywhere' },
    mailboxAddress: { ...quiet, overflowWrap: 'anywhere' },
    mailboxSummary: { ...fonts.small, margin: 0, overflowWrap: 'anywhere' },
    mailboxMeta: {
      ...column(2),
      ...fonts.small,
      minWidth: 0,
      overflowWrap: 'anywhere',
      selectors: { [NARROW]: { gridColumn: '2' } },
    },
    verdict: { display: 'inline-flex', alignItems: 'center', gap: 6, fontWeight: 600 },
    glyph: { flexShrink: 0, marginTop: 2 },
    empty: { padding: '12px 16px', margin: 0 },
    srOnly: hiddenContentStyle,
  });
}
