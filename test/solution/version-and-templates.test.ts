import * as fs from 'fs';
import { attributesOf } from '../../tools/solution/control-build';
import { repoPaths } from '../../tools/solution/paths';
import { RawXml, renderXmlTemplate } from '../../tools/solution/xml-template';
import { syncControlManifestVersion } from '../../tools/solution/sync-control-version';
import { readProductVersion, releaseVersion } from '../../tools/solution/version';

describe('one version for the product', () => {
  test('the solution takes the product version plus a fourth part 0', () => {
    expect(releaseVersion('1.2.3')).toEqual({ product: '1.2.3', solution: '1.2.3.0' });
  });

  test.each(['1.2', '1.2.3.4', '1.2.3-beta.1', 'v1.2.3', '01.2.3'])(
    'refuses "%s", which Dataverse cannot carry',
    (version) => {
      expect(() => releaseVersion(version)).toThrow(/three numbers/);
    },
  );

  test("package.json's version is a releasable one", () => {
    expect(() => releaseVersion(readProductVersion(repoPaths().packageJson))).not.toThrow();
  });

  test("the control's source manifest has package.json's version, so a release bumps both", () => {
    const paths = repoPaths();
    const manifest = fs.readFileSync(paths.controlSourceManifest, 'utf8');
    const controlTag = /<control\b[^>]*>/.exec(manifest)?.[0] ?? '';
    expect(attributesOf(controlTag).get('version')).toBe(readProductVersion(paths.packageJson));
  });
});

describe('npm version hook', () => {
  test('writes the new product version into the control element only', () => {
    const manifest =
      '<manifest>\n  <control namespace="MailboxHealth" constructor="MailboxHealthControl" version="1.0.0"\n' +
      '           control-type="virtual">\n    <resx path="strings/x.resx" version="1.0.0" />\n  </control>\n</manifest>';
    const synced = syncControlManifestVersion(manifest, '1.4.2');
    expect(synced).toContain('constructor="MailboxHealthControl" version="1.4.2"');
    expect(synced).toContain('<resx path="strings/x.resx" version="1.0.0" />');
  });

  test('refuses a version Dataverse cannot carry', () => {
    expect(() => syncControlManifestVersion('<control version="1.0.0">', '2.0.0-rc.1')).toThrow(/three numbers/);
  });
});

describe('XML templates', () => {
  test('fill text tokens escaped and raw blocks as markup, and drop comments', () => {
    const rendered = renderXmlTemplate(
      '<!-- mentions {{name}} --><a title="{{name}}">{{block}}</a>',
      { name: 'Tom & "Jerry" <3', block: new RawXml('<b />') },
      'test',
    );
    expect(rendered).toBe('<a title="Tom &amp; &quot;Jerry&quot; &lt;3"><b /></a>');
  });

  test('refuse a token without a value', () => {
    expect(() => renderXmlTemplate('<a>{{missing}}</a>', {}, 'test.xml')).toThrow(
      'test.xml: no value for token {{missing}}',
    );
  });

  test('refuse a value no token uses', () => {
    expect(() => renderXmlTemplate('<a />', { forgotten: 'x' }, 'test.xml')).toThrow('values never used: forgotten');
  });
});
