/**
 * `mailbox-health scan`: a verdict for every server-side sync mailbox of one or more environments, read in bulk (the
 * engine's fleet scan). Exit 0 within the SLO, 2 when failing exceeds --max-failing, 1 on error — an environment that
 * could not be scanned, one where no mailbox matched (unless --allow-empty), an unreadable --previous file, or a
 * failed post (after the report is printed).
 *
 * A scan never calls clean what it did not see: no organization record, or any read answered with something that is
 * not Dataverse's answer (a sign-in page, cut JSON), means the environment could not be scanned; and when the account
 * reads mailboxes below organization level, stderr says the fleet is incomplete.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { toDataverseError } from '../../diagnostics/errors';
import { FleetTally, startFleetScan } from '../../diagnostics/fleet';
import { UnrecognisedAlertTally } from '../../diagnostics/alerts/unrecognised';
import type { ReadFailure } from '../../diagnostics/input';
import { checkFormat, parseMaxFailing, sloOf, type MaxFailing, type ParsedArgs } from '../args';
import { signedInCaller } from '../caller';
import type { Context } from '../context';
import { describeError } from '../errors';
import { environmentUrl, UsageError } from '../http/environment';
import type { HttpPort } from '../http/webapi';
import { callerPrivilegeDepths, type HeldDepth } from '../privileges';
import { collectGarbage } from '../gc';
import { Progress } from '../progress';
import {
  addEnvironment,
  changeSince,
  completeDocument,
  newScanDocument,
  renderCsv,
  renderJson,
  renderMarkdown,
  renderTable,
  unreadableEntry,
  unseenReason,
  type EnvironmentResult,
} from '../scan-report';
import { checkWebhookUrl, PostError, postSummary, webhookFormat, type WebhookFormat } from '../webhook';
import { t } from '../text';

interface ScanPlan {
  format: string;
  environments: string[];
  maxFailing?: MaxFailing;
  previous?: Record<string, unknown>;
  webhook?: { url: string; format: WebhookFormat };
}

/** Everything that can be wrong with the command line is found before the first request. */
function plan(context: Context, args: ParsedArgs): ScanPlan {
  const format = checkFormat('scan', args.format);
  if (args.urls.length === 0) throw new UsageError('cli.usage.url', { command: 'scan' });
  const environments = [...new Set(args.urls.map(environmentUrl))];
  const result: ScanPlan = { format, environments };
  if (args.maxFailing !== undefined) result.maxFailing = parseMaxFailing(args.maxFailing);
  if (args.post !== undefined && args.postEnv !== undefined) throw new UsageError('cli.usage.postBoth');
  let url: string | undefined;
  if (args.post !== undefined) {
    url = args.post.trim();
    context.redactor.addUrl(url);
  } else if (args.postEnv !== undefined) {
    url = context.io.env[args.postEnv]?.trim();
    if (!url) throw new UsageError('cli.usage.postEnvEmpty', { name: args.postEnv });
    context.redactor.addUrl(url);
  } else if (args.webhookFormat !== undefined) {
    throw new UsageError('cli.usage.webhookFormatAlone');
  }
  if (url !== undefined) {
    checkWebhookUrl(url);
    result.webhook = { url, format: webhookFormat(url, args.webhookFormat) };
  }
  if (args.previous !== undefined) {
    const file = path.resolve(context.io.cwd ?? process.cwd(), args.previous);
    let parsed: unknown;
    try {
      parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      throw new UsageError('cli.usage.previousUnreadable', { file: args.previous, reason: typeof code === 'string' ? code : t('cli.usage.notJson') });
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || !Array.isArray((parsed as { mailboxes?: unknown }).mailboxes)) {
      throw new UsageError('cli.usage.previousShape', { file: args.previous });
    }
    result.previous = parsed as Record<string, unknown>;
  }
  return result;
}

/** The environment was not seen at all (the message says why): nothing read from it could be trusted. */
class EnvironmentNotSeen extends Error {}

type ReadDepth = { depth: HeldDepth } | { error: unknown };

/** How deep the account reads mailboxes: its deepest prvReadMailbox, or why that could not be told. */
async function mailboxReadDepth(port: HttpPort, context: Context, userId?: string): Promise<ReadDepth> {
  try {
    return { depth: (await callerPrivilegeDepths(port, ['prvReadMailbox'], context.retry, userId)).prvReadMailbox };
  } catch (error) {
    return { error };
  }
}

