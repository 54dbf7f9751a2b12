/**
 * `npm run bench:cli` (also part of `npm run bench`): the fleet scan through the sandbox's emulator at 50 ms latency
 * per request, over generated fleets (sandbox/generated-fleet.ts; each mailbox with its owner: a user with its settings,
 * or a queue): a mostly healthy one of 10,000 and of 100,000 mailboxes, and the worst case — 100,000 mailboxes all
 * failing with the same alert, where every mailbox is listed — written as JSON and as the HTML report. The built bin is
 * spawned (process start included in the wall time) and its peak RSS read from the child itself
 * (process.resourceUsage().maxRSS at exit, through a --require probe), so the emulator's own memory — it runs in this
 * process — is not counted. Every request the emulator answered is sorted by kind and printed.
 *
 * The bin is built first (npm run build:cli), so the figures are the code's as it is; its size is limited to 200 KB.
 * Limits, printed beside each figure: 10,000 mailboxes in ≤ 8 engine requests (organization, profiles, alerts, forward
 * mailboxes, the failed items by owner, the scan's size, two mailbox pages) plus the CLI's 2 privilege calls (WhoAmI and
 * RetrieveUserSetOfPrivilegesByNames: how deep the account reads mailboxes), counted apart, and ≤ 3 s; each 100,000
 * fleet in ≤ 30 requests, privilege calls included, with a peak RSS ≤ 200 MB.
 * Not a test: it prints figures and marks a missed limit, and exits 0 either way (a benchmark, not a gate).
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startEmulator, type Emulator, type RecordedRequest } from '../simulator/http/server';
import { GENERATED_CALLER, generateFleet, type FleetShape } from '../sandbox/generated-fleet';
import { buildCli, CLI_OUTFILE as BIN } from '../scripts/build-cli';

const LATENCY_MS = 50;
const LIMITS = {
  engineRequests10k: 8,
  privilegeRequests: 2,
  wallMs10k: 3000,
  requests100k: 30,
  peakRssMb100k: 200,
  binKb: 200,
};
const TOKEN = 'bench-token';

/** A fleet scanned and the format it is written in. */
interface Run {
  label: string;
  count: number;
  shape: FleetShape;
  format: 'json' | 'html';
}

const RUNS: Run[] = [
  { label: 'mostly healthy', count: 10_000, shape: 'mostly-healthy', format: 'json' },
  { label: 'mostly healthy', count: 100_000, shape: 'mostly-healthy', format: 'json' },
  { label: 'all failing', count: 100_000, shape: 'all-failing', format: 'json' },
  { label: 'all failing', count: 100_000, shape: 'all-failing', format: 'html' },
];

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

interface Measured {
  requests: Map<string, number>;
  total: number;
  wallMs: number;
  peakRssMb: number;
  outputBytes: number;
  /** From the JSON document; the HTML report is read back by the tests, not here. */
  counts?: { total: number; failing: number; warning: number };
}

