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
  /** xmllint's lines about the document: "<name>.xml validates", or one per error naming the element, then
   * "<name>.xml fails to validate". */
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

/**
 * Validates documents (by name: letters and digits) in one run of libxml2, which compiles the schemas once. A schema
 * that does not compile rejects the promise; a document that does not validate gets valid: false.
 */
export async function validateCustomizations<Name extends string>(
  documents: Record<Name, string>,
): Promise<Record<Name, SchemaValidation>> {
  const names = Object.keys(documents) as Name[];
  const invalidName = names.find((name) => !/^[A-Za-z0-9]+$/.test(name));
  if (invalidName !== undefined) throw new Error(`Document names are letters and digits only: "${invalidName}"`);
  const { main, included } = loadSchemas();
  const result = await validateXML({
    xml: names.map((name) => ({ fileName: `${name}.xml`, contents: documents[name] })),
    schema: [main],
    preload: included,
  });
  // xmllint starts every line about a document with its file name: "<name>.xml:12: ..." or "<name>.xml validates".
  const lines = result.rawOutput.split('\n');
  const entries = names.map((name): [Name, SchemaValidation] => {
    const own = lines.filter((line) => line.startsWith(`${name}.xml:`) || line.startsWith(`${name}.xml `));
    return [name, { valid: own.includes(`${name}.xml validates`), output: own.join('\n') }];
  });
  return Object.fromEntries(entries) as Record<Name, SchemaValidation>;
}
