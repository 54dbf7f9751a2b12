/**
 * The engine's fleet scan (diagnostics/fleet/) against the schema-checked Xrm.WebApi fake over the sample
 * environment: every check of every mailbox has the status a single diagnosis gives it — with every table readable,
 * and with each table denied in turn — from a handful of bulk requests; plus the aggregate-limit fallback, --profile
 * resolution, and the tally.
 */
import { AGGREGATE_LIMIT_CODE, diagnoseMailbox, type DiagnosisReport, type WebApiPort } from '../../diagnostics';
import { continuationOptions, FleetProfileError, FleetTally, startFleetScan } from '../../diagnostics/fleet';
import { loadSampleEnvironment } from '../../sandbox/load-sample-environment';
import { FakeWebApi } from '../../simulator/fake';
import { alert, environment, healthyMailbox, now as fixturesNow } from '../support/fixtures';
import { GENERATED_PREFIX, HYBRID_PROFILE } from '../support/sample-ids';

const NOW = new Date();
const noSleep = async () => undefined;

function fake(): FakeWebApi {
  const environment = loadSampleEnvironment({ now: NOW });
  // The featured mailboxes and 25 of the generated population keep the single diagnoses quick.
  let generated = 0;
  environment.data.mailbox = environment.data.mailbox.filter(
    (row) => !String(row.mailboxid).startsWith(GENERATED_PREFIX) || generated++ < 25,
  );
  return new FakeWebApi(environment.data, { now: () => NOW });
}

async function scanAll(
  port: WebApiPort,
  options: Parameters<typeof startFleetScan>[1] = {},
): Promise<{ reports: DiagnosisReport[]; unreadable: string[] }> {
  const scan = await startFleetScan(port, { now: NOW, sleep: noSleep, ...options });
  const reports: DiagnosisReport[] = [];
  for await (const report of scan.verdicts) reports.push(report);
  return { reports, unreadable: scan.unreadable.map((f) => f.table) };
}

const statuses = (report: DiagnosisReport) => ({
  overall: report.overall,
  startHere: report.startHere,
  checks: report.checks.map((c) => `${c.id}:${c.status}`),
});

