/**
 * `--help`, generated: a command's help is its prose (cli/commands/) around one line per option definition, the same
 * definitions the parser takes, and the main help lists every command's synopsis.
 */
import type { CliCommand, CommandOption } from './command';

/** The descriptions start in this column at least, or one space after the longest option. */
const MIN_OPTION_WIDTH = 22;

const indent = (text: string, by: string) => text.replace(/\n/g, `\n${by}`);

export function optionLabel(name: string, option: CommandOption): string {
  const long = `--${name}${option.type === 'string' ? ` ${option.value}` : ''}`;
  return option.short === undefined ? long : `-${option.short}, ${long}`;
}

function optionLines(command: CliCommand): string[] {
  const labels = Object.entries(command.options).map(([name, option]) => [optionLabel(name, option), option] as const);
  const width = Math.max(MIN_OPTION_WIDTH, ...labels.map(([label]) => label.length + 1));
  return labels.map(
    ([label, option]) => `  ${label.padEnd(width)}${indent(option.description, ' '.repeat(width + 2))}`,
  );
}

/** The last section of every help page: its examples, indented, and the blank line that ends the page. */
function examplesSection(examples: readonly string[]): string[] {
  return ['Examples:', ...examples.map((example) => `  ${example}`), ''];
}

export function commandHelp(command: CliCommand): string {
  const { summary, usage, details, exitCodes, examples } = command.help;
  return [
    `${summary}\n`,
    'Usage:',
    `  ${indent(usage, '  ')}\n`,
    ...(details === undefined ? [] : [`${details}\n`]),
    'Options:',
    ...optionLines(command),
    '',
    `${exitCodes}\n`,
    ...examplesSection(examples),
  ].join('\n');
}

const MAIN_SUMMARY =
  'mailbox-health: diagnose Dynamics 365 server-side synchronization mailboxes from a terminal or a pipeline.';

const MAIN_NOTES = `--url is the environment's base URL (https://contoso.crm.dynamics.com); /api/data/v9.2/ is added.

Sign-in: DATAVERSE_TOKEN (a bearer token) when set; otherwise a client secret (AZURE_TENANT_ID, AZURE_CLIENT_ID,
AZURE_CLIENT_SECRET), the Azure CLI's sign-in (az login), or --device-code. HTTPS_PROXY is honoured.

Exit codes: 0 healthy / within the SLO / all succeeded; 2 failing (or beyond --max-failing, or still failing after
Test & Enable); 1 error (nothing could be reported, a usage error, a failed post). preflight: 0 ready, 2 something
will not work, 3 the import would fail, 1 it could not complete.`;

const MAIN_EXAMPLES = [
  'mailbox-health diagnose --url https://contoso.crm.dynamics.com --mailbox megan.bowen@contoso.com',
  'mailbox-health scan --url https://contoso.crm.dynamics.com --max-failing 2% --post-env TEAMS_WEBHOOK_URL',
  'mailbox-health test-enable --url https://contoso.crm.dynamics.com --failing --yes',
];

export function mainHelp(commands: readonly CliCommand[]): string {
  return [
    `${MAIN_SUMMARY}\n`,
    'Usage:',
    ...commands.map((command) => `  ${indent(command.help.usage, '  ')}`),
    '  mailbox-health <command> --help\n',
    `${MAIN_NOTES}\n`,
    ...examplesSection(MAIN_EXAMPLES),
  ].join('\n');
}
