/**
 * End to end: the real built control bundle in the sandbox page, in headless Chromium (playwright-core, no browser
 * download; test/support/browser.ts finds one), against the Dataverse emulator on the sample environment. Screenshots
 * go to screenshots/.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { snapshotControlBuild } from '../../sandbox/build-control';
import { startEmulator, type Emulator } from '../../simulator/http/server';
import { readResx, startPageServer, type PageServer } from '../../sandbox/page-server';
import { loadSampleEnvironment, loadSampleExpectations } from '../../sandbox/load-sample-environment';
import { chooseChromium, launchChromium, seriousAxeViolations } from '../support/browser';

const ROOT = path.resolve(__dirname, '..', '..');
const SCREENSHOTS = path.join(ROOT, 'screenshots');
// Chosen before anything is built: where no Chromium can run, the suite fails at once with one line saying what to set.
const CHROMIUM = chooseChromium();
const PANEL = '[data-testid="mailbox-health"]';

const ids = {
  adele: '69f5dec0-0cb1-4a53-8e3d-eb6b84e4e761',
  johanna: '56f79d22-5884-4b69-93c3-a482ec15a577',
  grady: '03122430-1b73-4b0b-a4a3-0a793deca6e2',
  christie: '50a950cb-06a0-40c8-a3a3-990516469978',
  lynne: '93a26f7b-a024-4183-b73c-091bdd7604af',
  megan: '97963663-8bfb-4bdc-8db7-5f0ee011428a',
};

const environment = loadSampleEnvironment();
const expectations = loadSampleExpectations();
let emulator: Emulator;
let pageServer: PageServer;
let browser: Browser;
let strings: Record<string, string>;
let controlCopy: string | undefined;
const pageErrors: string[] = [];
const outsideRequests: string[] = [];

function t(key: string): string {
  return strings[key] ?? key;
}

async function openPage(options: { mailbox?: string; width?: number; layout?: 'pane' | 'form' } = {}): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: options.width ?? 1280, height: 900 } });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(pageServer.url) && !url.startsWith(emulator.url) && !url.startsWith('data:'))
      outsideRequests.push(url);
  });
  const query = new URLSearchParams({ layout: options.layout ?? 'form' });
  if (options.mailbox) query.set('mailbox', options.mailbox);
  await page.goto(`${pageServer.url}?${query.toString()}`);
  return page;
}

/** Waits until the panel shows a finished diagnosis of the named mailbox. */
async function waitForReport(page: Page, name: string): Promise<void> {
  await page.locator(`${PANEL} h2`, { hasText: name }).waitFor({ timeout: 15_000 });
  await page.locator(`${PANEL} [data-verdict]`).waitFor({ timeout: 15_000 });
  await page.waitForFunction((panel) => document.querySelector(`${panel} [aria-busy="true"]`) === null, PANEL, {
    timeout: 15_000,
  });
}

async function startHereOf(page: Page): Promise<string | null> {
  return page.evaluate(
    ({ panel, label }) => {
      const marked = [...document.querySelectorAll(`${panel} li[data-check]`)].filter((item) =>
        [...item.querySelectorAll('span')].some((span) => span.textContent === label),
      );
      if (marked.length > 1) return `several: ${marked.map((m) => m.getAttribute('data-check')).join(',')}`;
      return marked[0]?.getAttribute('data-check') ?? null;
    },
    { panel: PANEL, label: t('panel.check.startHere') },
  );
}

beforeAll(async () => {
  browser = await launchChromium(CHROMIUM);
  // A private copy: other test workers may rebuild out/controls while these tests serve the bundle.
  controlCopy = fs.mkdtempSync(path.join(os.tmpdir(), 'mbh-control-'));
  const controlDir = await snapshotControlBuild(path.join(controlCopy, 'MailboxHealthControl'));
  strings = readResx(path.join(controlDir, 'strings', 'MailboxHealthControl.1033.resx'));
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  emulator = await startEmulator({
    data: environment.data,
    testEnableOutcomes: environment.testEnableOutcomes,
    callerId: environment.callerId,
    cors: true,
    testEnableDelayMs: 1000,
  });
  pageServer = await startPageServer({ emulator, environment, controlDir });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await pageServer?.close();
  await emulator?.close();
  if (controlCopy) fs.rmSync(controlCopy, { recursive: true, force: true });
});

