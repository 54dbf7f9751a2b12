/**
 * Everything the panel takes from its host, read once from the PCF context by pure functions: the record, the Web
 * API, strings, dates in the user's time zone, the theme and the clipboard. Tests build the same host from a mock
 * context through the same functions.
 */
import type { Caller, WebApiPort } from '../../diagnostics';
import { copyText } from './clipboard';
import { createStrings, type Strings } from './strings';
import { themeFromDesignLanguage, type PanelTheme } from './theme';
import { createDateFormatter, type DateFormatter } from './time';

export interface PanelHost {
  webApi: WebApiPort | null;
  recordId: string | null;
  entityTypeName: string | null;
  /** The signed-in user, when the host says (item-level failures are visible to the owner and administrators). */
  caller: Caller | undefined;
  strings: Strings;
  dates: DateFormatter;
  theme: PanelTheme;
  now: () => Date;
  copyText: (text: string) => Promise<boolean>;
}

const EMPTY_GUID = /^\{?0{8}-0{4}-0{4}-0{4}-0{12}\}?$/;

/** The record the form shows. contextInfo is not in the public typings but every model-driven form fills it. */
export function readRecord(mode: unknown): { id: string | null; entityTypeName: string | null } {
  const info =
    typeof mode === 'object' && mode !== null
      ? ((mode as { contextInfo?: unknown }).contextInfo as Record<string, unknown> | undefined)
      : undefined;
  const rawId = typeof info?.entityId === 'string' ? info.entityId.trim() : '';
  const entityTypeName =
    typeof info?.entityTypeName === 'string' && info.entityTypeName !== '' ? info.entityTypeName : null;
  const id = rawId === '' || EMPTY_GUID.test(rawId) ? null : rawId.replace(/^\{|\}$/g, '').toLowerCase();
  return { id, entityTypeName };
}

/** context.webAPI matches the engine's port as is; anything without the three methods counts as absent. */
export function readWebApi(webAPI: unknown): WebApiPort | null {
  if (typeof webAPI !== 'object' || webAPI === null) return null;
  const api = webAPI as Partial<WebApiPort>;
  return typeof api.retrieveRecord === 'function' &&
    typeof api.retrieveMultipleRecords === 'function' &&
    typeof api.updateRecord === 'function'
    ? (webAPI as WebApiPort)
    : null;
}

/**
 * The signed-in user from context.userSettings.userId ("{GUID}"). Whether they are a System Administrator the
 * context does not say (securityRoles are role ids, which differ per business unit), so that stays unknown.
 */
export function readCaller(userId: unknown): Caller | undefined {
  const id =
    typeof userId === 'string'
      ? userId
          .trim()
          .replace(/^\{|\}$/g, '')
          .toLowerCase()
      : '';
  return id === '' || EMPTY_GUID.test(id) ? undefined : { userId: id, systemAdministrator: null };
}

/** The slice of the PCF context the host reads; a full ComponentFramework.Context satisfies it. */
export interface ContextLike {
  mode?: unknown;
  webAPI?: unknown;
  resources?: { getString?(id: string): string };
  userSettings?: { getTimeZoneOffsetMinutes?(date?: Date): number; userId?: string };
  formatting?: { formatDateShort?(value: Date, includeTime?: boolean): string };
  fluentDesignLanguage?: unknown;
}

export interface HostCache {
  strings?: Strings;
  theme?: PanelTheme;
  themeSource?: unknown;
}

export function hostFromContext(
  context: ContextLike,
  cache: HostCache = {},
  now: () => Date = () => new Date(),
): PanelHost {
  const resources = context.resources;
  cache.strings ??= createStrings(resources?.getString ? (key) => resources.getString?.(key) : undefined);
  if (cache.theme === undefined || cache.themeSource !== context.fluentDesignLanguage) {
    cache.themeSource = context.fluentDesignLanguage;
    cache.theme = themeFromDesignLanguage(
      context.fluentDesignLanguage as Parameters<typeof themeFromDesignLanguage>[0],
    );
  }
  const { userSettings, formatting } = context;
  const record = readRecord(context.mode);
  return {
    webApi: readWebApi(context.webAPI),
    recordId: record.id,
    entityTypeName: record.entityTypeName,
    caller: readCaller(userSettings?.userId),
    strings: cache.strings,
    dates: createDateFormatter({
      offsetMinutes: userSettings?.getTimeZoneOffsetMinutes
        ? (d) => userSettings.getTimeZoneOffsetMinutes!(d)
        : undefined,
      formatShort: formatting?.formatDateShort ? (d) => formatting.formatDateShort!(d, true) : undefined,
    }),
    theme: cache.theme,
    now,
    copyText,
  };
}
