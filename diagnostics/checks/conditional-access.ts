/**
 * conditional-access — step 6 ("the Conditional Access trap"). Entra Conditional Access policies that require MFA for
 * all cloud apps block the identity server-side sync signs in with. The signal is a refused sign-in (credentials,
 * 401 or AADSTS alert, same 7-day window) on a profile that authenticates server-to-server or with OAuth; the fix is
 * to exclude that identity or scope the policy by the Power Platform regional IP ranges, after confirming the block in
 * the Entra sign-in logs.
 */
import { groupAlerts } from '../alerts/group';
import { KNOWN_ALERTS } from '../alerts/known-alerts';
import type { DiagnosisInput } from '../input';
import { message } from '../messages/format';
import { evidence, optionValue, readNumber, textValue } from '../records';
import type { CheckResult } from '../report';
import { errorResult, LEARN, result } from './common';

const SIGN_IN_ALERTS = new Set<string>(KNOWN_ALERTS.filter((a) => a.signInRefused).map((a) => a.id));
/** incomingcredentialretrieval: 2 Server to Server, 6 Exchange Hybrid Modern Auth, 7 OAuth with Microsoft Entra ID. */
const ENTRA_CREDENTIALS = new Set([2, 6, 7]);
/** incomingauthenticationprotocol: 4 OAuth. */
const OAUTH_PROTOCOL = 4;

export function conditionalAccessCheck(input: DiagnosisInput): CheckResult {
  const learnMoreUrl = LEARN.conditionalAccess;
  if (!input.alerts.ok) return errorResult('conditional-access', input.alerts.failure, learnMoreUrl);
  const signInAlerts = groupAlerts(input.alerts.value).filter((g) => g.recognised && SIGN_IN_ALERTS.has(g.recognised.id));
  if (signInAlerts.length === 0) {
    return result('conditional-access', { status: 'pass', summary: 'check.conditional-access.pass', learnMoreUrl });
  }
  if (!input.profile.ok) return errorResult('conditional-access', input.profile.failure, learnMoreUrl);
  const profile = input.profile.value;
  const facts = [
    ...signInAlerts.map((alert) => evidence('evidence.signInAlert', textValue(alert.text))),
    ...(profile
      ? [
          evidence('evidence.incomingCredentials', optionValue(profile, 'incomingcredentialretrieval', 'emailserverprofile.credentialretrieval')),
          evidence('evidence.authenticationProtocol', optionValue(profile, 'incomingauthenticationprotocol', 'emailserverprofile.authenticationprotocol')),
        ]
      : []),
  ];
  const entraAuthenticated =
    profile !== null &&
    (ENTRA_CREDENTIALS.has(readNumber(profile, 'incomingcredentialretrieval') ?? -1) || readNumber(profile, 'incomingauthenticationprotocol') === OAUTH_PROTOCOL);
  if (!entraAuthenticated) {
    return result('conditional-access', { status: 'pass', summary: 'check.conditional-access.passNotEntra', evidence: facts, learnMoreUrl });
  }
  return result('conditional-access', {
    status: 'warn',
    summary: 'check.conditional-access.warn',
    params: { text: signInAlerts[0].text },
    evidence: facts,
    remedy: message('check.conditional-access.remedy'),
    learnMoreUrl,
  });
}
