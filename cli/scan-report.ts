/**
 * The scan's document (what --format json prints and --previous reads back) and the pieces every rendering is made of:
 * JSON, CSV (one row per mailbox that is not healthy), a table for the terminal, markdown. Dataverse text is cleaned in
 * every format. No Node imports: the pieces render one mailbox at a time, so the CLI streams them (cli/scan-output/)
 * while a host that holds a whole document (the Fleet health page, which builds it in the browser: newScanDocument,
 * addEnvironment, completeDocument) renders it with the same code (renderJson, renderCsv).
 *
 * The JSON document's keys come in this order, so that it can be written while the scan runs: `scannedAt`, then the
 * `mailboxes` array (each mailbox as it is evaluated, in the scan's order), then what is known only at the end —
 * `environments`, the counts, `byCheck`, `findings`, `unrecognisedAlerts`, `slo` and `change`.
 */
import {
  CHECK_ORDER,
  en,
  formatMessage,
  learnSearchUrl,
  mailboxKey,
  renderFinding,
  type ByCheck,
  type CheckId,
  type DataverseError,
  type Finding,
  type FleetCounts,
  type FleetMailboxSummary,
  type FleetTally,
  type MessageKey,
  type ReadFailure,
  type RenderedFinding,
  type UnrecognisedAlert,
  type UnrecognisedAlertTally,
  type Verdict,
} from '../diagnostics';
import { cleanDeep, cleanLine, csvCell, markdownCell } from './sanitize';
import { t } from './text';

export interface EnvironmentResult extends FleetCounts {
  url: string;
  /** Tables that could not be read; the checks that need them are `error`. */
  unreadable: { table: string; reason: string }[];
  /** Set when the environment could not be scanned at all. */
  error?: string;
}

export interface MailboxRef {
  id: string;
  name: string | null;
  emailAddress: string | null;
  environment: string | null;
}

/** The change since an earlier scan, in counts: all a summary needs. */
export interface ChangeCounts {
  since: string | null;
  total: number;
  healthy: number;
  warning: number;
  failing: number;
  unknown: number;
  newlyFailing: number;
  noLongerFailing: number;
}

/** The change as the JSON document lists it: the mailboxes newly failing and no longer failing. */
export interface ScanChange extends Omit<ChangeCounts, 'newlyFailing' | 'noLongerFailing'> {
  newlyFailing: MailboxRef[];
  noLongerFailing: MailboxRef[];
}

/** A profile or environment finding: listed once however many mailboxes share it, never counted in a verdict. */
export interface ScanFinding extends RenderedFinding {
  environment: string;
}

export interface Slo {
  maxFailing: string;
  allowed: number;
  within: boolean;
}

/** Everything the document holds besides its mailboxes: known once the scan has ended. */
export interface ScanSummary extends FleetCounts {
  scannedAt: string;
  environments: EnvironmentResult[];
  byCheck: ByCheck;
  findings: ScanFinding[];
  /** The alerts no catalogue entry recognised, most frequent first: text (names masked), code, mailboxes showing it. */
  unrecognisedAlerts?: UnrecognisedAlert[];
  slo?: Slo;
  change?: ChangeCounts;
}

export interface ScanDocument extends Omit<ScanSummary, 'change'> {
  mailboxes: FleetMailboxSummary[];
  change?: ScanChange;
}

export function unreadableEntry(failure: ReadFailure): { table: string; reason: string } {
  return {
    table: failure.table,
    reason: formatMessage(
      {
        key: `reason.${failure.kind}` as MessageKey,
        params: { table: { key: `table.${failure.table}` as MessageKey } },
      },
      en,
    ),
  };
}

export function scanFinding(finding: Finding, environment: string): ScanFinding {
  return { environment, ...renderFinding(finding, { catalogue: en }) };
}

/** "Email server profile: Contoso Exchange Online" (and the environment when the scan has several). */
export function findingTitle(finding: ScanFinding, withEnvironment: boolean): string {
  const subject = cleanLine(finding.subject.name ?? finding.subject.id ?? '');
  const title = `${formatMessage({ key: `finding.scope.${finding.scope}` }, en)}: ${subject}`;
  return withEnvironment ? `${title} (${finding.environment})` : title;
}

