/**
 * The engine's English: what the checks, the findings, the alert catalogue and the shared report rendering say. Each
 * surface keeps its own words beside its code (the panel in MailboxHealthControl/strings/, the ribbon and the Fleet
 * health page in webresources/) and renders these through the catalogue it has; the control's resx is generated from
 * this catalogue and the panel's. Keys are stable; `{name}` placeholders take plain text or other messages.
 */
import { alertsEn } from './alerts.en';

export const en = {
  ...alertsEn,

  // Check titles, in the article's order.
  'check.approval.title': 'Mailbox approval',
  'check.owner.title': 'Mailbox owner',
  'check.server-profile.title': 'Email server profile',
  'check.profile-settings.title': 'Profile settings for this mailbox',
  'check.delivery-methods.title': 'Delivery methods',
  'check.alerts.title': 'Alerts',
  'check.mailbox-test.title': 'Mailbox status (last test or sync)',
  'check.sync-recency.title': 'Sync schedule and recency',
  'check.item-failures.title': 'Items that failed to sync',
  'check.capacity.title': 'Sync throughput',
  'check.appointments.title': 'Appointments, contacts and tasks',
  'check.conditional-access.title': 'Conditional Access',
  'check.email-tracking.title': 'Email tracking rules',
  'check.unknown.title': 'Check',

  // Could not check.
  'check.error.summary': 'Could not check: {reason}',
  'reason.privilege': 'you lack read privilege on {table}.',
  'reason.throttled': 'Dataverse kept throttling requests for {table}; try again in a few minutes.',
  'reason.not-found': 'the {table} record was not found.',
  'reason.bad-request':
    'Dataverse rejected the query on {table}; this environment may run a different version of the table.',
  'reason.network': '{table} could not be reached (network error).',
  'reason.server': 'Dataverse returned a server error while reading {table}.',
  'reason.bad-answer':
    'the answer for {table} was not a Dataverse answer (a sign-in page or a proxy in the way?); try again once the connection is back.',
  'reason.unknown': 'an unexpected error occurred while reading {table}.',
  'reason.depends': 'it needs {table}, which could not be read.',
  'remedy.grantRead': 'Ask an administrator for read access to {table}, or run the diagnosis as a user who has it.',
  'remedy.retryLater':
    'Run the diagnosis again; if it keeps failing, check the environment in the Power Platform admin center.',
  'evidence.readError': 'Error from Dataverse',

  'table.mailbox': 'Mailboxes (mailbox)',
  'table.emailserverprofile': 'Email Server Profiles (emailserverprofile)',
  'table.tracelog': 'Alerts (tracelog)',
  'table.organization': 'Organization settings (organization)',
  'table.usersettings': 'User settings (usersettings)',
  'table.queue': 'Queues (queue)',
  'table.contact': 'Contacts (contact)',
  'table.account': 'Accounts (account)',
  'table.lead': 'Leads (lead)',
  'table.systemuser': 'Users (systemuser)',
  'table.exchangesyncidmapping': 'Item-level sync records (exchangesyncidmapping)',

  // One story per root cause: a symptom check names the check that carries the cause.
  'remedy.seeRootCause': 'Fix the cause under “{check}” first; this clears once the mailbox syncs again.',
  'rootCause.owner.user-disabled.cause':
    'The mailbox owner’s user is disabled, so there is nothing to sync for this mailbox.',
  'rootCause.owner.user-disabled.fix':
    'Nothing to fix on the mailbox if the user has left. If the user should sync, enable the user (and their Microsoft 365 account), then run Test & Enable.',
  'rootCause.owner.user-access-mode.cause':
    'The mailbox owner’s access mode is not Read-Write, so server-side sync cannot act for the user.',
  'rootCause.owner.user-access-mode.fix':
    'Set the user’s Access Mode to Read-Write (user record → Administration), then run Test & Enable.',
  'rootCause.owner.user-unlicensed.cause': 'The mailbox owner has no Dynamics 365 licence.',
  'rootCause.owner.user-unlicensed.fix':
    'Assign the user a Dynamics 365 licence (and an Exchange Online licence), then run Test & Enable.',
  'rootCause.owner.queue-inactive.cause':
    'The queue that owns this mailbox is inactive, so nothing is delivered to it.',
  'rootCause.owner.queue-inactive.fix':
    'Activate the queue if it is still in use, then run Test & Enable; otherwise leave the mailbox as it is.',

  'owner.systemuser': 'User',
  'owner.queue': 'Queue',
  'owner.unknown': 'Unknown (neither a user nor a queue)',

  'channel.incoming': 'Incoming email',
  'channel.outgoing': 'Outgoing email',
  'channel.act': 'Appointments, contacts and tasks',

  // 1. approval
  'check.approval.pass': "The mailbox's email address is approved.",
  'check.approval.failRequired':
    'Email address status is {status}, and this organization processes email only for approved mailboxes.',
  'check.approval.warnNotRequired':
    'Email address status is {status}. Approval is not required here, but an unapproved address is a common cause of failures after a credential change.',
  'check.approval.remedy':
    'Approve the email address (Mailboxes → Approve Email), then run Test & Enable. For Exchange Online, approval needs a Global admin, an Exchange admin or a Delegated Mailbox Approver, each with the System Administrator role; System Administrator alone is not enough.',
  'evidence.approvalStatus': 'Email address status',
  'evidence.ownerKind': 'Owner type',
  'evidence.approvedByO365Admin': 'Approved by a Microsoft 365 administrator',
  'evidence.approvedOn': 'Approved on',
  'evidence.approvedBy': 'Approved by',
  'evidence.requireApprovalUser': 'Process email only for approved users',
  'evidence.requireApprovalQueue': 'Process email only for approved queues',

  // owner
  'check.owner.skippedUnknown': 'The mailbox belongs to neither a user nor a queue, so there is no owner to check.',
  'check.owner.failUserDisabled': 'The owner {name} is a disabled user: there is nothing to sync for this mailbox.',
  'check.owner.failAccessMode': 'The owner {name} has access mode {mode}; server-side sync needs Read-Write.',
  'check.owner.failUnlicensed': 'The owner {name} has no Dynamics 365 licence.',
  'check.owner.warnAddressMismatch':
    'The mailbox address {address} is neither the primary email nor the sign-in name of {name}. If it is not an alias of that user in Exchange, this causes (401) Unauthorized or “no user was found”.',
  'check.owner.pass': 'The owner {name} is enabled, licensed and in Read-Write access mode.',
  'check.owner.passQueue': 'The owning queue {name} is active.',
  'check.owner.failQueueInactive': 'The owning queue {name} is inactive.',
  'check.owner.remedyLicence':
    'Give the user a Dynamics 365 licence and set Access Mode to Read-Write (user record → Administration), and make sure the user has an Exchange Online licence; then run Test & Enable.',
  'check.owner.remedyAddressMismatch':
    'Confirm in Exchange that the address belongs to this user (primary address or alias). If it does not, correct the email address on the user or the mailbox, then run Test & Enable.',
  'evidence.ownerName': 'Owner',
  'evidence.ownerState': 'Owner status',
  'evidence.ownerDisabled': 'Owner disabled',
  'evidence.ownerAccessMode': 'Owner access mode',
  'evidence.ownerLicensed': 'Owner licensed',
  'evidence.ownerPrimaryEmail': 'Owner primary email',
  'evidence.ownerSignInName': 'Owner sign-in name',

  // 2. server-profile
  'check.server-profile.failNone': 'No email server profile is assigned, so the mailbox cannot connect to Exchange.',
  'check.server-profile.failMissingRecord': 'The email server profile assigned to this mailbox no longer exists.',
  'check.server-profile.failInactive': 'The email server profile {name} is inactive.',
  'check.server-profile.warnLastTest': 'The last Test Connection of profile {name} ended with {result}.',
  'check.server-profile.infoLastTestDisregarded':
    'The last Test Connection of profile {name} ended with {result}, but this mailbox’s own statuses are Success, so it can be disregarded for this mailbox.',
  'check.server-profile.pass': 'Profile {name} is assigned and active.',
  'check.server-profile.remedyAssign':
    'Assign an active email server profile to the mailbox (Server Profile field), then run Test & Enable.',
  'check.server-profile.remedyActivate':
    'Activate the profile (Email Server Profiles → Activate), or assign another active profile.',
  'check.server-profile.remedyTestConnection':
    'Open the profile, run Test Connection and read its result; fix the credentials or the server location it points to.',
  'evidence.profileName': 'Profile',
  'evidence.profileState': 'Profile status',
  'evidence.serverType': 'Server type',
  'evidence.incomingCredentials': 'Incoming authentication',
  'evidence.outgoingCredentials': 'Outgoing authentication',
  'evidence.authenticationProtocol': 'Authentication protocol',
  'evidence.autodiscover': 'Use autodiscover',
  'evidence.serverLocation': 'Incoming server location',
  'evidence.lastTestResult': 'Last Test Connection result',
  'evidence.lastTestStarted': 'Last Test Connection started',

  // profile-settings
  'check.profile-settings.skippedNoProfile': 'No email server profile to check (see Email server profile).',
  'check.profile-settings.failNoCredentials':
    'Profile {name} takes credentials from each user or queue, but this mailbox has none that server-side sync may use.',
  'check.profile-settings.warnOnlineUnsupported':
    'Exchange Online profile {name} uses settings that are not supported with Exchange Online: {settings}.',
  'check.profile-settings.impersonation': 'impersonation',
  'check.profile-settings.autodiscoverOff': 'Auto Discover Server Location set to No',
  'check.profile-settings.warnProcessAfterFuture':
    'The mailbox processes only email received after {date}, which is in the future.',
  'check.profile-settings.pass': 'Profile {name} has nothing that stops this mailbox.',
  'check.profile-settings.remedyNoCredentials':
    'Open the mailbox, enter the user name and password under Credentials and allow server-side sync to use them, or use a profile with server-to-server authentication; then run Test & Enable.',
  'check.profile-settings.remedyOnlineUnsupported':
    'Use server-to-server authentication with Auto Discover on and no impersonation, as the default Exchange Online profile does (ApplicationImpersonation is retired in Exchange Online); then run Test & Enable.',
  'check.profile-settings.remedyProcessAfter': 'Clear or correct “Process Email Received After” on the mailbox.',
  'evidence.serverTypeName': 'Server type name',
  'evidence.mailboxUserName': 'Mailbox credentials: user name',
  'evidence.mailboxCredentialsAllowed': 'Server-side sync may use the mailbox credentials',
  'evidence.processEmailReceivedAfter': 'Process email received after',

  // 3. delivery-methods
  'check.delivery-methods.failInactive': 'The mailbox record is inactive, so nothing syncs.',
  'check.delivery-methods.failInactiveExplained': 'The mailbox record is inactive. Cause (see “{check}”): {cause}',
  'check.delivery-methods.failDisabled':
    '{channels}: set to server-side sync but disabled (server-side sync disables a mailbox after a permanent error or repeated transient failures).',
  'check.delivery-methods.failDisabledExplained':
    '{channels}: disabled by server-side sync. Cause (see “{check}”): {cause}',
  'check.delivery-methods.warnNotServerSideSync': '{channels}: not on server-side sync.',
  'check.delivery-methods.warnNoForwardMailbox':
    'Incoming email goes through a forward mailbox, but no active forward mailbox receives email successfully.',
  'check.delivery-methods.infoQueueOutgoingNone':
    'Outgoing email of this queue is set to None, which is a deliberate choice for a queue that only receives.',
  'check.delivery-methods.pass': 'Every channel that uses server-side sync is enabled.',
  'check.delivery-methods.passForward':
    'Incoming email goes through an active forward mailbox; every channel on server-side sync is enabled.',
  'check.delivery-methods.remedyForwardMailbox':
    'Set up the forward mailbox (Mailboxes → a mailbox with Is Forward Mailbox), run Test & Enable on it, or switch this mailbox’s incoming email to server-side sync.',
  'evidence.isForwardMailbox': 'This is a forward mailbox',
  'evidence.forwardMailboxAvailable': 'An active forward mailbox receives email',
  'check.delivery-methods.remedyActivate': 'Activate the mailbox record, then run Test & Enable.',
  'check.delivery-methods.remedyEnable':
    'Fix the error the alerts report, then run Test & Enable: it enables the mailbox again.',
  'check.delivery-methods.remedyServerSideSync':
    'If this mailbox should sync through Exchange, set Incoming and Outgoing Email to Server-Side Synchronization and run Test & Enable.',
  'evidence.mailboxState': 'Mailbox status',
  'evidence.deliveryMethod': '{channel}: delivery method',
  'evidence.channelEnabled': '{channel}: enabled',

  // 4. alerts
  'check.alerts.failErrors': '{count} current error alert(s). Latest: “{text}”',
  'check.alerts.warnRecovered':
    '{count} error alert(s) in the last 7 days, but the mailbox has synced successfully since. Latest: “{text}”',
  'check.alerts.warnTransient': '{count} error alert(s) that server-side sync retries by itself. Latest: “{text}”',
  'check.alerts.warnWarnings': '{count} warning alert(s) in the last 7 days. Latest: “{text}”',
  'check.alerts.pass': 'No warning or error alerts about this mailbox in the last 7 days.',
  'check.alerts.remedyUnrecognised':
    'Open the alert (Mailboxes → Alerts), read its details, and search its text on Microsoft Learn.',
  'check.alerts.remedyRecovered':
    'Nothing to do unless the alert comes back: the mailbox synced successfully after it.',
  'evidence.alertWindow': 'Looked back',
  'evidence.currentErrorAlerts': 'Current error alerts',
  'evidence.earlierErrorAlerts': 'Earlier or transient error alerts',
  'evidence.warningAlerts': 'Warning alerts',
  'evidence.profileAlertsElsewhere': 'Profile alerts about other mailboxes (see findings)',
  'evidence.recoveredSince': 'Synced successfully since',
  'evidence.errorAlertsRecorded': 'Organization records Error alerts',
  'evidence.warningAlertsRecorded': 'Organization records Warning alerts',
  'evidence.organization': 'Organization',
  'evidence.alertsTruncated': 'Only the newest alerts were read',

  // 5. mailbox-test
  'check.mailbox-test.skipped': 'No channel uses server-side sync, so there is nothing to test.',
  'check.mailbox-test.fail': 'The last status is Failure for: {channels}.',
  'check.mailbox-test.failExplained': 'The last status is Failure for: {channels}. Cause (see “{check}”): {cause}',
  'check.mailbox-test.failLastSyncError':
    'The last status is Failure for: {channels}. The last sync error says: {cause}',
  'check.mailbox-test.failAppointments':
    'The last status of appointments, contacts and tasks is Failure (see “Appointments, contacts and tasks”).',
  'check.mailbox-test.warnNotRun': 'Never tested: {channels}.',
  'check.mailbox-test.pass': 'The last status is Success for: {channels}.',
  'check.mailbox-test.remedyDocumentedCauses':
    'Run Test & Enable and read the alert it writes. The documented causes of a failing mailbox: the email address is not approved; the user has no Exchange Online licence; Exchange finds no user for the address (“no user was found”); the mailbox owner lacks privileges; wrong credentials on the profile or the mailbox.',
  'check.mailbox-test.remedyNotRun': 'Run Test & Enable on this mailbox.',
  'evidence.channelStatus': '{channel}: status',
  'evidence.lastTestCompleted': 'Last mailbox test completed',

  // 6. sync-recency
  'check.sync-recency.failDisabled':
    'Processing is switched off: the server postponed it to the year 9999 after a disabling error.',
  'check.sync-recency.skipped': 'No channel uses server-side sync.',
  'check.sync-recency.failDisabledExplained':
    'Processing is switched off (postponed to the year 9999). Cause (see “{check}”): {cause}',
  'check.sync-recency.failStale': 'Last successful sync {hours} hours ago, longer than its schedule allows.{streak}',
  'check.sync-recency.failStaleExplained': 'Last successful sync {hours} hours ago. Cause (see “{check}”): {cause}',
  'check.sync-recency.warnNever': 'No successful sync has been recorded.{streak}',
  'check.sync-recency.warnOverdue':
    'The next sync was due {minutes} minutes ago and no host has picked the mailbox up.{streak}',
  'check.sync-recency.warnHeld': 'A host has held this mailbox for {hours} hour(s); it may be stuck.',
  'check.sync-recency.pass': 'On schedule: last synced {age}.{streak}',
  'check.sync-recency.passProcessing':
    'On schedule: last synced {age}; a host is processing the mailbox right now, which is normal.{streak}',
  'check.sync-recency.streak': ' Current error streak: {count}.',
  'check.sync-recency.remedyDisabled':
    'Fix the cause the alerts report, then run Test & Enable: that switches processing on again.',
  'check.sync-recency.remedyStale':
    'Read the alerts and the last sync error; run Test & Enable once the cause is fixed.',
  'check.sync-recency.remedyNever': 'Run Test & Enable and wait for one sync cycle.',
  'check.sync-recency.remedyOverdue':
    'Look at the profile findings: when many mailboxes of the profile are overdue, the hosts are not keeping up. For this mailbox alone, wait one more cycle, then run Test & Enable.',
  'check.sync-recency.remedyHeld':
    'Wait one more cycle; if the mailbox stays held, run Test & Enable or give Microsoft support the mailbox id.',
  'evidence.lastSuccessfulSync': 'Last successful sync',
  'evidence.nextSync': 'Next sync',
  'evidence.errorStreak': 'Consecutive sync errors',
  'evidence.lastSyncError': 'Last sync error',
  'evidence.lastSyncErrorCode': 'Last sync error code',
  'evidence.lastSyncErrorOn': 'Last sync error on',
  'evidence.processingState': 'Processing',
  'evidence.processingSince': 'Processing since',
  'evidence.staleAfter': 'Stale after',
  'evidence.overdueAfter': 'Overdue after',

  // item-failures
  'check.item-failures.skipped': 'No channel uses server-side sync.',
  'check.item-failures.warnItems':
    '{count} item(s) failed to sync in the last {days} days, although the mailbox may sync.',
  'check.item-failures.warnLastCycle': '{lastCycle} item(s) failed in the last sync cycle.',
  'check.item-failures.infoNotVisible':
    'No failed items visible to you. Only the mailbox owner and administrators see them, so this proves nothing unless you are one of them.',
  'check.item-failures.pass': 'No item failed to sync in the last {days} days.',
  'check.item-failures.remedy':
    'Read each item’s error below (or the Item Monitoring dashboard); a single item often fails for its own reason (size, a plug-in, a deleted record) while the mailbox works.',
  'check.item-failures.subjectHidden': 'Subject hidden',
  'evidence.itemsFailedLastSync': 'Items failed in the last sync cycle',
  'evidence.failedItems': 'Failed items in the last {days} days',

  // capacity (sync throughput)
  'check.capacity.skipped': 'No channel uses server-side sync.',
  'check.capacity.warnTransient':
    '{count} transient failure(s) in a row. Server-side sync disables a mailbox after a set number of them.',
  'check.capacity.pass': 'No transient failures in a row.',
  'check.capacity.remedyTransient':
    'Read the alerts for the transient error (throttling, a busy server, a network problem). Server-side sync retries by itself; if the count keeps rising, fix that cause before the mailbox is disabled.',
  'evidence.transientFailures': 'Transient failures in a row',
  'evidence.profileMailboxes': 'Active server-side sync mailboxes on this profile',
  'evidence.profileOverdue': 'Of those, overdue (next sync over 30 min late, not held by a host)',
  'evidence.maxConnections': 'Maximum concurrent connections (per authenticated user)',
  'evidence.minPolling': 'Minimum polling interval (minutes)',
  'evidence.overdueThreshold': 'Reported when',

  // 8. appointments
  'check.appointments.skipped': 'Appointments, contacts and tasks do not use server-side sync.',
  'check.appointments.failWithAlert': 'Appointments, contacts and tasks fail to sync: “{text}”',
  'check.appointments.fail': 'Appointments, contacts and tasks fail to sync, while email may still work.',
  'check.appointments.alertOnly': 'An appointments alert was logged: “{text}”',
  'check.appointments.pass': 'Appointments, contacts and tasks sync.',
  'check.appointments.remedyDocumentedCauses':
    'Run Test & Enable and read the alert it writes. Documented causes: the synchronization filters exclude the items; the organizer is not a user of this organization or the Organizer field is missing; the mailbox syncs appointments, contacts and tasks with another organization (choose the primary synchronizing organization); Exchange error 383 (time zones, usually transient).',
  'evidence.alertsUnavailable': 'Alerts',
  'evidence.appointmentAlert': 'Appointments alert',

  // 9. conditional-access
  'check.conditional-access.pass':
    'No sign-in refused by Conditional Access, MFA or a security policy (AADSTS codes) in the last 7 days. A plain (401) is not Conditional Access.',
  'check.conditional-access.infoServiceIdentity':
    'An alert carries {code}, but this profile signs in with server-to-server authentication (Dynamics 365’s own identity); see the alerts check for the cause.',
  'check.conditional-access.warn':
    'Microsoft Entra refused the sign-in with {code}: a Conditional Access, MFA or security policy blocks the account or app this profile signs in with.',
  'check.conditional-access.remedy':
    'Find the refused sign-in in the Microsoft Entra sign-in logs (its code and the policy that applied). Exclude the account or app registration this profile uses from that policy, or meet its conditions, then run Test & Enable.',
  'evidence.signInAlert': 'Sign-in alert',

  // 10. email-tracking
  'check.email-tracking.warnNone':
    "The owner's option tracks no email messages, so nothing this mailbox receives is tracked.",
  'check.email-tracking.info': 'The owner tracks: {option}.',
  'check.email-tracking.infoUnknown':
    "The owner's tracking option is unknown (the owner is neither a user nor a queue, or the option is empty).",
  'check.email-tracking.remedyNone':
    "Change the owner's option: Personal Options → Email → Track email messages from (users), or the queue's Convert Incoming Email To Activities.",
  'check.email-tracking.remedyExplain':
    '“My email did not track” is often sync working as designed: check who sent it and whether the sender resolves to a record the option accepts (use the address check).',
  'evidence.userFiltering': 'User’s “Track email messages from”',
  'evidence.queueFiltering': 'Queue’s “Convert incoming email to activities”',
  'evidence.ignoreInternalEmail': 'Ignore internal email',
  'evidence.correlation': 'Use correlation',
  'evidence.smartMatching': 'Smart matching',
  'evidence.trackingPrefix': 'Tracking token prefix',
  'evidence.organizationSettings': 'Organization settings',

  // Email tracking explainer
  'tracking.invalidAddress': 'Enter an email address such as someone@contoso.com.',
  'tracking.incomingNotServerSideSync':
    'Not automatically tracked: incoming email of this mailbox does not use server-side sync.',
  'tracking.internalIgnored':
    'Not automatically tracked: the sender is a user or queue of this organization, and internal email is ignored.',
  'tracking.all': 'Automatically tracked: the owner tracks all email messages.',
  'tracking.responsesOnly':
    'Automatically tracked only if it replies to an email tracked in Dynamics 365: the owner tracks responses only.',
  'tracking.resolvesToRecord': "Automatically tracked: the address resolves to a record the owner's option accepts.",
  'tracking.couldNotSearch': 'Unknown: some tables could not be searched.',
  'tracking.noLeadContactAccount':
    'Not automatically tracked: the address matches no lead, contact or account, and the owner tracks only email from those.',
  'tracking.noStandardEmailEnabledRecord':
    'Unknown: the address matches no contact, account, lead, user or queue, but the owner’s option also accepts other email-enabled tables (custom tables too), which were not searched.',
  'tracking.noneOption': 'Not automatically tracked: the owner’s option is “No email messages”.',
  'tracking.alwaysApplies':
    'Whatever the option: only email in the Inbox itself is processed (subfolders only through folder-level tracking rules); Sent Items are not tracked automatically; folder-level tracking, category tracking and tracking by hand in Outlook work regardless of this option.',
  'tracking.optionUnknown': "Unknown: the owner's tracking option could not be read.",

  // Test & Enable
  'testEnable.succeeded': 'Test & Enable succeeded.',
  'testEnable.failed':
    'Test & Enable failed for: {channels}. This points to credentials (including Conditional Access) or to Exchange throttling; read the new alert.',
  'testEnable.timeout':
    'Test & Enable did not finish within {minutes} minutes; the asynchronous service may be busy. Check again later.',

  // Values
  'value.notSet': 'Not set',
  'value.atLeast': 'at least {value}',
  'value.yes': 'Yes',
  'value.no': 'No',
  'value.couldNotRead': 'Could not be read',
  'value.days': '{days} days',
  'value.seconds': '{seconds} s',
  'value.minutes': '{minutes} min',
  'value.hours': '{hours} h',
  'value.processingDisabled': 'Never: processing is disabled',
  'value.nextSyncDue': 'Due at the next cycle',
  'value.processingNow': 'A host is processing it now',
  'value.processingIdle': 'Waiting for the next cycle',
  'value.heuristicHours': '{hours} h without a successful sync (heuristic)',
  'value.heuristicMinutes': '{minutes} min past the scheduled sync (heuristic)',
  'value.minutesAgo': '{minutes} min ago',
  'value.hoursAgo': '{hours} h ago',
  'value.overdueHeuristic': 'at least {percent}% and at least {count} mailboxes are overdue (heuristic)',

  // Profile and environment findings (never part of a mailbox's verdict)
  'finding.profile-alert.summary': 'An alert on the email server profile that does not name this mailbox: “{text}”',
  'finding.profile-overdue.summary':
    '{overdue} of {total} active mailboxes on this profile ({percent}%) are more than {minutes} minutes past their next sync: the profile’s mailboxes are not being processed on time.',
  'finding.profile-overdue.remedy':
    'Look for transient errors and throttling in the profile’s alerts, and compare with other profiles. Raising Maximum Concurrent Connections helps only when many mailboxes sign in as the same user; it is not a fleet-wide pool.',
  'finding.alerts-not-recorded.errors':
    'This organization does not record Error alerts, so an empty alert list proves nothing.',
  'finding.alerts-not-recorded.warnings':
    'This organization does not record Warning alerts, so transient problems go unseen.',
  'finding.alerts-not-recorded.remedy':
    'Turn alerts on: Settings → Email → Email configuration settings → Configure alerts → Error and Warning.',
  'finding.scope.profile': 'Email server profile',
  'finding.scope.environment': 'Environment',

  // Option labels (sss-data-model §1a, §3, §4, §9); Dataverse's own label wins when the response carries one.
  'option.unknown': 'Unknown value ({value})',
  'option.mailbox.emailrouteraccessapproval.0': 'Empty',
  'option.mailbox.emailrouteraccessapproval.1': 'Approved',
  'option.mailbox.emailrouteraccessapproval.2': 'Pending Approval',
  'option.mailbox.emailrouteraccessapproval.3': 'Rejected',
  'option.mailbox.incomingemaildeliverymethod.0': 'None',
  'option.mailbox.incomingemaildeliverymethod.1': 'Microsoft Dynamics 365 for Outlook',
  'option.mailbox.incomingemaildeliverymethod.2': 'Server-Side Synchronization',
  'option.mailbox.incomingemaildeliverymethod.3': 'Forward Mailbox',
  'option.mailbox.outgoingemaildeliverymethod.0': 'None',
  'option.mailbox.outgoingemaildeliverymethod.1': 'Microsoft Dynamics 365 for Outlook',
  'option.mailbox.outgoingemaildeliverymethod.2': 'Server-Side Synchronization',
  'option.mailbox.actdeliverymethod.0': 'Microsoft Dynamics 365 for Outlook',
  'option.mailbox.actdeliverymethod.1': 'Server-Side Synchronization',
  'option.mailbox.actdeliverymethod.2': 'None',
  'option.mailbox.status.0': 'Not Run',
  'option.mailbox.status.1': 'Success',
  'option.mailbox.status.2': 'Failure',
  'option.mailbox.statecode.0': 'Active',
  'option.mailbox.statecode.1': 'Inactive',
  'option.emailserverprofile.servertype.0': 'Exchange Server',
  'option.emailserverprofile.servertype.1': 'Other (POP3/SMTP)',
  'option.emailserverprofile.servertype.2': 'Exchange Server (Hybrid)',
  'option.emailserverprofile.servertype.3': 'Exchange Online (Hybrid)',
  'option.emailserverprofile.servertype.4': 'IMAP/SMTP',
  'option.emailserverprofile.credentialretrieval.0': 'Credentials Specified by a User or Queue',
  'option.emailserverprofile.credentialretrieval.1': 'Credentials Specified in Email Server Profile',
  'option.emailserverprofile.credentialretrieval.2': 'Server to Server Authentication',
  'option.emailserverprofile.credentialretrieval.3': 'Windows Integrated Authentication',
  'option.emailserverprofile.credentialretrieval.4': 'Without Credentials (Anonymous)',
  'option.emailserverprofile.credentialretrieval.5': 'Gmail OAuth',
  'option.emailserverprofile.credentialretrieval.6': 'Exchange Hybrid Modern Auth (HMA)',
  'option.emailserverprofile.credentialretrieval.7': 'OAuth with Microsoft Entra ID',
  'option.emailserverprofile.authenticationprotocol.0': 'Auto Detect',
  'option.emailserverprofile.authenticationprotocol.1': 'Negotiate',
  'option.emailserverprofile.authenticationprotocol.2': 'NTLM',
  'option.emailserverprofile.authenticationprotocol.3': 'Basic',
  'option.emailserverprofile.authenticationprotocol.4': 'OAuth',
  'option.emailserverprofile.lasttestexecutionstatus.0': 'Failure',
  'option.emailserverprofile.lasttestexecutionstatus.1': 'Success',
  'option.emailserverprofile.lasttestexecutionstatus.2': 'Warning',
  'option.systemuser.accessmode.0': 'Read-Write',
  'option.systemuser.accessmode.1': 'Administrative',
  'option.systemuser.accessmode.2': 'Read',
  'option.systemuser.accessmode.3': 'Support User',
  'option.systemuser.accessmode.4': 'Non-interactive',
  'option.systemuser.accessmode.5': 'Delegated Admin',
  'option.queue.statecode.0': 'Active',
  'option.queue.statecode.1': 'Inactive',
  'option.emailserverprofile.statecode.0': 'Active',
  'option.emailserverprofile.statecode.1': 'Inactive',
  'option.tracelog.level.1': 'Information',
  'option.tracelog.level.2': 'Warning',
  'option.tracelog.level.3': 'Error',
  'option.incomingemailfilteringmethod.0': 'All email messages',
  'option.incomingemailfilteringmethod.1': 'Email messages in response to Dynamics 365 email',
  'option.incomingemailfilteringmethod.2': 'Email messages from Dynamics 365 Leads, Contacts and Accounts',
  'option.incomingemailfilteringmethod.3': 'Email messages from Dynamics 365 records that are email enabled',
  'option.incomingemailfilteringmethod.4': 'No email messages',

  // Statuses and verdicts
  'status.pass': 'Passed',
  'status.warn': 'Warning',
  'status.fail': 'Failed',
  'status.info': 'Information',
  'status.skipped': 'Not applicable',
  'status.error': 'Could not check',
  'verdict.healthy': 'Healthy',
  'verdict.warning': 'Needs attention',
  'verdict.failing': 'Failing',
  'verdict.unknown': 'Unknown: some checks could not run',

  // Text and markdown report
  'report.heading': 'Mailbox Health report: {name}',
  'report.address': 'Email address',
  'report.mailboxId': 'Mailbox id',
  'report.environment': 'Environment',
  'report.diagnosedAt': 'Diagnosed at',
  'report.overall': 'Overall',
  'report.startHere': 'Start here',
  'report.nothingToFix': 'Nothing to fix',
  'report.startHereMark': 'START HERE',
  'report.lastSeen': 'last seen',
  'report.remedy': 'Fix',
  'report.learnMore': 'Learn more',
  'report.explainedBy': 'Root cause: see “{check}”',
  'report.findings': 'Profile and environment findings',
  'report.findingsNote':
    'Facts about what this mailbox shares with others (its email server profile, the environment): information, not part of its verdict.',
  'alertState.current': 'current',
  'alertState.recovered': 'recovered since {time}',
  'alertState.transient': 'retried automatically',

  // Command line (cli/): help, messages, scan output, posts. Dataverse text is never part of these templates' markup.
  'cli.help.main': `mailbox-health: diagnose Dynamics 365 server-side synchronization mailboxes from a terminal or a pipeline.

Usage:
  mailbox-health diagnose --url <environment> --mailbox <mailbox id | email address> [--format text|json|markdown]
  mailbox-health scan --url <environment> [--url <environment> ...] [--profile <name | id>] [--all]
                      [--format table|json|csv|markdown|html] [--max-failing <N | P%>]
                      [--previous <scan.json | folder> ...] [--post <webhook url> | --post-env <VAR>]
                      [--webhook-format teams|slack] [--report-url <url>]
  mailbox-health test-enable --url <environment> (--mailbox <id | email> ... | --failing) --yes
  mailbox-health preflight --url <environment> [--format table|json]
  mailbox-health <command> --help

--url is the environment's base URL (https://contoso.crm.dynamics.com); /api/data/v9.2/ is added.

Sign-in: DATAVERSE_TOKEN (a bearer token) when set; otherwise a client secret (AZURE_TENANT_ID, AZURE_CLIENT_ID,
AZURE_CLIENT_SECRET), the Azure CLI's sign-in (az login), or --device-code. HTTPS_PROXY is honoured.

Exit codes: 0 healthy / within the SLO / all succeeded; 2 failing (or beyond --max-failing, or still failing after
Test & Enable); 1 error (nothing could be reported, a usage error, a failed post). preflight: 0 ready, 2 something
will not work, 3 the import would fail, 1 it could not complete.

Examples:
  mailbox-health diagnose --url https://contoso.crm.dynamics.com --mailbox megan.bowen@contoso.com
  mailbox-health scan --url https://contoso.crm.dynamics.com --max-failing 2% --post-env TEAMS_WEBHOOK_URL
  mailbox-health test-enable --url https://contoso.crm.dynamics.com --failing --yes
`,
  'cli.help.diagnose': `mailbox-health diagnose: the full report for one mailbox, checks in the debugging order.

Usage:
  mailbox-health diagnose --url <environment> --mailbox <mailbox id | email address> [--format text|json|markdown]

Options:
  --url <environment>   the environment's base URL, e.g. https://contoso.crm.dynamics.com (http only for localhost)
  --mailbox <value>     a mailbox id, or an email address (matched case-insensitively)
  --format <format>     text (default), json (exactly one JSON document on stdout) or markdown (for a ticket)
  --device-code         sign in with a device code instead of the Azure CLI
  -h, --help            this help

Exit codes: 0 healthy or warning; 2 failing or unknown; 1 no report (not found, several matches, no access).

Examples:
  mailbox-health diagnose --url https://contoso.crm.dynamics.com --mailbox Megan.Bowen@contoso.com
  mailbox-health diagnose --url https://contoso.crm.dynamics.com --mailbox 97963663-8bfb-4bdc-8db7-5f0ee011428a --format json
  mailbox-health diagnose --url https://contoso.crm.dynamics.com --mailbox sales@contoso.com --format markdown > ticket.md
`,
  'cli.help.scan': `mailbox-health scan: a verdict for every active mailbox with a channel on server-side sync (forward mailboxes
excluded), by exactly the rules of diagnose, read in bulk (a few requests per 5,000 mailboxes).

Usage:
  mailbox-health scan --url <environment> [--url <environment> ...] [options]

Options:
  --url <environment>        an environment's base URL; repeat it to scan several environments
  --profile <name | id>      only the mailboxes on this email server profile
  --all                      every mailbox, active or not, on server-side sync or not
  --format <format>          table (default), json (one JSON document), csv (one row per mailbox not healthy), markdown,
                             html (one self-contained report: charts, and the mailboxes grouped by cause with the fix)
  --max-failing <N | P%>     the SLO: exit 2 when more than N mailboxes (or P% of those scanned) are failing
  --previous <file | folder> earlier scans (--format json output); repeat it, or name a folder of them: the change
                             since the newest, and in html the trend of failing and warning over time
  --allow-empty              a scan that matches no mailbox is not an error (exit 0 instead of 1)
  --post <webhook url>       post the summary to a Teams Workflows or Slack incoming webhook
  --post-env <VAR>           the same, the URL read from an environment variable (keeps it out of shell history)
  --webhook-format <format>  teams or slack, when the URL's host does not tell
  --report-url <url>         with --post: the post links to the HTML report published at this URL
  --device-code              sign in with a device code instead of the Azure CLI
  -h, --help                 this help

Exit codes: 0 within the SLO; 2 failing exceeds --max-failing; 1 error: an environment could not be scanned (not
the Dataverse Web API, e.g. a sign-in page; no organization record; no access), no mailbox matched (unless
--allow-empty), or the post failed (the report is printed first).
A table that cannot be read (say, no read access to alerts) does not stop the scan: the checks that need it are
reported as "could not check" and the table is named on stderr and in the output. When the account reads mailboxes
below organization level (prvReadMailbox at user or business unit level), stderr says the fleet is incomplete.

Examples:
  mailbox-health scan --url https://contoso.crm.dynamics.com
  mailbox-health scan --url https://contoso.crm.dynamics.com --format json > scan.json
  mailbox-health scan --url https://contoso.crm.dynamics.com --previous last-week.json --max-failing 2% --post-env TEAMS_WEBHOOK_URL
  mailbox-health scan --url https://contoso.crm.dynamics.com --url https://contoso-eu.crm4.dynamics.com --format csv > failing.csv
  mailbox-health scan --url https://contoso.crm.dynamics.com --format html --previous scans/ > report.html
`,
  'cli.help.testEnable': `mailbox-health test-enable: Test & Enable mailboxes in bulk, wait for the results, print before and after.

Usage:
  mailbox-health test-enable --url <environment> (--mailbox <id | email> ... | --failing [--profile <name | id>]) --yes

Options:
  --url <environment>   the environment's base URL
  --mailbox <value>     a mailbox id or email address; repeat it for several mailboxes
  --failing             every failing mailbox, found with the same scan as 'scan'
  --profile <name | id> with --failing: only mailboxes on this email server profile
  --yes                 required: Test & Enable changes the mailboxes. Without it nothing is changed
  --format <format>     text (default) or json
  --device-code         sign in with a device code instead of the Azure CLI
  -h, --help            this help

Exit codes: 0 all succeeded; 2 any still failing (or not finished within 5 minutes); 1 error.

Examples:
  mailbox-health test-enable --url https://contoso.crm.dynamics.com --mailbox adele.vance@contoso.com --yes
  mailbox-health test-enable --url https://contoso.crm.dynamics.com --failing --yes --format json
`,
  'cli.usage.unknownCommand': "Unknown command '{command}'.",
  'cli.usage.seeHelp': 'Run mailbox-health --help for the commands.',
  'cli.usage.seeCommandHelp': 'Run mailbox-health {command} --help for its options and examples.',
  'cli.usage.unknownOption': "Unknown option '{option}' for {command}.",
  'cli.usage.unexpectedArgument': "Unexpected argument '{argument}' for {command}.",
  'cli.usage.missingValue': "The option '{option}' needs a value.",
  'cli.usage.invalid': 'Invalid arguments for {command}: {detail}',
  'cli.usage.format': "'{format}' is not a format of {command}; use one of: {allowed}.",
  'cli.usage.url': '{command} needs --url <environment>, e.g. --url https://contoso.crm.dynamics.com.',
  'cli.usage.oneUrl': '{command} takes exactly one --url <environment>.',
  'cli.usage.oneMailbox': 'diagnose takes exactly one --mailbox <mailbox id | email address>.',
  'cli.usage.mailbox': "'{value}' is neither a mailbox id (GUID) nor an email address.",
  'cli.usage.maxFailing': "--max-failing takes a number of mailboxes (25) or a percentage (2.5%), not '{value}'.",
  'cli.usage.postBoth': 'Use --post or --post-env, not both.',
  'cli.usage.postEnvEmpty': 'The environment variable {name} (--post-env) is not set or empty.',
  'cli.usage.webhookFormatAlone': '--webhook-format needs --post or --post-env.',
  'cli.usage.reportUrlAlone': '--report-url needs --post or --post-env: it is the link the post carries.',
  'cli.usage.reportUrl': '--report-url must be an https URL (where the HTML report will be published).',
  'cli.usage.webhookFormat': "'{format}' is not a webhook format; use teams or slack.",
  'cli.usage.webhookUrl': 'The webhook URL is not a valid URL.',
  'cli.usage.webhookHttps': 'The webhook URL must use https.',
  'cli.usage.webhookUnknown':
    'The webhook format cannot be told from the URL; add --webhook-format teams or --webhook-format slack.',
  'cli.usage.previousUnreadable': 'The previous scan {file} could not be read ({reason}).',
  'cli.usage.previousShape': 'The previous scan {file} is not the output of scan --format json.',
  'cli.usage.notJson': 'not JSON',
  'cli.usage.testEnableTarget': 'test-enable needs either --mailbox <id | email> (one or more) or --failing.',
  'cli.error.urlInvalid':
    "'{url}' is not a URL; pass the environment's base URL, e.g. https://contoso.crm.dynamics.com.",
  'cli.error.urlCredentials': 'The environment URL must not contain a user name or password.',
  'cli.error.urlHttps': '{url}: https is required (http is accepted only for localhost and 127.0.0.1).',
  'cli.error.auth': 'Sign-in failed ({method}): {detail}',
  'cli.auth.environment': 'DATAVERSE_TOKEN',
  'cli.auth.client-secret': 'client secret from AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET',
  'cli.auth.device-code': 'device code',
  'cli.auth.azure-cli': "Azure CLI; run 'az login', or set DATAVERSE_TOKEN or a client secret",
  'cli.error.401':
    '{environment}: Dataverse did not accept the sign-in (401). Check that the token is for this environment and has not expired, and that the account is a user of the environment.',
  'cli.error.403': '{environment}: access denied (403): {detail}',
  'cli.error.404':
    '{environment}: not found (404): {detail} Check --url: it is the environment URL, e.g. https://contoso.crm.dynamics.com.',
  'cli.error.network': '{environment}: {detail}',
  'cli.error.throttled': '{environment}: Dataverse kept throttling the requests (429); try again in a few minutes.',
  'cli.error.other': '{environment}: {detail}',
  'cli.error.unexpected': 'mailbox-health stopped on an unexpected {kind}; please report it.',
  'cli.error.mailboxNotFound': 'Mailbox {id} was not found in {environment}.',
  'cli.error.addressNotFound': 'No mailbox has the email address {address} (not found).',
  'cli.error.addressAmbiguous':
    '{count} mailboxes have the email address {address}; pass one of their ids with --mailbox:\n  {ids}',
  'cli.error.profileNotFound': "{environment}: no email server profile is named or has the id '{profile}'.",
  'cli.error.profileAmbiguous': "Several email server profiles are named '{profile}'; pass its id instead: {ids}",
  'cli.http.401': 'Dataverse at {host} did not accept the sign-in (401 Unauthorized).',
  'cli.http.403': 'Access denied by Dataverse at {host} (403 Forbidden).',
  'cli.http.404': 'Not found at {host} (404).',
  'cli.http.status': 'Dataverse at {host} answered HTTP {status}.',
  'cli.http.network': 'Could not reach {host}: {reason}.',
  'cli.http.timeout': 'No answer from {host} within {seconds} s.',
  'cli.http.answer.hint': 'check --url (the environment URL, e.g. https://contoso.crm.dynamics.com) and sign-in.',
  'cli.http.answer.html': 'The server answered with an HTML page ("{excerpt}"), not the Dataverse Web API: {hint}',
  'cli.http.answer.empty': 'The server answered HTTP {status} with an empty body, not the Dataverse Web API: {hint}',
  'cli.http.answer.notJson':
    'The server answered with {type} ("{excerpt}"), not the JSON of the Dataverse Web API: {hint}',
  'cli.http.answer.noType': 'no content type',
  'cli.http.answer.redirect':
    'The server redirected the request (HTTP {status}) to {where} instead of answering as the Dataverse Web API: {hint}',
  'cli.http.answer.elsewhere': 'another address',
  'cli.http.answer.badJson':
    'The server answered with JSON that does not parse ({bytes} characters, ending "{excerpt}"): the answer was cut short or changed on the way (a proxy?), or the server is not the Dataverse Web API; {hint}',
  'cli.http.answer.shape': 'The server answered with JSON that is not a Dataverse answer ({problem}): {hint}',
  'cli.http.shape.notObject': 'no object for {what}',
  'cli.http.shape.record': 'the {set} record has no {key}',
  'cli.http.shape.collection': 'no "value" list of {set}',
  'cli.http.shape.row': 'a row of {set} without its {key}',
  'cli.http.shape.function': '{name} answered without {property}',
  'cli.scan.noOrganization':
    '{environment}: no organization record came back, so this is not an environment the account can scan: {hint}',
  'cli.scan.empty':
    '{environment}: no {scope} matched: check --url, --all, --profile and read access to mailboxes (--allow-empty accepts an empty scan).',
  'cli.scan.scope.serverSideSync': 'active server-side sync mailbox',
  'cli.scan.scope.all': 'mailbox',
  'cli.scan.incompleteFleet':
    '{environment}: the fleet is incomplete: this account reads {scope} (prvReadMailbox at {depth} level), so the scan sees only those. Grant Read on Mailbox at organization level (the Mailbox Health Diagnostician role does) to scan every mailbox.',
  'cli.scan.readScope.Basic': 'only its own mailboxes',
  'cli.scan.readScope.Local': 'only the mailboxes of its business unit',
  'cli.scan.readScope.Deep': 'only the mailboxes of its business unit and the units below it',
  'cli.scan.readDepth.Basic': 'user',
  'cli.scan.readDepth.Local': 'business unit',
  'cli.scan.readDepth.Deep': 'parent: child business units',
  'cli.scan.readScopeUnknown':
    '{environment}: could not tell whether this account reads every mailbox (RetrieveUserSetOfPrivilegesByNames: {reason}); the scan covers the mailboxes it can read.',
  'cli.retry.throttled': 'Dataverse is throttling requests; waiting {seconds} s as it asked (attempt {attempt}).',
  'cli.retry.transient': 'Transient failure ({reason}); retrying in {seconds} s (attempt {attempt}).',
  'cli.progress.scanned': '{count} mailboxes scanned in {environment}',
  'cli.scan.heading': 'Mailbox Health scan, {scannedAt}',
  'cli.scan.allEnvironments': 'All environments',
  'cli.scan.col.environment': 'Environment',
  'cli.scan.col.total': 'Mailboxes',
  'cli.scan.col.healthy': 'Healthy',
  'cli.scan.col.warning': 'Warning',
  'cli.scan.col.failing': 'Failing',
  'cli.scan.col.unknown': 'Unknown',
  'cli.scan.col.check': 'Check',
  'cli.scan.col.fail': 'Fail',
  'cli.scan.col.warn': 'Warn',
  'cli.scan.col.error': 'Could not check',
  'cli.scan.col.verdict': 'Verdict',
  'cli.scan.col.name': 'Mailbox',
  'cli.scan.col.address': 'Email address',
  'cli.scan.col.startHere': 'Start here',
  'cli.scan.col.checks': 'Checks',
  'cli.scan.problems.fail': 'fail: {checks}',
  'cli.scan.problems.warn': 'warn: {checks}',
  'cli.scan.problems.error': 'could not check: {checks}',
  'cli.scan.verdict.healthy': 'Healthy',
  'cli.scan.verdict.warning': 'Warning',
  'cli.scan.verdict.failing': 'Failing',
  'cli.scan.verdict.unknown': 'Unknown',
  'cli.scan.notHealthy': 'Not healthy: {count}',
  'cli.scan.allHealthy': 'Every mailbox is healthy.',
  'cli.scan.unreadable': '{environment}: could not check everything: {reason}',
  'cli.scan.environmentError': '{environment} could not be scanned: {error}',
  'cli.scan.sloWithin': 'SLO met: {failing} failing, at most {allowed} allowed (--max-failing {max}).',
  'cli.scan.sloExceeded': 'SLO missed: {failing} failing, more than the {allowed} allowed (--max-failing {max}).',
  'cli.scan.previousScan': 'the previous scan',
  'cli.scan.previousSkipped': 'Skipped an earlier scan: {reason}',
  'cli.scan.previousNone':
    'No earlier scan (the output of scan --format json) in {folder}: no change or trend this time.',
  'cli.scan.change':
    'Since {since}: failing {failing}, warning {warning}, unknown {unknown}, healthy {healthy}, mailboxes {total}; {newlyFailing} newly failing, {noLongerFailing} no longer failing.',
  'cli.scan.findingsNote':
    'Each is shared by the mailboxes of a profile or by the whole environment: listed once, never counted in a mailbox’s verdict.',
  'cli.scan.profileAlert':
    '{level} alert ×{count}, last seen {lastSeen}, naming none of the scanned mailboxes: “{text}”',
  'cli.post.findings': 'Profile and environment findings ({count}, not counted as failing)',
  'cli.post.headline': 'Mailbox Health: {failing} of {total} mailboxes failing',
  'cli.post.counts': 'Healthy {healthy} · Warning {warning} · Failing {failing} · Unknown {unknown}',
  'cli.post.change':
    'Failing {failing} since the previous scan: {newlyFailing} newly failing, {noLongerFailing} no longer failing.',
  'cli.post.environmentCounts': '{failing} failing of {total}',
  'cli.post.environmentError': 'could not be scanned',
  'cli.post.topGroups': 'Where to start (failing mailboxes by cause, largest first)',
  'cli.post.group': '{check}: {count} failing',
  'cli.post.moreGroups': 'and {count} more causes',
  'cli.post.report': 'Open the report',
  'cli.post.more': 'and {count} more',
  'cli.post.unreadable': 'Not everything could be checked: {reasons}',
  // The HTML report (scan --format html): one self-contained file, no script, nothing loaded from anywhere.
  'cli.html.heading': 'Mailbox Health scan',
  'cli.html.scannedAt': 'Scanned {scannedAt}',
  'cli.html.totals': 'Totals',
  'cli.html.charts': 'Failing and warning mailboxes',
  'cli.html.byCheck': 'Failing and warning mailboxes by check',
  'cli.html.byProfile': 'Failing and warning mailboxes by email server profile',
  'cli.html.chartItem': '{label}: {failing} failing, {warning} warning',
  'cli.html.chartEmpty': 'No failing or warning mailbox.',
  'cli.html.numbers': 'The numbers',
  'cli.html.noProfile': '(no profile, or not readable)',
  'cli.html.otherProfiles': 'Other profiles ({count})',
  'cli.html.col.profile': 'Email server profile',
  'cli.html.trend': 'Failing and warning over time',
  'cli.html.trendItem': '{scannedAt}: {failing} failing, {warning} warning of {total}',
  'cli.html.col.scannedAt': 'Scanned',
  'cli.html.groups': 'Where to start: mailboxes by cause, largest group first',
  'cli.html.groupsNote':
    'The mailboxes of a group share their Start-here check (or the check that could not run) and its fix: one fix for all of them.',
  'cli.html.group.failing': '{count} failing',
  'cli.html.group.warning': '{count} warning',
  'cli.html.group.unknown': '{count} could not be checked',
  'cli.html.group.noCheck': 'No check',
  'cli.html.group.couldNotCheck': 'Could not check: {check}',
  'cli.html.group.size': '{count} mailboxes',
  'cli.html.group.sizeOne': '1 mailbox',
  'cli.html.group.mailboxes': 'The mailboxes ({count})',
  'cli.html.footer':
    'Written by mailbox-health scan. This file is self-contained: it runs no script and loads nothing from anywhere.',
  'cli.post.format.teams': 'Teams',
  'cli.post.format.slack': 'Slack',
  'cli.post.sent': 'Summary posted to the {format} webhook.',
  'cli.post.failed': 'Posting the summary to the {format} webhook failed: HTTP {status}.',
  'cli.post.networkFailed': 'Posting the summary to the {format} webhook failed: {reason}.',
  'cli.testEnable.refused':
    'test-enable changes mailboxes (it runs Test & Enable); nothing was changed. Add --yes to run it.',
  'cli.testEnable.nothing': 'No mailbox to test.',
  'cli.testEnable.starting':
    'Test & Enable for {count} mailbox(es) in {environment}; waiting for the results (up to 5 minutes)…',
  'cli.testEnable.done': '{mailbox}: {outcome}',
  'cli.testEnable.before': 'Before',
  'cli.testEnable.after': 'After',
  'cli.testEnable.statuses': 'incoming {incoming}, outgoing {outgoing}, appointments/contacts/tasks {act}',
  'cli.testEnable.unknownStatus': 'unknown',
  'cli.testEnable.outcome.succeeded': 'Succeeded',
  'cli.testEnable.outcome.failed': 'Still failing',
  'cli.testEnable.outcome.timeout': 'No result in time',
  'cli.testEnable.outcome.error': 'Error',
  'cli.testEnable.totals':
    'Succeeded {succeeded}, still failing {failed}, no result in time {timeout}, errors {errors}.',
  // mailbox-health preflight (cli/commands/preflight.ts, cli/preflight/); also cli/privileges.ts.
  'cli.preflight.help': `mailbox-health preflight: before you import the Mailbox Health solution, check what it depends on in that
environment. It only reads, and takes seconds.

Usage:
  mailbox-health preflight --url <environment> [--format table|json]

It checks: the Mailbox table can take the Mailbox Health form (CanCreateForms, the columns it binds); the ribbon
groups the Diagnose buttons go into exist on the Mailbox form and list (if not, it names the groups that hold Save,
Deactivate and Test & Enable); every privilege of the shipped role exists; you can read each table a diagnosis reads,
at organization level; the solution is not installed unmanaged, or managed at a newer version; the platform version
(for the React and Fluent platform libraries, which Learn gives no minimum for: reported as unknown).

Options:
  --url <environment>   the environment's base URL, e.g. https://contoso.crm.dynamics.com (http only for localhost)
  --format <format>     table (default) or json (exactly one JSON document on stdout)
  --device-code         sign in with a device code instead of the Azure CLI
  -h, --help            this help

Exit codes: 0 the solution can be imported and will work; 2 it would import but something will not work; 3 the
import would fail; 1 the preflight could not complete (sign-in, network, no access to what it reads).

Examples:
  mailbox-health preflight --url https://contoso.crm.dynamics.com
  mailbox-health preflight --url https://contoso.crm.dynamics.com --format json > preflight.json
`,
  'cli.preflight.unexpectedAnswer':
    'Dataverse answered {call} in a shape the CLI does not know; nothing can be concluded from it.',
  'cli.preflight.heading': 'Mailbox Health preflight of {environment} for solution version {version}',
  'cli.preflight.col.check': 'Check',
  'cli.preflight.col.found': 'Found',
  'cli.preflight.col.verdict': 'Verdict',
  'cli.preflight.col.action': 'What to do',
  'cli.preflight.check.form': 'Mailbox table takes the form',
  'cli.preflight.check.ribbon-form': 'Ribbon group, Mailbox form',
  'cli.preflight.check.ribbon-grid': 'Ribbon group, Mailbox list',
  'cli.preflight.check.privileges': 'Role privileges exist',
  'cli.preflight.check.access': 'Your read access',
  'cli.preflight.check.installed': 'Not installed already',
  'cli.preflight.check.platform': 'Platform libraries',
  'cli.preflight.verdict.ok': 'OK',
  'cli.preflight.verdict.warning': 'Warning',
  'cli.preflight.verdict.unknown': 'Unknown',
  'cli.preflight.verdict.will-not-work': 'Will not work',
  'cli.preflight.verdict.import-fails': 'Import fails',
  'cli.preflight.verdict.error': 'Could not check',
  'cli.preflight.outcome.ready': 'Ready: the solution can be imported and will work (exit 0).',
  'cli.preflight.outcome.will-not-work':
    'The solution would import, but something will not work until you act on the rows above (exit 2).',
  'cli.preflight.outcome.import-fails': 'Do not import yet: the import would fail (exit 3).',
  'cli.preflight.outcome.incomplete': 'The preflight could not complete: some checks could not be read (exit 1).',
  'cli.preflight.form.ok': 'CanCreateForms.Value is true; all {count} columns the form binds exist.',
  'cli.preflight.form.noTable': 'This environment has no Mailbox table.',
  'cli.preflight.form.noTableAction':
    'Check --url: server-side synchronization and its Mailbox table exist in every Dataverse environment with Dynamics 365 apps.',
  'cli.preflight.form.cannotCreate': 'CanCreateForms.Value is false: the Mailbox table takes no new form.',
  'cli.preflight.form.cannotCreateAction':
    'Do not import. Put the health panel on the system Mailbox form instead (README, Installing the solution).',
  'cli.preflight.form.missingColumns': 'The Mailbox table lacks columns the form binds: {columns}.',
  'cli.preflight.form.missingColumnsAction':
    'Do not import; report the missing columns (the form would need a version without them).',
  'cli.preflight.form.panelColumnType': 'The column {column} is {type}, not a single line of text.',
  'cli.preflight.form.panelColumnTypeAction': 'The health panel binds to a text column: it would not load. Report it.',
  'cli.preflight.ribbon.found': 'The ribbon has {id}.',
  'cli.preflight.ribbon.missing': 'The ribbon has no element with Id {id}.',
  'cli.preflight.ribbon.candidate': '{location} (holds {buttons})',
  'cli.preflight.ribbon.missingAction':
    'The import succeeds but Diagnose does not appear. In solution/customizations.xml, change Location="{location}" to one of: {candidates}.',
  'cli.preflight.ribbon.missingNoCandidate':
    'The import succeeds but Diagnose does not appear, and no group holds Save, Deactivate or Test & Enable. Export the ribbon (RetrieveEntityRibbon) and choose a Location instead of {location}.',
  'cli.preflight.privileges.ok': 'All {count} privileges of {role} exist.',
  'cli.preflight.privileges.unknown': 'Unknown privilege names: {names}.',
  'cli.preflight.privileges.unknownAction':
    'Do not import: one unknown privilege name fails the whole import. Report the names.',
  'cli.preflight.privileges.depth': 'These privileges cannot be granted at the depth the role asks: {names}.',
  'cli.preflight.privileges.depthAction':
    'The import may refuse the role or grant less; after import, check the role in the role editor.',
  'cli.preflight.access.item': '{privilege} on {table} ({depth})',
  'cli.preflight.access.ok': 'You hold all {count} privileges at organization level.',
  'cli.preflight.access.missing': 'You lack: {items}.',
  'cli.preflight.access.shallow': 'Below organization level: {items}.',
  'cli.preflight.access.missingAction':
    'The checks that read {tables} will report "could not check". After import, give diagnosing users the {role} role (or a role with these privileges at organization level).',
  'cli.preflight.access.shallowAction':
    'Mailboxes outside your reach cannot be diagnosed. After import, give diagnosing users the {role} role.',
  'cli.preflight.installed.none': 'MailboxHealth is not installed: a fresh install.',
  'cli.preflight.installed.unmanaged': 'An unmanaged MailboxHealth {version} is installed.',
  'cli.preflight.installed.unmanagedAction':
    'Importing the managed zip over an unmanaged copy fails. In this development environment import the unmanaged zip, or delete the unmanaged solution and its components first.',
  'cli.preflight.installed.newer': 'A managed MailboxHealth {version} is installed, newer than {importing}.',
  'cli.preflight.installed.newerAction':
    'A managed import cannot go back to an older version: import {version} or later.',
  'cli.preflight.installed.older': 'A managed MailboxHealth {version} is installed: importing {importing} upgrades it.',
  'cli.preflight.installed.same':
    'A managed MailboxHealth {version} is installed: importing {importing} again reinstalls it.',
  'cli.preflight.platform.found': 'Dataverse {version}; the control uses the platform libraries {libraries}.',
  'cli.preflight.platform.noMinimum':
    'Learn states no minimum platform version for these libraries, so this cannot be confirmed: after import, open a mailbox with the Mailbox Health form and check that the panel loads.',
} as const;

export type MessageKey = keyof typeof en;