/** A read answered with something that is not Dataverse's answer, or no organization record: not a scan at all. */
function notSeen(environment: string, unreadable: readonly ReadFailure[], read: ReadDepth): string | undefined {
  return unseenReason(environment, unreadable, 'error' in read && toDataverseError(read.error).kind === 'bad-answer' ? toDataverseError(read.error).message : undefined);
}

/** Below Global the account sees part of the fleet; with none, the mailbox read itself fails and says so. */
function coverageWarning(environment: string, read: ReadDepth): string | undefined {
  if ('error' in read) return t('cli.scan.readScopeUnknown', { environment, reason: toDataverseError(read.error).message });
  if (read.depth === 'Global' || read.depth === 'none') return undefined;
  return t('cli.scan.incompleteFleet', { environment, scope: t(`cli.scan.readScope.${read.depth}`), depth: t(`cli.scan.readDepth.${read.depth}`) });
}

export async function scanCommand(context: Context, args: ParsedArgs): Promise<number> {
  const scanPlan = plan(context, args);
  const now = (context.io.now ?? (() => new Date()))();
  const progress = new Progress(context.err);
  const doc = newScanDocument(now.toISOString());
  let failed = false;
  const unrecognised = new UnrecognisedAlertTally();

  for (const environment of scanPlan.environments) {
    const tally = new FleetTally();
    const result: EnvironmentResult = { url: environment, total: 0, healthy: 0, warning: 0, failing: 0, unknown: 0, unreadable: [] };
    try {
      const port = await context.port(environment, args.deviceCode, { bulk: true });
      // Who is scanning (for item-level visibility), then how deep they read mailboxes, alongside the shared tables.
      const caller = await signedInCaller(port, context.retry);
      const readDepth = mailboxReadDepth(port, context, caller?.userId ?? undefined);
      const scan = await startFleetScan(port, {
        ...context.retry,
        ...(caller ? { caller } : {}),
        now,
        environment,
        all: args.all,
        ...(args.profile !== undefined ? { profile: args.profile } : {}),
        ...(context.io.pageSize ? { pageSize: context.io.pageSize } : {}),
        onPage: ({ more }) => {
          if (more) collectGarbage();
        },
      });
      const read = await readDepth;
      const reason = notSeen(environment, scan.unreadable, read);
      if (reason !== undefined) throw new EnvironmentNotSeen(reason);
      result.unreadable = scan.unreadable.map(unreadableEntry);
      for (const u of result.unreadable) context.err.line(t('cli.scan.unreadable', { environment, reason: u.reason }));
      const coverage = coverageWarning(environment, read);
      if (coverage !== undefined) context.err.line(coverage);
      progress.update(environment, 0, scan.estimatedTotal, true);
      for await (const report of scan.verdicts) {
        tally.add(report);
        unrecognised.add(report);
        if (tally.total % 500 === 0) progress.update(environment, tally.total, scan.estimatedTotal);
      }
      tally.addFindings(scan.findings());
      progress.update(environment, tally.total, scan.estimatedTotal, true);
      progress.done();
      if (tally.total === 0) {
        const empty = t('cli.scan.empty', { environment, scope: t(args.all ? 'cli.scan.scope.all' : 'cli.scan.scope.serverSideSync') });
        context.err.line(empty);
        if (!args.allowEmpty) {
          failed = true;
          result.error = empty;
        }
      }
    } catch (error) {
      progress.done();
      failed = true;
      result.error = error instanceof EnvironmentNotSeen ? error.message : describeError(error, environment);
      context.err.line(result.error);
    }
    addEnvironment(doc, result, tally);
  }

  completeDocument(doc, unrecognised);
  if (scanPlan.maxFailing) doc.slo = sloOf(scanPlan.maxFailing, doc);
  if (scanPlan.previous) doc.change = changeSince(scanPlan.previous, doc);

  const render = { json: renderJson, csv: renderCsv, markdown: renderMarkdown, table: renderTable }[scanPlan.format as 'json' | 'csv' | 'markdown' | 'table'];
  context.out.write(render(doc));

  if (scanPlan.webhook) {
    try {
      await postSummary(await context.fetch(), scanPlan.webhook.url, scanPlan.webhook.format, doc);
      context.err.line(t('cli.post.sent', { format: t(`cli.post.format.${scanPlan.webhook.format}`) }));
    } catch (error) {
      failed = true;
      context.err.line(error instanceof PostError ? error.message : describeError(error));
    }
  }
  if (failed) return 1;
  return doc.slo && !doc.slo.within ? 2 : 0;
}
