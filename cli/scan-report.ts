/**
 * The scan's document (what --format json prints and --previous reads back) and its renderings: a table for the
 * terminal, CSV (one row per mailbox that is not healthy), markdown. Dataverse text is cleaned in every format.
 */
import { CHECK_ORDER, type CheckId, type Finding, type Verdict } from '../diagnostics/report';
import { renderFinding, type RenderedFinding } from '../diagnostics/render';
import { mailboxKey, type ByCheck, type FleetCounts, type FleetMailboxSummary } from '../diagnostics/fleet';
import { formatMessage } from '../diagnostics/messages/format';
import type { ReadFailure } from '../diagnostics/input';
import type { MessageKey } from '../diagnostics/messages/en';
import { learnSearchUrl } from '../diagnostics/alerts/codes';
import type { UnrecognisedAlert } from '../diagnostics/alerts/unrecognised';
import { allowedFailing, type MaxFailing } from './args';
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

export interface ScanChange {
  since: string | null;
  total: number;
  healthy: number;
  warning: number;
  failing: number;
  unknown: number;
  newlyFailing: MailboxRef[];
  noLongerFailing: MailboxRef[];
}

/** A profile or environment finding: listed once however many mailboxes share it, never counted in a verdict. */
export interface ScanFinding extends RenderedFinding {
  environment: string;
}

export interface ScanDocument extends FleetCounts {
  scannedAt: string;
  environments: EnvironmentResult[];
  byCheck: ByCheck;
  mailboxes: FleetMailboxSummary[];
  findings: ScanFinding[];
  slo?: { maxFailing: string; allowed: number; within: boolean };
  change?: ScanChange;
  /** The alerts no catalogue entry recognised, most frequent first: text (names masked), code, mailboxes showing it. */
  unrecognisedAlerts?: UnrecognisedAlert[];
}

export function unreadableEntry(failure: ReadFailure): { table: string; reason: string } {
  return {
    table: failure.table,
    reason: formatMessage({ key: `reason.${failure.kind}` as MessageKey, params: { table: { key: `table.${failure.table}` as MessageKey } } }),
  };
}

export function scanFinding(finding: Finding, environment: string): ScanFinding {
  return { environment, ...renderFinding(finding) };
}

/** "Email server profile: Contoso Exchange Online" (and the environment when the scan has several). */
export function findingTitle(finding: ScanFinding, withEnvironment: boolean): string {
  const subject = cleanLine(finding.subject.name ?? finding.subject.id ?? '');
  const title = `${formatMessage({ key: `finding.scope.${finding.scope}` })}: ${subject}`;
  return withEnvironment ? `${title} (${finding.environment})` : title;
}

/** What a finding says, on one line: a profile alert quoted with its level and when it was last seen. */
export function findingText(finding: ScanFinding): string {
  const { alert } = finding;
  if (!alert) return cleanLine(finding.summary);
  const level = t(alert.level === 3 ? 'option.tracelog.level.3' : 'option.tracelog.level.2');
  return t('cli.scan.profileAlert', { level, count: n(alert.count), lastSeen: alert.lastSeen, text: cleanLine(alert.text) });
}

export function sloOf(max: MaxFailing, counts: FleetCounts): { maxFailing: string; allowed: number; within: boolean } {
  const exceeded = max.kind === 'count' ? counts.failing > max.value : counts.failing * 100 > max.value * counts.total;
  return { maxFailing: max.text, allowed: allowedFailing(max, counts.total), within: !exceeded };
}

const ref = (m: { id: string; name: string | null; emailAddress: string | null; environment: string | null }): MailboxRef => ({
  id: m.id,
  name: m.name,
  emailAddress: m.emailAddress,
  environment: m.environment,
});

