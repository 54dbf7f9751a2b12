/**
 * The scan's HTML report (scan --format html), in pieces so it can be written while the mailboxes stream past: the
 * summary (totals, the failing and warning counts by check and by profile as inline SVG bar charts, the trend over
 * earlier scans), then one section per cause group with its fix once and its mailboxes, then the findings.
 *
 * One self-contained file: no script at all, no external CSS, font or image; a Content-Security-Policy allows only the
 * one stylesheet in the file (by its hash), so even a page that someone altered could load nothing. Every text from
 * Dataverse is cleaned (controls, bidirectional overrides) and escaped: it is text, never markup. Each chart is an
 * <svg role="img"> with a title and a description that states every figure, and the numbers again in a table.
 * No Node imports.
 */
import { escapeXml, learnSearchUrl, type FleetMailboxSummary } from '../diagnostics';
import {
  causeTitle,
  changeSentence,
  checkTitle,
  findingText,
  findingTitle,
  listedCount,
  problems,
  shortened,
  verdictLabel,
  sloSentence,
  type ScanSummary,
} from './scan-report';
import { byCheckRows, groupSize, type CauseCounts, type ProfileCounts } from './scan-groups';
import type { ListedVerdict } from './scan-groups';
import { cleanLine } from './sanitize';
import { t } from './text';

/** One earlier scan (or this one) on the trend chart. */
export interface TrendPoint {
  scannedAt: string;
  total: number;
  failing: number;
  warning: number;
}

/** Profiles charted one by one; the rest share a bar. */
export const CHARTED_PROFILES = 15;
/** A group's mailbox list is open when the group is this small; larger ones open on a click. */
export const OPEN_GROUP_LIMIT = 25;

const n = (value: number): string => value.toLocaleString('en-US');

/** Text for HTML (element content and quoted attribute values alike): cleaned to one line, then escaped. */
export function escapeHtml(text: string | null | undefined): string {
  return escapeXml(cleanLine(text));
}

