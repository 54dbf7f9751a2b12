/**
 * The alert catalogue: every alert Microsoft's server-side synchronization troubleshooting articles document, as data.
 * Each entry names its source article (MicrosoftDocs/SupportArticles-docs path and KB number); docs/alert-catalogue.md
 * lists every article read and what it gave (npm run catalogue:report).
 *
 * An entry matches by its codes first (a name in "Email Server Error Code: …", a Dataverse HRESULT, the tracecode), then
 * by its patterns: stable parts of the documented sentence, never the mailbox, profile or subject filled into it. The
 * first entry whose code matches wins; only when no code matches do patterns decide, again first match wins. So one
 * sentence ("An unknown error occurred while receiving email through the mailbox …") with different codes gets
 * different causes, and order matters only among entries that share a code or a sentence.
 *
 * Causes and fixes are in our own words (diagnostics/messages/alerts.en.ts, keys alert.<id>.cause / alert.<id>.fix).
 */
import type { MessageKey } from '../messages/en';
import { LEARN } from '../learn';
import { learnSearchUrl } from './codes';

export type AlertChannel = 'incoming' | 'outgoing' | 'act';

/** Where an alert is documented: a path in MicrosoftDocs/SupportArticles-docs unless `repo` says otherwise. */
export interface AlertSource {
  path: string;
  /** The article's "Original KB number" (several when the article merged several KB articles). */
  kb?: string;
  repo?: string;
}

export interface KnownAlert {
  /** Stable, kebab-case. */
  id: string;
  /** Matched before any text: Exchange or server-side sync code names, Dataverse codes (hex or signed decimal). */
  codes: readonly string[];
  /** Stable parts of the documented alert text, matched when no entry's code matched. */
  patterns: readonly RegExp[];
  cause: MessageKey;
  fix: MessageKey;
  /** A public Learn URL: the source article where it is live on Learn, else a page or a Learn search on the subject. */
  learnMoreUrl: string;
  /** The channels the alert concerns. Absent: read from the alert's wording by the checks. */
  channels?: readonly AlertChannel[];
  /** Server-side sync retries it by itself: the fix is "nothing to do unless it persists", so it never fails a mailbox. */
  transient?: true;
  /** Exchange or Entra refused the sign-in (credentials, 401, no user found): the causes are the account's. */
  signInRefused?: true;
  source: AlertSource;
  /** Other articles that document the same alert (older copies, or a second variant of it). */
  alsoIn?: readonly AlertSource[];
}

const DATAVERSE_FOLDER = 'support/power-platform/dataverse/email-exchange-synchronization/';
const M365_FOLDER = 'support/power-platform/dataverse/email-m365-integration/server-side-synchronization/';
const SALES_FOLDER = 'support/dynamics-365/sales/';

const dataverse = (name: string, kb?: string): AlertSource => ({
  path: `${DATAVERSE_FOLDER}${name}.md`,
  ...(kb ? { kb } : {}),
});
const m365 = (name: string, kb?: string): AlertSource => ({ path: `${M365_FOLDER}${name}.md`, ...(kb ? { kb } : {}) });
/** The older email articles of the Dynamics 365 Sales folder; no longer in its table of contents, so not linked. */
const sales = (name: string, kb: string): AlertSource => ({ path: `${SALES_FOLDER}${name}.md`, kb });

const TROUBLESHOOTING = dataverse('troubleshooting-monitoring-server-side-synchronization');
const UNKNOWN_INCOMING = dataverse(
  'exception-appears-server-side-sync',
  '4471762, 4556408, 4551335, 4551320, 4471947, 4471980',
);
const SYNC_ITEM_ERRORS = dataverse('an-error-occurred-while-synchronizing-item', '4477141, 4471977, 4471949, 4471948');
const CREATING_INCOMING = dataverse('error-when-creating-an-incoming-email', '4053783');
const UNAUTHORIZED_401 = dataverse('exception-when-using-server-side-sync', '3212785');
const NO_USER_FOUND = dataverse('test-enable-fails-for-unrecognized-email-address');
const ANOTHER_ORG_EMAIL = sales(
  'emails-not-synced-because-email-is-configured-for-another-organization-error',
  '4053618',
);
const EXCHANGE_ERROR = sales('exchange-error-in-dynamics-365-mailbox-alert', '4514016');

