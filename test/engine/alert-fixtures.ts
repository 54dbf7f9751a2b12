/**
 * Alert texts as Microsoft's troubleshooting articles print them (placeholders as printed), and for each a variant as a
 * real environment writes it: other mailbox, profile and subject names filled in, line breaks, or the code only in
 * errordetails. Quoting the alerts' sentences is the point; the catalogue's causes and fixes are our own words.
 */
export interface AlertSample {
  text: string;
  details?: string;
  code?: number;
}

export interface AlertFixture {
  id: string;
  /** The article's wording. */
  documented: AlertSample;
  /** Other names filled in, and the text laid out as an environment writes it. */
  variant: AlertSample;
}

const DV = 'Email Server Error Code:';

export const ALERT_FIXTURES: readonly AlertFixture[] = [
  {
    id: 'requires-m365-approval',
    documented: {
      text: "Email can't be sent/received because the email address of the mailbox <User Name> requires an approval by a Microsoft 365 administrator. The mailbox has been disabled for sending/receiving email and the owner of the email server profile Exchange Online has been notified.",
    },
    variant: {
      text: "Appointments, contacts, and tasks can't be synchronized because the email address of the mailbox Adele Vance requires an approval by an Office 365 administrator. A notification about this is posted on the alerts wall for the owner of the email server profile Contoso EXO.",
      details: `${DV} ExchangeSyncEmailS2SApprovalNeeded`,
    },
  },
  {
    id: 'not-approved',
    documented: {
      text: "Email can't be received for the mailbox <Mailbox Name> because the email address of the mailbox <Mailbox Name> is not approved and the mailbox has been disabled. The owner of the associated email server profile <Email Server Profile name> has been notified.",
    },
    variant: {
      text: 'One or more mailboxes have been disabled for sending/receiving email because their email addresses haven\u2019t been approved. Approve the email addresses, and then enable the mailboxes for sending/receiving email.',
    },
  },
  {
    id: 'aadsts',
    documented: {
      text: 'The credentials are incorrect for the mailbox <Mailbox Name>. AADSTS50126: Error validating credentials due to invalid username or password.',
    },
    variant: {
      text: 'Email cannot be received for the mailbox Miriam Graham.',
      details: 'AADSTS700016: Application with identifier was not found in the directory.',
    },
  },
  {
    id: 'no-user-found',
    documented: {
      text: 'Test and Enable failed because no user was found with the email address "<user@domain.com>" in the Microsoft 365 tenant associated with this mailbox\'s Email Server Profile. Verify the user exists in [...]',
    },
    variant: {
      text: 'Test and Enable failed because no user was found with the email address "pradeep.gupta@fabrikam.com" in the Microsoft 365 tenant associated with this mailbox\u2019s Email Server Profile.\nVerify the user exists in the tenant.',
    },
  },
  {
    id: 'no-user-found-with-claims',
    documented: {
      text: 'Email cannot be received for the mailbox <Mailbox Name>. NoUserFoundWithGivenClaims',
      details: "User does not exist in tenant with id '<User ID>'",
    },
    variant: {
      text: 'Email cannot be received for the mailbox Lidia Holloway. Email Server Error Code: Http server returned 401 Unauthorized exception.',
      details: "User does not exist in tenant with id '4b2f6c1e-0000-4000-8000-1234567890ab'",
    },
  },
  {
    id: 'impersonation',
    documented: {
      text: 'An impersonation error occurred in accessing the mailbox while sending the email message "Test Message". Mailbox <Mailbox name> didn\'t synchronize. The owner of the associated email server profile <Email Server Profile name> has been notified.',
    },
    variant: {
      text: 'Test Connection failed for the email server profile Contoso On-Premises.',
      details: 'The account does not have permission to impersonate the requested user',
    },
  },
  {
    id: 'ews-basic-auth-disabled',
    documented: {
      text: "Email cannot be received because the credentials specified in the associated email server profile are incorrect or have insufficient permissions for receiving email. Mailbox <Mailbox name> didn't synchronize. A notification about this is posted on the alerts wall for the owner of the email server profile <Email Server Profile name>.",
      details:
        'ActivityId: <GUID>\n>Error : System.Net.WebException: The request failed with HTTP status 401: Anonymous Request Disallowed.',
    },
    variant: {
      text: 'The email message "Quarterly review" cannot be sent because the credentials specified in the associated email server profile are incorrect or have insufficient permissions for sending email.',
      details:
        'Error : System.Net.WebException: The request failed with HTTP status 401:\nAnonymous Request Disallowed.',
    },
  },
  {
    id: 'mailbox-credentials-invalid',
    documented: {
      text: 'Email cannot be received for the mailbox <Mailbox Name>. Make sure that the credentials specified in the mailbox are correct and have sufficient permissions for receiving email. Then, enable the mailbox for email processing.\nEmail Server Error Code:  InvalidIncomingMailboxCredentials',
    },
    variant: {
      text: 'The email message "Your mailbox is now connected to Dynamics 365" cannot be sent. Make sure that the credentials specified in the mailbox Support Queue are correct and have sufficient permissions for sending email. Then, enable the mailbox for email processing.',
      details: 'Email Server Error Code: InvalidOutgoingMailboxCredentials',
    },
  },
  {
    id: 'unauthorized',
    documented: {
      text: 'Email cannot be received for the mailbox <Mailbox Name>. Make sure that the credentials specified in the mailbox are correct and have sufficient permissions for receiving email. Then, enable the mailbox for email processing.\nEmail Server Error Code: Http server returned 401 Unauthorized exception.',
    },
    variant: {
      text: "Appointments, contacts, and tasks can't be synchronized. Make sure that the credentials specified in the mailbox Megan Bowen are correct and have sufficient permissions.",
      details: 'The remote server returned an error: (401) Unauthorized.',
    },
  },
  {
    id: 'credentials-incorrect',
    documented: {
      text: "Email can't be sent/received because the credentials specified in the associated email server profile are incorrect or have insufficient permissions for sending/receiving email. The mailbox <Mailbox Name> has been disabled for sending/receiving email and the owner of the email server profile <Email Server Profile name> has been notified.",
    },
    variant: {
      text: 'Email cannot be received for the mailbox Grady Archie. Make sure that the credentials specified in the mailbox are correct and have sufficient permissions for receiving email.\r\nThen, enable the mailbox for email processing.',
    },
  },
  {
    id: 'graph-800046',
    documented: { text: 'Test and Enable failed with error code 800046.' },
    variant: {
      text: 'Email cannot be received for the mailbox Nestor Wilke.',
      details: 'Test and Enable failed: 800046',
    },
  },
  {
    id: 'graph-8005e259',
    documented: { text: 'Test and Enable failed with error code 8005E259.' },
    variant: { text: 'Mailbox Sales Queue failed Test and Enable.', details: 'Error code: 8005e259' },
  },
  {
    id: 'graph-8005e272',
    documented: { text: 'Test and Enable failed with error code 8005E272: 401 Unauthorized.' },
    variant: { text: 'Mailbox Alex Wilber failed Test and Enable.', details: 'Error code: 8005e272' },
  },
  {
    id: 'graph-8005e273',
    documented: { text: 'Test and Enable failed with error code 8005E273.' },
    variant: { text: 'Mailbox Joni Sherman failed Test and Enable.', details: 'Error code: 8005e273' },
  },
  {
    id: 'graph-8005e274',
    documented: {
      text: 'A general mailbox access error occurred while sending the email message Test SSS with incoming via EXO profile but really on-prem through the mailbox <Mailbox Name>. The owner of the associated email server profile Microsoft Exchange Online has been notified. The system will try to send the message again later.\nEmail Server Error Code: MailboxNotEnabledForRESTAPI. Exchange.server returned 404 error.',
    },
    variant: {
      text: 'Test and Enable failed for the mailbox Isaiah Langer with error code 8005E274.',
      details: 'Email Server Error Code: MailboxNotEnabledForRESTAPI',
    },
  },
  {
    id: 'graph-8005e276',
    documented: { text: 'Test and Enable failed with error code 8005E276.' },
    variant: { text: 'Mailbox Lynne Robbins failed Test and Enable.', details: 'Error code: 8005e276' },
  },
  {
    id: 'invalid-license',
    documented: {
      text: `Email can't be received because the license is invalid for the mailbox <Mailbox Name>.\n${DV} ErrorInvalidLicense`,
    },
    variant: {
      text: 'Email can\u2019t be received because the license is invalid for the mailbox Help Desk.',
      details:
        '<q1:MessageText>An internal server error occurred. The operation failed., Mailbox doesn\'t have a valid license.</q1:MessageText><t:Value Name="InnerErrorResponseCode">ErrorInvalidLicense</t:Value>',
    },
  },
  {
    id: 'no-dynamics-license',
    documented: {
      text: "Email can't be received for the mailbox <Mailbox Name> because the associated user doesn't have a valid Microsoft Dynamics 365 license. The mailbox didn't synchronize. A notification about this is posted on the alerts wall for the owner of the email server profile Microsoft Exchange Online.\nEmail Server Error Code: IncomingEmailNoLicenseAssigned",
    },
    variant: {
      text: "Email can't be sent for the mailbox \"Test Message\" because the associated user doesn't have a valid Microsoft Dynamics 365 license. The mailbox didn't synchronize.",
      details: 'Email Server Error Code: OutgoingEmailNoLicenseAssigned',
    },
  },
  {
    id: 'owner-unlicensed',
    documented: {
      text: `An unknown error occurred while receiving email through the mailbox [Mailbox Name]. The owner of the associated email server profile [Profile Name] has been notified. The system will try to receive email again later.\n${DV} Exchange server returned UnknownIncomingEmailIntegrationError -2147167669 exception.`,
    },
    variant: {
      text: 'An unknown error occurred while receiving email through the mailbox Patti Fernandez. The system will try to receive email again later.',
      code: -2147167669,
    },
  },
  {
    id: 'user-privilege',
    documented: {
      text: `An internal Microsoft Dynamics 365 error occurred while synchronizing appointments, contacts, and tasks for the mailbox <Mailbox Name>. The mailbox didn't synchronize. The owner of the associated email server profile <Email Server Profile Name> has been notified.\n${DV} UserPrivilegeError`,
    },
    variant: {
      text: 'An internal Microsoft Dynamics 365 error occurred while synchronizing appointments, contacts, and tasks for the mailbox Debra Berger.',
      details: `${DV} UserPrivilegeError`,
    },
  },
  {
    id: 'mailbox-privilege',
    documented: {
      text: `Appointments, contacts, and tasks can't be synchronized for the mailbox <Mailbox Name> because the mailbox user doesn't have sufficient permissions on this mailbox.\n${DV} Crm.80048306.Not enough privilege to access the Microsoft Dynamics 365 object or perform the requested operation.`,
    },
    variant: {
      text: "Appointments, contacts, and tasks can't be synchronized for the mailbox Henrietta Mueller because the mailbox user doesn't have sufficient permissions on this mailbox.",
      details:
        '>Exception : Unhandled Exception: Microsoft.Crm.CrmSecurityException: SecLib::AccessCheckEx failed. Returned hr = -2147187962, ObjectID: 1a2b',
    },
  },
  {
    id: 'no-security-role',
    documented: {
      text: `Appointments, contacts, and tasks can't be synchronized for the mailbox <Mailbox Name> because the mailbox user doesn't have sufficient permissions on this mailbox.\n${DV} Crm.80042f09.UserNotAssignedRoles`,
    },
    variant: {
      text: "Appointments, contacts, and tasks can't be synchronized for the mailbox Johanna Lorenz because the mailbox user doesn't have sufficient permissions on this mailbox.",
      details:
        'SecLib::RetrievePrivilegeForUser failed - no roles are assigned to user. Returned hr = -2147209463, User: 00000000-0000-0000-0000-000000000001',
    },
  },
  {
    id: 'queue-read-privilege',
    documented: {
      text: `An unknown error occurred while receiving email through the mailbox "[Mailbox Name]". The owner of the associated email server profile [Profile Name] has been notified. The system will try to receive email again later.\n${DV} Exchange server returned UnknownIncomingEmailIntegrationError -2147220192`,
    },
    variant: {
      text: 'An unknown error occurred while receiving email through the mailbox "Customer Service". The system will try to receive email again later.',
      code: -2147220192,
    },
  },
  {
    id: 'queue-team-no-roles',
    documented: {
      text: `An unknown error occurred while receiving email through the mailbox "Your mailbox is now connected to Dynamics 365". The owner of the associated email server profile [Mailbox Name] has been notified. The system will try to receive email again later.\n${DV} Exchange server returned UnknownIncomingEmailIntegrationError -2147209462 exception.`,
    },
    variant: {
      text: 'An unknown error occurred while receiving email through the mailbox "Escalations".',
      details:
        'Email Server Error Code: Exchange server returned UnknownIncomingEmailIntegrationError -2147209462 exception.',
    },
  },
  {
    id: 'plugin-aborted',
    documented: {
      text: `An unknown error occurred while receiving email through the mailbox "<Mailbox Name>". The owner of the associated email server profile <Profile Name> has been notified. The system will try to receive email again later.\n${DV} Exchange server returned UnknownIncomingEmailIntegrationError -2147220891 exception.`,
    },
    variant: {
      text: 'An internal Microsoft Dynamics 365 error occurred while synchronizing appointments, contacts, and tasks for the mailbox "Gerhart Moller". The system will try again later.',
      details: 'Email Server Error Code:  Crm.80040265.ISV code aborted the operation.',
    },
  },
  {
    id: 'plugin-error',
    documented: {
      text: `An unknown error occurred while receiving email through the mailbox "<Mailbox Name>". The owner of the associated email server profile <Profile Name> has been notified. The system will try to receive email again later.\n${DV} Exchange server returned UnknownIncomingEmailIntegrationError -2147220956 exception.`,
    },
    variant: {
      text: 'An unknown error occurred while receiving email through the mailbox "Diego Siciliani".',
      code: -2147220956,
    },
  },
  {
    id: 'sync-workflow-error',
    documented: {
      text: "Starting sync workflow '1 Test', id:<ID> Entering UpdateStep1_step:\nSync workflow '1 Test' terminated with error 'Entity 'Contact' With Id = <ID> Does Not Exist'",
    },
    variant: {
      text: "Starting sync workflow 'Link email to case', id:9f1c Entering CreateStep2_step: Sync workflow 'Link email to case' terminated with error 'The user does not have Read access'",
    },
  },
  {
    id: 'invalid-recipient-address',
    documented: {
      text: `An unknown error occurred while receiving email through the mailbox [Mailbox Name]. The owner of the associated email server profile [Profile Name] has been notified. The system will try to receive email again later.\n${DV}  Exchange server returned UnknownIncomingEmailIntegrationError -2147218677 exception.`,
    },
    variant: {
      text: 'An unknown error occurred while receiving email through the mailbox Adele Vance.',
      details:
        'Email Server Error Code: Exchange server returned UnknownIncomingEmailIntegrationError -2147218677 exception.',
    },
  },
  {
    id: 'invalid-sender',
    documented: {
      text: 'An error occurred while creating the incoming email <Email Subject> in Microsoft Dynamics 365 for the mailbox <Mailbox Name>.',
      details: 'Email Server Error Code: InvalidSender',
    },
    variant: {
      text: 'An error occurred while creating the incoming email "Clutter moved new and different messages" in Microsoft Dynamics 365 for the mailbox Lee Gu.',
      details: 'Email Server Error Code: InvalidSender',
    },
  },
  {
    id: 'invalid-forward-item',
    documented: {
      text: 'An error occurred while creating the incoming email <Email Subject> in Microsoft Dynamics 365 for the mailbox <Mailbox Name>.',
      details: 'Email Server Error Code: InvalidForwardMailItem',
    },
    variant: {
      text: 'An error occurred while creating the incoming email "FW: Order 1042" in Microsoft Dynamics 365 for the mailbox Forward Mailbox.',
      details: 'Email Server Error Code: InvalidForwardMailItem',
    },
  },
  {
    id: 'no-correlation-match',
    documented: { text: 'The email failed to be created with a NoCorrelationMatch sync error.' },
    variant: { text: 'Can we meet tomorrow?', details: 'Sync Error: NoCorrelationMatch' },
  },
  {
    id: 'no-recipient-match',
    documented: { text: 'The email failed to be created with a NoRecipientMatch sync error.' },
    variant: { text: 'Question about service', code: -2147218683 },
  },
  {
    id: 'internal-email-reject',
    documented: { text: 'The email failed to be created with an InternalEmailReject sync error.' },
    variant: { text: 'Lunch on Friday', details: 'Sync Error: InternalEmailReject' },
  },
  {
    id: 'unexpected-error',
    documented: {
      text: `An unknown error occurred while receiving email through the mailbox [Mailbox Name]. The owner of the associated email server profile [Profile Name] has been notified. The system will try to receive email again later.\nEmail Server Error Code: Exchange server returned UnknownIncomingEmailIntegrationError -2147220970 exception.`,
    },
    variant: {
      text: 'An error occurred while synchronizing the item "Weekly sync" from Microsoft Dynamics 365 for the mailbox Alex Wilber.',
      details: 'Email Server Error Code: Crm.80040216. An unexpected error occurred.',
    },
  },
  {
    id: 'incoming-integration-error',
    documented: {
      text: "An unknown error occurred while receiving email. Mailbox Michael Dwyer didn't synchronize. The owner of the associated email server profile Microsoft Exchange Online has been notified.\n\nEmail Server Error Code: UnknownIncomingEmailIntegrationError",
    },
    variant: {
      text: "An unknown error occurred while receiving email. Mailbox Sales Queue didn't synchronize.",
      details: 'Email Server Error Code: UnknownIncomingEmailIntegrationError',
    },
  },
  {
    id: 'service-unavailable',
    documented: {
      text: 'An error occurred in receiving email for the mailbox [Mailbox Name] while connecting to the email server. The owner of the associated email server profile [Profile Name] has been notified. The system will try to receive email again later.\n\nEmail Server Error Code: Http server returned ServiceUnavailable exception',
    },
    variant: {
      text: 'An error occurred in receiving email for the mailbox Nestor Wilke while connecting to the email server.',
      details: 'Email Server Error Code: Http server returned ServiceUnavailable exception',
    },
  },
  {
    id: 'internal-crm-error',
    documented: {
      text: 'An internal Microsoft Dynamics 365 error occurred while receiving email through the mailbox [Mailbox Name]. The owner of the associated email server profile [Profile Name] has been notified. The system will try to receive email again later.\n\nEmail Server Error Code: IncomingMailboxInternalCrmError',
    },
    variant: {
      text: 'An internal Microsoft Dynamics 365 error occurred while receiving email through the mailbox Support.',
      details: 'Email Server Error Code: IncomingMailboxInternalCrmError',
    },
  },
  {
    id: 'internal-server-transient',
    documented: {
      text: "An unexpected error occurred while receiving email. Mailbox [Mailbox Name] didn't synchronize. The owner of the associated email server profile [Profile Name] has been notified.\n\nEmail Server Error Code: ErrorInternalServerTransientError",
    },
    variant: {
      text: "An unexpected error occurred while receiving email. Mailbox Megan Bowen didn't synchronize.",
      details: 'Email Server Error Code: ErrorInternalServerTransientError',
    },
  },
  {
    id: 'store-unavailable',
    documented: {
      text: `A general mailbox access error occurred while receiving email through the mailbox <mailbox name>. The owner of the associated email server profile Microsoft Exchange Online has been notified. The system will try to receive email again later.\n${DV} Exchange server returned ErrorMailboxStoreUnavailable exception.`,
    },
    variant: {
      text: 'A general mailbox access error occurred while receiving email through the mailbox Johanna Lorenz.',
      details: 'Email Server Error Code: Exchange server returned ErrorMailboxStoreUnavailable exception.',
    },
  },
  {
    id: 'send-failure',
    documented: {
      text: 'An error occurred in sending email for mailbox [Mailbox Name] while connecting to the email server. The owner of the associated email server profile [Profile Name] has been notified. The system will try to send email again later.\nEmail Server Error Code: Web server returned SendFailure exception.',
    },
    variant: {
      text: 'An error occurred in sending email for mailbox Pradeep Gupta while connecting to the email server.',
      details: 'Email Server Error Code: Web server returned SendFailure exception.',
    },
  },
  {
    id: 'gmail-sending-limit',
    documented: {
      text: `An unexpected error occurred while sending the email message [Email Subject] through the mailbox [Mailbox Name]. The owner of the associated email server profile [Email Server Profile name] has been notified. The system will try to send the message again later.\n\n${DV} Smtp server returned GeneralOutgoingEmailServerError GeneralFailure exception.`,
    },
    variant: {
      text: 'An unexpected error occurred while sending the email message "Newsletter June" through the mailbox marketing@gmail.com.',
      details:
        'Email Server Error Code: Smtp server returned GeneralOutgoingEmailServerError GeneralFailure exception.',
    },
  },
  {
    id: 'general-outgoing-error',
    documented: {
      text: 'An unexpected error occurred while sending the email message "[Email Subject]". Mailbox [Mailbox Name] didn\'t synchronize. The owner of the associated email server profile [Profile Name] has been notified.\nEmail Server Error Code: GeneralOutgoingEmailServerError',
    },
    variant: {
      text: 'An unexpected error occurred while sending the email message "Invoice 2231". Mailbox Billing didn\'t synchronize.',
      details: 'Email Server Error Code: GeneralOutgoingEmailServerError',
    },
  },
  {
    id: 'server-busy',
    documented: {
      text: 'Email cannot be received for the mailbox <Mailbox Name>. Email Server Error Code: Exchange server returned 363 error.',
    },
    variant: {
      text: 'Email cannot be received for the mailbox Johanna Lorenz.',
      details: 'Email Server Error Code: Exchange server returned ErrorServerBusy exception.',
    },
  },
  {
    id: 'exchange-203',
    documented: {
      text: "Appointments, contacts, and tasks for the mailbox [Mailbox Name] couldn't be synchronized. The owner of the associated email server profile [Profile Name] has been notified. The system will try again later.\n\nEmail Server Error Code: Exchange.server returned 203 error.",
    },
    variant: {
      text: "Appointments, contacts, and tasks for the mailbox Lynne Robbins couldn't be synchronized.",
      details: 'Email Server Error Code: Exchange.server returned 203 error.',
    },
  },
  {
    id: 'exchange-383-time-zone',
    documented: {
      text: `Appointments, contacts, and tasks for the mailbox <Mailbox Name> couldn't be synchronized. The owner of the associated email server profile <Profile Name> has been notified. The system will try again later.\n${DV} Exchange.server returned 383 error.`,
    },
    variant: {
      text: 'Appointments, contacts, and tasks for the mailbox Irvin Sayers couldn\u2019t be synchronized. The system will try again later.',
      details: 'Email Server Error Code: Exchange.server returned 383 error.',
    },
  },
  {
    id: 'irresolvable-conflict',
    documented: {
      text: "Appointments, contacts, and tasks for the mailbox [Mailbox Name] couldn't be synchronized. The owner of the associated email server profile [Profile Name] has been notified. The system will try again later.",
      details:
        "Error : Exchange Error Code: ErrorIrresolvableConflict\nExchange Error Message : The operation can't be performed because the item is out of date. Reload the item and try again.",
    },
    variant: {
      text: "Appointments, contacts, and tasks for the mailbox Grady Archie couldn't be synchronized.",
      details: 'Exchange Error Code: ErrorIrresolvableConflict',
    },
  },
  {
    id: 'connect-failure',
    documented: {
      text: 'An error occurred in sending email for mailbox "Your mailbox is now connected to Dynamics 365" while connecting to the email server. The owner of the associated email server profile <Mailbox Name> has been notified. The system will try to send email again later.\nEmail Server Error Code:  Web server returned ConnectFailure exception.',
    },
    variant: {
      text: 'An error occurred in sending email for mailbox Contoso Support while connecting to the email server.',
      details: 'Email Server Error Code: Web server returned ConnectFailure exception.',
    },
  },
  {
    id: 'secure-channel-failure',
    documented: {
      text: "Email cannot be received for the mailbox [Mailbox Name] because an error occurred while establishing a secure connection to the email server. The mailbox didn't synchronize. A notification about this is posted on the alerts wall for the owner of the email server profile [Email Server Profile Name]\nEmail Server Error Code: Web server returned SecureChannelFailure exception.",
    },
    variant: {
      text: 'Email cannot be received for the mailbox Alex Wilber because an error occurred while establishing a secure connection to the email server.',
      details: 'Error : System.Net.WebException: The request was aborted: Could not create SSL/TLS secure channel.',
    },
  },
  {
    id: 'forbidden',
    documented: {
      text: 'The email message "Your mailbox is now connected to Dynamics 365" cannot be sent because an error occurred while establishing a secure connection to the email server. Mailbox [Mailbox Name] didn\'t synchronize. The owner of the email server profile Microsoft Exchange Online has been notified.\nEmail Server Error Code: Http server returned Forbidden exception.',
    },
    variant: {
      text: 'The email message "Welcome" cannot be sent because an error occurred while establishing a secure connection to the email server. Mailbox Diego Siciliani didn\'t synchronize.',
      details: 'Error : System.Net.WebException: The request failed with HTTP status 403: Forbidden.',
    },
  },
  {
    id: 'not-found-404',
    documented: {
      text: "Mailbox <Mailbox Name> didn't synchronize because an error occurred while connecting to the email server. The owner of the associated email server profile <Email Server Profile Name> has been notified.\nEmail Server Error Code: Http server returned 404 NotFound exception.",
    },
    variant: {
      text: "Mailbox Lee Gu didn't synchronize appointments, contacts, and tasks because an error occurred while connecting to the Microsoft Exchange server.",
      details:
        'Exception : Unhandled Exception: Microsoft.Exchange.WebServices.Data.ServiceRequestException: The request failed. The remote server returned an error: (404) Not Found.',
    },
  },
  {
    id: 'secure-connection-failed',
    documented: {
      text: 'Email cannot be received for the mailbox because an error occurred while establishing a secure connection to the email server. The mailbox has been disabled for receiving email and the owner of the email server profile has been notified.',
    },
    variant: {
      text: 'The mailbox has been disabled for synchronizing appointments, contacts, and tasks for the mailbox Kiosk Desk because an error occurred while establishing a secure connection to the Microsoft Exchange server.',
    },
  },
  {
    id: 'socket-timeout',
    documented: {
      text: "A general mailbox access error occurred while receiving email. Mailbox <Mailbox Name> didn't synchronize. The owner of the associated email server profile <Profile Name> has been notified.\nEmail Server Error Code:  Socket returned exception TimedOut.",
    },
    variant: {
      text: "A general mailbox access error occurred while receiving email. Mailbox gmail support didn't synchronize.",
      details: 'Email Server Error Code: Socket returned exception TimedOut.',
    },
  },
  {
    id: 'host-not-found',
    documented: {
      text: "Email cannot be received for the mailbox <mailbox name> because the email server location or the incoming email port specified in the associated email server profile <profile name> is incorrect. The mailbox didn't synchronize. The owner of the email server profile has been notified.\n\nEmail Server Error Code: Socket returned exception InvalidIncomingEmailServerProfileConfiguration HostNotFound.",
    },
    variant: {
      text: 'Email cannot be received for the mailbox info@fabrikam.com because the email server location or the incoming email port specified in the associated email server profile Fabrikam POP3 is incorrect.',
      details: 'Error : System.Net.Sockets.SocketException (0x80004005): No such host is known',
    },
  },
  {
    id: 'smtp-send-error',
    documented: {
      text: 'An unknown error occurred while sending the email message "Your mailbox is now connected to Dynamics 365". Mailbox <Mailbox Name> didn\'t synchronize. The owner of the associated email server profile <Profile Name> has been notified.',
      details: 'Error : System.Net.Mail.SmtpException: Syntax error, command unrecognized. The server response was:',
    },
    variant: {
      text: 'An unknown error occurred while sending the email message "Test Message". Mailbox sales@fabrikam.com didn\'t synchronize.',
    },
  },
  {
    id: 'gmail-authentication',
    documented: {
      text: 'Email cannot be sent for mailbox "Your mailbox is now connected to Dynamics 365" because either a server certificate needed to connect to the email server could not be validated or the credentials used to send email are incorrect or do not provide access. Mailbox "Your mailbox is now connected to Dynamics 365" didn\'t synchronize. A notification about this is posted on the alerts wall for the owner of the email server profile [Profile Name].\n\nEmail Server Error Code:  OutgoingEmailAuthenticationError',
    },
    variant: {
      text: 'Email cannot be sent for mailbox "Order 77" because either a server certificate needed to connect to the email server could not be validated or the credentials used to send email are incorrect or do not provide access.',
      details: 'MailKit.Security.AuthenticationException: 535: 5.7.8 Username and Password not accepted.',
    },
  },
  {
    id: 'location-undetermined',
    documented: {
      text: 'The mailbox location could not be determined while sending/receiving the email message <Message Subject>. The mailbox <Mailbox Name> has been disabled for sending/receiving email and the owner of the associated email server profile <Email Server Profile name> has been notified.',
    },
    variant: {
      text: 'The location of the mailbox Isaiah Langer could not be determined while receiving email. The owner of the associated email server profile Contoso On-Premises has been notified.',
    },
  },
  {
    id: 'no-profile',
    documented: {
      text: 'Email cannot be received because the mailbox [Mailbox Name] does not have an email server profile associated with it or the email server profile is inactive.\nEmail Server Error Code: InvalidIncomingEmailServerProfile',
    },
    variant: {
      text: 'Email cannot be received because the mailbox Reception does not have an email server profile associated with it or the email server profile is inactive.',
    },
  },
  {
    id: 'mailbox-disabled',
    documented: {
      text: 'The email message "Your mailbox is now connected to Dynamics 365" cannot be sent because the mailbox <Mailbox Name> is deactivated or disabled for outgoing email.\nEmail Server Error Code:  MailboxDisabled',
    },
    variant: {
      text: 'The email message "Renewal quote" cannot be sent because the mailbox Former Employee is deactivated or disabled for outgoing email.',
    },
  },
  {
    id: 'invalid-mailbox-address',
    documented: {
      text: "Email can't be sent for the mailbox [Mailbox Name] because the mailbox record doesn't have a valid email address. The mailbox didn't synchronize. A notification about this is posted on the alerts wall for the owner of the email server profile Microsoft Exchange Online.\nEmail Server Error Code: InvalidOutgoingMailboxEmailAddress",
    },
    variant: {
      text: "Email can't be received for the mailbox Front Desk because the mailbox record doesn't have a valid email address. The mailbox didn't synchronize.",
    },
  },
  {
    id: 'non-existent-mailbox',
    documented: {
      text: "Appointments, contacts, and tasks can't be synchronized because the mailbox <Mailbox Name> doesn't have a valid email address. Specify a valid email address in the mailbox record, and then enable the mailbox for appointments, contacts, and tasks synchronization.\nEmail Server Error Code: Exchange.server returned ErrorNonExistentMailbox error.",
    },
    variant: {
      text: 'Test Connection failed for the email server profile Contoso On-Premises.',
      details: 'The SMTP address has no mailbox associated with it.',
    },
  },
  {
    id: 'duplicate-mailbox-address',
    documented: {
      text: 'Exchange email address in [mailbox name] is currently in use for mailbox [other mailbox]. Change email address in [mailbox name] or the email address in the mailbox [other mailbox] as only one mailbox can be configured for each email address.',
    },
    variant: {
      text: 'Exchange email address in Sales Queue is currently in use for mailbox Sales Team. Change email address in Sales Queue or the email address in the mailbox Sales Team as only one mailbox can be configured for each email address.',
    },
  },
  {
    id: 'another-organization-email',
    documented: {
      text: "Incoming emails aren't being synced because the email address for the <Mailbox Name> mailbox is configured for another Dynamics 365 organization. Ask your administrator to test and enable your mailbox for the current organization and to change the sync method for non-primary organizations to None.\nEmail Server Error Code: IncomingIncorrectCrmOrgError",
    },
    variant: {
      text: "Outgoing mails aren't being sent because the email address dana@contoso.com is configured for another Dynamics 365 organization.",
      details: 'Exception : Check and Update configuration folder on exchange failed.',
    },
  },
  {
    id: 'another-organization',
    documented: {
      text: "Appointments, contacts, and tasks can't be synchronized because the email address of the mailbox <Mailbox Name> is configured with another organization. The best practice is to overwrite the configuration when you test and enable the mailbox in your primary organization. Also, change the synchronization method for your mailbox in nonprimary organizations to None.",
    },
    variant: {
      text: "Appointments, contacts, and tasks can't be synchronized because the email address of the mailbox Lynne Robbins is configured with another Microsoft Dynamics 365 organization.",
      details: 'Email Server Error Code: ExchangeSyncIncorrectCrmOrgError',
    },
  },
  {
    id: 'organizer-missing',
    documented: { text: "Appointments can't be synchronized because the Organizer field isn't present." },
    variant: { text: 'Appointments can\u2019t be synchronized because the Organizer field isn\u2019t present.\n' },
  },
  {
    id: 'scheduling-conflict',
    documented: {
      text: 'A scheduling conflict was found when saving appointment <appointment subject> from Exchange to Microsoft Dynamics 365 because <user> is unavailable at this time. Do you want to ignore the conflict and save anyway?\nEmail Server Error Code: ExchangeSyncSchedulingConflictsError',
    },
    variant: {
      text: 'A scheduling conflict was found when saving appointment "Budget review" from Exchange to Microsoft Dynamics 365 because Megan Bowen is unavailable at this time.',
    },
  },
  {
    id: 'duplicate-records',
    documented: {
      text: 'One or more duplicate records were found in Microsoft Dynamics 365 when saving item "<Contact Name>" from Exchange to Microsoft Dynamics 365. Do you want to continue and create a duplicate record anyway?\n\nEmail Server Error Code: ExchangeSyncDuplicateRecordsError',
    },
    variant: {
      text: 'One or more duplicate records were found in Microsoft Dynamics 365 when saving item "Nancy Anderson" from Exchange to Microsoft Dynamics 365.',
    },
  },
  {
    id: 'quota-exceeded',
    documented: {
      text: 'The email message [Message Subject] cannot be sent. Make sure that the credentials specified in the mailbox [Mailbox Name] are correct and have sufficient permissions for sending email. Then, enable the mailbox for email processing.\n\nEmail Server Error Code:  ErrorQuotaExceeded. Exchange.server returned 403 error.',
    },
    variant: {
      text: 'The email message "Proposal v3" cannot be sent. Make sure that the credentials specified in the mailbox Henrietta Mueller are correct and have sufficient permissions for sending email.',
      details: 'Email Server Error Code: ErrorQuotaExceeded. Exchange.server returned 403 error.',
    },
  },
  {
    id: 'submission-quota-exceeded',
    documented: {
      text: 'An unknown error occurred while sending the email message [Email Subject] through the mailbox [Mailbox Name]. The owner of the associated email server profile Microsoft Exchange Online has been notified. The system will try to send the message again later.\nEmail Server Error Code: Exchange server returned UnknownOutgoingEmailIntegrationError ErrorSubmissionQuotaExceeded exception.',
    },
    variant: {
      text: 'An unknown error occurred while sending the email message "Spring campaign" through the mailbox Marketing.',
      details:
        'Email Server Error Code: Exchange server returned UnknownOutgoingEmailIntegrationError ErrorSubmissionQuotaExceeded exception.',
    },
  },
  {
    id: 'tracking-category-enabled',
    documented: {
      text: 'Outlook Category "Tracked To Dynamics 365" has been enabled for the mailbox <Mailbox Name> as the OrgDBOrgSetting is enabled. Use this Outlook category to track emails, appointments and tasks.',
    },
    variant: {
      text: 'Outlook Category "Tracked To Dynamics 365" has been enabled for the mailbox Lee Gu as the OrgDBOrgSetting is enabled.',
    },
  },
  {
    id: 'exchange-error-number',
    documented: {
      text: 'Email cannot be received for the mailbox <Mailbox Name>. Email Server Error Code: Exchange server returned 249 error.',
    },
    variant: {
      text: "Appointments, contacts, and tasks for the mailbox Irvin Sayers couldn't be synchronized.",
      details: 'Email Server Error Code: Exchange.server returned 117 error.',
    },
  },
];
