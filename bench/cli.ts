/**
 * `npm run bench:cli` (also part of `npm run bench`): the fleet scan through the sandbox's emulator at 50 ms latency
 * per request, over generated fleets (sandbox/generatedFleet.ts): a mostly healthy one of 10,000 and of 100,000
 * mailboxes, and the worst case — 100,000 mailboxes all failing with the same alert, where every mailbox is listed —
 * written as JSON and as the HTML report. The built bin is spawned (process start included in the wall time) and its
 * peak RSS read from the child itself (process.resourceUsage().maxRSS at exit, through a --require probe), so the
 * emulator's own memory — it runs in this process — is not counted.
 *
 * Each figure is printed with its target beside it (RUNS). Not a test: a missed target is marked, and the bench exits
 * 0 either way (a benchmark, not a gate).
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startEmulator, type Emulator } from '../sandbox/emulator/server';
import { generateFleet, type FleetShape } from '../sandbox/generatedFleet';

const ROOT = path.resolve(__dirname, '..');
const BIN = path.join(ROOT, 'out', 'cli', 'mailbox-health.js');
const LATENCY_MS = 50;
const TOKEN = 'bench-token';

/** A fleet scanned, the format it is written in, and the targets beside its figures. */
interface Run {
  label: string;
  count: number;
  shape: FleetShape;
  format: 'json' | 'html';
  maxRequests?: number;
  maxWallMs?: number;
  maxRssMb: number;
}

/** Issue targets: the fleet view's request budget (10,000 in ≤ 8, 100,000 in ≤ 30), ≤ 3 s for 10,000, ≤ 200 MB peak RSS. */
const RUNS: Run[] = [
  { label: 'mostly healthy', count: 10_000, shape: 'mostly-healthy', format: 'json', maxRequests: 8, maxWallMs: 3000, maxRssMb: 200 },
  { label: 'mostly healthy', count: 100_000, shape: 'mostly-healthy', format: 'json', maxRequests: 30, maxRssMb: 200 },
  { label: 'all failing', count: 100_000, shape: 'all-failing', format: 'json', maxRequests: 30, maxRssMb: 200 },
  { label: 'all failing', count: 100_000, shape: 'all-failing', format: 'html', maxRequests: 30, maxRssMb: 200 },
];

interface Measured {
  requests: number;
  wallMs: number;
  peakRssMb: number;
  outputBytes: number;
  /** From the JSON document; the HTML report is not read back here (the tests do that). */
  counts?: { total: number; failing: number; warning: number };
}

function ensureBin(): void {
  if (fs.existsSync(BIN)) return;
  console.log('(building the bin: npm run build:cli)');
  const result = spawnSync('npm', ['run', '--silent', 'build:cli'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm run build:cli failed');
}

async function measure(emulator: Emulator, format: Run['format'], probe: string): Promise<Measured> {
  const rssFile = path.join(os.tmpdir(), `mailbox-health-bench-rss-${process.pid}`);
  const from = emulator.requests.length;
  try {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--require', probe, BIN, 'scan', '--url', emulator.url, '--format', format], {
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
    const output = Buffer.concat(chunks);
    const measured: Measured = { requests: emulator.requests.length - from, wallMs, peakRssMb: Number(fs.readFileSync(rssFile, 'utf8')) / 1024, outputBytes: output.length };
    if (format === 'json') measured.counts = JSON.parse(output.toString('utf8')) as Measured['counts'];
    return measured;
  } finally {
    fs.rmSync(rssFile, { force: true });
  }
}

/** "15 requests (≤ 8: MISSED)": each figure with its target beside it. */
function figure(text: string, value: number, max: number | undefined, maxText: string, misses: string[], what: string): string {
  if (max === undefined) return text;
  if (value > max) misses.push(`${what}: ${text} > ${maxText}`);
  return `${text} (≤ ${maxText}${value > max ? ': MISSED' : ''})`;
}

async function benchMain(): Promise<void> {
  ensureBin();
  const probe = path.join(os.tmpdir(), `mailbox-health-bench-probe-${process.pid}.js`);
  fs.writeFileSync(probe, "process.on('exit', () => require('fs').writeFileSync(process.env.MAILBOX_HEALTH_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)));\n");
  const misses: string[] = [];
  let emulator: Emulator | undefined;
  let loaded = '';
  try {
    console.log(`mailbox-health scan, spawned bin (process start included), emulator latency ${LATENCY_MS} ms per request`);
    for (const run of RUNS) {
      const fleet = `${run.shape}:${run.count}`;
      if (fleet !== loaded) {
        await emulator?.close();
        emulator = await startEmulator({ data: generateFleet(run.count, run.shape) });
        emulator.faults.latency(LATENCY_MS);
        loaded = fleet;
      }
      const m = await measure(emulator!, run.format, probe);
      const what = `${run.count.toLocaleString('en-US')} ${run.label} (${run.format})`;
      if (m.counts && m.counts.total !== run.count) misses.push(`${what}: scanned ${m.counts.total}`);
      const parts = [
        figure(`${m.requests} requests`, m.requests, run.maxRequests, String(run.maxRequests), misses, what),
        figure(`${(m.wallMs / 1000).toFixed(2)} s wall`, m.wallMs, run.maxWallMs, `${(run.maxWallMs ?? 0) / 1000} s`, misses, what),
        figure(`peak RSS ${m.peakRssMb.toFixed(0)} MB`, m.peakRssMb, run.maxRssMb, `${run.maxRssMb} MB`, misses, what),
        `${(m.outputBytes / 1_048_576).toFixed(1)} MB written`,
        ...(m.counts ? [`${m.counts.failing.toLocaleString('en-US')} failing, ${m.counts.warning.toLocaleString('en-US')} warning`] : []),
      ];
      console.log(`  ${what.padEnd(36)} ${parts.join('; ')}`);
    }
    console.log(misses.length === 0 ? '  targets met' : `  TARGET MISSED: ${misses.join('; ')}`);
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
