/**
 * The shape of a diagnosis. Checks return message keys and parameters, never English: every surface renders them
 * through the one catalogue (messages/en.ts), and the CLI's JSON is the rendered form of this report.
 */
import type { TrackingContext } from './email-tracking';
import type { Message } from './messages/format';

export type CheckId =
  | 'approval'
  | 'server-profile'
  | 'delivery-methods'
  | 'alerts'
  | 'mailbox-test'
  | 'sync-recency'
  | 'capacity'
  | 'appointments'
  | 'conditional-access'
  | 'email-tracking';

/** The article's debugging order; the report lists checks in this order and "Start here" follows it. */
export const CHECK_ORDER: readonly CheckId[] = [
  'approval',
  'server-profile',
  'delivery-methods',
  'alerts',
  'mailbox-test',
  'sync-recency',
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
  /** What the email tracking explainer needs to answer for this mailbox without reading it again. */
  tracking: TrackingContext;
}

export function overallVerdict(checks: readonly CheckResult[]): Verdict {
  if (checks.some((c) => c.status === 'fail')) return 'failing';
  if (checks.some((c) => c.status === 'warn')) return 'warning';
  if (checks.some((c) => c.status === 'error')) return 'unknown';
  return 'healthy';
}

export function startHere(checks: readonly CheckResult[]): CheckId | null {
  const ordered = [...checks].sort((a, b) => CHECK_ORDER.indexOf(a.id) - CHECK_ORDER.indexOf(b.id));
  return (ordered.find((c) => c.status === 'fail') ?? ordered.find((c) => c.status === 'warn'))?.id ?? null;
}
