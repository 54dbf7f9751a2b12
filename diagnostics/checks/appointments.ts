/**
 * appointments — step 5 ("appointment sync is its own beast"). Email can sync while appointments, contacts and tasks
 * fail. The usual cause is the tracking-token mismatch on calendar items rewritten by EWS-aware mobile apps; the
 * other documented one is the "configured with another organization" alert (the mailbox syncs ACT with another org).
 * Only applies when the ACT channel is on server-side sync (actdeliverymethod numbers differently: 1 = SSS).
 */
import { groupAlerts, ALERT_LEVEL } from '../alerts/group';
import { KNOWN_ALERTS } from '../alerts/known-alerts';
import type { DiagnosisInput } from '../input';
import { message } from '../messages/format';
import { booleanValue, evidence, optionValue, readBoolean, readNumber, textValue } from '../records';
import type { CheckResult } from '../report';
import { CHANNELS, errorResult, LEARN, result, STATUS, usesServerSideSync } from './common';

const ACT = CHANNELS.find((c) => c.id === 'act')!;
const APPOINTMENT_ALERTS = new Set<string>(KNOWN_ALERTS.filter((a) => a.channels?.length === 1 && a.channels[0] === 'act').map((a) => a.id));

export function appointmentsCheck(input: DiagnosisInput): CheckResult {
  const learnMoreUrl = LEARN.troubleshooting;
  if (!input.mailbox.ok) return errorResult('appointments', input.mailbox.failure, learnMoreUrl);
  const mailbox = input.mailbox.value;
  const facts = [
    evidence('evidence.deliveryMethod', optionValue(mailbox, ACT.deliveryColumn, ACT.deliveryOptionSet), { channel: message('channel.act') }),
    evidence('evidence.channelStatus', optionValue(mailbox, ACT.statusColumn, 'mailbox.status'), { channel: message('channel.act') }),
    evidence('evidence.channelEnabled', booleanValue(readBoolean(mailbox, ACT.enabledColumn)), { channel: message('channel.act') }),
  ];
  if (!usesServerSideSync(mailbox, ACT)) {
    return result('appointments', { status: 'skipped', summary: 'check.appointments.skipped', evidence: facts, learnMoreUrl });
  }
  // The alert read is optional here: the status alone decides; a recognised alert sharpens the explanation.
  const actAlerts = input.alerts.ok ? groupAlerts(input.alerts.value).filter((g) => g.recognised && APPOINTMENT_ALERTS.has(g.recognised.id)) : [];
  if (!input.alerts.ok) facts.push(evidence('evidence.alertsUnavailable', { kind: 'message', message: message('value.couldNotRead') }));
  for (const alert of actAlerts) facts.push(evidence('evidence.appointmentAlert', textValue(alert.text)));
  const alert = actAlerts[0];
  if (readNumber(mailbox, ACT.statusColumn) === STATUS.failure) {
    return result('appointments', {
      status: 'fail',
      summary: alert ? 'check.appointments.failWithAlert' : 'check.appointments.fail',
      params: alert ? { text: alert.text } : {},
      evidence: facts,
      remedy: alert?.recognised ? alert.recognised.fix : message('check.appointments.remedyTrackingToken'),
      learnMoreUrl,
    });
  }
  if (alert) {
    return result('appointments', {
      status: alert.level === ALERT_LEVEL.error ? 'fail' : 'warn',
      summary: 'check.appointments.alertOnly',
      params: { text: alert.text },
      evidence: facts,
      remedy: alert.recognised?.fix ?? message('check.appointments.remedyTrackingToken'),
      learnMoreUrl,
    });
  }
  return result('appointments', { status: 'pass', summary: 'check.appointments.pass', evidence: facts, learnMoreUrl });
}
