import * as fs from 'fs';
import * as path from 'path';
import { validateXML, type XMLFileInfo } from 'xmllint-wasm';
import { repoPaths } from '../../../tools/solution/paths';

/**
 * Validation of customizations.xml against Microsoft's CustomizationsSolution.xsd, vendored with the patch libxml2
 * needs (vendor/customization-xsd/README.md). libxml2 runs from the xmllint-wasm npm package, so nothing has to be
 * installed on the machine.
 */
export const CUSTOMIZATION_XSD_DIR = path.join(repoPaths().root, 'vendor', 'customization-xsd');
const MAIN_SCHEMA = 'CustomizationsSolution.xsd';

export interface SchemaValidation {
  valid: boolean;
  /** xmllint's own report: "customizations.xml validates", or one line per error naming the element. */
  output: string;
}

export function vendoredSchemaFiles(): string[] {
  return fs
    .readdirSync(CUSTOMIZATION_XSD_DIR)
    .filter((name) => name.endsWith('.xsd'))
    .sort();
}

let schemas: { main: XMLFileInfo; included: XMLFileInfo[] } | undefined;

function loadSchemas(): { main: XMLFileInfo; included: XMLFileInfo[] } {
  if (!schemas) {
    const read = (fileName: string): XMLFileInfo => ({
      fileName,
      contents: fs.readFileSync(path.join(CUSTOMIZATION_XSD_DIR, fileName)),
    });
    schemas = {
      main: read(MAIN_SCHEMA),
      included: vendoredSchemaFiles()
        .filter((name) => name !== MAIN_SCHEMA)
        .map(read),
    };
  }
  return schemas;
}

/** A schema that does not compile rejects the promise; a document that does not validate resolves with valid: false. */
export async function validateCustomizations(xml: string): Promise<SchemaValidation> {
  const { main, included } = loadSchemas();
  const result = await validateXML({
    xml: [{ fileName: 'customizations.xml', contents: xml }],
    schema: [main],
    preload: included,
  });
  return { valid: result.valid, output: result.rawOutput };
}
