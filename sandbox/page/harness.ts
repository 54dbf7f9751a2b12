/**
 * The sandbox page's host: plays the part of the model-driven form for the REAL built control bundle.
 * Runs in the browser (bundled by esbuild when the page server starts). The platform libraries are the globals the
 * bundle's externals name (Reactv16, FluentUIReactv81211), loaded before this script from node_modules; the bundle
 * registers its constructor through ComponentFramework.registerControl (see the page's registry script), and this
 * host builds a PCF context whose webAPI calls the emulator over HTTP, then renders the virtual control's element
 * with ReactDOM 16, as the platform does. context.fluentDesignLanguage is left undefined, as it can be on the platform.
 */
import type { WebApiPort } from '../../diagnostics';
import { createHttpPort } from '../../cli/http/webapi';

export interface SandboxConfig {
  environmentUrl: string;
  entitySets: Record<string, string>;
  primaryKeys: Record<string, string>;
  mailboxes: { id: string; name: string; emailAddress: string; scenario: string }[];
  strings: Record<string, string>;
  controlName: string;
  caller: { id: string; name: string };
}

interface ControlInstance {
  init(context: unknown, notifyOutputChanged?: () => void, state?: unknown): void;
  updateView(context: unknown): unknown;
  destroy(): void;
  getOutputs?(): unknown;
}

type ControlConstructor = new () => ControlInstance;

interface SandboxWindow {
  __SANDBOX__: SandboxConfig;
  __pcfControls: Record<string, ControlConstructor>;
  ReactDOM: { render(element: unknown, container: Element): void; unmountComponentAtNode(container: Element): boolean };
  __sandbox?: { context: unknown; rerender(): void; select(id: string): void; ready: boolean };
}

const win = window as unknown as SandboxWindow & Window;
const config = win.__SANDBOX__;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function notSupported(what: string): Promise<never> {
  return Promise.reject({ errorCode: 0x80040216, message: `${what} is not available in the sandbox.` });
}

function createContext(
  mailbox: SandboxConfig['mailboxes'][number],
  container: HTMLElement,
  webAPI: WebApiPort,
  rerender: () => void,
) {
  const formatDateShort = (value: Date, includeTime?: boolean) => {
    const date = `${pad(value.getMonth() + 1)}/${pad(value.getDate())}/${value.getFullYear()}`;
    return includeTime ? `${date} ${pad(value.getHours())}:${pad(value.getMinutes())}` : date;
  };
  let tracking = false;
  const mode = {
    allocatedWidth: container.clientWidth,
    allocatedHeight: -1,
    isControlDisabled: false,
    isVisible: true,
    label: 'Mailbox health',
    trackContainerResize(value: boolean) {
      tracking = value;
    },
    setControlState: () => true,
    setFullScreen: () => undefined,
    contextInfo: { entityId: mailbox.id, entityTypeName: 'mailbox', entityRecordName: mailbox.name },
  };
  const context = {
    parameters: {
      emailAddress: {
        raw: mailbox.emailAddress,
        formatted: mailbox.emailAddress,
        type: 'SingleLine.Email',
        error: false,
        errorMessage: '',
        attributes: { DisplayName: 'Email Address', LogicalName: 'emailaddress', RequiredLevel: 2 },
        security: { editable: true, readable: true, secured: false },
      },
    },
    mode,
    webAPI: {
      ...webAPI,
      createRecord: () => notSupported('createRecord'),
      deleteRecord: () => notSupported('deleteRecord'),
    },
    resources: {
      // Like the platform: a key the resx does not hold comes back as the key itself.
      getString: (key: string) => config.strings[key] ?? key,
      getResource: (_id: string, _success: unknown, failure: () => void) => failure(),
    },
    userSettings: {
      getTimeZoneOffsetMinutes: (date?: Date) => -(date ?? new Date()).getTimezoneOffset(),
      languageId: 1033,
      isRTL: false,
      userId: `{${config.caller.id}}`,
      userName: config.caller.name,
      securityRoles: [],
      dateFormattingInfo: { shortDatePattern: 'M/d/yyyy', shortTimePattern: 'h:mm tt', firstDayOfWeek: 0 },
      numberFormattingInfo: { numberDecimalSeparator: '.', numberGroupSeparator: ',' },
    },
    formatting: {
      formatDateShort,
      formatDateLong: (value: Date) => value.toDateString(),
      formatTime: (value: Date) => `${pad(value.getHours())}:${pad(value.getMinutes())}`,
      formatInteger: (value: number) => value.toLocaleString('en-US'),
      formatDecimal: (value: number) => value.toLocaleString('en-US'),
      formatUserDateTimeToUTC: (value: Date) => value.toISOString(),
      getWeekOfYear: () => 1,
    },
    utility: {
      getEntityMetadata: () => notSupported('getEntityMetadata'),
      hasEntityPrivilege: () => true,
      lookupObjects: () => notSupported('lookupObjects'),
    },
    navigation: {
      openUrl: (url: string) => {
        window.open(url, '_blank', 'noopener');
      },
      openAlertDialog: () => Promise.resolve(),
      openConfirmDialog: () => Promise.resolve({ confirmed: false }),
      openErrorDialog: () => Promise.resolve(),
      openForm: () => notSupported('openForm'),
      openWebResource: () => undefined,
    },
    client: {
      disableScroll: false,
      getClient: () => 'Web',
      getFormFactor: () => 1,
      isOffline: () => false,
      isNetworkAvailable: () => true,
    },
    device: {},
    factory: { requestRender: rerender, getPopupService: () => undefined },
    updatedProperties: [] as string[],
    page: {
      entityId: mailbox.id,
      entityTypeName: 'mailbox',
      isPageReadOnly: false,
      appId: '00000000-0000-0000-0000-00000000a9b1',
      getClientUrl: () => config.environmentUrl,
    },
    fluentDesignLanguage: undefined,
    events: {},
  };
  return { context, mode, isTracking: () => tracking };
}