/** What a finding says, on one line: a profile alert quoted with its level and when it was last seen. */
export function findingText(finding: ScanFinding): string {
  const { alert } = finding;
  if (!alert) return cleanLine(finding.summary);
  const level = t(alert.level === 3 ? 'option.tracelog.level.3' : 'option.tracelog.level.2');
  return t('cli.scan.profileAlert', {
    level,
    count: n(alert.count),
    lastSeen: alert.lastSeen,
    text: cleanLine(alert.text),
  });
}

export function emptyByCheck(): ByCheck {
  return Object.fromEntries(CHECK_ORDER.map((id) => [id, { fail: 0, warn: 0, error: 0 }])) as ByCheck;
}

/** The summary before the first environment is scanned (the CLI writes the mailboxes out instead of keeping them). */
export function newScanSummary(scannedAt: string): ScanSummary {
  return {
    scannedAt,
    environments: [],
    total: 0,
    healthy: 0,
    warning: 0,
    failing: 0,
    unknown: 0,
    byCheck: emptyByCheck(),
    findings: [],
  };
}

/** An environment before its scan: nothing counted yet, nothing unreadable. */
export function unscannedEnvironment(url: string): EnvironmentResult {
  return { url, total: 0, healthy: 0, warning: 0, failing: 0, unknown: 0, unreadable: [] };
}

/** The document before the first environment is scanned. */
export function newScanDocument(scannedAt: string): ScanDocument {
  const { change: _none, ...summary } = newScanSummary(scannedAt);
  return { ...summary, mailboxes: [] };
}

/**
 * One environment's outcome: its counts (from its tally) into `result`; the result, the totals, byCheck and its findings
 * into the summary or document — and into a document, the mailboxes its tally kept.
 */
export function addEnvironment(target: ScanSummary | ScanDocument, result: EnvironmentResult, tally: FleetTally): void {
  Object.assign(result, tally.counts());
  target.environments.push(result);
  for (const key of ['total', 'healthy', 'warning', 'failing', 'unknown'] as const) target[key] += result[key];
  for (const id of CHECK_ORDER) {
    target.byCheck[id].fail += tally.byCheck[id].fail;
    target.byCheck[id].warn += tally.byCheck[id].warn;
    target.byCheck[id].error += tally.byCheck[id].error;
  }
  if ('mailboxes' in target) target.mailboxes.push(...tally.mailboxes);
  target.findings.push(...tally.findings.map((finding) => scanFinding(finding, result.url)));
}

/** How many unrecognised alert texts the scan reports. */
export const UNRECOGNISED_SHOWN = 10;

/**
 * Once every environment is in: the most frequent alerts no catalogue entry recognised. The mailboxes stay in the
 * scan's order, the order the CLI writes them in as they are evaluated.
 */
export function completeDocument(doc: ScanDocument, unrecognised: UnrecognisedAlertTally): void {
  doc.unrecognisedAlerts = unrecognised.top(UNRECOGNISED_SHOWN);
}

/**
 * Why an environment's reads cannot be trusted at all, or undefined: Dataverse refused the sign-in (said once, with what
 * to check, not once per table), an answer that was not Dataverse's (a sign-in page, cut JSON) to any read, or no
 * organization record. `otherRead` is a failed read outside the shared ones (the CLI's privilege call). A scan never
 * calls clean what it did not see.
 */
export function unseenReason(
  environment: string,
  unreadable: readonly ReadFailure[],
  otherRead?: DataverseError,
): string | undefined {
  if (unreadable.some((failure) => failure.status === 401) || otherRead?.status === 401)
    return t('cli.error.401', { environment });
  const badAnswer =
    unreadable.find((failure) => failure.kind === 'bad-answer')?.detail ??
    (otherRead?.kind === 'bad-answer' ? otherRead.message : undefined);
  if (badAnswer !== undefined) return t('cli.error.other', { environment, detail: badAnswer });
  const noOrganization = unreadable.some((failure) => failure.table === 'organization' && failure.kind === 'not-found');
  return noOrganization ? t('cli.scan.noOrganization', { environment, hint: t('cli.http.answer.hint') }) : undefined;
}

/** Mailboxes listed by the document: every one that is not healthy. */
export const listedCount = (counts: FleetCounts): number => counts.total - counts.healthy;