/** The change since an earlier scan's document (read tolerantly: a partial or older file gives what it can). */
export function changeSince(previous: Record<string, unknown>, current: ScanDocument): ScanChange {
  const number = (name: keyof FleetCounts) => (typeof previous[name] === 'number' ? (previous[name] as number) : 0);
  const before = new Map<string, MailboxRef>();
  for (const item of Array.isArray(previous.mailboxes) ? previous.mailboxes : []) {
    if (typeof item !== 'object' || item === null) continue;
    const m = item as Record<string, unknown>;
    if (m.overall !== 'failing' || typeof m.id !== 'string') continue;
    const str = (v: unknown) => (typeof v === 'string' ? v : null);
    before.set(mailboxKey(str(m.environment), m.id), { id: m.id, name: str(m.name), emailAddress: str(m.emailAddress), environment: str(m.environment) });
  }
  const now = new Map(current.mailboxes.filter((m) => m.overall === 'failing').map((m) => [mailboxKey(m.environment, m.id), m]));
  return {
    since: typeof previous.scannedAt === 'string' ? previous.scannedAt : null,
    total: current.total - number('total'),
    healthy: current.healthy - number('healthy'),
    warning: current.warning - number('warning'),
    failing: current.failing - number('failing'),
    unknown: current.unknown - number('unknown'),
    newlyFailing: [...now.entries()].filter(([key]) => !before.has(key)).map(([, m]) => ref(m)),
    noLongerFailing: [...before.entries()].filter(([key]) => !now.has(key)).map(([, m]) => m),
  };
}

export const checkTitle = (id: CheckId): string => formatMessage({ key: `check.${id}.title` as MessageKey });
const verdictLabel = (verdict: Verdict): string => formatMessage({ key: `cli.scan.verdict.${verdict}` as MessageKey });
const signed = (n: number): string => (n > 0 ? `+${n.toLocaleString('en-US')}` : n.toLocaleString('en-US'));
const n = (value: number): string => value.toLocaleString('en-US');

