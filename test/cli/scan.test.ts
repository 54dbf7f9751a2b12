/**
 * `mailbox-health scan` over real HTTP against the emulator: every format, paging, bulk reads (never a request per
 * mailbox), the same verdicts as diagnose, 429/5xx recovery, 403 on alerts, SLO exit codes, --previous, webhooks,
 * several environments, output safety, and no secret in any output.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadSampleExpectations } from '../../sandbox/load-sample-environment';
import type { ScanDocument } from '../../cli/scan-report';
import { CHECK_ORDER, type DataverseRecord } from '../../diagnostics';
import { startEmulator, type Emulator } from '../../simulator/http/server';
import { alert, environment, healthyMailbox, IDS, now } from '../support/fixtures';
import {
  checkNoSecretInAnyOutput,
  HENRIETTA,
  HYBRID_PROFILE,
  MEGAN,
  requestsSince,
  run,
  startReceiver,
  temporaryFolder,
  TOKEN,
  useSandbox,
} from './helpers';
import { SCAN_DOCUMENT_KEYS } from '../support/expected';

const sandbox = useSandbox();
/** The sample without its 2,000 generated mailboxes: for tests about output, where size only costs time. */
const small = useSandbox({ small: true });
/** A second environment, for a scan of several. */
const second = useSandbox({ small: true });
/** Megan's name and address are what an attacker would write into Dataverse. */
const evil = useSandbox({ small: true }, (emulator) => {
  Object.assign(emulator.store.find('mailbox', MEGAN)!, {
    name: '=HYPERLINK("http://evil")|x <!channel> \u001b[31mred\u001b[0m\u001b]0;title\u0007',
    emailaddress: '@evil@contoso.com',
    statecode: 0,
    enabledforincomingemail: false,
  });
});
const tmp = temporaryFolder('mailbox-health-scan-');
const WEBHOOK_SECRET = 'sig=Zx81kQ-webhook-signature-never-printed';
const url = () => sandbox.emulator.url;
const surl = () => small.emulator.url;

/**
 * The active server-side sync mailboxes of the sample: 26 featured (Henrietta is inactive, the forward mailbox is
 * left out) + 2,000 generated + 300 generated overdue.
 */
const SCANNED = 2326;
const SCANNED_SMALL = 26;

checkNoSecretInAnyOutput([WEBHOOK_SECRET, 'Zx81kQ-webhook-signature-never-printed']);

async function scanJson(
  extra: string[] = [],
  io = {},
  environment = url(),
): Promise<{ code: number; doc: ScanDocument; stderr: string }> {
  const result = await run(['scan', '--url', environment, '--format', 'json', ...extra], io);
  return { code: result.code, doc: JSON.parse(result.stdout) as ScanDocument, stderr: result.stderr };
}