describe('fleet scan', () => {
  it.each([
    [null],
    ['tracelog'],
    ['emailserverprofile'],
    ['usersettings'],
    ['queue'],
    ['organization'],
    ['systemuser'],
    ['exchangesyncidmapping'],
  ])(
    'gives every mailbox the check statuses of a single diagnosis (denied: %s)',
    async (denied) => {
      const bulk = fake();
      const single = fake();
      if (denied) {
        bulk.faults.deny({ table: denied });
        single.faults.deny({ table: denied });
      }
      const { reports, unreadable } = await scanAll(bulk, { all: true });
      expect(unreadable).toEqual(denied ? [denied] : []);
      expect(reports).toHaveLength(bulk.store.tables.mailbox.length);
      // organization, profiles, the profiles' alerts, the scan's size with the forward mailboxes, failed items per
      // owner, one page of the mailboxes' alerts and one of the mailboxes without, each with the owners joined: 7, never
      // a request per mailbox nor one that grows with the users. A join Dataverse refuses costs the page once more
      // without it; without the user join, user settings are read on their own; without profiles, their alerts are
      // asked for again without the profile join.
      const extra: Record<string, number> = { systemuser: 2, usersettings: 1, queue: 1, emailserverprofile: 1 };
      expect(bulk.requests.length).toBe(7 + (denied ? (extra[denied] ?? 0) : 0));
      for (const report of reports) {
        const expected = await diagnoseMailbox(single, report.mailbox.id, { now: () => NOW, sleep: noSleep });
        expect({ id: report.mailbox.id, ...statuses(report) }).toEqual({
          id: report.mailbox.id,
          ...statuses(expected),
        });
      }
    },
    30_000,
  );

  it('asks for the mailbox pages again without a join Dataverse refuses: only the checks that need that table are error', async () => {
    const bulk = fake();
    bulk.faults.deny({ table: 'systemuser' });
    const { reports, unreadable } = await scanAll(bulk);
    expect(unreadable).toEqual(['systemuser']);
    // The pages that join the owners: the alerts' first page (refused, then asked again without it), the mailboxes'.
    const pages = bulk.requests.filter(
      (r) =>
        decodeURIComponent(r.options ?? '').includes('<fetch count=') &&
        decodeURIComponent(r.options!).includes('name="queue"'),
    );
    expect(pages.map((r) => r.table)).toEqual(['tracelog', 'tracelog', 'mailbox']);
    expect(pages.map((r) => decodeURIComponent(r.options!).includes('name="systemuser"'))).toEqual([
      true,
      false,
      false,
    ]);
    expect(pages.every((r) => decodeURIComponent(r.options!).includes('name="queue"'))).toBe(true);
    // User settings come from their own read then, so email tracking still has them.
    expect(bulk.requests.filter((r) => r.table === 'usersettings')).toHaveLength(1);
    const ownedByUser = new Set(
      bulk.store.tables.mailbox
        .filter((row) => row['_regardingobjectid_value@Microsoft.Dynamics.CRM.lookuplogicalname'] === 'systemuser')
        .map((row) => row.mailboxid),
    );
    const ownerErrors = reports
      .filter((r) => r.checks.find((c) => c.id === 'owner')!.status === 'error')
      .map((r) => r.mailbox.id);
    expect(ownerErrors.length).toBeGreaterThan(0);
    expect(ownerErrors.sort()).toEqual(
      reports
        .map((r) => r.mailbox.id)
        .filter((id) => ownedByUser.has(id))
        .sort(),
    );
    expect(reports.some((r) => r.checks.find((c) => c.id === 'email-tracking')!.status === 'error')).toBe(false);
    expect(
      reports
        .filter((r) => r.checks.some((c) => c.status === 'error'))
        .every((r) => r.checks.filter((c) => c.status === 'error').every((c) => c.id === 'owner')),
    ).toBe(true);
  });

  it('reports an overdue profile once, from the mailboxes it streamed, with the counts a single diagnosis reads', async () => {
    const full = new FakeWebApi(loadSampleEnvironment({ now: NOW }).data, { now: () => NOW });
    const overdueMailbox = full.store.tables.mailbox.find((row) =>
      String(row.name).startsWith('Field Technician (overdue)'),
    )!;
    const single = (
      await diagnoseMailbox(full, String(overdueMailbox.mailboxid), { now: () => NOW, sleep: noSleep })
    ).findings.filter((f) => f.kind === 'profile-overdue');
    expect(single).toHaveLength(1);
    for (const options of [{}, { all: true }, { profile: HYBRID_PROFILE }]) {
      const scan = await startFleetScan(full, { now: NOW, sleep: noSleep, ...options });
      const tally = new FleetTally();
      expect(scan.findings()).toEqual([]);
      for await (const report of scan.verdicts) {
        expect(report.findings.some((f) => f.kind === 'profile-overdue')).toBe(false);
        tally.add(report);
      }
      tally.addFindings(scan.findings());
      tally.addFindings(scan.findings());
      expect(tally.findings.filter((f) => f.kind === 'profile-overdue')).toEqual(single);
    }
  });

  it("counts the owner's failed items with one aggregate: the item check's status is a single diagnosis's, without subjects", async () => {
    const bulk = fake();
    const single = fake();
    const mailbox = bulk.store.tables.mailbox.find(
      (row) =>
        row._ownerid_value &&
        row.incomingemaildeliverymethod === 2 &&
        !bulk.store.tables.exchangesyncidmapping.some((item) => item._ownerid_value === row._ownerid_value),
    )!;
    for (const port of [bulk, single]) {
      for (let i = 0; i < 60; i++) {
        port.store.tables.exchangesyncidmapping.push({
          exchangesyncidmappingid: `0a0a0a0a-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
          itemsubject: `Item ${i}`,
          lastsyncerror: 'The item could not be synchronized.',
          lastsyncerroroccurredon: new Date(NOW.getTime() - 3_600_000).toISOString(),
          _ownerid_value: mailbox._ownerid_value,
          '_ownerid_value@Microsoft.Dynamics.CRM.lookuplogicalname': 'systemuser',
        });
      }
    }
    const { reports } = await scanAll(bulk, { caller: { userId: null, systemAdministrator: true } });
    const fleetCheck = reports
      .find((r) => r.mailbox.id === mailbox.mailboxid)!
      .checks.find((c) => c.id === 'item-failures')!;
    const singleCheck = (
      await diagnoseMailbox(single, String(mailbox.mailboxid), {
        now: () => NOW,
        sleep: noSleep,
        caller: { userId: null, systemAdministrator: true },
      })
    ).checks.find((c) => c.id === 'item-failures')!;
    expect(fleetCheck.status).toBe('warn');
    expect(singleCheck.status).toBe('warn');
    expect(singleCheck.items).toHaveLength(10);
    expect(fleetCheck.items).toEqual([]);
    // The fleet knows the exact count; a single diagnosis reads at most 50 rows and says "at least 50".
    expect(fleetCheck.summary.params?.count).toBe(60);
    expect(singleCheck.summary.params?.count).toEqual(
      expect.objectContaining({ key: 'value.atLeast', params: { value: 50 } }),
    );
    expect(bulk.requests.filter((r) => r.table === 'exchangesyncidmapping')).toHaveLength(1);
  });

  it("above the aggregates' 50,000-row limit: failed items are counted from their owners paged, the size is unknown", async () => {
    const base = fake();
    const limited: WebApiPort = {
      retrieveRecord: (...args) => base.retrieveRecord(...args),
      updateRecord: (...args) => base.updateRecord(...args),
      retrieveMultipleRecords: (table, options, size) =>
        options?.startsWith('?fetchXml=') && options.includes('groupby')
          ? Promise.reject({
              status: 400,
              error: {
                code: AGGREGATE_LIMIT_CODE,
                message: 'AggregateQueryRecordLimit exceeded. Cannot perform this operation.',
              },
            })
          : base.retrieveMultipleRecords(table, options, size),
    };
    const scan = await startFleetScan(limited, { now: NOW, sleep: noSleep });
    expect(scan.estimatedTotal).toBeNull();
    expect(scan.unreadable).toEqual([]);
    const reports: DiagnosisReport[] = [];
    for await (const report of scan.verdicts) reports.push(report);
    const direct = await scanAll(fake());
    expect(reports.map(statuses)).toEqual(direct.reports.map(statuses));
    const items = (r: DiagnosisReport) => r.checks.find((c) => c.id === 'item-failures')!.summary;
    expect(reports.map(items)).toEqual(direct.reports.map(items));
    expect(
      base.requests
        .filter((r) => r.table === 'exchangesyncidmapping')
        .map((r) => r.options?.startsWith('?$select=_ownerid_value')),
    ).toEqual([true]);
    expect((await startFleetScan(fake(), { now: NOW, sleep: noSleep })).estimatedTotal).toBe(direct.reports.length);
  });

  it('excludes inactive and forward mailboxes unless --all', async () => {
    const port = fake();
    const forward = {
      ...port.store.tables.mailbox[0],
      mailboxid: '0f0f0f0f-0000-4000-8000-000000000001',
      isforwardmailbox: true,
    };
    port.store.tables.mailbox.push(forward);
    const ids = (await scanAll(port)).reports.map((r) => r.mailbox.id);
    expect(ids).not.toContain(forward.mailboxid);
    expect(ids).not.toContain('d7886662-2738-4ad6-8f40-0f3454f6837f');
    const all = (await scanAll(port, { all: true })).reports.map((r) => r.mailbox.id);
    expect(all).toContain(forward.mailboxid);
    expect(all).toHaveLength(port.store.tables.mailbox.length);
  });

  it('a missing profile or owner settings row reads as not found, as in a single diagnosis', async () => {
    const bulk = fake();
    const single = fake();
    for (const port of [bulk, single]) {
      const row = port.store.tables.mailbox[0];
      row._emailserverprofile_value = '0e0e0e0e-0000-4000-8000-000000000001';
      port.store.tables.usersettings = port.store.tables.usersettings.filter(
        (u) => u.systemuserid !== port.store.tables.mailbox[1]._regardingobjectid_value,
      );
    }
    const { reports } = await scanAll(bulk);
    for (const id of [bulk.store.tables.mailbox[0].mailboxid, bulk.store.tables.mailbox[1].mailboxid] as string[]) {
      const report = reports.find((r) => r.mailbox.id === id)!;
      const expected = await diagnoseMailbox(single, id, { now: () => NOW, sleep: noSleep });
      expect(statuses(report)).toEqual(statuses(expected));
    }
  });

  it('resolves --profile by name or id, and says when it cannot', async () => {
    const byName = await scanAll(fake(), { profile: 'CONTOSO EXCHANGE HYBRID (ON-PREMISES)' });
    const byId = await scanAll(fake(), { profile: `{${HYBRID_PROFILE.toUpperCase()}}` });
    expect(byName.reports.length).toBeGreaterThan(0);
    expect(byName.reports.map((r) => r.mailbox.id)).toEqual(byId.reports.map((r) => r.mailbox.id));
    await expect(startFleetScan(fake(), { profile: 'nope', sleep: noSleep })).rejects.toBeInstanceOf(FleetProfileError);
    const twins = fake();
    twins.store.tables.emailserverprofile.push({
      ...twins.store.tables.emailserverprofile[0],
      emailserverprofileid: '0d0d0d0d-0000-4000-8000-000000000001',
    });
    await expect(
      startFleetScan(twins, { profile: String(twins.store.tables.emailserverprofile[0].name), sleep: noSleep }),
    ).rejects.toMatchObject({ matches: expect.any(Array) });
    const denied = fake();
    denied.faults.deny({ table: 'emailserverprofile' });
    await expect(
      startFleetScan(denied, { profile: 'Microsoft Exchange Online', sleep: noSleep }),
    ).rejects.toMatchObject({ kind: 'privilege' });
  });

  it('tallies verdicts and checks, keeping only the mailboxes that are not healthy', async () => {
    const { reports } = await scanAll(fake());
    const tally = new FleetTally();
    for (const report of reports) tally.add(report);
    expect(tally.total).toBe(reports.length);
    expect(tally.healthy + tally.warning + tally.failing + tally.unknown).toBe(tally.total);
    expect(tally.mailboxes).toHaveLength(tally.total - tally.healthy);
    const fails = reports.reduce(
      (n, r) => n + r.checks.filter((c) => c.id === 'approval' && c.status === 'fail').length,
      0,
    );
    expect(tally.byCheck.approval.fail).toBe(fails);
    // A host that writes each summary out keeps none in the tally: the same counts, the same summaries, handed back by add().
    const streaming = new FleetTally({ keepMailboxes: false });
    const handedBack = reports.map((report) => streaming.add(report)).filter((summary) => summary !== null);
    expect(streaming.mailboxes).toEqual([]);
    expect(handedBack).toEqual(tally.mailboxes);
    expect(streaming.counts()).toEqual(tally.counts());
    expect(streaming.byCheck).toEqual(tally.byCheck);
    expect(continuationOptions('https://x/api/data/v9.2/mailboxes?$select=a&$skiptoken=1')).toBe(
      '?$select=a&$skiptoken=1',
    );
    expect(continuationOptions('no-query')).toBe('');
  });

  it("lists each profile finding once; a profile alert that names a scanned mailbox is that mailbox's, not a finding", async () => {
    const NAMES_DANA =
      'Email cannot be received for the mailbox Dana Whitfield. Email Server Error Code: Exchange server returned (401) Unauthorized.';
    const NAMES_NONE =
      'The email server profile Microsoft Exchange Online could not connect. Email Server Error Code: Web server returned ConnectFailure.';
    const data = environment({
      mailbox: { incomingemailstatus: 2 },
      alerts: [alert('emailserverprofile', NAMES_DANA, 3), alert('emailserverprofile', NAMES_NONE, 3)],
      extra: {
        mailbox: [1, 2].map((i) =>
          healthyMailbox({
            mailboxid: `1f0e3c1a-5b6d-4e7f-8a9b-0c1d2e3f4b0${i}`,
            name: `Mailbox ${i}`,
            emailaddress: `mailbox${i}@contoso.com`,
          }),
        ),
      },
    });
    const { reports } = await scanAll(new FakeWebApi(data, { now: fixturesNow }), { now: fixturesNow() });
    const tally = new FleetTally();
    for (const report of reports) tally.add(report);
    // Every other mailbox of the profile sees the alert about Dana as a finding; the fleet does not.
    expect(reports.filter((r) => r.findings.some((f) => f.alert?.text === NAMES_DANA))).toHaveLength(2);
    expect(tally.findings.map((f) => f.alert?.text)).toEqual([NAMES_NONE]);
    expect(tally.counts()).toMatchObject({ total: 3, failing: 1 });
    expect(tally.mailboxes.filter((m) => m.overall === 'failing').map((m) => m.name)).toEqual(['Dana Whitfield']);
    // Tallies of parts of the scan merge into the whole: Dana's part has seen the alert name her, so the sum knows it.
    const parts = [new FleetTally(), new FleetTally()];
    reports.forEach((report) => parts[report.mailbox.name === 'Dana Whitfield' ? 1 : 0].add(report));
    expect(parts[0].findings.map((f) => f.alert?.text).sort()).toEqual([NAMES_DANA, NAMES_NONE].sort());
    const merged = new FleetTally();
    for (const part of parts) merged.merge(part);
    expect(merged.counts()).toEqual(tally.counts());
    expect(merged.byCheck).toEqual(tally.byCheck);
    expect(merged.findings).toEqual(tally.findings);
    expect(merged.mailboxes.map((m) => m.id).sort()).toEqual(tally.mailboxes.map((m) => m.id).sort());
    const lean = new FleetTally({ keepMailboxes: false });
    lean.merge(merged);
    expect(lean.mailboxes).toEqual([]);
    expect(lean.counts()).toEqual(tally.counts());
  });
});
