/**
 * sync-recency — step 4 ("check the sync schedule"), judged against the mailbox's own schedule: server-side sync
 * postpones each mailbox to its next cycle (postponemailboxprocessinguntil) by its own back-off and the profile's
 * minimum polling interval, so a mailbox on its schedule is never stale, however long ago it last synced
 * (https://learn.microsoft.com/power-platform/admin/best-practices-server-side-synchronization).
 * - A year of 9999 there means the server switched processing off after a disabling error: failure.
 * - Overdue: the next sync is more than 30 minutes in the past and no host holds the mailbox (heuristic).
 * - Stale: the last success is older than max(24 h, 2 × the polling interval) (heuristic).
 * processingstatecode = 1 means a host is processing the mailbox right now — normal, never a failure (Learn gives no
 * values; 0 idle and 1 held by a host come from Microsoft's field engineers: https://blogs.msdn.microsoft.com/
 * crminthefield/2019/02/14/how-to-read-the-dynamics-365-mailbox-details-file-for-troubleshooting/); only a hold longer
 * than an hour hints at a stuck host (heuristic).
 */
import { PROCESSING_NOW } from '../constants';
import { analysisOf, processingDisabled } from '../analysis';
import type { DiagnosisInput } from '../input';
import { message } from '../messages/format';
import { OVERDUE_AFTER_MINUTES } from '../queries';
import { readDate, readNumber, readString } from '../records';
import { dateValue, evidence, numberValue, textValue } from '../evidence';
import type { CheckResult, Evidence } from '../model';
import { LEARN } from '../learn';
import { serverSideSyncChannels } from '../channels';
import { errorResult, symptomOf, verdictsOf } from './common';

const HOUR_MS = 3_600_000;
export const STALE_FAIL_MIN_HOURS = 24;
export const PROCESSING_HELD_WARN_HOURS = 1;

export { processingDisabled };

/** Stale after max(24 h, twice the profile's minimum polling interval). */
export function staleAfterHours(pollingMinutes: number | null): number {
  return Math.max(STALE_FAIL_MIN_HOURS, ((pollingMinutes ?? 0) * 2) / 60);
}

export function syncRecencyCheck(input: DiagnosisInput): CheckResult {
  const learnMoreUrl = LEARN.troubleshooting;
  if (!input.mailbox.ok) return errorResult('sync-recency', input.mailbox.failure, learnMoreUrl);
  const mailbox = input.mailbox.value;
  const now = input.now.getTime();
  const lastSuccess = readDate(mailbox, 'lastsuccessfulsynccompletedon');
  const postponeUntil = readDate(mailbox, 'postponemailboxprocessinguntil');
  const errorCount = readNumber(mailbox, 'lastsyncerrorcount');
  const processingState = readNumber(mailbox, 'processingstatecode');
  const processingSince = readDate(mailbox, 'processinglastattemptedon');
  const polling =
    input.profile.ok && input.profile.value ? readNumber(input.profile.value, 'minpollingintervalinminutes') : null;
  const staleHours = staleAfterHours(polling);
  const disabled = processingDisabled(postponeUntil);
  const held = processingState === PROCESSING_NOW;
  const facts: Evidence[] = [
    evidence('evidence.lastSuccessfulSync', dateValue(lastSuccess)),
    evidence(
      'evidence.nextSync',
      disabled ? { kind: 'message', message: message('value.processingDisabled') } : dateValue(postponeUntil),
    ),
    evidence('evidence.minPolling', numberValue(polling)),
    evidence('evidence.staleAfter', {
      kind: 'message',
      message: message('value.heuristicHours', { hours: Math.round(staleHours) }),
    }),
    evidence('evidence.overdueAfter', {
      kind: 'message',
      message: message('value.heuristicMinutes', { minutes: OVERDUE_AFTER_MINUTES }),
    }),
    evidence('evidence.errorStreak', numberValue(errorCount ?? 0)),
    ...(errorCount
      ? [
          evidence('evidence.lastSyncError', textValue(readString(mailbox, 'lastsyncerror'))),
          evidence('evidence.lastSyncErrorCode', numberValue(readNumber(mailbox, 'lastsyncerrorcode'))),
          evidence('evidence.lastSyncErrorOn', dateValue(readDate(mailbox, 'lastsyncerroroccurredon'))),
        ]
      : []),
    evidence('evidence.processingState', {
      kind: 'message',
      message: message(held ? 'value.processingNow' : 'value.processingIdle'),
    }),
    ...(held ? [evidence('evidence.processingSince', dateValue(processingSince))] : []),
  ];
  const base = { evidence: facts, learnMoreUrl };
  const verdict = verdictsOf('sync-recency', base);
  const { rootCause } = analysisOf(input);
  if (disabled) {
    if (rootCause) return symptomOf('sync-recency', rootCause, 'check.sync-recency.failDisabledExplained', {}, base);
    return verdict.fail('check.sync-recency.failDisabled', undefined, 'check.sync-recency.remedyDisabled');
  }
  if (serverSideSyncChannels(mailbox).length === 0) return verdict.skipped('check.sync-recency.skipped');
  const streak = errorCount ? message('check.sync-recency.streak', { count: errorCount }) : '';
  const ageHours = lastSuccess === null ? null : (now - lastSuccess.getTime()) / HOUR_MS;
  if (ageHours !== null && ageHours > staleHours) {
    const params = { hours: Math.floor(ageHours), streak };
    if (rootCause) return symptomOf('sync-recency', rootCause, 'check.sync-recency.failStaleExplained', params, base);
    return verdict.fail('check.sync-recency.failStale', params, 'check.sync-recency.remedyStale');
  }
  const heldHours = held && processingSince ? (now - processingSince.getTime()) / HOUR_MS : 0;
  if (heldHours > PROCESSING_HELD_WARN_HOURS) {
    const hours = Math.floor(heldHours);
    return verdict.warn('check.sync-recency.warnHeld', { hours }, 'check.sync-recency.remedyHeld');
  }
  const overdueMinutes = !held && postponeUntil !== null ? (now - postponeUntil.getTime()) / 60_000 : 0;
  if (overdueMinutes > OVERDUE_AFTER_MINUTES) {
    const minutes = Math.floor(overdueMinutes);
    return verdict.warn('check.sync-recency.warnOverdue', { minutes, streak }, 'check.sync-recency.remedyOverdue');
  }
  if (ageHours === null)
    return verdict.warn('check.sync-recency.warnNever', { streak }, 'check.sync-recency.remedyNever');
  const age =
    ageHours < 1
      ? message('value.minutesAgo', { minutes: Math.max(0, Math.round(ageHours * 60)) })
      : message('value.hoursAgo', { hours: Math.floor(ageHours) });
  return verdict.pass(held ? 'check.sync-recency.passProcessing' : 'check.sync-recency.pass', { age, streak });
}
