/**
 * sync-recency — step 4 ("check the sync schedule"). When did this mailbox last sync, is it in an error streak, and
 * when will it sync next (postponemailboxprocessinguntil: the question admins ask most)? A year of 9999 there means
 * the server switched processing off after a disabling error. processingstatecode = 1 means a host is processing the
 * mailbox right now — normal, never a failure (the article is wrong there); only a hold longer than an hour hints at
 * a stuck host. The 2 h / 24 h staleness thresholds are heuristics, not Microsoft limits.
 */
import type { DiagnosisInput } from '../input';
import { message } from '../messages/format';
import { dateValue, evidence, numberValue, readDate, readNumber, readString, textValue } from '../records';
import type { CheckResult, Evidence } from '../report';
import { errorResult, LEARN, result, serverSideSyncChannels } from './common';

const HOUR_MS = 3_600_000;
export const STALE_WARN_HOURS = 2;
export const STALE_FAIL_HOURS = 24;
export const PROCESSING_HELD_WARN_HOURS = 1;
const PROCESSING_NOW = 1;

/** The server's "never" (9999-12-31) means processing was disabled. */
export function processingDisabled(postponeUntil: Date | null): boolean {
  return postponeUntil !== null && postponeUntil.getUTCFullYear() >= 9999;
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
  const disabled = processingDisabled(postponeUntil);
  const nextSync = !disabled && postponeUntil !== null && postponeUntil.getTime() > now ? postponeUntil : null;
  const facts: Evidence[] = [
    evidence('evidence.lastSuccessfulSync', dateValue(lastSuccess)),
    evidence(
      'evidence.nextSync',
      disabled ? { kind: 'message', message: message('value.processingDisabled') } : nextSync ? dateValue(nextSync) : { kind: 'message', message: message('value.nextSyncDue') },
    ),
    evidence('evidence.errorStreak', numberValue(errorCount ?? 0)),
    ...(errorCount ? [
      evidence('evidence.lastSyncError', textValue(readString(mailbox, 'lastsyncerror'))),
      evidence('evidence.lastSyncErrorCode', numberValue(readNumber(mailbox, 'lastsyncerrorcode'))),
      evidence('evidence.lastSyncErrorOn', dateValue(readDate(mailbox, 'lastsyncerroroccurredon'))),
    ] : []),
    evidence('evidence.processingState', { kind: 'message', message: message(processingState === PROCESSING_NOW ? 'value.processingNow' : 'value.processingIdle') }),
    ...(processingState === PROCESSING_NOW ? [evidence('evidence.processingSince', dateValue(processingSince))] : []),
  ];
  const base = { evidence: facts, learnMoreUrl };
  if (disabled) {
    return result('sync-recency', { ...base, status: 'fail', summary: 'check.sync-recency.failDisabled', remedy: message('check.sync-recency.remedyDisabled') });
  }
  if (serverSideSyncChannels(mailbox).length === 0) {
    return result('sync-recency', { ...base, status: 'skipped', summary: 'check.sync-recency.skipped' });
  }
  const ageHours = lastSuccess === null ? null : (now - lastSuccess.getTime()) / HOUR_MS;
  const streak = errorCount ? message('check.sync-recency.streak', { count: errorCount }) : '';
  if (ageHours !== null && ageHours > STALE_FAIL_HOURS) {
    return result('sync-recency', { ...base, status: 'fail', summary: 'check.sync-recency.failStale', params: { hours: Math.floor(ageHours), streak }, remedy: message('check.sync-recency.remedyStale') });
  }
  const heldHours = processingState === PROCESSING_NOW && processingSince ? (now - processingSince.getTime()) / HOUR_MS : 0;
  if (ageHours === null) {
    return result('sync-recency', { ...base, status: 'warn', summary: 'check.sync-recency.warnNever', params: { streak }, remedy: message('check.sync-recency.remedyNever') });
  }
  if (ageHours > STALE_WARN_HOURS) {
    return result('sync-recency', { ...base, status: 'warn', summary: 'check.sync-recency.warnStale', params: { hours: Math.floor(ageHours), streak }, remedy: message('check.sync-recency.remedyStale') });
  }
  if (heldHours > PROCESSING_HELD_WARN_HOURS) {
    return result('sync-recency', { ...base, status: 'warn', summary: 'check.sync-recency.warnHeld', params: { hours: Math.floor(heldHours) }, remedy: message('check.sync-recency.remedyHeld') });
  }
  return result('sync-recency', {
    ...base,
    status: 'pass',
    summary: processingState === PROCESSING_NOW ? 'check.sync-recency.passProcessing' : 'check.sync-recency.pass',
    params: { minutes: Math.max(0, Math.round(ageHours * 60)), streak },
  });
}
