/**
 * Where a fleet should start: the mailboxes that are not healthy grouped by cause, and the failing and warning mailboxes
 * per email server profile — what the Fleet health page (webresources/fleet/fleet-view.ts, which also keeps each group's
 * rows) and the CLI's HTML report and posts (FleetGroups, counts only) both show. No Node imports.
 *
 * A group is a (Start here check, fix) pair rather than the check alone: in a fleet the same check can carry different
 * fixes (the Alerts check carries the fix of the alert it quotes), and a group shows its fix once, so every mailbox in
 * it must share that fix. A mailbox that could not be checked (verdict unknown) is grouped by its first check that
 * could not run and that check's fix (grant read access, or try again). What is kept is bounded by the catalogue's
 * fixes and the profiles, never by the number of mailboxes.
 */
import {
  CHECK_ORDER,
  en,
  formatMessage,
  type ByCheck,
  type CheckId,
  type CheckResult,
  type DiagnosisReport,
  type Verdict,
} from '../diagnostics';

export type ListedVerdict = Exclude<Verdict, 'healthy'>;

/** Why a mailbox is not healthy, as its group shows it. */
export interface Cause {
  key: string;
  /** The Start here check; for a mailbox that could not be checked, its first check that could not run. */
  check: CheckId | null;
  /** A Start here step (failing or warning) or a check that could not run. */
  kind: 'cause' | 'unknown';
  /** That check's fix, rendered (the catalogue's words: Dataverse text never enters a fix). */
  fix: string | null;
  learnMoreUrl: string | null;
}

export interface CauseCounts extends Cause {
  failing: number;
  warning: number;
  unknown: number;
}

export interface ProfileCounts {
  /** The profile's name; null: the mailbox has none the scan could read. */
  name: string | null;
  total: number;
  failing: number;
  warning: number;
}

const checkRank = (id: CheckId | null): number => (id === null ? CHECK_ORDER.length : CHECK_ORDER.indexOf(id));

/** The check that explains the verdict: Start here for failing and warning, the first unreadable check for unknown. */
export function causeCheck(report: DiagnosisReport): CheckResult | undefined {
  if (report.startHere !== null) return report.checks.find((check) => check.id === report.startHere);
  return [...report.checks].sort((a, b) => checkRank(a.id) - checkRank(b.id)).find((check) => check.status === 'error');
}

/** The cause of a mailbox that is not healthy. */
export function causeOf(report: DiagnosisReport): Cause {
  const check = causeCheck(report);
  const fix = check?.remedy ? formatMessage(check.remedy, en) : null;
  const kind = report.overall === 'unknown' ? 'unknown' : 'cause';
  return {
    key: `${kind}\u0000${check?.id ?? ''}\u0000${fix ?? ''}`,
    check: check?.id ?? null,
    kind,
    fix,
    learnMoreUrl: check?.learnMoreUrl ?? null,
  };
}

/** Largest group first; equal sizes in the debugging order, causes before checks that could not run. */
export function compareGroups(
  a: { size: number; kind: Cause['kind']; check: CheckId | null },
  b: { size: number; kind: Cause['kind']; check: CheckId | null },
): number {
  return (
    b.size - a.size ||
    Number(a.kind === 'unknown') - Number(b.kind === 'unknown') ||
    checkRank(a.check) - checkRank(b.check)
  );
}

export const groupSize = (g: CauseCounts): number => g.failing + g.warning + g.unknown;

/** The profile a mailbox is on, as its server-profile check read it (null: none, or not readable). */
export function profileOf(report: DiagnosisReport): string | null {
  const check = report.checks.find((c) => c.id === 'server-profile');
  const value = check?.evidence.find((e) => e.label.key === 'evidence.profileName')?.value;
  return value?.kind === 'text' ? value.text : null;
}

/** Mailboxes per profile, one report at a time (every report: `total` counts the healthy too). */
export class ProfileTally {
  private readonly byName = new Map<string, ProfileCounts>();

  add(report: DiagnosisReport): string | null {
    const profile = profileOf(report);
    const counts = this.byName.get(profile ?? '') ?? { name: profile, total: 0, failing: 0, warning: 0 };
    this.byName.set(profile ?? '', counts);
    counts.total++;
    if (report.overall === 'failing') counts.failing++;
    if (report.overall === 'warning') counts.warning++;
    return profile;
  }

  /** Profiles with a failing or warning mailbox, most failing first. */
  profiles(): ProfileCounts[] {
    return [...this.byName.values()]
      .filter((p) => p.failing + p.warning > 0)
      .sort((a, b) => b.failing - a.failing || b.warning - a.warning || (a.name ?? '').localeCompare(b.name ?? ''));
  }
}

/** The groups' counts and the profiles, one report at a time: what the CLI keeps of the fleet beside its tallies. */
export class FleetGroups {
  private readonly groups = new Map<string, CauseCounts>();
  private readonly profileTally = new ProfileTally();

  /** The group of the report's mailbox (null when it is healthy). */
  add(report: DiagnosisReport): CauseCounts | null {
    this.profileTally.add(report);
    if (report.overall === 'healthy') return null;
    const cause = causeOf(report);
    let group = this.groups.get(cause.key);
    if (!group) {
      group = { ...cause, failing: 0, warning: 0, unknown: 0 };
      this.groups.set(cause.key, group);
    }
    group[report.overall]++;
    return group;
  }

  ordered(): CauseCounts[] {
    return [...this.groups.values()].sort((a, b) =>
      compareGroups({ ...a, size: groupSize(a) }, { ...b, size: groupSize(b) }),
    );
  }

  profiles(): ProfileCounts[] {
    return this.profileTally.profiles();
  }
}

/** Failing and warning counts by check, for the checks that have any, in the debugging order. */
export function byCheckRows(byCheck: ByCheck): { check: CheckId; failing: number; warning: number }[] {
  return CHECK_ORDER.filter((id) => byCheck[id].fail + byCheck[id].warn > 0).map((id) => ({
    check: id,
    failing: byCheck[id].fail,
    warning: byCheck[id].warn,
  }));
}
