import { readFileSync } from 'fs';
import { join } from 'path';
import { parseFilter, parseQueryOptions, QuerySyntaxError } from '../../simulator/query';
import { dataverseSchema } from '../../simulator/schema';
import { ALERT_COLUMNS, MAILBOX_COLUMNS, ORGANIZATION_COLUMNS, PROFILE_COLUMNS } from '../../diagnostics/queries';
import { itComparesWithSharedReference, readSharedReference } from '../support/shared-reference';

const schema = dataverseSchema();

describe('schema strictness', () => {
  itComparesWithSharedReference('keeps the vendored schema identical to the shared reference', () => {
    expect(readFileSync(join(__dirname, '../../simulator/dataverse-schema.json'), 'utf8')).toBe(
      readSharedReference('dataverse-schema.json').toString('utf8'),
    );
  });

  it('knows every column the engine selects', () => {
    for (const column of MAILBOX_COLUMNS)
      expect([column, schema.hasProperty('mailbox', column)]).toEqual([column, true]);
    for (const column of PROFILE_COLUMNS)
      expect([column, schema.hasProperty('emailserverprofile', column)]).toEqual([column, true]);
    for (const column of ORGANIZATION_COLUMNS)
      expect([column, schema.hasProperty('organization', column)]).toEqual([column, true]);
    for (const column of ALERT_COLUMNS)
      expect([column, schema.hasProperty('tracelog', column)]).toEqual([column, true]);
  });

  it('answers an unknown column as Dataverse does: 400, 0x80060888, "Could not find a property named"', () => {
    expect(schema.validate('mailbox', '?$select=name,credentialsvalid')).toEqual({
      status: 400,
      code: '0x80060888',
      message: "Could not find a property named 'credentialsvalid' on type 'Microsoft.Dynamics.CRM.mailbox'.",
    });
    expect(schema.validate('tracelog', '?$select=errorcode')?.code).toBe('0x80060888');
    expect(schema.validate('mailbox', '?$filter=ismailboxstatusvalid eq true')?.code).toBe('0x80060888');
  });

  it('addresses lookups only by their _x_value name', () => {
    expect(schema.validate('mailbox', '?$select=emailserverprofile')?.code).toBe('0x80060888');
    expect(schema.validate('mailbox', '?$select=_emailserverprofile_value')).toBeUndefined();
    expect(
      schema.validate('mailbox', '?$filter=_regardingobjectid_value eq 3b2c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d01'),
    ).toBeUndefined();
  });

  it('knows single-valued and collection navigation, including collections defined by the other table', () => {
    expect(schema.validate('mailbox', '?$select=name&$expand=emailserverprofile($select=name)')).toBeUndefined();
    expect(schema.validate('mailbox', '?$select=name&$expand=regardingobjectid_queue($select=name)')).toBeUndefined();
    expect(schema.navigation('mailbox', 'tracelog_Mailbox')).toMatchObject({ kind: 'collection', target: 'tracelog' });
    expect(
      schema.validate('mailbox', '?$select=name&$expand=tracelog_Mailbox($select=text;$filter=level eq 3)'),
    ).toBeUndefined();
    expect(
      schema.validate('emailserverprofile', '?$filter=emailserverprofile_mailbox/any(m:m/statecode eq 0)'),
    ).toBeUndefined();
    expect(schema.validate('mailbox', '?$expand=tracelog_Mailboxes')?.code).toBe('0x80060888');
    expect(
      schema.validate('mailbox', '?$expand=emailserverprofile($select=maxconcurrentconnectionsperorganization)')?.code,
    ).toBe('0x80060888');
  });

  it('rejects a table it does not know', () => {
    expect(schema.validate('mailboxes', '?$select=name')?.status).toBe(404);
  });

  it('checks FetchXML attribute names by logical name', () => {
    const fetch = (attr: string) =>
      `?fetchXml=${encodeURIComponent(`<fetch aggregate="true"><entity name="mailbox"><attribute name="mailboxid" aggregate="count" alias="c"/><filter><condition attribute="${attr}" operator="eq" value="1"/></filter></entity></fetch>`)}`;
    expect(schema.validate('mailbox', fetch('emailserverprofile'))).toBeUndefined();
    expect(schema.validate('mailbox', fetch('nosuchcolumn'))?.message).toMatch(/nosuchcolumn/);
  });
});

describe('query parser', () => {
  it('parses the OData options the product uses', () => {
    const parsed = parseQueryOptions(
      "?$select=a,b&$filter=(x eq 'it''s' or y ne null) and not z ge 2026-11-20T12:00:00.000Z&$orderby=a desc,b&$top=5&$count=true",
    );
    expect(parsed.kind).toBe('odata');
    if (parsed.kind !== 'odata') return;
    expect(parsed.query.select).toEqual(['a', 'b']);
    expect(parsed.query.orderby).toEqual([
      { property: 'a', descending: true },
      { property: 'b', descending: false },
    ]);
    expect(parsed.query.top).toBe(5);
    expect(parsed.query.count).toBe(true);
    expect(parsed.query.filter).toMatchObject({
      type: 'and',
      left: { type: 'or', left: { right: { value: "it's" } } },
      right: { type: 'not' },
    });
  });

  it('parses functions, Microsoft.Dynamics.CRM functions and lambdas', () => {
    expect(parseFilter("contains(name,'x')")).toMatchObject({ type: 'call', name: 'contains' });
    expect(parseFilter("Microsoft.Dynamics.CRM.In(PropertyName='level',PropertyValues=['2','3'])")).toEqual({
      type: 'crmFunction',
      name: 'In',
      property: 'level',
      values: ['2', '3'],
    });
    expect(parseFilter('tracelog_Mailbox/any(t:t/level eq 3)')).toMatchObject({
      type: 'lambda',
      navigation: 'tracelog_Mailbox',
      variable: 't',
    });
    expect(parseFilter("tolower(emailaddress) eq 'a@b.c'")).toMatchObject({
      type: 'compare',
      left: { type: 'call', name: 'tolower' },
    });
  });

  it('reports malformed queries as syntax errors', () => {
    expect(() => parseFilter("name eq 'open")).toThrow(QuerySyntaxError);
    expect(() => parseFilter('name eq')).toThrow(QuerySyntaxError);
    expect(() => parseQueryOptions('?$top=-1')).toThrow(QuerySyntaxError);
    expect(() =>
      parseQueryOptions(`?fetchXml=${encodeURIComponent('<fetch><entity name="mailbox"></fetch>')}`),
    ).toThrow(QuerySyntaxError);
  });
});
