/** The `mailbox-health` bin: runs main with the process's arguments, environment and streams. */
import { main } from './main';
import { t } from './text';

// `mailbox-health scan | head`: the reader went away; stop quietly instead of crashing on EPIPE.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

main(process.argv.slice(2), { env: process.env, stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // main catches everything it expects; this is a bug. No stack (it could quote a request), just the kind.
    process.stderr.write(`${t('cli.error.unexpected', { kind: error instanceof Error ? error.name : typeof error })}\n`);
    process.exitCode = 1;
  },
);
