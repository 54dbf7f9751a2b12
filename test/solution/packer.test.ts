import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { MAILBOX_HEALTH_FORM_ID } from '../../webresources/ribbon/mailbox-health-form';
import {
  DIAGNOSTICIAN_ROLE,
  MAILBOX_HEALTH_FORM,
  RIBBON_LOCATIONS,
  SYSTEM_ADMINISTRATOR_ROLE_ID,
  WEB_RESOURCES,
} from '../../tools/solution/components';
import { RIBBON_FUNCTION_NAMES } from '../../tools/solution/customizations';
import { ControlNotBuiltError } from '../../tools/solution/control-build';
import { packSolutions, writeSolutions, type PackedSolution } from '../../tools/solution/pack';
import type { RepoPaths } from '../../tools/solution/paths';
import { parseXml, preparePackInputs, serializeXml, unzipText, zipEntryTimestamps } from './helpers/solution-fixture';

const CONTROL_NAME = 'mbh_MailboxHealth.MailboxHealthControl';
const CONTROL_DIR = `Controls/${CONTROL_NAME}`;
const productVersion = (
  JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
    version: string;
  }
).version;

function xml(text: string | undefined): Document {
  if (text === undefined) throw new Error('zip entry missing');
  return parseXml(text);
}

function all(document: Document | Element, tagName: string): Element[] {
  return Array.from(document.getElementsByTagName(tagName));
}

function textOf(document: Document | Element, tagName: string): string[] {
  return all(document, tagName).map((element) => (element.textContent ?? '').trim());
}

let paths: RepoPaths;
let managed: PackedSolution;
let unmanaged: PackedSolution;

beforeAll(async () => {
  paths = await preparePackInputs();
  ({ managed, unmanaged } = packSolutions(paths));
});

describe('the solution zips', () => {
  test('hold exactly the solution parts, the control build the manifest names, and the web resources', () => {
    for (const solution of [managed, unmanaged]) {
      expect(solution.entries.map((entry) => entry.path)).toEqual([
        'solution.xml',
        'customizations.xml',
        `${CONTROL_DIR}/ControlManifest.xml`,
        `${CONTROL_DIR}/bundle.js`,
        `${CONTROL_DIR}/strings/MailboxHealthControl.1033.resx`,
        'WebResources/mbh_/mailboxhealth/diagnose.js',
        'WebResources/mbh_/mailboxhealth/diagnose.svg',
        'WebResources/mbh_/mailboxhealth/diagnose16.png',
        'WebResources/mbh_/mailboxhealth/diagnose32.png',
        'WebResources/mbh_/mailboxhealth/fleet-icons.css',
        'WebResources/mbh_/mailboxhealth/fleet.html',
        'WebResources/mbh_/mailboxhealth/fleet.js',
        'WebResources/mbh_/mailboxhealth/fleet.svg',
        'WebResources/mbh_/mailboxhealth/fleet16.png',
        'WebResources/mbh_/mailboxhealth/fleet32.png',
        '[Content_Types].xml',
      ]);
      expect([...unzipText(solution.zip).keys()]).toEqual(solution.entries.map((entry) => entry.path));
    }
  });

  test('leave out a file the manifest does not name, such as a leftover licence file beside the bundle', () => {
    expect(fs.existsSync(path.join(paths.builtControlDir, 'bundle.js.LICENSE.txt'))).toBe(true);
    expect([...unzipText(managed.zip).keys()].filter((name) => /license/i.test(name))).toEqual([]);
  });

  test('are named after the product version, managed and unmanaged', () => {
    expect(managed.fileName).toBe(`MailboxHealth_${productVersion}_managed.zip`);
    expect(unmanaged.fileName).toBe(`MailboxHealth_${productVersion}.zip`);
  });

  test('say Managed 1 in the managed zip and 0 in the unmanaged one, with the four-part version', () => {
    const managedManifest = xml(unzipText(managed.zip).get('solution.xml'));
    const unmanagedManifest = xml(unzipText(unmanaged.zip).get('solution.xml'));
    expect(textOf(managedManifest, 'Managed')).toEqual(['1']);
    expect(textOf(unmanagedManifest, 'Managed')).toEqual(['0']);
    expect(textOf(managedManifest, 'Version')).toEqual([`${productVersion}.0`]);
    expect(textOf(managedManifest, 'UniqueName')).toEqual(['MailboxHealth', 'mailboxhealth']);
    expect(textOf(managedManifest, 'CustomizationPrefix')).toEqual(['mbh']);
    expect(textOf(managedManifest, 'CustomizationOptionValuePrefix')).toEqual(['41720']);
  });

  test('differ only in the Managed flag', () => {
    const managedFiles = unzipText(managed.zip);
    const unmanagedFiles = unzipText(unmanaged.zip);
    for (const [name, content] of managedFiles) {
      const other = unmanagedFiles.get(name);
      if (name === 'solution.xml') {
        expect(other?.replace('<Managed>0</Managed>', '<Managed>1</Managed>')).toBe(content);
      } else {
        expect(other).toBe(content);
      }
    }
  });

  test('list the mailbox table as a shell, the form, the web resources, the control and the role as root components', () => {
    const rootComponents = all(xml(unzipText(managed.zip).get('solution.xml')), 'RootComponent').map((component) => ({
      type: component.getAttribute('type'),
      key: component.getAttribute('schemaName') ?? component.getAttribute('id'),
      behavior: component.getAttribute('behavior'),
    }));
    expect(rootComponents).toEqual([
      { type: '1', key: 'mailbox', behavior: '2' },
      { type: '60', key: `{${MAILBOX_HEALTH_FORM_ID}}`, behavior: '0' },
      ...WEB_RESOURCES.map((resource) => ({ type: '61', key: resource.name, behavior: '0' })),
      { type: '66', key: CONTROL_NAME, behavior: '0' },
      { type: '20', key: `{${DIAGNOSTICIAN_ROLE.id}}`, behavior: '0' },
    ]);
  });
});

