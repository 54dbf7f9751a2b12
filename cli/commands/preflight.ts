/**
 * `mailbox-health preflight --url <environment>`: before importing the solution, checks what it depends on in that
 * environment (cli/preflight/). It only reads. Prints a table (check, found, verdict, what to do) or, with
 * --format json, one JSON document. Exit 0 ready; 2 it would import but something will not work; 3 the import would
 * fail; 1 the preflight could not complete.
 */
import packageJson from '../../package.json';
import { releaseVersion } from '../../tools/solution/version';
import { checkFormat, type ParsedArgs } from '../args';
import type { Context } from '../context';
import { describeError, UsageError } from '../errors';
import { environmentUrl } from '../http/environment';
import { SOLUTION_UNIQUE_NAME } from '../preflight/installed';
import { renderPreflightTable, preflightDocument } from '../preflight/render';
import { preflightExitCode, runPreflight } from '../preflight/run';

export async function preflightCommand(context: Context, args: ParsedArgs): Promise<number> {
  const format = checkFormat('preflight', args.format);
  if (args.urls.length !== 1) throw new UsageError('cli.usage.oneUrl', { command: 'preflight' });
  const environment = environmentUrl(args.urls[0]);
  const client = await context.port(environment, args.deviceCode);
  const solutionVersion = releaseVersion(packageJson.version).solution;
  const results = await runPreflight({ client, retry: context.retry, solutionVersion }, (error) =>
    describeError(error, environment),
  );
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
