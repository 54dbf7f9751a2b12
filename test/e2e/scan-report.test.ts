/**
 * End to end: the HTML report of `mailbox-health scan --format html`, written by the built bin (as a user runs it) over
 * the emulator on the sample environment with a folder of earlier scans for the trend, opened from its file in headless
 * Chromium (test/support/browser.ts finds one). It loads nothing and runs nothing, draws its charts and trend, shows
 * the same totals and groups as the JSON, and Dataverse's markup stays text. Screenshots go to screenshots/; the
 * README's (docs/scan-report.png) is rewritten when UPDATE_DOCS_SCREENSHOTS=1 (or when it is missing).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { ScanDocument } from '../../cli/scan-report';
import { startEmulator, type Emulator } from '../../simulator/http/server';
import { loadSampleEnvironment } from '../../sandbox/load-sample-environment';
import { buildBin, MEGAN, spawnBin, TOKEN } from '../cli/helpers';
import { chooseChromium, launchChromium } from '../support/browser';

const ROOT = path.resolve(__dirname, '..', '..');
const SCREENSHOTS = path.join(ROOT, 'screenshots');
const README_SCREENSHOT = path.join(ROOT, 'docs', 'scan-report.png');
// Chosen before anything is built: where no Chromium can run, the suite fails at once with one line saying what to set.
const CHROMIUM = chooseChromium();
const DAY = 86_400_000;

let bin: Awaited<ReturnType<typeof buildBin>>;
let browser: Browser;
let emulator: Emulator;
let tmp: string;

async function scan(args: string[]): Promise<string> {
  const result = await spawnBin(bin.bin, ['scan', '--url', emulator.url, ...args], { DATAVERSE_TOKEN: TOKEN });
  if (result.code !== 0) throw new Error(`scan exited ${result.code}: ${result.stderr}`);
  return result.stdout;
}

/** Opens a report from its file, recording every request it makes and every message it logs. */
async function open(
  html: string,
  name: string,
  width = 1100,
): Promise<{ page: Page; requests: string[]; messages: string[] }> {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, html);
  const page = await browser.newPage({ viewport: { width, height: 1700 } });
  const requests: string[] = [];
  const messages: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => messages.push(`pageerror: ${error.message}`));
  await page.goto(`file://${file}`);
  return { page, requests, messages };
}

