/** `mailbox-health diagnose` over real HTTP against the emulator: formats, address lookup, exit codes, usage errors. */
import { CHECK_ORDER, en, renderReportJson } from '../../diagnostics';
import { ADELE, checkNoSecretInAnyOutput, MEGAN, run, SALES, useSandbox } from './helpers';

const sandbox = useSandbox({}, (emulator) => {
  const megan = emulator.store.find('mailbox', MEGAN)!;
  // Two mailboxes sharing an address (differently cased), and one whose address needs escaping in a filter.
  emulator.store.tables.mailbox.push(
    {
      ...megan,
      mailboxid: 'aaaaaaaa-0000-4000-8000-000000000001',
      name: 'Shared One',
      emailaddress: 'shared@contoso.com',
    },
    {
      ...megan,
      mailboxid: 'aaaaaaaa-0000-4000-8000-000000000002',
      name: 'Shared Two',
      emailaddress: 'SHARED@contoso.com',
    },
    {
      ...megan,
      mailboxid: 'aaaaaaaa-0000-4000-8000-000000000003',
      name: "Dan O'Neil",
      emailaddress: "dan.o'neil+crm@contoso.com",
    },
  );
});

checkNoSecretInAnyOutput();

const url = () => sandbox.emulator.url;
/** `diagnose --url <the sandbox> --mailbox <mailbox>`, then `options`. */
const diagnose = (mailbox: string, ...options: string[]) =>
  run(['diagnose', '--url', url(), '--mailbox', mailbox, ...options]);

