/**
 * `mailbox-health preflight --url <environment>`: before importing the solution, checks what it depends on in that
 * environment (cli/preflight/). It only reads. Prints a table (check, found, verdict, what to do) or, with
 * --format json, one JSON document. Exit 0 ready; 2 it would import but something will not work; 3 the import would
 * fail; 1 the preflight could not complete.
 */
import { version } from '../../package.json';
import { toDataverseError } from '../../diagnostics';
import { releaseVersion } from '../../tools/solution/version';
import { chosenFormat, onlyUrl } from '../args';
import { defineCommand, formatOption, SIGN_IN_AND_HELP_OPTIONS, urlOption, type OptionValues } from '../command';
import type { Context } from '../context';
import { describeError } from '../errors';
import { t } from '../text';
import { environmentUrl } from '../http/environment';
import { SOLUTION_UNIQUE_NAME } from '../preflight/installed';
import { renderPreflightTable, preflightDocument } from '../preflight/render';
import { preflightExitCode, runPreflight } from '../preflight/run';

const options = {
  url: urlOption("the environment's base URL, e.g. https://contoso.crm.dynamics.com (http only for localhost)"),
  format: formatOption(['table', 'json'], 'table (default) or json (exactly one JSON document on stdout)'),
  ...SIGN_IN_AND_HELP_OPTIONS,
} as const;

async function run(context: Context, values: OptionValues<typeof options>): Promise<number> {
  const format = chosenFormat('preflight', options.format, values.format);
  const environment = environmentUrl(onlyUrl('preflight', values.url));
  const client = await context.port(environment, values['device-code']);
  const solutionVersion = releaseVersion(version).solution;
  // A refused token fails every check alike: each row says so briefly, and what to check is said once.
  let signInRefused = false;
  const results = await runPreflight({ client, retry: context.retry, solutionVersion }, (error) => {
    if (toDataverseError(error).status !== 401) return describeError(error, environment);
    signInRefused = true;
    return t('cli.preflight.signInRefused');
  });
  if (signInRefused) context.err.line(t('cli.error.401', { environment }));
  const exitCode = preflightExitCode(results);
  const now = (context.io.now ?? (() => new Date()))();
  const document = preflightDocument(
    environment,
    now,
    { uniqueName: SOLUTION_UNIQUE_NAME, version: solutionVersion },
    results,
    exitCode,
  );
  if (format === 'json') context.out.line(JSON.stringify(document, null, 2));
  else context.out.write(renderPreflightTable(document, context.out.columns));
  return exitCode;
}

export const preflightCommand = defineCommand({
  name: 'preflight',
  options,
  help: {
    summary: `mailbox-health preflight: before you import the Mailbox Health solution, check what it depends on in that
environment. It only reads, and takes seconds.`,
    usage: 'mailbox-health preflight --url <environment> [--format table|json]',
    details: `It checks: the Mailbox table can take the Mailbox Health form (CanCreateForms, the columns it binds); the ribbon
groups the Diagnose buttons go into exist on the Mailbox form and list (if not, it names the groups that hold Save,
Deactivate and Test & Enable); every privilege of the shipped role exists; you can read each table a diagnosis reads,
at organization level; the solution is not installed unmanaged, or managed at a newer version; the platform version
(for the React and Fluent platform libraries, which Learn gives no minimum for: reported as unknown).`,
    exitCodes: `Exit codes: 0 the solution can be imported and will work; 2 it would import but something will not work; 3 the
import would fail; 1 the preflight could not complete (sign-in, network, no access to what it reads).`,
    examples: [
      'mailbox-health preflight --url https://contoso.crm.dynamics.com',
      'mailbox-health preflight --url https://contoso.crm.dynamics.com --format json > preflight.json',
    ],
  },
  run,
});
