import { en, formatMessage, testAndEnable } from '../../diagnostics';
import { FakeWebApi } from '../../simulator/fake';
import { environment, IDS, now } from '../support/fixtures';

describe('Test & Enable', () => {
  it('schedules the test, polls until the server reports a newer completion, and returns the new statuses', async () => {
    const fake = new FakeWebApi(
      environment({ mailbox: { incomingemailstatus: 2, testmailboxaccesscompletedon: '2026-11-20T08:00:00Z' } }),
      { now },
    );
    fake.completesTestAndEnable(3, { incoming: 'success', outgoing: 'success', act: 'success' });
    const phases: string[] = [];
    const slept: number[] = [];
    const result = await testAndEnable(fake, IDS.mailbox, {
      sleep: async (ms) => void slept.push(ms),
      onProgress: (p) => phases.push(p.phase),
      pollIntervalMs: 5000,
    });
    expect(result.outcome).toBe('succeeded');
    expect(result.before.incoming).toBe(2);
    expect(result.after).toEqual({ incoming: 1, outgoing: 1, act: 1 });
    expect(result.completedOn).toBe('2026-11-27T12:03:00.000Z');
    expect(fake.updates.map((u) => u.data)).toEqual([{ testemailconfigurationscheduled: true }]);
    expect(phases).toEqual(['scheduling', 'waiting', 'waiting', 'waiting', 'done']);
    expect(slept).toEqual([5000, 5000, 5000]);
  });

  it('is not fooled by the flag alone: completion needs a later testmailboxaccesscompletedon', async () => {
    const fake = new FakeWebApi(environment({ mailbox: { testmailboxaccesscompletedon: '2026-11-27T12:03:00Z' } }), {
      now,
    });
    fake.completesTestAndEnable(
      1,
      { incoming: 'success', outgoing: 'success', act: 'success' },
      '2026-11-27T12:03:00Z',
    );
    const result = await testAndEnable(fake, IDS.mailbox, {
      sleep: async () => undefined,
      pollIntervalMs: 60_000,
      timeoutMs: 180_000,
    });
    expect(result.outcome).toBe('timeout');
    expect(formatMessage(result.summary, en)).toBe(
      'Test & Enable did not finish within 3 minutes; the asynchronous service may be busy. Check again later.',
    );
  });

  it('reports a failure with the channels and the usual causes', async () => {
    const fake = new FakeWebApi(environment(), { now });
    fake.completesTestAndEnable(1, { incoming: 'failure', outgoing: 'success', act: 'success' });
    const result = await testAndEnable(fake, IDS.mailbox, { sleep: async () => undefined });
    expect(result.outcome).toBe('failed');
    expect(formatMessage(result.summary, en)).toMatch(
      /^Test & Enable failed for: Incoming email\. This points to credentials/,
    );
  });

  it('times out after five minutes by default', async () => {
    const fake = new FakeWebApi(environment(), { now });
    let slept = 0;
    const result = await testAndEnable(fake, IDS.mailbox, { sleep: async (ms) => void (slept += ms) });
    expect(result.outcome).toBe('timeout');
    expect(slept).toBe(5 * 60_000);
  });

  it('refuses an id that is not a GUID before writing anything', async () => {
    const fake = new FakeWebApi(environment(), { now });
    await expect(testAndEnable(fake, "x' or 1 eq 1", { sleep: async () => undefined })).rejects.toThrow(
      /Not a record id/,
    );
    expect(fake.requests).toHaveLength(0);
  });
});
