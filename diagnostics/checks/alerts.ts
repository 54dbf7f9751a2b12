/**
 * alerts — step 2 ("check the alerts table directly"). Warning and Error alerts of the last 7 days about the mailbox
 * or its email server profile (profile-level alerts point at the profile, not the mailbox). Alerts are not cleared by
 * a later success, so an Error alert still fails the check after a successful sync. When the organization does not
 * record Error alerts, an empty list proves nothing, and the check says so.
 */
import { groupAlerts, ALERT_LEVEL } from '../alerts/group';
import type { DiagnosisInput } from '../input';
import { message } from '../messages/format';
import { ALERT_LIMIT, ALERT_WINDOW_DAYS } from '../queries';
import { booleanValue, evidence, readBoolean } from '../records';
import type { CheckResult } from '../report';
import { errorResult, LEARN, result } from './common';

export function alertsCheck(input: DiagnosisInput): CheckResult {
  const learnMoreUrl = LEARN.troubleshooting;
  if (!input.alerts.ok) return errorResult('alerts', input.alerts.failure, learnMoreUrl);
  const groups = groupAlerts(input.alerts.value);
  const errors = groups.filter((g) => g.level === ALERT_LEVEL.error);
  const warnings = groups.filter((g) => g.level === ALERT_LEVEL.warning);
  const errorAlertsRecorded = input.organization.ok
    ? readBoolean(input.organization.value, 'generatealertsforerrors')
    : null;
  const facts = [
    evidence('evidence.alertWindow', { kind: 'message', message: message('value.days', { days: ALERT_WINDOW_DAYS }) }),
    evidence('evidence.errorAlerts', { kind: 'number', value: errors.length }),
    evidence('evidence.warningAlerts', { kind: 'number', value: warnings.length }),
    evidence(
      'evidence.errorAlertsRecorded',
      errorAlertsRecorded === null
        ? { kind: 'message', message: message('value.couldNotRead') }
        : booleanValue(errorAlertsRecorded),
    ),
    ...(input.alerts.value.length >= ALERT_LIMIT
      ? [evidence('evidence.alertsTruncated', { kind: 'number' as const, value: ALERT_LIMIT })]
      : []),
  ];
  const base = { evidence: facts, learnMoreUrl };
  const withAlerts = (r: CheckResult): CheckResult => ({ ...r, alerts: groups });
  const worst =
    errors.length > 0
      ? ({ status: 'fail', summary: 'check.alerts.failErrors', groups: errors } as const)
      : warnings.length > 0
        ? ({ status: 'warn', summary: 'check.alerts.warnWarnings', groups: warnings } as const)
        : null;
  if (worst) {
    const latest = worst.groups[0];
    return withAlerts(
      result('alerts', {
        ...base,
        status: worst.status,
        summary: worst.summary,
        params: { count: worst.groups.length, text: latest.text },
        remedy: latest.recognised?.fix ?? message('check.alerts.remedyUnrecognised'),
      }),
    );
  }
  if (errorAlertsRecorded === false) {
    return withAlerts(
      result('alerts', {
        ...base,
        status: 'warn',
        summary: 'check.alerts.warnNotRecorded',
        remedy: message('check.alerts.remedyEnableErrorAlerts'),
      }),
    );
  }
  return withAlerts(result('alerts', { ...base, status: 'pass', summary: 'check.alerts.pass' }));
}
