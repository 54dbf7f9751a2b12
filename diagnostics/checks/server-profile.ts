/**
 * server-profile — step 1 ("look for Email Server Profile"). Without an active email server profile the mailbox
 * cannot connect at all (InvalidIncomingEmailServerProfile). The profile's last Test Connection result is an early
 * warning — except when this mailbox's own statuses are Success: Learn says a failed Test Connection can then be
 * disregarded (https://learn.microsoft.com/troubleshoot/power-platform/dataverse/email-exchange-synchronization/test-connection-fails-email-server,
 * cause 3), so it is information.
 */
import type { DiagnosisInput } from '../input';
import { message } from '../messages/format';
import { readBoolean, readDate, readNumber, readString } from '../records';
import { booleanValue, dateValue, evidence, optionLabel, optionValue, textValue } from '../evidence';
import type { CheckResult } from '../model';
import { LEARN } from '../learn';
import { serverSideSyncChannels } from '../channels';
import { STATE, STATUS, TEST_EXECUTION } from '../constants';
import { errorResult, result } from './common';

export function serverProfileCheck(input: DiagnosisInput): CheckResult {
  const learnMoreUrl = LEARN.connectExchangeOnline;
  if (!input.mailbox.ok) return errorResult('server-profile', input.mailbox.failure, learnMoreUrl);
  if (!input.profile.ok) {
    if (input.profile.failure.kind === 'not-found') {
      return result('server-profile', {
        status: 'fail',
        summary: 'check.server-profile.failMissingRecord',
        remedy: message('check.server-profile.remedyAssign'),
        learnMoreUrl,
      });
    }
    return errorResult('server-profile', input.profile.failure, learnMoreUrl);
  }
  const profile = input.profile.value;
  if (profile === null) {
    return result('server-profile', {
      status: 'fail',
      summary: 'check.server-profile.failNone',
      remedy: message('check.server-profile.remedyAssign'),
      learnMoreUrl,
    });
  }
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
  if (readNumber(profile, 'statecode') === STATE.inactive) {
    return result('server-profile', {
      status: 'fail',
      summary: 'check.server-profile.failInactive',
      params: { name },
      evidence: facts,
      remedy: message('check.server-profile.remedyActivate'),
      learnMoreUrl,
    });
  }
  if (lastTest === TEST_EXECUTION.failure || lastTest === TEST_EXECUTION.warning) {
    const channels = serverSideSyncChannels(input.mailbox.value);
    const mailboxSucceeds =
      channels.length > 0 &&
      channels.every((c) => readNumber(input.mailbox.ok ? input.mailbox.value : {}, c.statusColumn) === STATUS.success);
    return result('server-profile', {
      status: mailboxSucceeds ? 'info' : 'warn',
      summary: mailboxSucceeds ? 'check.server-profile.infoLastTestDisregarded' : 'check.server-profile.warnLastTest',
      params: {
        name,
        result: optionLabel('emailserverprofile.lasttestexecutionstatus', lastTest, profile, 'lasttestexecutionstatus'),
      },
      evidence: facts,
      remedy: message('check.server-profile.remedyTestConnection'),
      learnMoreUrl,
    });
  }
  return result('server-profile', {
    status: 'pass',
    summary: 'check.server-profile.pass',
    params: { name },
    evidence: facts,
    learnMoreUrl,
  });
}
