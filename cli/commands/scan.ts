/**
 * `mailbox-health scan`: a verdict for every server-side sync mailbox of one or more environments, read in bulk (the
 * engine's fleet scan). Exit 0 within the SLO, 2 when failing exceeds --max-failing, 1 on error — an environment that
 * could not be scanned, one where no mailbox matched (unless --allow-empty), an unreadable --previous file, or a
 * failed post (after the report is printed).
 *
 * A scan never calls clean what it did not see: no organization record, or any read answered with something that is
 * not Dataverse's answer (a sign-in page, cut JSON), means the environment could not be scanned; and when the account
 * reads mailboxes below organization level, stderr says the fleet is incomplete.
 *
 * Memory stays bounded however many mailboxes are listed: each one is handed to the output as it is evaluated
 * (cli/scan-output/writers.ts), and the tallies keep counts, findings and cause groups, never the mailboxes.
 */
import { toDataverseError } from '../../diagnostics/errors';
import { FleetTally, startFleetScan } from '../../diagnostics/fleet';
import { UnrecognisedAlertTally } from '../../diagnostics/alerts/unrecognised';
import type { ReadFailure } from '../../diagnostics/input';
import { checkFormat, parseMaxFailing, sloOf, type MaxFailing, type ParsedArgs } from '../args';
import { signedInCaller } from '../caller';
import type { Context } from '../context';
import { describeError, UsageError } from '../errors';
import { environmentUrl } from '../http/environment';
import type { HttpPort } from '../http/webapi';
import { callerPrivilegeDepths, type HeldDepth } from '../privileges';
import { collectGarbage, collectGarbageIfGrown } from '../gc';
import { Progress } from '../progress';
import {
  addEnvironment,
  newScanSummary,
  UNRECOGNISED_SHOWN,
  unreadableEntry,
  unseenReason,
  type EnvironmentResult,
} from '../scan-report';
import { FleetGroups } from '../scan-groups';
import { loadPreviousScans, type PreviousScans } from '../scan-output/previous';
import { createScanWriter, type ScanFormat } from '../scan-output/writers';
import { checkReportUrl, checkWebhookUrl, PostError, postSummary, webhookFormat, type WebhookFormat } from '../webhook';
import { t } from '../text';

interface ScanPlan {
  format: ScanFormat;
  environments: string[];
  maxFailing?: MaxFailing;
  previous: PreviousScans | null;
  webhook?: { url: string; format: WebhookFormat; reportUrl?: string };
}

/** Everything that can be wrong with the command line (earlier scans included) is found before the first request. */
async function plan(context: Context, args: ParsedArgs): Promise<ScanPlan> {
  const format = checkFormat('scan', args.format) as ScanFormat;
  if (args.urls.length === 0) throw new UsageError('cli.usage.url', { command: 'scan' });
  const environments = [...new Set(args.urls.map(environmentUrl))];
  const result: ScanPlan = { format, environments, previous: null };
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
  } else if (args.reportUrl !== undefined) {
    throw new UsageError('cli.usage.reportUrlAlone');
  }
  if (url !== undefined) {
    checkWebhookUrl(url);
    result.webhook = { url, format: webhookFormat(url, args.webhookFormat) };
    if (args.reportUrl !== undefined) {
      checkReportUrl(args.reportUrl.trim());
      result.webhook.reportUrl = args.reportUrl.trim();
    }
  }
  if (args.previous.length > 0)
    result.previous = await loadPreviousScans(args.previous, context.io.cwd ?? process.cwd(), (line) =>
      context.err.line(line),
    );
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
  return unseenReason(
    environment,
    unreadable,
    'error' in read && toDataverseError(read.error).kind === 'bad-answer'
      ? toDataverseError(read.error).message
      : undefined,
  );
}

