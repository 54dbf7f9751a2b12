import { CHECK_ORDER, diagnoseMailbox, normalizeErrorCode, toDataverseError, withRetry } from '../../diagnostics';
import { FakeWebApi } from '../../simulator/fake';
import { environment, IDS, now } from '../support/fixtures';
import { check, diagnose, noSleep, statuses, summaryOf } from './helpers';

describe('resilience', () => {
  it('turns a 403 on alerts into "could not check" for the checks that need alerts, and completes the rest', async () => {
    const { report } = await diagnose(environment(), (fake) => fake.faults.deny({ table: 'tracelog' }));
    const alerts = check(report, 'alerts');
    expect(alerts.status).toBe('error');
    expect(summaryOf(alerts)).toBe('Could not check: you lack read privilege on Alerts (tracelog).');
    expect(check(report, 'conditional-access').status).toBe('error');
    expect(check(report, 'appointments').status).toBe('pass');
    expect(statuses(report)).toMatchObject({
      approval: 'pass',
      'server-profile': 'pass',
      'mailbox-test': 'pass',
      capacity: 'pass',
    });
    expect(report.overall).toBe('unknown');
    expect(report.startHere).toBeNull();
  });

  it('still fails on what it could read when another table is denied', async () => {
    const { report } = await diagnose(environment({ mailbox: { emailrouteraccessapproval: 3 } }), (fake) =>
      fake.faults.deny({ table: 'emailserverprofile' }),
    );
    expect(check(report, 'approval').status).toBe('fail');
    expect(check(report, 'server-profile').status).toBe('error');
    expect(check(report, 'profile-settings').status).toBe('error');
    // Transient failures are the mailbox's own: the throughput check still judges them without the profile.
    expect(check(report, 'capacity').status).toBe('pass');
    expect(report.overall).toBe('failing');
  });

  it('makes only the owner and item checks "could not check" when users and item records are denied', async () => {
    const { report } = await diagnose(environment(), (fake) =>
      fake.faults.deny({ table: 'systemuser' }).deny({ table: 'exchangesyncidmapping' }),
    );
    expect(check(report, 'owner').status).toBe('error');
    expect(summaryOf(check(report, 'owner'))).toBe('Could not check: you lack read privilege on Users (systemuser).');
    expect(check(report, 'item-failures').status).toBe('error');
    expect(summaryOf(check(report, 'item-failures'))).toBe(
      'Could not check: you lack read privilege on Item-level sync records (exchangesyncidmapping).',
    );
    expect(report.checks.filter((c) => c.status === 'error').map((c) => c.id)).toEqual(['owner', 'item-failures']);
    expect(report.overall).toBe('unknown');
  });

  it('marks every check as could-not-check when the mailbox itself cannot be read, saying why', async () => {
    const { report, fake } = await diagnose(environment(), (f) => f.faults.deny({ table: 'mailbox' }));
    expect(report.checks.every((c) => c.status === 'error')).toBe(true);
    expect(summaryOf(check(report, 'approval'))).toBe(
      'Could not check: you lack read privilege on Mailboxes (mailbox).',
    );
    expect(summaryOf(check(report, 'alerts'))).toBe(
      'Could not check: it needs Mailboxes (mailbox), which could not be read.',
    );
    expect(fake.requests).toHaveLength(2);
  });

  it('reports a missing mailbox record clearly', async () => {
    const { report } = await diagnose(environment(), () => undefined, '00000000-0000-4000-8000-000000000000');
    expect(summaryOf(check(report, 'approval'))).toBe('Could not check: the Mailboxes (mailbox) record was not found.');
  });

  it('retries a 429 after Retry-After, never sooner, and then succeeds', async () => {
    const fake = new FakeWebApi(environment(), { now });
    fake.faults.throttle({ table: 'mailbox', times: 2, retryAfterSeconds: 7 });
    const waits: number[] = [];
    const report = await diagnoseMailbox(fake, IDS.mailbox, { now, sleep: async (ms) => void waits.push(ms) });
    expect(report.overall).toBe('healthy');
    expect(waits.slice(0, 2)).toEqual([7000, 7000]);
    expect(fake.requests.filter((r) => r.table === 'mailbox' && r.method === 'retrieveRecord')).toHaveLength(3);
  });

  it('gives up after a bounded number of retries and reports the throttling', async () => {
    const { report } = await diagnose(environment(), (fake) =>
      fake.faults.throttle({ table: 'tracelog', times: 50, retryAfterSeconds: 1 }),
    );
    expect(summaryOf(check(report, 'alerts'))).toMatch(/throttling/);
  });

  it('backs off on 5xx and recovers', async () => {
    const waits: number[] = [];
    const fake = new FakeWebApi(environment(), { now });
    fake.faults.serverError({ table: 'organization', times: 2 });
    const report = await diagnoseMailbox(fake, IDS.mailbox, { now, sleep: async (ms) => void waits.push(ms) });
    expect(report.overall).toBe('healthy');
    expect(waits).toEqual([1000, 2000]);
  });

  it('never throws on null columns and unknown option values', async () => {
    const nulls = Object.fromEntries(
      [
        'emailrouteraccessapproval',
        'incomingemaildeliverymethod',
        'outgoingemaildeliverymethod',
        'actdeliverymethod',
        'incomingemailstatus',
        'statecode',
        'enabledforincomingemail',
        'lastsuccessfulsynccompletedon',
        'postponemailboxprocessinguntil',
        'processingstatecode',
        '_regardingobjectid_value',
        'name',
        'emailaddress',
      ].map((c) => [c, null]),
    );
    const empty = await diagnose(
      environment({
        mailbox: nulls,
        profile: { statecode: null, servertype: null, maxconcurrentconnections: null, name: null },
        organization: { requireapprovalforuseremail: null },
      }),
    );
    expect(empty.report.checks.map((c) => c.id)).toEqual([...CHECK_ORDER]);
    expect(check(empty.report, 'approval').status).toBe('fail');
    const unknown = await diagnose(
      environment({
        mailbox: { emailrouteraccessapproval: 42, incomingemaildeliverymethod: 99, actstatus: 7 },
        profile: { servertype: 17 },
      }),
    );
    expect(summaryOf(check(unknown.report, 'approval'))).toContain('Unknown value (42)');
    expect(unknown.report.checks.every((c) => c.status !== 'error')).toBe(true);
  });

  it('issues at most 10 requests in at most 3 round trips, each naming its columns and filtering on the server', async () => {
    const { fake } = await diagnose(environment());
    expect(fake.requests.length).toBe(9);
    expect(fake.roundTrips()).toBe(2);
    // The most a diagnosis reads: a user's mailbox receiving through a forward mailbox.
    const forwarded = (await diagnose(environment({ mailbox: { incomingemaildeliverymethod: 3 } }))).fake;
    expect(forwarded.requests.length).toBe(10);
    expect(forwarded.roundTrips()).toBe(2);
    // A queue's mailbox reads the queue once, for both its state and its filtering.
    const queue = (
      await diagnose(
        environment({
          mailbox: {
            _regardingobjectid_value: IDS.queue,
            '_regardingobjectid_value@Microsoft.Dynamics.CRM.lookuplogicalname': 'queue',
          },
        }),
      )
    ).fake;
    expect(queue.requests.filter((r) => r.table === 'queue')).toHaveLength(1);
    expect(queue.requests.length).toBe(8);
    for (const request of fake.requests) expect(request.options).toMatch(/^\?(\$select=|fetchXml=)/);
    const keys = fake.requests.map((r) => `${r.method} ${r.table} ${r.id ?? ''} ${r.options}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('error codes', () => {
  it.each([
    ['0x80040220', '0x80040220'],
    ['0X80040220', '0x80040220'],
    [2147746336, '0x80040220'],
    [-2147220960, '0x80040220'],
    ['-2147220960', '0x80040220'],
    ['80072322', '0x80072322'],
  ])('normalises %p to %s', (raw, expected) => {
    expect(normalizeErrorCode(raw)).toBe(expected);
  });

  it('classifies Xrm and raw Web API errors alike', () => {
    expect(toDataverseError({ errorCode: 2147746336, message: 'denied' }).kind).toBe('privilege');
    expect(toDataverseError({ error: { code: '0x80040220', message: 'denied' } }).kind).toBe('privilege');
    expect(toDataverseError({ errorCode: 2147951394, message: 'throttled' }).kind).toBe('throttled');
    expect(toDataverseError({ status: 429, retryAfterSeconds: 3 }).retryAfterSeconds).toBe(3);
    expect(toDataverseError({ status: 404, error: { code: '0x80040217', message: 'missing' } }).kind).toBe('not-found');
    expect(toDataverseError({ status: 0, message: 'offline' }).kind).toBe('network');
    expect(toDataverseError('boom').message).toBe('boom');
    expect(toDataverseError(undefined).kind).toBe('unknown');
  });

  it('does not retry a privilege error', async () => {
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw { errorCode: 2147746336, message: 'denied' };
        },
        { sleep: noSleep },
      ),
    ).rejects.toMatchObject({ kind: 'privilege' });
    expect(calls).toBe(1);
  });
});
