import { en, type MessageKey } from './en';

export type MessageParams = Record<string, string | number>;

export interface Message {
  key: MessageKey;
  params?: MessageParams;
}

export type Catalogue = Record<MessageKey, string>;

export function message(key: MessageKey, params?: MessageParams): Message {
  return params === undefined ? { key } : { key, params };
}

/**
 * Fills `{name}` placeholders. Parameters are inserted as plain text: a surface that renders HTML must still escape
 * the result (the control renders through React, which does).
 */
export function formatTemplate(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function formatMessage(msg: Message, catalogue: Catalogue = en): string {
  return formatTemplate(catalogue[msg.key] ?? en[msg.key] ?? msg.key, msg.params);
}
