/**
 * The health panel's own English strings (buttons, headings, states, aria labels). The control's resx is generated
 * from these and the engine's catalogue (scripts/generate-resx.ts); the bundle itself carries no English, it reads the
 * resx at run time. Keys start with `panel.`; `panel.manifest.*` are the manifest's display name and description keys.
 */
export const panelEn = {
  'panel.manifest.displayName': 'Mailbox Health',
  'panel.manifest.description':
    "Diagnoses this mailbox's server-side synchronization and says what to fix first, in the article's debugging order.",
  'panel.manifest.emailAddress.displayName': 'Email address',
  'panel.manifest.emailAddress.description':
    "The mailbox's email address column; the panel reads the record it sits on.",

  'panel.aria.region': 'Mailbox health for {name}',
  'panel.aria.checks': 'Checks in debugging order',
  'panel.aria.verdict': 'Overall verdict: {verdict}',
  'panel.aria.toolbar': 'Mailbox health actions',
  'panel.aria.learnMore': 'Learn more: {title} (opens in a new tab)',
  'panel.aria.alertLevel': 'Level: {level}',
  'panel.aria.searchLearn': 'Search Learn for {code}',

  'panel.header.unnamed': '(no name)',
  'panel.header.noAddress': '(no email address)',
  'panel.header.diagnosedAt': 'Diagnosed {time}',

  'panel.action.runAgain': 'Run again',
  'panel.action.retry': 'Retry',
  'panel.action.testAndEnable': 'Test & Enable',
  'panel.action.copyReport': 'Copy report',
  'panel.action.copyMarkdown': 'Copy as Markdown',
  'panel.action.copyText': 'Copy as plain text',
  'panel.action.showDetails': 'Show details',
  'panel.action.hideDetails': 'Hide details',
  'panel.action.dismiss': 'Dismiss',

  'panel.state.loading': 'Diagnosing the mailbox…',
  'panel.state.running': 'Running the diagnosis again…',
  'panel.state.unsaved': 'Save the mailbox first: the diagnosis reads the saved record.',
  'panel.state.noWebApi':
    'This host does not give the control access to the Web API, so the mailbox cannot be diagnosed here. Open the mailbox in a model-driven app form.',
  'panel.state.wrongTable': 'This panel diagnoses mailboxes. Place it on the Mailbox form (this record is a {table}).',
  'panel.state.failed': 'The diagnosis could not run: {reason}',
  'panel.state.partial': 'Some checks could not run. Their results show "Could not check" with the reason.',

  'panel.check.startHere': 'Start here',
  'panel.check.couldNotCheck': 'Could not check',
  'panel.check.evidence': 'What was checked',
  'panel.check.remedy': 'What to do',
  'panel.check.learnMore': 'Learn more',
  'panel.check.noEvidence': 'Nothing to show.',
  'panel.check.seeCause': 'See {check}',

  'panel.items.heading': 'Failed items ({count})',
  'panel.items.code': 'error code {code}',

  'panel.alerts.heading': 'Alerts ({count})',
  'panel.alerts.none': 'No alerts on the mailbox or its server profile.',
  'panel.alerts.count': '{count} times',
  'panel.alerts.countOnce': 'once',
  'panel.alerts.lastSeen': 'last seen {time}',
  'panel.alerts.cause': 'Cause',
  'panel.alerts.fix': 'Fix',
  'panel.alerts.onProfile': 'on the server profile',
  'panel.alerts.learn': 'Microsoft Learn',

  'panel.test.confirmTitle': 'Test and enable this mailbox?',
  'panel.test.confirmBody':
    'Dynamics 365 will test the connection for {address} and, if the test passes, enable the mailbox for the delivery methods it is set to. This writes to the mailbox record.',
  'panel.test.confirm': 'Test & Enable',
  'panel.test.cancel': 'Cancel',
  'panel.test.scheduling': 'Scheduling the test…',
  'panel.test.waiting': 'Waiting for Dynamics 365 to run the test ({seconds} s)…',
  'panel.test.completed': 'The test finished. The checks below show the new statuses.',
  'panel.test.pending': 'The test has not finished yet. Run again in a few minutes to see the result.',
  'panel.test.failed': 'Could not test and enable the mailbox: {reason}',

  'panel.copy.done': 'Report copied to the clipboard.',
  'panel.copy.failed': 'Could not copy the report. Select the text and copy it by hand.',

  'panel.tracking.heading': 'Would an email be tracked?',
  'panel.tracking.label': "Sender's email address",
  'panel.tracking.check': 'Check',
  'panel.tracking.invalid': 'Enter an email address such as name@contoso.com.',
  'panel.tracking.checking': 'Checking…',
  'panel.tracking.failed': 'Could not check the address: {reason}',
  'panel.tracking.yes': 'Yes, it would be tracked',
  'panel.tracking.no': 'No, it would not be tracked',
  'panel.tracking.repliesOnly': 'Only replies to tracked email would be tracked',
  'panel.tracking.unknown': 'Could not tell',
  'panel.tracking.match': 'Found in {table}: {name}',
  'panel.tracking.unreadable': 'Could not search: {tables}',

  'panel.timing.heading': 'Sync timing',
  'panel.timing.none': 'No sync times recorded yet.',
  'panel.timing.value': '{time} ({relative})',

  'panel.time.justNow': 'just now',
  'panel.time.minutesAgo': '{count} min ago',
  'panel.time.hoursAgo': '{count} h ago',
  'panel.time.daysAgo': '{count} days ago',
  'panel.time.inMinutes': 'in {count} min',
  'panel.time.inHours': 'in {count} h',
  'panel.time.inDays': 'in {count} days',
} as const;

export type PanelMessageKey = keyof typeof panelEn;
