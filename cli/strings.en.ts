/**
 * The command line's own words: usage errors, sign-in and HTTP failures, scan output (table, posts, the HTML report),
 * Test & Enable and preflight. What the engine says (check titles, fixes, findings, option labels) comes from the
 * engine's catalogue; cli/text.ts renders from both. `{name}` placeholders take plain text; Dataverse text is never
 * part of these templates' markup.
 */
export const cliEn = {
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

export type CliKey = keyof typeof cliEn;
