/** Command-line parsing (node:util parseArgs, strict): options per command, repeated --url/--mailbox collected. */
import { parseArgs } from 'node:util';
import type { FleetCounts } from '../diagnostics/fleet';
import { UsageError } from './errors';

export type Command = 'diagnose' | 'scan' | 'test-enable' | 'preflight';
export const COMMANDS: readonly Command[] = ['diagnose', 'scan', 'test-enable', 'preflight'];

const COMMON = {
  url: { type: 'string', multiple: true },
  format: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  'device-code': { type: 'boolean' },
} as const;

const OPTIONS = {
  diagnose: { ...COMMON, mailbox: { type: 'string', multiple: true } },
  scan: {
    ...COMMON,
    profile: { type: 'string' },
    all: { type: 'boolean' },
    post: { type: 'string' },
    'post-env': { type: 'string' },
    'webhook-format': { type: 'string' },
    'max-failing': { type: 'string' },
    previous: { type: 'string', multiple: true },
    'report-url': { type: 'string' },
    'allow-empty': { type: 'boolean' },
  },
  'test-enable': {
    ...COMMON,
    mailbox: { type: 'string', multiple: true },
    failing: { type: 'boolean' },
    yes: { type: 'boolean' },
    profile: { type: 'string' },
  },
  preflight: COMMON,
} as const;

export interface ParsedArgs {
  urls: string[];
  format?: string;
  help: boolean;
  deviceCode: boolean;
  mailboxes: string[];
  profile?: string;
  all: boolean;
  post?: string;
  postEnv?: string;
  webhookFormat?: string;
  maxFailing?: string;
  /** scan: earlier scans (files or folders of them). */
  previous: string[];
  reportUrl?: string;
  /** scan: a scan that matches no mailbox is not an error. */
  allowEmpty: boolean;
  failing: boolean;
  yes: boolean;
}

export function parseCommand(command: Command, argv: string[]): ParsedArgs {
  let values: Record<string, string | boolean | string[] | undefined>;
  try {
    ({ values } = parseArgs({ args: argv, options: OPTIONS[command], strict: true, allowPositionals: false }) as {
      values: Record<string, string | boolean | string[] | undefined>;
    });
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    const option = /'(-[^']*)'/.exec(text)?.[1];
    if (/Unknown option/i.test(text) && option) throw new UsageError('cli.usage.unknownOption', { option, command });
    if (/Unexpected argument/i.test(text) && option)
      throw new UsageError('cli.usage.unexpectedArgument', { argument: option, command });
    if (/argument missing|requires a value|expects a value/i.test(text) && option)
      throw new UsageError('cli.usage.missingValue', { option, command });
    throw new UsageError('cli.usage.invalid', { command, detail: text.split('\n')[0] });
  }
  const str = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  const list = (name: string) => (Array.isArray(values[name]) ? (values[name] as string[]) : []);
  return {
    urls: list('url'),
    format: str('format'),
    help: values.help === true,
    deviceCode: values['device-code'] === true,
    mailboxes: list('mailbox'),
    profile: str('profile'),
    all: values.all === true,
    post: str('post'),
    postEnv: str('post-env'),
    webhookFormat: str('webhook-format'),
    maxFailing: str('max-failing'),
    previous: list('previous'),
    reportUrl: str('report-url'),
    allowEmpty: values['allow-empty'] === true,
    failing: values.failing === true,
    yes: values.yes === true,
  };
}

/** `--max-failing 25` or `--max-failing 2.5%`. */
export type MaxFailing =
  { kind: 'count'; value: number; text: string } | { kind: 'percent'; value: number; text: string };

export function parseMaxFailing(raw: string): MaxFailing {
  const text = raw.trim();
  if (/^\d+$/.test(text)) return { kind: 'count', value: Number(text), text };
  const percent = /^(\d+(?:\.\d+)?)\s*%$/.exec(text);
  if (percent && Number(percent[1]) <= 100)
    return { kind: 'percent', value: Number(percent[1]), text: `${Number(percent[1])}%` };
  throw new UsageError('cli.usage.maxFailing', { value: raw });
}

/** How many failing mailboxes the SLO allows out of `total`. */
export function allowedFailing(max: MaxFailing, total: number): number {
  return max.kind === 'count' ? max.value : Math.floor((total * max.value) / 100 + 1e-9);
}

export function sloOf(max: MaxFailing, counts: FleetCounts): { maxFailing: string; allowed: number; within: boolean } {
  const exceeded = max.kind === 'count' ? counts.failing > max.value : counts.failing * 100 > max.value * counts.total;
  return { maxFailing: max.text, allowed: allowedFailing(max, counts.total), within: !exceeded };
}

export function checkFormat(command: Command, format: string | undefined): string {
  const allowed =
    command === 'scan'
      ? ['table', 'json', 'csv', 'markdown', 'html']
      : command === 'diagnose'
        ? ['text', 'json', 'markdown']
        : command === 'preflight'
          ? ['table', 'json']
          : ['text', 'json'];
  const chosen = format ?? allowed[0];
  if (!allowed.includes(chosen))
    throw new UsageError('cli.usage.format', { format: chosen, command, allowed: allowed.join(', ') });
  return chosen;
}
