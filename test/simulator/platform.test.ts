/**
 * The emulator's metadata operations (platform.ts fixtures served as Learn's reference pages shape them):
 * RetrieveUserSetOfPrivilegesByNames, EntityDefinitions, RetrieveEntityRibbon, RetrieveVersion, and the privilege and
 * solution tables, strict as the rest of the sample.emulator.
 */
import { unzipSync } from 'fflate';
import { MAILBOX_RIBBONS, PLATFORM_VERSION } from '../../simulator/platform';
import { startEmulator } from '../../simulator/http/server';
import { useSampleEmulator } from '../support/emulator';

type Json = Record<string, unknown>;

const sample = useSampleEmulator();

async function get(path: string): Promise<{ status: number; body: Json }> {
  const response = await fetch(`${sample.emulator.apiUrl}${path}`);
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Json) : {} };
}

function privilegesPath(userId: string, names: unknown): string {
  return `systemusers(${userId})/Microsoft.Dynamics.CRM.RetrieveUserSetOfPrivilegesByNames(PrivilegeNames=@p1)?@p1=${encodeURIComponent(JSON.stringify(names))}`;
}

describe('RetrieveUserSetOfPrivilegesByNames', () => {
  test('answers RolePrivileges for the names the caller holds (by default every privilege, at Global)', async () => {
    const { status, body } = await get(
      privilegesPath(sample.environment.callerId, ['prvReadMailbox', 'prvreadtracelog', 'prvNoSuchThing']),
    );
    expect(status).toBe(200);
    expect(body['@odata.context']).toMatch(
      /\$metadata#Microsoft\.Dynamics\.CRM\.RetrieveUserSetOfPrivilegesByNamesResponse$/,
    );
    const granted = body.RolePrivileges as Json[];
    expect(granted.map((p) => [p.PrivilegeName, p.Depth])).toEqual([
      ['prvReadMailbox', 'Global'],
      ['prvReadTraceLog', 'Global'],
    ]);
    expect(granted[1].PrivilegeId).toBe('6ea323ab-2e1e-414e-88f5-1f975b3069fd');
    expect(Object.keys(granted[0]).sort()).toEqual(['BusinessUnitId', 'Depth', 'PrivilegeId', 'PrivilegeName']);
  });

  test('a deny() fault takes the privilege it names away', async () => {
    sample.emulator.faults.deny({ table: 'tracelog' });
    const { body } = await get(privilegesPath(sample.environment.callerId, ['prvReadTraceLog', 'prvReadMailbox']));
    expect((body.RolePrivileges as Json[]).map((p) => p.PrivilegeName)).toEqual(['prvReadMailbox']);
  });

  test('the caller holds what platform.callerPrivileges says, at those depths; other users hold nothing', async () => {
    const scoped = await startEmulator({
      data: sample.environment.data,
      callerId: sample.environment.callerId,
      platform: { callerPrivileges: { prvReadMailbox: 'Local' } },
    });
    try {
      const answer = await fetch(
        `${scoped.apiUrl}${privilegesPath(sample.environment.callerId, ['prvReadMailbox', 'prvReadQueue'])}`,
      );
      expect(((await answer.json()) as Json).RolePrivileges).toEqual([
        expect.objectContaining({ PrivilegeName: 'prvReadMailbox', Depth: 'Local' }),
      ]);
      const otherUser = String(
        sample.environment.data.systemuser.find((u) => u.systemuserid !== sample.environment.callerId)?.systemuserid,
      );
      const other = await fetch(`${scoped.apiUrl}${privilegesPath(otherUser, ['prvReadMailbox'])}`);
      expect(((await other.json()) as Json).RolePrivileges).toEqual([]);
    } finally {
      await scoped.close();
    }
  });

  test('is strict: the collection only through an alias, known parameters only, a user that exists', async () => {
    const inline = await get(
      `systemusers(${sample.environment.callerId})/Microsoft.Dynamics.CRM.RetrieveUserSetOfPrivilegesByNames(PrivilegeNames=['prvReadMailbox'])`,
    );
    expect(inline.status).toBe(400);
    const unknownParameter = await get(
      `systemusers(${sample.environment.callerId})/Microsoft.Dynamics.CRM.RetrieveUserSetOfPrivilegesByNames(Names=@p1)?@p1=[]`,
    );
    expect(unknownParameter.status).toBe(400);
    const missingAlias = await get(
      `systemusers(${sample.environment.callerId})/Microsoft.Dynamics.CRM.RetrieveUserSetOfPrivilegesByNames(PrivilegeNames=@p1)`,
    );
    expect(missingAlias.status).toBe(400);
    const wrongBinding = await get(
      `mailboxes(${sample.environment.data.mailbox[0].mailboxid})/Microsoft.Dynamics.CRM.RetrieveUserSetOfPrivilegesByNames(PrivilegeNames=@p1)?@p1=[]`,
    );
    expect(wrongBinding.status).toBe(404);
    const noUser = await get(privilegesPath('00000000-0000-4000-8000-00000000dead', ['prvReadMailbox']));
    expect(noUser).toMatchObject({ status: 404, body: { error: { code: '0x80040217' } } });
  });

  test('throttling applies to it like any other request', async () => {
    sample.emulator.faults.throttle({ times: 1, retryAfterSeconds: 2 });
    expect((await get(privilegesPath(sample.environment.callerId, ['prvReadMailbox']))).status).toBe(429);
    expect((await get(privilegesPath(sample.environment.callerId, ['prvReadMailbox']))).status).toBe(200);
  });
});

