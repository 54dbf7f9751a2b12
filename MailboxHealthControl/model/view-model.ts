/**
 * Pure mapping from the engine's report to what the panel shows: every string already resolved through the
 * catalogue, every date already in the user's time zone. The components only lay this out.
 */
import {
  alertSearch,
  formatEvidenceValue as engineFormatValue,
  itemSubject,
  type AlertGroup,
  type CheckId,
  type CheckResult,
  type CheckStatus,
  type DiagnosisReport,
  type Evidence,
  type EvidenceValue,
  type Finding,
  type ItemFailure,
  type Verdict,
} from '../../diagnostics';
import type { Strings } from './strings';
import { relativeTime, type DateFormatter } from './time';

export type Tone = 'success' | 'warning' | 'danger' | 'info' | 'neutral';

export interface EvidenceRow {
  label: string;
  value: string;
}

export interface AlertView {
  level: 1 | 2 | 3;
  levelLabel: string;
  tone: Tone;
  shape: 'fail' | 'warn' | 'info';
  text: string;
  details: string | null;
  onProfile: boolean;
  countLabel: string;
  lastSeenLabel: string;
  /** Current, recovered since when, or retried automatically: in words, beside the colour. */
  stateLabel: string | null;
  recognised?: { cause: string; fix: string; learnMoreUrl: string | null };
  /** An unrecognised alert's code and a Learn search for it. */
  search?: { code: string; url: string };
}

export interface CheckView {
  id: CheckId;
  title: string;
  status: CheckStatus;
  /** The word shown next to the icon: the status word, or "Could not check" for an error. */
  statusLabel: string;
  tone: Tone;
  summary: string;
  startHere: boolean;
  couldNotCheck: boolean;
  evidence: EvidenceRow[];
  remedy: string | null;
  learnMoreUrl: string | null;
  alerts: AlertView[] | null;
  /** Failed items: the subject (or "Subject hidden") as label, the error, code and time as value. */
  items: EvidenceRow[] | null;
  /** The check that carries this symptom's root cause ("See <title>" moves there). */
  explainedBy: { id: CheckId; title: string } | null;
}

/** A profile or environment finding: information beside the checks, never part of the verdict. */
export interface FindingView {
  key: string;
  kind: Finding['kind'];
  /** "Email server profile: Contoso Exchange Online". */
  title: string;
  summary: string;
  evidence: EvidenceRow[];
  remedy: string | null;
  learnMoreUrl: string | null;
}

export interface PanelView {
  name: string;
  address: string;
  verdict: Verdict;
  verdictLabel: string;
  tone: Tone;
  diagnosedLabel: string;
  startHere: CheckId | null;
  partial: boolean;
  checks: CheckView[];
  findings: FindingView[];
  timing: EvidenceRow[];
}

export const STATUS_TONE: Record<CheckStatus, Tone> = {
  pass: 'success',
  warn: 'warning',
  fail: 'danger',
  info: 'info',
  skipped: 'neutral',
  error: 'neutral',
};

export const VERDICT_TONE: Record<Verdict, Tone> = {
  healthy: 'success',
  warning: 'warning',
  failing: 'danger',
  unknown: 'neutral',
};

/** tracelog.level: 3 = Error, 2 = Warning, 1 = Information. */
const ALERT_TONE: Record<1 | 2 | 3, Tone> = { 3: 'danger', 2: 'warning', 1: 'info' };
const ALERT_SHAPE: Record<1 | 2 | 3, 'fail' | 'warn' | 'info'> = { 3: 'fail', 2: 'warn', 1: 'info' };

export interface ViewContext {
  strings: Strings;
  dates: DateFormatter;
  now: Date;
}

function keyed(strings: Strings, key: string, fallback: string): string {
  return strings.has(key) ? strings.t(key) : fallback;
}

/** A date as "<user time> (<relative>)", or the raw text when it does not parse. */
export function formatInstant(iso: string, ctx: ViewContext): string {
  const time = ctx.dates.format(iso);
  if (time === null) return iso;
  const relative = relativeTime(iso, ctx.now, ctx.strings);
  return relative === null ? time : ctx.strings.t('panel.timing.value', { time, relative });
}

/** Evidence as text: dates in the user's time zone with relative time; everything else exactly as the engine renders it. */
export function formatEvidenceValue(value: EvidenceValue, ctx: ViewContext): string {
  if (value.kind === 'datetime') return formatInstant(value.iso, ctx);
  return engineFormatValue(value, { catalogue: ctx.strings.catalogue });
}

function alertView(group: AlertGroup, ctx: ViewContext): AlertView {
  const { strings } = ctx;
  const search = group.recognised ? null : alertSearch(group.text, group.details, group.code);
  const levelLabel =
    group.levelLabel !== undefined && group.levelLabel.trim() !== ''
      ? group.levelLabel
      : keyed(strings, `option.tracelog.level.${group.level}`, String(group.level));
  // An Error alert that has recovered, or that server-side sync retries by itself, only warns.
  const level = group.level === 3 && group.state !== undefined && group.state !== 'current' ? 2 : group.level;
  return {
    level: group.level,
    levelLabel,
    tone: ALERT_TONE[level] ?? 'neutral',
    shape: ALERT_SHAPE[level] ?? 'info',
    text: group.text,
    details: group.details,
    onProfile: group.regarding === 'emailserverprofile',
    countLabel:
      group.count === 1 ? strings.t('panel.alerts.countOnce') : strings.t('panel.alerts.count', { count: group.count }),
    lastSeenLabel: strings.t('panel.alerts.lastSeen', { time: formatInstant(group.lastSeen, ctx) }),
    stateLabel: group.state
      ? strings.t(`alertState.${group.state}`, { time: formatInstant(group.recoveredSince ?? '', ctx) })
      : null,
    recognised: group.recognised && {
      cause: strings.message(group.recognised.cause),
      fix: strings.message(group.recognised.fix),
      learnMoreUrl: safeUrl(group.recognised.learnMoreUrl),
    },
    ...(search ? { search } : {}),
  };
}

