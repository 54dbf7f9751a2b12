/**
 * `mailbox-health preflight` over real HTTP against the emulator, in each outcome: all good (0), a missing ribbon
 * group (2, naming the real groups), an unknown privilege (3), no read on tracelog (2), already installed (unmanaged
 * 3, newer managed 3, older or equal managed 0), a table that cannot take forms (3), and a preflight that cannot
 * complete (1). Table and JSON output; the preflight only reads.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { zipSync } from 'fflate';
import packageJson from '../../package.json';
import { decodeRibbon, readRibbon } from '../../cli/preflight/ribbon';
import { PLATFORM_LIBRARIES } from '../../cli/preflight/platform';
import { compareVersions } from '../../cli/preflight/installed';
import { wrap } from '../../cli/preflight/render';
import {
  booleanManagedProperty,
  MAILBOX_ENTITY,
  MAILBOX_RIBBONS,
  ribbonXml,
  type PlatformFixture,
} from '../../simulator/platform';
import type { DataverseRecord } from '../../diagnostics';
import { checkNoSecretInAnyOutput, run, startSandbox, useSandbox } from './helpers';

const SOLUTION_VERSION = `${packageJson.version}.0`;

interface PreflightJson {
  environment: string;
  outcome: string;
  exitCode: number;
  solution: { uniqueName: string; version: string };
  checks: {
    id: string;
    title: string;
    verdict: string;
    found: string;
    action: string;
    details?: Record<string, unknown>;
  }[];
}

const sandbox = useSandbox({ small: true });

checkNoSecretInAnyOutput();

afterEach(() => {
  sandbox.emulator.store.tables.solution = [];
});

async function preflightJson(
  emulatorUrl = sandbox.emulator.url,
): Promise<{ code: number; doc: PreflightJson; stderr: string }> {
  const result = await run(['preflight', '--url', emulatorUrl, '--format', 'json']);
  return { code: result.code, doc: JSON.parse(result.stdout) as PreflightJson, stderr: result.stderr };
}

/** Runs `use` against a fresh emulator whose platform answers (platform.ts) differ from the default. */
async function withPlatform<T>(platform: Partial<PlatformFixture>, use: (url: string) => Promise<T>): Promise<T> {
  const other = await startSandbox({ small: true, platform });
  try {
    return await use(other.emulator.url);
  } finally {
    await other.emulator.close();
  }
}

const verdicts = (doc: PreflightJson) => Object.fromEntries(doc.checks.map((check) => [check.id, check.verdict]));
const check = (doc: PreflightJson, id: string) => doc.checks.find((c) => c.id === id)!;

function installed(version: string, ismanaged: boolean): void {
  sandbox.emulator.store.tables.solution = [
    {
      solutionid: 'a1b2c3d4-0000-4000-8000-000000000011',
      uniquename: 'MailboxHealth',
      friendlyname: 'Mailbox Health',
      version,
      ismanaged,
    } as DataverseRecord,
  ];
}

test('all good: every check passes but the platform libraries, which stay unknown; exit 0; only reads', async () => {
  const from = sandbox.emulator.requests.length;
  const { code, doc } = await preflightJson();
  expect(code).toBe(0);
  expect(doc).toMatchObject({
    environment: sandbox.emulator.url,
    outcome: 'ready',
    exitCode: 0,
    solution: { uniqueName: 'MailboxHealth', version: SOLUTION_VERSION },
  });
  expect(verdicts(doc)).toEqual({
    form: 'ok',
    'ribbon-form': 'ok',
    'ribbon-grid': 'ok',
    privileges: 'ok',
    access: 'ok',
    installed: 'ok',
    platform: 'unknown',
  });
  expect(check(doc, 'platform').found).toContain('9.2.');
  expect(check(doc, 'platform').action).toMatch(/no minimum/i);
  expect(check(doc, 'form').details).toMatchObject({ canCreateForms: true, missingColumns: [] });
  const requests = sandbox.emulator.requests.slice(from);
  expect(requests.every((r) => r.method === 'GET')).toBe(true);
  expect(requests.every((r) => r.status === 200)).toBe(true);
  const urls = requests.map((r) => decodeURIComponent(r.url));
  expect(urls).toEqual(
    expect.arrayContaining([
      expect.stringContaining("EntityDefinitions(LogicalName='mailbox')?$select=LogicalName,CanCreateForms"),
      expect.stringContaining(
        "RetrieveEntityRibbon(EntityName='mailbox',RibbonLocationFilter=Microsoft.Dynamics.CRM.RibbonLocationFilters'Form')",
      ),
      expect.stringContaining(
        "RetrieveEntityRibbon(EntityName='mailbox',RibbonLocationFilter=Microsoft.Dynamics.CRM.RibbonLocationFilters'HomepageGrid')",
      ),
      expect.stringContaining(
        "privileges?$select=name,canbebasic,canbelocal,canbedeep,canbeglobal&$filter=name eq 'prvReadMailbox' or",
      ),
      expect.stringContaining(
        '/Microsoft.Dynamics.CRM.RetrieveUserSetOfPrivilegesByNames(PrivilegeNames=@p1)?@p1=["prvReadMailbox"',
      ),
      expect.stringContaining(
        "solutions?$select=uniquename,friendlyname,version,ismanaged&$filter=uniquename eq 'MailboxHealth'",
      ),
      expect.stringContaining('RetrieveVersion()'),
    ]),
  );
});

