/**
 * Messages are keys and parameters; each surface renders them with the catalogue it has (the CLI and the Fleet health
 * page bundle the engine's English, the control reads its resx). Nothing here imports a catalogue, so code that only
 * builds or renders messages carries no strings.
 */
import type { MessageKey } from './en';

/** The label of an option value. Dataverse can add values no catalogue lists yet, so the key may have no entry. */
export type OptionLabelKey = `option.${string}.${number}`;

/** A parameter is plain text, a number, or other messages (labels that must be localised too; a list joins with commas). */
export type MessageParam = string | number | Message | Message[];
export type MessageParams = Record<string, MessageParam>;

export interface Message<Key extends string = MessageKey | OptionLabelKey> {
  key: Key;
  params?: MessageParams;
  /** Rendered instead when the catalogue has no entry for `key` (an option value added after the catalogue). */
  fallback?: Message;
}

/** A surface's strings by key; a key it lacks reads as undefined. */
export type Catalogue = Readonly<Record<string, string | undefined>>;

export function message(key: MessageKey, params?: MessageParams): Message {
  return params === undefined ? { key } : { key, params };
}

/** An option value's label, with "Unknown value (n)" for a value the catalogue does not know, decided when rendered. */
export function optionMessage(optionSet: string, value: number): Message {
  return { key: `option.${optionSet}.${value}`, fallback: message('option.unknown', { value }) };
}

/**
 * Fills `{name}` placeholders with plain text. A surface that renders HTML must still escape the result (the control
 * renders through React, which does); the CLI strips terminal escapes from Dataverse text before printing.
 */
export function formatTemplate(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** A message in the catalogue's words; a key the catalogue lacks renders its fallback, or the key itself. */
export function formatMessage(msg: Message<string>, catalogue: Catalogue): string {
  const template = catalogue[msg.key];
  if (template === undefined) return msg.fallback ? formatMessage(msg.fallback, catalogue) : msg.key;
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(msg.params ?? {})) {
    params[name] = Array.isArray(value)
      ? value.map((item) => formatMessage(item, catalogue)).join(', ')
      : typeof value === 'object'
        ? formatMessage(value, catalogue)
        : value;
  }
  return formatTemplate(template, params);
}