/** An earlier scan's mailbox that was failing, read tolerantly (an older or partial file gives what it can), else null. */
export function previousFailing(item: unknown): MailboxRef | null {
  if (typeof item !== 'object' || item === null) return null;
  const m = item as Record<string, unknown>;
  if (m.overall !== 'failing' || typeof m.id !== 'string') return null;
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  return { id: m.id, name: str(m.name), emailAddress: str(m.emailAddress), environment: str(m.environment) };
}

/** An earlier scan's counts and time, read tolerantly (a missing count is 0). */
export interface PreviousCounts extends FleetCounts {
  scannedAt: string | null;
}

export function previousCounts(fields: Record<string, unknown>): PreviousCounts {
  const number = (name: keyof FleetCounts) => (typeof fields[name] === 'number' ? (fields[name] as number) : 0);
  return {
    scannedAt: typeof fields.scannedAt === 'string' ? fields.scannedAt : null,
    total: number('total'),
    healthy: number('healthy'),
    warning: number('warning'),
    failing: number('failing'),
    unknown: number('unknown'),
  };
}

/**
 * The change since an earlier scan, tracked while the scan runs: it holds the keys of the mailboxes that failed before
 * (not the mailboxes), and each key a failing mailbox of this scan matches is dropped, so what remains at the end is
 * the mailboxes no longer failing.
 */
export class ChangeTracker {
  private newly = 0;

  constructor(
    private readonly previous: PreviousCounts,
    private readonly failedBefore: Set<string>,
  ) {}

  static key(m: { environment: string | null; id: string }): string {
    return mailboxKey(m.environment, m.id);
  }

  /** Whether this mailbox of the current scan is newly failing. */
  observe(m: FleetMailboxSummary): boolean {
    if (m.overall !== 'failing') return false;
    if (this.failedBefore.delete(ChangeTracker.key(m))) return false;
    this.newly++;
    return true;
  }

  /** After the scan: whether a mailbox that failed before fails no longer. */
  noLongerFailing(m: MailboxRef): boolean {
    return this.failedBefore.has(ChangeTracker.key(m));
  }

  counts(current: FleetCounts): ChangeCounts {
    const p = this.previous;
    return {
      since: p.scannedAt,
      total: current.total - p.total,
      healthy: current.healthy - p.healthy,
      warning: current.warning - p.warning,
      failing: current.failing - p.failing,
      unknown: current.unknown - p.unknown,
      newlyFailing: this.newly,
      noLongerFailing: this.failedBefore.size,
    };
  }
}

export const ref = (m: MailboxRef): MailboxRef => ({
  id: m.id,
  name: m.name,
  emailAddress: m.emailAddress,
  environment: m.environment,
});

/** The change since an earlier scan's whole document (a host that holds both documents in memory). */
export function changeSince(previous: Record<string, unknown>, current: ScanDocument): ScanChange {
  const before = (Array.isArray(previous.mailboxes) ? previous.mailboxes : [])
    .map(previousFailing)
    .filter((m): m is MailboxRef => m !== null);
  const tracker = new ChangeTracker(previousCounts(previous), new Set(before.map(ChangeTracker.key)));
  const newlyFailing = current.mailboxes.filter((m) => tracker.observe(m)).map(ref);
  const { newlyFailing: _newly, noLongerFailing: _noLonger, ...counts } = tracker.counts(current);
  return { ...counts, newlyFailing, noLongerFailing: before.filter((m) => tracker.noLongerFailing(m)) };
}

export function changeCounts(change: ScanChange): ChangeCounts {
  return { ...change, newlyFailing: change.newlyFailing.length, noLongerFailing: change.noLongerFailing.length };
}

/** The summary of a whole document. */
export function summaryOf(doc: ScanDocument): ScanSummary {
  const { mailboxes: _mailboxes, change, ...rest } = doc;
  return { ...rest, ...(change ? { change: changeCounts(change) } : {}) };
}

export const checkTitle = (id: CheckId): string => formatMessage({ key: `check.${id}.title` as MessageKey }, en);

/**
 * A cause group's name: its Start here check, or (in each surface's words) the check that could not run, or that no
 * check could tell.
 */
