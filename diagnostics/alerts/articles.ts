/**
 * Every article the catalogue was built from, and what became of it: read in full (its alerts are entries in
 * catalogue.ts, or it is listed with why none fit), an older copy of an article read in full, or, in the Sales folder's
 * "Email and Office Integration" section, outside server-side synchronization by its title. scripts/catalogue-report.ts
 * turns this and the catalogue into docs/alert-catalogue.md; a test keeps the two consistent (every entry's source is
 * here with the same KB number, every article read in full has entries or a reason). Not imported by the engine.
 */

export interface Article {
  /** Path in the repository (MicrosoftDocs/SupportArticles-docs unless `repo` says otherwise). */
  path: string;
  repo?: string;
  title: string;
  /** "Original KB number" of the article, as it prints it. */
  kb?: string;
  /**
   * full: read in full. copy: an older copy, in the Sales folder, of the Dataverse-folder article with the same file
   * name, not read again (its alerts are counted there; the two Sales copies read in full are listed as such and said
   * nothing their Dataverse versions do not). title: listed in the Sales folder's
   * email section, outside server-side synchronization by its title (App for Outlook, the Outlook client, the Email
   * Router), not read.
   */
  read: 'full' | 'copy' | 'title';
  /** Why it gives no catalogue entry (read in full), or why it is outside server-side sync (by title). */
  none?: string;
  /** For a copy: the path of the article read in full. */
  copyOf?: string;
}

export const FOLDERS = {
  dataverse: 'support/power-platform/dataverse/email-exchange-synchronization/',
  m365: 'support/power-platform/dataverse/email-m365-integration/server-side-synchronization/',
  sales: 'support/dynamics-365/sales/',
  admin: 'power-platform/admin/',
} as const;

const NOT_AN_ALERT = 'its message is a dialog or page error, not a mailbox alert';
const NO_ALERT_TEXT = 'describes behaviour or steps; prints no alert text';

const dataverse = (name: string, title: string, kb?: string, none?: string): Article => ({
  path: `${FOLDERS.dataverse}${name}.md`,
  title,
  read: 'full',
  ...(kb ? { kb } : {}),
  ...(none ? { none } : {}),
});
const m365 = (name: string, title: string, none?: string): Article => ({
  path: `${FOLDERS.m365}${name}.md`,
  title,
  read: 'full',
  ...(none ? { none } : {}),
});
const sales = (name: string, title: string, kb: string, none?: string): Article => ({
  path: `${FOLDERS.sales}${name}.md`,
  title,
  kb,
  read: 'full',
  ...(none ? { none } : {}),
});
const salesCopy = (name: string, kb: string): Article => ({
  path: `${FOLDERS.sales}${name}.md`,
  title: `Older copy of ${name}`,
  kb,
  read: 'copy',
  copyOf: `${FOLDERS.dataverse}${name}.md`,
});
const byTitle = (name: string, title: string, none: string): Article => ({
  path: `${FOLDERS.sales}${name}.md`,
  title,
  read: 'title',
  none,
});
const admin = (name: string, title: string, none: string): Article => ({
  repo: 'MicrosoftDocs/power-platform',
  path: `${FOLDERS.admin}${name}.md`,
  title,
  read: 'full',
  none,
});

const APP_FOR_OUTLOOK = 'Dynamics 365 App for Outlook (the add-in), not server-side sync alerts';
const OUTLOOK_CLIENT = 'Dynamics CRM for Outlook (the old client), not server-side sync';
const EMAIL_ROUTER = 'the Email Router, which server-side sync replaced';

