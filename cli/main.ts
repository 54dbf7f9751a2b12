/**
 * `mailbox-health`: diagnose one mailbox, scan a fleet, bulk Test & Enable, preflight an install — the engine from a terminal or a pipeline.
 * `main` is the whole program (tests run it in-process); mailbox-health.ts only binds it to the process.
 * stdout carries the result and nothing else; progress, retries, warnings and errors go to stderr.
 */
import { COMMANDS, parseCommand, type Command } from './args';
import { diagnoseCommand } from './commands/diagnose';
import { preflightCommand } from './commands/preflight';
import { scanCommand } from './commands/scan';
import { testEnableCommand } from './commands/test-enable';
import { createContext } from './context';
import { describeError, UsageError } from './errors';
import type { CliIo } from './io';
import { t } from './text';

export type { CliIo } from './io';

/** Exit codes. */
export const EXIT = { ok: 0, error: 1, failing: 2 } as const;

const HELP: Record<Command | 'main', Parameters<typeof t>[0]> = {
  main: 'cli.help.main',
  diagnose: 'cli.help.diagnose',
  scan: 'cli.help.scan',
  'test-enable': 'cli.help.testEnable',
  preflight: 'cli.preflight.help',
};

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const context = createContext(io);
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    const topic = first === 'help' && COMMANDS.includes(rest[0] as Command) ? (rest[0] as Command) : 'main';
    context.out.write(t(HELP[topic]));
    return first === undefined ? EXIT.error : EXIT.ok;
  }
  if (!COMMANDS.includes(first as Command)) {
    context.err.line(t('cli.usage.unknownCommand', { command: first }));
    context.err.line(t('cli.usage.seeHelp'));
    return EXIT.error;
  }
  const command = first as Command;
  try {
    const args = parseCommand(command, [...rest]);
    if (args.help) {
      context.out.write(t(HELP[command]));
      return EXIT.ok;
    }
    switch (command) {
      case 'diagnose':
        return await diagnoseCommand(context, args);
      case 'scan':
        return await scanCommand(context, args);
      case 'test-enable':
        return await testEnableCommand(context, args);
      case 'preflight':
        return await preflightCommand(context, args);
    }
  } catch (error) {
    context.err.line(describeError(error));
    if (error instanceof UsageError) context.err.line(t('cli.usage.seeCommandHelp', { command }));
    return EXIT.error;
  }
}
