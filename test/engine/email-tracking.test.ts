import { en, explainEmailTracking, formatMessage, type TrackingContext } from '../../diagnostics';
import { FakeWebApi } from '../../simulator/fake';
import { environment, now } from '../support/fixtures';
import { diagnose } from './helpers';

const context = (overrides: Partial<TrackingContext> = {}): TrackingContext => ({
  ownerKind: 'systemuser',
  filteringMethod: 2,
  incomingOnServerSideSync: true,
  ignoreInternalEmail: true,
  ...overrides,
});

async function explain(
  address: string,
  overrides: Partial<TrackingContext> = {},
  setup: (f: FakeWebApi) => void = () => undefined,
) {
  const fake = new FakeWebApi(environment(), { now });
  setup(fake);
  const answer = await explainEmailTracking(fake, context(overrides), address, { sleep: async () => undefined });
  return { answer, reason: formatMessage(answer.reason, en), fake };
}

describe('email tracking explainer', () => {
  it('tracks an email from a contact when the owner tracks leads, contacts and accounts, matching any casing', async () => {
    const { answer, reason, fake } = await explain('Jonas.Berg@FABRIKAM.com');
    expect(answer.tracked).toBe('yes');
    expect(answer.matches).toEqual([
      { table: 'contact', id: '6e5f7a8b-9c0d-4e1f-8a3b-4c5d6e7f8a01', name: 'Jonas Berg' },
    ]);
    expect(reason).toMatch(/^Automatically tracked/);
    expect(formatMessage(answer.note, en)).toMatch(
      /Inbox.*Sent Items.*folder-level tracking, category tracking and tracking by hand/s,
    );
    expect(fake.requests).toHaveLength(5);
  });

  it('explains why an unknown sender is not tracked', async () => {
    const { answer, reason } = await explain('stranger@example.org');
    expect(answer.tracked).toBe('no');
    expect(reason).toBe(
      'Not automatically tracked: the address matches no lead, contact or account, and the owner tracks only email from those.',
    );
  });

  it('escapes quotes in the address so it cannot change the filter', async () => {
    const { answer, fake } = await explain("o'brien@contoso.com");
    expect(answer.tracked).toBe('no');
    expect(decodeURIComponent(fake.requests[0].options!)).toContain("'o''brien@contoso.com'");
  });

  it('ignores internal senders when the organization ignores internal email', async () => {
    const { answer } = await explain('priya.raman@contoso.com', { filteringMethod: 0 });
    expect(answer.tracked).toBe('no');
    expect(answer.reason.key).toBe('tracking.internalIgnored');
  });

  it('covers every option of "track email messages from"', async () => {
    expect((await explain('stranger@example.org', { filteringMethod: 0 })).answer.tracked).toBe('yes');
    expect((await explain('stranger@example.org', { filteringMethod: 1 })).answer.tracked).toBe('replies-only');
    expect(
      (await explain('priya.raman@contoso.com', { filteringMethod: 3, ignoreInternalEmail: false })).answer.tracked,
    ).toBe('yes');
    // Option 3 accepts email-enabled custom tables too, which were not searched: no match is "unknown", never "no".
    const emailEnabled = (await explain('stranger@example.org', { filteringMethod: 3 })).answer;
    expect(emailEnabled.tracked).toBe('unknown');
    expect(emailEnabled.reason.key).toBe('tracking.noStandardEmailEnabledRecord');
    expect((await explain('jonas.berg@fabrikam.com', { filteringMethod: 4 })).answer.tracked).toBe('no');
    expect((await explain('jonas.berg@fabrikam.com', { filteringMethod: null })).answer.tracked).toBe('unknown');
    expect((await explain('jonas.berg@fabrikam.com', { incomingOnServerSideSync: false })).answer.reason.key).toBe(
      'tracking.incomingNotServerSideSync',
    );
  });

  it('says it could not tell when a table it needs is denied, and names the table', async () => {
    const { answer } = await explain('stranger@example.org', {}, (f) => f.faults.deny({ table: 'lead' }));
    expect(answer.tracked).toBe('unknown');
    expect(answer.unreadable).toEqual(['lead']);
  });

  it('rejects something that is not an address without a request', async () => {
    const { answer, fake } = await explain('not an address');
    expect(answer.reason.key).toBe('tracking.invalidAddress');
    expect(fake.requests).toHaveLength(0);
  });

  it('takes its context from the diagnosis, so nothing is read twice', async () => {
    const { report } = await diagnose(environment({ usersettings: { incomingemailfilteringmethod: 0 } }));
    expect(report.tracking).toEqual({
      ownerKind: 'systemuser',
      filteringMethod: 0,
      incomingOnServerSideSync: true,
      ignoreInternalEmail: true,
    });
  });
});
