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

function defined<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}

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
  const palette: Partial<IPalette> = defined({
    themePrimary: token('colorBrandBackground') ?? brand('80'),
    themeDarkAlt: token('colorBrandBackgroundHover') ?? brand('70'),
    themeDark: token('colorBrandBackgroundPressed') ?? brand('60'),
    themeDarker: token('colorBrandForeground2') ?? brand('40'),
    themeSecondary: brand('90'),
    themeTertiary: brand('120'),
    themeLight: brand('140'),
    themeLighter: brand('150'),
    themeLighterAlt: brand('160'),
    neutralPrimary: token('colorNeutralForeground1'),
    neutralSecondary: token('colorNeutralForeground2'),
    neutralTertiary: token('colorNeutralForeground3'),
    neutralTertiaryAlt: token('colorNeutralStroke1'),
    neutralQuaternaryAlt: token('colorNeutralStroke2'),
    neutralLight: token('colorNeutralBackground3'),
    neutralLighter: token('colorNeutralBackground2'),
    neutralLighterAlt: token('colorNeutralBackground2'),
    white: token('colorNeutralBackground1'),
  });
  const danger = token('colorStatusDangerForeground1') ?? token('colorPaletteRedForeground1');
  const warning = token('colorStatusWarningForeground1');
  const success = token('colorStatusSuccessForeground1') ?? token('colorPaletteGreenForeground1');
  const semanticColors: Partial<ISemanticColors> = defined({
    bodyBackground: token('colorNeutralBackground1'),
    bodyText: token('colorNeutralForeground1'),
    link: token('colorBrandForegroundLink'),
    linkHovered: token('colorBrandForegroundLinkHover'),
    errorIcon: danger,
    errorText: danger,
    warningIcon: warning,
    successIcon: success,
    bodyDivider: token('colorNeutralStroke2'),
  });
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
