/**
 * The sandbox page server: hosts the REAL built control bundle (out/controls/MailboxHealthControl/bundle.js) in a page
 * that plays the model-driven form, and the REAL built Fleet health web resource (out/webresources/fleet.html and its
 * files, under /WebResources/ as Dataverse serves them) in a page that plays the app's dialog (/fleet, with a
 * parent.Xrm stand-in: sandbox/page/fleet-host.ts). Opened directly, the web resource finds /WebResources/
 * ClientGlobalContext.js.aspx here and reads /api/data/v9.2/ on this origin, which is passed on to the emulator. Everything is served from this machine: React 16.14 and ReactDOM from
 * node_modules/react*\/umd, Fluent UI 8.121.1 from @fluentui/react's UMD build, aliased to the globals the bundle's
 * externals name (pcf-scripts: react → `Reactv16`, @fluentui/react → `FluentUIReactv81211`), the bundle, and the host
 * script (sandbox/page/harness.ts, bundled with esbuild on start). A Content-Security-Policy allows connections only
 * to this server and the emulator, so nothing leaves the machine.
 *
 *   const page = await startPageServer({ emulator, environment, port?: 0 });  page.url; await page.close();
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { unescapeXml } from '../diagnostics';
import { ENTITY_SETS, PRIMARY_KEYS } from '../cli/http/environment';
import { FLEET_ICON_FONT, FLEET_PAGE, FLEET_SCRIPT } from '../tools/solution/components';
import { API_PATH, type Emulator } from '../simulator/http/server';
import type { SampleEnvironment } from './load-sample-environment';
import type { SandboxConfig } from './page/harness';
import type { FleetSandboxConfig } from './page/fleet-host';

const ROOT = path.resolve(__dirname, '..');
export const CONTROL_OUT_DIR = path.join(ROOT, 'out', 'controls', 'MailboxHealthControl');
export const CONTROL_BUNDLE = path.join(CONTROL_OUT_DIR, 'bundle.js');
const CONTROL_NAME = 'MailboxHealth.MailboxHealthControl';
export const WEB_RESOURCE_OUT_DIR = path.join(ROOT, 'out', 'webresources');

/** The Fleet health page's files, by their path under /WebResources/ (their web resource names). */
const FLEET_FILES = new Map(
  [FLEET_PAGE, FLEET_SCRIPT, FLEET_ICON_FONT].map((resource) => [
    `/WebResources/${resource.name}`,
    resource.source.file,
  ]),
);
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** The platform libraries, and the global each must also be known by (pcf-scripts' PlatformLibraryVersions.json). */
const LIBRARIES: Record<string, { file: string; alias: string }> = {
  '/lib/react.js': { file: 'react/umd/react.production.min.js', alias: 'window.Reactv16 = window.React;' },
  '/lib/react-dom.js': {
    file: 'react-dom/umd/react-dom.production.min.js',
    alias: 'window.ReactDOMv16 = window.ReactDOM;',
  },
  '/lib/fluent.js': {
    file: '@fluentui/react/dist/fluentui-react.umd.js',
    alias: 'window.FluentUIReactv81211 = window.FluentUIReact;',
  },
};

export interface PageServer {
  url: string;
  close(): Promise<void>;
}

export interface PageServerOptions {
  emulator: Emulator;
  environment: SampleEnvironment;
  port?: number;
  /** Where the built control lives (default out/controls/MailboxHealthControl). */
  controlDir?: string;
  /** Where the built web resources live (default out/webresources). */
  webResourceDir?: string;
}

/** The control's strings as the platform would serve them: the resx the build copied next to the bundle. */
export function readResx(file: string): Record<string, string> {
  if (!fs.existsSync(file)) return {};
  const text = fs.readFileSync(file, 'utf8');
  const strings: Record<string, string> = {};
  for (const match of text.matchAll(/<data\s+name="([^"]+)"[^>]*>\s*<value>([\s\S]*?)<\/value>/g))
    strings[unescapeXml(match[1])] = unescapeXml(match[2]);
  return strings;
}

/** A file inside an installed package (read by path: package "exports" do not list the UMD builds). */
function resolvePackageFile(relative: string): string {
  const file = path.join(ROOT, 'node_modules', relative);
  if (!fs.existsSync(file)) throw new Error(`Missing ${relative}: run npm ci.`);
  return file;
}

function buildHarness(file = 'harness.ts'): string {
  const result = buildSync({
    entryPoints: [path.join(__dirname, 'page', file)],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

/**
 * A page of the sandbox: the head every page shares (its title, the sandbox's style sheet, then its scripts) and the
 * app bar of a model-driven app, then the page's own body.
 */
function sandboxPage(page: {
  title: string;
  scripts: string[];
  bodyAttributes: string;
  area: string;
  body: string;
}): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title}</title>
<link rel="stylesheet" href="/sandbox.css">
${page.scripts.map((src) => `<script src="${src}"></script>`).join('\n')}
</head>
<body ${page.bodyAttributes}>
<header class="app-bar">
  <span class="waffle" aria-hidden="true">⋮⋮⋮</span>
  <span class="app-name">Dynamics 365</span><span class="app-sep" aria-hidden="true">|</span><span class="app-area">${page.area}</span>
  <span class="app-env">Sandbox: emulated Contoso Ltd environment on this machine</span>
</header>
${page.body}`;
}

function pageHtml(): string {
  return sandboxPage({
    title: 'Mailbox Health sandbox',
    scripts: [
      '/fabric-config.js',
      '/lib/react.js',
      '/lib/react-dom.js',
      '/lib/fluent.js',
      '/registry.js',
      '/config.js',
    ],
    bodyAttributes: 'data-layout="form"',
    area: 'Settings · Email Configuration',
    body: `<div class="shell">
  <nav class="side" aria-label="Sandbox">
    <label for="mailbox-picker" class="side-label">Mailbox</label>
    <select id="mailbox-picker"></select>
    <div class="side-label" id="layout-label">Width</div>
    <div class="layout" role="group" aria-labelledby="layout-label">
      <button type="button" data-set-layout="pane" aria-pressed="false">Side pane (340 px)</button>
      <button type="button" data-set-layout="form" aria-pressed="true">Full form</button>
    </div>
    <p class="side-note">The panel below is the real built control bundle. Its Web API calls go to the local Dataverse emulator; Test &amp; Enable there takes a few seconds.</p>
    <p class="side-note"><a href="/fleet">Fleet health</a>: the whole sample fleet, as the Mailbox list's Fleet health button shows it.</p>
  </nav>
  <main class="form">
    <div class="form-header">
      <div class="form-entity">Mailbox</div>
      <h1 id="record-name" class="form-title"></h1>
      <div id="record-scenario" class="form-scenario"></div>
    </div>
    <div class="form-tabs" role="presentation"><span class="form-tab is-active">Mailbox Health</span><span class="form-tab">General</span><span class="form-tab">Related</span></div>
    <section class="form-section" aria-label="Mailbox Health">
      <div id="pcf-control" class="pcf-container"></div>
    </section>
  </main>
</div>
<script src="/control/bundle.js"></script>
<script src="/harness.js"></script>
</body>
</html>
`,
  });
}

const FLEET_PAGE_URL = `/WebResources/${FLEET_PAGE.name}`;

/** The app's dialog around the Fleet health page: the real web resource in an iframe, parent.Xrm from fleet-host.js. */
function fleetHtml(): string {
  return sandboxPage({
    title: 'Fleet health · Mailbox Health sandbox',
    scripts: ['/fleet-config.js'],
    bodyAttributes: 'class="fleet-shell"',
    area: 'Mailboxes · Fleet health',
    body: `<nav class="fleet-bar" aria-label="Sandbox">
  <a href="/">Back to the mailbox form</a>
  <span class="fleet-bar-label" id="width-label">Dialog width</span>
  <span class="layout" role="group" aria-labelledby="width-label">
    <button type="button" data-set-width="340" aria-pressed="false">340 px</button>
    <button type="button" data-set-width="dialog" aria-pressed="true">Large dialog</button>
  </span>
  <a href="${FLEET_PAGE_URL}" target="_blank" rel="noopener">Open the web resource directly</a>
</nav>
<main class="fleet-dialog">
  <iframe id="fleet-frame" title="Fleet health" data-src="${FLEET_PAGE_URL}"></iframe>
</main>
<section class="fleet-log" aria-label="Recorded navigation">
  <h2>Xrm.Navigation calls (recorded, not opened)</h2>
  <ol id="navigation-log"></ol>
</section>
<script src="/fleet-host.js"></script>
</body>
</html>
`,
  });
}

const CSS = `
*{box-sizing:border-box}
html,body{margin:0;height:100%}
body{font-family:"Segoe UI","Segoe UI Web (West European)",-apple-system,BlinkMacSystemFont,Roboto,"Helvetica Neue",sans-serif;background:#faf9f8;color:#323130;font-size:14px}
.app-bar{display:flex;align-items:center;gap:10px;height:48px;padding:0 16px;background:#002050;color:#fff;white-space:nowrap;overflow:hidden}
.waffle{font-size:14px;letter-spacing:-2px;opacity:.9}
.app-name{font-weight:600}
.app-sep{opacity:.6}
.app-area{opacity:.9;overflow:hidden;text-overflow:ellipsis}
.app-env{margin-left:auto;font-size:12px;opacity:.85;overflow:hidden;text-overflow:ellipsis}
.shell{display:flex;min-height:calc(100% - 48px)}
.side{width:280px;flex:none;padding:16px;background:#fff;border-right:1px solid #edebe9}
.side-label{display:block;font-weight:600;margin:12px 0 6px}
.side select{width:100%;padding:6px;font:inherit;border:1px solid #8a8886;border-radius:2px;background:#fff}
.layout{display:flex;gap:6px;flex-wrap:wrap}
.layout button{font:inherit;padding:5px 10px;border:1px solid #8a8886;border-radius:2px;background:#fff;cursor:pointer}
.layout button[aria-pressed=true]{background:#edebe9;border-color:#323130;font-weight:600}
.side-note{font-size:12px;color:#605e5c;line-height:1.4}
.form{flex:1;min-width:0;padding:16px 24px}
.form-header{margin-bottom:8px}
.form-entity{font-size:12px;color:#605e5c}
.form-title{font-size:20px;font-weight:600;margin:2px 0}
.form-scenario{font-size:12px;color:#605e5c}
.form-tabs{display:flex;gap:20px;border-bottom:1px solid #edebe9;margin:8px 0 12px}
.form-tab{padding:8px 0;color:#605e5c}
.form-tab.is-active{color:#323130;font-weight:600;border-bottom:2px solid #0f6cbd}
.form-section{background:#fff;border-radius:4px;box-shadow:0 1.6px 3.6px rgba(0,0,0,.13),0 .3px .9px rgba(0,0,0,.11);padding:0;max-width:1280px}
.pcf-container{width:100%}
body[data-layout=pane] .form-section{width:340px;max-width:100%}
.fleet-shell{display:flex;flex-direction:column;height:100%}
.fleet-bar{display:flex;flex-wrap:wrap;align-items:center;gap:8px 16px;padding:8px 16px;background:#fff;border-bottom:1px solid #edebe9}
.fleet-bar-label{font-weight:600}
.fleet-dialog{flex:1;min-height:600px;padding:16px;display:flex;justify-content:center}
.fleet-dialog iframe{width:100%;max-width:1280px;height:100%;min-height:600px;border:1px solid #c8c6c4;border-radius:4px;background:#fff;box-shadow:0 6.4px 14.4px rgba(0,0,0,.13)}
body[data-width="340"] .fleet-dialog iframe{width:340px}
.fleet-log{padding:0 16px 16px;font-size:12px;color:#605e5c}
.fleet-log h2{font-size:12px;margin:0 0 4px}
@media (max-width:720px){.shell{flex-direction:column}.side{width:auto;border-right:0;border-bottom:1px solid #edebe9}.form{padding:12px 0}.form-header,.form-tabs{padding:0 12px}.app-area,.app-env{display:none}}
`;

/**
 * Fluent's UMD build registers the Segoe UI font faces and the MDL2 icon font from Microsoft's CDN. Here the icons come
 * from @fluentui/font-icons-mdl2's own font files on this server, and the web fonts are skipped (system font instead).
 */
const FABRIC_CONFIG = `window.FabricConfig = { fontBaseUrl: '', iconBaseUrl: '/fluent/icons/' };`;
const ICON_FONTS = path.join(ROOT, 'node_modules', '@fluentui', 'font-icons-mdl2', 'fonts');

/** Registers constructors the way the platform does: the bundle calls ComponentFramework.registerControl. */
const REGISTRY = `window.__pcfControls = {};
window.ComponentFramework = window.ComponentFramework || {};
window.ComponentFramework.registerControl = function (name, constructor) { window.__pcfControls[name] = constructor; };`;

/** GetGlobalContext() as a web resource outside the app gets it: this origin's URL and the signed-in user. */
/** A script that sets `window[name]` to `value`; `<` escaped so a string in it cannot close the script element. */
function configScript(name: string, value: unknown): string {
  return `window.${name} = ${JSON.stringify(value).replace(/</g, '\\u003c')};`;
}

function clientGlobalContext(callerId: string): string {
  return `function GetGlobalContext(){return {getClientUrl:function(){return window.location.origin;},userSettings:{userId:${JSON.stringify(`{${callerId}}`)}}};}`;
}

/** Requests to /api/data/v9.2/ on this origin go to the emulator, as the Web API is on the app's origin in Dataverse. */
function passToEmulator(request: http.IncomingMessage, response: http.ServerResponse, emulatorUrl: string): void {
  const target = new URL(request.url ?? '/', emulatorUrl);
  const forwarded = http.request(
    target,
    { method: request.method, headers: { ...request.headers, host: target.host } },
    (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    },
  );
  forwarded.on('error', (error) => {
    response.writeHead(502, { 'Content-Type': 'text/plain' });
    response.end(error.message);
  });
  request.pipe(forwarded);
}

export async function startPageServer(options: PageServerOptions): Promise<PageServer> {
  const controlDir = options.controlDir ?? CONTROL_OUT_DIR;
  const webResourceDir = options.webResourceDir ?? WEB_RESOURCE_OUT_DIR;
  const harness = buildHarness();
  const fleetHost = buildHarness('fleet-host.ts');
  const libraries = new Map<string, string>();
  for (const [route, library] of Object.entries(LIBRARIES)) {
    libraries.set(route, `${fs.readFileSync(resolvePackageFile(library.file), 'utf8')}\n;${library.alias}\n`);
  }
  const { environment, emulator } = options;
  const mailboxes = environment.featuredMailboxIds.map((id) => {
    const row = environment.data.mailbox.find((m) => m.mailboxid === id)!;
    return { id, name: String(row.name), emailAddress: String(row.emailaddress ?? ''), scenario: '' };
  });
  const scenarios = fs.existsSync(path.join(__dirname, 'sample-expectations.json'))
    ? (
        JSON.parse(fs.readFileSync(path.join(__dirname, 'sample-expectations.json'), 'utf8')) as {
          mailboxes: Record<string, { scenario: string }>;
        }
      ).mailboxes
    : {};
  for (const mailbox of mailboxes) mailbox.scenario = scenarios[mailbox.id]?.scenario ?? '';
  const caller = environment.data.systemuser?.find((u) => u.systemuserid === environment.callerId);

  const config = (): SandboxConfig => ({
    environmentUrl: emulator.url,
    entitySets: ENTITY_SETS,
    primaryKeys: PRIMARY_KEYS,
    mailboxes,
    strings: readResx(path.join(controlDir, 'strings', 'MailboxHealthControl.1033.resx')),
    controlName: CONTROL_NAME,
    caller: { id: environment.callerId, name: String(caller?.fullname ?? 'Administrator') },
  });

  const fleetConfig = (): FleetSandboxConfig => ({
    environmentUrl: emulator.url,
    entitySets: ENTITY_SETS,
    primaryKeys: PRIMARY_KEYS,
    callerId: environment.callerId,
  });

  const csp = [
    "default-src 'self'",
    // 'unsafe-inline' stays allowed on purpose: the e2e XSS test must prove the control renders alert text as text,
    // not lean on a policy the platform does not have.
    "script-src 'self' 'unsafe-inline'",
    "style-src 'self' 'unsafe-inline'",
    `connect-src 'self' ${emulator.url}`,
    "img-src 'self' data:",
    "font-src 'self' data:",
  ].join('; ');

  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const send = (status: number, type: string, body: string | Buffer) => {
      response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'Content-Security-Policy': csp });
      response.end(body);
    };
    try {
      if (url.pathname.startsWith(API_PATH)) return passToEmulator(request, response, emulator.url);
      if (request.method !== 'GET' && request.method !== 'HEAD') return send(405, 'text/plain', 'Method not allowed');
      if (url.pathname === '/' || url.pathname === '/index.html')
        return send(200, 'text/html; charset=utf-8', pageHtml());
      if (url.pathname === '/sandbox.css') return send(200, 'text/css; charset=utf-8', CSS);
      if (url.pathname === '/favicon.ico') return send(204, 'image/x-icon', '');
      if (url.pathname === '/fabric-config.js') return send(200, 'text/javascript; charset=utf-8', FABRIC_CONFIG);
      const icon = /^\/fluent\/icons\/(fabric-icons[\w-]*\.woff)$/.exec(url.pathname);
      if (icon && fs.existsSync(path.join(ICON_FONTS, icon[1])))
        return send(200, 'font/woff', fs.readFileSync(path.join(ICON_FONTS, icon[1])));
      if (url.pathname === '/registry.js') return send(200, 'text/javascript; charset=utf-8', REGISTRY);
      if (url.pathname === '/config.js')
        return send(200, 'text/javascript; charset=utf-8', configScript('__SANDBOX__', config()));
      if (url.pathname === '/harness.js') return send(200, 'text/javascript; charset=utf-8', harness);
      if (url.pathname === '/fleet') return send(200, 'text/html; charset=utf-8', fleetHtml());
      if (url.pathname === '/fleet-config.js')
        return send(200, 'text/javascript; charset=utf-8', configScript('__FLEET_SANDBOX__', fleetConfig()));
      if (url.pathname === '/fleet-host.js') return send(200, 'text/javascript; charset=utf-8', fleetHost);
      if (url.pathname === '/WebResources/ClientGlobalContext.js.aspx')
        return send(200, 'text/javascript; charset=utf-8', clientGlobalContext(environment.callerId));
      const fleetFile = FLEET_FILES.get(url.pathname);
      if (fleetFile) {
        const file = path.join(webResourceDir, fleetFile);
        if (!fs.existsSync(file))
          return send(404, 'text/plain', 'The Fleet health page is not built: run npm run build:webresources');
        // Read on every request, so a rebuilt page is picked up on reload.
        return send(200, CONTENT_TYPES[path.extname(file)], fs.readFileSync(file));
      }
      const library = libraries.get(url.pathname);
      if (library) return send(200, 'text/javascript; charset=utf-8', library);
      if (url.pathname === '/control/bundle.js') {
        const bundle = path.join(controlDir, 'bundle.js');
        if (!fs.existsSync(bundle))
          return send(404, 'text/plain', 'The control is not built: run npm run build:control');
        // Read on every request, so a rebuilt bundle is picked up on reload.
        return send(200, 'text/javascript; charset=utf-8', fs.readFileSync(bundle));
      }
      return send(404, 'text/plain', 'Not found');
    } catch (error) {
      return send(500, 'text/plain', error instanceof Error ? error.message : String(error));
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
