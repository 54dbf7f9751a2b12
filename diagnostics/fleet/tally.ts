/**
 * What a scan keeps of its verdicts: the counts, the counts per check, the findings once each, and (unless told not to)
 * the summaries of the mailboxes that are not healthy. Tallies of several scans merge into one.
 */
import { CHECK_ORDER, type AlertGroup, type CheckId, type DiagnosisReport, type Finding, type Verdict } from '../model';

/** What the scan keeps of a mailbox that is not healthy. */
export interface FleetMailboxSummary {
  id: string;
  name: string | null;
  emailAddress: string | null;
  environment: string | null;
  overall: Verdict;
  startHere: CheckId | null;
  /** Checks that fail, in the debugging order. */
  failingChecks: CheckId[];
  /** Checks that warn. */
  warningChecks: CheckId[];
  /** Checks that could not run (a table could not be read). */
  errorChecks: CheckId[];
}

export interface FleetCounts {
  total: number;
  healthy: number;
  warning: number;
  failing: number;
  unknown: number;
}

export type ByCheck = Record<CheckId, { fail: number; warn: number; error: number }>;

export interface FleetTallyOptions {
  /**
   * Keep each unhealthy mailbox's summary in `mailboxes` (the default). A host that writes every summary out as `add`
   * returns it passes false: then what the tally holds no longer grows with the number of unhealthy mailboxes.
   */
  keepMailboxes?: boolean;
}

/** Counters, findings and (unless told not to keep them) the unhealthy mailboxes: all a scan keeps. */
export class FleetTally implements FleetCounts {
  total = 0;
  healthy = 0;
  warning = 0;
  failing = 0;
  unknown = 0;
  readonly byCheck: ByCheck = Object.fromEntries(
    CHECK_ORDER.map((id) => [id, { fail: 0, warn: 0, error: 0 }]),
  ) as ByCheck;
  readonly mailboxes: FleetMailboxSummary[] = [];
  /** Profile and environment findings, each once however many mailboxes share it; never part of the counts. */
  private readonly findingsByKey = new Map<string, Finding>();
  /** Profile alerts that name a scanned mailbox: that mailbox's own (in its verdict), so not a finding of the fleet. */
  private readonly namedProfileAlerts = new Set<string>();
  private readonly keepMailboxes: boolean;

  constructor(options: FleetTallyOptions = {}) {
    this.keepMailboxes = options.keepMailboxes !== false;
  }

  /** The findings, without the profile alerts that name a scanned mailbox (every other mailbox saw them as findings). */
  get findings(): Finding[] {
    return [...this.findingsByKey.values()].filter(
      (finding) => !finding.alert || !this.namedProfileAlerts.has(profileAlertKey(finding.alert)),
    );
  }

  /** Findings known only once the scan has ended (FleetScan.findings()), each once, as the reports' own. */
  addFindings(findings: readonly Finding[]): void {
    for (const finding of findings)
      if (!this.findingsByKey.has(finding.key)) this.findingsByKey.set(finding.key, finding);
  }

  add(report: DiagnosisReport): FleetMailboxSummary | null {
    this.total++;
    this[report.overall]++;
    this.addFindings(report.findings);
    for (const alert of report.checks.find((c) => c.id === 'alerts')?.alerts ?? []) {
      if (alert.regarding === 'emailserverprofile') this.namedProfileAlerts.add(profileAlertKey(alert));
    }
    const failing: CheckId[] = [];
    const warning: CheckId[] = [];
    const errors: CheckId[] = [];
    for (const check of report.checks) {
      if (check.status === 'fail') failing.push(check.id);
      else if (check.status === 'warn') warning.push(check.id);
      else if (check.status === 'error') errors.push(check.id);
      else continue;
      this.byCheck[check.id][check.status]++;
    }
    if (report.overall === 'healthy') return null;
    const summary: FleetMailboxSummary = {
      id: report.mailbox.id,
      name: report.mailbox.name,
      emailAddress: report.mailbox.emailAddress,
      environment: report.environment,
      overall: report.overall,
      startHere: report.startHere,
      failingChecks: failing,
      warningChecks: warning,
      errorChecks: errors,
    };
    if (this.keepMailboxes) this.mailboxes.push(summary);
    return summary;
  }

  /**
   * Adds another tally (of another environment, or another part of one scan): its counts, counts per check, findings
   * and — when this tally keeps them — its mailboxes. A profile alert one tally saw named by a mailbox stays that
   * mailbox's in the sum too.
   */
  merge(other: FleetTally): void {
    for (const key of ['total', 'healthy', 'warning', 'failing', 'unknown'] as const) this[key] += other[key];
    for (const id of CHECK_ORDER) {
      this.byCheck[id].fail += other.byCheck[id].fail;
      this.byCheck[id].warn += other.byCheck[id].warn;
      this.byCheck[id].error += other.byCheck[id].error;
    }
    this.addFindings([...other.findingsByKey.values()]);
    for (const key of other.namedProfileAlerts) this.namedProfileAlerts.add(key);
    if (this.keepMailboxes) this.mailboxes.push(...other.mailboxes);
  }

  counts(): FleetCounts {
    return {
      total: this.total,
      healthy: this.healthy,
      warning: this.warning,
      failing: this.failing,
      unknown: this.unknown,
    };
  }
}

/** An alert names its mailbox in its text, so code and text tell a profile alert apart across the fleet. */
function profileAlertKey(alert: AlertGroup): string {
  return `${alert.code ?? ''}\u0000${alert.text}`;
}

/** How a mailbox is matched between scans (environment and id, case-insensitive). */
export function mailboxKey(environment: string | null, id: string): string {
  return `${(environment ?? '').toLowerCase()}|${id.toLowerCase()}`;
}
