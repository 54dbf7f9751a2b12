/**
 * The Fleet health page's two ways to Dataverse, without a browser: parent.Xrm (its WebApi plugged in as the engine's
 * port, its Navigation opening a mailbox as the Diagnose command does), and the page opened directly (the global
 * context from ClientGlobalContext.js.aspx, then fetch against <client URL>/api/data/v9.2/: here the emulator).
 * The directly opened page's scan is compared with the CLI's, run in-process over the same emulator.
 */
import { FakeWebApi } from '../../simulator/fake';
import {
  CLIENT_GLOBAL_CONTEXT_PATH,
  NoHostError,
  resolveFleetHost,
  type HostWindow,
} from '../../webresources/fleet/host';
import { scanFleet } from '../../webresources/fleet/scan-fleet';
import { MAILBOX_HEALTH_FORM_ID } from '../../webresources/ribbon/mailbox-health-form';
import { SIDE_DIALOG_OPTIONS } from '../../webresources/ribbon/diagnose-command';
import { run, TOKEN, useSandbox } from '../cli/helpers';

const instant = async () => undefined;
// The sample without its 2,000 generated mailboxes: the same rules, a quick scan.
const sandbox = useSandbox({ small: true, requireToken: false });

describe('inside the app (parent.Xrm)', () => {
  test("uses parent.Xrm.WebApi as the port, the global context's client URL and user, and never loads a script", async () => {
    const webApi = new FakeWebApi(sandbox.environment.data);
    const loadScript = jest.fn(async () => undefined);
    const win: HostWindow = {
      parent: {
        Xrm: {
          WebApi: webApi,
          Navigation: { navigateTo: jest.fn(), openAlertDialog: jest.fn(), openConfirmDialog: jest.fn() },
          Utility: {
            getGlobalContext: () => ({
              getClientUrl: () => 'https://contoso.crm.dynamics.com/',
              userSettings: { userId: '{1A353006-8C33-423F-9ECC-A24EC9FEB507}' },
            }),
          },
        },
      },
    };
    const host = await resolveFleetHost(win, { loadScript });
    expect(host.mode).toBe('xrm');
    expect(host.port).toBe(webApi);
    expect(host.environment).toBe('https://contoso.crm.dynamics.com');
    expect(host.caller).toEqual({ userId: '1a353006-8c33-423f-9ecc-a24ec9feb507', systemAdministrator: null });
    expect(loadScript).not.toHaveBeenCalled();
  });

  test('a mailbox opens its Mailbox Health form in a side dialog, as the Diagnose command opens it', async () => {
    const navigateTo = jest.fn(async () => undefined);
    const win: HostWindow = {
      parent: {
        Xrm: {
          WebApi: new FakeWebApi({}),
          Navigation: { navigateTo, openAlertDialog: jest.fn(), openConfirmDialog: jest.fn() },
        },
      },
    };
    const host = await resolveFleetHost(win, { loadScript: jest.fn() });
    await host.openMailbox?.('{97963663-8BFB-4BDC-8DB7-5F0EE011428A}');
    expect(navigateTo).toHaveBeenCalledWith(
      {
        pageType: 'entityrecord',
        entityName: 'mailbox',
        entityId: '97963663-8bfb-4bdc-8db7-5f0ee011428a',
        formId: MAILBOX_HEALTH_FORM_ID,
      },
      SIDE_DIALOG_OPTIONS,
    );
  });

  test('a parent of another origin (reading Xrm throws) counts as no parent Xrm', async () => {
    const parent = {};
    Object.defineProperty(parent, 'Xrm', {
      get() {
        throw new Error('Blocked a frame with origin from accessing a cross-origin frame.');
      },
    });
    const loadScript = jest.fn(async () => {
      throw new Error('404');
    });
    await expect(resolveFleetHost({ parent }, { loadScript })).rejects.toBeInstanceOf(NoHostError);
    expect(loadScript).toHaveBeenCalledWith(CLIENT_GLOBAL_CONTEXT_PATH);
  });
});

describe('opened directly (ClientGlobalContext.js.aspx and fetch)', () => {
  test('ClientGlobalContext.js.aspx is reached at the root of the web resources folder', () => {
    // mbh_/mailboxhealth/fleet.html is two folders deep.
    expect(CLIENT_GLOBAL_CONTEXT_PATH).toBe('../../ClientGlobalContext.js.aspx');
  });

  test("loads the global context, then scans over fetch at <client URL>/api/data/v9.2/: the CLI's document, and only reads", async () => {
    const win: HostWindow = { parent: null };
    const loadScript = jest.fn(async () => {
      win.GetGlobalContext = () => ({
        getClientUrl: () => sandbox.emulator.url,
        userSettings: { userId: `{${sandbox.environment.callerId}}` },
      });
    });
    const host = await resolveFleetHost(win, { loadScript });
    expect(host.mode).toBe('direct');
    expect(host.openMailbox).toBeUndefined();
    expect(host.recordUrl('97963663-8BFB-4BDC-8DB7-5F0EE011428A')).toBe(
      `${sandbox.emulator.url}/main.aspx?etn=mailbox&pagetype=entityrecord&id=%7B97963663-8bfb-4bdc-8db7-5f0ee011428a%7D`,
    );

    const now = new Date();
    const from = sandbox.emulator.requests.length;
    const page = await scanFleet(host, { now, sleep: instant, pause: instant });
    const requests = sandbox.emulator.requests.slice(from);
    expect(requests.length).toBeGreaterThan(5);
    expect(requests.every((r) => r.method === 'GET' && r.url.startsWith('/api/data/v9.2/'))).toBe(true);
    expect(page.error).toBeUndefined();

    const cli = await run(['scan', '--url', sandbox.emulator.url, '--format', 'json'], {
      env: { DATAVERSE_TOKEN: TOKEN },
      now: () => now,
    });
    expect(cli.code).toBe(0);
    const expected = JSON.parse(cli.stdout);
    const actual = JSON.parse(JSON.stringify(page.document));
    expect(actual).toEqual(expected);
    expect(actual.total).toBeGreaterThan(10);
    expect(actual.failing + actual.warning).toBeGreaterThan(5);
  });

  test('without a global context the page says it needs Dynamics 365', async () => {
    await expect(resolveFleetHost({ parent: null }, { loadScript: async () => undefined })).rejects.toBeInstanceOf(
      NoHostError,
    );
  });
});
