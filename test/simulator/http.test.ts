/** The sandbox's Dataverse emulator over HTTP: query features, paging, annotations, errors, faults, Test & Enable. */
import { startEmulator, COUNT_LIMIT } from '../../simulator/http/server';
import { useSampleEmulator } from '../support/emulator';
import { ADELE, HYBRID_PROFILE, MEGAN } from '../support/sample-ids';

const PATTI = 'd5bd3aec-d5b7-4df1-bbd8-60bc16f60122';
const LYNNE = '93a26f7b-a024-4183-b73c-091bdd7604af';
const ANNOTATIONS = { Prefer: 'odata.include-annotations="*"' };

type Json = Record<string, unknown> & { value?: Record<string, unknown>[] };

const sample = useSampleEmulator((environment) => ({
  testEnableOutcomes: environment.testEnableOutcomes,
  testEnableDelayMs: 150,
}));

async function get(
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Json; headers: Headers }> {
  const response = await fetch(path.startsWith('http') ? path : `${sample.emulator.apiUrl}${path}`, { headers });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Json) : {}, headers: response.headers };
}

async function patch(
  path: string,
  data: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Json }> {
  const response = await fetch(`${sample.emulator.apiUrl}${path}`, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json', 'If-Match': '*', ...headers },
    body: JSON.stringify(data),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Json) : {} };
}

describe('query options', () => {
  test('$select returns the columns asked for, plus the primary id and an etag', async () => {
    const { status, body } = await get(`mailboxes(${MEGAN})?$select=name,emailaddress`);
    expect(status).toBe(200);
    expect(body).toEqual({
      '@odata.context': `${sample.emulator.apiUrl}$metadata#mailboxes(name,emailaddress)/$entity`,
      '@odata.etag': expect.stringMatching(/^W\/"\d+"$/),
      mailboxid: MEGAN,
      name: 'Megan Bowen',
      emailaddress: 'megan.bowen@contoso.com',
    });
  });

  test('$filter with comparisons, and/or/not, null and string functions', async () => {
    const { body } = await get(
      "mailboxes?$select=name&$filter=(incomingemailstatus eq 2 and not (statecode eq 1)) and (contains(name,'a') or _emailserverprofile_value eq null)&$orderby=name",
    );
    const names = body.value!.map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['Adele Vance', 'Isaiah Langer', 'Patti Fernandez']));
    expect(names).not.toContain('Megan Bowen');
    expect([...names].sort()).toEqual(names);
  });

  test('$filter with the Microsoft.Dynamics.CRM query functions', async () => {
    const stale = await get(
      "mailboxes?$select=name&$filter=Microsoft.Dynamics.CRM.OlderThanXHours(PropertyName='lastsuccessfulsynccompletedon',PropertyValue=24) and statecode eq 0 and Microsoft.Dynamics.CRM.In(PropertyName='incomingemailstatus',PropertyValues=['1','2'])",
    );
    expect(stale.status).toBe(200);
    expect(stale.body.value!.map((r) => r.name)).toEqual(
      expect.arrayContaining(['Grady Archie', 'Isaiah Langer', 'Pradeep Gupta']),
    );
    expect(stale.body.value!.map((r) => r.name)).not.toContain('Megan Bowen');
  });

  test('$orderby desc and $top', async () => {
    const { body } = await get('tracelogs?$select=text,modifiedon&$orderby=modifiedon desc&$top=3');
    expect(body.value).toHaveLength(3);
    const times = body.value!.map((r) => Date.parse(String(r.modifiedon)));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  test('$expand of single-valued and collection navigation properties with nested options', async () => {
    const { body } = await get(
      `mailboxes(${PATTI})?$select=name&$expand=emailserverprofile($select=name,maxconcurrentconnections),tracelog_Mailbox($select=text,level;$filter=level eq 3;$orderby=modifiedon desc)`,
    );
    expect(body.emailserverprofile).toMatchObject({ name: 'Microsoft Exchange Online', maxconcurrentconnections: 10 });
    const alerts = body.tracelog_Mailbox as Record<string, unknown>[];
    expect(alerts.length).toBeGreaterThan(0);
    expect(alerts.every((a) => a.level === 3)).toBe(true);
  });

  test('a collection navigation segment: mailboxes(id)/tracelog_Mailbox', async () => {
    const { status, body } = await get(`mailboxes(${PATTI})/tracelog_Mailbox?$select=text&$filter=level eq 3`);
    expect(status).toBe(200);
    expect(body.value!.length).toBeGreaterThan(0);
    expect(String(body.value![0].text)).toMatch(/credentials specified in the mailbox are correct/);
  });

  test('fetchXml: an aggregate count over the generated population', async () => {
    const fetchXml = `<fetch aggregate="true"><entity name="mailbox"><attribute name="mailboxid" aggregate="count" alias="mailboxes"/><filter><condition attribute="emailserverprofile" operator="eq" value="${HYBRID_PROFILE}"/><condition attribute="statecode" operator="eq" value="0"/></filter></entity></fetch>`;
    const { status, body } = await get(`mailboxes?fetchXml=${encodeURIComponent(fetchXml)}`);
    expect(status).toBe(200);
    // 2,000 generated technicians, 300 overdue ones, Nestor Wilke, Isaiah Langer and Miriam Graham.
    expect(body.value).toEqual([{ mailboxes: 2303 }]);
  });

  test('$count=true gives @odata.count, capped at 5000 like Dataverse', async () => {
    const { body } = await get("mailboxes?$select=name&$filter=startswith(name,'Field Technician')&$count=true&$top=1");
    expect(body['@odata.count']).toBe(2300);
    expect(body.value).toHaveLength(1);
    expect(COUNT_LIMIT).toBe(5000);
    const big = Array.from({ length: 5003 }, (_, i) => ({
      contactid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      fullname: `C ${i}`,
    }));
    const local = await startEmulator({ data: { contact: big } });
    try {
      const response = await fetch(`${local.apiUrl}contacts?$select=fullname&$count=true`, {
        headers: { Prefer: 'odata.maxpagesize=10' },
      });
      expect(((await response.json()) as Json)['@odata.count']).toBe(5000);
      expect(await (await fetch(`${local.apiUrl}contacts/$count`)).text()).toBe('5000');
    } finally {
      await local.close();
    }
  });
});

