/**
 * alerts — step 2 ("check the alerts table directly"). Warning and Error alerts of the last 7 days about this mailbox,
 * and its email server profile's alerts that name it (a profile's other alerts are profile findings, shown beside the
 * checks, never part of this mailbox's verdict). Alerts are not cleared by a later success, so an Error alert fails
 * only while it is current: it occurred after the last successful sync, or the channel it is about still fails.
 * Otherwise the mailbox has recovered since (a warning); an alert server-side sync retries by itself is at most a
 * warning. Learn: https://learn.microsoft.com/power-platform/admin/monitor-email-processing-errors
 * Whether the organization records alerts at all is an environment finding.
 */
import { analysisOf, isCurrentError } from '../analysis';
import { ALERT_LEVEL } from '../constants';
import type { DiagnosisInput } from '../input';
import { message, type Message } from '../messages/format';
import type { MessageKey } from '../messages/en';
import { ALERT_LIMIT, ALERT_WINDOW_DAYS } from '../queries';
import { dateValue, evidence } from '../evidence';
import type { AlertGroup, CheckResult } from '../model';
import { LEARN } from '../learn';
import { errorResult, verdictsOf } from './common';

export function alertsCheck(input: DiagnosisInput): CheckResult {
  const learnMoreUrl = LEARN.troubleshooting;
  const { alerts } = analysisOf(input);
  if (!alerts.ok) return errorResult('alerts', alerts.failure, learnMoreUrl);
  const groups = alerts.value.own;
  const current = groups.filter(isCurrentError);
  const earlierErrors = groups.filter((g) => g.level === ALERT_LEVEL.error && !isCurrentError(g));
  const warnings = groups.filter((g) => g.level === ALERT_LEVEL.warning);
  const facts = [
    evidence('evidence.alertWindow', { kind: 'message', message: message('value.days', { days: ALERT_WINDOW_DAYS }) }),
    evidence('evidence.currentErrorAlerts', { kind: 'number', value: current.length }),
    evidence('evidence.earlierErrorAlerts', { kind: 'number', value: earlierErrors.length }),
    evidence('evidence.warningAlerts', { kind: 'number', value: warnings.length }),
    ...(alerts.value.profile.length > 0
      ? [evidence('evidence.profileAlertsElsewhere', { kind: 'number' as const, value: alerts.value.profile.length })]
      : []),
    ...(input.alerts.ok && input.alerts.value.length >= ALERT_LIMIT
      ? [evidence('evidence.alertsTruncated', { kind: 'number' as const, value: ALERT_LIMIT })]
      : []),
  ];
  const verdict = verdictsOf('alerts', { evidence: facts, learnMoreUrl });
  const withAlerts = (r: CheckResult): CheckResult => ({ ...r, alerts: groups });
  const remedyFor = (group: AlertGroup) => group.recognised?.fix ?? message('check.alerts.remedyUnrecognised');
  /** A verdict names how many alerts of its kind there are and quotes the one it is about. */
  const verdictOn = (
    status: 'fail' | 'warn',
    summary: MessageKey,
    count: number,
    quoted: AlertGroup,
    remedy: Message = remedyFor(quoted),
  ): CheckResult => withAlerts(verdict[status](summary, { count, text: quoted.text }, remedy));
  if (current.length > 0) return verdictOn('fail', 'check.alerts.failErrors', current.length, current[0]);
  const recovered = earlierErrors.find((g) => g.state === 'recovered');
  if (recovered) {
    facts.push(
      evidence(
        'evidence.recoveredSince',
        dateValue(recovered.recoveredSince ? new Date(recovered.recoveredSince) : null),
      ),
    );
    return verdictOn(
      'warn',
      'check.alerts.warnRecovered',
      earlierErrors.length,
      recovered,
      message('check.alerts.remedyRecovered'),
    );
  }
  if (earlierErrors.length > 0)
    return verdictOn('warn', 'check.alerts.warnTransient', earlierErrors.length, earlierErrors[0]);
  if (warnings.length > 0) return verdictOn('warn', 'check.alerts.warnWarnings', warnings.length, warnings[0]);
  return withAlerts(verdict.pass('check.alerts.pass'));
}
