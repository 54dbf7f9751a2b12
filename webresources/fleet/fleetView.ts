/**
 * What the Fleet health page shows beyond the CLI's document: the mailboxes that are not healthy grouped by cause (their
 * Start here check and its fix), and failing and warning mailboxes per email server profile. Built from the same
 * reports the scan's FleetTally counts, one at a time, so a 10,000-mailbox fleet keeps only the unhealthy rows.
 *
 * A group is a (Start here check, fix) pair rather than the check alone: in a fleet the same check can carry different
 * fixes (the Alerts check carries the fix of the alert it quotes), and a group shows its fix once, so every mailbox in
 * it must share that fix. A mailbox that could not be checked (verdict unknown) is grouped by its first check that
 * could not run and that check's fix (grant read access, or try again).
 */
import {
  CHECK_ORDER,
  type CheckId,
  type CheckResult,
  type DiagnosisReport,
  type Verdict,
} from '../../diagnostics/report';
import type { FleetMailboxSummary } from '../../diagnostics/fleet';
import { formatMessage } from '../../diagnostics/messages/format';

export interface FleetRow extends FleetMailboxSummary {
  /** The email server profile's name, or null when the mailbox has none the scan could read. */
  profile: string | null;
  /** The Start here check's one-line summary (Dataverse text inside stays text: it is rendered by React). */
  summary: string;
}

export interface CauseGroup {
  key: string;
  check: CheckId | null;
  /** The group's verdict kind: a Start here step (failing or warning) or a check that could not run. */
  kind: 'cause' | 'unknown';
  fix: string | null;
  learnMoreUrl: string | null;
  rows: FleetRow[];
  failing: number;
  warning: number;
  unknown: number;
}

export interface ProfileCounts {
  name: string | null;
  total: number;
  failing: number;
  warning: number;
}

const checkRank = (id: CheckId | null): number => (id === null ? CHECK_ORDER.length : CHECK_ORDER.indexOf(id));

/** The check that explains the verdict: Start here for failing and warning, the first unreadable check for unknown. */
function causeCheck(report: DiagnosisReport): CheckResult | undefined {
  if (report.startHere !== null) return report.checks.find((check) => check.id === report.startHere);
  return [...report.checks].sort((a, b) => checkRank(a.id) - checkRank(b.id)).find((check) => check.status === 'error');
}

/** The profile a mailbox is on, as its server-profile check read it (null: none, or not readable). */
export function profileOf(report: DiagnosisReport): string | null {
  const check = report.checks.find((c) => c.id === 'server-profile');
  const value = check?.evidence.find((e) => e.label.key === 'evidence.profileName')?.value;
  return value?.kind === 'text' ? value.text : null;
}

export class FleetView {
  private readonly groupsByKey = new Map<string, CauseGroup>();
  private readonly profilesByName = new Map<string, ProfileCounts>();

  /** Adds one scanned mailbox; `summary` is what FleetTally.add kept of it (null: healthy). */
  add(report: DiagnosisReport, summary: FleetMailboxSummary | null): void {
    const profile = profileOf(report);
    const counts = this.profilesByName.get(profile ?? '') ?? { name: profile, total: 0, failing: 0, warning: 0 };
    this.profilesByName.set(profile ?? '', counts);
    counts.total++;
    if (report.overall === 'failing') counts.failing++;
    if (report.overall === 'warning') counts.warning++;
    if (summary === null) return;

    const check = causeCheck(report);
    const fix = check?.remedy ? formatMessage(check.remedy) : null;
    const kind = report.overall === 'unknown' ? 'unknown' : 'cause';
    const key = `${kind}\u0000${check?.id ?? ''}\u0000${fix ?? ''}`;
    let group = this.groupsByKey.get(key);
    if (!group) {
      group = {
        key,
        check: check?.id ?? null,
        kind,
        fix,
        learnMoreUrl: check?.learnMoreUrl ?? null,
        rows: [],
        failing: 0,
        warning: 0,
        unknown: 0,
      };
      this.groupsByKey.set(key, group);
    }
    group[report.overall as Exclude<Verdict, 'healthy'>]++;
    group.rows.push({ ...summary, profile, summary: check ? formatMessage(check.summary) : '' });
  }

  /** Largest group first; equal sizes in the article's debugging order, causes before checks that could not run. */
  groups(): CauseGroup[] {
    return [...this.groupsByKey.values()].sort(
      (a, b) =>
        b.rows.length - a.rows.length ||
        Number(a.kind === 'unknown') - Number(b.kind === 'unknown') ||
        checkRank(a.check) - checkRank(b.check),
    );
  }

  /** Profiles with a failing or warning mailbox, most failing first. */
  profiles(): ProfileCounts[] {
    return [...this.profilesByName.values()]
      .filter((p) => p.failing + p.warning > 0)
      .sort((a, b) => b.failing - a.failing || b.warning - a.warning || (a.name ?? '').localeCompare(b.name ?? ''));
  }
}
