/**
 * `--url` pointing at servers that do not answer like Dataverse, through the built bin as a user runs it: each row of
 * "a clear error, never a crash, never a silent all-clear". Every answer is the same for every request — an SSO
 * proxy's sign-in page, JSON cut short, JSON of another shape, an empty 200 — and last a real environment (the
 * emulator) where no mailbox matches. Each run: the exit code, the exact stderr, one JSON document on stdout for a
 * scan, and no JavaScript error text or raw body anywhere.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ScanDocument } from '../../cli/scan-report';
import { buildBin, EMPTY_SCAN_HINT, expectEmptyScanRefused, MEGAN, spawnBin, TOKEN, useSandbox } from './helpers';

interface Answer {
  status: number;
  contentType?: string;
  body: string;
}

const SIGN_IN_PAGE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in to your account</title>
<script>window.config = { state: "${'s'.repeat(300)}" };</script></head>
<body><form method="post"><input name="loginfmt" type="email"></form></body></html>`;

/** The rows of the table, in its order. */
const ROWS: { name: string; answer: Answer; diagnose: RegExp | string; scan?: RegExp | string }[] = [
  {
    name: 'a 200 HTML sign-in page (an SSO proxy, a wrong URL)',
    answer: { status: 200, contentType: 'text/html; charset=utf-8', body: SIGN_IN_PAGE },
    diagnose:
      'The server answered with an HTML page ("Sign in to your account"), not the Dataverse Web API: check --url (the environment URL, e.g. https://contoso.crm.dynamics.com) and sign-in.',
  },
  {
    name: 'truncated JSON',
    answer: {
      status: 200,
      contentType: 'application/json; odata.metadata=minimal',
      body: `{"@odata.context":"x","value":[{"mailboxid":"${MEGAN}","name":"Megan Bow`,
    },
    diagnose:
      /^The server answered with JSON that does not parse \(\d+ characters, ending "…[^"]*Megan Bow"\): the answer was cut short or changed on the way \(a proxy\?\), or the server is not the Dataverse Web API; check --url/,
  },
  {
    name: 'JSON of the wrong shape',
    answer: { status: 200, contentType: 'application/json', body: '{"status":"ok","items":[{"id":1,"statecode":0}]}' },
    diagnose:
      'The server answered with JSON that is not a Dataverse answer (the mailboxes record has no mailboxid): check --url (the environment URL, e.g. https://contoso.crm.dynamics.com) and sign-in.',
    scan: /^The server answered with JSON that is not a Dataverse answer \(no "value" list of \w+\): check --url \(the environment URL, e\.g\. https:\/\/contoso\.crm\.dynamics\.com\) and sign-in\.$/,
  },
  {
    name: 'an empty 200 body',
    answer: { status: 200, body: '' },
    diagnose:
      'The server answered HTTP 200 with an empty body, not the Dataverse Web API: check --url (the environment URL, e.g. https://contoso.crm.dynamics.com) and sign-in.',
  },
];

const JS_ERROR =
  /TypeError|ReferenceError|SyntaxError|RangeError|Cannot read propert|is not a function|is not iterable|undefined \(reading|\n\s+at \S+ \(|node:internal/;

let built: Awaited<ReturnType<typeof buildBin>>;
let server: http.Server;
let base: string;
let answer: Answer = ROWS[0].answer;
const sandbox = useSandbox({ small: true });

beforeAll(async () => {
  built = await buildBin();
  server = http.createServer((request, response) => {
    request.resume();
    response.writeHead(answer.status, answer.contentType ? { 'Content-Type': answer.contentType } : {});
    response.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  built.remove();
});

const run = (args: string[]) => spawnBin(built.bin, args, { DATAVERSE_TOKEN: TOKEN });

function expectClean(result: { stdout: string; stderr: string }, row?: Answer): void {
  const all = `${result.stdout}${result.stderr}`;
  expect(all).not.toMatch(JS_ERROR);
  expect(all).not.toContain(TOKEN);
  // At most a short excerpt of what came back, never the body itself.
  if (row && row.body.length > 80) expect(all).not.toContain(row.body.slice(0, 80));
  expect(all).not.toContain('<html');
}

function expectMessage(line: string, expected: RegExp | string): void {
  if (typeof expected === 'string') expect(line).toBe(expected);
  else expect(line).toMatch(expected);
}

describe.each(ROWS)('a server answering every request with $name', (row) => {
  beforeEach(() => {
    answer = row.answer;
  });

  it('diagnose: exit 1 and one clear line naming what came back, by id or by address', async () => {
    for (const mailbox of [MEGAN, 'megan.bowen@contoso.com']) {
      const result = await run(['diagnose', '--url', base, '--mailbox', mailbox]);
      expect({ mailbox, code: result.code, stdout: result.stdout }).toEqual({ mailbox, code: 1, stdout: '' });
      expect(result.stderr.endsWith('\n')).toBe(true);
      const lines = result.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0].startsWith(`${base}: `)).toBe(true);
      // By address the first read is a query (a collection), by id a record: the wrong shape names what it lacked.
      const expected = mailbox.includes('@') && row.scan ? row.scan : row.diagnose;
      expectMessage(lines[0].slice(base.length + 2), expected);
      expectClean(result, row.answer);
    }
  });

  it('scan: exit 1, the environment named as not scanned on stderr and in the JSON, never "0 mailboxes, all clear"', async () => {
    const result = await run(['scan', '--url', base, '--format', 'json']);
    expect(result.code).toBe(1);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0].startsWith(`${base}: `)).toBe(true);
    expectMessage(lines[0].slice(base.length + 2), row.scan ?? row.diagnose);
    const doc = JSON.parse(result.stdout) as ScanDocument;
    expect(doc.environments).toHaveLength(1);
    expect(doc.environments[0].error).toBe(lines[0]);
    expect(doc.total).toBe(0);
    expectClean(result, row.answer);
    // The table format says it too, and still exits 1.
    const table = await run(['scan', '--url', base]);
    expect(table.code).toBe(1);
    expect(table.stdout).toContain(`${base} could not be scanned: ${lines[0]}`);
    expectClean(table, row.answer);
  });
});

describe('a real environment with no matching mailbox', () => {
  it('diagnose: "not found", exit 1', async () => {
    const result = await run(['diagnose', '--url', sandbox.emulator.url, '--mailbox', 'nobody@contoso.com']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('No mailbox has the email address nobody@contoso.com (not found).\n');
    expectClean(result);
  });

  it('scan: says so on stderr and exits 1 unless --allow-empty; --all still finds the inactive mailboxes', async () => {
    const { emulator } = sandbox;
    const rows = emulator.store.tables.mailbox;
    for (const row of rows) row.statecode = 1;
    try {
      expectClean(await expectEmptyScanRefused(run, emulator.url));
      const allowed = await run(['scan', '--url', emulator.url, '--format', 'json', '--allow-empty']);
      expect(allowed.code).toBe(0);
      expect(allowed.stderr).toBe(`${emulator.url}: no active server-side sync mailbox matched: ${EMPTY_SCAN_HINT}\n`);
      expect((JSON.parse(allowed.stdout) as ScanDocument).total).toBe(0);
      const all = await run(['scan', '--url', emulator.url, '--format', 'json', '--all']);
      expect(all.code).toBe(0);
      expect(all.stderr).toBe('');
      expect((JSON.parse(all.stdout) as ScanDocument).total).toBe(rows.length);
    } finally {
      for (const row of rows) row.statecode = 0;
    }
  });
});
