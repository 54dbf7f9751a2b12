import { packSolutions } from '../../tools/solution/pack';
import { validateCustomizations } from './helpers/customizationsSchema';
import { preparePackInputs, unzipText } from './helpers/solutionFixture';

let customizationsXml: string;

beforeAll(async () => {
  const { managed } = packSolutions(await preparePackInputs());
  customizationsXml = unzipText(managed.zip).get('customizations.xml') ?? '';
});

/** The packed customizations.xml with one planted change (which must really change it). */
function planted(search: string | RegExp, replacement: string): string {
  const changed = customizationsXml.replace(search, replacement);
  expect(changed).not.toBe(customizationsXml);
  return changed;
}

test('the packed customizations.xml validates against CustomizationsSolution.xsd', async () => {
  const result = await validateCustomizations(customizationsXml);
  expect(result.output).toContain('validates');
  expect(result.valid).toBe(true);
});

describe('the validation rejects an invalid customizations.xml', () => {
  test('a ribbon rule value the schema does not allow', async () => {
    const result = await validateCustomizations(planted('State="Create"', 'State="Unsaved"'));
    expect(result.valid).toBe(false);
    expect(result.output).toMatch(/FormStateRule/);
  });

  test('a ribbon rule without its required attribute', async () => {
    const result = await validateCustomizations(planted('<FormStateRule State="Create" ', '<FormStateRule '));
    expect(result.valid).toBe(false);
    expect(result.output).toMatch(/FormStateRule.*'State' is required/);
  });

  test('a ribbon element where the schema expects another', async () => {
    // A button straight inside its custom action, without the CommandUIDefinition that must hold it.
    const result = await validateCustomizations(
      planted(
        '<CommandUIDefinition>',
        '<Button Id="mbh.planted.Button" Command="mbh.mailbox.Diagnose.Form.Command" /><CommandUIDefinition>',
      ),
    );
    expect(result.valid).toBe(false);
    expect(result.output).toMatch(/Element 'Button': This element is not expected/);
  });

  test('a misplaced form element', async () => {
    const result = await validateCustomizations(
      planted(
        '<FormActivationState>1</FormActivationState>',
        '<FormActivationState>1</FormActivationState><IsDefault>1</IsDefault>',
      ),
    );
    expect(result.valid).toBe(false);
    expect(result.output).toMatch(/IsDefault/);
  });

  test('an element the schema does not know', async () => {
    const result = await validateCustomizations(planted('<tabs>', '<tabs><healthPanel />'));
    expect(result.valid).toBe(false);
    expect(result.output).toMatch(/Element 'healthPanel': This element is not expected/);
  });
});

describe('the patched FormXml.xsd (vendor/customization-xsd/README.md)', () => {
  // The alternative removed for libxml2 held only the search widget parameters; the tabs alternative holds them too.
  const searchWidgetControl = (parameters: string) =>
    planted(/(<control id="name" [^>]*?) \/>/, `$1><parameters>${parameters}</parameters></control>`);

  test('still accepts the search widget parameters of a form control', async () => {
    const result = await validateCustomizations(
      searchWidgetControl('<FilterResults>all</FilterResults><NumberOfResults>5</NumberOfResults>'),
    );
    expect(result.output).toContain('validates');
    expect(result.valid).toBe(true);
  });

  test('still checks their types', async () => {
    const result = await validateCustomizations(searchWidgetControl('<NumberOfResults>many</NumberOfResults>'));
    expect(result.valid).toBe(false);
    expect(result.output).toMatch(/NumberOfResults/);
  });
});
