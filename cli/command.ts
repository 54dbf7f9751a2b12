/**
 * What a command is: its name, its options (node:util parseArgs definitions, each with the words its help shows), its
 * help prose, and what it runs. The parser (cli/args.ts) and the help (cli/help.ts) both read the same definitions, so
 * an option cannot be accepted without being described, or described without being accepted.
 */
import type { Context } from './context';

interface OptionHelp {
  /** The help's description; a line break continues it under the descriptions' column. */
  description: string;
  short?: string;
}

export interface BooleanOption extends OptionHelp {
  type: 'boolean';
}

export interface ValueOption extends OptionHelp {
  type: 'string';
  /** The value as the help names it, e.g. `<environment>`. */
  value: string;
  /** The values a --format takes, the default first. */
  choices?: readonly string[];
}

/** Repeatable: `--url a --url b`. */
export interface ListOption extends OptionHelp {
  type: 'string';
  multiple: true;
  value: string;
}

export type CommandOption = BooleanOption | ValueOption | ListOption;
export type CommandOptions = Readonly<Record<string, CommandOption>>;

type OptionValue<O extends CommandOption> = O extends BooleanOption
  ? boolean
  : O extends ListOption
    ? string[]
    : string | undefined;

/** What a command runs with: a boolean is false when absent, a repeatable option an empty list. */
export type OptionValues<O extends CommandOptions> = { -readonly [K in keyof O]: OptionValue<O[K]> };

export interface CommandHelp {
  /** The first paragraph: the command and what it does. */
  summary: string;
  /** The synopsis, shown in the command's help and the main help; a line break continues it. */
  usage: string;
  /** A paragraph between the usage and the options. */
  details?: string;
  exitCodes: string;
  examples: readonly string[];
}

export interface CliCommand<O extends CommandOptions = CommandOptions> {
  name: string;
  options: O;
  help: CommandHelp;
  run(context: Context, values: OptionValues<O>): Promise<number>;
}

/** Infers the options' literal types, so `run` gets typed values. */
export function defineCommand<const O extends CommandOptions>(command: CliCommand<O>): CliCommand<O> {
  return command;
}

const DEVICE_CODE_OPTION = {
  type: 'boolean',
  description: 'sign in with a device code instead of the Azure CLI',
} as const satisfies BooleanOption;

const HELP_OPTION = { type: 'boolean', short: 'h', description: 'this help' } as const satisfies BooleanOption;

/** The options every command ends with: how to sign in, and its own help. */
export const SIGN_IN_AND_HELP_OPTIONS = { 'device-code': DEVICE_CODE_OPTION, help: HELP_OPTION } as const;

/** Every command takes --url repeatedly (a single-environment command says when it got more than one). */
export function urlOption(description: string) {
  return { type: 'string', multiple: true, value: '<environment>', description } as const satisfies ListOption;
}

export function formatOption<const C extends readonly string[]>(choices: C, description: string) {
  return { type: 'string', value: '<format>', choices, description } as const satisfies ValueOption;
}
