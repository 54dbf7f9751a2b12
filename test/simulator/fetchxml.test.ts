/**
 * FetchXML as the product reads with it, through both hosts of the one store: the engine's Xrm.WebApi fake and the
 * emulator over HTTP (the CLI's port). Paging by cookie (several pages, no row lost or repeated, a row added between
 * pages), joined tables (`<alias>.<column>`, outer and inner, nested), their strictness against Microsoft's schema,
 * the failed-items aggregate by owner, and the aggregate limit.
 */
import {
  AGGREGATE_LIMIT_CODE,
  fetchXmlOptions,
  fetchXmlPageOptions,
  nextFetchXmlPage,
  toDataverseError,
  type DataverseRecord,
  type FetchXmlPaging,
  type WebApiPort,
} from '../../diagnostics';
import {
  ALERT_MAILBOX_ALIAS,
  alertWindowStart,
  fleetAlertFetch,
  fleetMailboxFetch,
  itemFailuresByOwnerOptions,
  profileAlertFetch,
  type OwnerTable,
} from '../../diagnostics/queries';
import { ENTITY_SETS } from '../../cli/http/environment';
import { createHttpPort } from '../../cli/http/webapi';
import { startEmulator } from '../../simulator/http/server';
import { DataverseStore, type DataSet } from '../../simulator/store';
import { dataverseSchema } from '../../simulator/schema';
import { loadSampleEnvironment } from '../../sandbox/load-sample-environment';
import { FakeWebApi } from '../../simulator/fake';
import { useEmulator } from '../support/emulator';
import { ADELE } from '../support/sample-ids';

const NOW = new Date();
const ALL_JOINS = new Set<OwnerTable>(['systemuser', 'usersettings', 'queue']);

function sample(): DataSet {
  return loadSampleEnvironment({ now: NOW }).data;
}

interface Host {
  port: WebApiPort;
  store: DataverseStore;
  close(): Promise<void>;
}

const hosts: [string, () => Promise<Host>][] = [
  [
    'the Xrm.WebApi fake',
    async () => {
      const fake = new FakeWebApi(sample(), { now: () => NOW });
      return { port: fake, store: fake.store, close: async () => undefined };
    },
  ],
  [
    'the emulator over HTTP',
    async () => {
      const emulator = await startEmulator({ data: sample(), now: () => NOW });
      const port = createHttpPort({
        environment: emulator.url,
        entitySets: ENTITY_SETS,
        fetch: (url, init) => fetch(url, init),
      });
      return { port, store: emulator.store, close: () => emulator.close() };
    },
  ],
];

/** Every page of a FetchXML query, continued as the engine continues: page n+1 with page n's cookie. */
async function allPages(
  port: WebApiPort,
  fetchXml: string,
  count: number,
  table = 'mailbox',
): Promise<{ pages: DataverseRecord[][]; cookies: (string | undefined)[] }> {
  const pages: DataverseRecord[][] = [];
  const cookies: (string | undefined)[] = [];
  let paging: FetchXmlPaging | null = { page: 1 };
  while (paging) {
    const result = await port.retrieveMultipleRecords(table, fetchXmlPageOptions(fetchXml, count, paging));
    pages.push(result.entities);
    cookies.push(result.fetchXmlPagingCookie);
    paging = result.fetchXmlPagingCookie !== undefined ? nextFetchXmlPage(result.fetchXmlPagingCookie) : null;
    expect(paging === null || paging.page === pages.length + 1).toBe(true);
  }
  return { pages, cookies };
}

const ids = (rows: DataverseRecord[]) => rows.map((row) => String(row.mailboxid));