async function measure(emulator: Emulator, format: Run['format'], probe: string): Promise<Measured> {
  const rssFile = path.join(os.tmpdir(), `mailbox-health-bench-rss-${process.pid}`);
  const from = emulator.requests.length;
  try {
    const started = process.hrtime.bigint();
    const child = spawn(
      process.execPath,
      ['--require', probe, BIN, 'scan', '--url', emulator.url, '--format', format],
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
    const output = Buffer.concat(chunks);
    const requests = emulator.requests.slice(from);
    return {
      requests: breakdown(requests),
      total: requests.length,
      wallMs,
      peakRssMb: Number(fs.readFileSync(rssFile, 'utf8')) / 1024,
      outputBytes: output.length,
      ...(format === 'json' ? { counts: JSON.parse(output.toString('utf8')) as Measured['counts'] } : {}),
    };
  } finally {
    fs.rmSync(rssFile, { force: true });
  }
}

const within = (ok: boolean) => (ok ? 'ok' : 'MISSED');

async function benchMain(): Promise<void> {
  await buildCli();
  const binKb = fs.statSync(BIN).size / 1024;
  const probe = path.join(os.tmpdir(), `mailbox-health-bench-probe-${process.pid}.js`);
  fs.writeFileSync(
    probe,
    "process.on('exit', () => require('fs').writeFileSync(process.env.MAILBOX_HEALTH_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)));\n",
  );
  const misses: string[] = [];
  let emulator: Emulator | undefined;
  let loaded = '';
  try {
    console.log(
      `the bin (npm run build:cli): ${binKb.toFixed(1)} KB (limit ${LIMITS.binKb} KB, ${within(binKb <= LIMITS.binKb)})`,
    );
    if (binKb > LIMITS.binKb) misses.push(`the bin: ${binKb.toFixed(1)} KB > ${LIMITS.binKb} KB`);
    console.log(`mailbox-health scan, spawned bin, emulator latency ${LATENCY_MS} ms per request`);
    for (const run of RUNS) {
      const fleet = `${run.shape}:${run.count}`;
      if (fleet !== loaded) {
        await emulator?.close();
        emulator = await startEmulator({ data: generateFleet(run.count, run.shape), callerId: GENERATED_CALLER });
        emulator.faults.latency(LATENCY_MS);
        loaded = fleet;
      }
      const m = await measure(emulator!, run.format, probe);
      const privilege = m.requests.get('privileges (CLI)') ?? 0;
      const engine = m.total - privilege;
      const label = `${run.count.toLocaleString('en-US')} ${run.label} (--format ${run.format})`;
      if (m.counts && m.counts.total !== run.count) misses.push(`${label}: scanned ${m.counts.total}`);
      const verdicts = m.counts
        ? `: ${m.counts.failing.toLocaleString('en-US')} failing, ${m.counts.warning.toLocaleString('en-US')} warning`
        : '';
      const lines = [`  ${label}${verdicts}, ${(m.outputBytes / 1_048_576).toFixed(1)} MB written`];
      if (run.count === 10_000) {
        lines.push(
          `    requests   ${engine} engine (limit ${LIMITS.engineRequests10k}, ${within(engine <= LIMITS.engineRequests10k)}) + ${privilege} privilege calls of the CLI (limit ${LIMITS.privilegeRequests}, ${within(privilege <= LIMITS.privilegeRequests)})`,
          `    wall time  ${(m.wallMs / 1000).toFixed(2)} s, process start included (limit ${LIMITS.wallMs10k / 1000} s, ${within(m.wallMs <= LIMITS.wallMs10k)})`,
          `    peak RSS   ${m.peakRssMb.toFixed(0)} MB`,
        );
        if (engine > LIMITS.engineRequests10k)
          misses.push(`${label}: ${engine} engine requests > ${LIMITS.engineRequests10k}`);
        if (privilege > LIMITS.privilegeRequests)
          misses.push(`${label}: ${privilege} privilege calls > ${LIMITS.privilegeRequests}`);
        if (m.wallMs > LIMITS.wallMs10k)
          misses.push(`${label}: ${(m.wallMs / 1000).toFixed(2)} s > ${LIMITS.wallMs10k / 1000} s`);
      } else {
        lines.push(
          `    requests   ${m.total} (${engine} engine + ${privilege} privilege calls; limit ${LIMITS.requests100k}, ${within(m.total <= LIMITS.requests100k)})`,
          `    wall time  ${(m.wallMs / 1000).toFixed(2)} s, process start included`,
          `    peak RSS   ${m.peakRssMb.toFixed(0)} MB (limit ${LIMITS.peakRssMb100k} MB, ${within(m.peakRssMb <= LIMITS.peakRssMb100k)})`,
        );
        if (m.total > LIMITS.requests100k) misses.push(`${label}: ${m.total} requests > ${LIMITS.requests100k}`);
        if (m.peakRssMb > LIMITS.peakRssMb100k)
          misses.push(`${label}: peak RSS ${m.peakRssMb.toFixed(0)} MB > ${LIMITS.peakRssMb100k} MB`);
      }
      lines.push(`    by kind    ${[...m.requests].map(([kind, n]) => `${kind} ${n}`).join(', ')}`);
      console.log(lines.join('\n'));
    }
    console.log(misses.length === 0 ? '  every limit met' : `  LIMIT MISSED: ${misses.join('; ')}`);
  } finally {
    await emulator?.close();
    fs.rmSync(probe, { force: true });
  }
}

if (require.main === module) {
  benchMain().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
