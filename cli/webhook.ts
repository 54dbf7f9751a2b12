/**
 * The weekly summary for a channel: a Teams Workflows webhook (an Adaptive Card 1.4 in a `message`; the Office 365
 * connector webhooks are retired) or a Slack incoming webhook ({text, blocks}). The format comes from the URL's host or
 * --webhook-format. The URL is a secret: it is never printed, and errors name only the HTTP status or network reason.
 *
 * A post carries the summary, the findings and the largest causes of failing mailboxes (each with its fix), never the
 * list of mailboxes: its size does not depend on the fleet's. With --report-url it links to the HTML report.
 */
import { UsageError } from './errors';
import { networkReason, type Fetch } from './http/webapi';
import { checkTitle, findingText, findingTitle, type ScanSummary } from './scan-report';
import type { CauseCounts } from './scan-groups';
import { cardText, cleanLine, slackText } from './sanitize';
import { t } from './text';

export type WebhookFormat = 'teams' | 'slack';

/** What a post says: the scan's summary, its cause groups (largest first) and where the full report is. */
export interface PostContent {
  summary: ScanSummary;
  groups: CauseCounts[];
  reportUrl?: string;
}

/** Causes of failing mailboxes named in a post; the rest are counted. */
export const POST_GROUP_LIMIT = 5;
/** A fix quoted in a post is cut here (the report has it whole). */
const POST_FIX_CHARS = 300;
/** Profile and environment findings quoted in a post; the rest are counted. */
export const POST_FINDING_LIMIT = 3;
/** An alert text can run to thousands of characters; a Slack section takes 3,000 in all. */
const POST_FINDING_CHARS = 400;
const POST_TIMEOUT_MS = 30_000;

export function webhookFormat(raw: string, explicit?: string): WebhookFormat {
  if (explicit !== undefined) {
    if (explicit === 'teams' || explicit === 'slack') return explicit;
    throw new UsageError('cli.usage.webhookFormat', { format: explicit });
  }
  let host: string;
  try {
    host = new URL(raw).hostname.toLowerCase();
  } catch {
    throw new UsageError('cli.usage.webhookUrl');
  }
  if (host === 'hooks.slack.com') return 'slack';
  if (host.endsWith('.logic.azure.com') || host.endsWith('.powerplatform.com') || host === 'powerplatform.com')
    return 'teams';
  throw new UsageError('cli.usage.webhookUnknown');
}

export function checkWebhookUrl(raw: string): void {
  checkHttpsUrl(raw, 'cli.usage.webhookUrl', 'cli.usage.webhookHttps');
}

/** --report-url: where the HTML report will be, for the post to link to (https; http only on this machine). */
export function checkReportUrl(raw: string): void {
  checkHttpsUrl(raw, 'cli.usage.reportUrl', 'cli.usage.reportUrl');
}

function checkHttpsUrl(
  raw: string,
  invalid: 'cli.usage.webhookUrl' | 'cli.usage.reportUrl',
  notHttps: 'cli.usage.webhookHttps' | 'cli.usage.reportUrl',
): void {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(invalid);
  }
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) throw new UsageError(notHttps);
}

const n = (value: number) => value.toLocaleString('en-US');

function headline(summary: ScanSummary): string {
  return t('cli.post.headline', { failing: n(summary.failing), total: n(summary.total) });
}

function sloLine(summary: ScanSummary): string | null {
  if (!summary.slo) return null;
  return t(summary.slo.within ? 'cli.scan.sloWithin' : 'cli.scan.sloExceeded', {
    failing: n(summary.failing),
    allowed: n(summary.slo.allowed),
    max: summary.slo.maxFailing,
  });
}

function changeLine(summary: ScanSummary): string | null {
  if (!summary.change) return null;
  return t('cli.post.change', {
    failing: signed(summary.change.failing),
    newlyFailing: n(summary.change.newlyFailing),
    noLongerFailing: n(summary.change.noLongerFailing),
  });
}

