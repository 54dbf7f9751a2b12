/**
 * `npm run bench:cli` (also part of `npm run bench`): the fleet scan through the sandbox's emulator at 50 ms latency
 * per request, with generated environments of 10,000 and 100,000 mailboxes (each with its owner: a user with its
 * settings, or a queue). The built bin is spawned (process start included in the wall time) and its peak RSS read from
 * the child itself (process.resourceUsage().maxRSS at exit, through a --require probe), so the emulator's own memory —
 * it runs in this process — is not counted. Every request the emulator answered is sorted by kind and printed.
 *
 * Limits, printed beside each figure: 10,000 mailboxes in ≤ 8 engine requests (organization, profiles, alerts, forward
 * mailboxes, the failed items by owner, the scan's size, two mailbox pages) plus the CLI's 2 privilege calls (WhoAmI and
 * RetrieveUserSetOfPrivilegesByNames: how deep the account reads mailboxes), counted apart, and ≤ 3 s; 100,000 in
 * ≤ 30 requests, privilege calls included, with a peak RSS ≤ 200 MB.
 * Not a test: it prints figures and marks a missed limit, and exits 0 either way (a benchmark, not a gate).
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { DataverseRecord } from '../diagnostics/port';
import { startEmulator, type RecordedRequest } from '../sandbox/emulator/server';
import type { DataSet } from '../sandbox/emulator/store';

const ROOT = path.resolve(__dirname, '..');
const BIN = path.join(ROOT, 'out', 'cli', 'mailbox-health.js');
const LATENCY_MS = 50;
const LIMITS = {
  engineRequests10k: 8,
  privilegeRequests: 2,
  wallMs10k: 3000,
  requests100k: 30,
  peakRssMb100k: 200,
};
const TOKEN = 'bench-token';

/** What a request read, from its URL: the breakdown the README prints. */
const KINDS: [kind: string, test: (url: string) => boolean][] = [
  ['organization', (url) => url.includes('/organizations?')],
  ['profiles', (url) => url.includes('/emailserverprofiles?')],
  ['alerts', (url) => url.includes('/tracelogs?')],
  [
    'forward mailboxes',
    (url) => url.includes('/mailboxes?') && url.includes('isforwardmailbox') && !url.includes('fetchXml='),
  ],
  ['failed items by owner', (url) => url.includes('/exchangesyncidmappings?')],
  ['scan size', (url) => url.includes('/mailboxes?fetchXml=') && fetchXmlOf(url).startsWith('<fetch aggregate="true"')],
  ['mailbox pages', (url) => url.includes('/mailboxes?fetchXml=') && fetchXmlOf(url).startsWith('<fetch count=')],
  ['privileges (CLI)', (url) => /\/WhoAmI|RetrieveUserSetOfPrivilegesByNames/.test(url)],
];

function fetchXmlOf(url: string): string {
  return new URL(url, 'http://bench').searchParams.get('fetchXml') ?? '';
}

