/** The sample environment: loads cleanly against the schema, and the real engine over HTTP gives the reviewed verdicts. */
import { diagnoseMailbox } from '../../diagnostics';
import { startEmulator, type Emulator } from '../../simulator/http/server';
import { ENTITY_SETS, PRIMARY_KEYS } from '../../cli/http/environment';
import { createHttpPort } from '../../cli/http/webapi';
import { loadSampleEnvironment, loadSampleExpectations, resolveTime } from '../../sandbox/load-sample-environment';

const environment = loadSampleEnvironment();
const expectations = loadSampleExpectations();
let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator({
    data: environment.data,
    testEnableOutcomes: environment.testEnableOutcomes,
    callerId: environment.callerId,
  });
});

afterAll(async () => {
  await emulator.close();
});

test('relative times resolve against now; literals stay', () => {
  const now = new Date('2025-06-01T12:00:00Z');
  expect(resolveTime('-30h', now)).toBe('2025-05-31T06:00:00Z');
  expect(resolveTime('+4m', now)).toBe('2025-06-01T12:04:00Z');
  expect(resolveTime('9999-12-31T23:59:59Z', now)).toBe('9999-12-31T23:59:59Z');
  expect(resolveTime(3, now)).toBe(3);
});

test('a dozen-plus featured mailboxes, each with a reviewed expectation, plus the generated population', () => {
  expect(environment.featuredMailboxIds.length).toBeGreaterThanOrEqual(12);
  expect(Object.keys(expectations).sort()).toEqual([...environment.featuredMailboxIds].sort());
  for (const expectation of Object.values(expectations)) expect(expectation.comment.length).toBeGreaterThan(40);
  expect(environment.data.mailbox.length).toBeGreaterThan(2000);
  expect(environment.data.emailserverprofile).toHaveLength(4);
  expect(environment.data.exchangesyncidmapping.length).toBeGreaterThan(0);
});

test('an unknown column in the sample data is refused', () => {
  const fs = jest.requireActual<typeof import('node:fs')>('node:fs');
  const os = jest.requireActual<typeof import('node:os')>('node:os');
  const path = jest.requireActual<typeof import('node:path')>('node:path');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sample-')), 'bad.json');
  fs.writeFileSync(
    file,
    JSON.stringify({ callerId: 'x', tables: { mailbox: [{ mailboxid: 'x', credentialsvalid: true }] } }),
  );
  expect(() => loadSampleEnvironment({ file })).toThrow(/credentialsvalid/);
});

test.each(Object.entries(expectations).map(([id, e]) => [e.name, id, e] as const))(
  '%s: the engine over HTTP gives the expected verdict and Start here',
  async (_name, id, expectation) => {
    const port = createHttpPort({ environment: emulator.url, entitySets: ENTITY_SETS, primaryKeys: PRIMARY_KEYS });
    const report = await diagnoseMailbox(port, id);
    expect({ verdict: report.overall, startHere: report.startHere ?? null }).toEqual({
      verdict: expectation.verdict,
      startHere: expectation.startHere,
    });
  },
);
