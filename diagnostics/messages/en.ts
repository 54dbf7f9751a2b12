/**
 * The engine's English: what the checks, the findings, the alert catalogue and the shared report rendering say. Each
 * surface keeps its own words beside its code (the panel in MailboxHealthControl/strings/, the ribbon and the Fleet
 * health page in webresources/) and renders these through the catalogue it has; the control's resx is generated from
 * this catalogue and the panel's. Keys are stable; `{name}` placeholders take plain text or other messages.
 */
import { alertsEn } from './alerts.en';

export const en = {
  ...alertsEn,

  // Check titles, in the debugging order.
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

  // Option labels as Microsoft's table reference names them (https://learn.microsoft.com/power-apps/developer/
  // data-platform/reference/entities/mailbox, and emailserverprofile, tracelog, usersettings, queue beside it);
  // Dataverse's own label wins when the response carries one.
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
} as const;

export type MessageKey = keyof typeof en;
