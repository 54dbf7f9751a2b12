/**
 * What the Fleet health page shows beyond the CLI's document: the mailboxes that are not healthy grouped by cause (their
 * Start here check and its fix), and failing and warning mailboxes per email server profile. Built from the same
 * reports the scan's FleetTally counts, one at a time, so a 10,000-mailbox fleet keeps only the unhealthy rows. The
 * grouping itself is the CLI's HTML report's too (cli/scan-groups.ts): the page keeps each group's rows besides.
 */
import type { DiagnosisReport, FleetMailboxSummary, Verdict } from '../../diagnostics';
import { engineText } from './strings.en';
import {
  causeCheck,
  causeOf,
  compareGroups,
  ProfileTally,
  type CauseCounts,
  type ProfileCounts,
} from '../../cli/scan-groups';

export type { ProfileCounts } from '../../cli/scan-groups';

export interface FleetRow extends FleetMailboxSummary {
  /** The email server profile's name, or null when the mailbox has none the scan could read. */
  profile: string | null;
  /** The Start here check's one-line summary (Dataverse text inside stays text: it is rendered by React). */
  summary: string;
}

export interface CauseGroup extends CauseCounts {
  rows: FleetRow[];
}

export class FleetView {
  private readonly groupsByKey = new Map<string, CauseGroup>();
  private readonly profileTally = new ProfileTally();

  /** Adds one scanned mailbox; `summary` is what FleetTally.add kept of it (null: healthy). */
  add(report: DiagnosisReport, summary: FleetMailboxSummary | null): void {
    const profile = this.profileTally.add(report);
    if (summary === null) return;
    const cause = causeOf(report);
    let group = this.groupsByKey.get(cause.key);
    if (!group) {
      group = { ...cause, rows: [], failing: 0, warning: 0, unknown: 0 };
      this.groupsByKey.set(cause.key, group);
    }
    group[report.overall as Exclude<Verdict, 'healthy'>]++;
    const check = causeCheck(report);
    group.rows.push({ ...summary, profile, summary: check ? engineText(check.summary) : '' });
  }

  /** Largest group first; equal sizes in the debugging order, causes before checks that could not run. */
  groups(): CauseGroup[] {
    return [...this.groupsByKey.values()].sort((a, b) =>
      compareGroups({ ...a, size: a.rows.length }, { ...b, size: b.rows.length }),
    );
  }

  /** Profiles with a failing or warning mailbox, most failing first. */
  profiles(): ProfileCounts[] {
    return this.profileTally.profiles();
  }
}
