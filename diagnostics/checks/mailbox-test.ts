/**
 * mailbox-test — step 3 ("Test & Enable"). The incoming, outgoing and appointments statuses are the last status of
 * each channel: Test & Enable sets them, and so does every sync cycle, so a Failure here is "the last status", not
 * necessarily a failed test. The cause comes from the current alert or the last sync error when one explains it;
 * otherwise the documented causes of a failing mailbox are listed (approval, licence, "no user was found", the
 * owner's privileges, credentials): https://learn.microsoft.com/troubleshoot/power-platform/dataverse/email-exchange-synchronization/troubleshooting-monitoring-server-side-synchronization
 * A failure of appointments, contacts and tasks alone is explained by the appointments check (step 5).
 */
import { analysisOf } from '../analysis';
import type { DiagnosisInput } from '../input';
import { message } from '../messages/format';
import { readBoolean, readDate, readNumber, readString } from '../records';
import { dateValue, evidence, optionValue, textValue } from '../evidence';
import type { CheckResult } from '../model';
import { LEARN } from '../learn';
import { CHANNELS, serverSideSyncChannels } from '../channels';
import { STATUS } from '../constants';
import { channelName, errorResult, symptomOf, verdictsOf } from './common';

export function mailboxTestCheck(input: DiagnosisInput): CheckResult {
  const learnMoreUrl = `${LEARN.connectExchangeOnline}#test-the-configuration-of-mailboxes`;
  if (!input.mailbox.ok) return errorResult('mailbox-test', input.mailbox.failure, learnMoreUrl);
  const mailbox = input.mailbox.value;
  const facts = [
    ...CHANNELS.map((channel) =>
      evidence('evidence.channelStatus', optionValue(mailbox, channel.statusColumn, 'mailbox.status'), {
        channel: channelName(channel),
      }),
    ),
    evidence('evidence.lastTestCompleted', dateValue(readDate(mailbox, 'testmailboxaccesscompletedon'))),
    ...(readString(mailbox, 'lastsyncerror')
      ? [evidence('evidence.lastSyncError', textValue(readString(mailbox, 'lastsyncerror')))]
      : []),
  ];
  const base = { evidence: facts, learnMoreUrl };
  const verdict = verdictsOf('mailbox-test', base);
  // A forward mailbox only receives: its outgoing and appointments statuses mean nothing.
  const onSync = serverSideSyncChannels(mailbox).filter(
    (c) => readBoolean(mailbox, 'isforwardmailbox') !== true || c.id === 'incoming',
  );
  if (onSync.length === 0) return verdict.skipped('check.mailbox-test.skipped');
  // An empty status reads as Not Run: nothing has recorded a result for that channel.
  const statusOf = (column: string) => readNumber(mailbox, column) ?? STATUS.notRun;
  const failed = onSync.filter((c) => statusOf(c.statusColumn) === STATUS.failure);
  const notRun = onSync.filter((c) => statusOf(c.statusColumn) === STATUS.notRun);
  if (failed.length > 0) {
    const params = { channels: failed.map(channelName) };
    const { rootCause } = analysisOf(input);
    if (rootCause?.check === 'mailbox-test')
      return verdict.fail('check.mailbox-test.failLastSyncError', { ...params, cause: rootCause.cause }, rootCause.fix);
    if (rootCause) return symptomOf('mailbox-test', rootCause, 'check.mailbox-test.failExplained', params, base);
    if (failed.every((c) => c.id === 'act')) {
      const seeAppointments = message('remedy.seeRootCause', { check: message('check.appointments.title') });
      return {
        ...verdict.fail('check.mailbox-test.failAppointments', undefined, seeAppointments),
        explainedBy: 'appointments',
      };
    }
    return verdict.fail('check.mailbox-test.fail', params, 'check.mailbox-test.remedyDocumentedCauses');
  }
  if (notRun.length > 0) {
    return verdict.warn(
      'check.mailbox-test.warnNotRun',
      { channels: notRun.map(channelName) },
      'check.mailbox-test.remedyNotRun',
    );
  }
  return verdict.pass('check.mailbox-test.pass', { channels: onSync.map(channelName) });
}