describe.each(hosts)('FetchXML through %s', (_name, start) => {
  let host: Host;
  beforeEach(async () => {
    host = await start();
  });
  afterEach(async () => {
    await host.close();
  });

  it('pages by cookie: several pages, every matching row once, in mailboxid order', async () => {
    const query = fleetMailboxFetch({ all: true, profileId: null }, ALL_JOINS);
    const expected = host.store.tables.mailbox.map((row) => String(row.mailboxid).toLowerCase()).sort();
    const { pages, cookies } = await allPages(host.port, query, 500);
    expect(pages.length).toBe(Math.ceil(expected.length / 500));
    expect(pages.slice(0, -1).every((page) => page.length === 500)).toBe(true);
    // A cookie while more rows match, none with the last page.
    expect(
      cookies
        .slice(0, -1)
        .every((cookie) => typeof cookie === 'string' && /pagenumber="\d+" pagingcookie="%25?3[cC]cookie/.test(cookie)),
    ).toBe(true);
    expect(cookies[cookies.length - 1]).toBeUndefined();
    const seen = pages.flatMap(ids);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expected);
  });

  it('continues after the last row the cookie names, even when a row was added before it (page numbers alone would repeat one)', async () => {
    const query = fleetMailboxFetch({ all: true, profileId: null }, ALL_JOINS);
    const first = await host.port.retrieveMultipleRecords('mailbox', fetchXmlPageOptions(query, 10));
    const firstIds = ids(first.entities);
    const early = {
      ...host.store.tables.mailbox.find((row) => row.mailboxid === firstIds[0])!,
      mailboxid: '00000000-0000-4000-8000-000000000001',
    };
    host.store.tables.mailbox.push(early);
    const byCookie = await host.port.retrieveMultipleRecords(
      'mailbox',
      fetchXmlPageOptions(query, 10, nextFetchXmlPage(first.fetchXmlPagingCookie!)!),
    );
    const byNumber = await host.port.retrieveMultipleRecords('mailbox', fetchXmlPageOptions(query, 10, { page: 2 }));
    expect(ids(byCookie.entities).filter((id) => firstIds.includes(id))).toEqual([]);
    expect(ids(byCookie.entities)[0] > firstIds[9]).toBe(true);
    expect(ids(byNumber.entities)[0]).toBe(firstIds[9]);
    // A cookie for another page than the one before is ignored (Learn: nonconsecutive pages).
    const skipped = await host.port.retrieveMultipleRecords(
      'mailbox',
      fetchXmlPageOptions(query, 10, {
        page: 3,
        pagingCookie: nextFetchXmlPage(first.fetchXmlPagingCookie!)!.pagingCookie!,
      }),
    );
    const third = await host.port.retrieveMultipleRecords('mailbox', fetchXmlPageOptions(query, 10, { page: 3 }));
    expect(ids(skipped.entities)).toEqual(ids(third.entities));
  });

  it("joins the owner's columns as <alias>.<column>: a user with its settings, a queue, nothing for the other kind (outer)", async () => {
    const { pages } = await allPages(host.port, fleetMailboxFetch({ all: true, profileId: null }, ALL_JOINS), 5000);
    const rows = pages.flat();
    expect(rows).toHaveLength(host.store.tables.mailbox.length);
    const adele = rows.find((row) => row.mailboxid === ADELE)!;
    const user = host.store.tables.systemuser.find(
      (row) =>
        row.systemuserid === host.store.tables.mailbox.find((m) => m.mailboxid === ADELE)!._regardingobjectid_value,
    )!;
    const settings = host.store.tables.usersettings.find((row) => row.systemuserid === user.systemuserid)!;
    expect(adele['owneruser.systemuserid']).toBe(user.systemuserid);
    expect(adele['owneruser.fullname']).toBe(user.fullname);
    expect(adele['owneruser.isdisabled']).toBe(user.isdisabled);
    expect(adele['ownersettings.incomingemailfilteringmethod']).toBe(settings.incomingemailfilteringmethod);
    expect(Object.keys(adele).some((key) => key.startsWith('ownerqueue.'))).toBe(false);
    const queueMailbox = host.store.tables.mailbox.find(
      (row) => row['_regardingobjectid_value@Microsoft.Dynamics.CRM.lookuplogicalname'] === 'queue',
    )!;
    const queue = host.store.tables.queue.find((row) => row.queueid === queueMailbox._regardingobjectid_value)!;
    const queueRow = rows.find((row) => row.mailboxid === queueMailbox.mailboxid)!;
    expect(queueRow['ownerqueue.name']).toBe(queue.name);
    expect(queueRow['ownerqueue.statecode']).toBe(queue.statecode);
    expect(Object.keys(queueRow).some((key) => key.startsWith('owneruser.') || key.startsWith('ownersettings.'))).toBe(
      false,
    );
    // FetchXML leaves out empty columns; the main table's lookups keep their _x_value name.
    expect(Object.values(adele).includes(null)).toBe(false);
    expect(typeof adele._emailserverprofile_value).toBe('string');
  });

  /** The week's Warning and Error alerts about rows of `table`, as the store holds them. */
  function weeksAlerts(table: 'mailbox' | 'emailserverprofile'): DataverseRecord[] {
    const start = Date.parse(alertWindowStart(NOW));
    return host.store.tables.tracelog.filter(
      (row) =>
        Number(row.level) >= 2 &&
        Date.parse(String(row.modifiedon)) >= start &&
        row['_regardingobjectid_value@Microsoft.Dynamics.CRM.lookuplogicalname'] === table,
    );
  }

  it("splits the mailboxes in two: those with an alert of the week come with their alerts, the others on their own ('not any')", async () => {
    const scope = { all: true, profileId: null };
    const withAlerts = await allPages(host.port, fleetAlertFetch(scope, ALL_JOINS, NOW), 2, 'tracelog');
    const without = await allPages(host.port, fleetMailboxFetch(scope, ALL_JOINS, NOW), 5000);
    const alertRows = withAlerts.pages.flat();
    const expectedAlerts = weeksAlerts('mailbox');
    expect(expectedAlerts.length).toBeGreaterThan(2);
    // One row per alert, each with its mailbox and the owner joined; the inner join applies before paging.
    expect(alertRows.map((row) => row.tracelogid).sort()).toEqual(expectedAlerts.map((row) => row.tracelogid).sort());
    expect(withAlerts.pages.slice(0, -1).every((page) => page.length === 2)).toBe(true);
    for (const row of alertRows) expect(row[`${ALERT_MAILBOX_ALIAS}.mailboxid`]).toBe(row._regardingobjectid_value);
    const adeleAlert = alertRows.find((row) => row._regardingobjectid_value === ADELE);
    if (adeleAlert) expect(typeof adeleAlert['owneruser.fullname']).toBe('string');
    // Sorted by the name of the mailbox the alert is about (Dataverse sorts a lookup so), newest first within it.
    const names = alertRows.map((row) =>
      String(row['_regardingobjectid_value@OData.Community.Display.V1.FormattedValue']).toLowerCase(),
    );
    expect(names).toEqual([...names].sort());
    const alerted = new Set(expectedAlerts.map((row) => String(row._regardingobjectid_value)));
    const quiet = without.pages.flat().map((row) => String(row.mailboxid));
    expect(quiet.filter((id) => alerted.has(id))).toEqual([]);
    expect([...alerted, ...quiet].sort()).toEqual(host.store.tables.mailbox.map((row) => String(row.mailboxid)).sort());
  });

  it("reads the profiles' alerts through the profile, or (when profiles may not be read) as those about no mailbox", async () => {
    const expected = weeksAlerts('emailserverprofile').map((row) => row.tracelogid);
    expect(expected.length).toBeGreaterThan(0);
    for (const readable of [true, false]) {
      const { pages } = await allPages(host.port, profileAlertFetch(NOW, readable), 5000, 'tracelog');
      expect(
        pages
          .flat()
          .map((row) => row.tracelogid)
          .sort(),
      ).toEqual([...expected].sort());
    }
  });

  it('an inner join keeps only the rows that have a match', async () => {
    const inner = `<fetch><entity name="mailbox"><attribute name="name" /><link-entity name="queue" from="queueid" to="regardingobjectid" link-type="inner" alias="q"><attribute name="name" /></link-entity></entity></fetch>`;
    const { entities } = await host.port.retrieveMultipleRecords('mailbox', fetchXmlOptions(inner));
    const queueOwned = host.store.tables.mailbox.filter(
      (row) => row['_regardingobjectid_value@Microsoft.Dynamics.CRM.lookuplogicalname'] === 'queue',
    );
    expect(ids(entities).sort()).toEqual(queueOwned.map((row) => String(row.mailboxid)).sort());
    expect(entities.every((row) => typeof row['q.name'] === 'string')).toBe(true);
  });

  it.each([
    [
      'an unknown column of a joined table',
      '<link-entity name="systemuser" from="systemuserid" to="regardingobjectid" link-type="outer" alias="u"><attribute name="nosuchcolumn" /></link-entity>',
      400,
      '0x80041103',
      /'systemuser' entity doesn't contain attribute with Name = 'nosuchcolumn'/,
    ],
    [
      'an unknown column in a nested join',
      '<link-entity name="systemuser" from="systemuserid" to="regardingobjectid" link-type="outer" alias="u"><link-entity name="usersettings" from="systemuserid" to="systemuserid" link-type="outer" alias="s"><attribute name="trackingfilter" /></link-entity></link-entity>',
      400,
      '0x80041103',
      /'usersettings' .*'trackingfilter'/,
    ],
    [
      'an unknown join column',
      '<link-entity name="queue" from="queueid" to="ownerqueueid" link-type="outer" alias="q"><attribute name="name" /></link-entity>',
      400,
      '0x80041103',
      /'mailbox' .*'ownerqueueid'/,
    ],
    [
      'a join no relationship of the schema makes',
      '<link-entity name="usersettings" from="systemuserid" to="regardingobjectid" link-type="outer" alias="s"><attribute name="incomingemailfilteringmethod" /></link-entity>',
      400,
      '0x80041103',
      /No relationship in Microsoft's schema joins 'usersettings'/,
    ],
    [
      'an unknown table',
      '<link-entity name="mailboxowner" from="mailboxownerid" to="regardingobjectid" link-type="outer" alias="o"><attribute name="name" /></link-entity>',
      404,
      '0x80040217',
      /mailboxowner/,
    ],
  ])('answers %s as Dataverse does', async (_what, link, status, code, message) => {
    const fetchXml = `<fetch><entity name="mailbox"><attribute name="name" />${link}</entity></fetch>`;
    const error = toDataverseError(
      await host.port.retrieveMultipleRecords('mailbox', fetchXmlOptions(fetchXml)).then(
        () => null,
        (e: unknown) => e,
      ),
    );
    expect({ status: error.status, code: error.code }).toEqual({ status, code });
    expect(error.message).toMatch(message);
  });

  it('counts failed items per owner in the persistence window with one aggregate', async () => {
    const days = 1;
    const { entities } = await host.port.retrieveMultipleRecords(
      'exchangesyncidmapping',
      itemFailuresByOwnerOptions(NOW, days),
    );
    const since = NOW.getTime() - days * 86_400_000;
    const expected = new Map<string, number>();
    for (const row of host.store.tables.exchangesyncidmapping) {
      if (Date.parse(String(row.lastsyncerroroccurredon)) < since) continue;
      const owner = String(row._ownerid_value);
      expected.set(owner, (expected.get(owner) ?? 0) + 1);
    }
    expect(expected.size).toBeGreaterThan(0);
    expect(new Map(entities.map((row) => [String(row.owner), row.failures]))).toEqual(expected);
  });
});

