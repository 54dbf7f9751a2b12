/**
 * `mailbox-health`: diagnose one mailbox, scan a fleet, bulk Test & Enable, preflight an install — the engine from a terminal or a pipeline.
 * `main` is the whole program (tests run it in-process); mailbox-health.ts only binds it to the process.
 * stdout carries the result and nothing else; progress, retries, warnings and errors go to stderr.
 */
import { parseOptions } from './args';
import type { CliCommand } from './command';
import { diagnoseCommand } from './commands/diagnose';
import { preflightCommand } from './commands/preflight';
import { scanCommand } from './commands/scan';
import { testEnableCommand } from './commands/test-enable';
import { createContext } from './context';
import { describeError, UsageError } from './errors';
import { commandHelp, mainHelp } from './help';
import type { CliIo } from './io';
import { t } from './text';

export type { CliIo } from './io';

/** Exit codes. */
export const EXIT = { ok: 0, error: 1, failing: 2 } as const;

/** In the order the main help lists them. */
export const COMMANDS: readonly CliCommand[] = [diagnoseCommand, scanCommand, testEnableCommand, preflightCommand];

const commandNamed = (name: string | undefined) => COMMANDS.find((command) => command.name === name);

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const context = createContext(io);
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    const topic = first === 'help' ? commandNamed(rest[0]) : undefined;
    context.out.write(topic ? commandHelp(topic) : mainHelp(COMMANDS));
    return first === undefined ? EXIT.error : EXIT.ok;
  }
  const command = commandNamed(first);
  if (!command) {
    context.err.line(t('cli.usage.unknownCommand', { command: first }));
    context.err.line(t('cli.usage.seeHelp'));
    return EXIT.error;
  }
  try {
    const values = parseOptions(command, rest);
    if (values.help === true) {
      context.out.write(commandHelp(command));
      return EXIT.ok;
    }
    return await command.run(context, values);
  } catch (error) {
    context.err.line(describeError(error));
    if (error instanceof UsageError) context.err.line(t('cli.usage.seeCommandHelp', { command: command.name }));
    return EXIT.error;
  }
}
