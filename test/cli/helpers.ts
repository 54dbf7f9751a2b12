/**
 * The CLI's tests run `main` in-process against the sandbox's emulator over real HTTP (one emulator for the project).
 * Every captured stdout/stderr is kept so a test can assert no secret ever reached an output.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildCli } from '../../scripts/build-cli';
import { main } from '../../cli/main';
import type { CliIo } from '../../cli/io';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../simulator/http/server';
import { loadSampleEnvironment, type SampleEnvironment } from '../../sandbox/load-sample-environment';
import { GENERATED_PREFIX } from '../support/sample-ids';
import { useSampleEmulator, type EmulatorLifecycle, type RunningSampleEmulator } from '../support/emulator';

export { ADELE, GENERATED_PREFIX, HENRIETTA, HYBRID_PROFILE, JOHANNA, MEGAN, SALES } from '../support/sample-ids';

export const TOKEN = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.test-token-never-printed.c2lnbmF0dXJl';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Every output of every run in this test file, for the secrets check. */
const allOutputs: string[] = [];

function capture(isTTY = false) {
  let text = '';
  return {
    stream: { write: (chunk: string) => ((text += chunk), true), isTTY, columns: 120 },
    text: () => text,
  };
}

export async function run(
  argv: string[],
  io: Partial<CliIo> = {},
  options: { ttyStderr?: boolean } = {},
): Promise<RunResult> {
  const out = capture();
  const err = capture(options.ttyStderr === true);
  const code = await main(argv, {
    env: { DATAVERSE_TOKEN: TOKEN },
    pollIntervalMs: 40,
    ...io,
    stdout: out.stream,
    stderr: err.stream,
  });
  allOutputs.push(out.text(), err.text());
  return { code, stdout: out.text(), stderr: err.text() };
}

export type Sandbox = RunningSampleEmulator;

/** `small`: the sample without its generated population (26 scanned mailboxes): fast, for tests about output. */
export type SandboxOptions = Partial<EmulatorOptions> & { small?: boolean };

/** What the emulator of a sandbox starts with: the sample `environment` as the CLI meets it, then `options`. */
function sandboxEmulatorOptions(environment: SampleEnvironment, options: SandboxOptions): EmulatorOptions {
  const { small, ...emulatorOptions } = options;
  if (small)
    environment.data.mailbox = environment.data.mailbox.filter(
      (row) => !String(row.mailboxid).startsWith(GENERATED_PREFIX),
    );
  return {
    data: environment.data,
    testEnableOutcomes: environment.testEnableOutcomes,
    callerId: environment.callerId,
    testEnableDelayMs: 60,
    requireToken: true,
    ...emulatorOptions,
  };
}

/** A sandbox for one test (close it in the test); a file or describe block uses `useSandbox`. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const environment = loadSampleEnvironment();
  const emulator = await startEmulator(sandboxEmulatorOptions(environment, options));
  return { environment, emulator };
}

/**
 * The sandbox of a file or describe block, with the emulator lifecycle of test/support/emulator.ts (started before
 * the tests, closed after them, faults cleared after each, or a fresh one for each test with `freshEachTest`);
 * `prepare` adjusts its store once it has started. Read it in tests and hooks.
 */
export function useSandbox(
  options: SandboxOptions & Pick<EmulatorLifecycle, 'freshEachTest'> = {},
  prepare?: EmulatorLifecycle['prepare'],
): Sandbox {
  const { freshEachTest, ...sandboxOptions } = options;
  return useSampleEmulator((environment) => sandboxEmulatorOptions(environment, sandboxOptions), {
    freshEachTest,
    prepare,
  });
}

/** A webhook receiver on 127.0.0.1: records each POST and answers with `status`. */
export async function startReceiver(status = 200): Promise<{
  url: string;
  posts: { path: string; body: unknown; contentType: string | undefined }[];
  status: number;
  close(): Promise<void>;
}> {
  const posts: { path: string; body: unknown; contentType: string | undefined }[] = [];
  const state = { status };
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      posts.push({
        path: request.url ?? '',
        body: text ? JSON.parse(text) : undefined,
        contentType: request.headers['content-type'],
      });
      response.writeHead(state.status, { 'Content-Type': 'text/plain' });
      response.end(state.status < 300 ? '1' : 'bad');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    posts,
    get status() {
      return state.status;
    },
    set status(value: number) {
      state.status = value;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Requests the emulator answered since `from`, by method. */
export function requestsSince(emulator: Emulator, from: number, method?: string) {
  return emulator.requests.slice(from).filter((r) => method === undefined || r.method === method);
}

/** After the tests of the file (or describe block): no output of any run shows the token or any of `secrets`. */
export function checkNoSecretInAnyOutput(secrets: string[] = []): void {
  afterAll(() => {
    for (const output of allOutputs) {
      for (const secret of [TOKEN, ...secrets]) {
        expect(output.includes(secret)).toBe(false);
      }
    }
  });
}

/** A temporary folder for the file's (or describe block's) outputs: made as it loads, removed after its tests. */
export function temporaryFolder(prefix: string): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));
  return folder;
}

/** The hint the CLI gives whenever a scan matched no mailbox. */
export const EMPTY_SCAN_HINT =
  'check --url, --all, --profile and read access to mailboxes (--allow-empty accepts an empty scan).';

type CliOutput = { code: number | null; stdout: string; stderr: string };

/** A scan that matched no active mailbox fails: exit 1, said on stderr and as the environment's error in the JSON. */
export async function expectEmptyScanRefused(
  runCli: (args: string[]) => Promise<CliOutput>,
  url: string,
): Promise<CliOutput> {
  const result = await runCli(['scan', '--url', url, '--format', 'json']);
  const said = `${url}: no active server-side sync mailbox matched: ${EMPTY_SCAN_HINT}`;
  expect(result.code).toBe(1);
  expect(result.stderr).toBe(`${said}\n`);
  expect((JSON.parse(result.stdout) as { environments: { error?: string }[] }).environments[0].error).toBe(said);
  return result;
}

/** The bin as `npm run build:cli` builds it, built into a temporary directory so a test never depends on a stale out/. */
export async function buildBin(): Promise<{ bin: string; remove(): void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mailbox-health-bin-'));
  const bin = path.join(dir, 'mailbox-health.js');
  await buildCli(bin);
  return { bin, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Runs the built bin as a user does: a fresh node process with only PATH and `env`. */
export function spawnBin(bin: string, args: string[], env: Record<string, string> = {}): Promise<CliOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
