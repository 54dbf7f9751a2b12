/**
 * A scan never calls clean what it did not see, and diagnose never reports on answers that are not Dataverse's:
 * no organization record, an empty scan (unless --allow-empty), a non-Dataverse answer to any one read, and an account
 * that reads mailboxes below organization level (the fleet is incomplete). In-process against the emulator.
 */
import type { ScanDocument } from '../../cli/scan-report';
import type { Fetch } from '../../cli/http/webapi';
import { checkNoSecretInAnyOutput, EMPTY_SCAN_HINT, expectEmptyScanRefused, MEGAN, run, useSandbox } from './helpers';

/** The sample afresh for each test: tests take records out of it. */
const sandbox = useSandbox({ small: true, freshEachTest: true });
/** The sample as an account that reads mailboxes at user, business unit or organization level. */
const readingAtUserLevel = useSandbox({ small: true, platform: { callerPrivileges: { prvReadMailbox: 'Basic' } } });
const readingAtBusinessUnitLevel = useSandbox({
  small: true,
  platform: { callerPrivileges: { prvReadMailbox: 'Local' } },
});
const readingAtOrganizationLevel = useSandbox({
  small: true,
  platform: { callerPrivileges: { prvReadMailbox: 'Global', prvReadTraceLog: 'Basic' } },
});

checkNoSecretInAnyOutput();

/** An answer that is not Dataverse's (a refusal, a sign-in page, JSON cut short), made afresh for each request. */
type Answer = () => Response;

function answer(status: number, contentType: string, body: string): Answer {
  return () => new Response(body, { status, headers: { 'Content-Type': contentType } });
}

/** Node's fetch, with the answers to requests whose URL matches `pattern` replaced by `replacement`. */
function replacing(pattern: RegExp, replacement: Answer): Fetch {
  return (url, init) => (pattern.test(decodeURIComponent(url)) ? Promise.resolve(replacement()) : fetch(url, init));
}

const NO_JS_ERROR = /TypeError|ReferenceError|SyntaxError|Cannot read properties|is not a function|\n\s+at \S+/;

describe('the fleet the account can see', () => {
  it('warns that the fleet is incomplete when the account reads mailboxes at user level (prvReadMailbox Basic)', async () => {
    const { emulator } = readingAtUserLevel;
    const result = await run(['scan', '--url', emulator.url, '--format', 'json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      `${emulator.url}: the fleet is incomplete: this account reads only its own mailboxes (prvReadMailbox at user level), so the scan sees only those. ` +
        'Grant Read on Mailbox at organization level (the Mailbox Health Diagnostician role does) to scan every mailbox.\n',
    );
    const call = emulator.requests.find((r) => r.url.includes('RetrieveUserSetOfPrivilegesByNames'));
    expect(decodeURIComponent(call!.url)).toContain('PrivilegeNames=@p1)?@p1=["prvReadMailbox"]');
    expect((JSON.parse(result.stdout) as ScanDocument).total).toBeGreaterThan(0);
  });

  it('says which part it sees at business unit depth, and nothing at organization depth', async () => {
    expect((await run(['scan', '--url', readingAtBusinessUnitLevel.emulator.url])).stderr).toContain(
      'this account reads only the mailboxes of its business unit (prvReadMailbox at business unit level)',
    );
    const result = await run(['scan', '--url', readingAtOrganizationLevel.emulator.url]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
  });

  it('notes when the depth cannot be told, and still scans', async () => {
    const { emulator } = sandbox;
    const forbidden = answer(
      403,
      'application/json',
      JSON.stringify({ error: { code: '0x80040220', message: 'Principal user is missing prvReadUser privilege.' } }),
    );
    const result = await run(['scan', '--url', emulator.url, '--format', 'json'], {
      fetch: replacing(/RetrieveUserSetOfPrivilegesByNames/, forbidden),
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      `${emulator.url}: could not tell whether this account reads every mailbox (RetrieveUserSetOfPrivilegesByNames: Principal user is missing prvReadUser privilege.); the scan covers the mailboxes it can read.\n`,
    );
    expect((JSON.parse(result.stdout) as ScanDocument).total).toBeGreaterThan(0);
  });
});

describe('an environment that was not seen', () => {
  it('is not scanned without its organization record: exit 1, named on stderr and in the JSON', async () => {
    const { emulator } = sandbox;
    emulator.store.tables.organization = [];
    const result = await run(['scan', '--url', emulator.url, '--format', 'json']);
    expect(result.code).toBe(1);
    const message = `${emulator.url}: no organization record came back, so this is not an environment the account can scan: check --url (the environment URL, e.g. https://contoso.crm.dynamics.com) and sign-in.`;
    expect(result.stderr).toBe(`${message}\n`);
    const doc = JSON.parse(result.stdout) as ScanDocument;
    expect(doc.environments).toEqual([
      { url: emulator.url, total: 0, healthy: 0, warning: 0, failing: 0, unknown: 0, unreadable: [], error: message },
    ]);
    expect(doc.total).toBe(0);
  });

  it('is not scanned when any one read is answered with a sign-in page, even with every other read fine', async () => {
    const { emulator } = sandbox;
    const signIn = answer(200, 'text/html', '<html><head><title>Sign in</title></head><body>SSO</body></html>');
    for (const read of [/\/tracelogs\?/, /\/WhoAmI/, /\/mailboxes\?fetchXml=[^&]*aggregate/]) {
      const result = await run(['scan', '--url', emulator.url, '--format', 'json'], { fetch: replacing(read, signIn) });
      expect({ read: String(read), code: result.code }).toEqual({ read: String(read), code: 1 });
      expect(result.stderr).toContain(
        `${emulator.url}: The server answered with an HTML page ("Sign in"), not the Dataverse Web API: check --url`,
      );
      expect(result.stderr).not.toMatch(NO_JS_ERROR);
      const doc = JSON.parse(result.stdout) as ScanDocument;
      expect(doc.environments[0].error).toContain('The server answered with an HTML page ("Sign in")');
      expect(doc.total).toBe(0);
    }
  });

  it('matching no mailbox is an error unless --allow-empty; stderr says so either way', async () => {
    const { emulator } = sandbox;
    emulator.store.tables.mailbox = [];
    await expectEmptyScanRefused(run, emulator.url);
    const allowed = await run(['scan', '--url', emulator.url, '--format', 'json', '--all', '--allow-empty']);
    expect(allowed.code).toBe(0);
    expect(allowed.stderr).toBe(`${emulator.url}: no mailbox matched: ${EMPTY_SCAN_HINT}\n`);
    expect((JSON.parse(allowed.stdout) as ScanDocument).environments[0].error).toBeUndefined();
  });
});

describe("diagnose on answers that are not Dataverse's", () => {
  it("gives no report when any one read is not Dataverse's answer, even with the mailbox read fine", async () => {
    const { emulator } = sandbox;
    const cut = answer(200, 'application/json', '{"value":[{"organizationid":"5d4e6f7a-8b9c');
    const result = await run(['diagnose', '--url', emulator.url, '--mailbox', MEGAN], {
      fetch: replacing(/\/organizations\?/, cut),
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      new RegExp(
        `^${emulator.url.replace(/[.]/g, '\\.')}: The server answered with JSON that does not parse \\(\\d+ characters, ending "[^"]*8b9c"\\)`,
      ),
    );
    expect(result.stderr).not.toMatch(NO_JS_ERROR);
  });
});
