/** CLI text comes from the engine's one catalogue (the `cli.` keys of diagnostics/messages/en.ts). */
import { en, type MessageKey } from '../diagnostics/messages/en';
import { formatMessage, formatTemplate } from '../diagnostics/messages/format';

export type CliKey = Extract<MessageKey, `cli.${string}`>;

export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return formatMessage({ key, ...(params ? { params } : {}) }, en);
}

/** A key chosen at run time (e.g. from an error); an unknown key is shown as is. */
export function tDynamic(key: string, params: Record<string, string | number> = {}): string {
  return Object.prototype.hasOwnProperty.call(en, key) ? formatTemplate(en[key as MessageKey], params) : key;
}

export function plural(count: number, one: MessageKey, many: MessageKey, params: Record<string, string | number> = {}): string {
  return t(count === 1 ? one : many, { count: count.toLocaleString('en-US'), ...params });
}
