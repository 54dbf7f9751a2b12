/**
 * Every visible string comes from the control's resx (generated from the one catalogue); when the host has no resx
 * entry (tests, the sandbox, a key added after the solution was built) the English catalogue answers instead.
 */
import { en, type MessageKey } from '../../diagnostics/messages/en';
import { formatMessage, formatTemplate, type Catalogue, type Message } from '../../diagnostics/messages/format';

export interface Strings {
  /** The resolved catalogue: resx where present, English otherwise. Engine messages render through it. */
  readonly catalogue: Catalogue;
  t(key: MessageKey, params?: Record<string, string | number>): string;
  message(msg: Message): string;
  has(key: string): key is MessageKey;
}

export type GetString = (key: string) => string | null | undefined;

export function createStrings(getString?: GetString): Strings {
  const catalogue = {} as Record<MessageKey, string>;
  for (const key of Object.keys(en) as MessageKey[]) {
    let value: string | null | undefined;
    try {
      value = getString?.(key);
    } catch {
      value = undefined;
    }
    catalogue[key] = typeof value === 'string' && value !== '' && value !== key ? value : en[key];
  }
  const has = (key: string): key is MessageKey => Object.prototype.hasOwnProperty.call(catalogue, key);
  return {
    catalogue,
    has,
    t: (key, params) => formatTemplate(catalogue[key] ?? key, params),
    message: (msg) => formatMessage(msg, catalogue),
  };
}
