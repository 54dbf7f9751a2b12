/**
 * email-tracking — the common false positive: "my email did not track" while sync works as designed. It
 * reports what the owner's "track email messages from" option accepts (usersettings or queue
 * incomingemailfilteringmethod), whether internal email is ignored, and correlation. These are facts (info), not
 * faults — except "No email messages" (4) on a mailbox whose incoming email uses server-side sync: nothing is tracked.
 */
import type { DiagnosisInput } from '../input';
import { message } from '../messages/format';
import { readBoolean, readString } from '../records';
import { booleanValue, evidence, optionLabel, textValue } from '../evidence';
import type { CheckResult, Evidence } from '../model';
import { FILTERING } from '../constants';
import { LEARN } from '../learn';
import { channelById, usesServerSideSync } from '../channels';
import { errorResult, verdictsOf } from './common';

const INCOMING = channelById('incoming');

export function emailTrackingCheck(input: DiagnosisInput): CheckResult {
  const learnMoreUrl = LEARN.filteringCorrelation;
  if (!input.mailbox.ok) return errorResult('email-tracking', input.mailbox.failure, learnMoreUrl);
  if (!input.ownerFiltering.ok) return errorResult('email-tracking', input.ownerFiltering.failure, learnMoreUrl);
  const owner = input.ownerFiltering.value;
  const facts: Evidence[] = [];
  if (owner) {
    facts.push(
      evidence(
        owner.kind === 'queue' ? 'evidence.queueFiltering' : 'evidence.userFiltering',
        owner.filteringMethod === null
          ? { kind: 'none' }
          : {
              kind: 'option',
              optionSet: 'incomingemailfilteringmethod',
              value: owner.filteringMethod,
              ...(owner.filteringLabel ? { label: owner.filteringLabel } : {}),
            },
      ),
    );
  }
  if (input.organization.ok) {
    const org = input.organization.value;
    facts.push(
      evidence('evidence.ignoreInternalEmail', booleanValue(readBoolean(org, 'ignoreinternalemail'))),
      evidence('evidence.correlation', booleanValue(readBoolean(org, 'emailcorrelationenabled'))),
      evidence('evidence.smartMatching', booleanValue(readBoolean(org, 'enablesmartmatching'))),
      evidence('evidence.trackingPrefix', textValue(readString(org, 'trackingprefix'))),
    );
  } else {
    facts.push(evidence('evidence.organizationSettings', { kind: 'message', message: message('value.couldNotRead') }));
  }
  const verdict = verdictsOf('email-tracking', { evidence: facts, learnMoreUrl });
  const method = owner?.filteringMethod ?? null;
  if (method === FILTERING.none && usesServerSideSync(input.mailbox.value, INCOMING))
    return verdict.warn('check.email-tracking.warnNone', undefined, 'check.email-tracking.remedyNone');
  if (method === null)
    return verdict.info('check.email-tracking.infoUnknown', {}, 'check.email-tracking.remedyExplain');
  const option = owner?.filteringLabel ?? optionLabel('incomingemailfilteringmethod', method);
  return verdict.info('check.email-tracking.info', { option }, 'check.email-tracking.remedyExplain');
}
