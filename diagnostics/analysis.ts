/**
 * What several checks must agree on, worked out once per diagnosis: which alerts are about this mailbox and whether
 * each is still current, and which single root cause (if any) explains a failing channel or a disabled mailbox. The
 * checks read it; none of them re-derives it, so the panel tells one story per root cause.
 */
import { groupAlerts } from './alerts/group';
import { recogniseAlert, type AlertChannel, type KnownAlert } from './alerts/known-alerts';
import { serverSideSyncChannels, type Channel } from './channels';
import { ALERT_LEVEL, READ_WRITE_ACCESS, STATE, STATUS } from './constants';
import type { DiagnosisInput } from './input';
import { message, type Message } from './messages/format';
import type { DataverseRecord } from './port';
import { readBoolean, readDate, readNumber, readString } from './records';
import type { AlertGroup, CheckId, Loaded } from './model';

export interface AlertAssessment {
  /** Alerts about this mailbox: its own, and its profile's alerts that name it. Newest and worst first. */
  own: AlertGroup[];
  /** The profile's alerts that do not name this mailbox: profile findings, never part of its verdict. */
  profile: AlertGroup[];
}

/** The check that carries a root cause, and that cause in words. */
export interface RootCause {
  check: CheckId;
  cause: Message;
  fix: Message;
}

export interface Analysis {
  alerts: Loaded<AlertAssessment>;
  /** Server-side sync channels that have status Failure, or are disabled, or the whole mailbox when processing is off. */
  broken: Channel[];
  rootCause: RootCause | null;
}

const cache = new WeakMap<DiagnosisInput, Analysis>();

export function analysisOf(input: DiagnosisInput): Analysis {
  let analysis = cache.get(input);
  if (!analysis) {
    analysis = analyse(input);
    cache.set(input, analysis);
  }
  return analysis;
}

function analyse(input: DiagnosisInput): Analysis {
  const mailbox = input.mailbox.ok ? input.mailbox.value : null;
  const alerts: Loaded<AlertAssessment> = input.alerts.ok
    ? { ok: true, value: assessAlerts(input.alerts.value, mailbox) }
    : input.alerts;
  const broken = mailbox ? brokenChannels(mailbox) : [];
  return { alerts, broken, rootCause: mailbox ? findRootCause(input, mailbox, alerts, broken) : null };
}

// ---------------------------------------------------------------------------------------------------------------
// Rule: a profile alert applies to a mailbox only when it names that mailbox (its address, or its name where the
// alert quotes the mailbox: `mailbox "Dana Whitfield"`, `mailbox Dana Whitfield`). A profile is shared by thousands of
// mailboxes; one Error alert about one of them must not fail the rest.

