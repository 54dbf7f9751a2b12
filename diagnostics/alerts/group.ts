/**
 * Alert rows → groups. A repeated alert updates the same tracelog row (modifiedon moves), and the same problem on
 * several rows (mailbox and profile, or re-created rows) groups by code and text, with a count and last seen.
 */
import { ALERT_LEVEL } from '../constants';
import { message } from '../messages/format';
import type { DataverseRecord } from '../port';
import { formattedValue, lookupTable, readDate, readNumber, readString } from '../records';
import type { AlertGroup } from '../model';
import { recogniseAlert } from './known-alerts';

export function groupAlerts(rows: readonly DataverseRecord[]): AlertGroup[] {
  const groups = new Map<string, AlertGroup>();
  for (const row of rows) {
    const level = readNumber(row, 'level');
    if (level !== ALERT_LEVEL.warning && level !== ALERT_LEVEL.error) continue;
    const text = readString(row, 'text') ?? '';
    const code = readNumber(row, 'tracecode');
    const details = readString(row, 'errordetails');
    const regarding =
      lookupTable(row, '_regardingobjectid_value') === 'emailserverprofile' ? 'emailserverprofile' : 'mailbox';
    const modified = (readDate(row, 'modifiedon') ?? readDate(row, 'createdon'))?.toISOString() ?? '';
    const created = readDate(row, 'createdon')?.toISOString() ?? null;
    const key = `${code ?? ''}\u0000${text}`;
    const existing = groups.get(key);
    if (existing) {
      existing.count++;
      if (modified > existing.lastSeen) existing.lastSeen = modified;
      if (created !== null && (existing.firstSeen === null || created < existing.firstSeen))
        existing.firstSeen = created;
      if (level > existing.level) existing.level = level;
      continue;
    }
    const recognised = recogniseAlert(text, details, code);
    const levelLabel = formattedValue(row, 'level');
    groups.set(key, {
      level,
      ...(levelLabel ? { levelLabel } : {}),
      code,
      text,
      details,
      regarding,
      count: 1,
      firstSeen: created,
      lastSeen: modified,
      ...(recognised
        ? {
            recognised: {
              id: recognised.id,
              cause: message(recognised.cause),
              fix: message(recognised.fix),
              learnMoreUrl: recognised.learnMoreUrl,
            },
          }
        : {}),
    });
  }
  return [...groups.values()].sort((a, b) => b.level - a.level || (a.lastSeen < b.lastSeen ? 1 : -1));
}
