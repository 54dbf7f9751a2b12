/**
 * The sandbox page server: hosts the REAL built control bundle (out/controls/MailboxHealthControl/bundle.js) in a page
 * that plays the model-driven form. Everything is served from this machine: React 16.14 and ReactDOM from
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
import { ENTITY_SETS, PRIMARY_KEYS } from '../cli/http/environment';
import type { Emulator } from './emulator/server';
import type { SampleEnvironment } from './sampleEnvironment';
import type { SandboxConfig } from './page/harness';

const ROOT = path.resolve(__dirname, '..');
export const CONTROL_OUT_DIR = path.join(ROOT, 'out', 'controls', 'MailboxHealthControl');
export const CONTROL_BUNDLE = path.join(CONTROL_OUT_DIR, 'bundle.js');
const CONTROL_NAME = 'MailboxHealth.MailboxHealthControl';

/** The platform libraries, and the global each must also be known by (pcf-scripts' PlatformLibraryVersions.json). */
const LIBRARIES: Record<string, { file: string; alias: string }> = {
  '/lib/react.js': { file: 'react/umd/react.production.min.js', alias: 'window.Reactv16 = window.React;' },
  '/lib/react-dom.js': { file: 'react-dom/umd/react-dom.production.min.js', alias: 'window.ReactDOMv16 = window.ReactDOM;' },
  '/lib/fluent.js': { file: '@fluentui/react/dist/fluentui-react.umd.js', alias: 'window.FluentUIReactv81211 = window.FluentUIReact;' },
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
}

/** The control's strings as the platform would serve them: the resx the build copied next to the bundle. */
export function readResx(file: string): Record<string, string> {
  if (!fs.existsSync(file)) return {};
  const text = fs.readFileSync(file, 'utf8');
  const strings: Record<string, string> = {};
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  for (const match of text.matchAll(/<data\s+name="([^"]+)"[^>]*>\s*<value>([\s\S]*?)<\/value>/g)) strings[unescape(match[1])] = unescape(match[2]);
  return strings;
}

/** A file inside an installed package (read by path: package "exports" do not list the UMD builds). */
function resolvePackageFile(relative: string): string {
  const file = path.join(ROOT, 'node_modules', relative);
  if (!fs.existsSync(file)) throw new Error(`Missing ${relative}: run npm ci.`);
  return file;
}

function buildHarness(): string {
  const result = buildSync({
    entryPoints: [path.join(__dirname, 'page', 'harness.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

function pageHtml(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Mailbox Health sandbox</title>
<link rel="stylesheet" href="/sandbox.css">
<script src="/fabric-config.js"></script>
<script src="/lib/react.js"></script>
<script src="/lib/react-dom.js"></script>
<script src="/lib/fluent.js"></script>
<script src="/registry.js"></script>
<script src="/config.js"></script>
</head>
<body data-layout="form">
<header class="app-bar">
  <span class="waffle" aria-hidden="true">⋮⋮⋮</span>
  <span class="app-name">Dynamics 365</span><span class="app-sep" aria-hidden="true">|</span><span class="app-area">Settings · Email Configuration</span>
  <span class="app-env">Sandbox: emulated Contoso Ltd environment on this machine</span>
</header>
<div class="shell">
  <nav class="side" aria-label="Sandbox">
    <label for="mailbox-picker" class="side-label">Mailbox</label>
    <select id="mailbox-picker"></select>
    <div class="side-label" id="layout-label">Width</div>
    <div class="layout" role="group" aria-labelledby="layout-label">
      <button type="button" data-set-layout="pane" aria-pressed="false">Side pane (340 px)</button>
      <button type="button" data-set-layout="form" aria-pressed="true">Full form</button>
    </div>
    <p class="side-note">The panel below is the real built control bundle. Its Web API calls go to the local Dataverse emulator; Test &amp; Enable there takes a few seconds.</p>
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
`;
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

export async function startPageServer(options: PageServerOptions): Promise<PageServer> {
  const controlDir = options.controlDir ?? CONTROL_OUT_DIR;
  const harness = buildHarness();
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
    ? (JSON.parse(fs.readFileSync(path.join(__dirname, 'sample-expectations.json'), 'utf8')) as { mailboxes: Record<string, { scenario: string }> }).mailboxes
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
      if (request.method !== 'GET' && request.method !== 'HEAD') return send(405, 'text/plain', 'Method not allowed');
      if (url.pathname === '/' || url.pathname === '/index.html') return send(200, 'text/html; charset=utf-8', pageHtml());
      if (url.pathname === '/sandbox.css') return send(200, 'text/css; charset=utf-8', CSS);
      if (url.pathname === '/favicon.ico') return send(204, 'image/x-icon', '');
      if (url.pathname === '/fabric-config.js') return send(200, 'text/javascript; charset=utf-8', FABRIC_CONFIG);
      const icon = /^\/fluent\/icons\/(fabric-icons[\w-]*\.woff)$/.exec(url.pathname);
      if (icon && fs.existsSync(path.join(ICON_FONTS, icon[1]))) return send(200, 'font/woff', fs.readFileSync(path.join(ICON_FONTS, icon[1])));
      if (url.pathname === '/registry.js') return send(200, 'text/javascript; charset=utf-8', REGISTRY);
      if (url.pathname === '/config.js') return send(200, 'text/javascript; charset=utf-8', `window.__SANDBOX__ = ${JSON.stringify(config()).replace(/</g, '\\u003c')};`);
      if (url.pathname === '/harness.js') return send(200, 'text/javascript; charset=utf-8', harness);
      const library = libraries.get(url.pathname);
      if (library) return send(200, 'text/javascript; charset=utf-8', library);
      if (url.pathname === '/control/bundle.js') {
        const bundle = path.join(controlDir, 'bundle.js');
        if (!fs.existsSync(bundle)) return send(404, 'text/plain', 'The control is not built: run npm run build:control');
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
