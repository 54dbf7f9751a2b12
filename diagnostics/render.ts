/**
 * A report as text for people: plain text (terminal, clipboard) or markdown (support tickets), and the rendered JSON
 * the CLI prints. Words come from the catalogue the surface passes in (the control's is its resx, so the engine's
 * English never ships in its bundle). Dates are formatted by the caller's formatter (the control uses the user's time
 * zone); the default is ISO 8601 UTC, unambiguous in a ticket.
 */
import { formatMessage, optionMessage, type Catalogue } from './messages/format';
import type { AlertGroup, CheckResult, DiagnosisReport, Evidence, EvidenceValue, Finding, ItemFailure } from './model';
import { alertSearch } from './alerts/codes';

export interface RenderOptions {
  catalogue: Catalogue;
  formatDate?: (iso: string) => string;
}

export function formatDuration(seconds: number, catalogue: Catalogue): string {
  if (seconds < 120) return formatMessage({ key: 'value.seconds', params: { seconds } }, catalogue);
  if (seconds < 7200)
    return formatMessage({ key: 'value.minutes', params: { minutes: Math.round(seconds / 60) } }, catalogue);
  return formatMessage({ key: 'value.hours', params: { hours: Math.round(seconds / 360) / 10 } }, catalogue);
}

export function formatEvidenceValue(value: EvidenceValue, options: RenderOptions): string {
  const { catalogue } = options;
  switch (value.kind) {
    case 'text':
      return value.text;
    case 'number':
      return String(value.value);
    case 'boolean':
      return formatMessage({ key: value.value ? 'value.yes' : 'value.no' }, catalogue);
    case 'datetime':
      return (options.formatDate ?? ((iso) => iso))(value.iso);
    case 'duration':
      return formatDuration(value.seconds, catalogue);
    case 'option':
      return value.label ?? formatMessage(optionMessage(value.optionSet, value.value), catalogue);
    case 'message':
      return formatMessage(value.message, catalogue);
    case 'none':
      return formatMessage({ key: 'value.notSet' }, catalogue);
  }
}

export interface RenderedAlert {
  level: number;
  code: number | null;
  text: string;
  count: number;
  lastSeen: string;
  regarding: string;
  /** current, recovered (since `recoveredSince`) or transient; null when the engine did not judge it (a profile finding's alert). */
  state: NonNullable<AlertGroup['state']> | null;
  recoveredSince: string | null;
  cause: string | null;
  fix: string | null;
  /** An unrecognised alert's code (from its text, details or tracecode) and a Learn search for it. */
  search: { code: string; url: string } | null;
}

export interface RenderedItem {
  /** The item's subject, or "Subject hidden" when Dataverse hid it from this caller (`subjectHidden`). */
  subject: string;
  subjectHidden: boolean;
  error: string | null;
  code: number | null;
  occurredOn: string | null;
}

export interface RenderedCheck {
  id: string;
  title: string;
  status: CheckResult['status'];
  summary: string;
  remedy: string | null;
  learnMoreUrl: string;
  evidence: { label: string; value: string }[];
  alerts?: RenderedAlert[];
  items?: RenderedItem[];
  /** The check that carries the root cause of this symptom. */
  explainedBy?: string;
}

/** A profile or environment finding: information beside the checks, never part of the verdict. */
export interface RenderedFinding {
  kind: Finding['kind'];
  scope: Finding['scope'];
  subject: Finding['subject'];
  summary: string;
  remedy: string | null;
  learnMoreUrl: string;
  evidence: { label: string; value: string }[];
  alert?: RenderedAlert;
}

export interface RenderedReport {
  mailbox: DiagnosisReport['mailbox'];
  environment: string | null;
  diagnosedAt: string;
  overall: DiagnosisReport['overall'];
  startHere: DiagnosisReport['startHere'];
  checks: RenderedCheck[];
  findings: RenderedFinding[];
}

function renderEvidence(item: Evidence, options: RenderOptions) {
  return { label: formatMessage(item.label, options.catalogue), value: formatEvidenceValue(item.value, options) };
}

