/** cli/privileges.ts over the CLI's HTTP port against the emulator: deepest depth per name, none, faults, bad answers. */
import { callerPrivilegeDepths, holdsAtLeast, whoAmI } from '../../cli/privileges';
import { ENTITY_SETS } from '../../cli/http/environment';
import { createHttpPort, type HttpPort } from '../../cli/http/webapi';
import { useSampleEmulator } from '../support/emulator';

const sample = useSampleEmulator(() => ({
  platform: { callerPrivileges: { prvReadMailbox: 'Global', prvWriteMailbox: 'Local', prvReadQueue: 'Basic' } },
}));
let port: HttpPort;
const noWait = { sleep: async () => undefined };

beforeAll(() => {
  port = createHttpPort({ environment: sample.emulator.url, entitySets: ENTITY_SETS });
});

test('the WhoAmI user and, per name, the depth it holds or none', async () => {
  expect(await whoAmI(port)).toBe(sample.environment.callerId);
  const depths = await callerPrivilegeDepths(port, [
    'prvReadMailbox',
    'prvWriteMailbox',
    'prvReadQueue',
    'prvReadTraceLog',
    'prvNoSuchThing',
  ]);
  expect(depths).toEqual({
    prvReadMailbox: 'Global',
    prvWriteMailbox: 'Local',
    prvReadQueue: 'Basic',
    prvReadTraceLog: 'none',
    prvNoSuchThing: 'none',
  });
  const call = sample.emulator.requests.find((r) => r.url.includes('RetrieveUserSetOfPrivilegesByNames'));
  expect(decodeURIComponent(call!.url)).toContain(
    `systemusers(${sample.environment.callerId})/Microsoft.Dynamics.CRM.RetrieveUserSetOfPrivilegesByNames(PrivilegeNames=@p1)?@p1=["prvReadMailbox",`,
  );
});

test('a name granted by several roles keeps its deepest depth, whatever the order; numbers and names both read', async () => {
  const answers: Record<string, unknown> = {
    WhoAmI: { UserId: 'u1' },
    privileges: {
      RolePrivileges: [
        { PrivilegeName: 'prvReadMailbox', Depth: 'Local' },
        { PrivilegeName: 'PRVREADMAILBOX', Depth: 3 },
        { PrivilegeName: 'prvReadMailbox', Depth: 'Basic' },
        { PrivilegeName: 'prvReadQueue', Depth: 'RecordFilter' },
        { PrivilegeName: 'prvReadUser', Depth: '2' },
      ],
    },
  };
  const fake = { get: async (path: string) => (path === 'WhoAmI' ? answers.WhoAmI : answers.privileges) };
  expect(await callerPrivilegeDepths(fake, ['prvReadMailbox', 'prvReadQueue', 'prvReadUser'])).toEqual({
    prvReadMailbox: 'Global',
    prvReadQueue: 'none',
    prvReadUser: 'Deep',
  });
});

test('many names go in several requests of at most 40', async () => {
  const paths: string[] = [];
  const fake = {
    get: async (path: string) => (paths.push(path), path === 'WhoAmI' ? { UserId: 'u1' } : { RolePrivileges: [] }),
  };
  const names = Array.from({ length: 85 }, (_, i) => `prvName${i}`);
  const depths = await callerPrivilegeDepths(fake, names);
  expect(Object.keys(depths)).toHaveLength(85);
  expect(
    paths.filter((p) => p !== 'WhoAmI').map((p) => JSON.parse(decodeURIComponent(p.split('@p1=')[1])).length),
  ).toEqual([40, 40, 5]);
});

test('throttling is waited out; an answer of an unknown shape is an error, not "holds nothing"', async () => {
  sample.emulator.faults.throttle({ times: 1, table: 'systemuser', retryAfterSeconds: 1 });
  expect((await callerPrivilegeDepths(port, ['prvReadMailbox'], noWait)).prvReadMailbox).toBe('Global');
  const shapeless = { get: async (path: string) => (path === 'WhoAmI' ? { UserId: 'u1' } : { value: [] }) };
  await expect(callerPrivilegeDepths(shapeless, ['prvReadMailbox'])).rejects.toThrow(
    /RetrieveUserSetOfPrivilegesByNames/,
  );
  await expect(whoAmI({ get: async () => ({}) })).rejects.toThrow(/WhoAmI/);
});

test('holdsAtLeast orders Basic < Local < Deep < Global', () => {
  expect(holdsAtLeast('Global', 'Global')).toBe(true);
  expect(holdsAtLeast('Deep', 'Global')).toBe(false);
  expect(holdsAtLeast('Deep', 'Local')).toBe(true);
  expect(holdsAtLeast('none', 'Basic')).toBe(false);
});
