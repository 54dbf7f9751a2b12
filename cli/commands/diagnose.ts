/**
 * `mailbox-health diagnose`: the engine's report for one mailbox. Exit 0 healthy/warning, 2 failing/unknown, 1 no
 * report — including when any read was answered with something that is not Dataverse's answer (a sign-in page, cut
 * JSON): a report built on part of such answers would mislead.
 */
import { evaluate } from '../../diagnostics/diagnose';
import { loadDiagnosisInput, type DiagnosisInput, type ReadFailure } from '../../diagnostics/input';
import { en } from '../../diagnostics/messages/en';
import { renderReport, renderReportJson } from '../../diagnostics/render';
import { retryingPort } from '../../diagnostics/retry';
import { checkFormat, type ParsedArgs } from '../args';
import { signedInCaller } from '../caller';
import type { Context } from '../context';
import { describeError } from '../errors';
import { environmentUrl, UsageError } from '../http/environment';
import { resolveMailbox } from '../resolve';
import { cleanDeep, cleanText } from '../sanitize';
import { t } from '../text';

/** A read failure back to an HTTP status, so the message is the same as for any other request. */
const STATUS_OF_KIND: Record<string, number | undefined> = {
  privilege: 403,
  throttled: 429,
  network: 0,
  server: 500,
  'bad-request': 400,
};

/** Why there is no report: the mailbox could not be read, or some read was not answered by Dataverse. */
function noReport(input: DiagnosisInput): ReadFailure | undefined {
  if (!input.mailbox.ok) return input.mailbox.failure;
  const parts = [input.organization, input.profile, input.alerts, input.profileMailboxCount, input.ownerFiltering];
  return parts.flatMap((part) => (part.ok || part.failure.kind !== 'bad-answer' ? [] : [part.failure]))[0];
}

export async function diagnoseCommand(context: Context, args: ParsedArgs): Promise<number> {
  const format = checkFormat('diagnose', args.format);
  if (args.urls.length !== 1) throw new UsageError('cli.usage.oneUrl', { command: 'diagnose' });
  if (args.mailboxes.length !== 1) throw new UsageError('cli.usage.oneMailbox');
  const environment = environmentUrl(args.urls[0]);
  const port = await context.port(environment, args.deviceCode);
  // Alongside the address lookup: no extra round trip.
  const caller = signedInCaller(port, context.retry);
  let mailbox;
  try {
    mailbox = await resolveMailbox(port, args.mailboxes[0], context.retry);
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
              { status: STATUS_OF_KIND[failure.kind], error: { code: failure.code, message: failure.detail } },
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
