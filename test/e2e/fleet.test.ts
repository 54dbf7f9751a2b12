/**
 * End to end: the REAL built Fleet health web resource (fleet.html, fleet.js, fleet-icons.css, built here into a
 * private folder) in the sandbox's stand-in for the app's dialog (/fleet: parent.Xrm over the emulator), and opened
 * directly (ClientGlobalContext.js.aspx, the Web API on its own origin), in headless Chromium (test/support/browser.ts
 * finds one), against the emulator on
 * the sample environment and on a generated 10,000-mailbox one. The page's totals and its JSON export are compared
 * with the built CLI's `scan --format json` over the same emulator. Screenshots go to screenshots/; the README's
 * (docs/fleet-health.png) is rewritten when UPDATE_DOCS_SCREENSHOTS=1 (or when it is missing).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { generateFleet } from '../../sandbox/generated-fleet';
import { startEmulator, type Emulator } from '../../simulator/http/server';
import { startPageServer, type PageServer } from '../../sandbox/page-server';
import { loadSampleEnvironment, type SampleEnvironment } from '../../sandbox/load-sample-environment';
import { buildWebResources } from '../../tools/solution/build-web-resource';
import { repoPaths } from '../../tools/solution/paths';
import { MAILBOX_HEALTH_FORM_ID } from '../../webresources/ribbon/mailbox-health-form';
import { buildBin, spawnBin, TOKEN } from '../cli/helpers';
import { chooseChromium, launchChromium, seriousAxeViolations } from '../support/browser';

const ROOT = path.resolve(__dirname, '..', '..');
const SCREENSHOTS = path.join(ROOT, 'screenshots');
const README_SCREENSHOT = path.join(ROOT, 'docs', 'fleet-health.png');
// Chosen before anything is built: where no Chromium can run, the suite fails at once with one line saying what to set.
const CHROMIUM = chooseChromium();
const PAGE = '[data-testid="fleet-health"]';
const CHRISTIE = '50a950cb-06a0-40c8-a3a3-990516469978';
const GRADY = '03122430-1b73-4b0b-a4a3-0a793deca6e2';

interface Sandbox {
  emulator: Emulator;
  server: PageServer;
}

let webResourceDir: string;
let bin: Awaited<ReturnType<typeof buildBin>>;
let browser: Browser;
let sample: Sandbox;
const sampleEnvironment = loadSampleEnvironment();
const pageErrors: string[] = [];
const outsideRequests: string[] = [];

async function startSandbox(environment: SampleEnvironment): Promise<Sandbox> {
  const emulator = await startEmulator({ data: environment.data, callerId: environment.callerId, cors: true });
  const server = await startPageServer({ emulator, environment, webResourceDir });
  return { emulator, server };
}

/** The CLI's document for the same emulator: the built bin, as a user runs it. */
async function cliScan(emulator: Emulator): Promise<Record<string, unknown>> {
  const result = await spawnBin(bin.bin, ['scan', '--url', emulator.url, '--format', 'json'], {
    DATAVERSE_TOKEN: TOKEN,
  });
  if (result.code !== 0) throw new Error(`scan exited ${result.code}: ${result.stderr}`);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

async function openPage(
  sandbox: Sandbox,
  options: { width?: number; height?: number; direct?: boolean } = {},
): Promise<{ page: Page; frame: Frame }> {
  const width = options.width ?? 1280;
  // At 340 px the dialog (the iframe) is 340 px wide, inside a window a little wider.
  const page = await browser.newPage({
    viewport: { width: width <= 340 ? 400 : width, height: options.height ?? 900 },
    acceptDownloads: true,
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('request', (request) => {
    const url = request.url();
    if (
      !url.startsWith(sandbox.server.url) &&
      !url.startsWith(sandbox.emulator.url) &&
      !url.startsWith('data:') &&
      !url.startsWith('blob:')
    )
      outsideRequests.push(url);
  });
  if (options.direct) {
    await page.goto(`${sandbox.server.url}WebResources/mbh_/mailboxhealth/fleet.html`);
    return { page, frame: page.mainFrame() };
  }
  await page.goto(`${sandbox.server.url}fleet${width <= 340 ? '?width=340' : ''}`);
  const frame = await (await page.waitForSelector('#fleet-frame')).contentFrame();
  if (!frame) throw new Error('the dialog has no page');
  return { page, frame };
}

async function waitForScan(frame: Frame, timeout = 30_000): Promise<void> {
  await frame.waitForSelector(`${PAGE}[data-phase="done"], ${PAGE}[data-phase="failed"]`, { timeout });
  expect(await frame.getAttribute(PAGE, 'data-phase')).toBe('done');
}

async function totals(frame: Frame): Promise<Record<string, number>> {
  return frame.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('[data-total]')].map((tile) => [
        tile.getAttribute('data-total'),
        Number(tile.lastElementChild?.textContent?.replace(/,/g, '')),
      ]),
    ),
  );
}