export function causeTitle(
  group: { check: CheckId | null; kind: 'cause' | 'unknown' },
  words: { noCheck: string; couldNotCheck: (check: string) => string },
): string {
  if (group.check === null) return words.noCheck;
  const check = checkTitle(group.check);
  return group.kind === 'unknown' ? words.couldNotCheck(check) : check;
}
export const verdictLabel = (verdict: Verdict): string => t(`cli.scan.verdict.${verdict}`);
const signed = (value: number): string =>
  value > 0 ? `+${value.toLocaleString('en-US')}` : value.toLocaleString('en-US');
const n = (value: number): string => value.toLocaleString('en-US');

/** The order the table, markdown and HTML list verdicts in: failing first, then unknown, then warning. */
export const LISTED_VERDICTS = ['failing', 'unknown', 'warning'] as const satisfies readonly Verdict[];

/** "fail: approval, alerts; warn: capacity; could not check: email-tracking" (check ids: short and stable). */
export function problems(m: FleetMailboxSummary): string {
  const parts: string[] = [];
  if (m.failingChecks.length > 0) parts.push(t('cli.scan.problems.fail', { checks: m.failingChecks.join(', ') }));
  if (m.warningChecks.length > 0) parts.push(t('cli.scan.problems.warn', { checks: m.warningChecks.join(', ') }));
  if (m.errorChecks.length > 0) parts.push(t('cli.scan.problems.error', { checks: m.errorChecks.join(', ') }));
  return parts.join('; ');
}

export function sloSentence(summary: ScanSummary): string | null {
  if (!summary.slo) return null;
  return t(summary.slo.within ? 'cli.scan.sloWithin' : 'cli.scan.sloExceeded', {
    failing: n(summary.failing),
    allowed: n(summary.slo.allowed),
    max: summary.slo.maxFailing,
  });
}

export function changeSentence(change: ChangeCounts): string {
  return t('cli.scan.change', {
    since: change.since ?? t('cli.scan.previousScan'),
    failing: signed(change.failing),
    warning: signed(change.warning),
    unknown: signed(change.unknown),
    healthy: signed(change.healthy),
    total: signed(change.total),
    newlyFailing: n(change.newlyFailing),
    noLongerFailing: n(change.noLongerFailing),
  });
}

/** A long alert text cut for a table row (the JSON keeps it whole). */
export function shortened(text: string, max = 120): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The checks that failed, warned or could not run anywhere, in the debugging order. */
export function checksWithProblems(byCheck: ByCheck): CheckId[] {
  return CHECK_ORDER.filter((id) => byCheck[id].fail + byCheck[id].warn + byCheck[id].error > 0);
}

// ---------------------------------------------------------------------------------------------------------- JSON

/** The document up to the opening of the `mailboxes` array. */
export function jsonHead(scannedAt: string): string {
  return `{\n  "scannedAt": ${JSON.stringify(cleanDeep(scannedAt))},\n  "mailboxes": [`;
}

/**
 * One element of an array written item by item (`index` 0 for the first), on a line of its own: the document stays one
 * pretty-printed JSON value and greps line by line. `depth` is the array's: 1 for `mailboxes`, 2 inside `change`.
 */
export function jsonItem(value: unknown, index: number, depth = 1): string {
  return `${index === 0 ? '' : ','}\n${'  '.repeat(depth + 1)}${JSON.stringify(cleanDeep(value))}`;
}

/** Closes an array written item by item. */
export function jsonArrayEnd(count: number, depth = 1): string {
  return count === 0 ? ']' : `\n${'  '.repeat(depth)}]`;
}

const jsonMember = (key: string, value: unknown) =>
  `,\n  ${JSON.stringify(key)}: ${JSON.stringify(cleanDeep(value), null, 2).replace(/\n/g, '\n  ')}`;

/** After the mailboxes: the environments, counts, byCheck, findings, unrecognised alerts and SLO (not the change). */
export function jsonSummaryMembers(summary: ScanSummary): string {
  const { scannedAt: _scannedAt, change: _change, ...rest } = summary;
  const ordered: Record<string, unknown> = {
    environments: rest.environments,
    total: rest.total,
    healthy: rest.healthy,
    warning: rest.warning,
    failing: rest.failing,
    unknown: rest.unknown,
    byCheck: rest.byCheck,
    findings: rest.findings,
    ...(rest.unrecognisedAlerts ? { unrecognisedAlerts: rest.unrecognisedAlerts } : {}),
    ...(rest.slo ? { slo: rest.slo } : {}),
  };
  return Object.entries(ordered)
    .map(([key, value]) => jsonMember(key, value))
    .join('');
}

