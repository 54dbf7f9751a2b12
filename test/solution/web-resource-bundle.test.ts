import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { en } from '../../diagnostics';
import { ribbonEn } from '../../webresources/ribbon/strings.en';
import { RIBBON_FUNCTION_NAMES } from '../../tools/solution/customizations';
import { DIAGNOSE_SCRIPT } from '../../tools/solution/components';
import { packSolutions } from '../../tools/solution/pack';
import { MAILBOX_HEALTH_FORM_ID } from '../../webresources/ribbon/mailbox-health-form';
import { parseXml, preparePackInputs, unzipText } from './helpers/solution-fixture';

let script: string;
let ribbonFunctionNames: string[];

beforeAll(async () => {
  const paths = await preparePackInputs();
  const files = unzipText(packSolutions(paths).managed.zip);
  script = files.get(`WebResources/${DIAGNOSE_SCRIPT.name}`) ?? '';
  const customizations = parseXml(files.get('customizations.xml') ?? '');
  ribbonFunctionNames = ['JavaScriptFunction', 'CustomRule'].flatMap((tag) =>
    Array.from(customizations.getElementsByTagName(tag)).map((element) => element.getAttribute('FunctionName') ?? ''),
  );
  // The zip carries exactly what esbuild wrote.
  expect(script).toBe(fs.readFileSync(path.join(paths.builtWebResourceDir, DIAGNOSE_SCRIPT.source.file), 'utf8'));
});

/** Runs the web resource as the browser would: one classic script in a global scope that holds Xrm. */
function loadScript(xrm: unknown = undefined): vm.Context {
  const context = vm.createContext({ Xrm: xrm });
  vm.runInContext(script, context, { filename: DIAGNOSE_SCRIPT.name });
  return context;
}

function resolveGlobal(context: vm.Context, dottedName: string): unknown {
  return dottedName
    .split('.')
    .reduce<unknown>((scope, name) => (scope as Record<string, unknown> | undefined)?.[name], context);
}

test('the ribbon calls the three command functions and the form enable rule', () => {
  expect([...ribbonFunctionNames].sort()).toEqual(
    [
      RIBBON_FUNCTION_NAMES.fromForm,
      RIBBON_FUNCTION_NAMES.fromGrid,
      RIBBON_FUNCTION_NAMES.outsideMailboxHealthForm,
      RIBBON_FUNCTION_NAMES.fleetHealth,
    ].sort(),
  );
});

test('the built enable rule is false on the Mailbox Health form only', () => {
  const isOutside = resolveGlobal(loadScript(), RIBBON_FUNCTION_NAMES.outsideMailboxHealthForm) as (
    form: unknown,
  ) => boolean;
  const onForm = (id: string | null) => ({
    ui: { formSelector: { getCurrentItem: () => (id === null ? null : { getId: () => id }) } },
  });
  expect(isOutside(onForm(`{${MAILBOX_HEALTH_FORM_ID.toUpperCase()}}`))).toBe(false);
  expect(isOutside(onForm('{8E2A1D4C-0000-4000-8000-000000000001}'))).toBe(true);
  expect(isOutside(onForm(null))).toBe(true);
});

test('every function the RibbonDiffXml names is a global function of the built web resource', () => {
  const context = loadScript();
  for (const name of ribbonFunctionNames) expect(typeof resolveGlobal(context, name)).toBe('function');
});

test('the web resource is one self-contained classic script: no module syntax, no require, no source map', () => {
  expect(script).not.toMatch(/^\s*(import|export)\s/m);
  expect(script).not.toMatch(/\brequire\(/);
  expect(script).not.toMatch(/sourceMappingURL/);
  expect(script.length).toBeLessThan(20_000);
});

test("the web resource carries the ribbon's own strings and none of the engine's", () => {
  const ribbonKeys = Object.keys(ribbonEn);
  expect(ribbonKeys.length).toBeGreaterThan(0);
  for (const key of ribbonKeys) expect(script).toContain(JSON.stringify(key));
  expect(script).not.toContain('check.alerts.title');
  expect(script).not.toContain(en['reason.privilege']);
});

test("the built grid command explains a multiple selection in the ribbon catalogue's words", async () => {
  const alerts: unknown[] = [];
  const context = loadScript({
    Navigation: {
      navigateTo: () => Promise.reject(new Error('nothing should open')),
      openAlertDialog: (alert: unknown) => {
        alerts.push(alert);
        return Promise.resolve();
      },
      openErrorDialog: () => Promise.reject(new Error('no error expected')),
    },
  });
  const diagnoseFromGrid = resolveGlobal(context, RIBBON_FUNCTION_NAMES.fromGrid) as (ids: string[]) => Promise<string>;
  await expect(diagnoseFromGrid(['a', 'b', 'c'])).resolves.toBe('many-selected');
  expect(JSON.parse(JSON.stringify(alerts))).toEqual([
    { title: ribbonEn['ribbon.selection.title'], text: ribbonEn['ribbon.selection.many'].replace('{count}', '3') },
  ]);
});

/** The built script with an Xrm.Navigation that records what it is asked to open and expects no dialog. */
function loadScriptRecordingNavigation() {
  const calls: unknown[][] = [];
  const context = loadScript({
    Navigation: {
      navigateTo: (...args: unknown[]) => {
        calls.push(args);
        return Promise.resolve();
      },
      openAlertDialog: () => Promise.reject(new Error('no alert expected')),
      openErrorDialog: () => Promise.reject(new Error('no error expected')),
    },
  });
  return { calls, context };
}

test('the built grid command opens the Mailbox Health form through the global Xrm.Navigation', async () => {
  const { calls, context } = loadScriptRecordingNavigation();
  const diagnoseFromGrid = resolveGlobal(context, RIBBON_FUNCTION_NAMES.fromGrid) as (ids: string[]) => Promise<string>;
  await expect(diagnoseFromGrid(['{0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0}'])).resolves.toBe('side-dialog');
  expect(JSON.parse(JSON.stringify(calls))).toEqual([
    [
      {
        pageType: 'entityrecord',
        entityName: 'mailbox',
        entityId: '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0',
        formId: MAILBOX_HEALTH_FORM_ID,
      },
      { target: 2, position: 2, width: { value: 40, unit: '%' }, title: 'Mailbox Health' },
    ],
  ]);
});

test('the built Fleet health command opens the Fleet health page in a large dialog through the global Xrm.Navigation', async () => {
  const { calls, context } = loadScriptRecordingNavigation();
  const openFleetHealth = resolveGlobal(context, RIBBON_FUNCTION_NAMES.fleetHealth) as () => Promise<string>;
  await expect(openFleetHealth()).resolves.toBe('opened');
  expect(JSON.parse(JSON.stringify(calls))).toEqual([
    [
      { pageType: 'webresource', webresourceName: 'mbh_/mailboxhealth/fleet.html' },
      {
        target: 2,
        position: 1,
        width: { value: 90, unit: '%' },
        height: { value: 90, unit: '%' },
        title: 'Fleet health',
      },
    ],
  ]);
});
