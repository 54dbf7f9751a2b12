/**
 * Every visible string comes from the control's resx (generated from the one catalogue); when the host has no resx
 * entry (tests, the sandbox, a key added after the solution was built) the English catalogue answers instead.
 */
import { en, formatMessage, formatTemplate, type Catalogue, type Message, type MessageKey } from '../../diagnostics';
import { resxReader } from './resxCatalogue';

export interface Strings {
  /** The resolved catalogue: resx where present, English otherwise. Engine messages render through it. */
  readonly catalogue: Catalogue;
  t(key: MessageKey, params?: Record<string, string | number>): string;
  message(msg: Message): string;
  has(key: string): key is MessageKey;
}

export type GetString = (key: string) => string | null | undefined;

/**
 * Strings resolve on demand (never by listing the catalogue): resx first, then the English catalogue. In the
 * production bundle the "English catalogue" is itself the resx (see resxCatalogue.ts), so nothing is listed there.
 */
export function createStrings(getString?: GetString): Strings {
  const fromResx = resxReader(getString);
  const resolve = (key: string): string | undefined => fromResx(key) ?? (en as Record<string, string | undefined>)[key];
  const catalogue = new Proxy({} as Catalogue, {
    get: (_target, key) => (typeof key === 'string' ? resolve(key) : undefined),
  });
  const has = (key: string): key is MessageKey => resolve(key) !== undefined;
  return {
    catalogue,
    has,
    t: (key, params) => formatTemplate(resolve(key) ?? key, params),
    message: (msg) => formatMessage(msg, catalogue),
  };
}
