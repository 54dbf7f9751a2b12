/**
 * mailbox-test — step 3 ("Test & Enable"). The incoming, outgoing and appointments statuses are what Test & Enable
 * and each sync cycle leave behind. Failure on a channel that uses server-side sync fails; Not Run means the channel
 * was never tested and enabled. A failure here points to credentials or Exchange-side throttling (the article).
 */
import type { DiagnosisInput } from '../input';
import { message } from '../messages/format';
import { dateValue, evidence, optionValue, readDate, readNumber } from '../records';
import type { CheckResult } from '../report';
import { channelName, CHANNELS, errorResult, LEARN, result, serverSideSyncChannels, STATUS } from './common';

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
  ];
  const channels = serverSideSyncChannels(mailbox);
  if (channels.length === 0) {
    return result('mailbox-test', {
      status: 'skipped',
      summary: 'check.mailbox-test.skipped',
      evidence: facts,
      learnMoreUrl,
    });
  }
  // An empty status reads as Not Run: nothing has recorded a result for that channel.
  const statusOf = (column: string) => readNumber(mailbox, column) ?? STATUS.notRun;
  const failed = channels.filter((c) => statusOf(c.statusColumn) === STATUS.failure);
  const notRun = channels.filter((c) => statusOf(c.statusColumn) === STATUS.notRun);
  const finding =
    failed.length > 0
      ? ({
          status: 'fail',
          summary: 'check.mailbox-test.fail',
          remedy: 'check.mailbox-test.remedyFailure',
          channels: failed,
        } as const)
      : notRun.length > 0
        ? ({
            status: 'warn',
            summary: 'check.mailbox-test.warnNotRun',
            remedy: 'check.mailbox-test.remedyNotRun',
            channels: notRun,
          } as const)
        : null;
  if (finding) {
    return result('mailbox-test', {
      status: finding.status,
      summary: finding.summary,
      params: { channels: finding.channels.map(channelName) },
      evidence: facts,
      remedy: message(finding.remedy),
      learnMoreUrl,
    });
  }
  return result('mailbox-test', {
    status: 'pass',
    summary: 'check.mailbox-test.pass',
    params: { channels: channels.map(channelName) },
    evidence: facts,
    learnMoreUrl,
  });
}
