/**
 * The alerts server-side sync writes, recognised by their text, with the cause and the fix. The first three are the
 * article's; the rest are documented in Microsoft's troubleshooting articles (sss-data-model §3a–3b, S10/S19). Order
 * matters: the first match wins, so specific patterns come before general ones (a quota 403 before a plain 403).
 * An alert that matches nothing is kept as plain text.
 */
import type { MessageKey } from '../messages/en';
import { LEARN } from '../checks/common';

export type KnownAlertId =
  | 'tracking-categories'
  | 'credentials-incorrect'
  | 'profile-location-incorrect'
  | 'requires-m365-approval'
  | 'not-approved'
  | 'location-undetermined'
  | 'organizer-missing'
  | 'another-organization'
  | 'connect-failure'
  | 'smtp-send-error'
  | 'invalid-sender'
  | 'invalid-forward-item'
  | 'quota-exceeded'
  | 'submission-quota-exceeded'
  | 'forbidden'
  | 'aadsts'
  | 'unauthorized'
  | 'store-unavailable'
  | 'socket-timeout'
  | 'host-not-found'
  | 'invalid-license'
  | 'no-profile'
  | 'mailbox-disabled'
  | 'user-privilege'
  | 'incoming-integration-error'
  | 'queue-team-no-roles'
  | 'no-match'
  | 'impersonation'
  | 'smtp-no-mailbox'
  | 'gmail-authentication'
  | 'graph-800046'
  | 'graph-8005e259'
  | 'graph-8005e272'
  | 'graph-8005e273'
  | 'graph-8005e274'
  | 'graph-8005e276'
  | 'server-busy';

export interface KnownAlert {
  id: KnownAlertId;
  pattern: RegExp;
  cause: MessageKey;
  fix: MessageKey;
  learnMoreUrl: string;
  /** Exchange or Entra refused the sign-in (credentials, 401): the documented causes are the account's, not the network's. */
  signInRefused?: true;
  /**
   * The channels the alert is about. Absent: read from the alert's wording (receiving, sending, appointments), and
   * when the wording says nothing, the mailbox as a whole.
   */
  channels?: readonly AlertChannel[];
  /** Server-side sync retries it by itself: the fix is "nothing to do unless it persists", so it never fails a mailbox. */
  transient?: true;
}

export type AlertChannel = 'incoming' | 'outgoing' | 'act';

const file = (name: string) => `${LEARN.troubleshootFolder}${name}`;
const code = (name: string) => `${LEARN.sssErrorCodes}${name}`;

function known(id: KnownAlertId, pattern: RegExp, learnMoreUrl: string, flags: Pick<KnownAlert, 'signInRefused' | 'channels' | 'transient'> = {}): KnownAlert {
  return { id, pattern, cause: `alert.${id}.cause` as MessageKey, fix: `alert.${id}.fix` as MessageKey, learnMoreUrl, ...flags };
}

