/**
 * Signing in with a client secret (AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET) through @azure/identity,
 * replaced here by a fake credential: the CLI asks for the environment's scope, sends the token it got, and never shows
 * the secret or the token — not even when the library's own message quotes the secret. The emulator takes that token
 * only, so another one is refused as Dataverse refuses it: diagnose and scan then say so once.
 */
import { checkNoSecretInAnyOutput, MEGAN, run, TOKEN, useSandbox } from './helpers';

const TENANT = '11111111-1111-4111-8111-111111111111';
const CLIENT = '22222222-2222-4222-8222-222222222222';
const SECRET = 'Zq8~client-secret-never-shown-5Kp';
const ISSUED_TOKEN = 'eyJ0eXAiOiJKV1QifQ.issued-by-the-fake-credential.c2ln';
const SIGN_IN_ENV = { AZURE_TENANT_ID: TENANT, AZURE_CLIENT_ID: CLIENT, AZURE_CLIENT_SECRET: SECRET };

const mockCredentials: { args: unknown[]; scopes: unknown[] }[] = [];
const mockGetToken = jest.fn<Promise<{ token: string; expiresOnTimestamp: number } | null>, [string]>();

jest.mock('@azure/identity', () => ({
  ClientSecretCredential: class {
    private readonly calls: { args: unknown[]; scopes: unknown[] };
    constructor(...args: unknown[]) {
      this.calls = { args, scopes: [] };
      mockCredentials.push(this.calls);
    }
    getToken(scope: string) {
      this.calls.scopes.push(scope);
      return mockGetToken(scope);
    }
  },
}));

/** Accepts only the token the fake credential issues, as Dataverse accepts only a token issued for it. */
const sandbox = useSandbox({ requireToken: ISSUED_TOKEN });
const url = () => sandbox.emulator.url;

checkNoSecretInAnyOutput([SECRET, ISSUED_TOKEN]);

beforeEach(() => {
  mockCredentials.length = 0;
  mockGetToken.mockReset();
});

describe('sign-in with a client secret', () => {
  it("asks for the environment's scope and diagnoses with the token it got, as with that token in DATAVERSE_TOKEN", async () => {
    mockGetToken.mockResolvedValue({ token: ISSUED_TOKEN, expiresOnTimestamp: Date.now() + 3_600_000 });
    const diagnose = ['diagnose', '--url', url(), '--mailbox', MEGAN, '--format', 'json'];
    const signedIn = await run(diagnose, { env: SIGN_IN_ENV });
    const withToken = await run(diagnose, { env: { DATAVERSE_TOKEN: ISSUED_TOKEN } });

    expect(mockCredentials.map((credential) => credential.args)).toEqual([[TENANT, CLIENT, SECRET]]);
    expect(mockCredentials[0].scopes).toEqual([`${url().replace(/\/$/, '')}/.default`]);
    expect([signedIn.code, signedIn.stderr]).toEqual([withToken.code, withToken.stderr]);
    const report = (text: string) => ({ ...JSON.parse(text), diagnosedAt: undefined });
    expect(report(signedIn.stdout).mailbox).toBeDefined();
    expect(report(signedIn.stdout)).toEqual(report(withToken.stdout));
  });

  it('a token Dataverse refuses: diagnose, scan and preflight each say so once, with what to check, and exit 1', async () => {
    const refused = `${url()}: Dataverse did not accept the sign-in (401). Check that the token is for this environment and has not expired, and that the account is a user of the environment.\n`;
    const env = { DATAVERSE_TOKEN: TOKEN };
    const diagnosed = await run(['diagnose', '--url', url(), '--mailbox', MEGAN], { env });
    const scanned = await run(['scan', '--url', url(), '--format', 'json'], { env });
    const preflight = await run(['preflight', '--url', url(), '--format', 'json'], { env });

    expect([diagnosed.code, diagnosed.stdout, diagnosed.stderr]).toEqual([1, '', refused]);
    expect([scanned.code, scanned.stderr]).toEqual([1, refused]);
    const document = JSON.parse(scanned.stdout) as { environments: { error?: string; total: number }[] };
    expect(document.environments).toEqual([expect.objectContaining({ error: refused.trimEnd(), total: 0 })]);
    // The preflight's rows each say it briefly; what to check is said once.
    expect([preflight.code, preflight.stderr]).toEqual([1, refused]);
    const checks = (JSON.parse(preflight.stdout) as { checks: { verdict: string; found: string }[] }).checks;
    const refusedRows = checks.filter((check) => check.found === 'Dataverse did not accept the sign-in (401).');
    expect(refusedRows.length).toBeGreaterThan(0);
    expect(refusedRows.every((check) => check.verdict === 'error')).toBe(true);
    expect(preflight.stdout).not.toContain('Check that the token');
  });

  it('fails with exit 1 and the reason, the secret redacted even where the library quotes it', async () => {
    mockGetToken.mockRejectedValue(
      new Error(`invalid_client: AADSTS7000215: Invalid client secret provided ('${SECRET}').\nTrace ID: 0000`),
    );
    const result = await run(['diagnose', '--url', url(), '--mailbox', MEGAN], { env: SIGN_IN_ENV });

    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Sign-in failed (client secret from AZURE_TENANT_ID, AZURE_CLIENT_ID');
    expect(result.stderr).toContain("Invalid client secret provided ('[redacted]')");
    expect(result.stderr).not.toContain(SECRET);
  });
});
