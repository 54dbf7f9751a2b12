import * as fs from 'fs';
import * as path from 'path';
import { itComparesWithSharedReference, readSharedReference } from '../support/shared-reference';
import { CUSTOMIZATION_XSD_DIR, vendoredSchemaFiles } from './helpers/customizations-schema';

/** The one edit made to the reference copy, exactly as vendor/customization-xsd/README.md describes it. */
const PATCHES: Record<string, { removed: string; inserted: string }> = {
  'FormXml.xsd': {
    removed: [
      '\t\t\t\t\t\t<!-- Search Widget parameters -->',
      '\t\t\t\t\t\t<xs:choice minOccurs="1" maxOccurs="unbounded">',
      '\t\t\t\t\t\t\t<xs:group ref="SearchWidgetControlParameters" minOccurs="0" maxOccurs="unbounded" />',
      '\t\t\t\t\t\t</xs:choice>',
      '',
    ].join('\n'),
    inserted:
      "\t\t\t\t\t\t<!-- Search Widget parameters: alternative removed (see README.md); the tabs control's alternative above accepts the same group -->\n",
  },
};

// Byte for byte: latin1 maps every byte to one character, so line ends and byte-order marks are compared too.
const vendored = (file: string) => fs.readFileSync(path.join(CUSTOMIZATION_XSD_DIR, file)).toString('latin1');

describe('the vendored customization schemas', () => {
  itComparesWithSharedReference('equal the reference copies, apart from the documented patch', () => {
    for (const file of vendoredSchemaFiles()) {
      const reference = readSharedReference(path.join('xsd', file)).toString('latin1');
      const patch = PATCHES[file];
      if (patch) expect([file, reference.split(patch.removed).length - 1]).toEqual([file, 1]);
      const expected = patch ? reference.replace(patch.removed, patch.inserted) : reference;
      expect([file, vendored(file) === expected]).toEqual([file, true]);
    }
  });

  test('every patch is in place and documented in the vendor README', () => {
    const readme = fs.readFileSync(path.join(CUSTOMIZATION_XSD_DIR, 'README.md'), 'utf8');
    for (const [file, patch] of Object.entries(PATCHES)) {
      expect([file, vendored(file).includes(patch.inserted), vendored(file).includes(patch.removed)]).toEqual([
        file,
        true,
        false,
      ]);
      expect(readme).toContain(`\`${file}\``);
    }
  });
});
