/**
 * A report as text for people: plain text (terminal, clipboard) or markdown (support tickets), and the rendered JSON
 * the CLI prints. Dates are formatted by the caller's formatter (the control uses the user's time zone); the default
 * is ISO 8601 UTC, unambiguous in a ticket.
 */
import { formatMessage, type Catalogue } from './messages/format';
import { en } from './messages/en';
import type { CheckResult, DiagnosisReport, Evidence, EvidenceValue } from './report';
import { optionLabel } from './checks/common';
import { alertSearch } from './alerts/codes';

export interface RenderOptions {
  catalogue?: Catalogue;
  formatDate?: (iso: string) => string;
}

export function formatDuration(seconds: number, catalogue: Catalogue = en): string {
  if (seconds < 120) return formatMessage({ key: 'value.seconds', params: { seconds } }, catalogue);
  if (seconds < 7200) return formatMessage({ key: 'value.minutes', params: { minutes: Math.round(seconds / 60) } }, catalogue);
  return formatMessage({ key: 'value.hours', params: { hours: Math.round(seconds / 360) / 10 } }, catalogue);
}

export function formatEvidenceValue(value: EvidenceValue, options: RenderOptions = {}): string {
  const catalogue = options.catalogue ?? en;
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
    case 'option': {
      const label = value.label ?? optionLabel(value.optionSet, value.value);
      return typeof label === 'string' ? label : formatMessage(label, catalogue);
    }
    case 'message':
      return formatMessage(value.message, catalogue);
    case 'none':
      return formatMessage({ key: 'value.notSet' }, catalogue);
  }
}

export interface RenderedCheck {
  id: string;
  title: string;
  status: CheckResult['status'];
  summary: string;
  remedy: string | null;
  learnMoreUrl: string;
  evidence: { label: string; value: string }[];
  alerts?: {
    level: number;
    code: number | null;
    text: string;
    count: number;
    lastSeen: string;
    regarding: string;
    cause: string | null;
    fix: string | null;
    /** An unrecognised alert's code (from its text, details or tracecode) and a Learn search for it. */
    search: { code: string; url: string } | null;
  }[];
}

export interface RenderedReport {
  mailbox: DiagnosisReport['mailbox'];
  environment: string | null;
  diagnosedAt: string;
  overall: DiagnosisReport['overall'];
  startHere: DiagnosisReport['startHere'];
  checks: RenderedCheck[];
}

function renderEvidence(item: Evidence, options: RenderOptions) {
  return { label: formatMessage(item.label, options.catalogue), value: formatEvidenceValue(item.value, options) };
}

export function renderCheck(check: CheckResult, options: RenderOptions = {}): RenderedCheck {
  const catalogue = options.catalogue ?? en;
  return {
    id: check.id,
    title: formatMessage(check.title, catalogue),
    status: check.status,
    summary: formatMessage(check.summary, catalogue),
    remedy: check.remedy ? formatMessage(check.remedy, catalogue) : null,
    learnMoreUrl: check.learnMoreUrl,
    evidence: check.evidence.map((item) => renderEvidence(item, options)),
    ...(check.alerts
      ? {
          alerts: check.alerts.map((alert) => ({
            level: alert.level,
            code: alert.code,
            text: alert.text,
            count: alert.count,
            lastSeen: alert.lastSeen,
            regarding: alert.regarding,
            cause: alert.recognised ? formatMessage(alert.recognised.cause, catalogue) : null,
            fix: alert.recognised ? formatMessage(alert.recognised.fix, catalogue) : null,
            search: alert.recognised ? null : alertSearch(alert.text, alert.details, alert.code),
          })),
        }
      : {}),
  };
}

/** The CLI's JSON: the engine's report with every message rendered to text. */
export function renderReportJson(report: DiagnosisReport, options: RenderOptions = {}): RenderedReport {
  return {
    mailbox: report.mailbox,
    environment: report.environment,
    diagnosedAt: report.diagnosedAt,
    overall: report.overall,
    startHere: report.startHere,
    checks: report.checks.map((check) => renderCheck(check, options)),
  };
}

