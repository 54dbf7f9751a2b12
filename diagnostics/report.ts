/**
 * The shape of a diagnosis. Checks return message keys and parameters, never English: every surface renders them
 * through the catalogue it has (the engine's English, messages/en.ts, or the control's resx generated from it), and the
 * CLI's JSON is the rendered form of this report.
 */
import type { TrackingContext } from './email-tracking';
import type { Message } from './messages/format';

export type CheckId =
  | 'approval'
  | 'owner'
  | 'server-profile'
  | 'profile-settings'
  | 'delivery-methods'
  | 'alerts'
  | 'mailbox-test'
  | 'sync-recency'
  | 'item-failures'
  | 'capacity'
  | 'appointments'
  | 'conditional-access'
  | 'email-tracking';

/** The article's debugging order; the report lists checks in this order and "Start here" follows it. */
export const CHECK_ORDER: readonly CheckId[] = [
  'approval',
  'owner',
  'server-profile',
  'profile-settings',
  'delivery-methods',
  'alerts',
  'mailbox-test',
  'sync-recency',
  'item-failures',
  'capacity',
  'appointments',
  'conditional-access',
  'email-tracking',
];

/** pass/warn/fail decide the verdict; info never does; skipped = does not apply; error = an input could not be read. */
export type CheckStatus = 'pass' | 'warn' | 'fail' | 'info' | 'skipped' | 'error';

export type Verdict = 'healthy' | 'warning' | 'failing' | 'unknown';

/**
 * A value a check read. Text from Dataverse stays `text` (rendered as text, never markup). Options carry their
 * number, the option set they belong to, and Dataverse's own display label when the response had one.
 */
export type EvidenceValue =
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'datetime'; iso: string }
  | { kind: 'duration'; seconds: number }
  | { kind: 'option'; optionSet: OptionSetName; value: number; label?: string }
  | { kind: 'message'; message: Message }
  | { kind: 'none' };

export interface Evidence {
  label: Message;
  value: EvidenceValue;
}

/** The option sets the engine reads; the catalogue has an English label for each known value. */
export type OptionSetName =
  | 'mailbox.emailrouteraccessapproval'
  | 'mailbox.incomingemaildeliverymethod'
  | 'mailbox.outgoingemaildeliverymethod'
  | 'mailbox.actdeliverymethod'
  | 'mailbox.status'
  | 'mailbox.statecode'
  | 'systemuser.accessmode'
  | 'queue.statecode'
  | 'emailserverprofile.servertype'
  | 'emailserverprofile.credentialretrieval'
  | 'emailserverprofile.authenticationprotocol'
  | 'emailserverprofile.lasttestexecutionstatus'
  | 'emailserverprofile.statecode'
  | 'tracelog.level'
  | 'incomingemailfilteringmethod';

/** One alert row group: a repeated alert updates one row, and distinct rows with the same code and text group. */
export interface AlertGroup {
  level: 1 | 2 | 3;
  levelLabel?: string;
  code: number | null;
  text: string;
  details: string | null;
  regarding: 'mailbox' | 'emailserverprofile';
  count: number;
  firstSeen: string | null;
  lastSeen: string;
  /** The recognised cause, when one of the known alert patterns matched; otherwise the text is shown as is. */
  recognised?: { id: string; cause: Message; fix: Message; learnMoreUrl: string };
  /**
   * Whether the problem is still there: `current` (it occurred after the last successful sync, or the channel it is
   * about still fails), `recovered` (the mailbox synced since and the channel no longer fails), or `transient` (server-side
   * sync retries it by itself). Only a current Error alert fails a mailbox.
   */
  state?: 'current' | 'recovered' | 'transient';
  /** For `recovered`: the successful sync after the alert. */
  recoveredSince?: string;
}

/** One item (email, appointment, contact, task) that failed to sync: the rows of the Item Monitoring dashboard. */
export interface ItemFailure {
  /** null: Dataverse hid the subject from this caller (it answers `***` to anyone but the mailbox owner). */
  subject: string | null;
  error: string | null;
  code: number | null;
  occurredOn: string | null;
}

/**
 * A fact about the email server profile or the environment, not about one mailbox: it never changes a mailbox's
 * verdict. A diagnosis shows it as information; the fleet scan lists each once (by `key`).
 */
export interface Finding {
  key: string;
  scope: 'profile' | 'environment';
  kind: 'profile-alert' | 'profile-overdue' | 'alerts-not-recorded';
  /** The profile or the organization the finding is about. */
  subject: { id: string | null; name: string | null };
  summary: Message;
  remedy?: Message;
  evidence: Evidence[];
  learnMoreUrl: string;
  /** For `profile-alert`: the alert. */
  alert?: AlertGroup;
}

export interface CheckResult {
  id: CheckId;
  title: Message;
  status: CheckStatus;
  summary: Message;
  evidence: Evidence[];
  remedy?: Message;
  learnMoreUrl: string;
  /** Only the alerts check fills this. */
  alerts?: AlertGroup[];
  /** Only the item-failures check fills this (at most ten, newest first). */
  items?: ItemFailure[];
  /**
   * A symptom check names the check that carries the root cause (a current alert, the last sync error, the owner): "Start
   * here" goes there, and this check does not offer generic causes of its own.
   */
  explainedBy?: CheckId;
}

export interface MailboxIdentity {
  id: string;
  name: string | null;
  emailAddress: string | null;
}

export interface DiagnosisReport {
  mailbox: MailboxIdentity;
  /** The environment's base URL when the host knows it (the CLI does), else null. */
  environment: string | null;
  diagnosedAt: string;
  overall: Verdict;
  /** The first failing check in the canonical order, else the first warning, else null. */
  startHere: CheckId | null;
  checks: CheckResult[];
  /** Profile and environment findings: information beside the checks, never part of the verdict. */
  findings: Finding[];
  /** What the email tracking explainer needs to answer for this mailbox without reading it again. */
  tracking: TrackingContext;
}

export function overallVerdict(checks: readonly CheckResult[]): Verdict {
  if (checks.some((c) => c.status === 'fail')) return 'failing';
  if (checks.some((c) => c.status === 'warn')) return 'warning';
  if (checks.some((c) => c.status === 'error')) return 'unknown';
  return 'healthy';
}

/**
 * The first failing check in the canonical order, else the first warning. A symptom explained by another check that
 * fails or warns (the root cause) hands "Start here" to that check: one story per root cause.
 */
export function startHere(checks: readonly CheckResult[]): CheckId | null {
  const ordered = [...checks].sort((a, b) => CHECK_ORDER.indexOf(a.id) - CHECK_ORDER.indexOf(b.id));
  const first = ordered.find((c) => c.status === 'fail') ?? ordered.find((c) => c.status === 'warn');
  if (!first) return null;
  const cause = first.explainedBy ? ordered.find((c) => c.id === first.explainedBy) : undefined;
  return cause && (cause.status === 'fail' || cause.status === 'warn') ? cause.id : first.id;
}
