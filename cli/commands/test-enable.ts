/**
 * `mailbox-health test-enable`: bulk Test & Enable (the engine's testAndEnable: set testemailconfigurationscheduled,
 * wait for the server's result). Without --yes it refuses before any request, so nothing changes. --failing picks the
 * failing mailboxes with the fleet scan. Prints before and after per mailbox. Exit 0 all succeeded, 2 any still
 * failing (or timed out), 1 error.
 */
import {
  en,
  formatMessage,
  startFleetScan,
  testAndEnable,
  type Sleep,
  type TestAndEnableResult,
} from '../../diagnostics';
import { chosenFormat, onlyUrl } from '../args';
import { defineCommand, formatOption, SIGN_IN_AND_HELP_OPTIONS, urlOption, type OptionValues } from '../command';
import type { Context } from '../context';
import { describeError, UsageError } from '../errors';
import { environmentUrl } from '../http/environment';
import { Semaphore } from '../http/limit';
import { resolveMailbox, type ResolvedMailbox } from '../resolve';
import { cleanDeep, cleanLine } from '../sanitize';
import { t } from '../text';

/** Mailboxes tested at once (each is a PATCH and a poll every few seconds). */
const PARALLEL = 4;

type Statuses = TestAndEnableResult['before'];

interface Outcome {
  id: string;
  name: string | null;
  emailAddress: string | null;
  outcome: TestAndEnableResult['outcome'] | 'error';
  before: Statuses | null;
  after: Statuses | null;
  completedOn: string | null;
  summary: string;
}

const STATUS_KEYS: Record<number, 'option.mailbox.status.0' | 'option.mailbox.status.1' | 'option.mailbox.status.2'> = {
  0: 'option.mailbox.status.0',
  1: 'option.mailbox.status.1',
  2: 'option.mailbox.status.2',
};

function statusText(statuses: Statuses | null): string {
  if (!statuses) return t('cli.testEnable.unknownStatus');
  const one = (value: number | null) =>
    value === null ? t('value.notSet') : STATUS_KEYS[value] ? t(STATUS_KEYS[value]) : String(value);
  return t('cli.testEnable.statuses', {
    incoming: one(statuses.incoming),
    outgoing: one(statuses.outgoing),
    act: one(statuses.act),
  });
}

const options = {
  url: urlOption("the environment's base URL"),
  mailbox: {
    type: 'string',
    multiple: true,
    value: '<value>',
    description: 'a mailbox id or email address; repeat it for several mailboxes',
  },
  failing: { type: 'boolean', description: "every failing mailbox, found with the same scan as 'scan'" },
  profile: {
    type: 'string',
    value: '<name | id>',
    description: 'with --failing: only mailboxes on this email server profile',
  },
  yes: {
    type: 'boolean',
    description: 'required: Test & Enable changes the mailboxes. Without it nothing is changed',
  },
  format: formatOption(['text', 'json'], 'text (default) or json'),
  ...SIGN_IN_AND_HELP_OPTIONS,
} as const;

