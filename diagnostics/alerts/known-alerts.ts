/**
 * Recognising an alert: the catalogue's codes first, then its text patterns (see catalogue.ts for why in that order).
 * An alert that matches nothing is kept as text with its code and a Learn search for it (codes.ts).
 */
import { KNOWN_ALERTS, type KnownAlert } from './catalogue';
import { codeMatcher, normaliseAlertText } from './codes';

export { KNOWN_ALERTS, type AlertChannel, type AlertSource, type KnownAlert } from './catalogue';

const BY_CODE = KNOWN_ALERTS.flatMap((alert) => alert.codes.map((code) => ({ alert, matches: codeMatcher(code) })));

/**
 * The known alert an alert row is: `text` and `details` (errordetails) are searched together, since the code is often
 * only in the details; `code` is tracelog's tracecode.
 */
export function recogniseAlert(text: string, details: string | null, code?: number | null): KnownAlert | undefined {
  const haystack = normaliseAlertText(details ? `${text}\n${details}` : text);
  const tracecode = code ?? null;
  const byCode = BY_CODE.find((candidate) => candidate.matches(haystack, tracecode));
  if (byCode) return byCode.alert;
  return KNOWN_ALERTS.find((alert) => alert.patterns.some((pattern) => pattern.test(haystack)));
}