/** The largest causes of failing mailboxes: "Alerts: 98,000 failing", and the fix (plain text), and how many more. */
function postedGroups(groups: CauseCounts[]): {
  heading: string;
  items: { title: string; fix: string | null }[];
  more: string | null;
} {
  const failing = groups.filter((g) => g.failing > 0).sort((a, b) => b.failing - a.failing);
  return {
    heading: t('cli.post.topGroups'),
    items: failing.slice(0, POST_GROUP_LIMIT).map((g) => ({
      title: t('cli.post.group', {
        check: g.check ? checkTitle(g.check) : t('cli.html.group.noCheck'),
        count: n(g.failing),
      }),
      fix: g.fix === null ? null : cut(`${t('report.remedy')}: ${g.fix}`, POST_FIX_CHARS),
    })),
    more:
      failing.length > POST_GROUP_LIMIT
        ? t('cli.post.moreGroups', { count: n(failing.length - POST_GROUP_LIMIT) })
        : null,
  };
}

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The findings a post quotes (title and what it says, plain text), and how many more there are. */
function postedFindings(summary: ScanSummary): { heading: string; lines: string[]; more: string | null } {
  const multi = summary.environments.length > 1;
  return {
    heading: t('cli.post.findings', { count: n(summary.findings.length) }),
    lines: summary.findings
      .slice(0, POST_FINDING_LIMIT)
      .map((f) => cut(`${findingTitle(f, multi)}: ${findingText(f)}`, POST_FINDING_CHARS)),
    more:
      summary.findings.length > POST_FINDING_LIMIT
        ? t('cli.post.more', { count: n(summary.findings.length - POST_FINDING_LIMIT) })
        : null,
  };
}

const environmentValue = (e: ScanSummary['environments'][number]) =>
  e.error
    ? t('cli.post.environmentError')
    : t('cli.post.environmentCounts', { failing: n(e.failing), total: n(e.total) });

export function teamsPayload({ summary, groups, reportUrl }: PostContent): unknown {
  const body: unknown[] = [
    { type: 'TextBlock', text: cardText(headline(summary)), weight: 'Bolder', size: 'Medium', wrap: true },
    {
      type: 'TextBlock',
      text: cardText(
        t('cli.post.counts', {
          healthy: n(summary.healthy),
          warning: n(summary.warning),
          failing: n(summary.failing),
          unknown: n(summary.unknown),
        }),
      ),
      wrap: true,
      spacing: 'None',
      isSubtle: true,
    },
  ];
  const slo = sloLine(summary);
  if (slo)
    body.push({
      type: 'TextBlock',
      text: cardText(slo),
      wrap: true,
      color: summary.slo?.within ? 'Good' : 'Attention',
    });
  const change = changeLine(summary);
  if (change) body.push({ type: 'TextBlock', text: cardText(change), wrap: true });
  body.push({
    type: 'FactSet',
    facts: summary.environments.map((e) => ({ title: cardText(e.url), value: cardText(environmentValue(e)) })),
  });
  const top = postedGroups(groups);
  if (top.items.length > 0) {
    body.push({ type: 'TextBlock', text: cardText(top.heading), weight: 'Bolder', wrap: true });
    for (const item of top.items) {
      body.push({ type: 'TextBlock', text: cardText(item.title), wrap: true, spacing: 'Small' });
      if (item.fix)
        body.push({ type: 'TextBlock', text: cardText(item.fix), wrap: true, spacing: 'None', isSubtle: true });
    }
    if (top.more) body.push({ type: 'TextBlock', text: cardText(top.more), wrap: true, isSubtle: true });
  }
  if (summary.findings.length > 0) {
    const findings = postedFindings(summary);
    body.push({ type: 'TextBlock', text: cardText(findings.heading), weight: 'Bolder', wrap: true });
    for (const line of findings.lines)
      body.push({ type: 'TextBlock', text: cardText(line), wrap: true, spacing: 'Small' });
    if (findings.more) body.push({ type: 'TextBlock', text: cardText(findings.more), wrap: true, isSubtle: true });
  }
  const unreadable = summary.environments.flatMap((e) => e.unreadable.map((u) => u.reason));
  if (unreadable.length > 0)
    body.push({
      type: 'TextBlock',
      text: cardText(t('cli.post.unreadable', { reasons: unreadable.join(' ') })),
      wrap: true,
      color: 'Warning',
    });
  const card: Record<string, unknown> = {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.4',
    msteams: { width: 'Full' },
    body,
  };
  if (reportUrl) card.actions = [{ type: 'Action.OpenUrl', title: t('cli.post.report'), url: reportUrl }];
  return {
    type: 'message',
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card }],
  };
}