test('the table: check, found, verdict, what to do, and the outcome', async () => {
  const result = await run(['preflight', '--url', sandbox.emulator.url]);
  expect(result.code).toBe(0);
  const lines = result.stdout.split('\n');
  expect(lines[0]).toBe(`Mailbox Health preflight of ${sandbox.emulator.url} for solution version ${SOLUTION_VERSION}`);
  expect(lines[2]).toMatch(/^Check\s+Found\s+Verdict\s+What to do$/);
  for (const title of [
    'Mailbox table takes the form',
    'Ribbon group, Mailbox form',
    'Ribbon group, Mailbox list',
    'Role privileges exist',
    'Your read access',
    'Not installed already',
    'Platform libraries',
  ]) {
    // Titles wrap within their 22-character column: each row starts with its title's first line.
    expect(lines.some((line) => line.startsWith(`${wrap(title, 22)[0]} `))).toBe(true);
  }
  expect(lines.find((line) => line.startsWith('Platform libraries '))).toMatch(
    /^Platform libraries\s+Dataverse 9\.2\.\S+; the control uses the\s+Unknown\s+Learn states no minimum/,
  );
  expect(lines.every((line) => line.length <= 120)).toBe(true);
  expect(result.stdout.trimEnd().split('\n').pop()).toBe('Ready: the solution can be imported and will work (exit 0).');
});

test('a missing ribbon group: exit 2, and the real groups that hold Save, Deactivate and Test & Enable', async () => {
  const movedRibbon: Partial<PlatformFixture> = {
    ribbons: {
      mailbox: {
        ...MAILBOX_RIBBONS,
        Form: ribbonXml('Mscrm.Form.mailbox.MainTab', [
          {
            id: 'Mscrm.Form.mailbox.MainTab.Actions',
            buttons: ['Mscrm.Form.mailbox.Save', 'Mscrm.Form.mailbox.Deactivate'],
          },
          {
            id: 'Mscrm.Form.mailbox.MainTab.Mailbox',
            buttons: ['Mscrm.Form.mailbox.TestAndEnable', 'Mscrm.Form.mailbox.ApproveEmail'],
          },
        ]),
      },
    },
  };
  await withPlatform(movedRibbon, async (url) => {
    const { code, doc } = await preflightJson(url);
    expect(code).toBe(2);
    expect(doc.outcome).toBe('will-not-work');
    expect(verdicts(doc)).toMatchObject({ 'ribbon-form': 'will-not-work', 'ribbon-grid': 'ok' });
    const ribbon = check(doc, 'ribbon-form');
    expect(ribbon.found).toBe('The ribbon has no element with Id Mscrm.Form.mailbox.MainTab.Save.Controls.');
    expect(ribbon.action).toContain('Mscrm.Form.mailbox.MainTab.Actions.Controls._children (holds Save, Deactivate)');
    expect(ribbon.action).toContain('Mscrm.Form.mailbox.MainTab.Mailbox.Controls._children (holds Test & Enable)');
    expect(ribbon.details?.candidates).toEqual([
      {
        group: 'Mscrm.Form.mailbox.MainTab.Actions',
        location: 'Mscrm.Form.mailbox.MainTab.Actions.Controls._children',
        buttons: ['Save', 'Deactivate'],
      },
      {
        group: 'Mscrm.Form.mailbox.MainTab.Mailbox',
        location: 'Mscrm.Form.mailbox.MainTab.Mailbox.Controls._children',
        buttons: ['Test & Enable'],
      },
    ]);
    const table = await run(['preflight', '--url', url]);
    expect(table.code).toBe(2);
    expect(table.stdout).toContain('Will not work');
    // The ids to copy are never cut by the table's wrapping.
    expect(table.stdout).toContain('Mscrm.Form.mailbox.MainTab.Actions.Controls._children');
    expect(table.stdout).toContain('Mscrm.Form.mailbox.MainTab.Mailbox.Controls._children');
  });
});