/** The live Learn page of a Dataverse-folder article; an entry from another folder names its Learn URL itself. */
function learnPage(source: AlertSource): string {
  if (!source.path.startsWith(DATAVERSE_FOLDER))
    throw new Error(`No live Learn page for ${source.path}: give learnMoreUrl`);
  return `${LEARN.troubleshootFolder}${source.path.slice(DATAVERSE_FOLDER.length).replace(/\.md$/, '')}`;
}

const PAGES = {
  approveEmail: `${LEARN.connectExchangeOnline}#approve-email`,
  checkBox: 'https://learn.microsoft.com/power-platform/admin/when-would-want-use-check-box',
  ewsThrottling:
    'https://learn.microsoft.com/exchange/client-developer/exchange-web-services/ews-throttling-in-exchange',
  ewsResponseCodes: 'https://learn.microsoft.com/exchange/client-developer/web-service-reference/responsecode',
  entraErrorCodes: 'https://learn.microsoft.com/entra/identity-platform/reference-error-codes',
  exchangeOnPremises: 'https://learn.microsoft.com/power-platform/admin/connect-exchange-server-on-premises',
  securityRoles: 'https://learn.microsoft.com/power-platform/admin/create-users-assign-online-security-roles',
  gmailOAuth: 'https://learn.microsoft.com/power-platform/admin/connect-gmail-oauth2',
} as const;

interface EntryParts {
  codes?: readonly string[];
  patterns?: readonly RegExp[];
  source: AlertSource;
  alsoIn?: readonly AlertSource[];
  learnMoreUrl?: string;
  channels?: readonly AlertChannel[];
  transient?: true;
  signInRefused?: true;
}

function entry(id: string, parts: EntryParts): KnownAlert {
  const { codes = [], patterns = [], source, learnMoreUrl, ...rest } = parts;
  return {
    id,
    codes,
    patterns,
    cause: `alert.${id}.cause` as MessageKey,
    fix: `alert.${id}.fix` as MessageKey,
    learnMoreUrl: learnMoreUrl ?? learnPage(source),
    source,
    ...rest,
  };
}

/** "Exchange server returned 383", "Exchange.server returned 383 error": the EWS error number of an alert. */
const exchangeReturned = (number: number) => new RegExp(`Exchange\\.?\\s?server returned ${number}\\b`, 'i');

const ACT = ['act'] as const;
const INCOMING = ['incoming'] as const;
const OUTGOING = ['outgoing'] as const;

