/**
 * Where a fleet should start: the mailboxes that are not healthy grouped by their cause — their verdict, their Start-here
 * check and that check's fix — so each fix is stated once for every mailbox it applies to, and counts by email server
 * profile. What this keeps is bounded by the catalogue's fixes and the profiles, never by the number of mailboxes.
 * No Node imports (a host rendering in the browser can group the same way).
 */
import type { ByCheck } from '../diagnostics/fleet';
import { formatMessage } from '../diagnostics/messages/format';
import { CHECK_ORDER, type CheckId, type CheckResult, type DiagnosisReport, type Verdict } from '../diagnostics/report';

export type ListedVerdict = Exclude<Verdict, 'healthy'>;

/** Mailboxes that share a verdict, a Start-here check and its fix. */
export interface CauseGroup {
  key: string;
  verdict: ListedVerdict;
  /** The Start-here check; for an unknown verdict, the first check that could not run. */
  check: CheckId | null;
  /** That check's fix, rendered (Dataverse text never enters a fix: the catalogue's words only). */
  fix: string | null;
  learnMoreUrl: string | null;
  count: number;
}

/** Failing groups first, then warning, then unknown: the order a reader acts in. */
const VERDICT_RANK: Record<ListedVerdict, number> = { failing: 0, warning: 1, unknown: 2 };

/** The check a mailbox's group is named after: Start here, or (unknown) the first check that could not run. */
function causeCheck(report: DiagnosisReport): CheckResult | undefined {
  if (report.startHere !== null) return report.checks.find((c) => c.id === report.startHere);
  return CHECK_ORDER.map((id) => report.checks.find((c) => c.id === id)).find((c) => c?.status === 'error');
}

/** A profile's name as the server-profile check read it; null when the mailbox has none or it could not be read. */
export function profileOf(report: DiagnosisReport): string | null {
  const value = report.checks.find((c) => c.id === 'server-profile')?.evidence.find((e) => e.label.key === 'evidence.profileName')?.value;
  return value?.kind === 'text' ? value.text : null;
}

export interface ProfileCounts {
  /** The profile's name; null: no profile, or it could not be read. */
  profile: string | null;
  failing: number;
  warning: number;
}

/** Groups by cause and counts by profile, one report at a time. */
export class FleetGroups {
  private readonly groups = new Map<string, CauseGroup>();
  private readonly profiles = new Map<string, ProfileCounts>();

  /** The group the report's mailbox falls in (null when it is healthy). */
  add(report: DiagnosisReport): CauseGroup | null {
    if (report.overall === 'healthy') return null;
    const profile = profileOf(report);
    const profileKey = profile ?? '\u0000';
    const counts = this.profiles.get(profileKey) ?? { profile, failing: 0, warning: 0 };
    this.profiles.set(profileKey, counts);
    if (report.overall === 'failing') counts.failing++;
    else if (report.overall === 'warning') counts.warning++;

    const check = causeCheck(report);
    const fix = check?.remedy ? formatMessage(check.remedy) : null;
    const key = `${report.overall}\u0000${check?.id ?? ''}\u0000${fix ?? ''}`;
    let group = this.groups.get(key);
    if (!group) {
      group = { key, verdict: report.overall, check: check?.id ?? null, fix, learnMoreUrl: check?.learnMoreUrl ?? null, count: 0 };
      this.groups.set(key, group);
    }
    group.count++;
    return group;
  }

  /** Failing groups, then warning, then unknown; the largest first within each (ties in the article's order). */
  ordered(): CauseGroup[] {
    const order = (id: CheckId | null) => (id === null ? CHECK_ORDER.length : CHECK_ORDER.indexOf(id));
    return [...this.groups.values()].sort(
      (a, b) => VERDICT_RANK[a.verdict] - VERDICT_RANK[b.verdict] || b.count - a.count || order(a.check) - order(b.check) || (a.fix ?? '').localeCompare(b.fix ?? ''),
    );
  }

  /** Profiles with failing or warning mailboxes, the most first. */
  byProfile(): ProfileCounts[] {
    return [...this.profiles.values()]
      .filter((p) => p.failing + p.warning > 0)
      .sort((a, b) => b.failing + b.warning - (a.failing + a.warning) || b.failing - a.failing || (a.profile ?? '').localeCompare(b.profile ?? ''));
  }
}

/** Failing and warning counts by check, for the checks that have any, in the article's order. */
export function byCheckRows(byCheck: ByCheck): { check: CheckId; failing: number; warning: number }[] {
  return CHECK_ORDER.filter((id) => byCheck[id].fail + byCheck[id].warn > 0).map((id) => ({ check: id, failing: byCheck[id].fail, warning: byCheck[id].warn }));
}
