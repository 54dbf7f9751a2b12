/**
 * The shapes the engine shares with its hosts: a diagnosis report, the tables it reads and how a read can fail, and
 * what the email tracking explainer needs. Types and the check order only, so every module may depend on this one and
 * it depends on nothing but the message and error shapes. Checks return message keys and parameters, never English:
 * every surface renders them through its catalogue, and the CLI's JSON is the rendered form of the report.
 */
import type { FailureKind } from './errors';
import type { Message } from './messages/format';

/** The tables the engine reads; the catalogue names each for people ("Alerts (tracelog)"). */
export type TableName =
  | 'mailbox'
  | 'emailserverprofile'
  | 'tracelog'
  | 'organization'
  | 'usersettings'
  | 'queue'
  | 'contact'
  | 'account'
  | 'lead'
  | 'systemuser'
  | 'exchangesyncidmapping';

export interface ReadFailure {
  table: TableName;
  kind: FailureKind | 'depends';
  /** Dataverse's own message, kept for the evidence; never shown as markup. */
  detail: string;
  code?: string;
  /** The failed request's HTTP status, when the host reported one (0: no answer at all). */
  status?: number;
  /** For `depends`: the table whose failure this one inherited. */
  dependsOn?: TableName;
}

export type Loaded<T> = { ok: true; value: T } | { ok: false; failure: ReadFailure };

export type OwnerKind = 'systemuser' | 'queue' | 'unknown';

/** Who runs the diagnosis, when the host knows: item-level rows are visible only to the owner and administrators. */
export interface Caller {
  userId: string | null;
  systemAdministrator: boolean | null;
}

/** The debugging order; the report lists checks in this order and "Start here" follows it. */
export const CHECK_ORDER = [
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
] as const;

export type CheckId = (typeof CHECK_ORDER)[number];

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

/** What the email tracking explainer needs to answer for one mailbox without reading it again. */
export interface TrackingContext {
  ownerKind: OwnerKind;
  filteringMethod: number | null;
  incomingOnServerSideSync: boolean;
  ignoreInternalEmail: boolean | null;
}

export interface TrackingMatch {
  table: TableName;
  id: string;
  name: string | null;
}

export interface TrackingExplanation {
  address: string;
  tracked: 'yes' | 'no' | 'replies-only' | 'unknown';
  reason: Message;
  matches: TrackingMatch[];
  /** Tables that could not be searched (for example, no read privilege). */
  unreadable: TableName[];
  /** What holds whatever the answer (the Inbox-root rule, Sent Items, folder, category and manual tracking). */
  note: Message;
}