describe('references inside the zip', () => {
  test('every file customizations.xml and the control manifest name is in the zip, and every file in the zip is named', () => {
    const files = unzipText(managed.zip);
    const customizations = xml(files.get('customizations.xml'));
    const controlManifest = xml(files.get(`${CONTROL_DIR}/ControlManifest.xml`));
    const referencedByCustomizations = textOf(customizations, 'FileName').map((fileName) =>
      fileName.replace(/^\//, ''),
    );
    const referencedByControlManifest = ['code', 'css', 'resx', 'img', 'html'].flatMap((tag) =>
      all(controlManifest, tag).map((element) => `${CONTROL_DIR}/${element.getAttribute('path')}`),
    );
    const solutionParts = ['solution.xml', 'customizations.xml', '[Content_Types].xml'];
    const referenced = [...solutionParts, ...referencedByCustomizations, ...referencedByControlManifest].sort();
    expect(referenced).toEqual([...files.keys()].sort());
  });

  test('the ribbon uses only web resources, labels, commands and rules the solution defines', () => {
    const customizations = xml(unzipText(managed.zip).get('customizations.xml'));
    const ribbon = all(customizations, 'RibbonDiffXml')[0];
    const webResourceNames = new Set(textOf(customizations, 'Name').filter((name) => name.startsWith('mbh_/')));
    const ribbonText = serializeXml(ribbon);
    const usedWebResources = [...ribbonText.matchAll(/\$webresource:([^"]+)"/g)].map((match) => match[1]);
    expect(usedWebResources.length).toBeGreaterThan(0);
    for (const name of usedWebResources) expect(webResourceNames).toContain(name);

    const labelIds = new Set(all(ribbon, 'LocLabel').map((label) => label.getAttribute('Id')));
    for (const match of ribbonText.matchAll(/\$LocLabels:([^"]+)"/g)) expect(labelIds).toContain(match[1]);

    const commandIds = new Set(all(ribbon, 'CommandDefinition').map((command) => command.getAttribute('Id')));
    for (const button of all(ribbon, 'Button')) expect(commandIds).toContain(button.getAttribute('Command'));

    const ruleIds = new Set(
      all(all(ribbon, 'RuleDefinitions')[0], 'EnableRule').map((rule) => rule.getAttribute('Id')),
    );
    for (const command of all(ribbon, 'CommandDefinition')) {
      for (const rule of all(command, 'EnableRule')) expect(ruleIds).toContain(rule.getAttribute('Id'));
    }
  });

  test('the buttons carry a modern icon and both classic sizes', () => {
    const buttons = all(xml(unzipText(managed.zip).get('customizations.xml')), 'Button');
    expect(buttons).toHaveLength(3);
    for (const button of buttons) {
      const icon = button.getAttribute('Id')?.includes('FleetHealth') ? 'fleet' : 'diagnose';
      expect(button.getAttribute('ModernImage')).toBe(`$webresource:mbh_/mailboxhealth/${icon}.svg`);
      expect(button.getAttribute('Image16by16')).toBe(`$webresource:mbh_/mailboxhealth/${icon}16.png`);
      expect(button.getAttribute('Image32by32')).toBe(`$webresource:mbh_/mailboxhealth/${icon}32.png`);
    }
  });

  test('the form enables Diagnose only on saved records and the grid only with exactly one selected', () => {
    const ribbon = all(xml(unzipText(managed.zip).get('customizations.xml')), 'RibbonDiffXml')[0];
    const ruleOf = (commandId: string): Element => {
      const command = all(ribbon, 'CommandDefinition').find((element) => element.getAttribute('Id') === commandId);
      const ruleId = all(command as Element, 'EnableRule')[0].getAttribute('Id');
      const definitions = all(all(ribbon, 'RuleDefinitions')[0], 'EnableRule');
      return definitions.find((element) => element.getAttribute('Id') === ruleId)?.firstElementChild as Element;
    };
    const formRule = ruleOf('mbh.mailbox.Diagnose.Form.Command');
    expect(formRule.tagName).toBe('FormStateRule');
    expect([formRule.getAttribute('State'), formRule.getAttribute('InvertResult')]).toEqual(['Create', 'true']);
    const gridRule = ruleOf('mbh.mailbox.Diagnose.Grid.Command');
    expect(gridRule.tagName).toBe('SelectionCountRule');
    expect([gridRule.getAttribute('Minimum'), gridRule.getAttribute('Maximum')]).toEqual(['1', '1']);
  });

  test('the control has one name in the CustomControl element, the form and the manifest it was built from', () => {
    const files = unzipText(managed.zip);
    const customizations = xml(files.get('customizations.xml'));
    const manifestControl = all(xml(files.get(`${CONTROL_DIR}/ControlManifest.xml`)), 'control')[0];
    const prefix = textOf(xml(files.get('solution.xml')), 'CustomizationPrefix')[0];
    const fromManifest = `${prefix}_${manifestControl.getAttribute('namespace')}.${manifestControl.getAttribute('constructor')}`;
    expect(fromManifest).toBe(CONTROL_NAME);
    const customControl = all(customizations, 'CustomControl')[0];
    expect(textOf(customControl, 'Name')).toEqual([CONTROL_NAME]);
    expect(textOf(customControl, 'FileName')).toEqual([`/${CONTROL_DIR}/ControlManifest.xml`]);
    const formControlNames = all(customizations, 'customControl')
      .map((element) => element.getAttribute('name'))
      .filter((name) => name !== null);
    expect(formControlNames).toEqual([CONTROL_NAME, CONTROL_NAME, CONTROL_NAME]);
  });

  test('the form is the shipped form id and binds the control property to the email address column', () => {
    const files = unzipText(managed.zip);
    const customizations = xml(files.get('customizations.xml'));
    expect(textOf(customizations, 'formid')).toEqual([`{${MAILBOX_HEALTH_FORM_ID}}`]);
    const boundProperty = all(xml(files.get(`${CONTROL_DIR}/ControlManifest.xml`)), 'property').find(
      (property) => property.getAttribute('usage') === 'bound',
    );
    expect(boundProperty?.getAttribute('name')).toBe('emailAddress');

    const emailControl = all(customizations, 'control').find(
      (control) => control.getAttribute('id') === 'emailaddress',
    );
    const description = all(customizations, 'controlDescription')[0];
    expect(description.getAttribute('forControl')).toBe(emailControl?.getAttribute('uniqueid'));
    for (const customControl of all(description, 'customControl').filter((element) => element.hasAttribute('name'))) {
      const parameter = all(customControl, 'parameters')[0].firstElementChild as Element;
      expect(parameter.tagName).toBe(boundProperty?.getAttribute('name'));
      expect(parameter.textContent).toBe('emailaddress');
      expect(parameter.getAttribute('type')).toBe('SingleLine.Email');
    }
  });

  test('[Content_Types].xml declares every file extension in the zip', () => {
    const files = unzipText(managed.zip);
    const declared = all(xml(files.get('[Content_Types].xml')), 'Default').map((element) =>
      element.getAttribute('Extension'),
    );
    const used = new Set([...files.keys()].map((name) => path.posix.extname(name).slice(1)));
    expect(declared.sort()).toEqual([...used].sort());
  });
});

describe('what a review of the zips asked for', () => {
  const customizations = () => xml(unzipText(managed.zip).get('customizations.xml'));

  test('the role grants each of its privileges at its depth, alert reading (prvReadTraceLog) at Global included', () => {
    const granted = all(customizations(), 'RolePrivilege').map((element) => [
      element.getAttribute('name'),
      element.getAttribute('level'),
    ]);
    expect(granted).toEqual(DIAGNOSTICIAN_ROLE.privileges.map((privilege) => [privilege.name, privilege.depth]));
    expect(granted).toContainEqual(['prvReadTraceLog', 'Global']);
  });

  test('the form is shown only to the shipped role and System Administrator, after the system form, never as fallback', () => {
    const conditions = all(customizations(), 'DisplayConditions');
    expect(conditions).toHaveLength(1);
    expect(conditions[0].parentElement?.tagName).toBe('form');
    expect(conditions[0].getAttribute('FallbackForm')).toBe('false');
    // Exported system main forms carry Order 0 or 1; a larger order sorts the form after them.
    expect(Number(conditions[0].getAttribute('Order'))).toBeGreaterThan(1);
    expect(all(conditions[0], 'Everyone')).toEqual([]);
    expect(all(conditions[0], 'Role').map((role) => role.getAttribute('Id'))).toEqual([
      `{${DIAGNOSTICIAN_ROLE.id}}`,
      `{${SYSTEM_ADMINISTRATOR_ROLE_ID}}`,
    ]);
  });

  test('the columns the form binds are the ones the preflight checks for', () => {
    const bound = all(customizations(), 'control').map((control) => control.getAttribute('datafieldname'));
    expect(bound).toEqual([...MAILBOX_HEALTH_FORM.columns]);
  });

  test("the form's Diagnose is disabled on the Mailbox Health form by a rule that compares the form id", () => {
    const ribbon = all(customizations(), 'RibbonDiffXml')[0];
    const command = all(ribbon, 'CommandDefinition').find(
      (element) => element.getAttribute('Id') === 'mbh.mailbox.Diagnose.Form.Command',
    ) as Element;
    const ruleIds = all(command, 'EnableRule').map((rule) => rule.getAttribute('Id'));
    const definitions = all(all(ribbon, 'RuleDefinitions')[0], 'EnableRule');
    const customRules = definitions
      .filter((rule) => ruleIds.includes(rule.getAttribute('Id')))
      .flatMap((rule) => all(rule, 'CustomRule'));
    expect(customRules).toHaveLength(1);
    expect(customRules[0].getAttribute('FunctionName')).toBe(RIBBON_FUNCTION_NAMES.outsideMailboxHealthForm);
    expect(customRules[0].getAttribute('Library')).toBe('$webresource:mbh_/mailboxhealth/diagnose.js');
    expect(customRules[0].getAttribute('Default')).toBe('true');
    expect(all(customRules[0], 'CrmParameter').map((parameter) => parameter.getAttribute('Value'))).toEqual([
      'PrimaryControl',
    ]);
    const gridCommand = all(ribbon, 'CommandDefinition').find(
      (element) => element.getAttribute('Id') === 'mbh.mailbox.Diagnose.Grid.Command',
    ) as Element;
    expect(all(gridCommand, 'EnableRule').map((rule) => rule.getAttribute('Id'))).toEqual([
      'mbh.mailbox.ExactlyOneSelected.EnableRule',
    ]);
  });

  test('the buttons go to the locations the preflight checks', () => {
    const locations = all(customizations(), 'CustomAction').map((action) => action.getAttribute('Location'));
    expect(locations).toEqual([RIBBON_LOCATIONS.form, RIBBON_LOCATIONS.grid, RIBBON_LOCATIONS.grid]);
  });

  test('the Mailbox list has an always-enabled Fleet health button that opens the page', () => {
    const ribbon = all(customizations(), 'RibbonDiffXml')[0];
    const button = all(ribbon, 'Button').find(
      (element) => element.getAttribute('Id') === 'mbh.mailbox.FleetHealth.Grid.Button',
    ) as Element;
    expect(button.parentElement?.parentElement?.getAttribute('Location')).toBe(RIBBON_LOCATIONS.grid);
    expect(button.getAttribute('ModernImage')).toBe('$webresource:mbh_/mailboxhealth/fleet.svg');
    const command = all(ribbon, 'CommandDefinition').find(
      (element) => element.getAttribute('Id') === button.getAttribute('Command'),
    ) as Element;
    expect(all(command, 'EnableRule')).toEqual([]);
    expect(all(command, 'DisplayRule')).toEqual([]);
    const actions = all(command, 'JavaScriptFunction');
    expect(actions.map((action) => [action.getAttribute('Library'), action.getAttribute('FunctionName')])).toEqual([
      ['$webresource:mbh_/mailboxhealth/diagnose.js', RIBBON_FUNCTION_NAMES.fleetHealth],
    ]);
    const labels = all(ribbon, 'LocLabel').find(
      (label) => `$LocLabels:${label.getAttribute('Id')}` === button.getAttribute('LabelText'),
    ) as Element;
    expect(all(labels, 'Title')[0].getAttribute('description')).toBe('Fleet health');
  });

  test('the page, its script and its icon font are web resources of the right types', () => {
    const resources = all(customizations(), 'WebResource').map((resource) => [
      textOf(resource, 'Name')[0],
      textOf(resource, 'WebResourceType')[0],
    ]);
    expect(resources).toEqual(
      expect.arrayContaining([
        ['mbh_/mailboxhealth/fleet.html', '1'],
        ['mbh_/mailboxhealth/fleet-icons.css', '2'],
        ['mbh_/mailboxhealth/fleet.js', '3'],
        ['mbh_/mailboxhealth/fleet.svg', '11'],
      ]),
    );
    const files = unzipText(managed.zip);
    const html = files.get('WebResources/mbh_/mailboxhealth/fleet.html') ?? '';
    // Relative URLs: a web resource reaches the others of its folder, whatever the environment's address.
    expect(html).toContain('<script src="fleet.js"></script>');
    expect(html).toMatch(/<link rel="stylesheet" href="fleet-icons.css" ?\/?>/);
    expect(files.get('WebResources/mbh_/mailboxhealth/fleet-icons.css')).toMatch(
      /@font-face\{font-family:"MbhFleetIcons";src:url\(data:font\/woff;base64,[A-Za-z0-9+/=]{8000,}\) format\("woff"\)/,
    );
  });
});

describe('determinism', () => {
  afterEach(() => jest.useRealTimers());

  test('the same input packs to byte-identical zips, whatever the clock says', () => {
    jest.useFakeTimers({ now: new Date('2031-03-04T05:06:07Z') });
    const first = packSolutions(paths);
    jest.setSystemTime(new Date('2032-11-12T13:14:15Z'));
    const second = packSolutions(paths);
    expect(Buffer.from(second.managed.zip).equals(Buffer.from(first.managed.zip))).toBe(true);
    expect(Buffer.from(second.unmanaged.zip).equals(Buffer.from(first.unmanaged.zip))).toBe(true);
  });

  test('every entry is stamped 1980-01-01 00:00', () => {
    const stamps = zipEntryTimestamps(managed.zip);
    expect(stamps.map((stamp) => stamp.name)).toEqual(managed.entries.map((entry) => entry.path));
    const januaryFirst1980 = (0 << 9) | (1 << 5) | 1;
    for (const stamp of stamps) expect([stamp.dosDate, stamp.dosTime]).toEqual([januaryFirst1980, 0]);
  });

  test('writeSolutions puts both zips in dist', () => {
    const written = writeSolutions(paths);
    expect(fs.readdirSync(paths.distDir).sort()).toEqual(written.map((solution) => solution.fileName).sort());
    for (const solution of written) {
      expect(
        Buffer.from(fs.readFileSync(path.join(paths.distDir, solution.fileName))).equals(Buffer.from(solution.zip)),
      ).toBe(true);
    }
  });
});

describe('the packer refuses to pack what was not built', () => {
  test('a missing control build says how to build it', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'mbh-no-control-'));
    expect(() => packSolutions({ ...paths, builtControlDir: empty })).toThrow(ControlNotBuiltError);
    expect(() => packSolutions({ ...paths, builtControlDir: empty })).toThrow(/npm run build:control/);
  });

  test('a control build that lost a file the manifest names is incomplete', () => {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'mbh-partial-control-'));
    fs.cpSync(paths.builtControlDir, copy, { recursive: true });
    fs.rmSync(path.join(copy, 'bundle.js'));
    expect(() => packSolutions({ ...paths, builtControlDir: copy })).toThrow(/bundle\.js missing/);
  });

  test('a missing web resource build says how to build it', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'mbh-no-webresource-'));
    expect(() => packSolutions({ ...paths, builtWebResourceDir: empty })).toThrow(/npm run build:webresources/);
  });

  test('a control built at another version than package.json is refused', async () => {
    const stale = await preparePackInputs({ controlVersion: '0.0.1' });
    expect(() => packSolutions(stale)).toThrow(
      `The built control is version 0.0.1 but package.json is ${productVersion}`,
    );
  });
});