/** Only an https link is a link; anything else stays text. */
function link(url: string | null | undefined, text: string): string {
  if (!url || !/^https:\/\//i.test(url)) return escapeHtml(text);
  return `<a href="${escapeHtml(url)}" rel="noopener noreferrer">${escapeHtml(text)}</a>`;
}

/** The report's only stylesheet; the CSP names it by hash (see htmlHead). Light and dark, print-friendly. */
export const HTML_STYLE = `
:root { color-scheme: light dark; --fg: #1b1b1b; --muted: #5c5c5c; --bg: #ffffff; --panel: #f5f5f5; --line: #d6d6d6;
  --fail: #c50f1f; --warn: #b86e00; --warn-bar: #f2a900; --unknown: #616161; --link: #0f6cbd; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #f0f0f0; --muted: #b3b3b3; --bg: #1f1f1f; --panel: #2b2b2b; --line: #454545; --fail: #f1707b; --warn: #f7c948;
    --warn-bar: #d69a00; --unknown: #b3b3b3; --link: #7fb9f0; }
}
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 "Segoe UI", system-ui, -apple-system, sans-serif; color: var(--fg); background: var(--bg); }
header, main, footer { max-width: 1100px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 24px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 32px 0 8px; }
h3 { font-size: 16px; margin: 0 0 6px; }
a { color: var(--link); }
.muted { color: var(--muted); }
.totals { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0; padding: 0; }
.totals div { background: var(--panel); border-radius: 6px; padding: 10px 16px; min-width: 130px; }
.totals dt { font-size: 13px; color: var(--muted); }
.totals dd { margin: 0; font-size: 26px; font-weight: 600; }
.totals .failing dd { color: var(--fail); }
.totals .warning dd { color: var(--warn); }
.note { margin: 4px 0; }
.note.problem { color: var(--fail); }
table { border-collapse: collapse; margin: 8px 0; }
th, td { text-align: left; padding: 4px 10px 4px 0; border-bottom: 1px solid var(--line); vertical-align: top; }
td.num, th.num { text-align: right; }
figure { margin: 8px 0 0; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 0 32px; align-items: start; }
svg.chart { width: 100%; max-width: 760px; height: auto; display: block; }
svg.chart text { fill: var(--fg); font: 12px "Segoe UI", system-ui, sans-serif; }
svg.chart .fail { fill: var(--fail); }
svg.chart .warn { fill: var(--warn-bar); }
svg.chart .axis { stroke: var(--line); }
svg.chart .line { fill: none; stroke-width: 2.5; }
svg.chart .line.fail { stroke: var(--fail); fill: none; }
svg.chart .line.warn { stroke: var(--warn-bar); fill: none; }
details > summary { cursor: pointer; color: var(--link); margin: 4px 0; }
.group { border: 1px solid var(--line); border-left: 6px solid var(--unknown); border-radius: 6px; padding: 12px 16px; margin: 12px 0; }
.group.failing { border-left-color: var(--fail); }
.group.warning { border-left-color: var(--warn-bar); }
.counts { margin: 0 0 4px; }
.verdict { font-weight: 600; }
.verdict.failing { color: var(--fail); }
.verdict.warning { color: var(--warn); }
.verdict.unknown { color: var(--unknown); }
.fix { margin: 6px 0; }
.rows td { font-size: 14px; }
footer { margin: 40px auto 24px; font-size: 13px; color: var(--muted); }
`;

const SHAPES: Record<ListedVerdict, string> = { failing: '✖', warning: '▲', unknown: '?' };
const PART_KEYS = {
  failing: 'cli.html.group.failing',
  warning: 'cli.html.group.warning',
  unknown: 'cli.html.group.unknown',
} as const;

/** A verdict in shape, word and colour (never colour alone). */
function verdictText(verdict: ListedVerdict, text: string): string {
  return `<span class="verdict ${verdict}"><span aria-hidden="true">${SHAPES[verdict]}</span> ${escapeHtml(text)}</span>`;
}

/** "12 mailboxes: ✖ 10 failing · ▲ 2 warning". */
function groupCounts(group: CauseCounts): string {
  const parts = (['failing', 'warning', 'unknown'] as const)
    .filter((v) => group[v] > 0)
    .map((v) => verdictText(v, t(PART_KEYS[v], { count: n(group[v]) })));
  const size = groupSize(group);
  return `${escapeHtml(t(size === 1 ? 'cli.html.group.sizeOne' : 'cli.html.group.size', { count: n(size) }))}: ${parts.join(' · ')}`;
}

/** The group's name: its Start here check, or the check that could not run. */
function groupTitle(group: CauseCounts): string {
  return causeTitle(group, {
    noCheck: t('cli.html.group.noCheck'),
    couldNotCheck: (check) => t('cli.html.group.couldNotCheck', { check }),
  });
}

interface BarRow {
  label: string;
  failing: number;
  warning: number;
}

/** A horizontal bar per row: failing then warning, stacked, with both numbers beside it. */
function barChart(id: string, title: string, rows: BarRow[]): string {
  const width = 560;
  const labelWidth = 250;
  const barWidth = 226;
  const rowHeight = 28;
  const top = 34;
  const height = top + rows.length * rowHeight + 8;
  const max = Math.max(1, ...rows.map((r) => r.failing + r.warning));
  const scale = (value: number) => (value === 0 ? 0 : Math.max(2, Math.round((value / max) * barWidth)));
  const description = rows
    .map((r) => t('cli.html.chartItem', { label: r.label, failing: n(r.failing), warning: n(r.warning) }))
    .join('; ');
  const parts = [
    `<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}-title ${id}-desc" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="${id}-title">${escapeHtml(title)}</title>`,
    `<desc id="${id}-desc">${escapeHtml(description)}</desc>`,
    `<rect class="fail" x="${labelWidth}" y="8" width="14" height="14"/><text x="${labelWidth + 20}" y="20">${escapeHtml(t('cli.scan.col.failing'))}</text>`,
    `<rect class="warn" x="${labelWidth + 110}" y="8" width="14" height="14"/><text x="${labelWidth + 130}" y="20">${escapeHtml(t('cli.scan.col.warning'))}</text>`,
  ];
  rows.forEach((row, i) => {
    const y = top + i * rowHeight;
    const failWidth = scale(row.failing);
    const warnWidth = scale(row.warning);
    const label = row.label.length > 35 ? `${row.label.slice(0, 34)}…` : row.label;
    parts.push(
      `<g><title>${escapeHtml(t('cli.html.chartItem', { label: row.label, failing: n(row.failing), warning: n(row.warning) }))}</title>`,
      `<text x="${labelWidth - 10}" y="${y + 15}" text-anchor="end">${escapeHtml(label)}</text>`,
      failWidth > 0 ? `<rect class="fail" x="${labelWidth}" y="${y + 2}" width="${failWidth}" height="18"/>` : '',
      warnWidth > 0
        ? `<rect class="warn" x="${labelWidth + failWidth}" y="${y + 2}" width="${warnWidth}" height="18"/>`
        : '',
      `<text x="${labelWidth + failWidth + warnWidth + 8}" y="${y + 15}">${n(row.failing)} · ${n(row.warning)}</text></g>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}

function numbersTable(firstColumn: string, rows: BarRow[]): string {
  const body = rows
    .map(
      (r) =>
        `<tr><td>${escapeHtml(r.label)}</td><td class="num">${n(r.failing)}</td><td class="num">${n(r.warning)}</td></tr>`,
    )
    .join('');
  return `<details><summary>${escapeHtml(t('cli.html.numbers'))}</summary><table><thead><tr><th>${escapeHtml(firstColumn)}</th><th class="num">${escapeHtml(t('cli.scan.col.failing'))}</th><th class="num">${escapeHtml(t('cli.scan.col.warning'))}</th></tr></thead><tbody>${body}</tbody></table></details>`;
}

function chartFigure(id: string, title: string, firstColumn: string, rows: BarRow[]): string {
  const chart =
    rows.length === 0
      ? `<p class="muted">${escapeHtml(t('cli.html.chartEmpty'))}</p>`
      : `${barChart(id, title, rows)}${numbersTable(firstColumn, rows)}`;
  return `<section aria-labelledby="${id}-heading"><h3 id="${id}-heading">${escapeHtml(title)}</h3><figure>${chart}</figure></section>`;
}

/** Profiles beyond CHARTED_PROFILES share one bar. */
function profileRows(profiles: ProfileCounts[]): BarRow[] {
  const label = (p: ProfileCounts) => (p.name === null ? t('cli.html.noProfile') : cleanLine(p.name));
  const rows = profiles
    .slice(0, CHARTED_PROFILES)
    .map((p) => ({ label: label(p), failing: p.failing, warning: p.warning }));
  const rest = profiles.slice(CHARTED_PROFILES);
  if (rest.length > 0) {
    rows.push({
      label: t('cli.html.otherProfiles', { count: n(rest.length) }),
      failing: rest.reduce((s, p) => s + p.failing, 0),
      warning: rest.reduce((s, p) => s + p.warning, 0),
    });
  }
  return rows;
}

/** Failing and warning at each scan, oldest first, as two lines over evenly spaced scans. */
function trendChart(points: TrendPoint[]): string {
  const id = 'trend';
  const width = 760;
  const height = 260;
  const left = 64;
  const right = width - 56;
  const top = 36;
  const bottom = height - 40;
  const max = Math.max(1, ...points.map((p) => Math.max(p.failing, p.warning)));
  const x = (i: number) =>
    points.length === 1 ? (left + right) / 2 : left + (i * (right - left)) / (points.length - 1);
  const y = (value: number) => bottom - (value / max) * (bottom - top);
  const line = (pick: (p: TrendPoint) => number) =>
    points.map((p, i) => `${x(i).toFixed(1)},${y(pick(p)).toFixed(1)}`).join(' ');
  const date = (p: TrendPoint) => p.scannedAt.slice(0, 10);
  const description = points
    .map((p) =>
      t('cli.html.trendItem', {
        scannedAt: p.scannedAt,
        failing: n(p.failing),
        warning: n(p.warning),
        total: n(p.total),
      }),
    )
    .join('; ');
  const labelEvery = Math.max(1, Math.ceil(points.length / 8));
  const parts = [
    `<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}-title ${id}-desc" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="${id}-title">${escapeHtml(t('cli.html.trend'))}</title>`,
    `<desc id="${id}-desc">${escapeHtml(description)}</desc>`,
    `<rect class="fail" x="${left}" y="8" width="14" height="14"/><text x="${left + 20}" y="20">${escapeHtml(t('cli.scan.col.failing'))}</text>`,
    `<rect class="warn" x="${left + 110}" y="8" width="14" height="14"/><text x="${left + 130}" y="20">${escapeHtml(t('cli.scan.col.warning'))}</text>`,
  ];
  for (const value of [0, Math.round(max / 2), max]) {
    parts.push(
      `<line class="axis" x1="${left}" x2="${right}" y1="${y(value).toFixed(1)}" y2="${y(value).toFixed(1)}"/><text x="${left - 8}" y="${(y(value) + 4).toFixed(1)}" text-anchor="end">${n(value)}</text>`,
    );
  }
  points.forEach((p, i) => {
    if (i % labelEvery === 0 || i === points.length - 1)
      parts.push(`<text x="${x(i).toFixed(1)}" y="${bottom + 22}" text-anchor="middle">${escapeHtml(date(p))}</text>`);
  });
  parts.push(
    `<polyline class="line warn" points="${line((p) => p.warning)}"/>`,
    `<polyline class="line fail" points="${line((p) => p.failing)}"/>`,
  );
  points.forEach((p, i) => {
    parts.push(
      `<circle class="warn" cx="${x(i).toFixed(1)}" cy="${y(p.warning).toFixed(1)}" r="4"><title>${escapeHtml(t('cli.html.trendItem', { scannedAt: p.scannedAt, failing: n(p.failing), warning: n(p.warning), total: n(p.total) }))}</title></circle>`,
      `<circle class="fail" cx="${x(i).toFixed(1)}" cy="${y(p.failing).toFixed(1)}" r="4"/>`,
    );
  });
  parts.push('</svg>');
  const rows = points
    .map(
      (p) =>
        `<tr><td>${escapeHtml(p.scannedAt)}</td><td class="num">${n(p.failing)}</td><td class="num">${n(p.warning)}</td><td class="num">${n(p.total)}</td></tr>`,
    )
    .join('');
  const table = `<details><summary>${escapeHtml(t('cli.html.numbers'))}</summary><table><thead><tr><th>${escapeHtml(t('cli.html.col.scannedAt'))}</th><th class="num">${escapeHtml(t('cli.scan.col.failing'))}</th><th class="num">${escapeHtml(t('cli.scan.col.warning'))}</th><th class="num">${escapeHtml(t('cli.scan.col.total'))}</th></tr></thead><tbody>${rows}</tbody></table></details>`;
  return `<section aria-labelledby="trend-heading"><h2 id="trend-heading">${escapeHtml(t('cli.html.trend'))}</h2><figure>${parts.join('')}${table}</figure></section>`;
}

export interface HtmlSummaryInput {
  summary: ScanSummary;
  groups: CauseCounts[];
  profiles: ProfileCounts[];
  /** Earlier scans and this one, oldest first; empty without --previous. */
  trend: TrendPoint[];
  /** The CSP source of HTML_STYLE: 'sha256-…' (the host computes it). */
  styleSource: string;
}

/** Everything before the first group: head, totals, SLO and change, environments, charts, trend. */
export function htmlHead({ summary, groups, profiles, trend, styleSource }: HtmlSummaryInput): string {
  const heading = t('cli.scan.heading', { scannedAt: summary.scannedAt });
  const csp = `default-src 'none'; style-src '${styleSource}'; img-src 'none'; font-src 'none'; script-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'`;
  const total = (key: 'total' | 'healthy' | 'warning' | 'failing' | 'unknown', label: string) =>
    `<div class="${key}"><dt>${escapeHtml(label)}</dt><dd data-count="${key}">${n(summary[key])}</dd></div>`;
  const notes: string[] = [];
  const slo = sloSentence(summary);
  if (slo) notes.push(`<p class="note${summary.slo?.within ? '' : ' problem'}">${escapeHtml(slo)}</p>`);
  if (summary.change) notes.push(`<p class="note">${escapeHtml(changeSentence(summary.change))}</p>`);
  for (const e of summary.environments) {
    if (e.error)
      notes.push(
        `<p class="note problem">${escapeHtml(t('cli.scan.environmentError', { environment: e.url, error: e.error }))}</p>`,
      );
    for (const u of e.unreadable)
      notes.push(
        `<p class="note problem">${escapeHtml(t('cli.scan.unreadable', { environment: e.url, reason: u.reason }))}</p>`,
      );
  }
  const envRows = summary.environments
    .map(
      (e) =>
        `<tr><td>${escapeHtml(e.url)}</td>${(['total', 'healthy', 'warning', 'failing', 'unknown'] as const).map((k) => `<td class="num">${n(e[k])}</td>`).join('')}</tr>`,
    )
    .join('');
  const envTable = `<table><thead><tr><th>${escapeHtml(t('cli.scan.col.environment'))}</th>${(
    ['total', 'healthy', 'warning', 'failing', 'unknown'] as const
  )
    .map((k) => `<th class="num">${escapeHtml(t(`cli.scan.col.${k}`))}</th>`)
    .join('')}</tr></thead><tbody>${envRows}</tbody></table>`;
  const checkRows = byCheckRows(summary.byCheck).map((r) => ({
    label: checkTitle(r.check),
    failing: r.failing,
    warning: r.warning,
  }));
  const groupsIntro =
    listedCount(summary) > 0
      ? `<h2 id="groups-heading">${escapeHtml(t('cli.html.groups'))}</h2><p class="muted">${escapeHtml(t('cli.html.groupsNote'))}</p>`
      : `<h2 id="groups-heading">${escapeHtml(t('cli.html.groups'))}</h2><p>${escapeHtml(t('cli.scan.allHealthy'))}</p>`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(heading)}</title>`,
    `<style>${HTML_STYLE}</style>`,
    '</head>',
    '<body>',
    `<header><h1>${escapeHtml(t('cli.html.heading'))}</h1><p class="muted">${escapeHtml(t('cli.html.scannedAt', { scannedAt: summary.scannedAt }))}</p></header>`,
    '<main>',
    `<section aria-labelledby="totals-heading"><h2 id="totals-heading">${escapeHtml(t('cli.html.totals'))}</h2>`,
    `<dl class="totals">${total('total', t('cli.scan.col.total'))}${total('failing', t('cli.scan.col.failing'))}${total('warning', t('cli.scan.col.warning'))}${total('unknown', t('cli.scan.col.unknown'))}${total('healthy', t('cli.scan.col.healthy'))}</dl>`,
    ...notes,
    envTable,
    '</section>',
    `<section aria-labelledby="charts-heading"><h2 id="charts-heading">${escapeHtml(t('cli.html.charts'))}</h2>`,
    '<div class="charts">',
    chartFigure('by-check', t('cli.html.byCheck'), t('cli.scan.col.check'), checkRows),
    chartFigure('by-profile', t('cli.html.byProfile'), t('cli.html.col.profile'), profileRows(profiles)),
    '</div>',
    '</section>',
    trend.length > 0 ? trendChart(trend) : '',
    `<section aria-labelledby="groups-heading" data-groups="${groups.length}">`,
    groupsIntro,
  ].join('\n');
}

/** A group's heading, its fix once, and the opening of its mailbox list. */
export function htmlGroupStart(group: CauseCounts, index: number, multi: boolean): string {
  const id = `group-${index + 1}`;
  const size = groupSize(group);
  const columns = [
    t('cli.scan.col.verdict'),
    t('cli.scan.col.name'),
    t('cli.scan.col.address'),
    t('cli.scan.col.checks'),
    ...(multi ? [t('cli.scan.col.environment')] : []),
  ];
  const shade = group.failing > 0 ? 'failing' : group.warning > 0 ? 'warning' : 'unknown';
  return [
    `<section class="group ${shade}" data-kind="${group.kind}" data-check="${escapeHtml(group.check ?? '')}" data-count="${size}" data-failing="${group.failing}" data-warning="${group.warning}" data-unknown="${group.unknown}" aria-labelledby="${id}">`,
    `<h3 id="${id}">${escapeHtml(groupTitle(group))}</h3>`,
    `<p class="counts">${groupCounts(group)}</p>`,
    `<p class="fix">${group.fix ? `<strong>${escapeHtml(t('report.remedy'))}:</strong> ${escapeHtml(group.fix)} ` : ''}${group.learnMoreUrl ? link(group.learnMoreUrl, t('report.learnMore')) : ''}</p>`,
    `<details${size <= OPEN_GROUP_LIMIT ? ' open' : ''}><summary>${escapeHtml(t('cli.html.group.mailboxes', { count: n(size) }))}</summary>`,
    `<table class="rows"><thead><tr>${columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr></thead><tbody>`,
  ].join('\n');
}

/** One mailbox of a group. */
export function htmlRow(m: FleetMailboxSummary, multi: boolean): string {
  const cells = [m.name ?? m.id, m.emailAddress ?? '', problems(m), ...(multi ? [m.environment ?? ''] : [])];
  const verdict = m.overall === 'healthy' ? '' : verdictText(m.overall, verdictLabel(m.overall));
  return `<tr><td>${verdict}</td>${cells.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>\n`;
}

export const HTML_GROUP_END = '</tbody></table></details></section>\n';

/** After the groups: the findings, the unrecognised alerts, and the end of the document. */
export function htmlTail(summary: ScanSummary): string {
  const parts = ['</section>'];
  if (summary.findings.length > 0) {
    const multi = summary.environments.length > 1;
    const items = summary.findings.map(
      (f) =>
        `<li><strong>${escapeHtml(findingTitle(f, multi))}:</strong> ${escapeHtml(findingText(f))}${f.remedy ? `<br>${escapeHtml(t('report.remedy'))}: ${escapeHtml(f.remedy)}` : ''}<br>${link(f.learnMoreUrl, t('report.learnMore'))}</li>`,
    );
    parts.push(
      `<section aria-labelledby="findings-heading"><h2 id="findings-heading">${escapeHtml(`${t('report.findings')} (${n(summary.findings.length)})`)}</h2><p class="muted">${escapeHtml(t('cli.scan.findingsNote'))}</p><ul>${items.join('')}</ul></section>`,
    );
  }
  if (summary.unrecognisedAlerts?.length) {
    const rows = summary.unrecognisedAlerts
      .map(
        (a) =>
          `<tr><td class="num">${n(a.count)}</td><td>${a.code === null ? '' : link(learnSearchUrl(a.code), a.code)}</td><td>${escapeHtml(shortened(a.text, 400))}</td></tr>`,
      )
      .join('');
    parts.push(
      `<section aria-labelledby="unrecognised-heading"><h2 id="unrecognised-heading">${escapeHtml(t('cli.scan.unrecognised.heading', { count: n(summary.unrecognisedAlerts.length) }).replace(/:$/, ''))}</h2><table><thead><tr><th class="num">${escapeHtml(t('cli.scan.unrecognised.col.mailboxes'))}</th><th>${escapeHtml(t('alerts.code'))}</th><th>${escapeHtml(t('cli.scan.unrecognised.col.alert'))}</th></tr></thead><tbody>${rows}</tbody></table></section>`,
    );
  }
  parts.push('</main>', `<footer>${escapeHtml(t('cli.html.footer'))}</footer>`, '</body>', '</html>', '');
  return parts.join('\n');
}