export const KNOWN_ALERTS: readonly KnownAlert[] = [
  known('tracking-categories', /tracking categor(y|ies)/i, LEARN.troubleshooting),
  known('requires-m365-approval', /requires? approval by (a|an) (Microsoft 365|Office 365|O365) administrator/i, LEARN.troubleshooting),
  known('not-approved', /(not|haven't|have not|hasn't|has not) (been )?approved/i, LEARN.troubleshooting),
  known('profile-location-incorrect', /(email server profile|server) location (is )?(incorrect|not correct|wrong)/i, LEARN.troubleshooting),
  known('location-undetermined', /mailbox location could not be determined/i, LEARN.troubleshooting),
  known('organizer-missing', /organizer field/i, LEARN.troubleshooting, { channels: ['act'] }),
  known('another-organization', /configured with another (organization|org)/i, LEARN.troubleshooting, { channels: ['act'] }),
  known('invalid-license', /ErrorInvalidLicense/i, file('email-cannot-be-received-because-license-is-invalid-error')),
  known('quota-exceeded', /ErrorQuotaExceeded/i, file('errorquotaexceeded-exchange-server-returned-403-error')),
  known('submission-quota-exceeded', /ErrorSubmissionQuotaExceeded/i, file('errorsubmissionquotaexceeded-exception')),
  known('server-busy', /ErrorServerBusy/i, 'https://learn.microsoft.com/exchange/client-developer/exchange-web-services/ews-throttling-in-exchange', { transient: true }),
  known('store-unavailable', /ErrorMailboxStoreUnavailable/i, file('general-mailbox-access-error-occurred-while-receiving-email-through-mailbox-error'), { transient: true }),
  known('impersonation', /permission to impersonate/i, LEARN.troubleshooting, { signInRefused: true }),
  known('smtp-no-mailbox', /SMTP address has no mailbox/i, LEARN.troubleshooting),
  known('gmail-authentication', /OutgoingEmailAuthenticationError/i, file('outgoingemailauthenticationerror-shows-in-mailbox-alert')),
  known('graph-800046', /\b800046\b/, code('error-code-800046')),
  known('graph-8005e259', /8005E259/i, code('error-code-8005e259')),
  known('graph-8005e272', /8005E272/i, code('error-code-8005e272'), { signInRefused: true }),
  known('graph-8005e273', /8005E273/i, code('error-code-8005e273')),
  known('graph-8005e274', /8005E274/i, code('error-code-8005e274')),
  known('graph-8005e276', /8005E276/i, code('error-code-8005e276')),
  known('aadsts', /AADSTS\d+/i, LEARN.conditionalAccess, { signInRefused: true }),
  known('credentials-incorrect', /credentials .{0,80}(incorrect|insufficient permissions)/i, LEARN.troubleshooting, { signInRefused: true }),
  known('forbidden', /\(403\)|403 Forbidden|returned Forbidden|HTTP 403/i, file('http-server-returned-forbidden-exception')),
  known('unauthorized', /\(401\)|401 Unauthorized|\bUnauthorized\b/i, file('exception-when-using-server-side-sync'), { signInRefused: true }),
  known('connect-failure', /ConnectFailure/i, file('error-occurs-sending-email-for-mailbox')),
  known('smtp-send-error', /SmtpException|unknown error (occurred )?while sending/i, file('error-while-sending-the-email-message')),
  known('invalid-sender', /InvalidSender/i, file('error-when-creating-an-incoming-email')),
  known('invalid-forward-item', /InvalidForwardMailItem/i, file('error-when-creating-an-incoming-email')),
  known('socket-timeout', /TimedOut|timed out/i, file('general-mailbox-access-error-occurred')),
  known('host-not-found', /HostNotFound/i, file('email-cannot-be-received-mailbox')),
  known('no-profile', /InvalidIncomingEmailServerProfile|(doesn't|does not) have (an )?email server profile/i, file('mailbox-does-not-have-email-server-profile')),
  known('mailbox-disabled', /MailboxDisabled/i, file('email-message-cannot-be-sent')),
  known('user-privilege', /UserPrivilegeError/i, file('an-internal-dynamics-365-error')),
  known('incoming-integration-error', /UnknownIncomingEmailIntegrationError|-2147220891/i, file('unknownincomingemailintegrationerror-2147220891')),
  known('queue-team-no-roles', /-2147209462/, file('error-2147209462-logged-mailbox-record')),
  known('no-match', /NoCorrelationMatch|NoRecipientMatch|-2147218683/i, file('email-fails-to-create-with-norecipientmatch-error')),
];

/** The first known alert whose pattern appears in the alert's text or details (`code` is tracelog's tracecode). */
export function recogniseAlert(text: string, details: string | null, code?: number | null): KnownAlert | undefined {
  void code;
  const haystack = details ? `${text}\n${details}` : text;
  return KNOWN_ALERTS.find((alert) => alert.pattern.test(haystack));
}
