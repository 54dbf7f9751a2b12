/**
 * CLI text: the command line's own catalogue (cli/strings.en.ts) and the engine's (check titles, fixes, option labels),
 * which the CLI renders beside its own words.
 */
import { en, formatTemplate, type MessageKey } from '../diagnostics';
import { cliEn, type CliKey } from './strings.en';

export type { CliKey } from './strings.en';
export type TextKey = MessageKey | CliKey;

const CATALOGUE: Readonly<Record<TextKey, string>> = { ...en, ...cliEn };

export function t(key: TextKey, params?: Record<string, string | number>): string {
  return formatTemplate(CATALOGUE[key], params);
}