beforeAll(async () => {
  browser = await launchChromium(CHROMIUM);
  bin = await buildBin();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mbh-scan-report-'));
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const sample = loadSampleEnvironment();
  emulator = await startEmulator({ data: sample.data, callerId: sample.callerId, requireToken: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await emulator?.close();
  bin?.remove();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

test('the report over five earlier weekly scans: charts, trend, the JSON’s totals and groups, nothing loaded or run', async () => {
  const doc = JSON.parse(await scan(['--format', 'json'])) as ScanDocument;
  // Five earlier weeks, failing and warning falling towards today's; the newest (a week ago) had one more failing mailbox.
  const folder = path.join(tmp, 'scans');
  fs.mkdirSync(folder);
  const failingNow = doc.mailboxes.filter((m) => m.overall === 'failing');
  [
    [35, 41, 402],
    [28, 36, 377],
    [21, 30, 351],
    [14, 22, 329],
    [7, doc.failing + 1, doc.warning + 9],
  ].forEach(([days, failing, warning]) => {
    const scannedAt = new Date(Date.parse(doc.scannedAt) - days * DAY).toISOString();
    const gone = {
      ...failingNow[0],
      id: '00000000-0000-4000-8000-00000000fe01',
      name: 'Fixed Since',
      emailAddress: 'fixed.since@contoso.com',
    };
    const earlier = {
      ...doc,
      scannedAt,
      failing,
      warning,
      healthy: doc.total - failing - warning - doc.unknown,
      mailboxes: [...failingNow.slice(1), gone],
    };
    fs.writeFileSync(path.join(folder, `scan-${scannedAt.slice(0, 10)}.json`), JSON.stringify(earlier));
  });
  const html = await scan(['--format', 'html', '--previous', folder]);
  const { page, requests, messages } = await open(html, 'report.html');

  expect(await page.title()).toMatch(/^Mailbox Health scan, /);
  expect(requests).toEqual([`file://${path.join(tmp, 'report.html')}`]);
  expect(messages).toEqual([]);
  expect(await page.locator('script, img, iframe, link, object, embed').count()).toBe(0);

  // The totals are the JSON's; the groups list every mailbox that is not healthy, once.
  const totals = await page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('dd[data-count]')].map((dd) => [
        dd.getAttribute('data-count'),
        Number(dd.textContent!.replace(/,/g, '')),
      ]),
    ),
  );
  expect(totals).toEqual({
    total: doc.total,
    failing: doc.failing,
    warning: doc.warning,
    unknown: doc.unknown,
    healthy: doc.healthy,
  });
  const groups = await page.evaluate(() =>
    [...document.querySelectorAll('section.group')].map((g) => ({
      size: Number(g.getAttribute('data-count')),
      rows: g.querySelectorAll('tbody tr').length,
    })),
  );
  expect(groups.reduce((sum, g) => sum + g.size, 0)).toBe(doc.mailboxes.length);
  expect(groups.every((g) => g.rows === g.size)).toBe(true);
  expect(groups.map((g) => g.size)).toEqual([...groups.map((g) => g.size)].sort((a, b) => b - a));

  // Three charts, each an image with a name and a description that states its figures, drawn with a size.
  const charts = page.getByRole('img');
  await expect(charts.count()).resolves.toBe(3);
  for (const name of [
    'Failing and warning mailboxes by check',
    'Failing and warning mailboxes by email server profile',
    'Failing and warning over time',
  ]) {
    const chart = page.getByRole('img', { name });
    const box = await chart.boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    expect(await chart.evaluate((svg) => svg.querySelector('desc')!.textContent)).toMatch(/\d+ failing, \d+ warning/);
  }
  const trend = await page.evaluate(() => document.querySelector('#trend-desc')!.textContent!.split('; ').length);
  expect(trend).toBe(6);
  await expect(page.getByText(/1 newly failing, 1 no longer failing/).count()).resolves.toBe(1);

  await page.screenshot({ path: path.join(SCREENSHOTS, 'scan-report.png'), fullPage: true });
  if (process.env.UPDATE_DOCS_SCREENSHOTS === '1' || !fs.existsSync(README_SCREENSHOT)) {
    fs.mkdirSync(path.dirname(README_SCREENSHOT), { recursive: true });
    await page.screenshot({ path: README_SCREENSHOT });
  }
  await page.close();
}, 120_000);

test('markup, </script>, bidi overrides and control characters from Dataverse are shown as text and run nothing', async () => {
  const megan = emulator.store.find('mailbox', MEGAN)!;
  const original = { ...megan };
  const hostile =
    '</script><script>window.__xss=1</script><img src=x onerror="window.__xss=2"> \u202eevil\u202c \u0007bell';
  Object.assign(megan, { name: hostile, enabledforincomingemail: false });
  try {
    const { page, requests, messages } = await open(await scan(['--format', 'html']), 'hostile.html', 1280);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('script, img').count()).toBe(0);
    const shown = await page.evaluate(() =>
      [...document.querySelectorAll('tbody td')]
        .map((td) => td.textContent ?? '')
        .find((text) => text.includes('window.__xss=1')),
    );
    expect(shown).toBe('</script><script>window.__xss=1</script><img src=x onerror="window.__xss=2"> evil bell');
    // The sample's unrecognised alert quotes markup too: text in the table, never an element.
    await expect(page.getByText('<img src=x onerror="…">', { exact: false }).count()).resolves.toBeGreaterThan(0);
    expect(requests).toHaveLength(1);
    expect(messages).toEqual([]);
    await page.close();
  } finally {
    Object.assign(megan, original);
  }
}, 120_000);
