/**
 * conditional-access — step 6 ("the Conditional Access trap"), narrowed to what proves it. A plain (401) or a
 * credentials alert is not Conditional Access: Learn's 401 article lists other causes (address mismatch, a hybrid
 * profile, no Exchange Online licence, another tenant, basic authentication, NoUserFoundWithGivenClaims), and the
 * alerts check gives them. Conditional Access, MFA or a security policy shows as a Microsoft Entra code:
 * AADSTS53000–53004, 50076, 50079, 50131, 50158, 530032, 530035
 * (https://learn.microsoft.com/entra/identity-platform/reference-error-codes). It can only bite where an account
 * (credentials in the profile or the mailbox) or your own app registration (OAuth with Entra ID, Hybrid Modern Auth)
 * signs in; with server-to-server authentication Dynamics 365's own service identity signs in.
 */
import { analysisOf } from '../analysis';
import type { DiagnosisInput } from '../input';
import { readNumber } from '../records';
import { evidence, optionValue, textValue } from '../evidence';
import type { CheckResult } from '../model';
import { LEARN } from '../learn';
import { errorResult, verdictsOf } from './common';

export const CONDITIONAL_ACCESS_CODES: readonly number[] = [
  53000, 53001, 53002, 53003, 53004, 50076, 50079, 50131, 50158, 530032, 530035,
];
/** incomingcredentialretrieval: 0 by user or queue, 1 in the profile, 6 Exchange Hybrid Modern Auth, 7 OAuth with Entra ID. */
const ACCOUNT_OR_OWN_APP = new Set([0, 1, 6, 7]);

/** The first Conditional Access code (AADSTS…) in a text, or null. */
export function conditionalAccessCode(text: string): string | null {
  for (const match of text.matchAll(/AADSTS(\d{5,6})\b/gi)) {
    if (CONDITIONAL_ACCESS_CODES.includes(Number(match[1]))) return `AADSTS${match[1]}`;
  }
  return null;
}

export function conditionalAccessCheck(input: DiagnosisInput): CheckResult {
  const learnMoreUrl = LEARN.conditionalAccess;
  const { alerts } = analysisOf(input);
  if (!alerts.ok) return errorResult('conditional-access', alerts.failure, learnMoreUrl);
  const blocked = alerts.value.own
    .filter((g) => g.state !== 'recovered')
    .map((g) => ({ group: g, code: conditionalAccessCode(`${g.text}\n${g.details ?? ''}`) }))
    .filter((x) => x.code !== null);
  if (blocked.length === 0)
    return verdictsOf('conditional-access', { learnMoreUrl }).pass('check.conditional-access.pass');
  if (!input.profile.ok) return errorResult('conditional-access', input.profile.failure, learnMoreUrl);
  const profile = input.profile.value;
  const { group, code } = blocked[0];
  const facts = [
    evidence('evidence.signInAlert', textValue(group.text)),
    ...(profile
      ? [
          evidence(
            'evidence.incomingCredentials',
            optionValue(profile, 'incomingcredentialretrieval', 'emailserverprofile.credentialretrieval'),
          ),
        ]
      : []),
  ];
  const signsInAsAccountOrApp =
    profile !== null && ACCOUNT_OR_OWN_APP.has(readNumber(profile, 'incomingcredentialretrieval') ?? -1);
  const verdict = verdictsOf('conditional-access', { evidence: facts, learnMoreUrl });
  if (!signsInAsAccountOrApp) return verdict.info('check.conditional-access.infoServiceIdentity', { code: code! });
  return verdict.warn('check.conditional-access.warn', { code: code! }, 'check.conditional-access.remedy');
}
