/**
 * The panel's strings come from the control's resx at run time, through the host's getString (the platform's
 * context.resources.getString): the resx, generated from the engine's and the panel's catalogues, is the catalogue, so
 * the bundle carries no English. A key the resx lacks shows as the key itself, as getString answers it.
 */
import {
  formatMessage,
  formatTemplate,
  type Catalogue,
  type Message,
  type MessageKey,
  type OptionLabelKey,
} from '../../diagnostics';
import type { PanelMessageKey } from '../strings/panel.en';

/** A key the panel can show: the engine's (check titles, statuses, option labels…) or its own. */
export type ControlMessageKey = MessageKey | PanelMessageKey;

export interface Strings {
  /** The resx as a catalogue: engine messages render through it. */
  readonly catalogue: Catalogue;
  t(key: ControlMessageKey, params?: Record<string, string | number>): string;
  message(msg: Message<ControlMessageKey | OptionLabelKey>): string;
  has(key: string): key is ControlMessageKey;
}

export type GetString = (key: string) => string | null | undefined;

/**
 * getString answers the key itself (or '') when the resx has no entry, and a host may have none at all or throw:
 * each of those reads as "no string".
 */
export function resxLookup(getString: GetString | undefined): (key: string) => string | undefined {
  return (key) => {
    let value: string | null | undefined;
    try {
      value = getString?.(key);
    } catch {
      value = undefined;
    }
    return typeof value === 'string' && value !== '' && value !== key ? value : undefined;
  };
}

/** Strings resolve on demand: the resx cannot be listed, only asked one key at a time. */
export function createStrings(getString?: GetString): Strings {
  const lookup = resxLookup(getString);
  const catalogue: Catalogue = new Proxy({} as Catalogue, {
    get: (_target, key) => (typeof key === 'string' ? lookup(key) : undefined),
  });
  return {
    catalogue,
    has: (key): key is ControlMessageKey => lookup(key) !== undefined,
    t: (key, params) => formatTemplate(lookup(key) ?? key, params),
    message: (msg) => formatMessage(msg, catalogue),
  };
}
