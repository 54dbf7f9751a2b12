/**
 * The `scan --format html` report as a person opens it: the built bin scans the sample environment, and headless
 * Chromium renders the file it wrote. The report must render (title, charts, groups), make no request of its own, and
 * run no script; the README's screenshot (docs/scan-report.png) is rewritten when UPDATE_DOCS_SCREENSHOTS=1 (or when it
 * is missing).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { startEmulator, type Emulator } from '../../sandbox/emulator/server';
import { loadSampleEnvironment } from '../../sandbox/sampleEnvironment';
import { buildBin, spawnBin, TOKEN } from '../cli/helpers';
import { chooseChromium, launchChromium } from '../support/browser';

const ROOT = path.resolve(__dirname, '..', '..');
const README_SCREENSHOT = path.join(ROOT, 'docs', 'scan-report.png');
// Chosen before anything is built: where no Chromium can run, the suite fails at once with one line saying what to set.
const CHROMIUM = chooseChromium();

let browser: Browser;
let emulator: Emulator;
let bin: Awaited<ReturnType<typeof buildBin>>;
let tmp: string;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mailbox-health-report-'));
  const environment = loadSampleEnvironment();
  emulator = await startEmulator({ data: environment.data, callerId: environment.callerId });
  bin = await buildBin();
  browser = await launchChromium(CHROMIUM);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await emulator?.close();
  bin?.remove();
  fs.rmSync(tmp, { recursive: true, force: true });
});

test('the HTML report renders its charts and groups, with no script and no request of its own', async () => {
  const scan = await spawnBin(bin.bin, ['scan', '--url', emulator.url, '--format', 'html'], { DATAVERSE_TOKEN: TOKEN });
  expect(scan.code).toBe(0);
  const file = path.join(tmp, 'scan.html');
  fs.writeFileSync(file, scan.stdout);

  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: true });
  const requests: string[] = [];
  page.on('request', (request) => {
    if (request.url() !== `file://${file}`) requests.push(request.url());
  });
  await page.goto(`file://${file}`);
  expect(await page.title()).toMatch(/Mailbox Health/);
  expect(await page.locator('svg').count()).toBeGreaterThan(1);
  expect(await page.locator('script').count()).toBe(0);
  const text = await page.locator('body').innerText();
  expect(text).toContain('Adele Vance');
  expect(requests).toEqual([]);
  if (process.env.UPDATE_DOCS_SCREENSHOTS === '1' || !fs.existsSync(README_SCREENSHOT)) {
    fs.mkdirSync(path.dirname(README_SCREENSHOT), { recursive: true });
    await page.screenshot({ path: README_SCREENSHOT });
  }
  await page.close();
}, 120_000);