function breakdown(requests: readonly RecordedRequest[]): Map<string, number> {
  const counts = new Map<string, number>(KINDS.map(([kind]) => [kind, 0]));
  for (const request of requests) {
    const kind = KINDS.find(([, test]) => test(request.url))?.[0] ?? `other: ${request.url.slice(0, 60)}`;
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return counts;
}

const guid = (prefix: string, n: number) => `${prefix}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

/**
 * An environment of `count` mailboxes: 99% users (each with its systemuser and usersettings row), 1% queues, three
 * profiles, ~2% failing and ~5% warning mailboxes, an alert for one mailbox in 50, failed items for one user in 100.
 */
export function generateEnvironment(count: number): DataSet {
  const profiles = [0, 1, 2].map((i) => ({
    emailserverprofileid: guid('e0000000', i + 1),
    name: `Exchange Online ${i + 1}`,
    statecode: 0,
    statuscode: 1,
    servertype: 0,
    incomingcredentialretrieval: 2,
    outgoingcredentialretrieval: 2,
    incomingauthenticationprotocol: 0,
    useautodiscover: true,
    lasttestexecutionstatus: 1,
    lastteststarttime: iso(-86_400_000),
    maxconcurrentconnections: 300,
    minpollingintervalinminutes: 0,
  }));
  const mailboxes: DataverseRecord[] = [];
  const systemusers: DataverseRecord[] = [];
  const usersettings: DataverseRecord[] = [];
  const queues: DataverseRecord[] = [];
  const items: DataverseRecord[] = [];
  const tracelogs: DataverseRecord[] = [];
  for (let i = 1; i <= count; i++) {
    const id = guid('b0000000', i);
    const queue = i % 100 === 0;
    const owner = queue ? guid('c0000000', i) : guid('a0000000', i);
    const failing = i % 50 === 7;
    const warning = i % 20 === 3;
    mailboxes.push({
      mailboxid: id,
      name: queue ? `Queue ${i}` : `User ${i}`,
      emailaddress: queue ? `queue${i}@contoso.com` : `user${i}@contoso.com`,
      statecode: 0,
      statuscode: 1,
      emailrouteraccessapproval: 1,
      isemailaddressapprovedbyo365admin: true,
      incomingemaildeliverymethod: 2,
      outgoingemaildeliverymethod: 2,
      actdeliverymethod: queue ? 2 : 1,
      incomingemailstatus: failing ? 2 : 1,
      outgoingemailstatus: 1,
      actstatus: queue ? 0 : 1,
      enabledforincomingemail: true,
      enabledforoutgoingemail: true,
      enabledforact: !queue,
      isforwardmailbox: false,
      testemailconfigurationscheduled: false,
      testmailboxaccesscompletedon: iso(-30 * 86_400_000),
      lastsuccessfulsynccompletedon: iso(warning ? -3 * 3_600_000 : -10 * 60_000),
      lastsyncerrorcount: 0,
      processingstatecode: 0,
      processinglastattemptedon: iso(-10 * 60_000),
      postponemailboxprocessinguntil: iso(5 * 60_000),
      _emailserverprofile_value: profiles[i % 3].emailserverprofileid,
      _regardingobjectid_value: owner,
      '_regardingobjectid_value@Microsoft.Dynamics.CRM.lookuplogicalname': queue ? 'queue' : 'systemuser',
      _ownerid_value: queue ? guid('a0000000', 1) : owner,
      '_ownerid_value@Microsoft.Dynamics.CRM.lookuplogicalname': 'systemuser',
    });
    if (queue) queues.push({ queueid: owner, name: `Queue ${i}`, statecode: 0, incomingemailfilteringmethod: 0 });
    else {
      systemusers.push({
        systemuserid: owner,
        fullname: `User ${i}`,
        isdisabled: false,
        accessmode: 0,
        islicensed: true,
        internalemailaddress: `user${i}@contoso.com`,
        domainname: `user${i}@contoso.com`,
      });
      usersettings.push({ systemuserid: owner, incomingemailfilteringmethod: 2 });
    }
    if (!queue && i % 100 === 41) {
      for (let n = 0; n < 3; n++) {
        items.push({
          exchangesyncidmappingid: guid(`9${n}000000`, i),
          itemsubject: `Item ${n}`,
          lastsyncerror: 'The item could not be synchronized.',
          lastsyncerroroccurredon: iso(-3_600_000),
          _ownerid_value: owner,
          '_ownerid_value@Microsoft.Dynamics.CRM.lookuplogicalname': 'systemuser',
        });
      }
    }
    if (i % 50 === 11) {
      tracelogs.push({
        tracelogid: guid('d0000000', i),
        level: 2,
        text: 'Tracking categories cannot be updated for items in the mailbox because of the Exchange retention policy.',
        createdon: iso(-3_600_000),
        modifiedon: iso(-3_600_000),
        _regardingobjectid_value: id,
        '_regardingobjectid_value@Microsoft.Dynamics.CRM.lookuplogicalname': 'mailbox',
      });
    }
  }
  return {
    organization: [
      {
        organizationid: guid('f0000000', 1),
        name: 'Contoso',
        requireapprovalforuseremail: true,
        requireapprovalforqueueemail: false,
        generatealertsforerrors: true,
        generatealertsforwarnings: true,
        ignoreinternalemail: false,
        emailcorrelationenabled: true,
        enablesmartmatching: false,
        trackingprefix: 'CRM:',
      },
    ],
    emailserverprofile: profiles,
    mailbox: mailboxes,
    systemuser: systemusers,
    usersettings,
    queue: queues,
    tracelog: tracelogs,
    exchangesyncidmapping: items,
  };
}

interface Measured {
  mailboxes: number;
  requests: Map<string, number>;
  total: number;
  wallMs: number;
  peakRssMb: number;
  scanned: number;
  failing: number;
}

function ensureBin(): void {
  if (fs.existsSync(BIN)) return;
  console.log('(building the bin: npm run build:cli)');
  const result = spawnSync('npm', ['run', '--silent', 'build:cli'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm run build:cli failed');
}

async function measure(count: number, probe: string): Promise<Measured> {
  const data = generateEnvironment(count);
  const emulator = await startEmulator({ data, callerId: guid('a0000000', 1) });
  emulator.faults.latency(LATENCY_MS);
  const rssFile = path.join(os.tmpdir(), `mailbox-health-bench-rss-${process.pid}-${count}`);
  try {
    const started = process.hrtime.bigint();
    const child = spawn(
      process.execPath,
      ['--require', probe, BIN, 'scan', '--url', emulator.url, '--format', 'json'],
      {
        env: { PATH: process.env.PATH ?? '', DATAVERSE_TOKEN: TOKEN, MAILBOX_HEALTH_BENCH_RSS_FILE: rssFile },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exitCode = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    if (exitCode !== 0) throw new Error(`scan exited ${exitCode}: ${stderr}`);
    const doc = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { total: number; failing: number };
    return {
      mailboxes: count,
      requests: breakdown(emulator.requests),
      total: emulator.requests.length,
      wallMs,
      peakRssMb: Number(fs.readFileSync(rssFile, 'utf8')) / 1024,
      scanned: doc.total,
      failing: doc.failing,
    };
  } finally {
    fs.rmSync(rssFile, { force: true });
    await emulator.close();
  }
}

const within = (ok: boolean) => (ok ? 'ok' : 'MISSED');

async function benchMain(): Promise<void> {
  ensureBin();
  const probe = path.join(os.tmpdir(), `mailbox-health-bench-probe-${process.pid}.js`);
  fs.writeFileSync(
    probe,
    "process.on('exit', () => require('fs').writeFileSync(process.env.MAILBOX_HEALTH_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)));\n",
  );
  try {
    console.log(`mailbox-health scan, spawned bin, emulator latency ${LATENCY_MS} ms per request`);
    const misses: string[] = [];
    for (const count of [10_000, 100_000]) {
      const m = await measure(count, probe);
      const privilege = m.requests.get('privileges (CLI)') ?? 0;
      const engine = m.total - privilege;
      const label = count.toLocaleString('en-US');
      if (m.scanned !== count) misses.push(`${label}: scanned ${m.scanned}`);
      const lines = [`  ${label} mailboxes (${m.failing.toLocaleString('en-US')} failing):`];
      if (count === 10_000) {
        lines.push(
          `    requests   ${engine} engine (limit ${LIMITS.engineRequests10k}, ${within(engine <= LIMITS.engineRequests10k)}) + ${privilege} privilege calls of the CLI (limit ${LIMITS.privilegeRequests}, ${within(privilege <= LIMITS.privilegeRequests)})`,
          `    wall time  ${(m.wallMs / 1000).toFixed(2)} s, process start included (limit ${LIMITS.wallMs10k / 1000} s, ${within(m.wallMs <= LIMITS.wallMs10k)})`,
          `    peak RSS   ${m.peakRssMb.toFixed(0)} MB`,
        );
        if (engine > LIMITS.engineRequests10k)
          misses.push(`10,000: ${engine} engine requests > ${LIMITS.engineRequests10k}`);
        if (privilege > LIMITS.privilegeRequests)
          misses.push(`10,000: ${privilege} privilege calls > ${LIMITS.privilegeRequests}`);
        if (m.wallMs > LIMITS.wallMs10k)
          misses.push(`10,000: ${(m.wallMs / 1000).toFixed(2)} s > ${LIMITS.wallMs10k / 1000} s`);
      } else {
        lines.push(
          `    requests   ${m.total} (${engine} engine + ${privilege} privilege calls; limit ${LIMITS.requests100k}, ${within(m.total <= LIMITS.requests100k)})`,
          `    wall time  ${(m.wallMs / 1000).toFixed(2)} s, process start included`,
          `    peak RSS   ${m.peakRssMb.toFixed(0)} MB (limit ${LIMITS.peakRssMb100k} MB, ${within(m.peakRssMb <= LIMITS.peakRssMb100k)})`,
        );
        if (m.total > LIMITS.requests100k) misses.push(`100,000: ${m.total} requests > ${LIMITS.requests100k}`);
        if (m.peakRssMb > LIMITS.peakRssMb100k)
          misses.push(`100,000: peak RSS ${m.peakRssMb.toFixed(0)} MB > ${LIMITS.peakRssMb100k} MB`);
      }
      lines.push(`    by kind    ${[...m.requests].map(([kind, n]) => `${kind} ${n}`).join(', ')}`);
      console.log(lines.join('\n'));
    }
    console.log(misses.length === 0 ? '  every limit met' : `  LIMIT MISSED: ${misses.join('; ')}`);
  } finally {
    fs.rmSync(probe, { force: true });
  }
}

if (require.main === module) {
  benchMain().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
