/**
 * The alerts a fleet scan did not recognise, counted, so the catalogue can grow from what real environments write.
 * Texts are grouped with their addresses, record ids and quoted names or subjects masked, since those differ from
 * mailbox to mailbox while the sentence stays the same.
 */
import type { DiagnosisReport } from '../model';
import { alertCode, normaliseAlertText } from './codes';

export interface UnrecognisedAlert {
  /** The text with addresses, ids and quoted parts masked. */
  text: string;
  /** Its code (see alertCode), or null. */
  code: string | null;
  /** The mailboxes whose diagnosis shows it. */
  count: number;
}

/** Distinct texts kept; beyond this, texts not yet seen are not counted (a fleet of one-off texts would otherwise grow without bound). */
export const UNRECOGNISED_LIMIT = 5000;

export function maskAlertText(text: string): string {
  return normaliseAlertText(text)
    .replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, '<address>')
    .replace(/\{?\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b\}?/gi, '<id>')
    .replace(/"[^"]*"|“[^”]*”/g, '"…"');
}

export class UnrecognisedAlertTally {
  private readonly byKey = new Map<string, UnrecognisedAlert>();

  add(report: DiagnosisReport): void {
    const seen = new Set<string>();
    for (const check of report.checks) {
      for (const group of check.alerts ?? []) {
        if (group.recognised) continue;
        const text = maskAlertText(group.text);
        const code = alertCode(group.text, group.details, group.code);
        const key = `${code ?? ''}\u0000${text}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const known = this.byKey.get(key);
        if (known) known.count++;
        else if (this.byKey.size < UNRECOGNISED_LIMIT) this.byKey.set(key, { text, code, count: 1 });
      }
    }
  }

  /** The most frequent first (ties by text), at most `limit`. */
  top(limit: number): UnrecognisedAlert[] {
    return [...this.byKey.values()]
      .sort((a, b) => b.count - a.count || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0))
      .slice(0, limit)
      .map((alert) => ({ ...alert }));
  }
}