describe('paging', () => {
  test('odata.maxpagesize pages with an absolute @odata.nextLink until every row is read', async () => {
    const seen: string[] = [];
    let url: string | undefined =
      `${sample.emulator.apiUrl}mailboxes?$select=name&$filter=startswith(name,'Field Technician 00')`;
    let pages = 0;
    while (url) {
      const { status, body, headers } = await get(url, { Prefer: 'odata.maxpagesize=40' });
      expect(status).toBe(200);
      expect(headers.get('preference-applied')).toBe('odata.maxpagesize=40');
      seen.push(...body.value!.map((r) => String(r.name)));
      url = body['@odata.nextLink'] as string | undefined;
      if (url) expect(url.startsWith(`${sample.emulator.apiUrl}mailboxes?`)).toBe(true);
      pages++;
    }
    expect(seen).toHaveLength(99);
    expect(new Set(seen).size).toBe(99);
    expect(pages).toBe(3);
  });

  test('a tampered skiptoken is a 400', async () => {
    const { status, body } = await get('mailboxes?$select=name&$skiptoken=nonsense');
    expect(status).toBe(400);
    expect((body.error as Record<string, string>).code).toBe('0x80060888');
  });
});

describe('annotations', () => {
  test('none unless asked', async () => {
    const { body, headers } = await get(`mailboxes(${MEGAN})?$select=incomingemailstatus,_regardingobjectid_value`);
    expect(Object.keys(body).filter((k) => k.includes('@') && !k.startsWith('@odata'))).toEqual([]);
    expect(headers.get('preference-applied')).toBeNull();
  });

  test('"*" gives formatted values, lookup logical names and navigation names, and is echoed', async () => {
    const { body, headers } = await get(
      `mailboxes(${MEGAN})?$select=incomingemailstatus,_regardingobjectid_value,_emailserverprofile_value`,
      ANNOTATIONS,
    );
    expect(headers.get('preference-applied')).toBe('odata.include-annotations="*"');
    expect(body['incomingemailstatus@OData.Community.Display.V1.FormattedValue']).toBe('Success');
    expect(body['_regardingobjectid_value@Microsoft.Dynamics.CRM.lookuplogicalname']).toBe('systemuser');
    expect(body['_regardingobjectid_value@OData.Community.Display.V1.FormattedValue']).toBe('Megan Bowen');
    expect(body['_regardingobjectid_value@Microsoft.Dynamics.CRM.associatednavigationproperty']).toBe(
      'regardingobjectid',
    );
    expect(body['_emailserverprofile_value@OData.Community.Display.V1.FormattedValue']).toBe(
      'Microsoft Exchange Online',
    );
  });

  test('a list of terms (with a namespace wildcard) gives only those', async () => {
    const { body } = await get(`mailboxes(${MEGAN})?$select=incomingemailstatus,_regardingobjectid_value`, {
      Prefer: 'odata.include-annotations="Microsoft.Dynamics.CRM.*"',
    });
    expect(body['_regardingobjectid_value@Microsoft.Dynamics.CRM.lookuplogicalname']).toBe('systemuser');
    expect(body['incomingemailstatus@OData.Community.Display.V1.FormattedValue']).toBeUndefined();
  });

  test('queue mailboxes say queue, and expanded records are annotated too', async () => {
    const { body } = await get(
      "mailboxes?$select=name,_regardingobjectid_value&$filter=name eq 'Contoso Support'&$expand=emailserverprofile($select=servertype)",
      ANNOTATIONS,
    );
    const [row] = body.value!;
    expect(row['_regardingobjectid_value@Microsoft.Dynamics.CRM.lookuplogicalname']).toBe('queue');
    expect(
      (row.emailserverprofile as Record<string, unknown>)['servertype@OData.Community.Display.V1.FormattedValue'],
    ).toBe('Exchange Server');
  });
});

