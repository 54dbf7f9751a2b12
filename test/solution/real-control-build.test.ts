import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { packSolutions, type PackedSolution } from '../../tools/solution/pack';
import { repoPaths } from '../../tools/solution/paths';
import { validateCustomizations } from './helpers/customizations-schema';
import { preparePackInputs, unzipText } from './helpers/solution-fixture';

/**
 * The other solution tests pack a stand-in shaped like pcf-scripts output; this one packs the control as
 * `npm run build:control` really builds it. It runs once package.json defines that script (the control's own
 * build, owned with the control) and is reported as skipped until then.
 */
const root = repoPaths().root;
const scripts = (
  JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }
).scripts;
const describeWhenControlBuilds = scripts?.['build:control'] ? describe : describe.skip;
const CONTROL_DIR = 'Controls/mbh_MailboxHealth.MailboxHealthControl';

describeWhenControlBuilds('the solution packed from the real control build', () => {
  let managed: PackedSolution;

  beforeAll(async () => {
    const build = spawnSync('npm', ['run', '--silent', 'build:control'], { cwd: root, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`npm run build:control failed:\n${build.stdout}${build.stderr}`);
    const paths = { ...(await preparePackInputs()), builtControlDir: repoPaths().builtControlDir };
    ({ managed } = packSolutions(paths));
  }, 600_000);

  test('carries the production bundle, the manifest and the strings, and no licence file', () => {
    const files = unzipText(managed.zip);
    const controlFiles = [...files.keys()].filter((name) => name.startsWith(`${CONTROL_DIR}/`)).sort();
    expect(controlFiles).toEqual(
      [
        `${CONTROL_DIR}/ControlManifest.xml`,
        `${CONTROL_DIR}/bundle.js`,
        `${CONTROL_DIR}/strings/MailboxHealthControl.1033.resx`,
      ].sort(),
    );
    const bundle = files.get(`${CONTROL_DIR}/bundle.js`) ?? '';
    // A development build wraps every module in eval(); production does not.
    expect(bundle).not.toMatch(/\beval\(/);
    expect(bundle.length).toBeGreaterThan(1000);
  });

  test('has no banner pointing at a licence file, and the build writes none', () => {
    const bundle = unzipText(managed.zip).get(`${CONTROL_DIR}/bundle.js`) ?? '';
    expect(bundle).not.toMatch(/LICENSE/);
    expect(bundle.startsWith('/*')).toBe(false);
    expect(fs.readdirSync(repoPaths().builtControlDir).filter((name) => /license/i.test(name))).toEqual([]);
  });

  test('the packed customizations.xml still validates against the schema', async () => {
    const { real } = await validateCustomizations({ real: unzipText(managed.zip).get('customizations.xml') ?? '' });
    expect(real.output).toBe('real.xml validates');
    expect(real.valid).toBe(true);
  });
});
