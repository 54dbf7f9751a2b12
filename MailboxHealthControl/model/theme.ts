/**
 * The app's theme arrives as Fluent v9 tokens (context.fluentDesignLanguage, absent in older hosts). The panel is
 * Fluent v8, so the few tokens it uses are mapped onto a v8 theme; anything missing keeps the default theme's value.
 */
import { createTheme, type IPalette, type ISemanticColors, type ITheme, type PartialTheme } from '@fluentui/react';

export interface DesignLanguageLike {
  tokenTheme?: unknown;
  brand?: unknown;
  isDarkTheme?: boolean;
}

/** Status colours the panel needs beyond v8's palette: the same tokens drive icons and verdict text. */
export interface StatusColours {
  success: string;
  warning: string;
  danger: string;
  info: string;
  neutral: string;
}

function tokenReader(source: unknown): (name: string) => string | undefined {
  const record = typeof source === 'object' && source !== null ? (source as Record<string | number, unknown>) : {};
  return (name) => {
    const value = record[name];
    return typeof value === 'string' && value.trim() !== '' ? value : undefined;
  };
}

/** v8 palette slot → v9 token (and/or brand ramp step, after "|") it takes its colour from. */
const PALETTE: Record<string, string> = {
  themePrimary: 'BrandBackground|80',
  themeDarkAlt: 'BrandBackgroundHover|70',
  themeDark: 'BrandBackgroundPressed|60',
  themeDarker: 'BrandForeground2|40',
  themeSecondary: '|90',
  themeTertiary: '|120',
  themeLight: '|140',
  themeLighter: '|150',
  themeLighterAlt: '|160',
  neutralPrimary: 'NeutralForeground1',
  neutralSecondary: 'NeutralForeground2',
  neutralTertiary: 'NeutralForeground3',
  neutralTertiaryAlt: 'NeutralStroke1',
  neutralQuaternaryAlt: 'NeutralStroke2',
  neutralLight: 'NeutralBackground3',
  neutralLighter: 'NeutralBackground2',
  white: 'NeutralBackground1',
};

const SEMANTIC: Record<string, string> = {
  bodyBackground: 'NeutralBackground1',
  bodyText: 'NeutralForeground1',
  link: 'BrandForegroundLink',
  linkHovered: 'BrandForegroundLinkHover',
  bodyDivider: 'NeutralStroke2',
};

export interface PanelTheme {
  theme: ITheme;
  status: StatusColours;
}

function defaultStatus(dark: boolean, theme: ITheme): StatusColours {
  // Readable on the body background (v8's default warningIcon is grey, so it is not used for warnings).
  return {
    success: dark ? '#92c353' : '#107c10',
    warning: dark ? '#fce100' : '#8a5300',
    danger: dark ? '#f1707b' : '#a4262c',
    info: theme.palette.themePrimary,
    neutral: theme.palette.neutralSecondary,
  };
}

export function themeFromDesignLanguage(design?: DesignLanguageLike | null): PanelTheme {
  if (!design || typeof design !== 'object') {
    const theme = createTheme({});
    return { theme, status: defaultStatus(false, theme) };
  }
  const token = tokenReader(design.tokenTheme);
  const brand = tokenReader(design.brand);
  const dark = design.isDarkTheme === true;
  const pick = (map: Record<string, string>): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const [slot, source] of Object.entries(map)) {
      // "BrandBackground|80": the token colorBrandBackground, else step 80 of the brand ramp.
      const [name, step] = source.split('|');
      const value = (name && token(`color${name}`)) || (step && brand(step));
      if (value) out[slot] = value;
    }
    return out;
  };
  const palette = pick(PALETTE) as Partial<IPalette>;
  const danger = token('colorStatusDangerForeground1') ?? token('colorPaletteRedForeground1');
  const warning = token('colorStatusWarningForeground1');
  const success = token('colorStatusSuccessForeground1') ?? token('colorPaletteGreenForeground1');
  const semanticColors: Partial<ISemanticColors> = {
    ...(pick(SEMANTIC) as Partial<ISemanticColors>),
    ...(danger ? { errorIcon: danger, errorText: danger } : {}),
    ...(warning ? { warningIcon: warning } : {}),
    ...(success ? { successIcon: success } : {}),
  };
  const fontFamily = token('fontFamilyBase');
  const partial: PartialTheme = {
    palette,
    semanticColors,
    isInverted: dark,
    ...(fontFamily ? { defaultFontStyle: { fontFamily } } : {}),
  };
  const theme = createTheme(partial);
  const fallback = defaultStatus(dark, theme);
  return {
    theme,
    status: {
      success: success ?? fallback.success,
      warning: warning ?? fallback.warning,
      danger: danger ?? fallback.danger,
      info: fallback.info,
      neutral: fallback.neutral,
    },
  };
}
