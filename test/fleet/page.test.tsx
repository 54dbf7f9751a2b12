/** @jest-environment jsdom */
import '../control/setup';
import * as React from 'react';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { setIconOptions } from '@fluentui/react';
import { CHECK_ORDER, en, FleetTally, formatMessage, startFleetScan } from '../../diagnostics';
import { themeFromDesignLanguage } from '../../MailboxHealthControl/model/theme';
import * as path from 'node:path';
import { FleetHealthPage } from '../../webresources/fleet/components/FleetHealthPage';
import { listItems } from '../../webresources/fleet/components/CauseList';
import { FleetView } from '../../webresources/fleet/fleet-view';
import { resolveFleetHost } from '../../webresources/fleet/host';
import { FLEET_ICONS, ICON_FONT_FILE, registerFleetIcons } from '../../webresources/fleet/icons';
import { SIDE_DIALOG_OPTIONS } from '../../webresources/ribbon/diagnose-command';
import { MAILBOX_HEALTH_FORM_ID } from '../../webresources/ribbon/mailbox-health-form';
import { loadSampleEnvironment } from '../../sandbox/load-sample-environment';
import type { DataSet } from '../../simulator/store';
import { FakeWebApi } from '../../simulator/fake';
import { SCAN_DOCUMENT_KEYS } from '../support/expected';
import { GENERATED_PREFIX } from '../support/sample-ids';

const CALLER = '1a353006-8c33-423f-9ecc-a24ec9feb507';
const JOHANNA = '56f79d22-5884-4b69-93c3-a482ec15a577';
const CHRISTIE = '50a950cb-06a0-40c8-a3a3-990516469978';
const HOSTILE_NAME = '<img src=x onerror="window.__xss=1">Johanna <b>Lorenz</b>';
const instant = async () => undefined;

/** The sample environment without its generated population, Johanna renamed to markup. */
function sampleData(): DataSet {
  const { data } = loadSampleEnvironment();
  data.mailbox = data.mailbox.filter((row) => !String(row.mailboxid).startsWith(GENERATED_PREFIX));
  data.mailbox = data.mailbox.map((row) => (row.mailboxid === JOHANNA ? { ...row, name: HOSTILE_NAME } : row));
  return data;
}

interface Xrm {
  webApi: FakeWebApi;
  navigateTo: jest.Mock;
}

/** parent.Xrm as the app gives it to a web resource in a dialog (in jsdom a top window is its own parent). */
function installXrm(data: DataSet): Xrm {
  const webApi = new FakeWebApi(data);
  const navigateTo = jest.fn(async () => undefined);
  Object.assign(window, {
    Xrm: {
      WebApi: webApi,
      Navigation: {
        navigateTo,
        openAlertDialog: jest.fn(async () => undefined),
        openConfirmDialog: jest.fn(async () => ({ confirmed: false })),
      },
      Utility: {
        getGlobalContext: () => ({
          getClientUrl: () => 'https://contoso.crm.dynamics.com',
          userSettings: { userId: `{${CALLER.toUpperCase()}}` },
        }),
      },
    },
  });
  return { webApi, navigateTo };
}

/** What the engine's own fleet scan counts over the same data, as the same user. */
async function engineTally(data: DataSet): Promise<FleetTally> {
  const scan = await startFleetScan(new FakeWebApi(data), {
    sleep: instant,
    caller: { userId: CALLER, systemAdministrator: null },
  });
  const tally = new FleetTally();
  for await (const report of scan.verdicts) tally.add(report);
  tally.addFindings(scan.findings());
  return tally;
}

const downloads: { name: string; type: string; text: string }[] = [];
const loadScript = jest.fn(async () => {
  throw new Error('inside the app the page loads no script');
});

async function renderPage(): Promise<void> {
  render(
    <FleetHealthPage
      connect={() => resolveFleetHost(window as never, { loadScript })}
      theme={themeFromDesignLanguage(undefined)}
      scanOptions={{ sleep: instant, pause: instant, progressEvery: 5 }}
      download={(name, type, text) => downloads.push({ name, type, text })}
    />,
  );
  await screen.findByText(/^Scanned [\d,]+ mailboxes at/, undefined, { timeout: 10_000 });
}