test('every sample mailbox shows its expected verdict and "Start here" step', async () => {
  const page = await openPage();
  const seen: Record<string, { verdict: string | null; startHere: string | null }> = {};
  const wanted: Record<string, { verdict: string | null; startHere: string | null }> = {};
  for (const id of environment.featuredMailboxIds) {
    const expected = expectations[id];
    await page.selectOption('#mailbox-picker', id);
    await waitForReport(page, expected.name);
    seen[expected.name] = {
      verdict: await page.locator(`${PANEL} [data-verdict]`).getAttribute('data-verdict'),
      startHere: await startHereOf(page),
    };
    wanted[expected.name] = { verdict: expected.verdict, startHere: expected.startHere };
  }
  expect(seen).toEqual(wanted);
  await page.close();
}, 120_000);

/**
 * Clicks Test & Enable with the request log cleared, and waits for the confirmation's `button`. Fluent's blocking
 * Dialog is role="alertdialog" (a zero-height wrapper: wait for its buttons, not for it).
 */
async function askTestAndEnable(page: Page, button: 'panel.test.confirm' | 'panel.test.cancel') {
  emulator.requests.length = 0;
  await page
    .getByRole('button', { name: t('panel.action.testAndEnable') })
    .first()
    .click();
  const choice = page.locator('[role="alertdialog"]').getByRole('button', { name: t(button) });
  await choice.waitFor();
  return choice;
}

describe('Test & Enable', () => {
  test('confirm → progress → the panel shows the new statuses', async () => {
    const page = await openPage({ mailbox: ids.johanna });
    await waitForReport(page, 'Johanna Lorenz');
    expect(await page.locator(`${PANEL} li[data-check="mailbox-test"]`).getAttribute('data-status')).toBe('fail');
    const confirm = await askTestAndEnable(page, 'panel.test.confirm');
    await confirm.click();
    await page
      .getByText(/Waiting for|Scheduling/)
      .first()
      .waitFor({ timeout: 10_000 });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'test-and-enable-progress.png') });
    await page.getByText(t('panel.test.completed')).waitFor({ timeout: 30_000 });
    await page.waitForFunction(
      (panel) =>
        document.querySelector(`${panel} li[data-check="mailbox-test"]`)?.getAttribute('data-status') === 'pass',
      PANEL,
      { timeout: 15_000 },
    );
    const patches = emulator.requests.filter((r) => r.method === 'PATCH');
    expect(patches).toEqual([
      expect.objectContaining({ body: { testemailconfigurationscheduled: true }, status: 204 }),
    ]);
    expect(emulator.store.find('mailbox', ids.johanna)).toMatchObject({
      incomingemailstatus: 1,
      outgoingemailstatus: 1,
      testemailconfigurationscheduled: false,
    });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'test-and-enable-done.png'), fullPage: true });
    await page.close();
  }, 60_000);

  test('cancel writes nothing', async () => {
    const page = await openPage({ mailbox: ids.grady });
    await waitForReport(page, 'Grady Archie');
    const cancel = await askTestAndEnable(page, 'panel.test.cancel');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'test-and-enable-confirm.png') });
    await cancel.click();
    await cancel.waitFor({ state: 'hidden' });
    await page.waitForTimeout(1500);
    expect(emulator.requests.filter((r) => r.method !== 'GET')).toEqual([]);
    expect(emulator.store.find('mailbox', ids.grady)?.testemailconfigurationscheduled).toBe(false);
    await page.close();
  }, 30_000);
});

test('an alert whose text holds markup is shown as text and runs no script', async () => {
  const page = await openPage({ mailbox: ids.christie });
  await waitForReport(page, 'Christie Cline');
  const alerts = page.locator(`${PANEL} li[data-check="alerts"]`);
  await expect(
    alerts.getByText('<img src=x onerror="window.__xss=1">', { exact: false }).first().isVisible(),
  ).resolves.toBe(true);
  expect(await page.locator(`${PANEL} img`).count()).toBe(0);
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  await page.close();
}, 30_000);

/** Opens every disclosure in the panel (each check's details, and any nested one), leaving menus alone. */
async function expandEverything(page: Page): Promise<number> {
  return page.evaluate(async (panel) => {
    const collapsed = () => [
      ...document.querySelectorAll<HTMLButtonElement>(`${panel} button[aria-expanded="false"]:not([aria-haspopup])`),
    ];
    let opened = 0;
    for (let round = 0; round < 5 && collapsed().length > 0; round++) {
      for (const button of collapsed()) {
        button.click();
        opened++;
      }
      await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
    }
    return collapsed().length === 0 ? opened : -1;
  }, PANEL);
}

