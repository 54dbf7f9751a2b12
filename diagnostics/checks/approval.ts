/**
 * approval — step 1 of the debugging order ("confirm the mailbox is actually approved"). Half of all sync failures
 * trace back to a mailbox that was never approved or lost approval. An unapproved mailbox is only a failure when the
 * organization processes email for approved users/queues only (requireapprovalforuseremail / …queueemail, chosen by
 * the kind of owner in the regarding lookup); otherwise it is a warning.
 */
import { MAILBOX_APPROVED } from '../constants';
import { ownerKindOf, type DiagnosisInput } from '../input';
import { message } from '../messages/format';
import { formattedValue, readBoolean, readDate, readNumber, readString } from '../records';
import { booleanValue, dateValue, evidence, optionLabel, optionValue, textValue } from '../evidence';
import type { CheckResult } from '../model';
import { LEARN } from '../learn';
import { errorResult, flagOrDefault, verdictsOf } from './common';

export function approvalCheck(input: DiagnosisInput): CheckResult {
  const learnMoreUrl = LEARN.connectExchangeOnline;
  if (!input.mailbox.ok) return errorResult('approval', input.mailbox.failure, learnMoreUrl);
  const mailbox = input.mailbox.value;
  const approval = readNumber(mailbox, 'emailrouteraccessapproval');
  const ownerKind = ownerKindOf(mailbox);
  const approvedOn = readDate(mailbox, 'emailaddressapprovedon');
  const approvedBy =
    formattedValue(mailbox, '_emailaddressapprovedby_value') ?? readString(mailbox, '_emailaddressapprovedby_value');
  const facts = [
    evidence(
      'evidence.approvalStatus',
      optionValue(mailbox, 'emailrouteraccessapproval', 'mailbox.emailrouteraccessapproval'),
    ),
    evidence('evidence.ownerKind', { kind: 'message', message: message(`owner.${ownerKind}`) }),
    evidence('evidence.approvedByO365Admin', booleanValue(readBoolean(mailbox, 'isemailaddressapprovedbyo365admin'))),
    ...(approvedOn ? [evidence('evidence.approvedOn', dateValue(approvedOn))] : []),
    ...(approvedBy ? [evidence('evidence.approvedBy', textValue(approvedBy))] : []),
  ];
  const verdict = verdictsOf('approval', { evidence: facts, learnMoreUrl });
  if (approval === MAILBOX_APPROVED) return verdict.pass('check.approval.pass');
  if (!input.organization.ok) return errorResult('approval', input.organization.failure, learnMoreUrl, facts);
  const organization = input.organization.value;
  // Both settings default to On ("Process emails only for approved users/queues"), so an empty column means required.
  const userRequired = flagOrDefault(organization, 'requireapprovalforuseremail', true);
  const queueRequired = flagOrDefault(organization, 'requireapprovalforqueueemail', true);
  const required =
    ownerKind === 'systemuser' ? userRequired : ownerKind === 'queue' ? queueRequired : userRequired || queueRequired;
  facts.push(
    evidence(
      ownerKind === 'queue' ? 'evidence.requireApprovalQueue' : 'evidence.requireApprovalUser',
      booleanValue(ownerKind === 'queue' ? queueRequired : userRequired),
    ),
  );
  const status = optionLabel('mailbox.emailrouteraccessapproval', approval, mailbox, 'emailrouteraccessapproval');
  return required
    ? verdict.fail('check.approval.failRequired', { status }, 'check.approval.remedy')
    : verdict.warn('check.approval.warnNotRequired', { status }, 'check.approval.remedy');
}