function renderAlert(alert: AlertGroup, catalogue: Catalogue): RenderedAlert {
  return {
    level: alert.level,
    code: alert.code,
    text: alert.text,
    count: alert.count,
    lastSeen: alert.lastSeen,
    regarding: alert.regarding,
    state: alert.state ?? null,
    recoveredSince: alert.recoveredSince ?? null,
    cause: alert.recognised ? formatMessage(alert.recognised.cause, catalogue) : null,
    fix: alert.recognised ? formatMessage(alert.recognised.fix, catalogue) : null,
    search: alert.recognised ? null : alertSearch(alert.text, alert.details, alert.code),
  };
}

/** Dataverse hides an item's subject from anyone but the mailbox owner; the item still counts, under "Subject hidden". */
export function itemSubject(item: ItemFailure, catalogue: Catalogue): string {
  return item.subject ?? formatMessage({ key: 'check.item-failures.subjectHidden' }, catalogue);
}

export function renderCheck(check: CheckResult, options: RenderOptions): RenderedCheck {
  const { catalogue } = options;
  return {
    id: check.id,
    title: formatMessage(check.title, catalogue),
    status: check.status,
    summary: formatMessage(check.summary, catalogue),
    remedy: check.remedy ? formatMessage(check.remedy, catalogue) : null,
    learnMoreUrl: check.learnMoreUrl,
    evidence: check.evidence.map((item) => renderEvidence(item, options)),
    ...(check.alerts ? { alerts: check.alerts.map((alert) => renderAlert(alert, catalogue)) } : {}),
    ...(check.items
      ? {
          items: check.items.map((item) => ({
            subject: itemSubject(item, catalogue),
            subjectHidden: item.subject === null,
            error: item.error,
            code: item.code,
            occurredOn: item.occurredOn,
          })),
        }
      : {}),
    ...(check.explainedBy ? { explainedBy: check.explainedBy } : {}),
  };
}

export function renderFinding(finding: Finding, options: RenderOptions): RenderedFinding {
  const { catalogue } = options;
  return {
    kind: finding.kind,
    scope: finding.scope,
    subject: finding.subject,
    summary: formatMessage(finding.summary, catalogue),
    remedy: finding.remedy ? formatMessage(finding.remedy, catalogue) : null,
    learnMoreUrl: finding.learnMoreUrl,
    evidence: finding.evidence.map((item) => renderEvidence(item, options)),
    ...(finding.alert ? { alert: renderAlert(finding.alert, catalogue) } : {}),
  };
}

/** The CLI's JSON: the engine's report with every message rendered to text. */
export function renderReportJson(report: DiagnosisReport, options: RenderOptions): RenderedReport {
  return {
    mailbox: report.mailbox,
    environment: report.environment,
    diagnosedAt: report.diagnosedAt,
    overall: report.overall,
    startHere: report.startHere,
    checks: report.checks.map((check) => renderCheck(check, options)),
    findings: report.findings.map((finding) => renderFinding(finding, options)),
  };
}

const STATUS_MARK: Record<CheckResult['status'], string> = {
  pass: '[PASS]',
  warn: '[WARN]',
  fail: '[FAIL]',
  info: '[INFO]',
  skipped: '[SKIP]',
  error: '[ERROR]',
};