describe('FetchXML in the emulator', () => {
  const running = useEmulator(() => ({ data: sample(), now: () => NOW }));

  const query = (count: number) =>
    fetchXmlPageOptions(fleetMailboxFetch({ all: true, profileId: null }, ALL_JOINS), count).slice(1);
  const mailboxes = (options: string) => `${running.emulator.apiUrl}mailboxes?${options}`;

  it('returns the paging cookie and more-records flag only when asked, and neither with the last page', async () => {
    const plain = (await (await fetch(mailboxes(query(5)))).json()) as Record<string, unknown>;
    expect(plain['@Microsoft.Dynamics.CRM.fetchxmlpagingcookie']).toBeUndefined();
    expect((plain.value as unknown[]).length).toBe(5);
    const asked = await fetch(mailboxes(query(5)), {
      headers: {
        Prefer:
          'odata.include-annotations="Microsoft.Dynamics.CRM.fetchxmlpagingcookie,Microsoft.Dynamics.CRM.morerecords"',
      },
    });
    const body = (await asked.json()) as Record<string, unknown>;
    expect(body['@Microsoft.Dynamics.CRM.morerecords']).toBe(true);
    expect(body['@Microsoft.Dynamics.CRM.fetchxmlpagingcookie']).toMatch(
      /^<cookie pagenumber="2" pagingcookie="[^"]+" istracking="False" \/>$/,
    );
    expect(
      decodeURIComponent(
        decodeURIComponent(
          /pagingcookie="([^"]+)"/.exec(String(body['@Microsoft.Dynamics.CRM.fetchxmlpagingcookie']))![1],
        ),
      ),
    ).toMatch(/^<cookie page="1"><mailboxid last="\{[0-9A-F-]{36}\}" first="\{[0-9A-F-]{36}\}" \/><\/cookie>$/);
    const last = (await (
      await fetch(mailboxes(query(5000)), {
        headers: { Prefer: 'odata.include-annotations="*"' },
      })
    ).json()) as Record<string, unknown>;
    expect(last['@Microsoft.Dynamics.CRM.morerecords']).toBeUndefined();
    expect(last['@Microsoft.Dynamics.CRM.fetchxmlpagingcookie']).toBeUndefined();
  });

  it('refuses a query that joins a table the caller may not read, naming that table', async () => {
    running.emulator.faults.deny({ table: 'usersettings' });
    const response = await fetch(mailboxes(query(5)));
    expect(response.status).toBe(403);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('0x80040220');
    expect(body.error.message).toContain("for entity 'usersettings'");
    const without = fetchXmlPageOptions(
      fleetMailboxFetch({ all: true, profileId: null }, new Set<OwnerTable>(['systemuser', 'queue'])),
      5,
    ).slice(1);
    expect((await fetch(mailboxes(without))).status).toBe(200);
  });
});

describe('FetchXML aggregates', () => {
  it('are refused above 50,000 rows, as Dataverse refuses them', () => {
    const rows = Array.from({ length: 50_001 }, (_, i) => ({
      exchangesyncidmappingid: `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
      lastsyncerroroccurredon: NOW.toISOString(),
    }));
    const store = new DataverseStore(dataverseSchema(), { exchangesyncidmapping: rows });
    expect(() => store.retrieveMultiple('exchangesyncidmapping', itemFailuresByOwnerOptions(NOW, 3))).toThrow(
      expect.objectContaining({ status: 400, code: AGGREGATE_LIMIT_CODE }),
    );
    store.tables.exchangesyncidmapping.pop();
    expect(store.retrieveMultiple('exchangesyncidmapping', itemFailuresByOwnerOptions(NOW, 3))).toEqual([
      { failures: 50_000 },
    ]);
  });
});
