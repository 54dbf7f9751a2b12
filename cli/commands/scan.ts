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
import {
  FleetTally,
  startFleetScan,
  toDataverseError,
  UnrecognisedAlertTally,
  type ReadFailure,
} from '../../diagnostics';
import { chosenFormat, parseMaxFailing, sloOf, type MaxFailing } from '../args';
import { signedInCaller } from '../caller';
import { defineCommand, formatOption, SIGN_IN_AND_HELP_OPTIONS, urlOption, type OptionValues } from '../command';
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
  unscannedEnvironment,
} from '../scan-report';
import { FleetGroups } from '../scan-groups';
import { loadPreviousScans, type PreviousScans } from '../scan-output/previous';
import { createScanWriter, type ScanFormat } from '../scan-output/writers';
import { checkReportUrl, checkWebhookUrl, PostError, postSummary, webhookFormat, type WebhookFormat } from '../webhook';
import { t } from '../text';

const options = {
  url: urlOption("an environment's base URL; repeat it to scan several environments"),
  profile: { type: 'string', value: '<name | id>', description: 'only the mailboxes on this email server profile' },
  all: { type: 'boolean', description: 'every mailbox, active or not, on server-side sync or not' },
  format: formatOption(
    ['table', 'json', 'csv', 'markdown', 'html'],
    `table (default), json (one JSON document), csv (one row per mailbox not healthy), markdown,
html (one self-contained report: charts, and the mailboxes grouped by cause with the fix)`,
  ),
  'max-failing': {
    type: 'string',
    value: '<N | P%>',
    description: 'the SLO: exit 2 when more than N mailboxes (or P% of those scanned) are failing',
  },
  previous: {
    type: 'string',
    multiple: true,
    value: '<file | folder>',
    description: `earlier scans (--format json output); repeat it, or name a folder of them: the change
since the newest, and in html the trend of failing and warning over time`,
  },
  'allow-empty': {
    type: 'boolean',
    description: 'a scan that matches no mailbox is not an error (exit 0 instead of 1)',
  },
  post: {
    type: 'string',
    value: '<webhook url>',
    description: 'post the summary to a Teams Workflows or Slack incoming webhook',
  },
  'post-env': {
    type: 'string',
    value: '<VAR>',
    description: 'the same, the URL read from an environment variable (keeps it out of shell history)',
  },
  'webhook-format': {
    type: 'string',
    value: '<format>',
    description: "teams or slack, when the URL's host does not tell",
  },
  'report-url': {
    type: 'string',
    value: '<url>',
    description: 'with --post: the post links to the HTML report published at this URL',
  },
  ...SIGN_IN_AND_HELP_OPTIONS,
} as const;

type ScanValues = OptionValues<typeof options>;

interface ScanPlan {
  format: ScanFormat;
  environments: string[];
  maxFailing?: MaxFailing;
  previous: PreviousScans | null;
  webhook?: { url: string; format: WebhookFormat; reportUrl?: string };
}

