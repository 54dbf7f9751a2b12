/**
 * server-profile — step 1 ("look for Email Server Profile"). Without an active email server profile the mailbox
 * cannot connect at all (InvalidIncomingEmailServerProfile). The profile's last Test Connection result is an early
 * warning — except when this mailbox's own statuses are Success: Learn says a failed Test Connection can then be
 * disregarded (https://learn.microsoft.com/troubleshoot/power-platform/dataverse/email-exchange-synchronization/test-connection-fails-email-server,
 * cause 3), so it is information.
 */
import type { DiagnosisInput } from '../input';
import { readBoolean, readDate, readNumber, readString } from '../records';
import { booleanValue, dateValue, evidence, optionLabel, optionValue, textValue } from '../evidence';
import type { CheckResult } from '../model';
import { LEARN } from '../learn';
import { serverSideSyncChannels } from '../channels';
import { STATE, STATUS, TEST_EXECUTION } from '../constants';
import { errorResult, verdictsOf } from './common';

export function serverProfileCheck(input: DiagnosisInput): CheckResult {
  const learnMoreUrl = LEARN.connectExchangeOnline;
  if (!input.mailbox.ok) return errorResult('server-profile', input.mailbox.failure, learnMoreUrl);
  const noProfile = verdictsOf('server-profile', { learnMoreUrl });
  if (!input.profile.ok) {
    if (input.profile.failure.kind === 'not-found')
      return noProfile.fail('check.server-profile.failMissingRecord', undefined, 'check.server-profile.remedyAssign');
    return errorResult('server-profile', input.profile.failure, learnMoreUrl);
  }
  const profile = input.profile.value;
  if (profile === null)
    return noProfile.fail('check.server-profile.failNone', undefined, 'check.server-profile.remedyAssign');
  const name = readString(profile, 'name') ?? '';
  const lastTest = readNumber(profile, 'lasttestexecutionstatus');
  const facts = [
    evidence('evidence.profileName', textValue(readString(profile, 'name'))),
    evidence('evidence.profileState', optionValue(profile, 'statecode', 'emailserverprofile.statecode')),
    evidence('evidence.serverType', optionValue(profile, 'servertype', 'emailserverprofile.servertype')),
    evidence(
      'evidence.incomingCredentials',
      optionValue(profile, 'incomingcredentialretrieval', 'emailserverprofile.credentialretrieval'),
    ),
    evidence(
      'evidence.outgoingCredentials',
      optionValue(profile, 'outgoingcredentialretrieval', 'emailserverprofile.credentialretrieval'),
    ),
    evidence(
      'evidence.authenticationProtocol',
      optionValue(profile, 'incomingauthenticationprotocol', 'emailserverprofile.authenticationprotocol'),
    ),
    evidence('evidence.autodiscover', booleanValue(readBoolean(profile, 'useautodiscover'))),
    evidence('evidence.serverLocation', textValue(readString(profile, 'incomingserverlocation'))),
    evidence(
      'evidence.lastTestResult',
      optionValue(profile, 'lasttestexecutionstatus', 'emailserverprofile.lasttestexecutionstatus'),
    ),
    evidence('evidence.lastTestStarted', dateValue(readDate(profile, 'lastteststarttime'))),
  ];
  const verdict = verdictsOf('server-profile', { evidence: facts, learnMoreUrl });
  if (readNumber(profile, 'statecode') === STATE.inactive)
    return verdict.fail('check.server-profile.failInactive', { name }, 'check.server-profile.remedyActivate');
  if (lastTest === TEST_EXECUTION.failure || lastTest === TEST_EXECUTION.warning) {
    const channels = serverSideSyncChannels(input.mailbox.value);
    const mailboxSucceeds =
      channels.length > 0 &&
      channels.every((c) => readNumber(input.mailbox.ok ? input.mailbox.value : {}, c.statusColumn) === STATUS.success);
    const params = {
      name,
      result: optionLabel('emailserverprofile.lasttestexecutionstatus', lastTest, profile, 'lasttestexecutionstatus'),
    };
    const remedy = 'check.server-profile.remedyTestConnection';
    return mailboxSucceeds
      ? verdict.info('check.server-profile.infoLastTestDisregarded', params, remedy)
      : verdict.warn('check.server-profile.warnLastTest', params, remedy);
  }
  return verdict.pass('check.server-profile.pass', { name });
}