describe('EntityDefinitions, RetrieveEntityRibbon, RetrieveVersion', () => {
  test("EntityDefinitions(LogicalName='mailbox') with CanCreateForms as a BooleanManagedProperty, and its Attributes", async () => {
    const { status, body } = await get(
      "EntityDefinitions(LogicalName='mailbox')?$select=LogicalName,CanCreateForms&$expand=Attributes($select=LogicalName,AttributeType)",
    );
    expect(status).toBe(200);
    expect(body.CanCreateForms).toEqual({
      Value: true,
      CanBeChanged: false,
      ManagedPropertyLogicalName: 'cancreateforms',
    });
    expect(body.LogicalName).toBe('mailbox');
    expect(body.IsCustomizable).toBeUndefined();
    const attributes = body.Attributes as Json[];
    expect(attributes).toContainEqual(
      expect.objectContaining({ LogicalName: 'emailaddress', AttributeType: 'String' }),
    );
    expect(attributes).toContainEqual(
      expect.objectContaining({ LogicalName: 'emailserverprofile', AttributeType: 'Lookup' }),
    );
  });

  test('EntityDefinitions is strict about property names and table names', async () => {
    expect((await get("EntityDefinitions(LogicalName='mailbox')?$select=CanCreateFormz")).body).toEqual({
      error: {
        code: '0x80060888',
        message: "Could not find a property named 'CanCreateFormz' on type 'Microsoft.Dynamics.CRM.EntityMetadata'.",
      },
    });
    expect((await get("EntityDefinitions(LogicalName='mailbox')?$expand=Attributes($select=Nope)")).status).toBe(400);
    expect((await get("EntityDefinitions(LogicalName='nosuchtable')")).status).toBe(404);
    expect((await get('EntityDefinitions(Name=1)')).status).toBe(400);
    expect((await get('NoSuchFunction()')).status).toBe(404);
  });

  test('RetrieveEntityRibbon returns the ribbon XML as a base64 zip holding RibbonXml.xml', async () => {
    for (const filter of ['Form', 'HomepageGrid'] as const) {
      const { status, body } = await get(
        `RetrieveEntityRibbon(EntityName='mailbox',RibbonLocationFilter=Microsoft.Dynamics.CRM.RibbonLocationFilters'${filter}')`,
      );
      expect(status).toBe(200);
      const parts = unzipSync(new Uint8Array(Buffer.from(String(body.CompressedEntityXml), 'base64')));
      expect(Buffer.from(parts['RibbonXml.xml']).toString('utf8')).toBe(MAILBOX_RIBBONS[filter]);
    }
  });

  test('RetrieveEntityRibbon takes only members of RibbonLocationFilters', async () => {
    expect(
      (
        await get(
          "RetrieveEntityRibbon(EntityName='mailbox',RibbonLocationFilter=Microsoft.Dynamics.CRM.RibbonLocationFilters'Grid')",
        )
      ).status,
    ).toBe(400);
    expect((await get("RetrieveEntityRibbon(EntityName='mailbox',RibbonLocationFilter='Form')")).status).toBe(400);
    expect((await get("RetrieveEntityRibbon(EntityName='mailbox')")).status).toBe(400);
  });

  test('RetrieveVersion', async () => {
    expect((await get('RetrieveVersion()')).body).toMatchObject({ Version: PLATFORM_VERSION });
  });
});

describe('the privilege and solution tables', () => {
  test("privileges?$filter=name eq '…' finds the seeded privilege rows; solutions filter by uniquename", async () => {
    const privileges = await get(
      "privileges?$select=name,canbeglobal&$filter=name eq 'prvReadTraceLog' or name eq 'prvNoSuchThing'",
    );
    expect(privileges.status).toBe(200);
    expect((privileges.body.value as Json[]).map((row) => [row.name, row.canbeglobal])).toEqual([
      ['prvReadTraceLog', true],
    ]);
    const solutions = await get("solutions?$select=uniquename,version,ismanaged&$filter=uniquename eq 'MailboxHealth'");
    expect(solutions).toMatchObject({ status: 200, body: { value: [] } });
    expect((await get("solutions?$select=uniquenam&$filter=uniquename eq 'MailboxHealth'")).status).toBe(400);
  });
});
