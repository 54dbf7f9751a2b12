/**
 * Where the page gets Dataverse from. Opened by the Fleet health button, the page is a web resource in a dialog of the
 * model-driven app: parent.Xrm.WebApi is the engine's port as is, and parent.Xrm.Navigation opens a mailbox's Mailbox
 * Health form exactly as the Diagnose command does. Opened directly (its URL in a tab), there is no parent Xrm:
 * the page loads ClientGlobalContext.js.aspx from the root of the web resources folder, whose GetGlobalContext() gives
 * the client URL and the user, and reads <client URL>/api/data/v9.2/ on the same origin with fetch (the CLI's HTTP
 * adapter; the browser's session cookie signs the requests in). Learn: "Including a reference to
 * ClientGlobalContext.js.aspx does not make the Xrm object available", so a row then opens the record in a new tab
 * (https://learn.microsoft.com/power-apps/developer/model-driven-apps/clientapi/reference/getglobalcontext-clientglobalcontext.js.aspx,
 * https://learn.microsoft.com/power-apps/developer/model-driven-apps/open-forms-views-dialogs-reports-url).
 */
import type { Caller, WebApiPort } from '../../diagnostics';
import { ENTITY_SETS, PRIMARY_KEYS } from '../../cli/http/environment';
import { createHttpPort, type Fetch } from '../../cli/http/webapi';
import { normaliseRecordId, openMailboxHealth, type RibbonNavigation } from '../ribbon/diagnose-command';
import { FLEET_HEALTH_WEB_RESOURCE, MAILBOX_ENTITY_NAME } from '../ribbon/mailbox-health-form';

export interface FleetHost {
  /** 'xrm': inside the app (parent.Xrm); 'direct': the page's own URL, over fetch. */
  mode: 'xrm' | 'direct';
  port: WebApiPort;
  /** The environment's client URL, e.g. https://contoso.crm.dynamics.com. */
  environment: string;
  caller?: Caller;
  /** Opens a mailbox's Mailbox Health form in a dialog (inside the app); absent when opened directly. */
  openMailbox?: (mailboxId: string) => Promise<unknown>;
  /** The mailbox's record in the app, for a link when there is no Xrm.Navigation. */
  recordUrl(mailboxId: string): string;
}

/** The part of the global context the page reads (Xrm.Utility.getGlobalContext() and GetGlobalContext() alike). */
interface GlobalContextLike {
  getClientUrl(): string;
  userSettings?: { userId?: string };
}

interface XrmLike {
  WebApi?: Partial<WebApiPort>;
  Navigation?: Partial<RibbonNavigation>;
  Utility?: { getGlobalContext?(): GlobalContextLike };
}

export interface HostWindow {
  parent: unknown;
  GetGlobalContext?: () => GlobalContextLike;
}

export interface HostDependencies {
  /** Adds a script to the page and resolves once it ran (rejects when it could not load). */
  loadScript(src: string): Promise<void>;
  fetch?: Fetch;
}

/**
 * ClientGlobalContext.js.aspx is at the root of the web resources folder; a web resource whose name has folders reaches
 * it with one ../ per folder (mbh_/mailboxhealth/fleet.html → ../../ClientGlobalContext.js.aspx).
 */
export const CLIENT_GLOBAL_CONTEXT_PATH = `${'../'.repeat(FLEET_HEALTH_WEB_RESOURCE.split('/').length - 1)}ClientGlobalContext.js.aspx`;

export class NoHostError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'NoHostError';
  }
}

/** parent.Xrm throws when the parent is another origin: that is "no parent Xrm", not an error. */
function parentXrm(win: HostWindow): XrmLike | undefined {
  try {
    const xrm = (win.parent as { Xrm?: unknown } | null)?.Xrm;
    return typeof xrm === 'object' && xrm !== null ? (xrm as XrmLike) : undefined;
  } catch {
    return undefined;
  }
}

function isPort(api: Partial<WebApiPort> | undefined): api is WebApiPort {
  return (
    typeof api?.retrieveRecord === 'function' &&
    typeof api.retrieveMultipleRecords === 'function' &&
    typeof api.updateRecord === 'function'
  );
}

function callerOf(context: GlobalContextLike | undefined): Caller | undefined {
  const userId = normaliseRecordId(context?.userSettings?.userId);
  // Whether the user is a System Administrator is not read (it takes the user's roles): unknown, as in the CLI.
  return userId === '' ? undefined : { userId, systemAdministrator: null };
}

function clientUrlOf(context: GlobalContextLike): string {
  return context.getClientUrl().replace(/\/+$/, '');
}

function recordUrl(environment: string): (mailboxId: string) => string {
  return (mailboxId) =>
    `${environment}/main.aspx?etn=${MAILBOX_ENTITY_NAME}&pagetype=entityrecord&id=${encodeURIComponent(`{${normaliseRecordId(mailboxId)}}`)}`;
}

export async function resolveFleetHost(win: HostWindow, dependencies: HostDependencies): Promise<FleetHost> {
  const xrm = parentXrm(win);
  if (xrm && isPort(xrm.WebApi)) {
    const context = xrm.Utility?.getGlobalContext?.();
    const environment = context ? clientUrlOf(context) : '';
    const navigation = xrm.Navigation;
    const canNavigate =
      typeof navigation?.navigateTo === 'function' && typeof navigation.openConfirmDialog === 'function';
    const caller = callerOf(context);
    return {
      mode: 'xrm',
      port: xrm.WebApi,
      environment,
      ...(caller ? { caller } : {}),
      ...(canNavigate
        ? { openMailbox: (id: string) => openMailboxHealth(normaliseRecordId(id), navigation as RibbonNavigation) }
        : {}),
      recordUrl: recordUrl(environment),
    };
  }
  try {
    await dependencies.loadScript(CLIENT_GLOBAL_CONTEXT_PATH);
  } catch {
    throw new NoHostError(CLIENT_GLOBAL_CONTEXT_PATH);
  }
  const context = win.GetGlobalContext?.();
  if (!context || typeof context.getClientUrl !== 'function') throw new NoHostError(CLIENT_GLOBAL_CONTEXT_PATH);
  const environment = clientUrlOf(context);
  const caller = callerOf(context);
  return {
    mode: 'direct',
    port: createHttpPort({
      environment,
      entitySets: ENTITY_SETS,
      primaryKeys: PRIMARY_KEYS,
      ...(dependencies.fetch ? { fetch: dependencies.fetch } : {}),
    }),
    environment,
    ...(caller ? { caller } : {}),
    recordUrl: recordUrl(environment),
  };
}

/** The browser's script loader: a <script> element, resolved on load. */
export function browserScriptLoader(document: Document): (src: string) => Promise<void> {
  return (src) =>
    new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = src;
      script.onload = () => resolve();
      script.onerror = () => reject(new Error(`${src} did not load`));
      document.head.appendChild(script);
    });
}