/** `"change": {` and its counts, up to the opening of `newlyFailing`; then `noLongerFailing`; then the end. */
export function jsonChangeHead(change: ChangeCounts): string {
  const { newlyFailing: _newly, noLongerFailing: _noLonger, ...counts } = change;
  const members = Object.entries(counts).map(
    ([key, value]) => `\n    ${JSON.stringify(key)}: ${JSON.stringify(cleanDeep(value))},`,
  );
  return `,\n  "change": {${members.join('')}\n    "newlyFailing": [`;
}

export const JSON_CHANGE_BETWEEN = ',\n    "noLongerFailing": [';
export const JSON_CHANGE_END = '\n  }';
export const JSON_END = '\n}\n';

/** A whole document as one JSON string: exactly what the CLI streams for the same document. */
export function renderJson(doc: ScanDocument): string {
  const array = (items: unknown[], depth: number) =>
    `${items.map((item, i) => jsonItem(item, i, depth)).join('')}${jsonArrayEnd(items.length, depth)}`;
  let text = `${jsonHead(doc.scannedAt)}${array(doc.mailboxes, 1)}${jsonSummaryMembers(summaryOf(doc))}`;
  if (doc.change)
    text += `${jsonChangeHead(changeCounts(doc.change))}${array(doc.change.newlyFailing, 2)}${JSON_CHANGE_BETWEEN}${array(doc.change.noLongerFailing, 2)}${JSON_CHANGE_END}`;
  return `${text}${JSON_END}`;
}

// ---------------------------------------------------------------------------------------------------------- CSV

export const CSV_HEADER =
  'environment,id,name,emailAddress,overall,startHere,failingChecks,warningChecks,errorChecks\r\n';

export function csvRow(m: FleetMailboxSummary): string {
  return `${[m.environment, m.id, m.name, m.emailAddress, m.overall, m.startHere, m.failingChecks.join(' '), m.warningChecks.join(' '), m.errorChecks.join(' ')].map(csvCell).join(',')}\r\n`;
}

/** A whole document as CSV: one row per mailbox that is not healthy, in the document's order. */
export function renderCsv(doc: ScanDocument): string {
  return `${CSV_HEADER}${doc.mailboxes.map(csvRow).join('')}`;
}

// ---------------------------------------------------------------------------------------------------------- table

/** Columns padded to their widest cell; numbers right-aligned. The widths are observed first, then lines are made. */
export class ColumnLayout {
  readonly widths: number[];

  constructor(
    header: string[],
    private readonly numeric: boolean[],
  ) {
    this.widths = header.map((h) => h.length);
  }

  observe(cells: string[]): void {
    cells.forEach((cell, i) => (this.widths[i] = Math.max(this.widths[i], cell.length)));
  }

  line(cells: string[]): string {
    return cells
      .map((cell, i) => (this.numeric[i] ? cell.padStart(this.widths[i]) : cell.padEnd(this.widths[i])))
      .join('  ')
      .trimEnd();
  }

  rule(): string {
    return this.line(this.widths.map((w) => '-'.repeat(w)));
  }
}

function table(header: string[], rows: string[][], numeric: boolean[]): string[] {
  const layout = new ColumnLayout(header, numeric);
  rows.forEach((row) => layout.observe(row));
  return [layout.line(header), layout.rule(), ...rows.map((row) => layout.line(row))];
}

