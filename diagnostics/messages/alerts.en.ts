/**
 * The recognised alerts' causes and fixes (diagnostics/alerts/catalogue.ts), in our own words. Spread into the
 * engine's catalogue (en.ts). Keys: `alert.<id>.cause` and `alert.<id>.fix`. A transient alert's fix starts with "Nothing to do
 * unless it persists": server-side sync retries it by itself.
 */
export const alertsEn = {
  // Beside an alert no entry recognises.
  'alerts.code': 'Error code',
  'alerts.searchLearn': 'Search Learn',

  // Approval.
  'alert.requires-m365-approval.cause':
    'The mailbox uses the Exchange Online (server-to-server) profile and its email address has not been approved by a Microsoft 365 administrator.',
  'alert.requires-m365-approval.fix':
    'Have a Global or Exchange administrator who is also a System Administrator select Approve Email on the mailbox, then run Test & Enable.',
  'alert.not-approved.cause':
    'The email address is not approved, and this organization processes email only for approved users and queues.',
  'alert.not-approved.fix':
    'Approve the email address (or remove the approval requirement in the system settings), then run Test & Enable.',

  // Sign-in refused.
  'alert.aadsts.cause': 'Microsoft Entra ID refused the sign-in with the AADSTS code in the alert.',
  'alert.aadsts.fix':
    'Look the AADSTS code up in Entra’s error code reference (or at login.microsoftonline.com/error) and in the Entra sign-in logs, fix what it names, then run Test & Enable.',
  'alert.no-user-found.cause':
    'The mailbox address is not the user principal name, SMTP address or mail address of any user in the Microsoft 365 tenant of the email server profile, or the mailbox is in another tenant.',
  'alert.no-user-found.fix':
    'In the Microsoft 365 admin center, find the user and correct the mailbox record to one of their addresses; for a mailbox in another tenant, use a cross-tenant email server profile. Then run Test & Enable.',
  'alert.no-user-found-with-claims.cause':
    'A deleted user or mailbox was re-created with the same email address, and the old one still exists (Entra keeps deleted users for 30 days).',
  'alert.no-user-found-with-claims.fix':
    'Permanently delete the old user or mailbox, then run Test & Enable; a cached identity can take up to 72 hours to clear.',
  'alert.impersonation.cause':
    'The account in the email server profile may not impersonate this mailbox in Exchange Server (on-premises).',
  'alert.impersonation.fix':
    'Give the profile’s account impersonation rights on each mailbox it serves (Exchange Server on-premises only: the ApplicationImpersonation role was retired in Exchange Online in 2025), then run Test & Enable. For Exchange Online, use the Exchange Online server-to-server profile instead.',
  'alert.ews-basic-auth-disabled.cause':
    'Exchange Server (on-premises) refused the profile’s credentials because Basic authentication is not enabled on Exchange Web Services.',
  'alert.ews-basic-auth-disabled.fix':
    'Enable Basic authentication on the EWS virtual directory of the Exchange server, then run Test & Enable.',
  'alert.mailbox-credentials-invalid.cause':
    'The mailbox record has no user name and password for email processing, or they do not open this mailbox.',
  'alert.mailbox-credentials-invalid.fix':
    'On the mailbox record, allow its credentials for email processing and enter a user name and password that open the mailbox, then run Test & Enable.',
  'alert.unauthorized.cause':
    'Exchange answered 401 Unauthorized. The documented causes: the mailbox address differs from the Exchange mailbox’s; an Exchange Server (Hybrid) profile for a mailbox in Exchange Online; no Exchange Online licence; Dynamics 365 and the mailbox in different tenants; Basic authentication off on an on-premises EWS; or a re-created user (NoUserFoundWithGivenClaims).',
  'alert.unauthorized.fix':
    'Check, in this order: the mailbox’s email address against Exchange; that an Exchange Online mailbox uses the Exchange Online profile; its Exchange Online licence; that both are in one tenant; Basic authentication on on-premises EWS; a deleted user with the same address. Then run Test & Enable.',
  'alert.credentials-incorrect.cause':
    'The credentials server-side sync uses (the profile’s or the mailbox’s) were refused, or the account has no access to the mailbox.',
  'alert.credentials-incorrect.fix':
    'Exchange Online: use the Exchange Online server-to-server profile (credentials in the profile or by user or queue are unsupported there) and check the mailbox’s licence and address. Exchange Server on-premises: check the account’s password and its impersonation and mailbox rights. POP3/SMTP (Gmail): check the user name, password, ports and that POP is on. Then run Test & Enable.',

  // Graph and Test & Enable codes.
  'alert.graph-800046.cause': 'The Microsoft 365 user of the mailbox has no valid Exchange licence.',
  'alert.graph-800046.fix':
    'Assign an Exchange licence to the user, check that the owner’s Access Mode is Read-Write, then run Test & Enable.',
  'alert.graph-8005e259.cause': 'The user or team that owns the mailbox lacks privileges server-side sync needs.',
  'alert.graph-8005e259.fix':
    'Give the owning user or team a security role with the missing privileges, then run Test & Enable.',
  'alert.graph-8005e272.cause': 'Exchange answered 401 Unauthorized to the account of the email server profile.',
  'alert.graph-8005e272.fix':
    'Apply the default email settings to the mailbox (the Exchange Online profile, server-side sync for email and appointments), then run Test & Enable.',
  'alert.graph-8005e273.cause':
    'The Microsoft 365 account of the mailbox is disabled, or its sign-in is blocked, in the tenant of the email server profile.',
  'alert.graph-8005e273.fix':
    'Enable the account (and unblock its sign-in) in the Microsoft 365 admin center, then run Test & Enable.',
  'alert.graph-8005e274.cause':
    'The Exchange mailbox cannot be reached through the REST API: it has no Exchange Online licence, is disabled, or lives in Exchange on-premises behind a hybrid deployment.',
  'alert.graph-8005e274.fix':
    'License the mailbox for Exchange Online; for an on-premises mailbox, use an Exchange Server (Hybrid) profile instead of the Exchange Online one. Then run Test & Enable.',
  'alert.graph-8005e276.cause':
    'The Microsoft 365 user of the mailbox has no valid Exchange licence, or the owner’s Access Mode prevents sync.',
  'alert.graph-8005e276.fix':
    'Assign an Exchange licence, set the owner’s Access Mode to Read-Write, then run Test & Enable.',

  // Licences.
  'alert.invalid-license.cause': 'The Exchange Online user mailbox has no Exchange Online licence.',
  'alert.invalid-license.fix':
    'Assign an Exchange Online licence; for a queue, use an Exchange shared mailbox, which needs none. Then run Test & Enable.',
  'alert.no-dynamics-license.cause':
    'The owner of the mailbox has no Dynamics 365 licence, or their Access Mode is Administrative.',
  'alert.no-dynamics-license.fix':
    'Assign a Dynamics 365 licence to the owner and set their Access Mode to Read-Write, then run Test & Enable.',
  'alert.owner-unlicensed.cause':
    'The owner of the mailbox (or of another mailbox with the same email address) has no Dynamics 365 licence.',
  'alert.owner-unlicensed.fix':
    'License the owner; if another mailbox record has the same address and an unlicensed owner, change that record’s address.',

  // Privileges and roles.
  'alert.user-privilege.cause':
    'The owner of the mailbox lacks privileges to synchronize appointments, contacts and tasks, or the mailbox’s owner is not its user.',
  'alert.user-privilege.fix':
    'Make the mailbox’s user its owner, give that user a role with the server-side sync privileges, then run Test & Enable.',
  'alert.mailbox-privilege.cause':
    'The user of the mailbox cannot read or write their own mailbox record: no security role, a role without user-level Mailbox access, or another user as the mailbox’s owner.',
  'alert.mailbox-privilege.fix':
    'Make the mailbox’s user its owner and give them a role with read and write access to Mailbox, then run Test & Enable.',
  'alert.no-security-role.cause': 'The user of the mailbox has no Dynamics 365 security role.',
  'alert.no-security-role.fix': 'Assign a security role to the user, then run Test & Enable.',
  'alert.queue-read-privilege.cause':
    'The owner of the queue lacks Read on the Queue table (or another recipient of the same email does).',
  'alert.queue-read-privilege.fix':
    'Give the owner’s security role Read on Queue (Core Records tab); check other users or queues that received the same email too.',
  'alert.queue-team-no-roles.cause': 'The queue of this mailbox is owned by a team with no security role.',
  'alert.queue-team-no-roles.fix': 'Assign a security role to the team that owns the queue.',

  // Plug-ins and workflows.
  'alert.plugin-aborted.cause':
    'A synchronous plug-in or workflow stopped the creation of the record (an email, or an appointment, contact or task).',
  'alert.plugin-aborted.fix':
    'Find the synchronous plug-in steps and real-time workflows that run on create of that table, and fix the failing one (or run it in the background).',
  'alert.plugin-error.cause': 'A custom plug-in or workflow threw an error while server-side sync created the record.',
  'alert.plugin-error.fix':
    'Find the synchronous plug-in steps and real-time workflows that run on create of the record’s table, and fix the one that fails.',
  'alert.sync-workflow-error.cause':
    'A real-time workflow that runs when the email is created failed, so the email was not created.',
  'alert.sync-workflow-error.fix':
    'Fix the workflow named in the alert (the error after "terminated with error" says what it could not do), or run it in the background.',

  // Incoming email that could not be created.
  'alert.invalid-recipient-address.cause':
    'An address on the To or Cc line of an incoming email is not a valid email address.',
  'alert.invalid-recipient-address.fix':
    'Nothing to fix in Dynamics 365: that email is not tracked. Check the sender’s addresses if it repeats.',
  'alert.invalid-sender.cause':
    'An incoming email had no valid address in its From line (automatic messages, such as Outlook’s Clutter notices, often have none).',
  'alert.invalid-sender.fix':
    'Nothing to do for automatic messages: the email is not tracked. Check the From line if a real sender’s email is missing.',
  'alert.invalid-forward-item.cause':
    'The forward mailbox received an email that was not forwarded as an attachment, or from a mailbox whose incoming email is not set to Forward Mailbox.',
  'alert.invalid-forward-item.fix':
    'Set the forwarding mailbox’s incoming email to Forward Mailbox, and make its forwarding rule send emails as attachments.',
  'alert.no-correlation-match.cause':
    'No user or queue among the recipients tracks this email automatically under their tracking options (or correlation is off).',
  'alert.no-correlation-match.fix':
    'Usually by design. If the email should be tracked, change the recipient’s “Track” option (for example to all email messages) or turn email correlation on.',
  'alert.no-recipient-match.cause':
    'No user or queue could be matched on the To or Cc line: a distribution group or Bcc, another address of the user, an address shared with other records, or a missing email search row.',
  'alert.no-recipient-match.fix':
    'Usually by design. Otherwise add the user’s other address to their record, remove the duplicate address from other records, or have the mailbox track all email messages.',
  'alert.internal-email-reject.cause':
    'The email went from one Dynamics 365 user to another, and the organization tracks such email once.',
  'alert.internal-email-reject.fix':
    'By design. To track both copies, turn on “Track emails sent between Dynamics 365 users as two activities”.',

  // Temporary.
  'alert.unexpected-error.cause': 'Server-side sync got an unexpected error from the email server; usually temporary.',
  'alert.unexpected-error.fix':
    'Nothing to do unless it persists past the next cycles (about 15 minutes each); then check that the mailbox works in Outlook and contact Microsoft Support.',
  'alert.incoming-integration-error.cause': 'Server-side sync met an error while retrieving email; usually temporary.',
  'alert.incoming-integration-error.fix':
    'Nothing to do unless it persists past the next cycles; then check the mailbox in Outlook and contact Microsoft Support.',
  'alert.service-unavailable.cause': 'The email server answered 503 Service Unavailable; usually temporary.',
  'alert.service-unavailable.fix':
    'Nothing to do unless it persists past the next cycles; then check the email service’s health and contact Microsoft Support.',
  'alert.internal-crm-error.cause': 'An internal Dynamics 365 error stopped this email retrieval; usually temporary.',
  'alert.internal-crm-error.fix':
    'Nothing to do unless it persists past the next cycles; then contact Microsoft Support.',
  'alert.internal-server-transient.cause': 'Exchange reported a temporary internal error.',
  'alert.internal-server-transient.fix':
    'Nothing to do unless it persists past the next cycles; then check that the mailbox works in Outlook and contact Microsoft Support.',
  'alert.store-unavailable.cause':
    'Exchange could not open the mailbox store at that moment (offline, paused, overloaded or a network error).',
  'alert.store-unavailable.fix':
    'Nothing to do unless it persists; then check that the mailbox opens in Outlook and, for Exchange Online, the service health dashboard.',
  'alert.send-failure.cause': 'Sending failed while connecting to the email server; usually temporary.',
  'alert.send-failure.fix':
    'Nothing to do unless it persists; then check that the mailbox can send from Outlook and contact Microsoft Support.',
  'alert.gmail-sending-limit.cause': 'The Gmail mailbox exceeded Gmail’s sending limit, so email stays Pending Send.',
  'alert.gmail-sending-limit.fix':
    'Stay within Gmail’s sending limits; send bulk email through a service built for it.',
  'alert.general-outgoing-error.cause':
    'Sending met an unexpected error; usually temporary, and the email is sent again.',
  'alert.general-outgoing-error.fix':
    'Nothing to do unless it persists; then check that the mailbox can send from Outlook and contact Microsoft Support.',
  'alert.server-busy.cause': 'Exchange was too busy to answer (ErrorServerBusy, EWS error 363): it throttles requests.',
  'alert.server-busy.fix':
    'Nothing to do unless it persists: server-side sync backs off and retries. If it persists, look for other load on the mailbox or the EWS throttling policy.',
  'alert.exchange-203.cause':
    'Exchange refused an appointment change (EWS error 203), for example an attendee who is not the organizer changing the required attendees.',
  'alert.exchange-203.fix':
    'Nothing to do unless appointments stop syncing; the warning does not affect synchronization.',
  'alert.exchange-383-time-zone.cause':
    'Exchange refused the appointment (EWS error 383): a known Exchange Web Services problem with some time zones (for example Casablanca, Cairo, Istanbul, Moscow or Chetumal).',
  'alert.exchange-383-time-zone.fix':
    'Nothing to do unless it persists; then set the user’s Dynamics 365 time zone to another one with the same offset that is not affected. Appointments follow within a cycle or two.',
  'alert.irresolvable-conflict.cause':
    'Exchange refused an update because the item changed meanwhile (ErrorIrresolvableConflict).',
  'alert.irresolvable-conflict.fix': 'Nothing to do unless it persists: the next cycle updates the item.',

  // Connection and profile settings.
  'alert.connect-failure.cause':
    'Server-side sync could not connect to the email server: a firewall blocks Dynamics 365 (Exchange on-premises), or the profile’s ports are wrong (POP3/SMTP).',
  'alert.connect-failure.fix':
    'For Exchange on-premises, allow Dynamics 365’s IP ranges through the firewall; for POP3/SMTP, correct the incoming and outgoing ports (Gmail: 995 and 587). Then run Test & Enable.',
  'alert.secure-channel-failure.cause':
    'The SSL/TLS connection to the email server failed, for example an on-premises Exchange behind an F5 BIG-IP that mishandles the handshake.',
  'alert.secure-channel-failure.fix':
    'Check the TLS configuration in front of the Exchange server (F5 BIG-IP: apply F5’s fix for Schannel clients), then run Test & Enable.',
  'alert.forbidden.cause':
    'Exchange answered 403 Forbidden: Exchange Web Services is off for the mailbox or the organization, or the EWS allow or block list shuts out Dynamics 365.',
  'alert.forbidden.fix':
    'Turn EWS on for the mailbox (Set-CASMailbox -EwsEnabled) or the organization, and let Dynamics 365 (CRM/*) through the EWS application access policy. Changes take up to two hours.',
  'alert.not-found-404.cause':
    'Exchange answered 404 Not Found: the address matches no available mailbox, or the profile cannot find it (an Exchange Online profile for an on-premises mailbox).',
  'alert.not-found-404.fix':
    'Check the mailbox’s email address against Exchange and that the mailbox opens; use an Exchange Server (Hybrid) profile for on-premises mailboxes. Then run Test & Enable.',
  'alert.secure-connection-failed.cause':
    'Exchange refused Exchange Web Services to this mailbox; Learn documents a Kiosk licence, which does not include EWS.',
  'alert.secure-connection-failed.fix':
    'Give the user an Exchange Online plan that includes EWS (not Kiosk), then run Test & Enable.',
  'alert.socket-timeout.cause':
    'The connection to the email server timed out: usually wrong ports in the email server profile.',
  'alert.socket-timeout.fix':
    'Correct the profile’s incoming and outgoing ports for the provider (Gmail: 995 and 587), then run Test & Enable.',
  'alert.host-not-found.cause':
    'The incoming server location or port in the email server profile is wrong (the host name does not resolve).',
  'alert.host-not-found.fix':
    'Correct the profile’s incoming server location and port for the provider, then run Test & Enable.',
  'alert.smtp-send-error.cause':
    'The SMTP server rejected the connection: usually a wrong outgoing port in the email server profile.',
  'alert.smtp-send-error.fix':
    'Correct the profile’s outgoing port for the provider (Gmail: 587), then run Test & Enable.',
  'alert.gmail-authentication.cause':
    'The SMTP server (typically Gmail) refused the sign-in or its certificate could not be validated.',
  'alert.gmail-authentication.fix':
    'Gmail no longer accepts a user name and password from apps: connect Gmail with OAuth 2.0, then run Test & Enable.',
  'alert.location-undetermined.cause':
    'Autodiscover could not find the mailbox for an email server profile set to discover the server location.',
  'alert.location-undetermined.fix':
    'Exchange on-premises: fix Autodiscover, or turn the profile’s Auto Discover Server Location off and enter the EWS URL (https://<server>/EWS/Exchange.asmx). Exchange Online: keep Auto Discover on (turning it off is unsupported with server-to-server authentication) and check the mailbox’s address and licence. Then run Test & Enable.',
  'alert.no-profile.cause': 'The mailbox has no email server profile, or its profile is inactive.',
  'alert.no-profile.fix': 'Set the mailbox’s Server Profile, or activate the profile, then run Test & Enable.',
  'alert.mailbox-disabled.cause':
    'The mailbox record is inactive: deactivated by hand, or because its user was deactivated (for example when the licence was removed).',
  'alert.mailbox-disabled.fix':
    'Activate the mailbox (and re-enable its user with a licence and a role, if needed), then run Test & Enable.',

  // The mailbox's email address.
  'alert.invalid-mailbox-address.cause': 'The mailbox record has no valid email address.',
  'alert.invalid-mailbox-address.fix': 'Correct the mailbox’s Email Address, save, then run Test & Enable.',
  'alert.non-existent-mailbox.cause':
    'Exchange has no mailbox at that address: the address is wrong, belongs to a distribution group, or the mailbox is on-premises while the profile is Exchange Online (on Test Connection: the profile’s user name is not in UPN form).',
  'alert.non-existent-mailbox.fix':
    'Correct the address to a real mailbox, use an Exchange Server (Hybrid) profile for on-premises mailboxes, and enter profile user names as UPNs (user@contoso.com). Then run Test & Enable.',
  'alert.duplicate-mailbox-address.cause':
    'Two mailbox records have the same email address; only one mailbox can use an address.',
  'alert.duplicate-mailbox-address.fix':
    'Change or remove the address on one of the two mailbox records named in the alert.',

  // Another organization.
  'alert.another-organization-email.cause':
    'The Exchange mailbox is set to synchronize with another Dynamics 365 organization.',
  'alert.another-organization-email.fix':
    'In the organization that should sync this mailbox, run Test & Enable with “Sync items with Exchange from this org only” selected; set the mailbox’s synchronization to None in the others.',
  'alert.another-organization.cause':
    'The mailbox synchronizes appointments, contacts and tasks with another Dynamics 365 organization; an Exchange mailbox syncs them with one organization only.',
  'alert.another-organization.fix':
    'Run Test & Enable with “Sync items with Exchange from this org only” checked in the primary organization, and set appointments, contacts and tasks to None in the others.',

  // Appointments, contacts and tasks.
  'alert.organizer-missing.cause':
    'Appointments cannot sync because the Organizer field is not on the appointment form.',
  'alert.organizer-missing.fix': 'Add the Organizer field to the appointment form and publish.',
  'alert.scheduling-conflict.cause':
    'An appointment tracked in Outlook overlaps another appointment of the user, so it was not saved.',
  'alert.scheduling-conflict.fix':
    'On the alert, choose Yes to save the appointment anyway; it is created in the next cycle.',
  'alert.duplicate-records.cause':
    'Duplicate detection found an existing record like the contact tracked in Outlook, so it was not created.',
  'alert.duplicate-records.fix':
    'If the record should exist, choose Yes on the alert to create it anyway; otherwise nothing to do.',

  // Quotas.
  'alert.quota-exceeded.cause':
    'Exchange refused to send because a quota or limit of the mailbox is exceeded (for example its storage); the email stays Pending Send.',
  'alert.quota-exceeded.fix':
    'Check that the mailbox can send from Outlook; bring it under its quota or ask the Exchange administrator, then resend.',
  'alert.submission-quota-exceeded.cause':
    'The mailbox hit Exchange Online’s sending limits (for example 10,000 emails in 24 hours).',
  'alert.submission-quota-exceeded.fix': 'Send less from this mailbox; send bulk email through a service built for it.',

  // Information.
  'alert.tracking-category-enabled.cause':
    'Category tracking is on: server-side sync added the “Tracked to Dynamics 365” category to the mailbox.',
  'alert.tracking-category-enabled.fix':
    'Nothing to do. To remove the category, turn off “People can use categories to track emails and appointments” (Email tracking settings).',

  // A generic Exchange error number.
  'alert.exchange-error-number.cause': 'Exchange returned an EWS error number that no troubleshooting article covers.',
  'alert.exchange-error-number.fix':
    'Look the number up in the EWS ServiceError list to see what Exchange refused; busy or conflict errors usually clear by themselves.',
} as const;
