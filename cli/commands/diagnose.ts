/**
 * `mailbox-health diagnose`: the engine's report for one mailbox. Exit 0 healthy/warning, 2 failing/unknown, 1 no
 * report — including when any read was answered with something that is not Dataverse's answer (a sign-in page, cut
 * JSON): a report built on part of such answers would mislead.
 */
import {
  en,
  evaluate,
  loadDiagnosisInput,
  renderReport,
  renderReportJson,
  retryingPort,
  type DiagnosisInput,
  type ReadFailure,
} from '../../diagnostics';
import { chosenFormat, onlyUrl } from '../args';
import { signedInCaller } from '../caller';
import { defineCommand, formatOption, SIGN_IN_AND_HELP_OPTIONS, urlOption, type OptionValues } from '../command';
import type { Context } from '../context';
import { describeError, UsageError } from '../errors';
import { environmentUrl } from '../http/environment';
import { resolveMailbox } from '../resolve';
import { cleanDeep, cleanText } from '../sanitize';
import { t } from '../text';

/** Why there is no report: the mailbox could not be read, or some read was not answered by Dataverse. */
function noReport(input: DiagnosisInput): ReadFailure | undefined {
  if (!input.mailbox.ok) return input.mailbox.failure;
  const parts = [input.organization, input.profile, input.alerts, input.profileMailboxCount, input.ownerFiltering];
  return parts.flatMap((part) => (part.ok || part.failure.kind !== 'bad-answer' ? [] : [part.failure]))[0];
}

const options = {
  url: urlOption("the environment's base URL, e.g. https://contoso.crm.dynamics.com (http only for localhost)"),
  mailbox: {
    type: 'string',
    multiple: true,
    value: '<value>',
    description: 'a mailbox id, or an email address (matched case-insensitively)',
  },
  format: formatOption(
    ['text', 'json', 'markdown'],
    'text (default), json (exactly one JSON document on stdout) or markdown (for a ticket)',
  ),
  ...SIGN_IN_AND_HELP_OPTIONS,
} as const;

async function run(context: Context, values: OptionValues<typeof options>): Promise<number> {
  const format = chosenFormat('diagnose', options.format, values.format);
  const url = onlyUrl('diagnose', values.url);
  if (values.mailbox.length !== 1) throw new UsageError('cli.usage.oneMailbox');
  const environment = environmentUrl(url);
  const port = await context.port(environment, values['device-code']);
  // Alongside the address lookup: no extra round trip.
  const caller = signedInCaller(port, context.retry);
  let mailbox;
  try {
    mailbox = await resolveMailbox(port, values.mailbox[0], context.retry);
  } catch (error) {
    context.err.line(describeError(error, environment));
    return 1;
  }
  const now = (context.io.now ?? (() => new Date()))();
  const input = await loadDiagnosisInput(retryingPort(port, context.retry), mailbox.id, now, await caller);
  const failure = noReport(input);
  if (failure) {
    context.err.line(
      failure.kind === 'not-found'
        ? t('cli.error.mailboxNotFound', { id: mailbox.id, environment })
        : failure.kind === 'bad-answer'
          ? t('cli.error.other', { environment, detail: failure.detail })
          : describeError(
              { status: failure.status, error: { code: failure.code, message: failure.detail } },
              environment,
            ),
    );
    return 1;
  }
  const report = evaluate(input, environment);
  if (format === 'json')
    context.out.line(JSON.stringify(cleanDeep(renderReportJson(report, { catalogue: en })), null, 2));
  else
    context.out.write(cleanText(renderReport(report, format === 'markdown' ? 'markdown' : 'text', { catalogue: en })));
  return report.overall === 'healthy' || report.overall === 'warning' ? 0 : 2;
}

export const diagnoseCommand = defineCommand({
  name: 'diagnose',
  options,
  help: {
    summary: 'mailbox-health diagnose: the full report for one mailbox, checks in the debugging order.',
    usage:
      'mailbox-health diagnose --url <environment> --mailbox <mailbox id | email address> [--format text|json|markdown]',
    exitCodes:
      'Exit codes: 0 healthy or warning; 2 failing or unknown; 1 no report (not found, several matches, no access).',
    examples: [
      'mailbox-health diagnose --url https://contoso.crm.dynamics.com --mailbox Megan.Bowen@contoso.com',
      'mailbox-health diagnose --url https://contoso.crm.dynamics.com --mailbox 97963663-8bfb-4bdc-8db7-5f0ee011428a --format json',
      'mailbox-health diagnose --url https://contoso.crm.dynamics.com --mailbox sales@contoso.com --format markdown > ticket.md',
    ],
  },
  run,
});
