/**
 * delivery-methods — step 1 (the mailbox's configuration: each channel's delivery method and enabled flag). A
 * channel that is set to server-side sync but disabled never syncs (server-side sync disables a mailbox after a
 * permanent error, or after repeated transient failures); an inactive mailbox never syncs at all. When the owner, an
 * alert or the last sync error explains the disabled channel, this check says so and "Start here" goes to that cause.
 * Incoming email through a forward mailbox is a documented setup: it passes when an active, receiving forward mailbox
 * exists (https://learn.microsoft.com/power-platform/admin/forward-mailbox-vs-individual-mailboxes). A queue's outgoing
 * None is deliberate (information); for a forward mailbox itself, outgoing email and appointments do not apply.
 */
import { analysisOf } from '../analysis';
import { DELIVERY, STATE } from '../constants';
import { ownerKindOf, type DiagnosisInput } from '../input';
import { readBoolean, readNumber } from '../records';
import { booleanValue, evidence, optionValue } from '../evidence';
import type { CheckResult, Evidence } from '../model';
import { LEARN } from '../learn';
import { CHANNELS, usesServerSideSync } from '../channels';
import { channelName, errorResult, symptomOf, verdictsOf } from './common';

export function deliveryMethodsCheck(input: DiagnosisInput): CheckResult {
  const learnMoreUrl = LEARN.connectExchangeOnline;
  if (!input.mailbox.ok) return errorResult('delivery-methods', input.mailbox.failure, learnMoreUrl);
  const mailbox = input.mailbox.value;
  const isForwardMailbox = readBoolean(mailbox, 'isforwardmailbox') === true;
  const channels = isForwardMailbox ? CHANNELS.filter((c) => c.id === 'incoming') : CHANNELS;
  const facts: Evidence[] = [
    evidence('evidence.mailboxState', optionValue(mailbox, 'statecode', 'mailbox.statecode')),
    ...channels.flatMap((channel) => [
      evidence('evidence.deliveryMethod', optionValue(mailbox, channel.deliveryColumn, channel.deliveryOptionSet), {
        channel: channelName(channel),
      }),
      evidence('evidence.channelEnabled', booleanValue(readBoolean(mailbox, channel.enabledColumn)), {
        channel: channelName(channel),
      }),
    ]),
    ...(isForwardMailbox ? [evidence('evidence.isForwardMailbox', booleanValue(true))] : []),
  ];
  const base = { evidence: facts, learnMoreUrl };
  const verdict = verdictsOf('delivery-methods', base);
  const { rootCause } = analysisOf(input);
  if (readNumber(mailbox, 'statecode') === STATE.inactive) {
    if (rootCause?.check === 'owner')
      return symptomOf('delivery-methods', rootCause, 'check.delivery-methods.failInactiveExplained', {}, base);
    return verdict.fail('check.delivery-methods.failInactive', undefined, 'check.delivery-methods.remedyActivate');
  }
  const disabled = channels.filter(
    (channel) => usesServerSideSync(mailbox, channel) && readBoolean(mailbox, channel.enabledColumn) === false,
  );
  if (disabled.length > 0) {
    const params = { channels: disabled.map(channelName) };
    if (rootCause)
      return symptomOf('delivery-methods', rootCause, 'check.delivery-methods.failDisabledExplained', params, base);
    return verdict.fail('check.delivery-methods.failDisabled', params, 'check.delivery-methods.remedyEnable');
  }
  const throughForwardMailbox = readNumber(mailbox, 'incomingemaildeliverymethod') === DELIVERY.forwardMailbox;
  if (throughForwardMailbox && !isForwardMailbox) {
    if (!input.forwardMailboxAvailable.ok)
      return errorResult('delivery-methods', input.forwardMailboxAvailable.failure, learnMoreUrl, facts);
    facts.push(
      evidence('evidence.forwardMailboxAvailable', booleanValue(input.forwardMailboxAvailable.value === true)),
    );
    if (input.forwardMailboxAvailable.value !== true) {
      return verdict.warn(
        'check.delivery-methods.warnNoForwardMailbox',
        undefined,
        'check.delivery-methods.remedyForwardMailbox',
      );
    }
  }
  const ownedByQueue = ownerKindOf(mailbox) === 'queue';
  const notServerSideSync = channels.filter(
    (channel) =>
      channel.id !== 'act' &&
      !usesServerSideSync(mailbox, channel) &&
      !(channel.id === 'incoming' && throughForwardMailbox),
  );
  const deliberate = notServerSideSync.filter(
    (channel) =>
      channel.id === 'outgoing' && ownedByQueue && readNumber(mailbox, channel.deliveryColumn) === DELIVERY.emailNone,
  );
  const questionable = notServerSideSync.filter((channel) => !deliberate.includes(channel));
  if (questionable.length > 0) {
    return verdict.warn(
      'check.delivery-methods.warnNotServerSideSync',
      { channels: questionable.map(channelName) },
      'check.delivery-methods.remedyServerSideSync',
    );
  }
  if (deliberate.length > 0) return verdict.info('check.delivery-methods.infoQueueOutgoingNone');
  return verdict.pass(throughForwardMailbox ? 'check.delivery-methods.passForward' : 'check.delivery-methods.pass');
}
