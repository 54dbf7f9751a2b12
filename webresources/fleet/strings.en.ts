/**
 * The Fleet health page's own words. Everything the engine says (check titles, fixes, findings, unreadable tables)
 * renders through the engine's catalogue (diagnostics/messages/en.ts), which the page bundles: a web resource page
 * cannot read the control's resx. This catalogue holds only the page's frame. `{name}` placeholders take plain text.
 */
import { en, formatMessage, formatTemplate, type Message } from '../../diagnostics';

export const fleetEn = {
  'fleet.title': 'Fleet health',
  'fleet.subtitle': 'Every active server-side sync mailbox of {environment}, by the rules of Diagnose.',
  'fleet.subtitle.unknownEnvironment': 'Every active server-side sync mailbox, by the rules of Diagnose.',
  'fleet.readOnly': 'This page only reads: it changes nothing in Dataverse.',
  'fleet.action.scanAgain': 'Scan again',
  'fleet.action.exportJson': 'Export JSON',
  'fleet.action.exportCsv': 'Export CSV',
  'fleet.action.exportJson.title': 'The scan as the mailbox-health CLI writes it (scan --format json)',
  'fleet.action.exportCsv.title': 'One row per mailbox that is not healthy, with the CLI’s columns (scan --format csv)',

  'fleet.progress.label': 'Scanning the fleet',
  'fleet.progress.starting': 'Reading the organization, the email server profiles and the alerts…',
  'fleet.progress.counted': '{scanned} of about {total} mailboxes scanned',
  'fleet.progress.uncounted': '{scanned} mailboxes scanned',
  'fleet.done': 'Scanned {total} mailboxes at {time}.',
  'fleet.error.title': 'The fleet could not be scanned',
  'fleet.error.noHost':
    'This page needs Dynamics 365: open it from the Mailbox list (Fleet health), or as a web resource of the environment.',
  'fleet.error.empty':
    'No active server-side sync mailbox matched. Check that your security role reads mailboxes at organization level.',
  'fleet.unreadable.title': 'Some tables could not be read',
  'fleet.unreadable.text': 'The checks that need them show “could not check” for every mailbox.',

  'fleet.totals.heading': 'Totals',
  'fleet.totals.scanned': 'Scanned',
  'fleet.totals.failing': 'Failing',
  'fleet.totals.warning': 'Warning',
  'fleet.totals.unknown': 'Could not check',
  'fleet.totals.healthy': 'Healthy',

  'fleet.chart.byCheck': 'Failing and warning by check',
  'fleet.chart.byCheck.note': 'A mailbox counts once under every check that fails or warns for it.',
  'fleet.chart.byProfile': 'Failing and warning mailboxes by email server profile',
  'fleet.chart.byProfile.note': 'Each mailbox counts once, under its profile, by its verdict.',
  'fleet.chart.column.name': 'Name',
  'fleet.chart.column.failing': 'Failing',
  'fleet.chart.column.warning': 'Warning',
  'fleet.chart.column.total': 'Mailboxes',
  'fleet.chart.bar': '{failing} failing, {warning} warning',
  'fleet.chart.empty': 'Nothing fails or warns.',
  'fleet.profile.none': '(no email server profile)',

  'fleet.findings.heading': 'Profile and environment findings ({count})',
  'fleet.findings.note':
    'Facts about a profile or the environment, listed once: they never change a mailbox’s verdict.',

  'fleet.groups.heading': 'Where to start ({count} mailboxes)',
  'fleet.groups.note':
    'Mailboxes that fail, warn or could not be checked, grouped by their Start here step and its fix; the largest group first. Select a mailbox to open its Mailbox Health form.',
  'fleet.groups.allHealthy': 'Every scanned mailbox is healthy.',
  'fleet.group.count': '{count} mailboxes',
  'fleet.group.count.one': '1 mailbox',
  'fleet.group.part.failing': '{count} failing',
  'fleet.group.part.warning': '{count} warning',
  'fleet.group.part.unknown': '{count} could not be checked',
  'fleet.group.fix': 'Fix',
  'fleet.group.noFix': 'Open a mailbox for its report.',
  'fleet.group.unknown': 'Could not check: {check}',
  'fleet.group.learnMore': 'Learn more',
  'fleet.group.show': 'Show mailboxes',
  'fleet.group.hide': 'Hide mailboxes',
  'fleet.group.matches': '{shown} of {count} match the filter',

  'fleet.list.label': 'Mailboxes that are not healthy, by cause',
  'fleet.list.filter': 'Filter by name, email address or profile',
  'fleet.list.verdict': 'Show',
  'fleet.list.verdict.all': 'All',
  'fleet.list.verdict.failing': 'Failing',
  'fleet.list.verdict.warning': 'Warning',
  'fleet.list.verdict.unknown': 'Could not check',
  'fleet.list.sort': 'Sort mailboxes by',
  'fleet.list.sort.verdict': 'Verdict, failing first',
  'fleet.list.sort.name': 'Name',
  'fleet.list.sort.address': 'Email address',
  'fleet.list.sort.profile': 'Email server profile',
  'fleet.list.shown': '{shown} of {count} mailboxes shown',
  'fleet.list.noMatch': 'No mailbox matches the filter.',
  'fleet.row.open': 'Open Mailbox Health for {name}',
  'fleet.row.openInTab': 'Open {name} in a new tab',
  'fleet.row.profile': 'Profile: {profile}',
  'fleet.row.noAddress': '(no email address)',

  'fleet.verdict.failing': 'Failing',
  'fleet.verdict.warning': 'Warning',
  'fleet.verdict.unknown': 'Could not check',
} as const;

export type FleetKey = keyof typeof fleetEn;

export function fleetText(key: FleetKey, params: Record<string, string | number> = {}): string {
  return formatTemplate(fleetEn[key], params);
}

/** What the engine says, in its English. */
export function engineText(msg: Message): string {
  return formatMessage(msg, en);
}

/** Numbers as the rest of the product prints them (1,234). */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}