/** Columns padded to their widest cell; numbers right-aligned. */
function table(header: string[], rows: string[][], numeric: boolean[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (numeric[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

/** "fail: approval, alerts; warn: capacity; could not check: email-tracking" (check ids: short and stable). */
function problems(m: FleetMailboxSummary): string {
  const parts: string[] = [];
  if (m.failingChecks.length > 0) parts.push(t('cli.scan.problems.fail', { checks: m.failingChecks.join(', ') }));
  if (m.warningChecks.length > 0) parts.push(t('cli.scan.problems.warn', { checks: m.warningChecks.join(', ') }));
  if (m.errorChecks.length > 0) parts.push(t('cli.scan.problems.error', { checks: m.errorChecks.join(', ') }));
  return parts.join('; ');
}

function sloSentence(doc: ScanDocument): string | null {
  if (!doc.slo) return null;
  return t(doc.slo.within ? 'cli.scan.sloWithin' : 'cli.scan.sloExceeded', { failing: n(doc.failing), allowed: n(doc.slo.allowed), max: doc.slo.maxFailing });
}

function changeSentence(change: ScanChange): string {
  return t('cli.scan.change', {
    since: change.since ?? t('cli.scan.previousScan'),
    failing: signed(change.failing),
    warning: signed(change.warning),
    unknown: signed(change.unknown),
    healthy: signed(change.healthy),
    total: signed(change.total),
    newlyFailing: n(change.newlyFailing.length),
    noLongerFailing: n(change.noLongerFailing.length),
  });
}

/** A long alert text cut for a table row (the JSON keeps it whole). */
function shortened(text: string, max = 120): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function renderTable(doc: ScanDocument): string {
  const lines: string[] = [t('cli.scan.heading', { scannedAt: doc.scannedAt }), ''];
  const envRows = doc.environments.map((e) => [e.url, n(e.total), n(e.healthy), n(e.warning), n(e.failing), n(e.unknown)]);
  if (doc.environments.length > 1) envRows.push([t('cli.scan.allEnvironments'), n(doc.total), n(doc.healthy), n(doc.warning), n(doc.failing), n(doc.unknown)]);
  lines.push(
    ...table(
      [t('cli.scan.col.environment'), t('cli.scan.col.total'), t('cli.scan.col.healthy'), t('cli.scan.col.warning'), t('cli.scan.col.failing'), t('cli.scan.col.unknown')],
      envRows,
      [false, true, true, true, true, true],
    ),
  );
  for (const e of doc.environments) {
    if (e.error) lines.push(t('cli.scan.environmentError', { environment: e.url, error: e.error }));
    for (const u of e.unreadable) lines.push(t('cli.scan.unreadable', { environment: e.url, reason: u.reason }));
  }
  const checkRows = CHECK_ORDER.filter((id) => doc.byCheck[id].fail + doc.byCheck[id].warn + doc.byCheck[id].error > 0).map((id) => [
    checkTitle(id),
    n(doc.byCheck[id].fail),
    n(doc.byCheck[id].warn),
    n(doc.byCheck[id].error),
  ]);
  if (checkRows.length > 0) {
    lines.push('', ...table([t('cli.scan.col.check'), t('cli.scan.col.fail'), t('cli.scan.col.warn'), t('cli.scan.col.error')], checkRows, [false, true, true, true]));
  }
  if (doc.mailboxes.length > 0) {
    lines.push('', t('cli.scan.notHealthy', { count: n(doc.mailboxes.length) }));
    const multi = doc.environments.length > 1;
    const header = [t('cli.scan.col.verdict'), t('cli.scan.col.name'), t('cli.scan.col.address'), t('cli.scan.col.startHere'), t('cli.scan.col.checks')];
    if (multi) header.push(t('cli.scan.col.environment'));
    const rows = doc.mailboxes.map((m) => {
      const row = [verdictLabel(m.overall), cleanLine(m.name ?? m.id), cleanLine(m.emailAddress ?? ''), m.startHere ? checkTitle(m.startHere) : '', problems(m)];
      if (multi) row.push(m.environment ?? '');
      return row;
    });
    lines.push(...table(header, rows, header.map(() => false)));
  } else if (doc.total > 0) {
    lines.push('', t('cli.scan.allHealthy'));
  }
  if (doc.findings.length > 0) {
    lines.push('', `${t('report.findings')} (${n(doc.findings.length)})`, t('cli.scan.findingsNote'));
    for (const finding of doc.findings) {
      lines.push(`- ${findingTitle(finding, doc.environments.length > 1)}: ${findingText(finding)}`);
      if (finding.remedy) lines.push(`  ${t('report.remedy')}: ${cleanLine(finding.remedy)}`);
      lines.push(`  ${t('report.learnMore')}: ${finding.learnMoreUrl}`);
    }
  }
  if (doc.unrecognisedAlerts?.length) {
    const rows = doc.unrecognisedAlerts.map((a) => [n(a.count), cleanLine(a.code ?? ''), shortened(cleanLine(a.text))]);
    lines.push('', t('alerts.scan.heading', { count: n(rows.length) }));
    lines.push(...table([t('alerts.scan.col.mailboxes'), t('alerts.code'), t('alerts.scan.col.alert')], rows, [true, false, false]));
  }
  const slo = sloSentence(doc);
  if (slo || doc.change) lines.push('');
  if (slo) lines.push(slo);
  if (doc.change) lines.push(changeSentence(doc.change));
  return `${lines.join('\n')}\n`;
}

export function renderCsv(doc: ScanDocument): string {
  const header = ['environment', 'id', 'name', 'emailAddress', 'overall', 'startHere', 'failingChecks', 'warningChecks', 'errorChecks'];
  const rows = doc.mailboxes.map((m) =>
    [m.environment, m.id, m.name, m.emailAddress, m.overall, m.startHere, m.failingChecks.join(' '), m.warningChecks.join(' '), m.errorChecks.join(' ')].map(csvCell).join(','),
  );
  return `${[header.join(','), ...rows].join('\r\n')}\r\n`;
}

export function renderMarkdown(doc: ScanDocument): string {
  const lines: string[] = [`# ${t('cli.scan.heading', { scannedAt: doc.scannedAt })}`, ''];
  lines.push(`| ${t('cli.scan.col.environment')} | ${t('cli.scan.col.total')} | ${t('cli.scan.col.healthy')} | ${t('cli.scan.col.warning')} | ${t('cli.scan.col.failing')} | ${t('cli.scan.col.unknown')} |`);
  lines.push('|---|---:|---:|---:|---:|---:|');
  for (const e of doc.environments) lines.push(`| ${markdownCell(e.url)} | ${n(e.total)} | ${n(e.healthy)} | ${n(e.warning)} | ${n(e.failing)} | ${n(e.unknown)} |`);
  if (doc.environments.length > 1) lines.push(`| **${t('cli.scan.allEnvironments')}** | ${n(doc.total)} | ${n(doc.healthy)} | ${n(doc.warning)} | ${n(doc.failing)} | ${n(doc.unknown)} |`);
  for (const e of doc.environments) {
    if (e.error) lines.push('', `> ${markdownCell(t('cli.scan.environmentError', { environment: e.url, error: e.error }))}`);
    for (const u of e.unreadable) lines.push('', `> ${markdownCell(t('cli.scan.unreadable', { environment: e.url, reason: u.reason }))}`);
  }
  const checks = CHECK_ORDER.filter((id) => doc.byCheck[id].fail + doc.byCheck[id].warn + doc.byCheck[id].error > 0);
  if (checks.length > 0) {
    lines.push('', `| ${t('cli.scan.col.check')} | ${t('cli.scan.col.fail')} | ${t('cli.scan.col.warn')} | ${t('cli.scan.col.error')} |`, '|---|---:|---:|---:|');
    for (const id of checks) lines.push(`| ${markdownCell(checkTitle(id))} | ${doc.byCheck[id].fail} | ${doc.byCheck[id].warn} | ${doc.byCheck[id].error} |`);
  }
  if (doc.mailboxes.length > 0) {
    lines.push('', `## ${t('cli.scan.notHealthy', { count: n(doc.mailboxes.length) })}`, '');
    lines.push(`| ${t('cli.scan.col.verdict')} | ${t('cli.scan.col.name')} | ${t('cli.scan.col.address')} | ${t('cli.scan.col.startHere')} | ${t('cli.scan.col.checks')} | ${t('cli.scan.col.environment')} |`);
    lines.push('|---|---|---|---|---|---|');
    for (const m of doc.mailboxes) {
      lines.push(
        `| ${verdictLabel(m.overall)} | ${markdownCell(m.name ?? m.id)} | ${markdownCell(m.emailAddress)} | ${m.startHere ? markdownCell(checkTitle(m.startHere)) : ''} | ${markdownCell(problems(m))} | ${markdownCell(m.environment)} |`,
      );
    }
  }
  if (doc.findings.length > 0) {
    lines.push('', `## ${t('report.findings')} (${n(doc.findings.length)})`, '', markdownCell(t('cli.scan.findingsNote')), '');
    for (const finding of doc.findings) {
      lines.push(`- **${markdownCell(findingTitle(finding, doc.environments.length > 1))}:** ${markdownCell(findingText(finding))}`);
      if (finding.remedy) lines.push(`  - ${t('report.remedy')}: ${markdownCell(finding.remedy)}`);
      lines.push(`  - ${t('report.learnMore')}: <${finding.learnMoreUrl}>`);
    }
  }
  if (doc.unrecognisedAlerts?.length) {
    lines.push('', `## ${t('alerts.scan.heading', { count: n(doc.unrecognisedAlerts.length) })}`, '');
    lines.push(`| ${t('alerts.scan.col.mailboxes')} | ${t('alerts.code')} | ${t('alerts.scan.col.alert')} |`, '|---:|---|---|');
    for (const a of doc.unrecognisedAlerts) {
      const code = a.code === null ? '' : `[${markdownCell(a.code)}](${learnSearchUrl(a.code)})`;
      lines.push(`| ${n(a.count)} | ${code} | ${markdownCell(shortened(a.text))} |`);
    }
  }
  const slo = sloSentence(doc);
  if (slo) lines.push('', markdownCell(slo));
  if (doc.change) lines.push('', markdownCell(changeSentence(doc.change)));
  return `${lines.join('\n')}\n`;
}

export function renderJson(doc: ScanDocument): string {
  return `${JSON.stringify(cleanDeep(doc), null, 2)}\n`;
}
