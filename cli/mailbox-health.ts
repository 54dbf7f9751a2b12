/** The `mailbox-health` bin: runs main with the process's arguments, environment and streams. */
import { keepYoungGenerationSmall } from './gc';
import { main } from './main';
import { removeSpools } from './scan-output/spool';
import { t } from './text';

keepYoungGenerationSmall();

// A scan ended early (Ctrl+C, a closed pipe) still deletes the rows it kept on disk: exit handlers run on process.exit,
// so the signals end the process through it (128 + the signal's number, as a shell reports it).
process.on('exit', removeSpools);
process.once('SIGINT', () => process.exit(130));
process.once('SIGTERM', () => process.exit(143));

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
    process.stderr.write(
      `${t('cli.error.unexpected', { kind: error instanceof Error ? error.name : typeof error })}\n`,
    );
    process.exitCode = 1;
  },
);