describe('scan', () => {
  it('gives every mailbox the verdict diagnose gives it, in a handful of requests', async () => {
    const from = sandbox.emulator.requests.length;
    const { code, doc, stderr } = await scanJson();
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const requests = requestsSince(sandbox.emulator, from);
    // organization, profiles, alerts, the scan's size, a forward mailbox, failed items per owner, the one mailbox page
    // with its owners joined, and WhoAmI + RetrieveUserSetOfPrivilegesByNames (how deep the account reads): 9, never a
    // request per mailbox nor one that grows with the users.
    expect(requests.filter((r) => /WhoAmI|RetrieveUserSetOfPrivilegesByNames/.test(r.url))).toHaveLength(2);
    expect(requests.length).toBe(9);
    expect(requests.every((r) => r.method === 'GET' && r.status === 200)).toBe(true);
    expect(doc.total).toBe(SCANNED);
    expect(doc.healthy + doc.warning + doc.failing + doc.unknown).toBe(SCANNED);
    expect(doc.environments).toEqual([
      {
        url: url(),
        total: SCANNED,
        healthy: doc.healthy,
        warning: doc.warning,
        failing: doc.failing,
        unknown: doc.unknown,
        unreadable: [],
      },
    ]);
    expect(doc.mailboxes).toHaveLength(SCANNED - doc.healthy);
    expect(Object.keys(doc.byCheck)).toEqual([...CHECK_ORDER]);

    // The reviewed expectations recorded from diagnose, for every featured mailbox the scan covers.
    const expectations = loadSampleExpectations();
    const listed = new Map(doc.mailboxes.map((m) => [m.id, m]));
    for (const [id, expected] of Object.entries(expectations)) {
      if (id === HENRIETTA) {
        expect(listed.has(id)).toBe(false);
        continue;
      }
      const verdict = listed.get(id)?.overall ?? 'healthy';
      expect({ id, verdict }).toEqual({ id, verdict: expected.verdict });
      if (expected.verdict !== 'healthy') expect(listed.get(id)!.startHere).toBe(expected.startHere);
    }
    // And against diagnose itself, for a couple of mailboxes.
    for (const id of ['69f5dec0-0cb1-4a53-8e3d-eb6b84e4e761', '601294ea-ac47-4cf5-91a6-e98fa33e6234']) {
      const single = JSON.parse((await run(['diagnose', '--url', url(), '--mailbox', id, '--format', 'json'])).stdout);
      const summary = listed.get(id)!;
      expect(summary.overall).toBe(single.overall);
      expect(summary.failingChecks).toEqual(
        single.checks.filter((c: { status: string }) => c.status === 'fail').map((c: { id: string }) => c.id),
      );
      expect(summary.warningChecks).toEqual(
        single.checks.filter((c: { status: string }) => c.status === 'warn').map((c: { id: string }) => c.id),
      );
    }
    // The hybrid profile's overdue mailboxes, counted from the stream: listed once, as diagnose counts them.
    const overdue = doc.findings.filter((f) => f.kind === 'profile-overdue');
    expect(overdue).toHaveLength(1);
    const field = sandbox.emulator.store.tables.mailbox.find((row) =>
      String(row.name).startsWith('Field Technician (overdue)'),
    )!;
    const diagnosed = JSON.parse(
      (await run(['diagnose', '--url', url(), '--mailbox', String(field.mailboxid), '--format', 'json'])).stdout,
    );
    expect(overdue[0]).toEqual({
      environment: url(),
      ...diagnosed.findings.find((f: { kind: string }) => f.kind === 'profile-overdue'),
    });
    // Written while the scan runs: the mailboxes first, in the scan's order; what needs the whole scan after them.
    expect(Object.keys(doc)).toEqual(SCAN_DOCUMENT_KEYS);
  });

  it('pages through the mailboxes (several FetchXML pages, each continued by the paging cookie of the one before)', async () => {
    const from = sandbox.emulator.requests.length;
    const { doc } = await scanJson([], { pageSize: 300 });
    expect(doc.total).toBe(SCANNED);
    const fetchXml = (url: string) => decodeURIComponent(new URL(url, 'http://x').searchParams.get('fetchXml') ?? '');
    const pages = requestsSince(sandbox.emulator, from).filter(
      (r) => r.table === 'mailbox' && fetchXml(r.url).startsWith('<fetch count="300"'),
    );
    // The forward mailbox is read with its profile's mailboxes (it counts towards their load), not reported.
    expect(pages.length).toBe(Math.ceil((SCANNED + 1) / 300));
    expect(pages.map((r) => /page="(\d+)"/.exec(fetchXml(r.url))![1])).toEqual(pages.map((_, i) => String(i + 1)));
    expect(pages.slice(1).every((r) => fetchXml(r.url).includes('paging-cookie="&lt;cookie page='))).toBe(true);
    // Still bulk: the owners come with the pages; six shared reads and the two privilege calls.
    expect(requestsSince(sandbox.emulator, from).length).toBe(pages.length + 8);
  });

  it('--all adds inactive and forward mailboxes; --profile limits to a profile by name (any case) or id', async () => {
    const all = await scanJson(['--all']);
    expect(all.doc.total).toBe(SCANNED + 2);
    const byName = await scanJson(['--profile', 'contoso exchange HYBRID (on-premises)']);
    const byId = await scanJson(['--profile', HYBRID_PROFILE.toUpperCase()]);
    expect(byName.doc.total).toBeGreaterThanOrEqual(2000);
    expect(byName.doc.total).toBeLessThan(SCANNED);
    expect(byId.doc.total).toBe(byName.doc.total);
    const unknown = await run(['scan', '--url', url(), '--profile', 'No Such Profile']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("no email server profile is named or has the id 'No Such Profile'");
  });

  it('prints a table by default, markdown and CSV on request', async () => {
    const table = await run(['scan', '--url', surl()]);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Mailbox Health scan');
    expect(table.stdout).toMatch(/Mailboxes\s+Healthy\s+Warning\s+Failing\s+Unknown/);
    expect(table.stdout).toContain('Adele Vance');
    // The summary first, then the rows: failing first, then unknown, then warning.
    const rows = table.stdout.slice(table.stdout.indexOf('Not healthy:')).split('\n').slice(3);
    const ranks = rows
      .map((row) => ['Failing', 'Unknown', 'Warning'].findIndex((verdict) => row.startsWith(`${verdict} `)))
      .filter((rank) => rank >= 0);
    expect(ranks.length).toBe(
      JSON.parse((await run(['scan', '--url', surl(), '--format', 'json'])).stdout).mailboxes.length,
    );
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    expect(new Set(ranks).size).toBeGreaterThan(1);
    const markdown = await run(['scan', '--url', surl(), '--format', 'markdown']);
    expect(markdown.stdout).toMatch(/^# Mailbox Health scan/);
    expect(markdown.stdout).toContain('|---|---:|');
    expect(markdown.stdout).toContain('| Failing | Adele Vance |');
    const csv = await run(['scan', '--url', surl(), '--format', 'csv']);
    const lines = csv.stdout.trim().split('\r\n');
    expect(lines[0]).toBe('environment,id,name,emailAddress,overall,startHere,failingChecks,warningChecks,errorChecks');
    expect(lines.length).toBe(
      1 + JSON.parse((await run(['scan', '--url', surl(), '--format', 'json'])).stdout).mailboxes.length,
    );
    expect(lines.some((line) => line.includes('Adele Vance') && line.includes(',failing,approval,'))).toBe(true);
  });

  it('keeps going when alerts cannot be read (403): those checks are marked, the table named', async () => {
    sandbox.emulator.faults.deny({ table: 'tracelog' });
    const { code, doc, stderr } = await scanJson();
    expect(code).toBe(0);
    expect(doc.total).toBe(SCANNED);
    expect(doc.environments[0].unreadable).toEqual([
      { table: 'tracelog', reason: 'you lack read privilege on Alerts (tracelog).' },
    ]);
    expect(doc.byCheck.alerts.error).toBe(SCANNED);
    expect(doc.byCheck['conditional-access'].error).toBe(SCANNED);
    expect(stderr).toContain('could not check everything: you lack read privilege on Alerts (tracelog).');
    const table = await run(['scan', '--url', url()]);
    expect(table.stdout).toContain('could not check everything');
  });

  it('keeps going when users cannot be read (403): the pages are read without that join, only the owner checks of users are marked', async () => {
    small.emulator.faults.deny({ table: 'systemuser' });
    const from = small.emulator.requests.length;
    const { code, doc } = await scanJson([], {}, surl());
    expect(code).toBe(0);
    expect(doc.total).toBe(SCANNED_SMALL);
    expect(doc.environments[0].unreadable.map((u) => u.table)).toEqual(['systemuser']);
    const refused = requestsSince(small.emulator, from).filter(
      (r) => (r.url.includes('/tracelogs?fetchXml=') || r.url.includes('/mailboxes?fetchXml=')) && r.status === 403,
    );
    expect(refused).toHaveLength(1);
    const owned = small.emulator.store.tables.mailbox.filter(
      (row) =>
        row['_regardingobjectid_value@Microsoft.Dynamics.CRM.lookuplogicalname'] === 'systemuser' &&
        row.statecode === 0,
    );
    expect(doc.byCheck.owner.error).toBe(owned.length);
    expect(doc.byCheck['email-tracking'].error).toBe(0);
    expect(CHECK_ORDER.filter((id) => id !== 'owner' && doc.byCheck[id].error > 0)).toEqual([]);
  });

  it('recovers from 429 after Retry-After, never sooner', async () => {
    sandbox.emulator.faults.throttle({ times: 1, table: 'mailbox', retryAfterSeconds: 1 });
    const started = Date.now();
    const { code, doc, stderr } = await scanJson();
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(code).toBe(0);
    expect(doc.total).toBe(SCANNED);
    expect(stderr).toContain('Dataverse is throttling requests; waiting 1 s as it asked');
  });

  it('recovers from 5xx with backoff', async () => {
    // The organization: one request reads it (profiles are joined to the profile alerts' read too).
    small.emulator.faults.serverError({ times: 2, table: 'organization' });
    const waits: number[] = [];
    const { code, doc, stderr } = await scanJson([], { sleep: async (ms: number) => void waits.push(ms) }, surl());
    expect(code).toBe(0);
    expect(doc.environments[0].unreadable).toEqual([]);
    // The two 500s back off 1 s, then 2 s. (On a loaded machine another request may also time out and be retried: its
    // wait is its own, so only the 500s' retries are counted.)
    const serverErrorRetries = stderr.split('\n').filter((line) => line.includes('Transient failure (HTTP 500)'));
    expect(serverErrorRetries).toEqual([
      expect.stringContaining('retrying in 1 s'),
      expect.stringContaining('retrying in 2 s'),
    ]);
    expect(waits).toEqual(expect.arrayContaining([1000, 2000]));
  });

  it('exits 1 when the mailboxes cannot be read, still printing the document', async () => {
    sandbox.emulator.faults.deny({ table: 'mailbox' });
    const result = await run(['scan', '--url', url(), '--format', 'json']);
    expect(result.code).toBe(1);
    const doc = JSON.parse(result.stdout) as ScanDocument;
    expect(doc.environments[0].error).toContain('access denied (403)');
    expect(result.stderr).toContain('access denied (403)');
  });

  it('--max-failing: exit 2 beyond the SLO, 0 within; P% is a share of the total', async () => {
    const base = await scanJson([], {}, surl());
    const failing = base.doc.failing;
    expect(failing).toBeGreaterThan(1);
    const over = await scanJson(['--max-failing', String(failing - 1)], {}, surl());
    expect(over.code).toBe(2);
    expect(over.doc.slo).toEqual({ maxFailing: String(failing - 1), allowed: failing - 1, within: false });
    const at = await scanJson(['--max-failing', String(failing)], {}, surl());
    expect(at.code).toBe(0);
    expect(at.doc.slo?.within).toBe(true);
    const percentOk = await scanJson(['--max-failing', '60%'], {}, surl());
    expect(percentOk.code).toBe(0);
    expect(percentOk.doc.slo?.allowed).toBe(Math.floor(SCANNED_SMALL * 0.6));
    expect(failing * 100).toBeLessThanOrEqual(60 * SCANNED_SMALL);
    const percentOver = await scanJson(['--max-failing', '40%'], {}, surl());
    expect(failing * 100).toBeGreaterThan(40 * SCANNED_SMALL);
    expect(percentOver.code).toBe(2);
    const table = await run(['scan', '--url', surl(), '--max-failing', '0']);
    expect(table.code).toBe(2);
    expect(table.stdout).toContain('SLO missed');
    const bad = await run(['scan', '--url', surl(), '--max-failing', 'lots']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--max-failing takes a number');
  });

  it('--previous adds the change since an earlier scan', async () => {
    const before = (await scanJson([], {}, surl())).doc;
    const adele = before.mailboxes.find((m) => m.name === 'Adele Vance')!;
    const previous = {
      ...before,
      failing: before.failing - 1 + 1,
      mailboxes: [
        ...before.mailboxes.filter((m) => m.id !== adele.id),
        {
          id: '00000000-0000-4000-8000-0000000000ff',
          name: 'Fixed Since',
          emailAddress: null,
          environment: surl(),
          overall: 'failing',
          failingChecks: [],
        },
      ],
    };
    const file = path.join(tmp, 'previous.json');
    fs.writeFileSync(file, JSON.stringify(previous));
    const { doc } = await scanJson(['--previous', file], {}, surl());
    expect(doc.change?.since).toBe(before.scannedAt);
    expect(doc.change?.newlyFailing.map((m) => m.name)).toEqual(['Adele Vance']);
    expect(doc.change?.noLongerFailing.map((m) => m.name)).toEqual(['Fixed Since']);
    expect(doc.change?.failing).toBe(0);
    const table = await run(['scan', '--url', surl(), '--previous', file]);
    expect(table.stdout).toContain('1 newly failing, 1 no longer failing');

    const from = small.emulator.requests.length;
    const missing = await run(['scan', '--url', surl(), '--previous', path.join(tmp, 'missing.json')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('could not be read (ENOENT)');
    fs.writeFileSync(path.join(tmp, 'wrong.json'), '{"hello": 1}');
    const wrong = await run(['scan', '--url', surl(), '--previous', path.join(tmp, 'wrong.json')]);
    expect(wrong.code).toBe(1);
    expect(requestsSince(small.emulator, from)).toHaveLength(0);
  });

  it('posts an Adaptive Card to a Teams Workflows webhook and {text, blocks} to Slack, never printing the URL', async () => {
    const receiver = await startReceiver();
    try {
      const teams = await run([
        'scan',
        '--url',
        surl(),
        '--post',
        `${receiver.url}/workflows/abc?${WEBHOOK_SECRET}`,
        '--webhook-format',
        'teams',
        '--max-failing',
        '100',
      ]);
      expect(teams.code).toBe(0);
      expect(teams.stderr).toContain('Summary posted to the Teams webhook.');
      expect(receiver.posts).toHaveLength(1);
      const card = receiver.posts[0].body as {
        type: string;
        attachments: {
          contentType: string;
          content: { type: string; version: string; body: { type: string; text?: string }[] };
        }[];
      };
      expect(receiver.posts[0].contentType).toBe('application/json');
      expect(card.type).toBe('message');
      expect(card.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
      expect(card.attachments[0].content.type).toBe('AdaptiveCard');
      expect(card.attachments[0].content.version).toBe('1.4');
      expect(card.attachments[0].content.body[0].text).toMatch(/^Mailbox Health: \d+ of 26 mailboxes failing$/);
      expect(JSON.stringify(card)).toContain('SLO met');

      const env = { DATAVERSE_TOKEN: TOKEN, SLACK_WEBHOOK: `${receiver.url}/services/T000/B000/${WEBHOOK_SECRET}` };
      const slack = await run(
        ['scan', '--url', surl(), '--post-env', 'SLACK_WEBHOOK', '--webhook-format', 'slack', '--format', 'json'],
        { env },
      );
      expect(slack.code).toBe(0);
      JSON.parse(slack.stdout);
      const message = receiver.posts[1].body as { text: string; blocks: { type: string }[] };
      expect(message.text).toMatch(/^Mailbox Health: \d+ of 26 mailboxes failing$/);
      expect(message.blocks[0].type).toBe('section');
      expect(receiver.posts[1].path).toBe(`/services/T000/B000/${WEBHOOK_SECRET}`);

      receiver.status = 500;
      const failed = await run([
        'scan',
        '--url',
        surl(),
        '--post',
        `${receiver.url}/x?${WEBHOOK_SECRET}`,
        '--webhook-format',
        'slack',
      ]);
      expect(failed.code).toBe(1);
      expect(failed.stdout).toContain('Mailbox Health scan');
      expect(failed.stderr).toContain('Posting the summary to the Slack webhook failed: HTTP 500.');
    } finally {
      await receiver.close();
    }
    const refused = await run([
      'scan',
      '--url',
      surl(),
      '--post',
      `http://127.0.0.1:1/hook?${WEBHOOK_SECRET}`,
      '--webhook-format',
      'teams',
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Posting the summary to the Teams webhook failed: (ECONNREFUSED|network error)\./);
  });

  it('checks webhook options before the first request', async () => {
    const from = sandbox.emulator.requests.length;
    const cases: [string[], string][] = [
      [['--post', 'https://example.com/hook'], 'cannot be told from the URL'],
      [['--post', 'http://example.com/hook', '--webhook-format', 'slack'], 'must use https'],
      [['--post-env', 'NOT_SET_ANYWHERE'], 'NOT_SET_ANYWHERE'],
      [['--post', 'https://hooks.slack.com/x', '--post-env', 'X'], 'not both'],
      [['--webhook-format', 'teams'], 'needs --post'],
      [['--post', 'https://hooks.slack.com/x', '--webhook-format', 'discord'], 'not a webhook format'],
    ];
    for (const [extra, text] of cases) {
      const result = await run(['scan', '--url', url(), ...extra]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(text);
    }
    expect(requestsSince(sandbox.emulator, from)).toHaveLength(0);
  });

  it('scans several environments; one that fails is an error, the others still reported', async () => {
    second.emulator.faults.deny({ table: 'mailbox' });
    const result = await run(['scan', '--url', surl(), '--url', second.emulator.url, '--format', 'json']);
    expect(result.code).toBe(1);
    const doc = JSON.parse(result.stdout) as ScanDocument;
    expect(doc.environments.map((e) => e.url)).toEqual([surl(), second.emulator.url]);
    expect(doc.environments[0].total).toBe(SCANNED_SMALL);
    expect(doc.environments[1].error).toBeDefined();
    expect(doc.total).toBe(SCANNED_SMALL);
    second.emulator.faults.clear();
    const both = await run(['scan', '--url', surl(), '--url', second.emulator.url]);
    expect(both.code).toBe(0);
    expect(both.stdout).toContain('All environments');
    expect(both.stdout).toContain(String(2 * SCANNED_SMALL));
  });

  it('cleans Dataverse text in every format: formulas, pipes, mentions, terminal escapes', async () => {
    const receiver = await startReceiver();
    try {
      const csv = await run(['scan', '--url', evil.emulator.url, '--format', 'csv']);
      const row = csv.stdout.split('\r\n').find((line) => line.includes(MEGAN))!;
      expect(row).toContain(`"'=HYPERLINK(""http://evil"")|x  red",'@evil@contoso.com`);
      const markdown = await run(['scan', '--url', evil.emulator.url, '--format', 'markdown']);
      expect(markdown.stdout).toContain('=HYPERLINK("http://evil")\\|x  red');
      const table = await run(['scan', '--url', evil.emulator.url]);
      const scanPosting = (path: string, format: string) =>
        run([
          'scan',
          '--url',
          evil.emulator.url,
          '--format',
          'json',
          '--post',
          `${receiver.url}${path}`,
          '--webhook-format',
          format,
        ]);
      const json = await scanPosting('/s', 'slack');
      await scanPosting('/t', 'teams');
      for (const output of [csv.stdout, markdown.stdout, table.stdout, json.stdout, JSON.stringify(receiver.posts)]) {
        for (const control of ['\u001b', '\\u001b', '\u0007', '\\u0007']) expect(output).not.toContain(control);
        expect(output).not.toContain('<!channel>');
      }
      expect(JSON.parse(json.stdout).mailboxes.find((m: { id: string }) => m.id === MEGAN).name).toBe(
        '=HYPERLINK("http://evil")|x  red',
      );
    } finally {
      await receiver.close();
    }
  });

  it('shows a progress bar on stderr only when it is a terminal', async () => {
    const piped = await run(['scan', '--url', surl(), '--format', 'json']);
    expect(piped.stderr).toBe('');
    const tty = await run(['scan', '--url', surl(), '--format', 'json'], {}, { ttyStderr: true });
    expect(tty.stderr).toContain('%');
    expect(tty.stderr).toContain('mailboxes scanned in');
    expect(JSON.parse(tty.stdout).total).toBe(SCANNED_SMALL);
  });
});

/**
 * Profile and environment findings over a small fixture fleet: Dana Whitfield and Lee Gu share one email server profile.
 * A profile alert that names a mailbox is that mailbox's own; one that names none is a finding, listed once, and
 * findings never add to any count.
 */
describe('findings in the scan and in diagnose', () => {
  const LEE = '1f0e3c1a-5b6d-4e7f-8a9b-0c1d2e3f4a11';
  const LEE_USER = '3b2c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d11';
  const NAMES_DANA =
    'The credentials are incorrect or the mailbox Dana Whitfield does not have sufficient permissions to receive email. Email Server Error Code: Exchange server returned (401) Unauthorized. The mailbox has been disabled for synchronization.';
  const NAMES_NONE =
    'The email server profile Microsoft Exchange Online could not connect to Exchange. Email Server Error Code: Web server returned ConnectFailure.';
  let emulator: Emulator | undefined;

  afterEach(async () => {
    await emulator?.close();
    emulator = undefined;
  });

  /** Dana fails (incoming disabled after the 401 that names her) unless `danaFails` is false; Lee is healthy. */
  async function fleet(
    options: { danaFails?: boolean; moreProfileAlerts?: string[]; organization?: DataverseRecord } = {},
  ): Promise<string> {
    const danaFails = options.danaFails !== false;
    const data = environment({
      ...(danaFails ? { mailbox: { incomingemailstatus: 2, enabledforincomingemail: false } } : {}),
      ...(options.organization ? { organization: options.organization } : {}),
      alerts: [
        ...(danaFails ? [alert('emailserverprofile', NAMES_DANA, 3)] : []),
        alert('emailserverprofile', NAMES_NONE, 3),
        ...(options.moreProfileAlerts ?? []).map((text) => alert('emailserverprofile', text, 3)),
      ],
      extra: {
        mailbox: [
          healthyMailbox({
            mailboxid: LEE,
            name: 'Lee Gu',
            emailaddress: 'lee.gu@contoso.com',
            _regardingobjectid_value: LEE_USER,
            _ownerid_value: LEE_USER,
          }),
        ],
        systemuser: [
          {
            systemuserid: LEE_USER,
            fullname: 'Lee Gu',
            internalemailaddress: 'lee.gu@contoso.com',
            domainname: 'lee.gu@contoso.com',
            isdisabled: false,
            accessmode: 0,
            islicensed: true,
          },
        ],
        usersettings: [{ systemuserid: LEE_USER, incomingemailfilteringmethod: 2 }],
      },
    });
    // WhoAmI answers Dana's user.
    emulator = await startEmulator({ data, now, requireToken: true, callerId: IDS.user });
    return emulator.url;
  }

  const scan = async (environmentUrl: string, extra: string[] = []) =>
    run(['scan', '--url', environmentUrl, ...extra], { now });

  it("counts only the mailboxes' own verdicts: a profile alert naming one mailbox fails only that one, and is no finding", async () => {
    const environmentUrl = await fleet();
    const result = await scan(environmentUrl, ['--format', 'json']);
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout) as ScanDocument;
    expect({ total: doc.total, failing: doc.failing, healthy: doc.healthy }).toEqual({
      total: 2,
      failing: 1,
      healthy: 1,
    });
    expect(doc.mailboxes.map((m) => [m.name, m.overall])).toEqual([['Dana Whitfield', 'failing']]);
    expect(doc.environments[0].failing).toBe(1);
    expect(doc.findings).toEqual([
      {
        environment: environmentUrl,
        kind: 'profile-alert',
        scope: 'profile',
        subject: { id: IDS.profile, name: 'Microsoft Exchange Online' },
        summary: `An alert on the email server profile that does not name this mailbox: “${NAMES_NONE}”`,
        remedy: expect.stringMatching(/\S/),
        learnMoreUrl: expect.stringMatching(/^https:\/\/learn\.microsoft\.com\//),
        evidence: [],
        alert: expect.objectContaining({
          level: 3,
          code: 0,
          text: NAMES_NONE,
          count: 1,
          regarding: 'emailserverprofile',
        }),
      },
    ]);
    expect(JSON.stringify(doc.findings)).not.toContain('Dana Whitfield');
  });

  it('a profile alert that names no mailbox fails none, and is listed once however many mailboxes share the profile', async () => {
    const doc = JSON.parse(
      (await scan(await fleet({ danaFails: false }), ['--format', 'json'])).stdout,
    ) as ScanDocument;
    expect({ total: doc.total, failing: doc.failing, warning: doc.warning, healthy: doc.healthy }).toEqual({
      total: 2,
      failing: 0,
      warning: 0,
      healthy: 2,
    });
    expect(doc.byCheck.alerts).toEqual({ fail: 0, warn: 0, error: 0 });
    expect(doc.findings.map((f) => f.alert?.text)).toEqual([NAMES_NONE]);
  });

  it('the table and markdown list the findings once, after the mailboxes; CSV stays one row per mailbox not healthy', async () => {
    const environmentUrl = await fleet({ organization: { generatealertsforwarnings: false } });
    const table = (await scan(environmentUrl)).stdout;
    expect(table.split('Profile and environment findings')).toHaveLength(2);
    expect(table.indexOf('Profile and environment findings (2)')).toBeGreaterThan(table.indexOf('Dana Whitfield'));
    expect(table).toContain(
      `- Email server profile: Microsoft Exchange Online: Error alert ×1, last seen 2026-11-27T11:00:00.000Z, naming none of the scanned mailboxes: “${NAMES_NONE}”`,
    );
    expect(table).toContain(
      '- Environment: Contoso: This organization does not record Warning alerts, so transient problems go unseen.',
    );
    expect(table).toMatch(/\n {2}Fix: Turn alerts on: /);

    const markdown = (await scan(environmentUrl, ['--format', 'markdown'])).stdout;
    expect(markdown).toContain('## Profile and environment findings (2)');
    expect(markdown).toContain('- **Email server profile: Microsoft Exchange Online:** Error alert ×1');
    expect(markdown).toContain(
      '  - Learn more: <https://learn.microsoft.com/power-platform/admin/monitor-email-processing-errors>',
    );

    const csv = (await scan(environmentUrl, ['--format', 'csv'])).stdout.trim().split('\r\n');
    expect(csv).toHaveLength(2);
    expect(csv[1]).toContain('Dana Whitfield');
    expect(csv.join('\n')).not.toMatch(/ConnectFailure|Contoso,|record Warning alerts/);
  });

  it('posts at most three findings with the count of the rest; the headline counts failing mailboxes only', async () => {
    const more = ['ErrorServerBusy', 'ErrorMailboxStoreUnavailable'].map(
      (code) =>
        `Email cannot be received for the mailboxes of the email server profile Microsoft Exchange Online. Email Server Error Code: Exchange server returned ${code} exception.`,
    );
    const environmentUrl = await fleet({ moreProfileAlerts: more, organization: { generatealertsforwarnings: false } });
    const receiver = await startReceiver();
    try {
      expect((await scan(environmentUrl, ['--post', `${receiver.url}/t`, '--webhook-format', 'teams'])).code).toBe(0);
      expect((await scan(environmentUrl, ['--post', `${receiver.url}/s`, '--webhook-format', 'slack'])).code).toBe(0);
    } finally {
      await receiver.close();
    }
    const card = receiver.posts[0].body as { attachments: { content: { body: { text?: string }[] } }[] };
    const texts = card.attachments[0].content.body.map((block) => block.text ?? '');
    expect(texts[0]).toBe('Mailbox Health: 1 of 2 mailboxes failing');
    const heading = texts.indexOf('Profile and environment findings \\(4, not counted as failing\\)');
    expect(heading).toBeGreaterThan(0);
    expect(
      texts
        .slice(heading + 1, heading + 4)
        .every(
          (text) =>
            text.startsWith('Email server profile: Microsoft Exchange Online: ') ||
            text.startsWith('Environment: Contoso: '),
        ),
    ).toBe(true);
    expect(texts[heading + 4]).toBe('and 1 more');

    const slack = receiver.posts[1].body as { text: string; blocks: { text?: { text: string } }[] };
    expect(slack.text).toBe('Mailbox Health: 1 of 2 mailboxes failing');
    const section = slack.blocks
      .map((block) => block.text?.text ?? '')
      .find((text) => text.startsWith('*Profile and environment findings (4, not counted as failing)*'))!;
    expect(section.split('\n').filter((line) => line.startsWith('• '))).toHaveLength(3);
    expect(section.split('\n').at(-1)).toBe('and 1 more');
  });

  it('diagnose prints the findings after the checks, in every format, and passes the signed-in user (WhoAmI)', async () => {
    const environmentUrl = await fleet();
    const text = await run(['diagnose', '--url', environmentUrl, '--mailbox', 'lee.gu@contoso.com'], { now });
    // Lee is healthy: the profile's alerts are findings beside the checks, not failures.
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Overall: Healthy');
    const findings = text.stdout.slice(text.stdout.indexOf('\nProfile and environment findings\n'));
    expect(findings.length).toBeGreaterThan(0);
    expect(text.stdout.indexOf('\nProfile and environment findings\n')).toBeGreaterThan(
      text.stdout.indexOf('Email tracking rules'),
    );
    expect(findings).toContain(NAMES_DANA);
    expect(findings).toContain(NAMES_NONE);

    const markdown = await run(['diagnose', '--url', environmentUrl, '--mailbox', LEE, '--format', 'markdown'], {
      now,
    });
    expect(markdown.stdout).toContain('## Profile and environment findings');

    const lee = JSON.parse(
      (await run(['diagnose', '--url', environmentUrl, '--mailbox', LEE, '--format', 'json'], { now })).stdout,
    );
    expect(lee.findings.map((f: { alert?: { text: string } }) => f.alert?.text)).toEqual(
      expect.arrayContaining([NAMES_DANA, NAMES_NONE]),
    );
    // WhoAmI answers Dana's user: she sees her own failed items (none: a pass); for Lee's mailbox that proves nothing.
    expect(lee.checks.find((c: { id: string }) => c.id === 'item-failures').status).toBe('info');
    const dana = JSON.parse(
      (await run(['diagnose', '--url', environmentUrl, '--mailbox', IDS.mailbox, '--format', 'json'], { now })).stdout,
    );
    expect(dana.checks.find((c: { id: string }) => c.id === 'item-failures').status).toBe('pass');
    expect(dana.findings.map((f: { alert?: { text: string } }) => f.alert?.text)).toEqual([NAMES_NONE]);
    expect(emulator!.requests.filter((r) => r.url.includes('WhoAmI'))).toHaveLength(4);
  });
});
