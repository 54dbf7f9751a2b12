/**
 * `npm start`: the sandbox. Builds the control and the web resources when they are missing, starts the Dataverse
 * emulator on the sample environment and the pages that host the real control and the real Fleet health page, prints
 * the URLs, and stops both on Ctrl+C.
 *   npm start [-- --port 8765] [--rebuild]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startEmulator } from '../simulator/http/server';
import { ensureControlBuilt } from './build-control';
import { startPageServer, WEB_RESOURCE_OUT_DIR } from './page-server';
import { buildWebResources } from '../tools/solution/build-web-resource';
import { FLEET_PAGE, FLEET_SCRIPT } from '../tools/solution/components';
import { loadSampleEnvironment } from './load-sample-environment';

const DEFAULT_PORT = 8765;

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main(): Promise<void> {
  const rebuild = process.argv.includes('--rebuild');
  ensureControlBuilt({ force: rebuild });
  if (
    rebuild ||
    [FLEET_PAGE, FLEET_SCRIPT].some((resource) => !fs.existsSync(path.join(WEB_RESOURCE_OUT_DIR, resource.source.file)))
  ) {
    console.log('Building the web resources (npm run build:webresources)...');
    await buildWebResources();
  }
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
  console.log(`  Fleet:    ${page.url}fleet  (the Fleet health page over the whole sample fleet)`);
  console.log(
    `  Emulator: ${emulator.apiUrl}  (sample environment: ${environment.featuredMailboxIds.length} mailboxes + ${environment.data.mailbox.length - environment.featuredMailboxIds.length} generated)`,
  );
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