export const ARTICLES: readonly Article[] = [
  // support/power-platform/dataverse/email-exchange-synchronization/
  dataverse(
    'a-failure-occurred-crmsecurity',
    '"A failure occurred in CrmSecurity" error when approving the email address of a mailbox record',
    '4510938',
    `${NOT_AN_ALERT} (the Approve Email dialog; the approver needs Global or Exchange admin and System Administrator)`,
  ),
  dataverse(
    'an-appointment-is-canceled-deleted',
    'An appointment is canceled or deleted unexpectedly during server-side synchronization',
    '4345686',
    NO_ALERT_TEXT,
  ),
  dataverse(
    'an-error-occurred-while-synchronizing-item',
    'An error occurs when receiving or synchronizing an email in a mailbox',
    '4477141, 4471977, 4471949, 4471948',
  ),
  dataverse(
    'an-internal-dynamics-365-error',
    'An internal Microsoft Dynamics 365 error occurred while synchronizing appointments, contacts, and tasks',
    '4346733',
  ),
  dataverse(
    'appointments-do-not-sync-to-exchange-for-some-users',
    "Appointments don't sync from Microsoft Dynamics 365 to Exchange for some users",
    '4494491',
  ),
  dataverse(
    'appointments-do-not-synchronize-to-exchange-or-outlook',
    'Appointments do not synchronize to Exchange or Outlook after being created',
    '4509420',
    NO_ALERT_TEXT,
  ),
  dataverse(
    'cannot-send-email-as-another-user',
    '"You cannot send email as the selected user" error',
    '3184980',
    `${NOT_AN_ALERT} (shown when sending)`,
  ),
  dataverse(
    'email-cannot-be-received-because-license-is-invalid-error',
    '"Email can\'t be received because the license is invalid for the mailbox" error',
    '4459027',
  ),
  dataverse(
    'email-cannot-be-received-mailbox',
    '"The email server location or the incoming email port specified is incorrect" error',
    '4463808',
  ),
  dataverse(
    'email-fails-to-create-with-nocorrelationmatch-error',
    'An email fails to be created with a NoCorrelationMatch sync error',
    '4339713',
  ),
  dataverse(
    'email-fails-to-create-with-norecipientmatch-error',
    'An email fails to be created with a NoRecipientMatch sync error',
    '4339830',
  ),
  dataverse('email-message-cannot-be-sent', 'MailboxDisabled error when you test and enable a mailbox', '4481318'),
  dataverse(
    'emails-not-automatically-tracked-or-synchronized',
    "Emails aren't automatically tracked or synchronized using server-side synchronization",
  ),
  dataverse(
    'error-2147209462-logged-mailbox-record',
    'UnknownIncomingEmailIntegrationError -2147209462 appears in mailbox alerts',
    '4500778',
  ),
  dataverse('error-code-8005e259', 'Error code 8005E259 when you test and enable mailbox'),
  dataverse('error-code-8005e272', 'Error code 8005E272 when you test and enable a mailbox'),
  dataverse('error-code-8005e273', 'Error code 8005E273 when you test and enable a mailbox'),
  dataverse('error-code-8005e274', 'Error code 8005E274 when you test and enable mailbox'),
  dataverse('error-code-8005e276', 'Error code 8005E276 when you test and enable mailbox'),
  dataverse(
    'error-occurs-sending-email-for-mailbox',
    '"An error occurred in sending email for mailbox" when testing and enabling a mailbox',
    '4092737',
  ),
  dataverse('error-when-creating-an-incoming-email', 'An error occurred while creating the incoming email', '4053783'),
  dataverse(
    'error-when-signing-dynamics-365',
    'An error occurs when you sign in to Dynamics 365 or use Dynamics 365 App for Outlook',
    '3210340, 4555668',
    `${NOT_AN_ALERT} (sign-in pages: a security group keeps the user out)`,
  ),
  dataverse(
    'error-when-testing-enabling-mailbox',
    '"The mailbox location could not be determined" when testing and enabling a mailbox',
    '4513810',
  ),
  dataverse(
    'error-when-you-test-enable-a-mailbox',
    '"The mailbox user doesn\'t have sufficient permissions" error when you test and enable a mailbox',
    '4052824',
  ),
  dataverse(
    'error-while-sending-the-email-message',
    '"An unknown error occurred while sending the email message" when testing a mailbox',
    '4092733',
  ),
  dataverse(
    'errorquotaexceeded-exchange-server-returned-403-error',
    'ErrorQuotaExceeded Exchange server returned 403 error in a mailbox alert',
    '4556585',
  ),
  dataverse(
    'errorsubmissionquotaexceeded-exception',
    'ErrorSubmissionQuotaExceeded exception appears in a mailbox',
    '4486353',
  ),
  dataverse(
    'exception-appears-server-side-sync',
    'UnknownIncomingEmailIntegrationError logged in mailbox alerts',
    '4471762, 4556408, 4551335, 4551320, 4471947, 4471980',
  ),
  dataverse(
    'exception-when-using-server-side-sync',
    '401 Unauthorized exception occurs when using server-side synchronization',
    '3212785',
  ),
  dataverse(
    'general-mailbox-access-error-occurred-while-receiving-email-through-mailbox-error',
    '"A general mailbox access error occurred while receiving email through the mailbox"',
    '4340389',
  ),
  dataverse(
    'general-mailbox-access-error-occurred',
    '"A general mailbox access error occurred while receiving email" when testing and enabling a mailbox',
    '4092736',
  ),
  dataverse(
    'http-server-returned-forbidden-exception',
    '"Http server returned Forbidden exception" error in a mailbox',
    '4483440',
  ),
  dataverse(
    'incoming-emails-unexpectedly-synchronized-have-unexpected-missing-data',
    'Incoming emails are unexpectedly synchronized or contain unexpected or missing data',
    undefined,
    NO_ALERT_TEXT,
  ),
  dataverse(
    'mailbox-does-not-have-email-server-profile',
    '"Mailbox does not have an email server profile associated with it or the email server profile is inactive"',
    '4484702',
  ),
  dataverse(
    'mailbox-fails-tested-enabled',
    'Troubleshooting server-side synchronization with Gmail',
    '4493342',
    `${NO_ALERT_TEXT} (Gmail ports, recent mode, OAuth 2.0; used in the Gmail fixes)`,
  ),
  dataverse(
    'outgoingemailauthenticationerror-shows-in-mailbox-alert',
    'OutgoingEmailAuthenticationError is logged in a mailbox alert',
    '4533293',
  ),
  dataverse(
    'scheduling-conflict-saving-appointment',
    'A scheduling conflict was found when saving appointment from Exchange',
    '4340070',
  ),
  dataverse(
    'server-side-synchronization-new-admin-identity',
    'Upcoming changes to the identity used by server-side sync for Dataverse communications',
    undefined,
    `${NO_ALERT_TEXT} (the # SSSAdminProd identity)`,
  ),
  dataverse(
    'sssadminprod',
    'SSSAdminProd user and server-side sync operations',
    undefined,
    `${NO_ALERT_TEXT} (an earlier draft of server-side-synchronization-new-admin-identity)`,
  ),
  dataverse(
    'test-connection-fails-email-server',
    'Test Connection fails with 401 or timeout error in an email server profile',
    '4493267',
    'its errors are Test Connection results on the profile, not alerts; a (401) in an alert is the unauthorized entry, and Test & Enable is the test to trust',
  ),
  dataverse(
    'test-enable-fails-for-unrecognized-email-address',
    '"Test and Enable failed because no user was found" error',
  ),
  {
    path: `${FOLDERS.dataverse}Test-And-Enable-Fails-For-Unrecognized-EmailAddress`,
    title:
      'Test and Enable fails due to unrecognized Microsoft 365 User Email Address (earlier draft, no file extension)',
    read: 'full',
  },
  dataverse(
    'the-account-does-not-have-permission-to-impersonate-the-requested-user-error',
    'The account does not have permission to impersonate the requested user error when selecting Test Connection',
    '4295275',
  ),
  dataverse('the-smtp-address-has-no-mailbox', '"The SMTP address has no mailbox associated with it" error', '3214326'),
  dataverse(
    'tracked-to-dynamics-365-category-added',
    'A "Tracked to Dynamics 365" category is unexpectedly added to a user\'s mailbox',
    '4501716',
  ),
  dataverse(
    'troubleshooting-monitoring-server-side-synchronization',
    'Troubleshooting and monitoring server-side synchronization',
  ),
  dataverse(
    'unknownincomingemailintegrationerror-2147220891',
    'UnknownIncomingEmailIntegrationError -2147220891 or 80040265 appears in mailbox alerts',
    '4466423',
  ),

  // support/power-platform/dataverse/email-m365-integration/server-side-synchronization/
  m365(
    'an-appointment-is-canceled-deleted',
    'An appointment is canceled or deleted unexpectedly (earlier copy)',
    NO_ALERT_TEXT,
  ),
  m365(
    'emails-not-automatically-tracked-or-synchronized',
    "Emails aren't automatically tracked or synchronized (earlier copy)",
  ),
  m365('error-code-800046', 'Help with error code 800046'),
  m365('error-code-8005e259', 'Help with error code 8005E259 (earlier copy)'),
  m365('error-code-8005e272', 'Error code 8005E272 (earlier copy)'),
  m365('error-code-8005e273', 'Error code 8005E273 (earlier copy)'),
  m365('error-code-8005e274', 'Help with error code 8005E274 (earlier copy)'),
  m365('error-code-8005e276', 'Error code 8005E276 (earlier copy)'),
  m365(
    'incoming-emails-unexpectedly-synchronized-have-unexpected-missing-data',
    'Incoming emails are unexpectedly synchronized (earlier copy)',
    NO_ALERT_TEXT,
  ),

  // support/dynamics-365/sales/: server-side sync articles found nowhere else.
  sales(
    'alert-appears-users-dynamics-365-mailbox-record',
    '"UnknownIncomingEmailIntegrationError -2147218677 exception" appears in a mailbox alert',
    '4556408',
  ),
  sales(
    'alerts-about-mailbox-requires-approval-by-office-365-administrator',
    'Mailbox requires an approval by an Office 365 administrator alerts',
    '4014483',
  ),
  sales(
    'an-email-fails-be-created-with-duplicate',
    'An email fails to be created with Duplicate as the sync error',
    '4339987',
    'the Duplicate sync status means another mailbox already tracked the email (by design); the word alone is too common to recognise',
  ),
  sales('an-email-fails-be-created', 'An email fails to be created with an InternalEmailReject sync error', '4339844'),
  sales(
    'an-impersonation-error-occurred-when-connecting-dynamics-365-to-exchange',
    'An impersonation error occurred when connecting to Exchange Server on-premises',
    '3189639',
  ),
  sales(
    'an-unknown-error-occurred-while-synchronizing-data-to-outlook',
    'An unknown error occurred while synchronizing data to Outlook',
    '2700417',
    OUTLOOK_CLIENT,
  ),
  sales(
    'appointments-do-not-sync-exchange',
    'Appointments are not syncing after being created in the CRM for Phones Express app',
    '3118392',
    "its error is in the server's asynchronous log, not an alert (CRM 2013 and 2015)",
  ),
  sales(
    'attachments-not-tracked-to-dynamics-365-after-office-365-atp-is-enabled',
    'Attachments are not tracked after Office 365 ATP is enabled',
    '4522769',
    NO_ALERT_TEXT,
  ),
  sales(
    'changes-to-mailbox-approval-in-dynamics-365',
    'Changes to mailbox approval in Microsoft Dynamics 365',
    '4506139',
    `${NO_ALERT_TEXT} (who may approve; used in the approval fix)`,
  ),
  sales(
    'contacts-duplicated-if-recreate-deleted-contact',
    'Contacts are duplicated if you recreate a deleted contact in Outlook',
    '2508013',
    OUTLOOK_CLIENT,
  ),
  sales(
    'dynamics-365-email-setup-configuration',
    'Microsoft Dynamics 365 email setup and configuration',
    '4020807',
    'a list of links',
  ),
  sales(
    'email-cannot-be-received-because-associated-user-does-not-have-valid-license-error',
    "Email can't be received because the associated user doesn't have a valid Dynamics 365 license",
    '4053825',
  ),
  sales(
    'email-cannot-be-sent',
    'Email cannot be sent because the email address of the mailbox requires an approval by an Office 365 administrator',
    '4052727',
  ),
  sales('email-fails-be-created-error', 'An email fails to be created with an InvalidSender sync error', '4339847'),
  sales(
    'email-fails-sent-received',
    'Email fails to be sent or received when server-side sync is configured with Gmail',
    '3185281',
  ),
  sales(
    'email-fails-synchronize-dynamics-365',
    'Email fails to synchronize when encoded with PEC',
    '4490718',
    NO_ALERT_TEXT,
  ),
  sales(
    'email-not-tracked-dynamics-crm',
    'Email is not tracked if multiple organizations are configured for one user',
    '2505366',
    OUTLOOK_CLIENT,
  ),
  sales(
    'email-server-error-code-crm-80042f09-usernotassignedroles',
    'Email Server Error Code Crm.80042f09.UserNotAssignedRoles after Test & Enable',
    '4014646',
  ),
  sales(
    'email-shows-received-or-incoming',
    'Email sent from Outlook shows as Received when using server-side sync (CRM 2013)',
    '2979346',
    NO_ALERT_TEXT,
  ),
  sales(
    'emails-not-synced-because-email-is-configured-for-another-organization-error',
    "Emails aren't being synced because the email address is configured for another organization",
    '4053618',
  ),
  sales(
    'error-incomingemailrejected-install-dynamics-365-app-outlook',
    'IncomingEmailRejected error when installing Dynamics 365 App for Outlook',
    '3211627',
    `${NOT_AN_ALERT} (App for Outlook installation)`,
  ),
  sales(
    'error-install-dynamics-365-app-outlook',
    'IncomingEmailS2SApprovalNeeded error when installing Dynamics 365 App for Outlook',
    '3211621',
    `${NOT_AN_ALERT} (App for Outlook installation; its code is the approval entry's)`,
  ),
  sales(
    'error-occurs-mailbox-record',
    "Appointments, contacts, and tasks can't be synchronized error after Test & Enable",
    '4014622',
  ),
  sales(
    'error-test-and-enable-user-mailbox',
    "An error occurs on Test and Enable for a user's mailbox (Kiosk licence)",
    '2993502',
  ),
  sales(
    'error-when-enabling-mailbox',
    'Credentials specified in the associated email server profile are incorrect when connecting to Exchange on-premises',
    '3189622',
  ),
  sales(
    'error-you-synchronize-appointments',
    "'Unknown Error' when synchronizing appointments in the CRM 2011 Outlook client",
    '2797386',
    OUTLOOK_CLIENT,
  ),
  sales(
    'errorinternalservertransienterror-error',
    'ErrorInternalServerTransientError error appears in a mailbox',
    '4471977',
  ),
  sales(
    'exception-appears-server-side-sync',
    'UnknownIncomingEmailIntegrationError -2147220956 exception appears (older single-code version)',
    '4471762',
    'an older version of the Dataverse-folder article of the same name, which covers -2147220956 and more',
  ),
  sales(
    'exception-when-using-server-side-sync',
    '401 Unauthorized exception when using server-side sync (older version)',
    '3212785',
    'an older version of the Dataverse-folder article of the same name (five of its six causes)',
  ),
  sales(
    'exchange-email-address-is-currently-use',
    '"Exchange email address is currently in use for mailbox" warning',
    '4341898',
  ),
  sales('exchange-error-in-dynamics-365-mailbox-alert', 'Exchange Error appears in an alert in a mailbox', '4514016'),
  sales(
    'exchange-server-returned-203-error-in-mailbox-alert',
    'Exchange server returned 203 error in a mailbox alert',
    '4504933',
  ),
  sales(
    'experience-without-server-side-synchronization',
    'Dynamics 365 App for Outlook experience without server-side synchronization',
    '4508591',
    `${NOT_AN_ALERT} (an App for Outlook banner)`,
  ),
  sales(
    'failure-when-selecting-test-enable-mailbox',
    'Failure after selecting Test & Enable Mailbox',
    '4091246',
    `${NO_ALERT_TEXT} (a general procedure: read the Alerts)`,
  ),
  sales(
    'generalincomingemailservererror-when-installing-dynamics-crm-for-outlook',
    'GeneralIncomingEmailServerError when installing Dynamics 365 App for Outlook',
    '4019040',
    `${NOT_AN_ALERT} (App for Outlook installation)`,
  ),
  sales(
    'generaloutgoingemailservererror-error',
    'GeneralOutgoingEmailServerError error occurs in a mailbox',
    '4471979',
  ),
  sales(
    'generaloutgoingemailservererror',
    '"Smtp server returned GeneralOutgoingEmailServerError GeneralFailure exception" with Gmail',
    '4341507',
  ),
  sales(
    'http-server-returned-404-notfound-exception',
    'Http server returned 404 NotFound exception when using server-side synchronization',
    '3214661',
  ),
  sales(
    'http-server-returned-serviceunavailable',
    'Http server returned ServiceUnavailable exception warning',
    '4471949',
  ),
  sales(
    'incoming-status-failure-the-remote-server-returned-an-error-440-login-timeout',
    'The remote server returned an error (440) Login Timeout in the E-mail Router',
    '954047',
    EMAIL_ROUTER,
  ),
  sales('incomingmailboxinternalcrmerror', '"IncomingMailboxInternalCrmError" information message', '4471948'),
  sales(
    'invalidoutgoingmailboxemailaddress-error-in-mailbox-alert',
    'InvalidOutgoingMailboxEmailAddress error appears in a mailbox alert',
    '4500801',
  ),
  sales(
    'mailbox-not-have-valid-email-address-error',
    '"Mailbox doesn\'t have a valid email address" error when using server-side synchronization',
    '3214684',
  ),
  sales(
    'mailboxnotenabledforrestapi-warning-occurs',
    'MailboxNotEnabledForRESTAPI warning appears in a mailbox alert',
    '4534628',
  ),
  sales(
    'make-sure-credentials-specified-in-mailbox-correct-and-have-sufficient-permission',
    '"Make sure that the credentials specified in the mailbox are correct" error',
    '4092797',
  ),
  sales(
    'one-or-more-duplicate-records-were-found-in-dynamics-365-when-saving-item-error',
    'One or more duplicate records were found when saving item from Exchange',
    '4053811',
  ),
  sales(
    'recipient-does-not-receive-emails-sent-from-dynamics-crm-web-client',
    'The recipient does not receive emails sent from the CRM 2011 web client',
    '915827',
    `${EMAIL_ROUTER} (an on-premises SMTP relay)`,
  ),
  sales(
    'troubleshoot-item-level-server-side-synchronization-issues',
    'Troubleshoot item level server-side synchronization issues',
    '4468755',
    `${NO_ALERT_TEXT} (the item monitoring dashboard)`,
  ),
  sales(
    'troubleshoot-server-side-synchronization',
    'Troubleshooting server-side synchronization',
    '4345669',
    `${NO_ALERT_TEXT} (a general procedure)`,
  ),
  sales(
    'unknownincomingemailintegrationerror-2147167669-shows-in-alert-in-mailbox',
    'UnknownIncomingEmailIntegrationError -2147167669 appears in an alert',
    '4551335',
  ),
  sales(
    'unknownincomingemailintegrationerror-2147220192',
    'UnknownIncomingEmailIntegrationError -2147220192 appears in an alert',
    '4551320',
  ),
  sales(
    'unknownincomingemailintegrationerror-2147220970-exception',
    'UnknownIncomingEmailIntegrationError -2147220970 exception appears',
    '4471947',
  ),
  sales(
    'unknownincomingemailintegrationerror',
    '"UnknownIncomingEmailIntegrationError" error appears in a mailbox',
    '4471980',
  ),
  sales(
    'warning-occurs-when-viewing-alerts-for-mailboxes',
    'Warning appears when viewing alerts for a mailbox (ErrorIrresolvableConflict)',
    '4470093',
  ),
  sales(
    'web-server-returned-securechannelfailure',
    'Web server returned SecureChannelFailure exception error in a mailbox alert',
    '4533252',
  ),
  sales('web-server-returned-sendfailure-exception', 'Web server returned SendFailure exception warning', '4471945'),

  // support/dynamics-365/sales/: older copies of the Dataverse-folder articles (same file names).
  salesCopy('a-failure-occurred-crmsecurity', '4510938'),
  salesCopy('an-appointment-is-canceled-deleted', '4345686'),
  salesCopy('an-error-occurred-while-synchronizing-item', '4477141'),
  salesCopy('an-internal-dynamics-365-error', '4346733'),
  salesCopy('appointments-do-not-sync-to-exchange-for-some-users', '4494491'),
  salesCopy('appointments-do-not-synchronize-to-exchange-or-outlook', '4509420'),
  salesCopy('cannot-send-email-as-another-user', '3184980'),
  salesCopy('email-cannot-be-received-because-license-is-invalid-error', '4459027'),
  salesCopy('email-cannot-be-received-mailbox', '4463808'),
  salesCopy('email-fails-to-create-with-nocorrelationmatch-error', '4339713'),
  salesCopy('email-fails-to-create-with-norecipientmatch-error', '4339830'),
  salesCopy('email-message-cannot-be-sent', '4481318'),
  salesCopy('error-2147209462-logged-mailbox-record', '4500778'),
  salesCopy('error-occurs-sending-email-for-mailbox', '4092737'),
  salesCopy('error-when-creating-an-incoming-email', '4053783'),
  salesCopy('error-when-signing-dynamics-365', '3210340'),
  salesCopy('error-when-testing-enabling-mailbox', '4513810'),
  salesCopy('error-when-you-test-enable-a-mailbox', '4052824'),
  salesCopy('error-while-sending-the-email-message', '4092733'),
  salesCopy('errorquotaexceeded-exchange-server-returned-403-error', '4556585'),
  salesCopy('errorsubmissionquotaexceeded-exception', '4486353'),
  salesCopy('general-mailbox-access-error-occurred-while-receiving-email-through-mailbox-error', '4340389'),
  salesCopy('general-mailbox-access-error-occurred', '4092736'),
  salesCopy('http-server-returned-forbidden-exception', '4483440'),
  salesCopy('mailbox-does-not-have-email-server-profile', '4484702'),
  salesCopy('mailbox-fails-tested-enabled', '4493342'),
  salesCopy('outgoingemailauthenticationerror-shows-in-mailbox-alert', '4533293'),
  salesCopy('scheduling-conflict-saving-appointment', '4340070'),
  salesCopy('test-connection-fails-email-server', '4493267'),
  salesCopy('the-account-does-not-have-permission-to-impersonate-the-requested-user-error', '4295275'),
  salesCopy('the-smtp-address-has-no-mailbox', '3214326'),
  salesCopy('tracked-to-dynamics-365-category-added', '4501716'),
  salesCopy('unknownincomingemailintegrationerror-2147220891', '4466423'),

  // support/dynamics-365/sales/: the rest of its "Email and Office Integration" section, outside server-side sync.
  byTitle('a-blank-window-appears', 'A blank window when signing into Yammer', 'Yammer sign-in'),
  byTitle('access-is-denied-error', 'Access is denied when connecting CRM for Outlook', OUTLOOK_CLIENT),
  byTitle(
    'receiving-error-accessing-ws-metadata-exchange-failed-during-configuration',
    'Accessing_ws_metadata_exchange_failed when configuring',
    OUTLOOK_CLIENT,
  ),
  byTitle(
    'error-occurred-loading-dynamics-crm-functionality-try-restarting',
    'An error occurred loading CRM functionality',
    OUTLOOK_CLIENT,
  ),
  byTitle(
    'another-configuration-wizard-is-already-running-error',
    'Another Configuration Wizard is already running',
    OUTLOOK_CLIENT,
  ),
  byTitle('dynamics-365-app-outlook-did-not-load', "App for Outlook didn't load completely", APP_FOR_OUTLOOK),
  byTitle('dynamics-365-app-for-outlook-is-missing', 'App for Outlook is missing', APP_FOR_OUTLOOK),
  byTitle(
    'buttons-such-as-track-and-set-regarding-are-missing',
    'Buttons such as Track and Set Regarding are missing',
    APP_FOR_OUTLOOK,
  ),
  byTitle(
    'trying-to-access-dynamics-365-app-for-outlook-from-email-do-not-recognize-error',
    "Can't access App for Outlook due to email address is not recognized",
    APP_FOR_OUTLOOK,
  ),
  byTitle(
    'cannot-authenticate-your-credentials-error-when-configuring-dynamics-crm-for-outlook',
    "Can't authenticate your credentials",
    OUTLOOK_CLIENT,
  ),
  byTitle('unable-cast-object-error', "Can't cast object", OUTLOOK_CLIENT),
  byTitle('unable-configure-crm-email-router', "Can't configure CRM Email Router", EMAIL_ROUTER),
  byTitle(
    'unable-to-configure-the-dynamics-crm-2011',
    "Can't configure the CRM 2011 Client for Outlook",
    OUTLOOK_CLIENT,
  ),
  byTitle('cannot-connect-dynamics-crm-server', "Can't connect CRM 2013 to CRM Online", OUTLOOK_CLIENT),
  byTitle(
    'cannot-connect-to-dynamics-crm-server-because-we-cannot-authenticate-credentials',
    "Can't connect to a CRM on-premises organization",
    OUTLOOK_CLIENT,
  ),
  byTitle(
    'cannot-connect-to-exchange-message-when-using-dynamics-365-app-for-outlook',
    "Can't connect to Exchange message",
    APP_FOR_OUTLOOK,
  ),
  byTitle('cannot-find-any-organization-on-the-server', "Can't find any organizations on the server", OUTLOOK_CLIENT),
  byTitle('cannot-go-offline-configure-crm-client', "Can't go offline or configure CRM Client", OUTLOOK_CLIENT),
  byTitle('we-cannot-open-the-app', "Can't open the app because the user's mailbox is inactive", APP_FOR_OUTLOOK),
  byTitle(
    'data-collected-by-dynamics-crm-for-outlook-diagnostic-tool',
    'CRM client for Outlook diagnostic tool',
    OUTLOOK_CLIENT,
  ),
  byTitle('dynamics-crm-email-router-collector', 'CRM Email Router Collector', EMAIL_ROUTER),
  byTitle('dynamics-crm-outlook-is-disabled', 'CRM for Outlook is disabled', OUTLOOK_CLIENT),
  byTitle('dynamics-crm-outlook-is-not-enabled', "CRM for Outlook isn't enabled in Outlook", OUTLOOK_CLIENT),
  byTitle(
    'emails-tracked-by-dynamics-365-app-for-outlook-show-track-pending',
    'Email or appointment tracked by App for Outlook shows as Track pending',
    APP_FOR_OUTLOOK,
  ),
  byTitle('email-router-fails-send-email', 'Email Router fails to send emails', EMAIL_ROUTER),
  byTitle(
    'error_message_0x8006fff-when-accessing-dynamics-365-in-add-ins-of-outlook',
    'Error 0x8006ffff when accessing Dynamics 365',
    APP_FOR_OUTLOOK,
  ),
  byTitle('error-when-opening-365-app-outlook', 'Error in App for Outlook', APP_FOR_OUTLOOK),
  byTitle(
    'error-occurs-when-configuring-dynamics-crm-for-outlook-due-to-wrong-time-setting',
    'Error on configuration due to incorrect time settings',
    OUTLOOK_CLIENT,
  ),
  byTitle('error-when-accessing-crm-app-outlook', 'Error when accessing CRM App for Outlook', APP_FOR_OUTLOOK),
  byTitle(
    'error-access-dynamics-365-app-outlook',
    'Error when accessing Dynamics 365 App for Outlook',
    APP_FOR_OUTLOOK,
  ),
  byTitle('error-you-access-app-outlook', 'Error when accessing the app for Outlook', APP_FOR_OUTLOOK),
  byTitle(
    'error-configure-dynamics-crm-office-outlook',
    'Error when configuring CRM for Office Outlook',
    OUTLOOK_CLIENT,
  ),
  byTitle(
    'error-configure-dynamics-crm-online-client-outlook',
    'Error when configuring CRM Online Client for Outlook',
    OUTLOOK_CLIENT,
  ),
  byTitle('error-when-connect-crm-outlook', 'Error when connecting CRM 2013 for Outlook', OUTLOOK_CLIENT),
  byTitle('errors-connecting-dynamics-crm-for-outlook', 'Error when connecting CRM for Outlook', OUTLOOK_CLIENT),
  byTitle(
    'error-when-connector-plugin-executes',
    'Error when Dynamics Connector plugin executes',
    'the Dynamics GP connector',
  ),
  byTitle('error-search-outlook-dynamics-365-app', 'Error when searching App for Outlook', APP_FOR_OUTLOOK),
  byTitle('error-when-using-365-app-outlook', 'Error when using App for Outlook', APP_FOR_OUTLOOK),
  byTitle('error-use-dynamics-365-app-outlook', 'Error when using App for Outlook', APP_FOR_OUTLOOK),
  byTitle('error-when-using-dynamics-365-app-outlook', 'Error when using App for Outlook', APP_FOR_OUTLOOK),
  byTitle('error-access-dynamics-crm-app-outlook', 'Error when you access the CRM App for Outlook', APP_FOR_OUTLOOK),
  byTitle('error-user-tries-go-offline', 'Error when you try to go offline', OUTLOOK_CLIENT),
  byTitle(
    'errors-occur-when-sending-on-behalf-of-or-send-as-another-user-via-crm-email-router',
    'Errors when sending on behalf of or sending as another user',
    EMAIL_ROUTER,
  ),
  byTitle('installation-configuration-issue', 'Errors when you install/configure CRM Client', OUTLOOK_CLIENT),
  byTitle('file-already-exists-error', 'File already exists when configuring CRM for Outlook', OUTLOOK_CLIENT),
  byTitle(
    'hresult-0x80004005-error-when-configuring-dynmics-crm-for-outlook',
    'HResult 0x80004005 error when configuration',
    OUTLOOK_CLIENT,
  ),
  byTitle(
    'installation-cannot-proceed-error-when-installing-crm-2011-for-outlook',
    "Installation can't proceed",
    OUTLOOK_CLIENT,
  ),
  byTitle(
    'installation-of-windows-live-id-sign-in-assistant-failed-exit-code-1603',
    'Installation of Windows Live ID Sign-in Assistant failed',
    OUTLOOK_CLIENT,
  ),
  byTitle(
    'installpstaction-failed-error-when-installing-dynamics-crm-for-outlook',
    'InstallPSTAction failed when installing CRM for Outlook',
    OUTLOOK_CLIENT,
  ),
  byTitle(
    'integrated-authentication-fails-outlook-client',
    'Integrated Authentication fails for Outlook client',
    OUTLOOK_CLIENT,
  ),
  byTitle('invalid-argument-error', 'Invalid Argument when configuring CRM for Outlook', OUTLOOK_CLIENT),
  byTitle(
    'issue-when-adding-to-outlook-error-when-deploying-dynamics-365-app-for-outlook',
    'Issue when adding to outlook',
    APP_FOR_OUTLOOK,
  ),
  byTitle(
    'it-looks-like-the-app-is-not-installed-for-your-outlook-mailbox-error',
    "It looks like the app isn't installed for your Outlook mailbox",
    APP_FOR_OUTLOOK,
  ),
  byTitle('list-does-not-support-this-operation', "List doesn't support this operation", OUTLOOK_CLIENT),
  byTitle('no-option-add-entities-favorites', 'No option to add entities to favorites', OUTLOOK_CLIENT),
  byTitle(
    'error-no-organization-specified-configuration-file',
    'No organization was specified in the configuration file',
    OUTLOOK_CLIENT,
  ),
  byTitle('no-search-results-regarding-lookup', 'No search results returned in Regarding lookup', APP_FOR_OUTLOOK),
  byTitle('offline-synchronization-fails-in-dynamics-crm-for-outlook', 'Offline synchronization fails', OUTLOOK_CLIENT),
  byTitle('outlook-crashes-when-you-track-an-email', 'Outlook crashes when tracking an email', OUTLOOK_CLIENT),
  byTitle(
    'outlook-has-not-been-configured-with-an-account-yet-error',
    'Outlook has not been configured with an account yet',
    OUTLOOK_CLIENT,
  ),
  byTitle(
    'privilege-error-occurs-when-using-dynamics-365-app-for-outlook',
    'Privilege error when using App for Outlook',
    APP_FOR_OUTLOOK,
  ),
  byTitle(
    'dynamics-crm-for-outlook-records-do-not-sync-or-missing-track-and-set-regarding',
    "Records don't synchronize or are missing Track and Set Regarding buttons",
    OUTLOOK_CLIENT,
  ),
  byTitle(
    'ribbon-buttons-overlap-left-navigation-pane-form',
    'Ribbon buttons overlap the left navigation pane of the form',
    OUTLOOK_CLIENT,
  ),
  byTitle('silverlight-web-resources-cannot-be-viewed', "Silverlight web resources can't be viewed", OUTLOOK_CLIENT),
  byTitle(
    'sorry-something-went-wrong-while-initializing-the-app',
    'Something went wrong while initializing the app',
    APP_FOR_OUTLOOK,
  ),
  byTitle(
    'the-specified-field-does-not-exist-in-dynamics-365-error',
    'Specified field does not exist during configuration',
    OUTLOOK_CLIENT,
  ),
  byTitle('database-file-cannot-be-found-error', "The database file can't be found", OUTLOOK_CLIENT),
  byTitle(
    'email-router-service-configuration-parameter-emailuser-is-missing-error',
    'The E-mail Router service configuration parameter Emailuser is missing',
    EMAIL_ROUTER,
  ),
  byTitle(
    'exchange-mapi-subsystem-is-not-installed-on-this-system-error',
    'The Exchange MAPI subsystem is not installed on this system',
    EMAIL_ROUTER,
  ),
  byTitle(
    'warning-message-when-opening-the-file-exported-from-crm-to-excel',
    'The file you are trying to open is in a different format than specified',
    'exporting to Excel',
  ),
  byTitle('server-address-url-is-not-valid', 'The server address (URL) is not valid', OUTLOOK_CLIENT),
  byTitle(
    'server-might-be-unavailable-1-0-error-when-configuring-dynamics-crm-for-outlook',
    'The server might be unavailable when setting up CRM for Outlook',
    OUTLOOK_CLIENT,
  ),
  byTitle(
    'the-specified-subscription-does-not-exist-error-when-going-offline',
    'The specified subscription does not exist when going offline',
    OUTLOOK_CLIENT,
  ),
  byTitle(
    'the-view-is-not-available-error-when-opening-emails',
    'The view is not available when opening an email',
    APP_FOR_OUTLOOK,
  ),
  byTitle(
    'dynamics-crm-for-office-outlook-installation-fails-during-initializing-orgnization',
    'There is a problem communicating with the CRM server',
    OUTLOOK_CLIENT,
  ),
  byTitle('operation-failed-because-you-are-offline', "This operation failed because you're offline", OUTLOOK_CLIENT),
  byTitle(
    'we-are-unable-to-connect-to-your-dynamics-365-app-for-outlook-error',
    "We're unable to connect to your server",
    APP_FOR_OUTLOOK,
  ),
  byTitle(
    'windows-within-dynamics-crm-outlook-do-not-render-correctly',
    "Windows within CRM Outlook don't render properly",
    OUTLOOK_CLIENT,
  ),
  byTitle(
    'error-occurs-when-synchronizing-outlook-with-dynamics-crm-server',
    'You already have CRM Client for Outlook installed on another computer',
    OUTLOOK_CLIENT,
  ),
  byTitle('you-are-not-part-this-organization', 'You are not part of this organization', APP_FOR_OUTLOOK),
  byTitle(
    'you-are-signed-out-of-crm-online-outlook',
    'You are signed out of CRM Online Outlook Client',
    OUTLOOK_CLIENT,
  ),
  byTitle('you-do-not-have-license-to-use-this-app-error', "You don't have a license to use this app", APP_FOR_OUTLOOK),
  byTitle(
    'you-do-not-have-a-license-error-when-configuring-dynamics-crm-for-outlook',
    "You don't have a license when configuring CRM for Outlook",
    OUTLOOK_CLIENT,
  ),
  byTitle(
    'you-do-not-have-permission-to-access-this-app-error-when-accessing-dynamics-365-app-for-outlook',
    "You don't have permission to access this app",
    APP_FOR_OUTLOOK,
  ),
  byTitle('you-do-not-have-required-role-privilege', "You don't have required role or privilege", APP_FOR_OUTLOOK),
  byTitle(
    'you-do-not-have-the-required-role-or-privilege-to-complete-this-action-error',
    "You don't have the required role or privilege to complete this action",
    APP_FOR_OUTLOOK,
  ),

  // Other sources: Microsoft Entra's reference for the AADSTS codes an alert can carry.
  {
    repo: 'MicrosoftDocs/entra-docs',
    path: 'docs/identity-platform/reference-error-codes.md',
    title: 'Microsoft Entra authentication and authorization error codes',
    read: 'full',
  },

  // The admin pages on monitoring email processing errors (MicrosoftDocs/power-platform).
  admin(
    'monitor-email-processing-errors',
    'Monitor email processing errors',
    'classifies alerts (permanent or transient; email, mailbox or profile level) without alert texts; used for the transient rule',
  ),
  admin(
    'error-logging-server-side-synchronization',
    'Error logging for server-side synchronization',
    'classifies errors (transient ones are warnings until the retry count, then errors with the same code) without alert texts',
  ),
];