test('an unknown privilege: exit 3, naming it', async () => {
  const rows = sandbox.emulator.store.tables.privilege;
  sandbox.emulator.store.tables.privilege = rows.filter((row) => row.name !== 'prvReadTraceLog');
  try {
    const { code, doc } = await preflightJson();
    expect(code).toBe(3);
    expect(doc.outcome).toBe('import-fails');
    expect(check(doc, 'privileges')).toMatchObject({
      verdict: 'import-fails',
      found: 'Unknown privilege names: prvReadTraceLog.',
      details: { unknown: ['prvReadTraceLog'] },
    });
  } finally {
    sandbox.emulator.store.tables.privilege = rows;
  }
});

test("a privilege that cannot be granted at the role's depth is a warning", async () => {
  const rows = sandbox.emulator.store.tables.privilege;
  sandbox.emulator.store.tables.privilege = rows.map((row) =>
    row.name === 'prvReadQueue' ? { ...row, canbeglobal: false } : row,
  );
  try {
    const { code, doc } = await preflightJson();
    expect(code).toBe(0);
    expect(check(doc, 'privileges')).toMatchObject({
      verdict: 'warning',
      details: { unknown: [], depthNotAllowed: ['prvReadQueue (Global)'] },
    });
  } finally {
    sandbox.emulator.store.tables.privilege = rows;
  }
});

test('no read on tracelog: exit 2; the access row names the privilege and the table', async () => {
  sandbox.emulator.faults.deny({ table: 'tracelog' });
  const { code, doc } = await preflightJson();
  expect(code).toBe(2);
  expect(check(doc, 'access')).toMatchObject({
    verdict: 'will-not-work',
    found: 'You lack: prvReadTraceLog on tracelog (none).',
  });
  expect(check(doc, 'access').action).toContain('The checks that read tracelog will report "could not check"');
  expect(check(doc, 'privileges').verdict).toBe('ok');
});

test('read below organization level is a warning, not a failure', async () => {
  const callerPrivileges = {
    prvReadMailbox: 'Local',
    prvWriteMailbox: 'Global',
    prvReadEmailServerProfile: 'Global',
    prvReadOrganization: 'Global',
    prvReadUserSettings: 'Deep',
    prvReadUser: 'Global',
    prvReadQueue: 'Global',
    prvReadTraceLog: 'Global',
  } as const;
  const { code, doc } = await withPlatform({ callerPrivileges }, preflightJson);
  expect(code).toBe(0);
  expect(check(doc, 'access')).toMatchObject({
    verdict: 'warning',
    found: 'Below organization level: prvReadMailbox on mailbox (Local), prvReadUserSettings on usersettings (Deep).',
  });
});

describe('already installed', () => {
  test('an unmanaged copy: the managed import would fail (3)', async () => {
    installed(SOLUTION_VERSION, false);
    const { code, doc } = await preflightJson();
    expect(code).toBe(3);
    expect(check(doc, 'installed')).toMatchObject({
      verdict: 'import-fails',
      details: { installed: { version: SOLUTION_VERSION, managed: false } },
    });
  });

  test('a newer managed version: the import would fail (3)', async () => {
    installed('99.0.0.0', true);
    const { code, doc } = await preflightJson();
    expect(code).toBe(3);
    expect(check(doc, 'installed').found).toBe(
      `A managed MailboxHealth 99.0.0.0 is installed, newer than ${SOLUTION_VERSION}.`,
    );
  });

  test('an older or equal managed version is an upgrade (0)', async () => {
    installed('0.9.0.0', true);
    expect((await preflightJson()).code).toBe(0);
    expect(check((await preflightJson()).doc, 'installed').found).toContain('upgrades it');
    installed(SOLUTION_VERSION, true);
    const same = await preflightJson();
    expect(same.code).toBe(0);
    expect(check(same.doc, 'installed')).toMatchObject({
      verdict: 'ok',
      found: expect.stringContaining('again reinstalls it'),
    });
  });
});

test('a Mailbox table that takes no new form: the import would fail (3)', async () => {
  const { code, doc } = await withPlatform(
    { entities: { mailbox: { ...MAILBOX_ENTITY, CanCreateForms: booleanManagedProperty(false, 'cancreateforms') } } },
    preflightJson,
  );
  expect(code).toBe(3);
  expect(check(doc, 'form')).toMatchObject({
    verdict: 'import-fails',
    found: 'CanCreateForms.Value is false: the Mailbox table takes no new form.',
  });
});