function safeUrl(url: string | undefined): string | null {
  // Only web links: a javascript: or data: URL from anywhere never becomes an href.
  return url !== undefined && /^https:\/\//i.test(url) ? url : null;
}

function evidenceRows(evidence: Evidence[], ctx: ViewContext): EvidenceRow[] {
  return evidence.map((e) => ({ label: ctx.strings.message(e.label), value: formatEvidenceValue(e.value, ctx) }));
}

function itemRow(item: ItemFailure, ctx: ViewContext): EvidenceRow {
  const { strings } = ctx;
  const facts = [item.error ?? strings.t('value.notSet')];
  if (item.code !== null) facts.push(strings.t('panel.items.code', { code: item.code }));
  if (item.occurredOn !== null) facts.push(formatInstant(item.occurredOn, ctx));
  return { label: itemSubject(item, strings.catalogue), value: facts.join(' · ') };
}

/** A finding's alert (quoted by its summary) adds what the summary leaves out: the recognised cause and when it was seen. */
export function findingView(finding: Finding, ctx: ViewContext): FindingView {
  const { strings } = ctx;
  const evidence = evidenceRows(finding.evidence, ctx);
  if (finding.alert) {
    const alert = alertView(finding.alert, ctx);
    if (alert.recognised) evidence.push({ label: strings.t('panel.alerts.cause'), value: alert.recognised.cause });
    evidence.push({ label: alert.levelLabel, value: `${alert.countLabel} · ${alert.lastSeenLabel}` });
  }
  const subject = finding.subject.name?.trim() || finding.subject.id || strings.t('value.notSet');
  return {
    key: finding.key,
    kind: finding.kind,
    title: `${keyed(strings, `finding.scope.${finding.scope}`, finding.scope)}: ${subject}`,
    summary: strings.message(finding.summary),
    evidence,
    remedy: finding.remedy ? strings.message(finding.remedy) : null,
    learnMoreUrl: safeUrl(finding.learnMoreUrl),
  };
}

export function checkView(
  check: CheckResult,
  startHere: CheckId | null,
  ctx: ViewContext,
  titles: ReadonlyMap<CheckId, string> = new Map(),
): CheckView {
  const { strings } = ctx;
  const couldNotCheck = check.status === 'error';
  const causeTitle = check.explainedBy ? titles.get(check.explainedBy) : undefined;
  return {
    id: check.id,
    title: strings.message(check.title),
    status: check.status,
    statusLabel: couldNotCheck
      ? strings.t('panel.check.couldNotCheck')
      : keyed(strings, `status.${check.status}`, check.status),
    tone: STATUS_TONE[check.status] ?? 'neutral',
    summary: strings.message(check.summary),
    startHere: check.id === startHere,
    couldNotCheck,
    evidence: evidenceRows(check.evidence, ctx),
    remedy: check.remedy ? strings.message(check.remedy) : null,
    learnMoreUrl: safeUrl(check.learnMoreUrl),
    alerts: check.alerts ? check.alerts.map((a) => alertView(a, ctx)) : null,
    items: check.items ? check.items.map((item) => itemRow(item, ctx)) : null,
    // Only a check the panel lists can be navigated to.
    explainedBy: check.explainedBy && causeTitle !== undefined ? { id: check.explainedBy, title: causeTitle } : null,
  };
}

/** The sync-recency evidence the header's timing block repeats: last successful sync and next expected sync. */
export const TIMING_LABELS = ['evidence.lastSuccessfulSync', 'evidence.nextSync'] as const;

export function toPanelView(report: DiagnosisReport, ctx: ViewContext): PanelView {
  const { strings } = ctx;
  // The engine lists the checks in the debugging order (CHECK_ORDER); the panel keeps that order.
  const titles = new Map(report.checks.map((c) => [c.id, strings.message(c.title)]));
  const checks = report.checks.map((c) => checkView(c, report.startHere, ctx, titles));
  const syncCheck = report.checks.find((c) => c.id === 'sync-recency');
  const timing = evidenceRows(
    (syncCheck?.evidence ?? []).filter((e) => (TIMING_LABELS as readonly string[]).includes(e.label.key)),
    ctx,
  );
  const name = report.mailbox.name?.trim() ? report.mailbox.name : strings.t('panel.header.unnamed');
  const address = report.mailbox.emailAddress?.trim()
    ? report.mailbox.emailAddress
    : strings.t('panel.header.noAddress');
  return {
    name,
    address,
    verdict: report.overall,
    verdictLabel: keyed(strings, `verdict.${report.overall}`, report.overall),
    tone: VERDICT_TONE[report.overall] ?? 'neutral',
    diagnosedLabel: strings.t('panel.header.diagnosedAt', { time: formatInstant(report.diagnosedAt, ctx) }),
    startHere: report.startHere,
    partial: report.checks.some((c) => c.status === 'error'),
    checks,
    findings: report.findings.map((f) => findingView(f, ctx)),
    timing,
  };
}
