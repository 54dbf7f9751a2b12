import { packSolutions } from '../../tools/solution/pack';
import { validateCustomizations, type SchemaValidation } from './helpers/customizations-schema';
import { preparePackInputs, unzipText } from './helpers/solution-fixture';

/** The packed customizations.xml with one planted change (which must really change it). */
function planted(xml: string, search: string | RegExp, replacement: string): string {
  const changed = xml.replace(search, replacement);
  if (changed === xml) throw new Error(`Nothing to plant: ${String(search)} is not in customizations.xml`);
  return changed;
}

function documents(xml: string) {
  // The alternative removed for libxml2 held only the search widget parameters; the tabs alternative holds them too.
  const searchWidgetControl = (parameters: string) =>
    planted(xml, /(<control id="name" [^>]*?) \/>/, `$1><parameters>${parameters}</parameters></control>`);
  return {
    packed: xml,
    ribbonRuleValue: planted(xml, 'State="Create"', 'State="Unsaved"'),
    ribbonRuleWithoutAttribute: planted(xml, '<FormStateRule State="Create" ', '<FormStateRule '),
    // A button straight inside its custom action, without the CommandUIDefinition that must hold it.
    ribbonElementMisplaced: planted(
      xml,
      '<CommandUIDefinition>',
      '<Button Id="mbh.planted.Button" Command="mbh.mailbox.Diagnose.Form.Command" /><CommandUIDefinition>',
    ),
    formElementMisplaced: planted(
      xml,
      '<FormActivationState>1</FormActivationState>',
      '<FormActivationState>1</FormActivationState><IsDefault>1</IsDefault>',
    ),
    unknownElement: planted(xml, '<tabs>', '<tabs><healthPanel />'),
    searchWidget: searchWidgetControl('<FilterResults>all</FilterResults><NumberOfResults>5</NumberOfResults>'),
    searchWidgetWrongType: searchWidgetControl('<NumberOfResults>many</NumberOfResults>'),
    displayConditionValue: planted(xml, 'FallbackForm="false"', 'FallbackForm="never"'),
  };
}

let results: Record<keyof ReturnType<typeof documents>, SchemaValidation>;

beforeAll(async () => {
  const { managed } = packSolutions(await preparePackInputs());
  results = await validateCustomizations(documents(unzipText(managed.zip).get('customizations.xml') ?? ''));
});

test('the packed customizations.xml validates against CustomizationsSolution.xsd', () => {
  expect(results.packed.output).toBe('packed.xml validates');
  expect(results.packed.valid).toBe(true);
});

describe('the validation rejects an invalid customizations.xml', () => {
  test('a ribbon rule value the schema does not allow', () => {
    expect(results.ribbonRuleValue.valid).toBe(false);
    expect(results.ribbonRuleValue.output).toMatch(/Element 'FormStateRule', attribute 'State'.*'Unsaved'/);
  });

  test('a ribbon rule without its required attribute', () => {
    expect(results.ribbonRuleWithoutAttribute.valid).toBe(false);
    expect(results.ribbonRuleWithoutAttribute.output).toMatch(/FormStateRule.*'State' is required/);
  });

  test('a ribbon element where the schema expects another', () => {
    expect(results.ribbonElementMisplaced.valid).toBe(false);
    expect(results.ribbonElementMisplaced.output).toMatch(/Element 'Button': This element is not expected/);
  });

  test('a misplaced form element', () => {
    expect(results.formElementMisplaced.valid).toBe(false);
    expect(results.formElementMisplaced.output).toMatch(/Element 'IsDefault': This element is not expected/);
  });

  test('an element the schema does not know', () => {
    expect(results.unknownElement.valid).toBe(false);
    expect(results.unknownElement.output).toMatch(/Element 'healthPanel': This element is not expected/);
  });
});

describe('the patched FormXml.xsd (vendor/customization-xsd/README.md)', () => {
  test('still accepts the search widget parameters of a form control', () => {
    expect(results.searchWidget.output).toBe('searchWidget.xml validates');
    expect(results.searchWidget.valid).toBe(true);
  });

  test('still checks their types', () => {
    expect(results.searchWidgetWrongType.valid).toBe(false);
    expect(results.searchWidgetWrongType.output).toMatch(/Element 'NumberOfResults'.*'many'/);
  });
});

test('the validation catches a form display condition the schema does not allow', () => {
  expect(results.displayConditionValue.valid).toBe(false);
  expect(results.displayConditionValue.output).toMatch(/FallbackForm/);
});