const signed = (value: number) => (value > 0 ? `+${n(value)}` : n(value));

/** A link in Slack mrkdwn: <url|text>; the URL's own <, > and | would end it, so they are percent-encoded. */
const slackLink = (url: string, text: string) =>
  `<${url.replace(/[<>|]/g, (c) => encodeURIComponent(c))}|${slackText(text)}>`;

export function slackPayload({ summary, groups, reportUrl }: PostContent): unknown {
  const lines = [
    `*${slackText(headline(summary))}*`,
    slackText(
      t('cli.post.counts', {
        healthy: n(summary.healthy),
        warning: n(summary.warning),
        failing: n(summary.failing),
        unknown: n(summary.unknown),
      }),
    ),
  ];
  const slo = sloLine(summary);
  if (slo) lines.push(slackText(slo));
  const change = changeLine(summary);
  if (change) lines.push(slackText(change));
  if (reportUrl) lines.push(slackLink(reportUrl, t('cli.post.report')));
  const blocks: unknown[] = [{ type: 'section', text: { type: 'mrkdwn', text: lines.join('\n') } }];
  blocks.push({
    type: 'section',
    text: {
      type: 'mrkdwn',
      text: summary.environments.map((e) => `• ${slackText(e.url)}: ${slackText(environmentValue(e))}`).join('\n'),
    },
  });
  const top = postedGroups(groups);
  if (top.items.length > 0) {
    const items = top.items.map((item) => `• ${slackText(item.title)}${item.fix ? `\n   ${slackText(item.fix)}` : ''}`);
    if (top.more) items.push(slackText(top.more));
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: [`*${slackText(top.heading)}*`, ...items].join('\n') },
    });
  }
  if (summary.findings.length > 0) {
    const findings = postedFindings(summary);
    const items = [
      ...findings.lines.map((line) => `• ${slackText(line)}`),
      ...(findings.more ? [slackText(findings.more)] : []),
    ];
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: [`*${slackText(findings.heading)}*`, ...items].join('\n') },
    });
  }
  const unreadable = summary.environments.flatMap((e) => e.unreadable.map((u) => u.reason));
  if (unreadable.length > 0)
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: slackText(t('cli.post.unreadable', { reasons: unreadable.join(' ') })) }],
    });
  return { text: slackText(headline(summary)), blocks };
}

export class PostError extends Error {}

/** Posts the summary; throws PostError with a message that never contains the URL. */
export async function postSummary(
  fetchImpl: Fetch,
  url: string,
  format: WebhookFormat,
  content: PostContent,
): Promise<void> {
  const payload = format === 'teams' ? teamsPayload(content) : slackPayload(content);
  let response: Response;
  try {
    response = await fetchImpl(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(POST_TIMEOUT_MS),
      redirect: 'error',
    });
    await response.arrayBuffer();
  } catch (error) {
    throw new PostError(
      t('cli.post.networkFailed', { format: t(`cli.post.format.${format}`), reason: cleanLine(networkReason(error)) }),
    );
  }
  if (!response.ok)
    throw new PostError(t('cli.post.failed', { format: t(`cli.post.format.${format}`), status: response.status }));
}