const STATUS_MARK: Record<CheckResult['status'], string> = { pass: '[PASS]', warn: '[WARN]', fail: '[FAIL]', info: '[INFO]', skipped: '[SKIP]', error: '[ERROR]' };

/** Markdown special characters in Dataverse text are escaped so an alert cannot restructure the ticket. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]()#+\-.!|<>])/g, '\\$1').replace(/\r?\n/g, ' ');
}

export function renderReport(report: DiagnosisReport, format: 'text' | 'markdown', options: RenderOptions = {}): string {
  const catalogue = options.catalogue ?? en;
  const t = (key: Parameters<typeof formatMessage>[0]['key'], params?: Record<string, string | number>) => formatMessage({ key, params }, catalogue);
  const md = format === 'markdown';
  const esc = (text: string) => (md ? escapeMarkdown(text) : text);
  const date = options.formatDate ?? ((iso: string) => iso);
  const rendered = renderReportJson(report, options);
  const lines: string[] = [];
  const name = report.mailbox.name ?? report.mailbox.id;
  lines.push(md ? `# ${t('report.heading', { name: esc(name) })}` : t('report.heading', { name }));
  lines.push('');
  const facts: [string, string][] = [
    [t('report.address'), report.mailbox.emailAddress ?? t('value.notSet')],
    [t('report.mailboxId'), report.mailbox.id],
    ...(report.environment ? [[t('report.environment'), report.environment] as [string, string]] : []),
    [t('report.diagnosedAt'), date(report.diagnosedAt)],
    [t('report.overall'), t(`verdict.${report.overall}`)],
    [t('report.startHere'), report.startHere ? rendered.checks.find((c) => c.id === report.startHere)!.title : t('report.nothingToFix')],
  ];
  for (const [label, value] of facts) lines.push(md ? `- **${label}:** ${esc(value)}` : `${label}: ${value}`);
  for (const check of rendered.checks) {
    lines.push('');
    const start = check.id === report.startHere ? ` — ${t('report.startHereMark')}` : '';
    lines.push(md ? `## ${STATUS_MARK[check.status]} ${check.title}${start}` : `${STATUS_MARK[check.status]} ${check.title}${start}`);
    lines.push(md ? esc(check.summary) : check.summary);
    for (const item of check.evidence) lines.push(md ? `- ${esc(item.label)}: ${esc(item.value)}` : `  - ${item.label}: ${item.value}`);
    for (const alert of check.alerts ?? []) {
      const head = `${t(alert.level === 3 ? 'option.tracelog.level.3' : 'option.tracelog.level.2')} ×${alert.count} (${t('report.lastSeen')} ${date(alert.lastSeen)}): `;
      lines.push(md ? `- ${esc(head)}${esc(alert.text)}` : `  ! ${head}${alert.text}`);
      if (alert.cause) lines.push(md ? `  - ${esc(alert.cause)} ${esc(alert.fix ?? '')}` : `    ${alert.cause} ${alert.fix ?? ''}`);
      if (alert.search) {
        const code = `${t('alerts.code')}: ${alert.search.code}`;
        lines.push(md ? `  - ${esc(code)}. ${t('alerts.searchLearn')}: <${alert.search.url}>` : `    ${code}. ${t('alerts.searchLearn')}: ${alert.search.url}`);
      }
    }
    if (check.remedy) lines.push(md ? `- **${t('report.remedy')}:** ${esc(check.remedy)}` : `  ${t('report.remedy')}: ${check.remedy}`);
    lines.push(md ? `- ${t('report.learnMore')}: <${check.learnMoreUrl}>` : `  ${t('report.learnMore')}: ${check.learnMoreUrl}`);
  }
  return `${lines.join('\n')}\n`;
}