/** The heading, the counts per environment and the checks: what the table shows before its rows. */
export function tableSummary(summary: ScanSummary): string[] {
  const lines: string[] = [t('cli.scan.heading', { scannedAt: summary.scannedAt }), ''];
  const envRows = summary.environments.map((e) => [
    e.url,
    n(e.total),
    n(e.healthy),
    n(e.warning),
    n(e.failing),
    n(e.unknown),
  ]);
  if (summary.environments.length > 1)
    envRows.push([
      t('cli.scan.allEnvironments'),
      n(summary.total),
      n(summary.healthy),
      n(summary.warning),
      n(summary.failing),
      n(summary.unknown),
    ]);
  lines.push(
    ...table(
      [
        t('cli.scan.col.environment'),
        t('cli.scan.col.total'),
        t('cli.scan.col.healthy'),
        t('cli.scan.col.warning'),
        t('cli.scan.col.failing'),
        t('cli.scan.col.unknown'),
      ],
      envRows,
      [false, true, true, true, true, true],
    ),
  );
  for (const e of summary.environments) {
    if (e.error) lines.push(t('cli.scan.environmentError', { environment: e.url, error: e.error }));
    for (const u of e.unreadable) lines.push(t('cli.scan.unreadable', { environment: e.url, reason: u.reason }));
  }
  const checkRows = checksWithProblems(summary.byCheck).map((id) => [
    checkTitle(id),
    n(summary.byCheck[id].fail),
    n(summary.byCheck[id].warn),
    n(summary.byCheck[id].error),
  ]);
  if (checkRows.length > 0) {
    lines.push(
      '',
      ...table(
        [t('cli.scan.col.check'), t('cli.scan.col.fail'), t('cli.scan.col.warn'), t('cli.scan.col.error')],
        checkRows,
        [false, true, true, true],
      ),
    );
  }
  if (listedCount(summary) > 0) lines.push('', t('cli.scan.notHealthy', { count: n(listedCount(summary)) }));
  else if (summary.total > 0) lines.push('', t('cli.scan.allHealthy'));
  return lines;
}

export function tableHeader(multi: boolean): string[] {
  const header = [
    t('cli.scan.col.verdict'),
    t('cli.scan.col.name'),
    t('cli.scan.col.address'),
    t('cli.scan.col.startHere'),
    t('cli.scan.col.checks'),
  ];
  return multi ? [...header, t('cli.scan.col.environment')] : header;
}

export function tableRow(m: FleetMailboxSummary, multi: boolean): string[] {
  const row = [
    verdictLabel(m.overall),
    cleanLine(m.name ?? m.id),
    cleanLine(m.emailAddress ?? ''),
    m.startHere ? checkTitle(m.startHere) : '',
    problems(m),
  ];
  return multi ? [...row, cleanLine(m.environment ?? '')] : row;
}

export const tableLayout = (multi: boolean): ColumnLayout =>
  new ColumnLayout(
    tableHeader(multi),
    tableHeader(multi).map(() => false),
  );

/** After the rows: the findings, the unrecognised alerts, the SLO and the change. */
export function tableTail(summary: ScanSummary): string[] {
  const lines: string[] = [];
  if (summary.findings.length > 0) {
    lines.push('', `${t('report.findings')} (${n(summary.findings.length)})`, t('cli.scan.findingsNote'));
    for (const finding of summary.findings) {
      lines.push(`- ${findingTitle(finding, summary.environments.length > 1)}: ${findingText(finding)}`);
      if (finding.remedy) lines.push(`  ${t('report.remedy')}: ${cleanLine(finding.remedy)}`);
      lines.push(`  ${t('report.learnMore')}: ${finding.learnMoreUrl}`);
    }
  }
  if (summary.unrecognisedAlerts?.length) {
    const rows = summary.unrecognisedAlerts.map((a) => [
      n(a.count),
      cleanLine(a.code ?? ''),
      shortened(cleanLine(a.text)),
    ]);
    lines.push('', t('cli.scan.unrecognised.heading', { count: n(rows.length) }));
    lines.push(
      ...table(
        [t('cli.scan.unrecognised.col.mailboxes'), t('alerts.code'), t('cli.scan.unrecognised.col.alert')],
        rows,
        [true, false, false],
      ),
    );
  }
  const slo = sloSentence(summary);
  if (slo || summary.change) lines.push('');
  if (slo) lines.push(slo);
  if (summary.change) lines.push(changeSentence(summary.change));
  return lines;
}

// ---------------------------------------------------------------------------------------------------------- markdown