const tile = (key: string) => document.querySelector(`[data-total="${key}"]`)?.lastElementChild?.textContent;

let warnings: string[];

beforeAll(() => {
  registerFleetIcons();
});

beforeEach(() => {
  downloads.length = 0;
  // Every icon the page or a Fluent component it uses asks for must be registered: missing ones warn.
  setIconOptions({ disableWarnings: false, warnOnMissingIcons: true });
  warnings = [];
  jest.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
    warnings.push(args.map(String).join(' '));
  });
});

afterEach(() => {
  jest.restoreAllMocks();
  delete (window as { Xrm?: unknown }).Xrm;
  expect(warnings).toEqual([]);
});

test("shows the totals, the charts' text alternatives and the groups the engine's fleet scan counts, and writes nothing", async () => {
  const data = sampleData();
  const xrm = installXrm(data);
  const expected = await engineTally(data);
  await renderPage();

  expect(document.querySelector('[data-testid="fleet-health"]')?.getAttribute('data-phase')).toBe('done');
  expect(screen.getByRole('heading', { level: 1, name: 'Fleet health' })).toBeInTheDocument();
  expect(screen.getByText(/https:\/\/contoso\.crm\.dynamics\.com/)).toBeInTheDocument();
  for (const key of ['total', 'failing', 'warning', 'unknown', 'healthy'] as const)
    expect(tile(key)).toBe(expected[key].toLocaleString('en-US'));
  expect(expected.failing).toBeGreaterThan(5);

  // The chart by check: its table (the text alternative) holds every check that fails or warns, with the counts.
  const byCheck = screen.getByRole('table', { name: 'Failing and warning by check' });
  const rows = within(byCheck)
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole(/cell|rowheader/)
        .map((cell) => cell.textContent),
    );
  const wanted = CHECK_ORDER.filter((id) => expected.byCheck[id].fail + expected.byCheck[id].warn > 0).map((id) => [
    formatMessage({ key: `check.${id}.title` as never }, en),
    String(expected.byCheck[id].fail),
    String(expected.byCheck[id].warn),
  ]);
  expect(rows).toEqual(wanted);
  // By profile: every failing and warning mailbox counted once.
  const byProfile = within(screen.getByRole('table', { name: 'Failing and warning mailboxes by email server profile' }))
    .getAllByRole('row')
    .slice(1);
  const profileSums = byProfile.reduce(
    (sum, row) => sum + Number(row.children[1].textContent) + Number(row.children[2].textContent),
    0,
  );
  expect(profileSums).toBe(expected.failing + expected.warning);

  // The findings, once each.
  expect(
    screen.getByRole('heading', { level: 2, name: `Profile and environment findings (${expected.findings.length})` }),
  ).toBeInTheDocument();

  // Groups: every mailbox that is not healthy, largest group first, each group with its fix once. (The list is
  // virtualized: jsdom measures nothing, so only its first page is rendered.)
  const count = expected.mailboxes.length;
  expect(screen.getByRole('heading', { level: 2, name: `Where to start (${count} mailboxes)` })).toBeInTheDocument();
  expect(screen.getByText(`${count} of ${count} mailboxes shown`)).toBeInTheDocument();
  const groups = [...document.querySelectorAll('[data-group]')];
  expect(groups.length).toBeGreaterThan(1);
  const sizes = groups.map((g) => Number(/(\d+) mailbox/.exec(g.querySelector('h3')?.textContent ?? '')?.[1]));
  expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
  for (const group of groups) expect(group.querySelectorAll('[data-fix]')).toHaveLength(1);

  expect(xrm.webApi.requests.every((r) => r.method !== 'updateRecord')).toBe(true);
  expect(loadScript).not.toHaveBeenCalled();
});