function start(): void {
  const Control = win.__pcfControls[config.controlName];
  const container = document.getElementById('pcf-control')!;
  const picker = document.getElementById('mailbox-picker') as HTMLSelectElement;
  const recordName = document.getElementById('record-name')!;
  const recordScenario = document.getElementById('record-scenario')!;
  const webAPI = createHttpPort({
    environment: config.environmentUrl,
    entitySets: config.entitySets,
    primaryKeys: config.primaryKeys,
  });
  if (!Control) {
    container.textContent = `The control bundle did not register ${config.controlName}.`;
    return;
  }
  let instance: ControlInstance | null = null;
  let current: ReturnType<typeof createContext> | null = null;

  const render = () => {
    if (!instance || !current) return;
    current.mode.allocatedWidth = container.clientWidth;
    win.ReactDOM.render(instance.updateView(current.context), container);
  };

  const select = (id: string) => {
    const mailbox = config.mailboxes.find((m) => m.id === id) ?? config.mailboxes[0];
    if (instance) {
      instance.destroy();
      win.ReactDOM.unmountComponentAtNode(container);
    }
    picker.value = mailbox.id;
    recordName.textContent = mailbox.name;
    recordScenario.textContent = mailbox.scenario;
    document.title = `${mailbox.name} · Mailbox · Mailbox Health sandbox`;
    const url = new URL(window.location.href);
    url.searchParams.set('mailbox', mailbox.id);
    window.history.replaceState(null, '', url.toString());
    instance = new Control();
    current = createContext(mailbox, container, webAPI, render);
    instance.init(current.context, () => undefined, {});
    current.context.updatedProperties = ['parameters', 'emailAddress'];
    render();
  };

  for (const mailbox of config.mailboxes) {
    const option = document.createElement('option');
    option.value = mailbox.id;
    option.textContent = `${mailbox.name} — ${mailbox.scenario}`;
    picker.appendChild(option);
  }
  picker.addEventListener('change', () => select(picker.value));

  let lastWidth = container.clientWidth;
  new ResizeObserver(() => {
    if (!current?.isTracking() || container.clientWidth === lastWidth) return;
    lastWidth = container.clientWidth;
    if (current) current.context.updatedProperties = ['layout'];
    render();
  }).observe(container);

  const params = new URLSearchParams(window.location.search);
  const setLayout = (layout: string) => {
    document.body.dataset.layout = layout === 'pane' ? 'pane' : 'form';
    for (const button of document.querySelectorAll<HTMLButtonElement>('[data-set-layout]')) {
      button.setAttribute('aria-pressed', String(button.dataset.setLayout === document.body.dataset.layout));
    }
    const url = new URL(window.location.href);
    url.searchParams.set('layout', document.body.dataset.layout);
    window.history.replaceState(null, '', url.toString());
  };
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-set-layout]')) {
    button.addEventListener('click', () => setLayout(button.dataset.setLayout ?? 'form'));
  }
  setLayout(params.get('layout') ?? 'form');
  select(params.get('mailbox') ?? config.mailboxes[0].id);
  win.__sandbox = {
    get context() {
      return current?.context;
    },
    rerender: render,
    select,
    ready: true,
  };
}

start();