export const KNOWN_ALERTS: readonly KnownAlert[] = [
  // Approval.
  entry('requires-m365-approval', {
    codes: ['IncomingEmailS2SApprovalNeeded', 'OutgoingEmailS2SApprovalNeeded', 'ExchangeSyncEmailS2SApprovalNeeded'],
    patterns: [
      /requires? (?:an )?approval by (?:a |an )?(?:Microsoft 365|Office 365|O365) administrator/i,
      /until the email address of the mailbox is approved by (?:a |an )?(?:Microsoft 365|Office 365)/i,
    ],
    source: TROUBLESHOOTING,
    alsoIn: [
      sales('alerts-about-mailbox-requires-approval-by-office-365-administrator', '4014483'),
      sales('email-cannot-be-sent', '4052727'),
    ],
    learnMoreUrl: PAGES.approveEmail,
  }),
  entry('not-approved', {
    patterns: [/\b(?:haven't|have not|hasn't|has not) been approved\b/i, /\b(?:is not|isn't) approved\b/i],
    source: TROUBLESHOOTING,
  }),

  // Sign-in refused.
  // An Entra code says more than the sentence around it ("The credentials are incorrect … AADSTS53003").
  entry('aadsts', {
    patterns: [/\bAADSTS\d+/i],
    source: { repo: 'MicrosoftDocs/entra-docs', path: 'docs/identity-platform/reference-error-codes.md' },
    learnMoreUrl: PAGES.entraErrorCodes,
    signInRefused: true,
  }),
  entry('no-user-found', {
    patterns: [/no user was found with the email address/i],
    source: NO_USER_FOUND,
    alsoIn: [{ path: `${DATAVERSE_FOLDER}Test-And-Enable-Fails-For-Unrecognized-EmailAddress` }],
    signInRefused: true,
  }),
  entry('no-user-found-with-claims', {
    codes: ['NoUserFoundWithGivenClaims'],
    patterns: [/User does not exist in tenant with id/i],
    source: UNAUTHORIZED_401,
    signInRefused: true,
  }),
  // Its fix is for Exchange Server only: Exchange Online retired the ApplicationImpersonation role (Microsoft 365
  // message center MC718754, removal completed in 2025), and Learn lists impersonation as unsupported for Exchange
  // Online (https://learn.microsoft.com/troubleshoot/power-platform/dataverse/email-exchange-synchronization/troubleshooting-monitoring-server-side-synchronization#using-dynamics-365-apps-with-exchange-online).
  entry('impersonation', {
    patterns: [
      /impersonation error occurred in accessing the mailbox/i,
      /(?:does not|doesn't) have permission to impersonate/i,
    ],
    source: sales('an-impersonation-error-occurred-when-connecting-dynamics-365-to-exchange', '3189639'),
    alsoIn: [dataverse('the-account-does-not-have-permission-to-impersonate-the-requested-user-error', '4295275')],
    learnMoreUrl: learnPage(dataverse('the-account-does-not-have-permission-to-impersonate-the-requested-user-error')),
    signInRefused: true,
  }),
  entry('ews-basic-auth-disabled', {
    patterns: [/Anonymous Request Disallowed/i],
    source: sales('error-when-enabling-mailbox', '3189622'),
    learnMoreUrl: PAGES.exchangeOnPremises,
    signInRefused: true,
  }),
  entry('mailbox-credentials-invalid', {
    codes: ['InvalidIncomingMailboxCredentials', 'InvalidOutgoingMailboxCredentials'],
    source: sales('make-sure-credentials-specified-in-mailbox-correct-and-have-sufficient-permission', '4092797'),
    learnMoreUrl: learnSearchUrl('InvalidIncomingMailboxCredentials'),
    signInRefused: true,
  }),
  // Before the credential sentences: its own sentence also says the credentials "are incorrect".
  entry('gmail-authentication', {
    codes: ['OutgoingEmailAuthenticationError'],
    patterns: [/server certificate needed to connect to the email server could not be validated/i],
    source: dataverse('outgoingemailauthenticationerror-shows-in-mailbox-alert', '4533293'),
    learnMoreUrl: PAGES.gmailOAuth,
    channels: OUTGOING,
  }),
  entry('unauthorized', {
    patterns: [/\(401\)|\b401:? ?Unauthorized\b|HTTP status 401\b/i],
    source: UNAUTHORIZED_401,
    signInRefused: true,
  }),
  entry('credentials-incorrect', {
    patterns: [
      /credentials specified in the (?:associated email server profile|mailbox)\b.{0,200}?\b(?:are incorrect|are correct and have sufficient permissions)/i,
      /credentials .{0,80}(?:incorrect|insufficient permissions)/i,
    ],
    source: TROUBLESHOOTING,
    alsoIn: [sales('email-fails-sent-received', '3185281')],
    signInRefused: true,
  }),

  // Graph and Test & Enable codes.
  // The 800046 article is only in the older email-m365-integration folder; 8005E276's current page names 800046 too.
  entry('graph-800046', {
    codes: ['800046'],
    source: m365('error-code-800046'),
    learnMoreUrl: learnPage(dataverse('error-code-8005e276')),
  }),
  entry('graph-8005e259', {
    codes: ['8005E259'],
    source: dataverse('error-code-8005e259'),
    alsoIn: [m365('error-code-8005e259')],
  }),
  entry('graph-8005e272', {
    codes: ['8005E272'],
    source: dataverse('error-code-8005e272'),
    alsoIn: [m365('error-code-8005e272')],
    signInRefused: true,
  }),
  entry('graph-8005e273', {
    codes: ['8005E273'],
    source: dataverse('error-code-8005e273'),
    alsoIn: [m365('error-code-8005e273')],
  }),
  entry('graph-8005e274', {
    codes: ['8005E274', 'MailboxNotEnabledForRESTAPI'],
    source: dataverse('error-code-8005e274'),
    alsoIn: [m365('error-code-8005e274'), sales('mailboxnotenabledforrestapi-warning-occurs', '4534628')],
  }),
  entry('graph-8005e276', {
    codes: ['8005E276'],
    source: dataverse('error-code-8005e276'),
    alsoIn: [m365('error-code-8005e276')],
  }),

  // Licences.
  entry('invalid-license', {
    codes: ['ErrorInvalidLicense'],
    source: dataverse('email-cannot-be-received-because-license-is-invalid-error', '4459027'),
  }),
  entry('no-dynamics-license', {
    codes: ['IncomingEmailNoLicenseAssigned', 'OutgoingEmailNoLicenseAssigned'],
    patterns: [/associated user doesn't have a valid Microsoft Dynamics 365 license/i],
    source: sales('email-cannot-be-received-because-associated-user-does-not-have-valid-license-error', '4053825'),
    learnMoreUrl: PAGES.securityRoles,
  }),
  entry('owner-unlicensed', {
    codes: ['-2147167669'],
    source: UNKNOWN_INCOMING,
    alsoIn: [sales('unknownincomingemailintegrationerror-2147167669-shows-in-alert-in-mailbox', '4551335')],
    channels: INCOMING,
  }),

  // Privileges and roles.
  entry('user-privilege', {
    codes: ['UserPrivilegeError'],
    source: dataverse('an-internal-dynamics-365-error', '4346733'),
    channels: ACT,
  }),
  entry('mailbox-privilege', {
    codes: ['Crm.80048306'],
    patterns: [/mailbox user doesn't have sufficient permissions on this mailbox/i],
    source: dataverse('error-when-you-test-enable-a-mailbox', '4052824'),
    channels: ACT,
  }),
  entry('no-security-role', {
    codes: ['Crm.80042F09', 'UserNotAssignedRoles'],
    source: sales('email-server-error-code-crm-80042f09-usernotassignedroles', '4014646'),
    learnMoreUrl: PAGES.securityRoles,
    channels: ACT,
  }),
  entry('queue-read-privilege', {
    codes: ['-2147220192'],
    source: UNKNOWN_INCOMING,
    alsoIn: [sales('unknownincomingemailintegrationerror-2147220192', '4551320')],
    channels: INCOMING,
  }),
  entry('queue-team-no-roles', {
    codes: ['-2147209462'],
    source: dataverse('error-2147209462-logged-mailbox-record', '4500778'),
    channels: INCOMING,
  }),

  // Plug-ins and workflows.
  entry('plugin-aborted', {
    codes: ['-2147220891'],
    patterns: [/\bIsvAborted\b/i, /ISV code aborted the operation/i],
    source: dataverse('unknownincomingemailintegrationerror-2147220891', '4466423'),
  }),
  entry('plugin-error', { codes: ['-2147220956'], patterns: [/\bIsvUnexpected\b/i], source: UNKNOWN_INCOMING }),
  entry('sync-workflow-error', {
    patterns: [/Sync workflow .{0,200}? terminated with error/i],
    source: dataverse('emails-not-automatically-tracked-or-synchronized'),
    alsoIn: [m365('emails-not-automatically-tracked-or-synchronized')],
    channels: INCOMING,
  }),

  // Incoming email that could not be created.
  entry('invalid-recipient-address', {
    codes: ['-2147218677'],
    source: UNKNOWN_INCOMING,
    alsoIn: [sales('alert-appears-users-dynamics-365-mailbox-record', '4556408')],
    channels: INCOMING,
  }),
  entry('invalid-sender', {
    codes: ['InvalidSender'],
    source: CREATING_INCOMING,
    alsoIn: [sales('email-fails-be-created-error', '4339847')],
    channels: INCOMING,
  }),
  entry('invalid-forward-item', { codes: ['InvalidForwardMailItem'], source: CREATING_INCOMING, channels: INCOMING }),
  entry('no-correlation-match', {
    codes: ['NoCorrelationMatch'],
    source: dataverse('email-fails-to-create-with-nocorrelationmatch-error', '4339713'),
    channels: INCOMING,
  }),
  entry('no-recipient-match', {
    codes: ['NoRecipientMatch', '-2147218683'],
    source: dataverse('email-fails-to-create-with-norecipientmatch-error', '4339830'),
    channels: INCOMING,
  }),
  entry('internal-email-reject', {
    codes: ['InternalEmailReject'],
    source: sales('an-email-fails-be-created', '4339844'),
    learnMoreUrl: LEARN.filteringCorrelation,
    channels: INCOMING,
  }),

  // Temporary: server-side sync retries them.
  entry('unexpected-error', {
    codes: ['-2147220970'],
    source: UNKNOWN_INCOMING,
    alsoIn: [SYNC_ITEM_ERRORS, sales('unknownincomingemailintegrationerror-2147220970-exception', '4471947')],
    transient: true,
  }),
  entry('incoming-integration-error', {
    patterns: [/UnknownIncomingEmailIntegrationError(?!\s*-?\d)/i],
    source: sales('unknownincomingemailintegrationerror', '4471980'),
    learnMoreUrl: learnPage(UNKNOWN_INCOMING),
    channels: INCOMING,
    transient: true,
  }),
  entry('service-unavailable', {
    codes: ['ServiceUnavailable'],
    source: SYNC_ITEM_ERRORS,
    alsoIn: [sales('http-server-returned-serviceunavailable', '4471949')],
    channels: INCOMING,
    transient: true,
  }),
  entry('internal-crm-error', {
    codes: ['IncomingMailboxInternalCrmError'],
    source: SYNC_ITEM_ERRORS,
    alsoIn: [sales('incomingmailboxinternalcrmerror', '4471948')],
    channels: INCOMING,
    transient: true,
  }),
  entry('internal-server-transient', {
    codes: ['ErrorInternalServerTransientError'],
    source: SYNC_ITEM_ERRORS,
    alsoIn: [sales('errorinternalservertransienterror-error', '4471977')],
    channels: INCOMING,
    transient: true,
  }),
  entry('store-unavailable', {
    codes: ['ErrorMailboxStoreUnavailable'],
    source: dataverse('general-mailbox-access-error-occurred-while-receiving-email-through-mailbox-error', '4340389'),
    channels: INCOMING,
    transient: true,
  }),
  entry('send-failure', {
    codes: ['SendFailure'],
    source: sales('web-server-returned-sendfailure-exception', '4471945'),
    learnMoreUrl: learnSearchUrl('SendFailure Dynamics 365 mailbox'),
    channels: OUTGOING,
    transient: true,
  }),
  entry('gmail-sending-limit', {
    codes: ['GeneralFailure'],
    source: sales('generaloutgoingemailservererror', '4341507'),
    learnMoreUrl: learnSearchUrl('GeneralOutgoingEmailServerError GeneralFailure'),
    channels: OUTGOING,
  }),
  entry('general-outgoing-error', {
    codes: ['GeneralOutgoingEmailServerError'],
    source: sales('generaloutgoingemailservererror-error', '4471979'),
    learnMoreUrl: learnSearchUrl('GeneralOutgoingEmailServerError'),
    channels: OUTGOING,
    transient: true,
  }),
  entry('server-busy', {
    codes: ['ErrorServerBusy'],
    patterns: [exchangeReturned(363)],
    source: EXCHANGE_ERROR,
    learnMoreUrl: PAGES.ewsThrottling,
    transient: true,
  }),
  entry('exchange-203', {
    patterns: [exchangeReturned(203)],
    source: sales('exchange-server-returned-203-error-in-mailbox-alert', '4504933'),
    learnMoreUrl: learnSearchUrl('Exchange.server returned 203 error'),
    channels: ACT,
    transient: true,
  }),
  entry('exchange-383-time-zone', {
    patterns: [exchangeReturned(383)],
    source: dataverse('appointments-do-not-sync-to-exchange-for-some-users', '4494491'),
    channels: ACT,
    transient: true,
  }),
  entry('irresolvable-conflict', {
    codes: ['ErrorIrresolvableConflict'],
    source: sales('warning-occurs-when-viewing-alerts-for-mailboxes', '4470093'),
    learnMoreUrl: PAGES.ewsResponseCodes,
    channels: ACT,
    transient: true,
  }),

  // Connection and profile settings.
  entry('connect-failure', {
    codes: ['ConnectFailure'],
    source: dataverse('error-occurs-sending-email-for-mailbox', '4092737'),
  }),
  entry('secure-channel-failure', {
    codes: ['SecureChannelFailure'],
    patterns: [/Could not create SSL\/TLS secure channel/i],
    source: sales('web-server-returned-securechannelfailure', '4533252'),
    learnMoreUrl: learnSearchUrl('SecureChannelFailure Dynamics 365 mailbox'),
  }),
  entry('forbidden', {
    codes: ['Forbidden'],
    patterns: [/HTTP status 403\b|\(403\) Forbidden/i],
    source: dataverse('http-server-returned-forbidden-exception', '4483440'),
  }),
  entry('not-found-404', {
    codes: ['NotFound'],
    patterns: [/HTTP status 404: Not Found|\(404\) Not Found/i],
    source: sales('http-server-returned-404-notfound-exception', '3214661'),
    learnMoreUrl: PAGES.exchangeOnPremises,
  }),
  entry('secure-connection-failed', {
    patterns: [/error occurred while establishing a secure connection to the (?:email|Microsoft Exchange) server/i],
    source: sales('error-test-and-enable-user-mailbox', '2993502'),
    learnMoreUrl: learnSearchUrl('establishing a secure connection to the email server Dynamics 365 mailbox'),
  }),
  entry('socket-timeout', {
    codes: ['TimedOut'],
    source: dataverse('general-mailbox-access-error-occurred', '4092736'),
  }),
  entry('host-not-found', {
    codes: ['HostNotFound', 'InvalidIncomingEmailServerProfileConfiguration'],
    patterns: [/email server location or the incoming email port specified in the associated email server profile/i],
    source: dataverse('email-cannot-be-received-mailbox', '4463808'),
    channels: INCOMING,
  }),
  entry('smtp-send-error', {
    patterns: [/\bSmtpException\b/i, /unknown error occurred while sending the email message/i],
    source: dataverse('error-while-sending-the-email-message', '4092733'),
    alsoIn: [sales('email-fails-sent-received', '3185281')],
    channels: OUTGOING,
  }),
  // Auto Discover off is the on-premises fix only: the same Learn section lists it as unsupported for Exchange Online.
  entry('location-undetermined', {
    patterns: [
      /mailbox location could not be determined/i,
      /location of the mailbox .{0,200}?could not be determined/i,
    ],
    source: TROUBLESHOOTING,
    alsoIn: [dataverse('error-when-testing-enabling-mailbox', '4513810')],
  }),
  entry('no-profile', {
    codes: ['InvalidIncomingEmailServerProfile'],
    patterns: [/does not have an email server profile associated with it/i],
    source: dataverse('mailbox-does-not-have-email-server-profile', '4484702'),
    channels: INCOMING,
  }),
  entry('mailbox-disabled', {
    codes: ['MailboxDisabled'],
    patterns: [/is deactivated or disabled for outgoing email/i],
    source: dataverse('email-message-cannot-be-sent', '4481318'),
    channels: OUTGOING,
  }),

  // The mailbox's email address.
  entry('invalid-mailbox-address', {
    codes: ['InvalidOutgoingMailboxEmailAddress', 'InvalidIncomingMailboxEmailAddress'],
    patterns: [/(?:mailbox record|mailbox .{1,200}?) doesn't have a valid email address/i],
    source: sales('invalidoutgoingmailboxemailaddress-error-in-mailbox-alert', '4500801'),
    learnMoreUrl: learnSearchUrl('InvalidOutgoingMailboxEmailAddress'),
  }),
  entry('non-existent-mailbox', {
    codes: ['ErrorNonExistentMailbox'],
    patterns: [
      /SMTP address has no mailbox associated with it/i,
      /SendOnly cannot be used by a user without a mailbox/i,
    ],
    source: sales('mailbox-not-have-valid-email-address-error', '3214684'),
    alsoIn: [dataverse('the-smtp-address-has-no-mailbox', '3214326')],
    learnMoreUrl: learnPage(dataverse('the-smtp-address-has-no-mailbox')),
  }),
  entry('duplicate-mailbox-address', {
    patterns: [/Exchange email address in .{1,200}? is currently in use for mailbox/i],
    source: sales('exchange-email-address-is-currently-use', '4341898'),
    learnMoreUrl: learnSearchUrl('Exchange email address is currently in use for mailbox'),
  }),

  // Another organization.
  entry('another-organization-email', {
    codes: ['IncomingIncorrectCrmOrgError', 'OutgoingIncorrectCrmOrgError'],
    patterns: [/is configured for another (?:Microsoft )?(?:Dynamics 365 )?organization/i],
    source: ANOTHER_ORG_EMAIL,
    learnMoreUrl: PAGES.checkBox,
  }),
  entry('another-organization', {
    codes: ['ExchangeSyncIncorrectCrmOrgError'],
    patterns: [/configured with another (?:Microsoft )?(?:Dynamics 365 )?(?:organization|org)\b/i],
    source: TROUBLESHOOTING,
    alsoIn: [sales('error-occurs-mailbox-record', '4014622'), ANOTHER_ORG_EMAIL],
    channels: ACT,
  }),

  // Appointments, contacts and tasks.
  entry('organizer-missing', {
    patterns: [/Organizer field (?:isn't|is not) present/i],
    source: TROUBLESHOOTING,
    channels: ACT,
  }),
  entry('scheduling-conflict', {
    codes: ['ExchangeSyncSchedulingConflictsError'],
    patterns: [/scheduling conflict was found when saving appointment/i],
    source: dataverse('scheduling-conflict-saving-appointment', '4340070'),
    channels: ACT,
  }),
  entry('duplicate-records', {
    codes: ['ExchangeSyncDuplicateRecordsError'],
    patterns: [/One or more duplicate records were found/i],
    source: sales('one-or-more-duplicate-records-were-found-in-dynamics-365-when-saving-item-error', '4053811'),
    learnMoreUrl: learnSearchUrl('ExchangeSyncDuplicateRecordsError'),
    channels: ACT,
  }),

  // Quotas.
  entry('quota-exceeded', {
    codes: ['ErrorQuotaExceeded'],
    source: dataverse('errorquotaexceeded-exchange-server-returned-403-error', '4556585'),
    channels: OUTGOING,
  }),
  entry('submission-quota-exceeded', {
    codes: ['ErrorSubmissionQuotaExceeded'],
    source: dataverse('errorsubmissionquotaexceeded-exception', '4486353'),
    channels: OUTGOING,
  }),

  // Information.
  entry('tracking-category-enabled', {
    patterns: [/Outlook Category "?Tracked To Dynamics 365"? has been enabled/i],
    source: dataverse('tracked-to-dynamics-365-category-added', '4501716'),
  }),

  // Last: Learn's generic advice for an EWS error number no article covers.
  entry('exchange-error-number', {
    patterns: [/Exchange\.?\s?server returned \d+ error/i],
    source: EXCHANGE_ERROR,
    learnMoreUrl: 'https://learn.microsoft.com/dotnet/api/microsoft.exchange.webservices.data.serviceerror',
  }),
];