test('a check that cannot read what it needs: exit 1, the other checks still report', async () => {
  sandbox.emulator.faults.deny({ table: 'privilege' });
  const { code, doc } = await preflightJson();
  expect(code).toBe(1);
  expect(doc.outcome).toBe('incomplete');
  expect(check(doc, 'privileges').verdict).toBe('error');
  expect(check(doc, 'privileges').found).toMatch(/access denied \(403\).*prvReadPrivilege/);
  expect(check(doc, 'form').verdict).toBe('ok');
});

test('an import failure outranks a check that could not complete', async () => {
  sandbox.emulator.faults.deny({ table: 'privilege' });
  installed('99.0.0.0', true);
  expect((await preflightJson()).code).toBe(3);
});

test('usage: one --url; formats table and json only; sign-in failure is exit 1', async () => {
  expect((await run(['preflight'])).code).toBe(1);
  const csv = await run(['preflight', '--url', sandbox.emulator.url, '--format', 'csv']);
  expect(csv.code).toBe(1);
  expect(csv.stderr).toContain("'csv' is not a format of preflight; use one of: table, json.");
  const help = await run(['preflight', '--help']);
  expect(help.code).toBe(0);
  expect(help.stdout).toContain('Exit codes: 0 the solution can be imported and will work; 2');
  const noToken = await run(['preflight', '--url', sandbox.emulator.url, '--format', 'json'], { env: {} });
  expect(noToken.code).toBe(1);
});

describe('parsing what Dataverse answers', () => {
  test('the ribbon part may be UTF-16 with a byte-order mark, or named with a leading slash', () => {
    const xml = ribbonXml('Mscrm.Form.mailbox.MainTab', [
      { id: 'Mscrm.Form.mailbox.MainTab.Save', buttons: ['Mscrm.Form.mailbox.Save'] },
    ]);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]);
    const zipped = Buffer.from(
      zipSync({
        '/RibbonXml.xml': new Uint8Array(utf16),
        '[Content_Types].xml': new Uint8Array(Buffer.from('<Types/>')),
      }),
    ).toString('base64');
    expect(decodeRibbon(zipped)).toBe(xml);
    expect(() => decodeRibbon(Buffer.from(zipSync({ 'Other.xml': new Uint8Array([60]) })).toString('base64'))).toThrow(
      /RetrieveEntityRibbon/,
    );
  });

  test('ids are read from any element, escaped or single-quoted, and comments are ignored', () => {
    const { ids, candidates } = readRibbon(
      `<RibbonDefinitions><!-- <Group Id="Commented.Out"> --><Group Id='A&amp;B'><Controls Id="A&amp;B.Controls"><Button Id="Mscrm.Form.mailbox.SaveAndClose" /></Controls></Group><Group Id="NoControls"><Button Id="x.Deactivate"/></Group></RibbonDefinitions>`,
    );
    expect(ids.has('A&B.Controls')).toBe(true);
    expect(ids.has('Commented.Out')).toBe(false);
    expect(candidates).toEqual([
      { group: 'A&B', location: 'A&B.Controls._children', buttons: ['Save'] },
      { group: 'NoControls', location: 'NoControls.Controls._children', buttons: ['Deactivate'] },
    ]);
  });

  test('versions compare by their numeric parts', () => {
    expect(compareVersions('1.10.0.0', '1.9.0.0')).toBe(1);
    expect(compareVersions('1.0', '1.0.0.0')).toBe(0);
    expect(compareVersions('0.9.9.9', '1.0.0.0')).toBe(-1);
  });

  test('long cells wrap; a word longer than the column (an id to copy) stays whole on its own line', () => {
    expect(wrap('a bb ccc', 4)).toEqual(['a bb', 'ccc']);
    expect(wrap('see Mscrm.Form.mailbox.MainTab.Save now', 8)).toEqual([
      'see',
      'Mscrm.Form.mailbox.MainTab.Save',
      'now',
    ]);
    expect(wrap('', 4)).toEqual(['']);
  });

  test("the platform libraries the preflight names are the control manifest's", () => {
    const manifest = fs.readFileSync(
      path.join(__dirname, '..', '..', 'MailboxHealthControl', 'ControlManifest.Input.xml'),
      'utf8',
    );
    const declared = [...manifest.matchAll(/<platform-library name="([^"]+)" version="([^"]+)"/g)].map((m) => ({
      name: m[1],
      version: m[2],
    }));
    expect(declared).toEqual([...PLATFORM_LIBRARIES]);
  });
});
