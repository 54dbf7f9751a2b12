import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { packSolutions } from '../../tools/solution/pack';
import { preparePackInputs, unzipText } from './helpers/solutionFixture';

/** Microsoft's 2018 customization schemas, shipped in the shared reference folder beside the repository. */
const SCHEMA = path.resolve(__dirname, '..', '..', '..', 'shared', 'reference', 'xsd', 'CustomizationsSolution.xsd');

function xmllint(xmlFile: string): { status: number | null; output: string } {
  const result = spawnSync('xmllint', ['--noout', '--schema', SCHEMA, xmlFile], { encoding: 'utf8' });
  if (result.error) {
    // Fail, never skip: CI installs libxml2-utils (.ci/run), and a skipped validation would look like a pass.
    throw new Error(`xmllint could not run (${result.error.message}). Install it: apt-get install -y libxml2-utils`);
  }
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

let customizationsXml: string;
let workDir: string;

beforeAll(async () => {
  const { managed } = packSolutions(await preparePackInputs());
  customizationsXml = unzipText(managed.zip).get('customizations.xml') ?? '';
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mbh-xsd-'));
});

function validate(xml: string, name: string): { status: number | null; output: string } {
  const file = path.join(workDir, name);
  fs.writeFileSync(file, xml);
  return xmllint(file);
}

test('the schema is where the validation expects it', () => {
  expect(fs.existsSync(SCHEMA)).toBe(true);
});

test('the packed customizations.xml validates against CustomizationsSolution.xsd', () => {
  const result = validate(customizationsXml, 'customizations.xml');
  expect(result.output).toContain('validates');
  expect(result.status).toBe(0);
});

test('the validation catches a ribbon rule the schema does not allow', () => {
  const broken = customizationsXml.replace('State="Create"', 'State="Unsaved"');
  expect(broken).not.toBe(customizationsXml);
  const result = validate(broken, 'broken-ribbon.xml');
  expect(result.status).not.toBe(0);
  expect(result.output).toMatch(/FormStateRule/);
});

test('the validation catches a misplaced form element', () => {
  const broken = customizationsXml.replace(
    '<FormActivationState>1</FormActivationState>',
    '<FormActivationState>1</FormActivationState><IsDefault>1</IsDefault>',
  );
  expect(broken).not.toBe(customizationsXml);
  const result = validate(broken, 'broken-form.xml');
  expect(result.status).not.toBe(0);
  expect(result.output).toMatch(/IsDefault/);
});

test('the validation catches a form display condition the schema does not allow', () => {
  const broken = customizationsXml.replace('FallbackForm="false"', 'FallbackForm="never"');
  expect(broken).not.toBe(customizationsXml);
  const result = validate(broken, 'broken-display-conditions.xml');
  expect(result.status).not.toBe(0);
  expect(result.output).toMatch(/FallbackForm/);
});