describe('errors and strictness', () => {
  test.each([
    ['an unknown column', 'mailboxes?$select=name,credentialsvalid', 400, '0x80060888', /credentialsvalid/],
    [
      'an unknown column in $filter',
      'mailboxes?$select=name&$filter=ismailboxstatusvalid eq true',
      400,
      '0x80060888',
      /ismailboxstatusvalid/,
    ],
    ['a lookup by its logical name', 'mailboxes?$select=emailserverprofile', 400, '0x80060888', /emailserverprofile/],
    [
      'an unknown navigation property',
      'mailboxes?$select=name&$expand=alerts($select=text)',
      400,
      '0x80060888',
      /alerts/,
    ],
    [
      'an unknown column inside $expand',
      'mailboxes?$select=name&$expand=emailserverprofile($select=errorcode)',
      400,
      '0x80060888',
      /errorcode/,
    ],
    ['an unknown entity set', 'mailboxs?$select=name', 404, '0x80060888', /mailboxs/],
    ['bad $filter syntax', "mailboxes?$select=name&$filter=name eq 'x", 400, '0x80060888', /./],
    ['an unsupported system query option', 'mailboxes?$select=name&$skip=10', 400, '0x80060888', /\$skip/],
    ['a missing record', 'mailboxes(00000000-0000-4000-8000-000000000000)', 404, '0x80040217', /Does Not Exist/],
    [
      'an unknown FetchXML attribute',
      `mailboxes?fetchXml=${encodeURIComponent('<fetch><entity name="mailbox"><attribute name="nope"/></entity></fetch>')}`,
      400,
      '0x80041103',
      /nope/,
    ],
  ])('%s', async (_label, path, status, code, message) => {
    const response = await get(path);
    expect(response.status).toBe(status);
    expect(response.body.error).toEqual({ code, message: expect.stringMatching(message) });
  });

  test('PATCH of an unknown column or a wrong type writes nothing', async () => {
    const before = { ...sample.emulator.store.find('mailbox', MEGAN)! };
    expect((await patch(`mailboxes(${MEGAN})`, { name: 'Renamed', credentialsvalid: true })).body.error).toMatchObject({
      code: '0x80060888',
    });
    expect((await patch(`mailboxes(${MEGAN})`, { enabledforact: 'yes' })).status).toBe(400);
    expect((await patch(`mailboxes(${MEGAN})`, { incomingemailstatus: 7 })).body.error).toMatchObject({
      code: '0x8004431a',
    });
    expect(sample.emulator.store.find('mailbox', MEGAN)).toEqual(before);
  });

  test('WhoAmI and the service document', async () => {
    expect((await get('WhoAmI')).body.UserId).toBe(sample.environment.callerId);
    const service = await get('');
    expect(service.body.value).toEqual(
      expect.arrayContaining([{ name: 'usersettingscollection', kind: 'EntitySet', url: 'usersettingscollection' }]),
    );
  });
});

describe('fault injection', () => {
  test('429 with Retry-After, n times, on one table', async () => {
    sample.emulator.faults.throttle({ times: 2, table: 'tracelog', retryAfterSeconds: 7 });
    expect((await get('mailboxes?$select=name&$top=1')).status).toBe(200);
    const first = await get('tracelogs?$select=text&$top=1');
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('7');
    expect(first.body.error).toMatchObject({ code: '0x80072322' });
    expect((await get('tracelogs?$select=text&$top=1')).status).toBe(429);
    expect((await get('tracelogs?$select=text&$top=1')).status).toBe(200);
  });

  test('403 PrivilegeDenied naming the privilege, also through $expand', async () => {
    sample.emulator.faults.deny({ table: 'tracelog' });
    const direct = await get('tracelogs?$select=text');
    expect(direct.status).toBe(403);
    expect(direct.body.error).toEqual({ code: '0x80040220', message: expect.stringContaining('prvReadTraceLog') });
    expect((await get(`mailboxes(${MEGAN})?$select=name&$expand=tracelog_Mailbox($select=text)`)).status).toBe(403);
    expect((await get(`mailboxes(${MEGAN})?$select=name`)).status).toBe(200);
  });

  test('500 n times on any table, then recovery', async () => {
    sample.emulator.faults.serverError({ times: 1 });
    const failed = await get('organizations?$select=name');
    expect(failed.status).toBe(500);
    expect(failed.body.error).toMatchObject({ code: '0x80040216' });
    expect((await get('organizations?$select=name')).status).toBe(200);
  });

  test('added latency', async () => {
    sample.emulator.faults.latency(120);
    const started = Date.now();
    await get('organizations?$select=name');
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
  });

  test('requests are recorded (method, url, table, status)', async () => {
    sample.emulator.requests.length = 0;
    await get('organizations?$select=name');
    expect(sample.emulator.requests).toEqual([
      { method: 'GET', url: '/api/data/v9.2/organizations?$select=name', table: 'organization', status: 200 },
    ]);
  });
});

