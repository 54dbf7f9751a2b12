/**
 * Engine benchmark: one diagnosis against the schema-checked fake with 100 ms per request, as on a
 * distant Dataverse. Targets: at most 10 requests (the most a diagnosis reads: a mailbox receiving through a forward
 * mailbox; test/engine/resilience.test.ts pins the counts), at most 3 round trips of wall time. Prints; asserts nothing.
 */
import { diagnoseMailbox } from '../diagnostics';
import { FakeWebApi } from '../simulator/fake';
import { alert, environment, IDS, now, profilePopulation } from '../test/support/fixtures';

const LATENCY_MS = 100;

async function main(): Promise<void> {
  const data = environment({
    alerts: [alert('mailbox', 'The credentials are incorrect or have insufficient permissions.', 3)],
    extra: { mailbox: profilePopulation(500) },
  });
  const fake = new FakeWebApi(data, { now, latencyMs: LATENCY_MS, realLatency: true });
  const started = performance.now();
  const report = await diagnoseMailbox(fake, IDS.mailbox, { now });
  const wallMs = performance.now() - started;
  const roundTrips = wallMs / LATENCY_MS;
  console.log('engine: one diagnosis at 100 ms per request');
  console.log(`  verdict            ${report.overall} (start here: ${report.startHere})`);
  console.log(`  requests issued    ${fake.requests.length}   (target <= 10)`);
  console.log(`  wall time          ${wallMs.toFixed(0)} ms = ${roundTrips.toFixed(2)} round trips   (target <= 3)`);
}

void main();
