/** Builds the control bundle when it is missing (npm run build:control, or scripts/build-control.mjs while that script is not in package.json). */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONTROL_BUNDLE } from './page-server';

const ROOT = path.resolve(__dirname, '..');

export function ensureControlBuilt(options: { force?: boolean; quiet?: boolean } = {}): void {
  if (!options.force && fs.existsSync(CONTROL_BUNDLE)) return;
  const scripts =
    (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string> })
      .scripts ?? {};
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const script = ['build-control.mjs', 'build-control.js']
    .map((name) => path.join(ROOT, 'scripts', name))
    .find((file) => fs.existsSync(file));
  const [command, args] =
    scripts['build:control'] || !script ? [npm, ['run', 'build:control']] : [process.execPath, [script]];
  if (!options.quiet) console.log('Building the control bundle (npm run build:control)...');
  const result = spawnSync(command, args, { cwd: ROOT, stdio: options.quiet ? 'pipe' : 'inherit', encoding: 'utf8' });
  if (result.status !== 0 || !fs.existsSync(CONTROL_BUNDLE)) {
    throw new Error(
      `The control build failed; the sandbox needs ${path.relative(ROOT, CONTROL_BUNDLE)}.\n${options.quiet ? `${result.stdout ?? ''}${result.stderr ?? ''}`.slice(-4000) : ''}`,
    );
  }
}

const ACTIVITY_FILES = [
  path.dirname(CONTROL_BUNDLE),
  path.join(ROOT, 'MailboxHealthControl', 'generated', 'ManifestTypes.d.ts'),
  path.join(ROOT, 'MailboxHealthControl', 'strings', 'MailboxHealthControl.1033.resx'),
  path.join(ROOT, 'obj'),
];

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function bundleSize(): number {
  try {
    return fs.statSync(CONTROL_BUNDLE).size;
  } catch {
    return -1;
  }
}

/** Someone else (another test worker, a developer) is building the control when its files changed in the last 15 s. */
function buildActive(): boolean {
  const recent = Date.now() - 15_000;
  return ACTIVITY_FILES.some((file) => {
    try {
      return fs.statSync(file).mtimeMs > recent;
    } catch {
      return false;
    }
  });
}

/**
 * A private copy of the built control (bundle, manifest, strings) for tests that serve it while other test workers may
 * rebuild out/ at the same time: waits for a build in progress, builds when nobody does, and copies a stable bundle.
 */
export async function snapshotControlBuild(target: string, timeoutMs = 240_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  const started = Date.now();
  for (;;) {
    const size = bundleSize();
    if (size > 0) {
      await sleep(500);
      if (bundleSize() === size && fs.existsSync(path.join(path.dirname(CONTROL_BUNDLE), 'strings'))) break;
      continue;
    }
    if (Date.now() > deadline) throw new Error(`No control build appeared within ${timeoutMs / 1000} s.`);
    // Give a build that another process has just started a moment to show itself before starting one.
    if (Date.now() - started > 8_000 && !buildActive()) ensureControlBuilt({ quiet: true });
    else await sleep(1000);
  }
  fs.rmSync(target, { recursive: true, force: true });
  fs.cpSync(path.dirname(CONTROL_BUNDLE), target, { recursive: true });
  return target;
}
