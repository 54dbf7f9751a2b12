/**
 * The weekly summary for a channel: a Teams Workflows webhook (an Adaptive Card 1.4 in a `message`; the Office 365
 * connector webhooks are retired) or a Slack incoming webhook ({text, blocks}). The format comes from the URL's host or
 * --webhook-format. The URL is a secret: it is never printed, and errors name only the HTTP status or network reason.
 */
import { CHECK_ORDER } from '../diagnostics/report';
import { UsageError } from './http/environment';
import { networkReason, type Fetch } from './http/webapi';
import { checkTitle, findingText, findingTitle, type ScanDocument } from './scan-report';
import { cardText, cleanLine, slackText } from './sanitize';
import { t } from './text';

export type WebhookFormat = 'teams' | 'slack';

/** Mailboxes listed by name in a post; the rest are counted. */
export const POST_MAILBOX_LIMIT = 10;
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
  if (host.endsWith('.logic.azure.com') || host.endsWith('.powerplatform.com') || host === 'powerplatform.com') return 'teams';
  throw new UsageError('cli.usage.webhookUnknown');
}

export function checkWebhookUrl(raw: string): void {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError('cli.usage.webhookUrl');
  }
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) throw new UsageError('cli.usage.webhookHttps');
}

const n = (value: number) => value.toLocaleString('en-US');

function headline(doc: ScanDocument): string {
  return t('cli.post.headline', { failing: n(doc.failing), total: n(doc.total) });
}

function sloLine(doc: ScanDocument): string | null {
  if (!doc.slo) return null;
  return t(doc.slo.within ? 'cli.scan.sloWithin' : 'cli.scan.sloExceeded', { failing: n(doc.failing), allowed: n(doc.slo.allowed), max: doc.slo.maxFailing });
}

function topChecks(doc: ScanDocument): { title: string; fail: number }[] {
  return CHECK_ORDER.map((id) => ({ title: checkTitle(id), fail: doc.byCheck[id].fail }))
    .filter((c) => c.fail > 0)
    .sort((a, b) => b.fail - a.fail)
    .slice(0, 5);
}

function failingMailboxes(doc: ScanDocument) {
  return doc.mailboxes.filter((m) => m.overall === 'failing');
}

/** The findings a post quotes (title and what it says, plain text), and how many more there are. */
function postedFindings(doc: ScanDocument): { heading: string; lines: string[]; more: string | null } {
  const multi = doc.environments.length > 1;
  return {
    heading: t('cli.post.findings', { count: n(doc.findings.length) }),
    lines: doc.findings.slice(0, POST_FINDING_LIMIT).map((f) => {
      const line = `${findingTitle(f, multi)}: ${findingText(f)}`;
      return line.length > POST_FINDING_CHARS ? `${line.slice(0, POST_FINDING_CHARS - 1)}…` : line;
    }),
    more: doc.findings.length > POST_FINDING_LIMIT ? t('cli.post.more', { count: n(doc.findings.length - POST_FINDING_LIMIT) }) : null,
  };
}

export function teamsPayload(doc: ScanDocument): unknown {
  const body: unknown[] = [
    { type: 'TextBlock', text: cardText(headline(doc)), weight: 'Bolder', size: 'Medium', wrap: true },
    {
      type: 'TextBlock',
      text: cardText(t('cli.post.counts', { healthy: n(doc.healthy), warning: n(doc.warning), failing: n(doc.failing), unknown: n(doc.unknown) })),
      wrap: true,
      spacing: 'None',
      isSubtle: true,
    },
  ];
  const slo = sloLine(doc);
  if (slo) body.push({ type: 'TextBlock', text: cardText(slo), wrap: true, color: doc.slo?.within ? 'Good' : 'Attention' });
  if (doc.change) {
    body.push({ type: 'TextBlock', text: cardText(t('cli.post.change', { failing: signed(doc.change.failing), newlyFailing: n(doc.change.newlyFailing.length), noLongerFailing: n(doc.change.noLongerFailing.length) })), wrap: true });
  }
  body.push({
    type: 'FactSet',
    facts: doc.environments.map((e) => ({
      title: cardText(e.url),
      value: cardText(e.error ? t('cli.post.environmentError') : t('cli.post.environmentCounts', { failing: n(e.failing), total: n(e.total) })),
    })),
  });
  const checks = topChecks(doc);
  if (checks.length > 0) {
    body.push({ type: 'TextBlock', text: cardText(t('cli.post.topChecks')), weight: 'Bolder', wrap: true });
    body.push({ type: 'FactSet', facts: checks.map((c) => ({ title: cardText(c.title), value: n(c.fail) })) });
  }
  const failing = failingMailboxes(doc);
  if (failing.length > 0) {
    body.push({ type: 'TextBlock', text: cardText(t('cli.post.failingMailboxes')), weight: 'Bolder', wrap: true });
    body.push({
      type: 'FactSet',
      facts: failing.slice(0, POST_MAILBOX_LIMIT).map((m) => ({
        title: cardText(m.name ?? m.id),
        value: cardText(m.startHere ? checkTitle(m.startHere) : ''),
      })),
    });
    if (failing.length > POST_MAILBOX_LIMIT) body.push({ type: 'TextBlock', text: cardText(t('cli.post.more', { count: n(failing.length - POST_MAILBOX_LIMIT) })), wrap: true, isSubtle: true });
  }
  if (doc.findings.length > 0) {
    const findings = postedFindings(doc);
    body.push({ type: 'TextBlock', text: cardText(findings.heading), weight: 'Bolder', wrap: true });
    for (const line of findings.lines) body.push({ type: 'TextBlock', text: cardText(line), wrap: true, spacing: 'Small' });
    if (findings.more) body.push({ type: 'TextBlock', text: cardText(findings.more), wrap: true, isSubtle: true });
  }
  const unreadable = doc.environments.flatMap((e) => e.unreadable.map((u) => u.reason));
  if (unreadable.length > 0) body.push({ type: 'TextBlock', text: cardText(t('cli.post.unreadable', { reasons: unreadable.join(' ') })), wrap: true, color: 'Warning' });
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: { $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', type: 'AdaptiveCard', version: '1.4', msteams: { width: 'Full' }, body },
      },
    ],
  };
}

