/**
 * The command line of one command, parsed by its option definitions (node:util parseArgs, strict): an unknown option,
 * a missing value or a stray argument is a UsageError that names it, classified by Node's error code.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { FleetCounts } from '../diagnostics';
import type { CliCommand, CommandOptions, OptionValues } from './command';
import { UsageError } from './errors';

type ParseArgsOptions = NonNullable<ParseArgsConfig['options']>;

function parseArgsOptions(options: CommandOptions): ParseArgsOptions {
  return Object.fromEntries(
    Object.entries(options).map(([name, option]) => [
      name,
      {
        type: option.type,
        ...(option.short !== undefined ? { short: option.short } : {}),
        ...('multiple' in option ? { multiple: true } : {}),
      },
    ]),
  );
}

const hasOwn = (object: object, key: string) => Object.prototype.hasOwnProperty.call(object, key);

export function parseOptions<O extends CommandOptions>(
  command: CliCommand<O>,
  argv: readonly string[],
): OptionValues<O> {
  const options = parseArgsOptions(command.options);
  let values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  try {
    ({ values } = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }));
  } catch (error) {
    throw usageError(error, command.name, argv, options);
  }
  return Object.fromEntries(
    Object.entries(command.options).map(([name, option]) => [
      name,
      values[name] ?? (option.type === 'boolean' ? false : 'multiple' in option ? [] : undefined),
    ]),
  ) as OptionValues<O>;
}

/**
 * Node's error says what is wrong by its code; which argument, the lenient parse's tokens say (the message is prose for
 * people, not for matching).
 */
function usageError(error: unknown, command: string, argv: readonly string[], options: ParseArgsOptions): UsageError {
  // Read as properties, not by instanceof: an error from another realm (a test's VM context) is still Node's.
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  const detail = (typeof message === 'string' ? message : String(error)).split('\n')[0];
  const { tokens } = parseArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const unknown = tokens.find((token) => token.kind === 'option' && !hasOwn(options, token.name));
    if (unknown?.kind === 'option')
      return new UsageError('cli.usage.unknownOption', { option: unknown.rawName, command });
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const positional = tokens.find((token) => token.kind === 'positional');
    if (positional?.kind === 'positional')
      return new UsageError('cli.usage.unexpectedArgument', { argument: positional.value, command });
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    // The other invalid values (a boolean given one, a value that looks like an option) keep Node's sentence.
    const missing = tokens.find(
      (token) => token.kind === 'option' && options[token.name]?.type === 'string' && token.value === undefined,
    );
    if (missing?.kind === 'option')
      return new UsageError('cli.usage.missingValue', { option: missing.rawName, command });
  }
  return new UsageError('cli.usage.invalid', { command, detail });
}

/** --format: one of the command's choices, the first when absent. */
export function chosenFormat<const C extends readonly string[]>(
  command: string,
  option: { choices: C },
  value: string | undefined,
): C[number] {
  const chosen = value ?? option.choices[0];
  if (!option.choices.includes(chosen))
    throw new UsageError('cli.usage.format', { format: chosen, command, allowed: option.choices.join(', ') });
  return chosen;
}

/** A single-environment command's one --url (checked as a URL by environmentUrl). */
export function onlyUrl(command: string, urls: readonly string[]): string {
  if (urls.length !== 1) throw new UsageError('cli.usage.oneUrl', { command });
  return urls[0];
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