test("a mailbox's name opens its Mailbox Health form as Diagnose does; filter, verdict and sort narrow the list", async () => {
  const xrm = installXrm(sampleData());
  await renderPage();

  const filter = screen.getByRole('searchbox');
  fireEvent.change(filter, { target: { value: 'grady' } });
  expect(screen.getByText(/^1 of \d+ mailboxes shown$/)).toBeInTheDocument();
  const link = screen.getByRole('button', { name: 'Grady Archie' });
  await act(async () => {
    fireEvent.click(link);
  });
  expect(xrm.navigateTo).toHaveBeenCalledWith(
    {
      pageType: 'entityrecord',
      entityName: 'mailbox',
      entityId: '03122430-1b73-4b0b-a4a3-0a793deca6e2',
      formId: MAILBOX_HEALTH_FORM_ID,
    },
    SIDE_DIALOG_OPTIONS,
  );

  fireEvent.change(filter, { target: { value: '' } });
  fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'warning' } });
  const shown = [...document.querySelectorAll('[data-mailbox-id]')];
  expect(shown.length).toBeGreaterThan(0);
  expect(shown.every((row) => row.getAttribute('data-verdict') === 'warning')).toBe(true);

  fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'all' } });
  fireEvent.change(screen.getByLabelText('Sort mailboxes by'), { target: { value: 'name' } });
  const firstGroup = document.querySelector('[data-group]')?.closest('[role="listitem"]');
  const names: string[] = [];
  for (
    let item = firstGroup?.nextElementSibling;
    item && !item.querySelector('[data-group]');
    item = item.nextElementSibling
  ) {
    names.push(item.querySelector('[data-mailbox-id] a, [data-mailbox-id] button')?.textContent ?? '');
  }
  expect(names.length).toBeGreaterThan(1);
  expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' })));

  // A group folds away and back.
  const toggle = within(document.querySelector('[data-group]') as HTMLElement).getByRole('button', {
    name: 'Hide mailboxes',
  });
  expect(toggle).toHaveAttribute('aria-expanded', 'true');
  fireEvent.click(toggle);
  expect(
    within(document.querySelector('[data-group]') as HTMLElement).getByRole('button', { name: 'Show mailboxes' }),
  ).toHaveAttribute('aria-expanded', 'false');
});

test('Dataverse text is shown as text: a name and an alert holding markup create no element', async () => {
  installXrm(sampleData());
  await renderPage();
  const filter = screen.getByRole('searchbox');
  fireEvent.change(filter, { target: { value: 'lorenz' } });
  expect(screen.getByRole('button', { name: HOSTILE_NAME })).toBeInTheDocument();
  fireEvent.change(filter, { target: { value: 'christie' } });
  const row = document.querySelector(`[data-mailbox-id="${CHRISTIE}"]`) as HTMLElement;
  expect(row.textContent).toContain('<img src=x onerror="window.__xss=1">');
  expect(document.querySelectorAll('main img, main b')).toHaveLength(0);
  expect((window as { __xss?: unknown }).__xss).toBeUndefined();
});

test("exports the CLI's JSON document and CSV columns", async () => {
  const data = sampleData();
  installXrm(data);
  const expected = await engineTally(data);
  await renderPage();

  fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
  fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
  expect(downloads.map((d) => [d.name.replace(/\d/g, '0'), d.type])).toEqual([
    ['mailbox-health-scan-0000-00-00T00-00-00.json', 'application/json'],
    ['mailbox-health-scan-0000-00-00T00-00-00.csv', 'text/csv'],
  ]);
  const doc = JSON.parse(downloads[0].text);
  // The CLI's key order: the mailboxes (which the CLI writes as the scan runs) before what needs the whole scan.
  expect(Object.keys(doc)).toEqual(SCAN_DOCUMENT_KEYS);
  expect(doc.findings).toHaveLength(expected.findings.length);
  expect(doc.environments).toEqual([{ url: 'https://contoso.crm.dynamics.com', unreadable: [], ...expected.counts() }]);
  expect(doc.byCheck).toEqual(expected.byCheck);
  // In the scan's order, as the CLI lists them.
  expect(doc.mailboxes.map((m: { id: string }) => m.id)).toEqual(expected.mailboxes.map((m) => m.id));

  const csv = downloads[1].text.split('\r\n');
  expect(csv[0]).toBe('environment,id,name,emailAddress,overall,startHere,failingChecks,warningChecks,errorChecks');
  expect(csv.filter((line) => line !== '')).toHaveLength(1 + expected.mailboxes.length);
  // A name with markup is a plain cell (quoted for its quotes), never a formula.
  expect(csv.find((line) => line.includes(JOHANNA))).toContain(
    '"<img src=x onerror=""window.__xss=1"">Johanna <b>Lorenz</b>"',
  );
});