describe.each([
  { width: 340, layout: 'pane' as const },
  { width: 1280, layout: 'form' as const },
])('axe-core at $width px', ({ width, layout }) => {
  test('finds no serious or critical violation in the panel of any sample mailbox, every disclosure expanded', async () => {
    const page = await openPage({ width, layout });
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    const results: Record<string, string[]> = {};
    const expanded: Record<string, number> = {};
    for (const id of environment.featuredMailboxIds) {
      const name = expectations[id].name;
      await page.selectOption('#mailbox-picker', id);
      await waitForReport(page, name);
      expanded[name] = await expandEverything(page);
      results[name] = await seriousAxeViolations(page, PANEL);
    }
    await page.close();
    // Every mailbox was checked with its disclosures open (-1 would mean one stayed collapsed).
    expect(Object.values(expanded).filter((count) => count < 0)).toEqual([]);
    expect(Object.values(expanded).reduce((a, b) => a + b, 0)).toBeGreaterThan(environment.featuredMailboxIds.length);
    expect(results).toEqual(
      Object.fromEntries(environment.featuredMailboxIds.map((id) => [expectations[id].name, []])),
    );
  }, 240_000);
});

describe.each([
  { width: 340, layout: 'pane' as const },
  { width: 1280, layout: 'form' as const },
])('the panel at $width px', ({ width, layout }) => {
  test('nothing is cut off', async () => {
    const problems: string[] = [];
    for (const [id, name] of [
      [ids.christie, 'Christie Cline'],
      [ids.lynne, 'Lynne Robbins'],
      [ids.adele, 'Adele Vance'],
    ]) {
      const page = await openPage({ mailbox: id, width, layout });
      await waitForReport(page, name);
      // Expand every check, so the longest content (evidence, alert texts, remedies) is measured too.
      const collapsed = page.locator(`${PANEL} li[data-check] button[aria-expanded="false"]`);
      while ((await collapsed.count()) > 0) await collapsed.first().click();
      const measured = await page.evaluate((panel) => {
        const root = document.querySelector(panel) as HTMLElement;
        const box = root.getBoundingClientRect();
        const overflowing = [...root.querySelectorAll('*')]
          .map((element) => ({ element, rect: element.getBoundingClientRect() }))
          .filter(({ rect }) => rect.width > 0 && (rect.right > box.right + 1 || rect.left < box.left - 1))
          .map(
            ({ element, rect }) =>
              `${element.tagName.toLowerCase()}.${String((element as HTMLElement).className).slice(0, 40)} [${Math.round(rect.left)}, ${Math.round(rect.right)}]`,
          );
        return {
          scrollWidth: root.scrollWidth,
          clientWidth: root.clientWidth,
          rootWidth: box.width,
          viewport: window.innerWidth,
          rootRight: box.right,
          overflowing: overflowing.slice(0, 5),
        };
      }, PANEL);
      if (measured.scrollWidth > measured.clientWidth)
        problems.push(`${name}: scrollWidth ${measured.scrollWidth} > clientWidth ${measured.clientWidth}`);
      if (measured.rootRight > measured.viewport)
        problems.push(
          `${name}: the panel ends at ${measured.rootRight} px, beyond the ${measured.viewport} px viewport`,
        );
      if (measured.overflowing.length > 0)
        problems.push(`${name}: outside the panel: ${measured.overflowing.join('; ')}`);
      if (layout === 'pane') expect(measured.rootWidth).toBeLessThanOrEqual(340);
      const file = `panel-${width}-${name.split(' ')[0].toLowerCase()}`;
      await page.screenshot({ path: path.join(SCREENSHOTS, `${file}-full.png`), fullPage: true });
      await page.locator(`${PANEL} li[data-check="alerts"]`).scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(SCREENSHOTS, `${file}-alerts.png`) });
      await page.close();
    }
    expect(problems).toEqual([]);
  }, 60_000);
});

test('the page made no request outside this machine and raised no script error', () => {
  expect(outsideRequests).toEqual([]);
  expect(pageErrors).toEqual([]);
});
