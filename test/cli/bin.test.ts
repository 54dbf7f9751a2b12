/**
 * The built bin, spawned as a user runs it: the same esbuild bundle `npm run build:cli` makes (node shebang, Node 20,
 * @azure/identity and undici external), built here into a temporary directory.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { build } from 'esbuild';
import { startSandbox, TOKEN, type Sandbox } from './helpers';

const ROOT = path.resolve(__dirname, '..', '..');
let dir: string;
let bin: string;
let sandbox: Sandbox;

function spawnBin(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mailbox-health-bin-'));
  bin = path.join(dir, 'mailbox-health.js');
  const scripts = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;
  expect(scripts['build:cli']).toContain('--outfile=out/cli/mailbox-health.js');
  await build({
    entryPoints: [path.join(ROOT, 'cli', 'mailbox-health.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile: bin,
    external: ['@azure/identity', 'undici'],
    banner: { js: '#!/usr/bin/env node' },
    logLevel: 'warning',
  });
  sandbox = await startSandbox({ small: true });
});

afterAll(async () => {
  await sandbox?.emulator.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the mailbox-health bin', () => {
  it('starts with a node shebang and prints its help', async () => {
    expect(fs.readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    const result = await spawnBin(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('mailbox-health scan --url <environment>');
    expect(result.stderr).toBe('');
  });

  it('scans over HTTP: one JSON document on stdout, exit code from the SLO, no token in any output', async () => {
    const result = await spawnBin(['scan', '--url', sandbox.emulator.url, '--format', 'json', '--max-failing', '0'], { DATAVERSE_TOKEN: TOKEN });
    expect(result.code).toBe(2);
    const doc = JSON.parse(result.stdout);
    expect(doc.total).toBe(25); // the featured sample mailboxes on server-side sync (inactive and forward mailboxes left out)
    expect(`${result.stdout}${result.stderr}`).not.toContain(TOKEN);
    const usage = await spawnBin(['scan']);
    expect(usage.code).toBe(1);
    expect(usage.stdout).toBe('');
  });
});
