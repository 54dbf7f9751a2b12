/**
 * appointments — step 5 ("appointment sync is its own beast"): email can sync while appointments, contacts and tasks
 * fail. The current appointments alert is quoted when there is one. Otherwise the causes Learn documents are listed:
 * synchronization filters (https://learn.microsoft.com/troubleshoot/power-platform/dataverse/email-exchange-synchronization/appointments-do-not-synchronize-to-exchange-or-outlook),
 * the organizer and "configured with another organization" (the primary synchronizing organization)
 * (https://learn.microsoft.com/troubleshoot/power-platform/dataverse/email-exchange-synchronization/troubleshooting-monitoring-server-side-synchronization),
 * Exchange error 383 (time zones).
 * The article's advice to turn off the tracking token is not repeated: the tracking token correlates email,
 * organization-wide, and no Learn page names it as an appointment fix.
 * Only applies when the channel is on server-side sync (actdeliverymethod numbers differently: 1 = SSS).
 */
import { alertChannels, analysisOf, isCurrentError } from '../analysis';
import { recogniseAlert } from '../alerts/known-alerts';
import type { DiagnosisInput } from '../input';
import { message } from '../messages/format';
import { readBoolean, readNumber } from '../records';
import { booleanValue, evidence, optionValue, textValue } from '../evidence';
import type { AlertGroup, CheckResult } from '../model';
import { LEARN } from '../learn';
import { channelById, usesServerSideSync } from '../channels';
import { STATUS } from '../constants';
import { errorResult, verdictsOf } from './common';

const ACT = channelById('act');

function aboutAppointments(group: AlertGroup): boolean {
  const about = alertChannels(group.text, recogniseAlert(group.text, group.details, group.code));
  return about !== 'mailbox' && about.includes('act');
}

export function appointmentsCheck(input: DiagnosisInput): CheckResult {
  const learnMoreUrl = `${LEARN.troubleshootFolder}appointments-do-not-synchronize-to-exchange-or-outlook`;
  if (!input.mailbox.ok) return errorResult('appointments', input.mailbox.failure, learnMoreUrl);
  const mailbox = input.mailbox.value;
  const facts = [
    evidence('evidence.deliveryMethod', optionValue(mailbox, ACT.deliveryColumn, ACT.deliveryOptionSet), {
      channel: message('channel.act'),
    }),
    evidence('evidence.channelStatus', optionValue(mailbox, ACT.statusColumn, 'mailbox.status'), {
      channel: message('channel.act'),
    }),
    evidence('evidence.channelEnabled', booleanValue(readBoolean(mailbox, ACT.enabledColumn)), {
      channel: message('channel.act'),
    }),
  ];
  const verdict = verdictsOf('appointments', { evidence: facts, learnMoreUrl });
  if (!usesServerSideSync(mailbox, ACT) || readBoolean(mailbox, 'isforwardmailbox') === true)
    return verdict.skipped('check.appointments.skipped');
  // The alerts are optional here: the status alone decides; a current appointments alert names the cause.
  const { alerts } = analysisOf(input);
  if (!alerts.ok)
    facts.push(evidence('evidence.alertsUnavailable', { kind: 'message', message: message('value.couldNotRead') }));
  // Current or retried by server-side sync (transient: at most a warning); an alert the mailbox recovered from is history.
  const actAlerts = alerts.ok ? alerts.value.own.filter((g) => g.state !== 'recovered' && aboutAppointments(g)) : [];
  for (const alert of actAlerts) facts.push(evidence('evidence.appointmentAlert', textValue(alert.text)));
  const alert = actAlerts[0];
  const remedy = alert?.recognised?.fix ?? message('check.appointments.remedyDocumentedCauses');
  if (readNumber(mailbox, ACT.statusColumn) === STATUS.failure) {
    return alert
      ? verdict.fail('check.appointments.failWithAlert', { text: alert.text }, remedy)
      : verdict.fail('check.appointments.fail', {}, remedy);
  }
  if (alert) {
    const status = isCurrentError(alert) ? 'fail' : 'warn';
    return verdict[status]('check.appointments.alertOnly', { text: alert.text }, remedy);
  }
  return verdict.pass('check.appointments.pass');
}
