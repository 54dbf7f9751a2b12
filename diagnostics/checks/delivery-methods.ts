/**
 * delivery-methods — step 1 (the article's PowerShell reads IncomingEmailDeliveryMethod). A channel that is set to
 * server-side sync but disabled (SSS disables a mailbox after a permanent error, or after 10 failed transient
 * retries) never syncs; an inactive mailbox never syncs at all. Incoming or outgoing email not on server-side sync is
 * only a warning: it may be deliberate (Outlook, forward mailbox).
 */
import type { DiagnosisInput } from '../input';
import { message } from '../messages/format';
import { booleanValue, evidence, optionValue, readBoolean, readNumber } from '../records';
import type { CheckResult } from '../report';
import { channelName, CHANNELS, errorResult, LEARN, result, usesServerSideSync } from './common';

const INACTIVE = 1;

export function deliveryMethodsCheck(input: DiagnosisInput): CheckResult {
  const learnMoreUrl = LEARN.connectExchangeOnline;
  if (!input.mailbox.ok) return errorResult('delivery-methods', input.mailbox.failure, learnMoreUrl);
  const mailbox = input.mailbox.value;
  const facts = [
    evidence('evidence.mailboxState', optionValue(mailbox, 'statecode', 'mailbox.statecode')),
    ...CHANNELS.flatMap((channel) => [
      evidence('evidence.deliveryMethod', optionValue(mailbox, channel.deliveryColumn, channel.deliveryOptionSet), { channel: channelName(channel) }),
      evidence('evidence.channelEnabled', booleanValue(readBoolean(mailbox, channel.enabledColumn)), { channel: channelName(channel) }),
    ]),
  ];
  if (readNumber(mailbox, 'statecode') === INACTIVE) {
    return result('delivery-methods', { status: 'fail', summary: 'check.delivery-methods.failInactive', evidence: facts, remedy: message('check.delivery-methods.remedyActivate'), learnMoreUrl });
  }
  const disabled = CHANNELS.filter((channel) => usesServerSideSync(mailbox, channel) && readBoolean(mailbox, channel.enabledColumn) === false);
  if (disabled.length > 0) {
    return result('delivery-methods', {
      status: 'fail',
      summary: 'check.delivery-methods.failDisabled',
      params: { channels: disabled.map(channelName) },
      evidence: facts,
      remedy: message('check.delivery-methods.remedyEnable'),
      learnMoreUrl,
    });
  }
  const notServerSideSync = CHANNELS.filter((channel) => channel.id !== 'act' && !usesServerSideSync(mailbox, channel));
  if (notServerSideSync.length > 0) {
    return result('delivery-methods', {
      status: 'warn',
      summary: 'check.delivery-methods.warnNotServerSideSync',
      params: { channels: notServerSideSync.map(channelName) },
      evidence: facts,
      remedy: message('check.delivery-methods.remedyServerSideSync'),
      learnMoreUrl,
    });
  }
  return result('delivery-methods', { status: 'pass', summary: 'check.delivery-methods.pass', evidence: facts, learnMoreUrl });
}
