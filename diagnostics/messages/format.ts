import { en, type MessageKey } from './en';

/** A parameter is plain text, a number, or other messages (labels that must be localised too; a list joins with commas). */
export type MessageParam = string | number | Message | Message[];
export type MessageParams = Record<string, MessageParam>;

export interface Message {
  key: MessageKey;
  params?: MessageParams;
}

export type Catalogue = Record<MessageKey, string>;

export function message(key: MessageKey, params?: MessageParams): Message {
  return params === undefined ? { key } : { key, params };
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}

/**
 * Fills `{name}` placeholders with plain text. A surface that renders HTML must still escape the result (the control
 * renders through React, which does); the CLI strips terminal escapes from Dataverse text before printing.
 */
export function formatTemplate(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function formatMessage(msg: Message, catalogue: Catalogue = en): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(msg.params ?? {})) {
    params[name] = Array.isArray(value)
      ? value.map((item) => formatMessage(item, catalogue)).join(', ')
      : typeof value === 'object'
        ? formatMessage(value, catalogue)
        : value;
  }
  return formatTemplate(catalogue[msg.key] ?? en[msg.key] ?? msg.key, params);
}
