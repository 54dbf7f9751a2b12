/**
 * The sandbox's stand-in for the model-driven app around the Fleet health page: the page is the REAL built web
 * resource (out/webresources/fleet.html and its script) in an iframe, as the Fleet health button's dialog holds it, and
 * this script gives it the `parent.Xrm` it looks for: Xrm.WebApi over the emulator (the CLI's HTTP adapter),
 * Xrm.Utility.getGlobalContext() with the environment's URL and the signed-in user, and an Xrm.Navigation whose
 * navigateTo is recorded (and shown on the page) instead of opening a form. Runs in the browser (bundled by esbuild
 * when the page server starts).
 */
import { createHttpPort } from '../../cli/http/webapi';

export interface FleetSandboxConfig {
  environmentUrl: string;
  entitySets: Record<string, string>;
  primaryKeys: Record<string, string>;
  callerId: string;
}

export interface RecordedNavigation {
  pageInput: unknown;
  options: unknown;
}

const config = (window as unknown as { __FLEET_SANDBOX__: FleetSandboxConfig }).__FLEET_SANDBOX__;
const navigations: RecordedNavigation[] = [];
const alerts: unknown[] = [];
const log = document.getElementById('navigation-log');

function show(text: string): void {
  if (!log) return;
  const item = document.createElement('li');
  item.textContent = text;
  log.appendChild(item);
}

const xrm = {
  WebApi: createHttpPort({
    environment: config.environmentUrl,
    entitySets: config.entitySets,
    primaryKeys: config.primaryKeys,
  }),
  Navigation: {
    navigateTo(pageInput: { entityId?: string; formId?: string }, options: unknown) {
      navigations.push({ pageInput, options });
      show(`navigateTo: Mailbox Health form ${pageInput.formId ?? ''} of mailbox ${pageInput.entityId ?? ''}`);
      return Promise.resolve();
    },
    openAlertDialog(alert: unknown) {
      alerts.push(alert);
      return Promise.resolve();
    },
    openConfirmDialog(dialog: unknown) {
      alerts.push(dialog);
      return Promise.resolve({ confirmed: false });
    },
  },
  Utility: {
    getGlobalContext: () => ({
      getClientUrl: () => config.environmentUrl,
      userSettings: { userId: `{${config.callerId}}` },
    }),
  },
};
// Assigned, not declared: the global Xrm's type is the real one's, which a stand-in does not claim to be.
Object.assign(window, { Xrm: xrm, __fleetSandbox: { navigations, alerts } });

const params = new URLSearchParams(window.location.search);
const width = params.get('width') === '340' ? '340' : 'dialog';
document.body.dataset.width = width;
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-set-width]')) {
  button.setAttribute('aria-pressed', String(button.dataset.setWidth === width));
  button.addEventListener('click', () => {
    const url = new URL(window.location.href);
    url.searchParams.set('width', button.dataset.setWidth ?? 'dialog');
    window.location.href = url.toString();
  });
}
// The iframe loads after Xrm exists, as in the app (the dialog's page runs after the app's scripts).
const frame = document.getElementById('fleet-frame') as HTMLIFrameElement;
frame.src = frame.dataset.src ?? '';
