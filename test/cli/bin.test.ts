/**
 * The built bin, spawned as a user runs it: the same esbuild bundle `npm run build:cli` makes (node shebang, Node 20,
 * @azure/identity and undici external), built here into a temporary directory.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildBin, spawnBin as spawnBuilt, startSandbox, TOKEN, useSandbox } from './helpers';

let built: Awaited<ReturnType<typeof buildBin>>;
let bin: string;
const sandbox = useSandbox({ small: true });

const spawnBin = (args: string[], env: Record<string, string> = {}) => spawnBuilt(bin, args, env);

beforeAll(async () => {
  built = await buildBin();
  bin = built.bin;
});

afterAll(async () => {
  built?.remove();
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
    const result = await spawnBin(['scan', '--url', sandbox.emulator.url, '--format', 'json', '--max-failing', '0'], {
      DATAVERSE_TOKEN: TOKEN,
    });
    expect(result.code).toBe(2);
    const doc = JSON.parse(result.stdout);
    expect(doc.total).toBe(26); // the featured sample mailboxes on server-side sync (inactive and forward mailboxes left out)
    expect(`${result.stdout}${result.stderr}`).not.toContain(TOKEN);
    const usage = await spawnBin(['scan']);
    expect(usage.code).toBe(1);
    expect(usage.stdout).toBe('');
  });

  it('a table scan interrupted by Ctrl+C deletes the rows it spooled on disk', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mailbox-health-bin-tmp-'));
    // The whole sample (2,325 mailboxes): evaluating them leaves time to interrupt the scan.
    const large = await startSandbox();
    try {
      const child = spawn(process.execPath, [bin, 'scan', '--url', large.emulator.url], {
        env: { PATH: process.env.PATH ?? '', DATAVERSE_TOKEN: TOKEN, TMPDIR: tmp },
        stdio: 'ignore',
      });
      const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
      // The spool's folder appears with the first listed mailbox; then the scan is stopped before it ends.
      const started = Date.now();
      while (fs.readdirSync(tmp).length === 0 && Date.now() - started < 20_000)
        await new Promise((resolve) => setTimeout(resolve, 20));
      expect(fs.readdirSync(tmp)).toEqual([expect.stringMatching(/^mailbox-health-scan-/)]);
      child.kill('SIGINT');
      expect(await exited).toBe(130);
      expect(fs.readdirSync(tmp)).toEqual([]);
    } finally {
      await large.emulator.close();
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