async function run(context: Context, values: OptionValues<typeof options>): Promise<number> {
  const format = chosenFormat('test-enable', options.format, values.format);
  const url = onlyUrl('test-enable', values.url);
  if (values.failing === values.mailbox.length > 0) throw new UsageError('cli.usage.testEnableTarget');
  const environment = environmentUrl(url);
  if (!values.yes) {
    context.err.line(t('cli.testEnable.refused'));
    return 1;
  }
  const port = await context.port(environment, values['device-code']);
  let targets: ResolvedMailbox[] = [];
  try {
    if (values.failing) {
      const scan = await startFleetScan(await context.port(environment, values['device-code'], { bulk: true }), {
        ...context.retry,
        environment,
        ...(context.io.now ? { now: context.io.now() } : {}),
        ...(values.profile !== undefined ? { profile: values.profile } : {}),
        ...(context.io.pageSize ? { pageSize: context.io.pageSize } : {}),
      });
      for await (const report of scan.verdicts) {
        if (report.overall === 'failing')
          targets.push({ id: report.mailbox.id, name: report.mailbox.name, emailAddress: report.mailbox.emailAddress });
      }
    } else {
      for (const value of values.mailbox) targets.push(await resolveMailbox(port, value, context.retry));
      targets = targets.filter((m, i) => targets.findIndex((o) => o.id === m.id) === i);
    }
  } catch (error) {
    context.err.line(describeError(error, environment));
    return 1;
  }
  if (targets.length === 0) {
    context.err.line(t('cli.testEnable.nothing'));
    if (format === 'json')
      context.out.line(
        JSON.stringify({ environment, results: [], succeeded: 0, failed: 0, timeout: 0, errors: 0 }, null, 2),
      );
    return 0;
  }
  context.err.line(t('cli.testEnable.starting', { count: targets.length, environment }));

  const sleep: Sleep | undefined = context.io.sleep;
  const testOne = async (mailbox: ResolvedMailbox): Promise<Outcome> => {
    const label = cleanLine(mailbox.name ?? mailbox.emailAddress ?? mailbox.id);
    try {
      const result = await testAndEnable(port, mailbox.id, {
        ...(sleep ? { sleep } : {}),
        ...(context.io.pollIntervalMs !== undefined ? { pollIntervalMs: context.io.pollIntervalMs } : {}),
        ...(context.io.testEnableTimeoutMs !== undefined ? { timeoutMs: context.io.testEnableTimeoutMs } : {}),
      });
      const outcome: Outcome = {
        id: mailbox.id,
        name: mailbox.name,
        emailAddress: mailbox.emailAddress,
        outcome: result.outcome,
        before: result.before,
        after: result.after,
        completedOn: result.completedOn,
        summary: formatMessage(result.summary, en),
      };
      context.err.line(
        t('cli.testEnable.done', { mailbox: label, outcome: t(`cli.testEnable.outcome.${result.outcome}`) }),
      );
      return outcome;
    } catch (error) {
      const summary = describeError(error, environment);
      context.err.line(t('cli.testEnable.done', { mailbox: label, outcome: summary }));
      return {
        id: mailbox.id,
        name: mailbox.name,
        emailAddress: mailbox.emailAddress,
        outcome: 'error',
        before: null,
        after: null,
        completedOn: null,
        summary,
      };
    }
  };
  const parallel = new Semaphore(PARALLEL);
  const results = await Promise.all(targets.map((mailbox) => parallel.run(() => testOne(mailbox))));

  const count = (o: Outcome['outcome']) => results.filter((r) => r.outcome === o).length;
  const totals = {
    succeeded: count('succeeded'),
    failed: count('failed'),
    timeout: count('timeout'),
    errors: count('error'),
  };
  if (format === 'json') {
    context.out.line(JSON.stringify(cleanDeep({ environment, results, ...totals }), null, 2));
  } else {
    for (const r of results) {
      context.out.line(`${cleanLine(r.name ?? r.emailAddress ?? r.id)} (${r.id})`);
      context.out.line(`  ${t('cli.testEnable.before')}: ${statusText(r.before)}`);
      context.out.line(`  ${t('cli.testEnable.after')}: ${statusText(r.after)}`);
      context.out.line(`  ${t(`cli.testEnable.outcome.${r.outcome}`)}: ${cleanLine(r.summary)}`);
    }
    context.out.line('');
    context.out.line(
      t('cli.testEnable.totals', {
        succeeded: totals.succeeded,
        failed: totals.failed,
        timeout: totals.timeout,
        errors: totals.errors,
      }),
    );
  }
  if (totals.errors > 0) return 1;
  return totals.failed + totals.timeout > 0 ? 2 : 0;
}

export const testEnableCommand = defineCommand({
  name: 'test-enable',
  options,
  help: {
    summary:
      'mailbox-health test-enable: Test & Enable mailboxes in bulk, wait for the results, print before and after.',
    usage:
      'mailbox-health test-enable --url <environment> (--mailbox <id | email> ... | --failing [--profile <name | id>]) --yes',
    exitCodes: 'Exit codes: 0 all succeeded; 2 any still failing (or not finished within 5 minutes); 1 error.',
    examples: [
      'mailbox-health test-enable --url https://contoso.crm.dynamics.com --mailbox adele.vance@contoso.com --yes',
      'mailbox-health test-enable --url https://contoso.crm.dynamics.com --failing --yes --format json',
    ],
  },
  run,
});