export function markdownSummary(summary: ScanSummary): string[] {
  const lines: string[] = [`# ${t('cli.scan.heading', { scannedAt: summary.scannedAt })}`, ''];
  lines.push(
    `| ${t('cli.scan.col.environment')} | ${t('cli.scan.col.total')} | ${t('cli.scan.col.healthy')} | ${t('cli.scan.col.warning')} | ${t('cli.scan.col.failing')} | ${t('cli.scan.col.unknown')} |`,
  );
  lines.push('|---|---:|---:|---:|---:|---:|');
  for (const e of summary.environments)
    lines.push(
      `| ${markdownCell(e.url)} | ${n(e.total)} | ${n(e.healthy)} | ${n(e.warning)} | ${n(e.failing)} | ${n(e.unknown)} |`,
    );
  if (summary.environments.length > 1)
    lines.push(
      `| **${t('cli.scan.allEnvironments')}** | ${n(summary.total)} | ${n(summary.healthy)} | ${n(summary.warning)} | ${n(summary.failing)} | ${n(summary.unknown)} |`,
    );
  for (const e of summary.environments) {
    if (e.error)
      lines.push('', `> ${markdownCell(t('cli.scan.environmentError', { environment: e.url, error: e.error }))}`);
    for (const u of e.unreadable)
      lines.push('', `> ${markdownCell(t('cli.scan.unreadable', { environment: e.url, reason: u.reason }))}`);
  }
  const checks = checksWithProblems(summary.byCheck);
  if (checks.length > 0) {
    lines.push(
      '',
      `| ${t('cli.scan.col.check')} | ${t('cli.scan.col.fail')} | ${t('cli.scan.col.warn')} | ${t('cli.scan.col.error')} |`,
      '|---|---:|---:|---:|',
    );
    for (const id of checks)
      lines.push(
        `| ${markdownCell(checkTitle(id))} | ${summary.byCheck[id].fail} | ${summary.byCheck[id].warn} | ${summary.byCheck[id].error} |`,
      );
  }
  if (listedCount(summary) > 0) {
    lines.push('', `## ${t('cli.scan.notHealthy', { count: n(listedCount(summary)) })}`, '');
    lines.push(
      `| ${t('cli.scan.col.verdict')} | ${t('cli.scan.col.name')} | ${t('cli.scan.col.address')} | ${t('cli.scan.col.startHere')} | ${t('cli.scan.col.checks')} | ${t('cli.scan.col.environment')} |`,
    );
    lines.push('|---|---|---|---|---|---|');
  }
  return lines;
}

export function markdownRow(m: FleetMailboxSummary): string {
  return `| ${verdictLabel(m.overall)} | ${markdownCell(m.name ?? m.id)} | ${markdownCell(m.emailAddress)} | ${m.startHere ? markdownCell(checkTitle(m.startHere)) : ''} | ${markdownCell(problems(m))} | ${markdownCell(m.environment)} |`;
}

export function markdownTail(summary: ScanSummary): string[] {
  const lines: string[] = [];
  if (summary.findings.length > 0) {
    lines.push(
      '',
      `## ${t('report.findings')} (${n(summary.findings.length)})`,
      '',
      markdownCell(t('cli.scan.findingsNote')),
      '',
    );
    for (const finding of summary.findings) {
      lines.push(
        `- **${markdownCell(findingTitle(finding, summary.environments.length > 1))}:** ${markdownCell(findingText(finding))}`,
      );
      if (finding.remedy) lines.push(`  - ${t('report.remedy')}: ${markdownCell(finding.remedy)}`);
      lines.push(`  - ${t('report.learnMore')}: <${finding.learnMoreUrl}>`);
    }
  }
  if (summary.unrecognisedAlerts?.length) {
    lines.push('', `## ${t('cli.scan.unrecognised.heading', { count: n(summary.unrecognisedAlerts.length) })}`, '');
    lines.push(
      `| ${t('cli.scan.unrecognised.col.mailboxes')} | ${t('alerts.code')} | ${t('cli.scan.unrecognised.col.alert')} |`,
      '|---:|---|---|',
    );
    for (const a of summary.unrecognisedAlerts) {
      const code = a.code === null ? '' : `[${markdownCell(a.code)}](${learnSearchUrl(a.code)})`;
      lines.push(`| ${n(a.count)} | ${code} | ${markdownCell(shortened(a.text))} |`);
    }
  }
  const slo = sloSentence(summary);
  if (slo) lines.push('', markdownCell(slo));
  if (summary.change) lines.push('', markdownCell(changeSentence(summary.change)));
  return lines;
}
