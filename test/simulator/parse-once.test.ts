/** Each request's query options are parsed once; the syntax tree goes to the faults, the schema check and the store. */
import * as query from '../../simulator/query';
import { FakeWebApi } from '../../simulator/fake';
import { useEmulator } from '../support/emulator';
import { environment, IDS, now } from '../support/fixtures';

const FETCH = encodeURIComponent(
  '<fetch count="2"><entity name="mailbox"><attribute name="name" /><link-entity name="emailserverprofile" from="emailserverprofileid" to="emailserverprofile" link-type="outer"><attribute name="name" /></link-entity></entity></fetch>',
);

const running = useEmulator(() => ({ data: environment(), now }));
let parse: jest.SpyInstance;

beforeEach(() => {
  parse = jest.spyOn(query, 'parseQueryOptions');
});
afterEach(() => parse.mockRestore());

async function get(path: string): Promise<number> {
  const response = await fetch(`${running.emulator.apiUrl}${path}`, { headers: { Prefer: 'odata.maxpagesize=1' } });
  await response.text();
  return response.status;
}

describe('the HTTP emulator parses a query once', () => {
  it('a collection with $count and $top (the count is taken from the same tree, without $top)', async () => {
    expect(await get('mailboxes?$select=name&$filter=statecode eq 0&$top=1&$count=true')).toBe(200);
    expect(parse).toHaveBeenCalledTimes(1);
  });

  it('a FetchXML page joining another table', async () => {
    expect(await get(`mailboxes?fetchXml=${FETCH}`)).toBe(200);
    expect(parse).toHaveBeenCalledTimes(1);
  });

  it('one record', async () => {
    expect(await get(`mailboxes(${IDS.mailbox})?$select=name`)).toBe(200);
    expect(parse).toHaveBeenCalledTimes(1);
  });

  it('a query that does not parse: 400, parsed once', async () => {
    expect(await get("mailboxes?$filter=name eq 'unterminated")).toBe(400);
    expect(parse).toHaveBeenCalledTimes(1);
  });
});

describe('the jest fake parses a query once', () => {
  it('for the faults, the Xrm.WebApi option check, the schema check and the store', async () => {
    const fake = new FakeWebApi(environment(), { now });
    const page = await fake.retrieveMultipleRecords('mailbox', `?fetchXml=${FETCH}`);
    expect(page.entities).toHaveLength(1);
    await fake.retrieveRecord('mailbox', IDS.mailbox, '?$select=name');
    expect(parse).toHaveBeenCalledTimes(2);
  });
});