describe('bearer tokens', () => {
  test('requireToken: 401 without a bearer token, any token accepted, never recorded', async () => {
    const secured = await startEmulator({ data: sample.environment.data, requireToken: true });
    try {
      const anonymous = await fetch(`${secured.apiUrl}WhoAmI`);
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer authorization_uri=/);
      const authorised = await fetch(`${secured.apiUrl}WhoAmI`, {
        headers: { Authorization: 'Bearer secret-token-123' },
      });
      expect(authorised.status).toBe(200);
      expect(JSON.stringify(secured.requests)).not.toContain('secret-token-123');
    } finally {
      await secured.close();
    }
  });
});

describe('Test & Enable', () => {
  test('success: the flag resets and the statuses flip after the delay', async () => {
    const before = sample.emulator.store.find('mailbox', LYNNE)!;
    expect(before.actstatus).toBe(2);
    const megan = await patch(`mailboxes(${MEGAN})`, { testemailconfigurationscheduled: true });
    expect(megan.status).toBe(204);
    const queued = await get(
      `mailboxes(${MEGAN})?$select=testemailconfigurationscheduled,testmailboxaccesscompletedon`,
    );
    expect(queued.body.testemailconfigurationscheduled).toBe(true);
    const previous = Date.parse(String(queued.body.testmailboxaccesscompletedon));
    await sample.emulator.whenIdle();
    const done = await get(
      `mailboxes(${MEGAN})?$select=testemailconfigurationscheduled,testmailboxaccesscompletedon,incomingemailstatus,outgoingemailstatus,actstatus,enabledforincomingemail`,
    );
    expect(done.body).toMatchObject({
      testemailconfigurationscheduled: false,
      incomingemailstatus: 1,
      outgoingemailstatus: 1,
      actstatus: 1,
      enabledforincomingemail: true,
    });
    expect(Date.parse(String(done.body.testmailboxaccesscompletedon))).toBeGreaterThan(previous);
  });

  test("failure from the data set's outcome: Failure statuses, channels disabled, an Error alert", async () => {
    await patch(`mailboxes(${PATTI})`, { testemailconfigurationscheduled: true });
    await sample.emulator.whenIdle();
    const { body } = await get(
      `mailboxes(${PATTI})?$select=incomingemailstatus,outgoingemailstatus,actstatus,enabledforincomingemail,enabledforact,postponemailboxprocessinguntil`,
    );
    expect(body).toMatchObject({
      incomingemailstatus: 2,
      outgoingemailstatus: 2,
      actstatus: 1,
      enabledforincomingemail: false,
      enabledforact: true,
      postponemailboxprocessinguntil: '9999-12-31T23:59:59Z',
    });
    const alerts = await get(
      `tracelogs?$select=text,errordetails,level&$filter=_regardingobjectid_value eq ${PATTI}&$orderby=createdon desc&$top=1`,
    );
    expect(alerts.body.value![0]).toMatchObject({ level: 3, errordetails: expect.stringMatching(/401 Unauthorized/) });
  });

  test('default outcome: an unapproved mailbox fails when the organization requires approval', async () => {
    await patch(`mailboxes(${ADELE})`, { testemailconfigurationscheduled: true });
    await sample.emulator.whenIdle();
    expect(sample.emulator.store.find('mailbox', ADELE)).toMatchObject({
      incomingemailstatus: 2,
      testemailconfigurationscheduled: false,
    });
  });

  test('PATCH with return=representation and @odata.bind', async () => {
    const response = await patch(
      `mailboxes(${LYNNE})`,
      { 'emailserverprofile@odata.bind': `/emailserverprofiles(${HYBRID_PROFILE})` },
      { Prefer: 'return=representation' },
    );
    expect(response.status).toBe(200);
    expect(response.body._emailserverprofile_value).toBe(HYBRID_PROFILE);
    expect((await patch(`mailboxes(${LYNNE})`, { 'nosuchnav@odata.bind': '/x(1)' })).status).toBe(400);
  });
});