describe('diagnose', () => {
  it('prints the text report of a healthy mailbox and exits 0', async () => {
    const result = await diagnose(MEGAN);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Megan Bowen');
    expect(result.stdout).toContain('[PASS] Mailbox approval');
    expect(result.stdout).toContain(`Environment: ${url()}`);
  });

  it('finds a mailbox by its address in another case', async () => {
    const result = await run([
      'diagnose',
      '--url',
      `${url()}/`,
      '--mailbox',
      'MEGAN.Bowen@CONTOSO.com',
      '--format',
      'json',
    ]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).mailbox.id).toBe(MEGAN);
  });

  it('escapes quotes (and + and &) in an address', async () => {
    const result = await diagnose("DAN.O'NEIL+crm@contoso.com", '--format', 'json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).mailbox.name).toBe("Dan O'Neil");
  });

  it('prints exactly one JSON document in the engine shape, and exits 2 for a failing mailbox', async () => {
    const result = await diagnose(ADELE, '--format', 'json');
    expect(result.code).toBe(2);
    const report = JSON.parse(result.stdout);
    expect(Object.keys(report)).toEqual([
      'mailbox',
      'environment',
      'diagnosedAt',
      'overall',
      'startHere',
      'checks',
      'findings',
    ]);
    expect(report.mailbox).toEqual({ id: ADELE, name: 'Adele Vance', emailAddress: 'adele.vance@contoso.com' });
    expect(report.environment).toBe(url());
    expect(report.overall).toBe('failing');
    expect(report.startHere).toBe('approval');
    expect(report.checks.map((c: { id: string }) => c.id)).toEqual([...CHECK_ORDER]);
    for (const check of report.checks) {
      expect(Object.keys(check)).toEqual(
        expect.arrayContaining(['id', 'title', 'status', 'summary', 'remedy', 'learnMoreUrl', 'evidence']),
      );
    }
    // The same shape the engine defines.
    expect(Object.keys(report)).toEqual(
      Object.keys(renderReportJson({ ...report, checks: [], findings: [], tracking: {} } as never, { catalogue: en })),
    );
  });

  it('renders markdown for a ticket; a warning exits 0', async () => {
    const result = await diagnose(SALES, '--format', 'markdown');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^# Mailbox Health report: Sales Inquiries/);
    expect(result.stdout).toContain('## [WARN] Mailbox approval');
  });

  it('exits 2 for an unknown verdict (alerts unreadable) and names the table', async () => {
    sandbox.emulator.faults.deny({ table: 'tracelog' });
    const result = await diagnose(MEGAN, '--format', 'json');
    expect(result.code).toBe(2);
    const report = JSON.parse(result.stdout);
    expect(report.overall).toBe('unknown');
    expect(report.checks.find((c: { id: string }) => c.id === 'alerts').status).toBe('error');
    expect(report.checks.find((c: { id: string }) => c.id === 'alerts').summary).toContain('Alerts (tracelog)');
  });

  it('exits 1 with "not found" for an unknown address or id', async () => {
    const byAddress = await diagnose('nobody@contoso.com');
    expect(byAddress.code).toBe(1);
    expect(byAddress.stdout).toBe('');
    expect(byAddress.stderr).toContain('not found');
    const byId = await diagnose('00000000-0000-4000-8000-00000000abcd');
    expect(byId.code).toBe(1);
    expect(byId.stderr).toContain('was not found');
  });

  it('exits 1 listing the ids when several mailboxes share the address', async () => {
    const result = await diagnose('Shared@Contoso.com');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('aaaaaaaa-0000-4000-8000-000000000001');
    expect(result.stderr).toContain('aaaaaaaa-0000-4000-8000-000000000002');
    expect(result.stdout).toBe('');
  });

  it('exits 1 when the mailbox cannot be read', async () => {
    sandbox.emulator.faults.deny({ table: 'mailbox' });
    const result = await diagnose(MEGAN);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/access denied \(403\).*prvReadMailbox/);
  });

  it('requires https except on this machine, and refuses credentials in the URL', async () => {
    const http = await run(['diagnose', '--url', 'http://contoso.crm.dynamics.com', '--mailbox', MEGAN]);
    expect(http.code).toBe(1);
    expect(http.stderr).toContain('https is required');
    const creds = await run(['diagnose', '--url', 'https://user:pw@contoso.crm.dynamics.com', '--mailbox', MEGAN]);
    expect(creds.code).toBe(1);
    const bad = await run(['diagnose', '--url', 'not a url', '--mailbox', MEGAN]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('is not a URL');
  });

  it('reports usage errors with exit 1 and points to the help', async () => {
    for (const argv of [
      ['diagnose', '--url', url()],
      ['diagnose', '--url', url(), '--mailbox', 'not-an-address'],
      ['diagnose', '--url', url(), '--mailbox', MEGAN, '--format', 'csv'],
      ['diagnose', '--url', url(), '--mailbox', MEGAN, '--bogus'],
      ['diagnose', '--mailbox', MEGAN],
      ['diagnose', '--url'],
      ['frobnicate'],
      [],
    ]) {
      const result = await run(argv);
      expect(result.code).toBe(1);
      expect(result.stdout === '' || argv.length === 0).toBe(true);
    }
    const unknown = await diagnose(MEGAN, '--bogus');
    expect(unknown.stderr).toContain("Unknown option '--bogus'");
    expect(unknown.stderr).toContain('mailbox-health diagnose --help');
  });

  it('has --help everywhere, with examples', async () => {
    for (const argv of [
      ['--help'],
      ['-h'],
      ['help', 'scan'],
      ['diagnose', '--help'],
      ['scan', '--help'],
      ['test-enable', '-h'],
    ]) {
      const result = await run(argv);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Examples:');
      expect(result.stderr).toBe('');
    }
  });

  it('without DATAVERSE_TOKEN signs in with @azure/identity, and a failed sign-in is exit 1 with no secret shown', async () => {
    const result = await run(['diagnose', '--url', url(), '--mailbox', MEGAN], {
      env: { AZURE_TENANT_ID: '11111111-1111-4111-8111-111111111111', PATH: '/nonexistent' },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Sign-in failed (Azure CLI');
  });
});
