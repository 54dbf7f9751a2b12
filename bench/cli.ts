/**
 * `npm run bench:cli` (also part of `npm run bench`): the fleet scan through the sandbox's emulator at 50 ms latency
 * per request, with generated environments of 10,000 and 100,000 mailboxes. The built bin is spawned (process start
 * included in the wall time) and its peak RSS read from the child itself (process.resourceUsage().maxRSS at exit,
 * through a --require probe), so the emulator's own memory — it runs in this process — is not counted.
 *
 * Targets: 10,000 mailboxes in ≤ 11 requests (the shared tables, two mailbox pages, and WhoAmI with
 * RetrieveUserSetOfPrivilegesByNames — how deep the account reads mailboxes) and ≤ 3 s; 100,000 with a peak RSS ≤ 200 MB.
 * Not a test: it prints figures and marks a missed target, and exits 0 either way (a benchmark, not a gate).
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { DataverseRecord } from '../diagnostics/port';
import { startEmulator } from '../sandbox/emulator/server';
import type { DataSet } from '../sandbox/emulator/store';

const ROOT = path.resolve(__dirname, '..');
const BIN = path.join(ROOT, 'out', 'cli', 'mailbox-health.js');
const LATENCY_MS = 50;
/** The shared tables, two pages of 5,000 mailboxes, and the two privilege calls: never one request per mailbox. */
const MAX_REQUESTS_10K = 11;
const TOKEN = 'bench-token';

const guid = (prefix: string, n: number) => `${prefix}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

/**
 * An environment of `count` mailboxes: 99% users, 1% queues, three profiles, ~2% failing and ~5% warning mailboxes,
 * an alert for one mailbox in 50. (No systemuser rows: the emulator's formatted-value lookup would scan them per row.)
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
  const usersettings: DataverseRecord[] = [];
  const queues: DataverseRecord[] = [];
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
    });
    if (queue) queues.push({ queueid: owner, name: `Queue ${i}`, incomingemailfilteringmethod: 0 });
    else usersettings.push({ systemuserid: owner, incomingemailfilteringmethod: 2 });
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
    usersettings,
    queue: queues,
    tracelog: tracelogs,
  };
}

interface Measured {
  mailboxes: number;
  requests: number;
  wallMs: number;
  peakRssMb: number;
  exitCode: number | null;
  total: number;
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
  const emulator = await startEmulator({ data });
  emulator.faults.latency(LATENCY_MS);
  const rssFile = path.join(os.tmpdir(), `mailbox-health-bench-rss-${process.pid}-${count}`);
  try {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--require', probe, BIN, 'scan', '--url', emulator.url, '--format', 'json'], {
      env: { PATH: process.env.PATH ?? '', DATAVERSE_TOKEN: TOKEN, MAILBOX_HEALTH_BENCH_RSS_FILE: rssFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
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
      requests: emulator.requests.length,
      wallMs,
      peakRssMb: Number(fs.readFileSync(rssFile, 'utf8')) / 1024,
      exitCode,
      total: doc.total,
      failing: doc.failing,
    };
  } finally {
    fs.rmSync(rssFile, { force: true });
    await emulator.close();
  }
}

async function benchMain(): Promise<void> {
  ensureBin();
  const probe = path.join(os.tmpdir(), `mailbox-health-bench-probe-${process.pid}.js`);
  fs.writeFileSync(probe, "process.on('exit', () => require('fs').writeFileSync(process.env.MAILBOX_HEALTH_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)));\n");
  try {
    console.log(`mailbox-health scan, spawned bin, emulator latency ${LATENCY_MS} ms per request`);
    const rows: string[] = [];
    const misses: string[] = [];
    for (const count of [10_000, 100_000]) {
      const m = await measure(count, probe);
      if (m.total !== count) misses.push(`${count}: scanned ${m.total}`);
      rows.push(
        `  ${count.toLocaleString('en-US').padStart(7)} mailboxes: ${String(m.requests).padStart(3)} requests, ${(m.wallMs / 1000).toFixed(2)} s wall (process start included), peak RSS ${m.peakRssMb.toFixed(0)} MB; ${m.failing.toLocaleString('en-US')} failing`,
      );
      if (count === 10_000 && m.requests > MAX_REQUESTS_10K) misses.push(`10,000: ${m.requests} requests > ${MAX_REQUESTS_10K}`);
      if (count === 10_000 && m.wallMs > 3000) misses.push(`10,000: ${(m.wallMs / 1000).toFixed(2)} s > 3 s`);
      if (count === 100_000 && m.peakRssMb > 200) misses.push(`100,000: peak RSS ${m.peakRssMb.toFixed(0)} MB > 200 MB`);
    }
    console.log(rows.join('\n'));
    console.log(misses.length === 0 ? `  targets met: 10,000 in ≤ ${MAX_REQUESTS_10K} requests and ≤ 3 s; 100,000 at ≤ 200 MB peak RSS` : `  TARGET MISSED: ${misses.join('; ')}`);
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
