/**
 * The one way the tests get a Chromium for playwright-core, which never downloads a browser here. In this order:
 *   1. CHROMIUM_PATH when it is set (a path that is not an executable file is an error, not a reason to look further);
 *   2. a Chrome or Chromium installed on the machine: on PATH, or where its installer puts it;
 *   3. on Linux x64, the Chromium inside the @sparticuz/chromium npm package (extracted to the temp folder on first use).
 * Where none of them can run, the error is one line saying to set CHROMIUM_PATH. MBH_NO_SYSTEM_BROWSER=1 skips step 2,
 * to prove step 3 on a machine that has a browser installed.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';

export type ChromiumChoice =
  { source: 'CHROMIUM_PATH' | 'system'; executablePath: string } | { source: '@sparticuz/chromium' };

/** What the choice depends on, so that every platform's rules can be tested on any machine. */
export interface BrowserHost {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  arch: string;
  isExecutableFile(file: string): boolean;
}

/** One line, no stack: it is the whole report a developer gets when the browser tests cannot run. */
export class NoChromiumError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NoChromiumError';
    this.stack = `${this.name}: ${message}`;
  }
}

const WHAT_TO_SET = 'set CHROMIUM_PATH to a Chrome or Chromium executable that runs on this machine';

/** Headless, as root in a container too (no sandbox there), with nothing that reaches out to the network. */
const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function thisMachine(): BrowserHost {
  return {
    env: process.env,
    platform: process.platform,
    arch: process.arch,
    isExecutableFile(file) {
      try {
        fs.accessSync(file, fs.constants.X_OK);
        return fs.statSync(file).isFile();
      } catch {
        return false;
      }
    },
  };
}

const COMMANDS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** Where a system browser may be, in order of preference: the user's PATH first, then the installers' locations. */
export function systemBrowserCandidates(host: BrowserHost): string[] {
  const { env, platform } = host;
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((root): root is string =>
      Boolean(root),
    );
    return [
      ...roots.map((root) => path.win32.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe')),
      ...(env.LOCALAPPDATA ? [path.win32.join(env.LOCALAPPDATA, 'Chromium', 'Application', 'chrome.exe')] : []),
    ];
  }
  const onPath = (env.PATH ?? '')
    .split(path.posix.delimiter)
    .filter(Boolean)
    .flatMap((dir) => COMMANDS.map((command) => path.posix.join(dir, command)));
  if (platform === 'darwin') {
    const apps = ['/Applications', ...(env.HOME ? [path.posix.join(env.HOME, 'Applications')] : [])];
    return [
      ...onPath,
      ...apps.flatMap((dir) => [
        `${dir}/Google Chrome.app/Contents/MacOS/Google Chrome`,
        `${dir}/Chromium.app/Contents/MacOS/Chromium`,
      ]),
    ];
  }
  return [
    ...onPath,
    ...COMMANDS.map((command) => `/usr/bin/${command}`),
    '/snap/bin/chromium',
    '/opt/google/chrome/chrome',
  ];
}

export function chooseChromium(host: BrowserHost = thisMachine()): ChromiumChoice {
  const configured = host.env.CHROMIUM_PATH;
  if (configured) {
    if (!host.isExecutableFile(configured))
      throw new NoChromiumError(`CHROMIUM_PATH is "${configured}", which is not an executable file: ${WHAT_TO_SET}.`);
    return { source: 'CHROMIUM_PATH', executablePath: configured };
  }
  if (host.env.MBH_NO_SYSTEM_BROWSER !== '1') {
    const installed = systemBrowserCandidates(host).find((file) => host.isExecutableFile(file));
    if (installed) return { source: 'system', executablePath: installed };
  }
  if (host.platform === 'linux' && host.arch === 'x64') return { source: '@sparticuz/chromium' };
  throw new NoChromiumError(
    `No Chrome or Chromium found, and the one inside @sparticuz/chromium runs on Linux x64 only (this is ${host.platform} ${host.arch}): ${WHAT_TO_SET}.`,
  );
}

export async function launchChromium(choice: ChromiumChoice = chooseChromium()): Promise<Browser> {
  const executablePath =
    choice.source === '@sparticuz/chromium' ? await extractPackagedChromium() : choice.executablePath;
  try {
    return await chromium.launch({ executablePath, args: LAUNCH_ARGS });
  } catch (error) {
    // Playwright's first line only says the browser closed; what the browser itself printed says why.
    const message = error instanceof Error ? error.message : String(error);
    const reason = (/^\[pid=\d+\]\[err\] (.+)$/m.exec(message)?.[1] ?? message.split('\n')[0]).trim();
    throw new NoChromiumError(
      `The Chromium from ${choice.source} (${executablePath}) could not start (${reason}): ${WHAT_TO_SET}.`,
    );
  }
}

/**
 * The package inflates its binary to <temp>/chromium and afterwards returns any file already there, so two test
 * processes extracting at once could launch a half-written binary: a lock folder lets one extract while the others wait.
 */
async function extractPackagedChromium(): Promise<string> {
  const { default: packaged } = await import('@sparticuz/chromium');
  const lock = path.join(os.tmpdir(), 'mbh-sparticuz-chromium.lock');
  const staleAfterMs = 120_000; // extraction takes seconds; a lock this old was left by a process that died
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > staleAfterMs) fs.rmSync(lock, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    return await packaged.executablePath();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * axe-core's serious and critical violations, one line each (impact, rule, the elements' selectors), in the whole
 * document or only within `selector`. The page or frame must already hold axe-core (axe.min.js added as a script).
 */
export function seriousAxeViolations(target: Page | Frame, selector: string | null = null): Promise<string[]> {
  return target.evaluate(async (within) => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: Document | string,
            options: object,
          ): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(within ?? document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  }, selector);
}