/** Everything that can be wrong with the command line (earlier scans included) is found before the first request. */
async function plan(context: Context, values: ScanValues): Promise<ScanPlan> {
  const format = chosenFormat('scan', options.format, values.format);
  if (values.url.length === 0) throw new UsageError('cli.usage.url', { command: 'scan' });
  const environments = [...new Set(values.url.map(environmentUrl))];
  const result: ScanPlan = { format, environments, previous: null };
  if (values['max-failing'] !== undefined) result.maxFailing = parseMaxFailing(values['max-failing']);
  if (values.post !== undefined && values['post-env'] !== undefined) throw new UsageError('cli.usage.postBoth');
  let url: string | undefined;
  if (values.post !== undefined) {
    url = values.post.trim();
    context.redactor.addUrl(url);
  } else if (values['post-env'] !== undefined) {
    url = context.io.env[values['post-env']]?.trim();
    if (!url) throw new UsageError('cli.usage.postEnvEmpty', { name: values['post-env'] });
    context.redactor.addUrl(url);
  } else if (values['webhook-format'] !== undefined) {
    throw new UsageError('cli.usage.webhookFormatAlone');
  } else if (values['report-url'] !== undefined) {
    throw new UsageError('cli.usage.reportUrlAlone');
  }
  if (url !== undefined) {
    checkWebhookUrl(url);
    result.webhook = { url, format: webhookFormat(url, values['webhook-format']) };
    const reportUrl = values['report-url']?.trim();
    if (reportUrl !== undefined) {
      checkReportUrl(reportUrl);
      result.webhook.reportUrl = reportUrl;
    }
  }
  if (values.previous.length > 0)
    result.previous = await loadPreviousScans(values.previous, context.io.cwd ?? process.cwd(), (line) =>
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

/** Not a scan at all (unseenReason), counting the privilege call's failure with the shared reads. */
function notSeen(environment: string, unreadable: readonly ReadFailure[], read: ReadDepth): string | undefined {
  return unseenReason(environment, unreadable, 'error' in read ? toDataverseError(read.error) : undefined);
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

async function run(context: Context, values: ScanValues): Promise<number> {
  const scanPlan = await plan(context, values);
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
      const result = unscannedEnvironment(environment);
      try {
        const port = await context.port(environment, values['device-code'], { bulk: true });
        // Who is scanning (for item-level visibility), then how deep they read mailboxes, alongside the shared tables.
        const caller = await signedInCaller(port, context.retry);
        const readDepth = mailboxReadDepth(port, context, caller?.userId ?? undefined);
        const scan = await startFleetScan(port, {
          ...context.retry,
          ...(caller ? { caller } : {}),
          now,
          environment,
          all: values.all,
          ...(values.profile !== undefined ? { profile: values.profile } : {}),
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
            scope: t(values.all ? 'cli.scan.scope.all' : 'cli.scan.scope.serverSideSync'),
          });
          context.err.line(empty);
          if (!values['allow-empty']) {
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

export const scanCommand = defineCommand({
  name: 'scan',
  options,
  help: {
    summary: `mailbox-health scan: a verdict for every active mailbox with a channel on server-side sync (forward mailboxes
excluded), by exactly the rules of diagnose, read in bulk (a few requests per 5,000 mailboxes).`,
    usage: `mailbox-health scan --url <environment> [--url <environment> ...] [--profile <name | id>] [--all]
                    [--format table|json|csv|markdown|html] [--max-failing <N | P%>]
                    [--previous <scan.json | folder> ...] [--post <webhook url> | --post-env <VAR>]
                    [--webhook-format teams|slack] [--report-url <url>]`,
    exitCodes: `Exit codes: 0 within the SLO; 2 failing exceeds --max-failing; 1 error: an environment could not be scanned (not
the Dataverse Web API, e.g. a sign-in page; no organization record; no access), no mailbox matched (unless
--allow-empty), or the post failed (the report is printed first).
A table that cannot be read (say, no read access to alerts) does not stop the scan: the checks that need it are
reported as "could not check" and the table is named on stderr and in the output. When the account reads mailboxes
below organization level (prvReadMailbox at user or business unit level), stderr says the fleet is incomplete.`,
    examples: [
      'mailbox-health scan --url https://contoso.crm.dynamics.com',
      'mailbox-health scan --url https://contoso.crm.dynamics.com --format json > scan.json',
      'mailbox-health scan --url https://contoso.crm.dynamics.com --previous last-week.json --max-failing 2% --post-env TEAMS_WEBHOOK_URL',
      'mailbox-health scan --url https://contoso.crm.dynamics.com --url https://contoso-eu.crm4.dynamics.com --format csv > failing.csv',
      'mailbox-health scan --url https://contoso.crm.dynamics.com --format html --previous scans/ > report.html',
    ],
  },
  run,
});