const countsOf = (doc: Record<string, unknown>) => ({
  total: doc.total,
  failing: doc.failing,
  warning: doc.warning,
  unknown: doc.unknown,
  healthy: doc.healthy,
});

beforeAll(async () => {
  browser = await launchChromium(CHROMIUM);
  webResourceDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mbh-fleet-'));
  await buildWebResources({ ...repoPaths(), builtWebResourceDir: webResourceDir });
  bin = await buildBin();
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  sample = await startSandbox(sampleEnvironment);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await sample?.server.close();
  await sample?.emulator.close();
  bin?.remove();
  if (webResourceDir) fs.rmSync(webResourceDir, { recursive: true, force: true });
});

test("in the app's dialog: the totals and the JSON export are the CLI's, a row opens Diagnose, and nothing is written", async () => {
  const { page, frame } = await openPage(sample, { height: 1500 });
  await waitForScan(frame);
  const expected = await cliScan(sample.emulator);
  expect(expected.total).toBeGreaterThan(2000);
  expect(await totals(frame)).toEqual(countsOf(expected));

  const [download] = await Promise.all([page.waitForEvent('download'), frame.click('button:has-text("Export JSON")')]);
  const exported = JSON.parse(fs.readFileSync(await download.path(), 'utf8')) as Record<string, unknown>;
  expect({ ...exported, scannedAt: null }).toEqual({ ...expected, scannedAt: null });

  await page.screenshot({ path: path.join(SCREENSHOTS, 'fleet-health-1280.png') });
  if (process.env.UPDATE_DOCS_SCREENSHOTS === '1' || !fs.existsSync(README_SCREENSHOT)) {
    fs.mkdirSync(path.dirname(README_SCREENSHOT), { recursive: true });
    await page.screenshot({ path: README_SCREENSHOT });
  }

  // A row opens that mailbox's Mailbox Health form through parent.Xrm.Navigation, as the Diagnose command does.
  await frame.fill('[role="searchbox"]', 'Grady Archie');
  await frame.click(`[data-mailbox-id="${GRADY}"] button`);
  const navigations = await page.evaluate(
    () => (window as unknown as { __fleetSandbox: { navigations: unknown[] } }).__fleetSandbox.navigations,
  );
  expect(navigations).toEqual([
    {
      pageInput: { pageType: 'entityrecord', entityName: 'mailbox', entityId: GRADY, formId: MAILBOX_HEALTH_FORM_ID },
      options: { target: 2, position: 2, width: { value: 40, unit: '%' }, title: 'Mailbox Health' },
    },
  ]);

  // Keyboard: arrows move from mailbox to mailbox inside the list, Enter opens the one in focus.
  await frame.fill('[role="searchbox"]', '');
  const first = await frame.getAttribute('[data-mailbox-id]', 'data-mailbox-id');
  await frame.focus('[data-mailbox-id] button');
  await page.keyboard.press('ArrowDown');
  const focused = await frame.evaluate(() =>
    document.activeElement?.closest('[data-mailbox-id]')?.getAttribute('data-mailbox-id'),
  );
  expect(focused).toBeTruthy();
  expect(focused).not.toBe(first);
  await page.keyboard.press('Enter');
  const afterKeyboard = await page.evaluate(
    () =>
      (window as unknown as { __fleetSandbox: { navigations: { pageInput: { entityId: string } }[] } }).__fleetSandbox
        .navigations,
  );
  expect(afterKeyboard.map((n) => n.pageInput.entityId)).toEqual([GRADY, focused]);

  // Alert text holding markup is text: Christie's alert quotes an <img onerror>.
  await frame.fill('[role="searchbox"]', 'Christie');
  const summary = await frame.textContent(`[data-mailbox-id="${CHRISTIE}"]`);
  expect(summary).toContain('<img src=x onerror="window.__xss=1">');
  expect(await frame.evaluate(() => document.querySelectorAll('main img').length)).toBe(0);
  expect(await frame.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();

  expect(sample.emulator.requests.filter((request) => request.method !== 'GET')).toEqual([]);
  // The icons come from the page's own font web resource.
  expect(
    await frame.evaluate(
      async () => (
        await document.fonts.ready,
        [...document.fonts].filter((f) => f.family === 'MbhFleetIcons').map((f) => f.status)
      ),
    ),
  ).toEqual(['loaded']);
  await page.close();
}, 90_000);

test('opened directly: ClientGlobalContext.js.aspx and the Web API on its own origin give the same totals', async () => {
  const { page, frame } = await openPage(sample, { direct: true });
  await waitForScan(frame);
  const expected = await cliScan(sample.emulator);
  expect(await totals(frame)).toEqual(countsOf(expected));
  // A row is a link to the record in the app, in a new tab (no Xrm.Navigation outside the app).
  await frame.fill('[role="searchbox"]', 'Grady Archie');
  expect(await frame.getAttribute(`[data-mailbox-id="${GRADY}"] a`, 'href')).toBe(
    `${sample.server.url}main.aspx?etn=mailbox&pagetype=entityrecord&id=%7B${GRADY}%7D`,
  );
  await page.close();
}, 60_000);

describe.each([340, 1280])('at %i px', (width) => {
  test('axe-core finds no serious or critical violation, and nothing is wider than the page', async () => {
    const { page, frame } = await openPage(sample, { width });
    await waitForScan(frame);
    await frame.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    const violations = await seriousAxeViolations(frame);
    expect(violations).toEqual([]);
    const overflow = await frame.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(overflow.scroll).toBeLessThanOrEqual(overflow.client);
    if (width === 340) expect(overflow.client).toBeGreaterThan(320);
    expect(overflow.client).toBeLessThanOrEqual(width);
    await page.screenshot({ path: path.join(SCREENSHOTS, `fleet-health-${width}.png`) });
    await page.close();
  }, 60_000);
});

test('a generated environment of 10,000 mailboxes completes with the CLI’s totals', async () => {
  const data = generateFleet(10_000);
  const environment: SampleEnvironment = {
    data,
    testEnableOutcomes: {},
    featuredMailboxIds: [],
    callerId: sampleEnvironment.callerId,
  };
  const large = await startSandbox(environment);
  try {
    const { page, frame } = await openPage(large);
    await waitForScan(frame, 60_000);
    const expected = await cliScan(large.emulator);
    expect(expected.total).toBe(10_000);
    expect(await totals(frame)).toEqual(countsOf(expected));
    await page.close();
  } finally {
    await large.server.close();
    await large.emulator.close();
  }
}, 120_000);

test('the pages made no request outside this machine and raised no script error', () => {
  expect(outsideRequests).toEqual([]);
  expect(pageErrors).toEqual([]);
});
