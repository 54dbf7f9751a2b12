/**
 * owner — step 1 of the debugging order, beside approval: server-side sync acts for the mailbox's owner, so the owner
 * must be able to sync at all. A disabled user has nothing to sync (do not advise activating the mailbox); a user
 * without a licence or with an access mode other than Read-Write fails with Exchange licence errors
 * (https://learn.microsoft.com/troubleshoot/power-platform/dataverse/email-m365-integration/server-side-synchronization/error-code-800046);
 * a queue that is inactive receives nothing. The mailbox address should be the owner's address or sign-in name: a
 * mismatch is a documented cause of (401) Unauthorized and "no user was found"
 * (https://learn.microsoft.com/troubleshoot/power-platform/dataverse/email-exchange-synchronization/exception-when-using-server-side-sync),
 * but the tenant's other addresses (aliases) are not visible from Dataverse, so it is only ever a warning.
 */
import { READ_WRITE_ACCESS, STATE } from '../constants';
import type { DiagnosisInput } from '../input';
import { readBoolean, readNumber, readString } from '../records';
import { booleanValue, evidence, optionLabel, optionValue, textValue } from '../evidence';
import type { CheckResult } from '../model';
import { LEARN } from '../learn';
import { serverSideSyncChannels } from '../channels';
import { errorResult, verdictsOf } from './common';

function sameAddress(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && a.trim().toLowerCase() === b.trim().toLowerCase();
}

export function ownerCheck(input: DiagnosisInput): CheckResult {
  const learnMoreUrl = LEARN.connectExchangeOnline;
  if (!input.mailbox.ok) return errorResult('owner', input.mailbox.failure, learnMoreUrl);
  if (!input.owner.ok) return errorResult('owner', input.owner.failure, learnMoreUrl);
  const mailbox = input.mailbox.value;
  const owner = input.owner.value;
  if (owner === null) return verdictsOf('owner', { learnMoreUrl }).skipped('check.owner.skippedUnknown');
  const { row } = owner;
  const syncs = serverSideSyncChannels(mailbox).length > 0;
  if (owner.kind === 'queue') {
    const facts = [
      evidence('evidence.ownerName', textValue(readString(row, 'name'))),
      evidence('evidence.ownerState', optionValue(row, 'statecode', 'queue.statecode')),
    ];
    const verdict = verdictsOf('owner', { evidence: facts, learnMoreUrl });
    const name = readString(row, 'name') ?? '';
    if (readNumber(row, 'statecode') === STATE.inactive)
      return verdict.fail('check.owner.failQueueInactive', { name }, 'rootCause.owner.queue-inactive.fix');
    return verdict.pass('check.owner.passQueue', { name });
  }
  const name = readString(row, 'fullname') ?? '';
  const address = readString(mailbox, 'emailaddress');
  const primary = readString(row, 'internalemailaddress');
  const signIn = readString(row, 'domainname');
  const accessMode = readNumber(row, 'accessmode');
  const licensed = readBoolean(row, 'islicensed');
  const facts = [
    evidence('evidence.ownerName', textValue(readString(row, 'fullname'))),
    evidence('evidence.ownerDisabled', booleanValue(readBoolean(row, 'isdisabled'))),
    evidence('evidence.ownerAccessMode', optionValue(row, 'accessmode', 'systemuser.accessmode')),
    evidence('evidence.ownerLicensed', booleanValue(licensed)),
    evidence('evidence.ownerPrimaryEmail', textValue(primary)),
    evidence('evidence.ownerSignInName', textValue(signIn)),
  ];
  const verdict = verdictsOf('owner', { evidence: facts, learnMoreUrl });
  if (readBoolean(row, 'isdisabled') === true)
    return verdict.fail('check.owner.failUserDisabled', { name }, 'rootCause.owner.user-disabled.fix');
  if (syncs && accessMode !== null && accessMode !== READ_WRITE_ACCESS) {
    const mode = optionLabel('systemuser.accessmode', accessMode, row, 'accessmode');
    return verdict.fail('check.owner.failAccessMode', { name, mode }, 'check.owner.remedyLicence');
  }
  if (syncs && licensed === false)
    return verdict.fail('check.owner.failUnlicensed', { name }, 'check.owner.remedyLicence');
  if (
    address !== null &&
    (primary !== null || signIn !== null) &&
    !sameAddress(address, primary) &&
    !sameAddress(address, signIn)
  ) {
    return verdict.warn('check.owner.warnAddressMismatch', { name, address }, 'check.owner.remedyAddressMismatch');
  }
  return verdict.pass('check.owner.pass', { name });
}