const NAME_CHARACTER = /[\p{L}\p{N}_\-@']/u;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `needle` occurs in `haystack` (case-insensitive) and is not part of a longer name or address. */
function occursAsWhole(haystack: string, needle: string, before: RegExp = /(?:)/): boolean {
  const pattern = new RegExp(`${before.source}${escapeRegExp(needle)}`, 'giu');
  for (let match = pattern.exec(haystack); match; match = pattern.exec(haystack)) {
    const start = match.index + match[0].length - needle.length;
    const previous = haystack[start - 1] ?? '';
    const next = haystack[match.index + match[0].length] ?? '';
    const nextContinues =
      NAME_CHARACTER.test(next) ||
      (next === '.' && NAME_CHARACTER.test(haystack[match.index + match[0].length + 1] ?? ''));
    if (!NAME_CHARACTER.test(previous) && previous !== '.' && !nextContinues) return true;
    pattern.lastIndex = match.index + 1;
  }
  return false;
}

export function alertNamesMailbox(text: string, name: string | null, address: string | null): boolean {
  if (address && occursAsWhole(text, address)) return true;
  if (!name || name.trim() === '') return false;
  return occursAsWhole(text, name.trim(), /mailbox\s+["“'‘]?/);
}

// ---------------------------------------------------------------------------------------------------------------
// Rule: an Error alert fails a mailbox only while it is current — it occurred after the last successful sync (or the
// mailbox never synced), or the channel it is about still has status Failure. Otherwise the mailbox has recovered
// since; that is a warning. An alert server-side sync retries by itself (transient) is at most a warning.
// Learn: https://learn.microsoft.com/power-platform/admin/monitor-email-processing-errors

/** The channels an alert is about: the catalogue's word for it, else the alert's own wording, else the whole mailbox. */
export function alertChannels(text: string, recognised: KnownAlert | undefined): AlertChannel[] | 'mailbox' {
  if (recognised?.channels && recognised.channels.length > 0) return [...recognised.channels];
  const found: AlertChannel[] = [];
  if (/appointment|calendar|\bcontacts?\b.*\btasks?\b|\bACT\b/i.test(text)) found.push('act');
  if (/\breceiv|\bincoming\b/i.test(text)) found.push('incoming');
  if (/\bsend|\bsent\b|\boutgoing\b/i.test(text)) found.push('outgoing');
  return found.length > 0 ? found : 'mailbox';
}

function statusOf(mailbox: DataverseRecord, channel: Channel): number {
  return readNumber(mailbox, channel.statusColumn) ?? STATUS.notRun;
}

function channelsFailing(mailbox: DataverseRecord, about: AlertChannel[] | 'mailbox'): boolean {
  const onSync = serverSideSyncChannels(mailbox);
  const relevant = about === 'mailbox' ? onSync : onSync.filter((c) => about.includes(c.id));
  return relevant.some((c) => statusOf(mailbox, c) === STATUS.failure);
}

export function assessAlerts(rows: readonly DataverseRecord[], mailbox: DataverseRecord | null): AlertAssessment {
  const name = mailbox ? readString(mailbox, 'name') : null;
  const address = mailbox ? readString(mailbox, 'emailaddress') : null;
  const lastSuccess = mailbox ? readDate(mailbox, 'lastsuccessfulsynccompletedon') : null;
  const own: AlertGroup[] = [];
  const profile: AlertGroup[] = [];
  for (const group of groupAlerts(rows)) {
    if (
      group.regarding === 'emailserverprofile' &&
      !alertNamesMailbox(`${group.text}\n${group.details ?? ''}`, name, address)
    ) {
      profile.push(group);
      continue;
    }
    own.push(withState(group, mailbox, lastSuccess));
  }
  return { own, profile };
}

function withState(group: AlertGroup, mailbox: DataverseRecord | null, lastSuccess: Date | null): AlertGroup {
  const known = recogniseAlert(group.text, group.details, group.code);
  if (known?.transient) return { ...group, state: 'transient' };
  const lastSeen = Date.parse(group.lastSeen);
  const afterLastSuccess = lastSuccess === null || Number.isNaN(lastSeen) || lastSeen > lastSuccess.getTime();
  const stillFailing = mailbox !== null && channelsFailing(mailbox, alertChannels(group.text, known));
  if (afterLastSuccess || stillFailing) return { ...group, state: 'current' };
  return { ...group, state: 'recovered', recoveredSince: lastSuccess!.toISOString() };
}

export function isCurrentError(group: AlertGroup): boolean {
  return group.level === ALERT_LEVEL.error && group.state === 'current';
}

// ---------------------------------------------------------------------------------------------------------------
// Rule: one story per root cause. When the owner, a current recognised alert or the last sync error explains why a
// channel fails or the mailbox is disabled, "Start here" is the check that carries that cause; the symptom checks
// (delivery methods, mailbox status, sync recency) refer to it instead of offering generic causes of their own.

/** 9999-12-31 in postponemailboxprocessinguntil: the server switched processing off after a disabling error. */
export function processingDisabled(postponeUntil: Date | null): boolean {
  return postponeUntil !== null && postponeUntil.getUTCFullYear() >= 9999;
}

function brokenChannels(mailbox: DataverseRecord): Channel[] {
  const onSync = serverSideSyncChannels(mailbox);
  if (processingDisabled(readDate(mailbox, 'postponemailboxprocessinguntil'))) return onSync;
  return onSync.filter(
    (c) => statusOf(mailbox, c) === STATUS.failure || readBoolean(mailbox, c.enabledColumn) === false,
  );
}

/**
 * The owner makes sync impossible: a disabled user, a user who is unlicensed or not in Read-Write access mode
 * (https://learn.microsoft.com/troubleshoot/power-platform/dataverse/email-m365-integration/server-side-synchronization/error-code-800046),
 * an inactive queue. The owner check reports the same conditions.
 */
export function ownerBlocksSync(
  input: DiagnosisInput,
): 'user-disabled' | 'user-access-mode' | 'user-unlicensed' | 'queue-inactive' | null {
  if (!input.owner.ok || input.owner.value === null) return null;
  const { kind, row } = input.owner.value;
  if (kind === 'queue') return readNumber(row, 'statecode') === STATE.inactive ? 'queue-inactive' : null;
  if (readBoolean(row, 'isdisabled') === true) return 'user-disabled';
  const accessMode = readNumber(row, 'accessmode');
  if (accessMode !== null && accessMode !== READ_WRITE_ACCESS) return 'user-access-mode';
  if (readBoolean(row, 'islicensed') === false) return 'user-unlicensed';
  return null;
}

function findRootCause(
  input: DiagnosisInput,
  mailbox: DataverseRecord,
  alerts: Loaded<AlertAssessment>,
  broken: Channel[],
): RootCause | null {
  if (broken.length === 0) return null;
  const owner = ownerBlocksSync(input);
  if (owner) {
    return {
      check: 'owner',
      cause: message(`rootCause.owner.${owner}.cause`),
      fix: message(`rootCause.owner.${owner}.fix`),
    };
  }
  const brokenIds = new Set(broken.map((c) => c.id));
  if (alerts.ok) {
    const explaining = alerts.value.own.find((group) => {
      if (!isCurrentError(group) || !group.recognised) return false;
      const about = alertChannels(group.text, recogniseAlert(group.text, group.details, group.code));
      return about === 'mailbox' || about.some((id) => brokenIds.has(id));
    });
    if (explaining?.recognised)
      return { check: 'alerts', cause: explaining.recognised.cause, fix: explaining.recognised.fix };
  }
  const lastError = readString(mailbox, 'lastsyncerror');
  const known = lastError ? recogniseAlert(lastError, null, readNumber(mailbox, 'lastsyncerrorcode')) : undefined;
  if (known && !known.transient) return { check: 'mailbox-test', cause: message(known.cause), fix: message(known.fix) };
  return null;
}
