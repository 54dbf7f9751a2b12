/**
 * Profile and environment findings: facts about what a mailbox shares with others, shown beside its checks and never
 * part of its verdict. A fleet scan meets the same finding on every mailbox that shares it and lists it once (by key).
 * - A profile alert that does not name this mailbox (alert scope: see analysis.ts).
 * - A profile whose mailboxes are overdue: at least 10% and at least 5 of its active server-side sync mailboxes are
 *   more than 30 minutes past their next sync and not held by a host (a heuristic, labelled so): the hosts are not
 *   keeping up with that profile.
 * - Alerts switched off: without Error (or Warning) alerts, an empty alert list proves nothing
 *   (https://learn.microsoft.com/power-platform/admin/monitor-email-processing-errors).
 */
import { analysisOf } from './analysis';
import { LEARN } from './learn';
import type { DiagnosisInput } from './input';
import type { DataverseRecord } from './port';
import { message } from './messages/format';
import { OVERDUE_AFTER_MINUTES } from './queries';
import { readBoolean, readNumber, readString } from './records';
import { booleanValue, evidence, numberValue, textValue } from './evidence';
import type { Finding } from './model';

export const OVERDUE_SHARE = 0.1;
export const OVERDUE_MIN_MAILBOXES = 5;

/**
 * The overdue-profile finding, when `overdue` of the profile's `total` active server-side sync mailboxes reach the
 * heuristic's share and count: a single diagnosis counts with two aggregates, a fleet scan over its stream.
 */
export function profileOverdueFinding(
  profileId: string | null,
  profile: DataverseRecord,
  total: number,
  overdue: number,
): Finding | null {
  if (overdue < OVERDUE_MIN_MAILBOXES || total <= 0 || overdue / total < OVERDUE_SHARE) return null;
  const percent = Math.round((overdue / total) * 100);
  return {
    key: `profile-overdue|${profileId ?? ''}`,
    scope: 'profile',
    kind: 'profile-overdue',
    subject: { id: profileId, name: readString(profile, 'name') },
    summary: message('finding.profile-overdue.summary', { overdue, total, percent, minutes: OVERDUE_AFTER_MINUTES }),
    remedy: message('finding.profile-overdue.remedy'),
    evidence: [
      evidence('evidence.profileMailboxes', numberValue(total)),
      evidence('evidence.profileOverdue', numberValue(overdue)),
      evidence('evidence.maxConnections', numberValue(readNumber(profile, 'maxconcurrentconnections'))),
      evidence('evidence.minPolling', numberValue(readNumber(profile, 'minpollingintervalinminutes'))),
      evidence('evidence.overdueThreshold', {
        kind: 'message',
        message: message('value.overdueHeuristic', { percent: OVERDUE_SHARE * 100, count: OVERDUE_MIN_MAILBOXES }),
      }),
    ],
    learnMoreUrl: LEARN.bestPractices,
  };
}

export function findingsFor(input: DiagnosisInput): Finding[] {
  const findings: Finding[] = [];
  const profile = input.profile.ok ? input.profile.value : null;
  const profileId = input.mailbox.ok
    ? (readString(input.mailbox.value, '_emailserverprofile_value')?.toLowerCase() ?? null)
    : null;
  const subject = { id: profileId, name: profile ? readString(profile, 'name') : null };
  const { alerts } = analysisOf(input);
  if (alerts.ok) {
    for (const alert of alerts.value.profile) {
      findings.push({
        key: `profile-alert|${profileId ?? ''}|${alert.code ?? ''}|${alert.text}`,
        scope: 'profile',
        kind: 'profile-alert',
        subject,
        summary: message('finding.profile-alert.summary', { text: alert.text }),
        ...(alert.recognised ? { remedy: alert.recognised.fix } : {}),
        evidence: [],
        learnMoreUrl: alert.recognised?.learnMoreUrl ?? LEARN.troubleshooting,
        alert,
      });
    }
  }
  if (profile && input.profileMailboxCount.ok && input.profileOverdueCount.ok) {
    const finding = profileOverdueFinding(
      profileId,
      profile,
      input.profileMailboxCount.value ?? 0,
      input.profileOverdueCount.value ?? 0,
    );
    if (finding) findings.push(finding);
  }
  if (input.organization.ok) {
    const org = input.organization.value;
    const errors = readBoolean(org, 'generatealertsforerrors');
    const warnings = readBoolean(org, 'generatealertsforwarnings');
    if (errors === false || warnings === false) {
      findings.push({
        key: `alerts-not-recorded|${readString(org, 'organizationid')?.toLowerCase() ?? ''}`,
        scope: 'environment',
        kind: 'alerts-not-recorded',
        subject: { id: readString(org, 'organizationid'), name: readString(org, 'name') },
        summary: message(
          errors === false ? 'finding.alerts-not-recorded.errors' : 'finding.alerts-not-recorded.warnings',
        ),
        remedy: message('finding.alerts-not-recorded.remedy'),
        evidence: [
          evidence('evidence.errorAlertsRecorded', booleanValue(errors)),
          evidence('evidence.warningAlertsRecorded', booleanValue(warnings)),
          evidence('evidence.organization', textValue(readString(org, 'name'))),
        ],
        learnMoreUrl: LEARN.monitorErrors,
      });
    }
  }
  return findings;
}