const signed = (value: number) => (value > 0 ? `+${n(value)}` : n(value));

export function slackPayload(doc: ScanDocument): unknown {
  const lines = [`*${slackText(headline(doc))}*`, slackText(t('cli.post.counts', { healthy: n(doc.healthy), warning: n(doc.warning), failing: n(doc.failing), unknown: n(doc.unknown) }))];
  const slo = sloLine(doc);
  if (slo) lines.push(slackText(slo));
  if (doc.change) lines.push(slackText(t('cli.post.change', { failing: signed(doc.change.failing), newlyFailing: n(doc.change.newlyFailing.length), noLongerFailing: n(doc.change.noLongerFailing.length) })));
  const blocks: unknown[] = [{ type: 'section', text: { type: 'mrkdwn', text: lines.join('\n') } }];
  blocks.push({
    type: 'section',
    text: {
      type: 'mrkdwn',
      text: doc.environments.map((e) => `• ${slackText(e.url)}: ${slackText(e.error ? t('cli.post.environmentError') : t('cli.post.environmentCounts', { failing: n(e.failing), total: n(e.total) }))}`).join('\n'),
    },
  });
  const checks = topChecks(doc);
  if (checks.length > 0) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: [`*${slackText(t('cli.post.topChecks'))}*`, ...checks.map((c) => `• ${slackText(c.title)}: ${n(c.fail)}`)].join('\n') } });
  }
  const failing = failingMailboxes(doc);
  if (failing.length > 0) {
    const items = failing.slice(0, POST_MAILBOX_LIMIT).map((m) => `• ${slackText(m.name ?? m.id)}${m.startHere ? ` — ${slackText(checkTitle(m.startHere))}` : ''}`);
    if (failing.length > POST_MAILBOX_LIMIT) items.push(slackText(t('cli.post.more', { count: n(failing.length - POST_MAILBOX_LIMIT) })));
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: [`*${slackText(t('cli.post.failingMailboxes'))}*`, ...items].join('\n') } });
  }
  if (doc.findings.length > 0) {
    const findings = postedFindings(doc);
    const items = [...findings.lines.map((line) => `• ${slackText(line)}`), ...(findings.more ? [slackText(findings.more)] : [])];
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: [`*${slackText(findings.heading)}*`, ...items].join('\n') } });
  }
  const unreadable = doc.environments.flatMap((e) => e.unreadable.map((u) => u.reason));
  if (unreadable.length > 0) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: slackText(t('cli.post.unreadable', { reasons: unreadable.join(' ') })) }] });
  return { text: slackText(headline(doc)), blocks };
}

export class PostError extends Error {}

/** Posts the summary; throws PostError with a message that never contains the URL. */
export async function postSummary(fetchImpl: Fetch, url: string, format: WebhookFormat, doc: ScanDocument): Promise<void> {
  const payload = format === 'teams' ? teamsPayload(doc) : slackPayload(doc);
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
    throw new PostError(t('cli.post.networkFailed', { format: t(`cli.post.format.${format}`), reason: cleanLine(networkReason(error)) }));
  }
  if (!response.ok) throw new PostError(t('cli.post.failed', { format: t(`cli.post.format.${format}`), status: response.status }));
}