/** Markdown special characters in Dataverse text are escaped so an alert cannot restructure the ticket. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]()#+\-.!|<>])/g, '\\$1').replace(/\r?\n/g, ' ');
}

export function renderReport(report: DiagnosisReport, format: 'text' | 'markdown', options: RenderOptions): string {
  const { catalogue } = options;
  const t = (key: Parameters<typeof formatMessage>[0]['key'], params?: Record<string, string | number>) =>
    formatMessage({ key, params }, catalogue);
  const md = format === 'markdown';
  const esc = (text: string) => (md ? escapeMarkdown(text) : text);
  const date = options.formatDate ?? ((iso: string) => iso);
  const rendered = renderReportJson(report, options);
  const titleOf = (id: string) => rendered.checks.find((c) => c.id === id)?.title ?? id;
  const lines: string[] = [];
  /** One line under a heading: a list item in markdown (escaped), indented in text. */
  const detail = (text: string, mark = '-') => lines.push(md ? `- ${esc(text)}` : `  ${mark} ${text}`);
  const name = report.mailbox.name ?? report.mailbox.id;
  lines.push(md ? `# ${t('report.heading', { name: esc(name) })}` : t('report.heading', { name }));
  lines.push('');
  const facts: [string, string][] = [
    [t('report.address'), report.mailbox.emailAddress ?? t('value.notSet')],
    [t('report.mailboxId'), report.mailbox.id],
    ...(report.environment ? [[t('report.environment'), report.environment] as [string, string]] : []),
    [t('report.diagnosedAt'), date(report.diagnosedAt)],
    [t('report.overall'), t(`verdict.${report.overall}`)],
    [t('report.startHere'), report.startHere ? titleOf(report.startHere) : t('report.nothingToFix')],
  ];
  for (const [label, value] of facts) lines.push(md ? `- **${label}:** ${esc(value)}` : `${label}: ${value}`);

  /** In a finding the summary already quotes the alert and the remedy is its fix: only the facts and the cause remain. */
  const alertLines = (alert: RenderedAlert, inFinding: boolean) => {
    const state = alert.state ? `; ${t(`alertState.${alert.state}`, { time: date(alert.recoveredSince ?? '') })}` : '';
    const head = `${t(alert.level === 3 ? 'option.tracelog.level.3' : 'option.tracelog.level.2')} ×${alert.count} (${t('report.lastSeen')} ${date(alert.lastSeen)}${state})`;
    detail(inFinding ? head : `${head}: ${alert.text}`, '!');
    const cause = inFinding ? alert.cause : alert.cause && `${alert.cause} ${alert.fix ?? ''}`;
    if (cause) lines.push(md ? `  - ${esc(cause)}` : `    ${cause}`);
    if (alert.search) {
      const code = `${t('alerts.code')}: ${alert.search.code}`;
      lines.push(
        md
          ? `  - ${esc(code)}. ${t('alerts.searchLearn')}: <${alert.search.url}>`
          : `    ${code}. ${t('alerts.searchLearn')}: ${alert.search.url}`,
      );
    }
  };
  const block = (
    level: '##' | '###',
    heading: string,
    entry: {
      summary: string;
      evidence: { label: string; value: string }[];
      remedy: string | null;
      learnMoreUrl: string;
    },
    more: () => void,
  ) => {
    lines.push('', md ? `${level} ${heading}` : heading, esc(entry.summary));
    more();
    for (const item of entry.evidence) detail(`${item.label}: ${item.value}`);
    if (entry.remedy)
      lines.push(md ? `- **${t('report.remedy')}:** ${esc(entry.remedy)}` : `  ${t('report.remedy')}: ${entry.remedy}`);
    lines.push(
      md ? `- ${t('report.learnMore')}: <${entry.learnMoreUrl}>` : `  ${t('report.learnMore')}: ${entry.learnMoreUrl}`,
    );
  };

  for (const check of rendered.checks) {
    const start = check.id === report.startHere ? ` — ${t('report.startHereMark')}` : '';
    block('##', `${STATUS_MARK[check.status]} ${check.title}${start}`, check, () => {
      if (check.explainedBy) detail(t('report.explainedBy', { check: titleOf(check.explainedBy) }), '>');
      for (const alert of check.alerts ?? []) alertLines(alert, false);
      for (const item of check.items ?? []) {
        const when = item.occurredOn ? ` (${date(item.occurredOn)})` : '';
        const code = item.code !== null ? ` [${item.code}]` : '';
        detail(`${item.subject}${when}: ${item.error ?? t('value.notSet')}${code}`, '*');
      }
    });
  }

  if (rendered.findings.length > 0) {
    lines.push('', md ? `## ${t('report.findings')}` : t('report.findings'), t('report.findingsNote'));
    for (const finding of rendered.findings) {
      const subject = finding.subject.name ?? finding.subject.id ?? t('value.notSet');
      block('###', `${STATUS_MARK.info} ${t(`finding.scope.${finding.scope}`)}: ${esc(subject)}`, finding, () => {
        if (finding.alert) alertLines(finding.alert, true);
      });
    }
  }
  return `${lines.join('\n')}\n`;
}
