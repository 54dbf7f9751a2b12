/**
 * profile-settings — step 1, with the server profile: settings that make a working profile fail for this mailbox.
 * - Credentials "specified by a user or queue", but the mailbox stores none (no user name, or server-side sync may not
 *   use them): sync has nothing to sign in with (https://learn.microsoft.com/power-platform/admin/connect-exchange-online).
 * - An Exchange Online profile with settings Learn calls unsupported there (only server-to-server authentication in
 *   the same tenant is supported): credentials by user or queue or in the profile, impersonation, Auto Discover off
 *   (https://learn.microsoft.com/troubleshoot/power-platform/dataverse/email-exchange-synchronization/troubleshooting-monitoring-server-side-synchronization#using-dynamics-365-apps-with-exchange-online).
 * - "Process email received after" in the future: nothing older is processed until then
 *   (https://learn.microsoft.com/power-apps/developer/data-platform/reference/entities/mailbox).
 */
import { CREDENTIALS } from '../constants';
import type { DiagnosisInput } from '../input';
import { message } from '../messages/format';
import { readBoolean, readDate, readNumber, readString } from '../records';
import { booleanValue, dateValue, evidence, optionValue, textValue } from '../evidence';
import type { CheckResult } from '../model';
import { LEARN } from '../learn';
import { errorResult, verdictsOf } from './common';

/** The profile's server type name (read-only, set by Dataverse): the default Exchange Online profile says so. */
function isExchangeOnline(typeName: string | null): boolean {
  return typeName !== null && /exchange online/i.test(typeName) && !/hybrid/i.test(typeName);
}

export function profileSettingsCheck(input: DiagnosisInput): CheckResult {
  const learnMoreUrl = LEARN.connectExchangeOnline;
  if (!input.mailbox.ok) return errorResult('profile-settings', input.mailbox.failure, learnMoreUrl);
  const noProfile = verdictsOf('profile-settings', { learnMoreUrl });
  if (!input.profile.ok) {
    if (input.profile.failure.kind === 'not-found') return noProfile.skipped('check.profile-settings.skippedNoProfile');
    return errorResult('profile-settings', input.profile.failure, learnMoreUrl);
  }
  const profile = input.profile.value;
  if (profile === null) return noProfile.skipped('check.profile-settings.skippedNoProfile');
  const typeName = readString(profile, 'emailservertypename');
  const autodiscover = readBoolean(profile, 'useautodiscover');
  const byUser =
    readNumber(profile, 'incomingcredentialretrieval') === CREDENTIALS.byUserOrQueue ||
    readNumber(profile, 'outgoingcredentialretrieval') === CREDENTIALS.byUserOrQueue;
  const mailbox = input.mailbox.value;
  const userName = readString(mailbox, 'username');
  const mayUseCredentials = readBoolean(mailbox, 'allowemailconnectortousecredentials');
  const processAfter = readDate(mailbox, 'processemailreceivedafter');
  const facts = [
    evidence('evidence.serverTypeName', textValue(typeName)),
    evidence(
      'evidence.incomingCredentials',
      optionValue(profile, 'incomingcredentialretrieval', 'emailserverprofile.credentialretrieval'),
    ),
    evidence('evidence.autodiscover', booleanValue(autodiscover)),
    ...(byUser
      ? [
          evidence('evidence.mailboxUserName', textValue(userName)),
          evidence('evidence.mailboxCredentialsAllowed', booleanValue(mayUseCredentials)),
        ]
      : []),
    evidence('evidence.processEmailReceivedAfter', dateValue(processAfter)),
  ];
  const verdict = verdictsOf('profile-settings', { evidence: facts, learnMoreUrl });
  const name = readString(profile, 'name') ?? '';
  if (byUser && (userName === null || mayUseCredentials !== true)) {
    return verdict.fail(
      'check.profile-settings.failNoCredentials',
      { name },
      'check.profile-settings.remedyNoCredentials',
    );
  }
  const credentials = readNumber(profile, 'incomingcredentialretrieval');
  const unsupportedOnline = isExchangeOnline(typeName)
    ? [
        ...(credentials === CREDENTIALS.byUserOrQueue || credentials === CREDENTIALS.inProfile
          ? [message(`option.emailserverprofile.credentialretrieval.${credentials}`)]
          : []),
        ...(readBoolean(profile, 'incominguseimpersonation') === true
          ? [message('check.profile-settings.impersonation')]
          : []),
        ...(autodiscover === false ? [message('check.profile-settings.autodiscoverOff')] : []),
      ]
    : [];
  if (unsupportedOnline.length > 0) {
    return verdict.warn(
      'check.profile-settings.warnOnlineUnsupported',
      { name, settings: unsupportedOnline },
      'check.profile-settings.remedyOnlineUnsupported',
    );
  }
  if (processAfter !== null && processAfter.getTime() > input.now.getTime()) {
    return verdict.warn(
      'check.profile-settings.warnProcessAfterFuture',
      { date: processAfter.toISOString().slice(0, 10) },
      'check.profile-settings.remedyProcessAfter',
    );
  }
  return verdict.pass('check.profile-settings.pass', { name });
}
