/**
 * `npm start`: the sandbox. Builds the control when its bundle is missing, starts the Dataverse emulator on the
 * sample environment and the page that hosts the real control, prints the URL, and stops both on Ctrl+C.
 *   npm start [-- --port 8765] [--rebuild]
 */
import { startEmulator } from './emulator/server';
import { ensureControlBuilt } from './buildControl';
import { startPageServer } from './pageServer';
import { loadSampleEnvironment } from './sampleEnvironment';

const DEFAULT_PORT = 8765;

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main(): Promise<void> {
  ensureControlBuilt({ force: process.argv.includes('--rebuild') });
  const environment = loadSampleEnvironment();
  const emulator = await startEmulator({
    data: environment.data,
    testEnableOutcomes: environment.testEnableOutcomes,
    callerId: environment.callerId,
    cors: true,
    testEnableDelayMs: 4000,
  });
  const requested = Number(argument('--port') ?? process.env.PORT ?? DEFAULT_PORT);
  let page;
  try {
    page = await startPageServer({ emulator, environment, port: requested });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    console.log(`Port ${requested} is busy; using a free one.`);
    page = await startPageServer({ emulator, environment, port: 0 });
  }
  console.log('');
  console.log('Mailbox Health sandbox');
  console.log(`  Page:     ${page.url}`);
  console.log(`  Emulator: ${emulator.apiUrl}  (sample environment: ${environment.featuredMailboxIds.length} mailboxes + ${environment.data.mailbox.length - environment.featuredMailboxIds.length} generated)`);
  console.log('  Press Ctrl+C to stop.');

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping...');
    await Promise.all([page.close(), emulator.close()]);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