test('a table that cannot be read is named, and the checks that need it could not run', async () => {
  const data = sampleData();
  const xrm = installXrm(data);
  xrm.webApi.faults.deny({ table: 'tracelog' });
  await renderPage();
  const message = (await screen.findByText(/Some tables could not be read/)).closest('.ms-MessageBar');
  expect(message?.textContent).toContain('you lack read privilege on Alerts (tracelog)');
  expect(
    Number(tile('unknown')?.replace(/,/g, '')) +
      Number(tile('failing')?.replace(/,/g, '')) +
      Number(tile('warning')?.replace(/,/g, '')),
  ).toBeGreaterThan(0);
});

test('without Dataverse (no parent Xrm, no global context) the page says where to open it', async () => {
  render(
    <FleetHealthPage
      connect={() => resolveFleetHost({ parent: null }, { loadScript: async () => Promise.reject(new Error('404')) })}
      theme={themeFromDesignLanguage(undefined)}
      download={() => undefined}
    />,
  );
  expect(await screen.findByText(/This page needs Dynamics 365/)).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Export JSON' })).toBeDisabled();
});

describe('groups and the list, as data', () => {
  test('a group is a Start here step with one fix; a mailbox that could not be checked groups by its unreadable check', async () => {
    const data = sampleData();
    const webApi = new FakeWebApi(data);
    webApi.faults.deny({ table: 'usersettings' });
    const scan = await startFleetScan(webApi, { sleep: instant });
    const tally = new FleetTally();
    const view = new FleetView();
    for await (const report of scan.verdicts) view.add(report, tally.add(report));
    const groups = view.groups();
    for (const group of groups) {
      const keys = new Set(group.rows.map(() => group.fix));
      expect(keys.size).toBe(1);
      expect(group.failing + group.warning + group.unknown).toBe(group.rows.length);
    }
    expect(groups.map((g) => g.rows.length)).toEqual([...groups.map((g) => g.rows.length)].sort((a, b) => b - a));
    const { items, shown, total } = listItems(groups, {
      text: '',
      verdict: 'all',
      sort: 'verdict',
      collapsed: new Set([groups[0].key]),
    });
    expect(total).toBe(tally.mailboxes.length);
    expect(shown).toBe(total);
    expect(items.filter((item) => item.kind === 'group')).toHaveLength(groups.length);
    expect(items.filter((item) => item.kind === 'row')).toHaveLength(total - groups[0].rows.length);
  });

  test('the icons registered are the codes of the Fluent MDL2 font subset the page ships', async () => {
    // What @fluentui/font-icons-mdl2 would register, caught before it reaches Fluent's (global) icon registry.
    const subsets: { fontFace?: { src?: string }; icons: Record<string, string> }[] = [];
    await jest.isolateModulesAsync(async () => {
      jest.doMock('@fluentui/style-utilities', () => ({
        registerIcons: (subset: (typeof subsets)[number]) => subsets.push(subset),
        registerIconAlias: () => undefined,
      }));
      (await import('@fluentui/font-icons-mdl2')).initializeIcons('');
    });
    const shipped = subsets.find((subset) => subset.fontFace?.src?.includes(path.basename(ICON_FONT_FILE)));
    expect(shipped).toBeDefined();
    expect(Object.fromEntries(Object.keys(FLEET_ICONS).map((name) => [name, shipped?.icons[name]]))).toEqual(
      FLEET_ICONS,
    );
  });
});