/** Below Global the account sees part of the fleet; with none, the mailbox read itself fails and says so. */
function coverageWarning(environment: string, read: ReadDepth): string | undefined {
  if ('error' in read)
    return t('cli.scan.readScopeUnknown', { environment, reason: toDataverseError(read.error).message });
  if (read.depth === 'Global' || read.depth === 'none') return undefined;
  return t('cli.scan.incompleteFleet', {
    environment,
    scope: t(`cli.scan.readScope.${read.depth}`),
    depth: t(`cli.scan.readDepth.${read.depth}`),
  });
}

export async function scanCommand(context: Context, args: ParsedArgs): Promise<number> {
  const scanPlan = await plan(context, args);
  const now = (context.io.now ?? (() => new Date()))();
  const progress = new Progress(context.err);
  const summary = newScanSummary(now.toISOString());
  let failed = false;
  const unrecognised = new UnrecognisedAlertTally();
  const groups = new FleetGroups();
  const tracker = scanPlan.previous?.tracker;
  const writer = createScanWriter(scanPlan.format, {
    out: context.out,
    scannedAt: summary.scannedAt,
    multi: scanPlan.environments.length > 1,
    ...(scanPlan.previous
      ? { noLongerFailing: scanPlan.previous.noLongerFailing, trend: scanPlan.previous.trend }
      : {}),
  });
  try {
    for (const environment of scanPlan.environments) {
      const tally = new FleetTally({ keepMailboxes: false });
      const result: EnvironmentResult = {
        url: environment,
        total: 0,
        healthy: 0,
        warning: 0,
        failing: 0,
        unknown: 0,
        unreadable: [],
      };
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
        // The shared reads' garbage (every alert of the week, parsed page by page) goes before the first page is evaluated.
        collectGarbage();
        const read = await readDepth;
        const reason = notSeen(environment, scan.unreadable, read);
        if (reason !== undefined) throw new EnvironmentNotSeen(reason);
        result.unreadable = scan.unreadable.map(unreadableEntry);
        for (const u of result.unreadable)
          context.err.line(t('cli.scan.unreadable', { environment, reason: u.reason }));
        const coverage = coverageWarning(environment, read);
        if (coverage !== undefined) context.err.line(coverage);
        progress.update(environment, 0, scan.estimatedTotal, true);
        for await (const report of scan.verdicts) {
          const listed = tally.add(report);
          unrecognised.add(report);
          const group = groups.add(report);
          if (listed && group) writer.mailbox(listed, group, tracker?.observe(listed) ?? false);
          if (tally.total % 100 === 0) collectGarbageIfGrown();
          if (tally.total % 500 === 0) {
            progress.update(environment, tally.total, scan.estimatedTotal);
            await writer.drained();
          }
        }
        // What the scan tells only from its whole stream (an overdue profile).
        tally.addFindings(scan.findings());
        progress.update(environment, tally.total, scan.estimatedTotal, true);
        progress.done();
        if (tally.total === 0) {
          const empty = t('cli.scan.empty', {
            environment,
            scope: t(args.all ? 'cli.scan.scope.all' : 'cli.scan.scope.serverSideSync'),
          });
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
      addEnvironment(summary, result, tally);
    }
    // The last page's garbage goes before the output's end is written.
    collectGarbage();
    summary.unrecognisedAlerts = unrecognised.top(UNRECOGNISED_SHOWN);
    if (scanPlan.maxFailing) summary.slo = sloOf(scanPlan.maxFailing, summary);
    if (tracker) summary.change = tracker.counts(summary);
    await writer.finish({ summary, groups });
  } finally {
    writer.dispose();
  }

  if (scanPlan.webhook) {
    try {
      const { url, format, reportUrl } = scanPlan.webhook;
      await postSummary(await context.fetch(), url, format, {
        summary,
        groups: groups.ordered(),
        ...(reportUrl ? { reportUrl } : {}),
      });
      context.err.line(t('cli.post.sent', { format: t(`cli.post.format.${format}`) }));
    } catch (error) {
      failed = true;
      context.err.line(error instanceof PostError ? error.message : describeError(error));
    }
  }
  if (failed) return 1;
  return summary.slo && !summary.slo.within ? 2 : 0;
}
