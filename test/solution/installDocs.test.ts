import * as fs from 'fs';
import * as path from 'path';
import { DIAGNOSTICIAN_ROLE } from '../../tools/solution/components';

const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
const installSection = readme.slice(readme.indexOf('## Installing the solution'));

test('the README has the installation section', () => {
  expect(readme).toContain('## Installing the solution');
});

test('the README lists every privilege the shipped role grants, in its privileges table', () => {
  const tableRows = installSection.split('\n').filter((line) => /^\| prv\w+ \|/.test(line));
  const documented = tableRows.map((line) => line.split('|')[1].trim());
  expect(documented).toEqual(DIAGNOSTICIAN_ROLE.privileges.map((privilege) => privilege.name));
});

test('the unconfirmed alerts privilege stays out of the role and is explained in the README', () => {
  expect(DIAGNOSTICIAN_ROLE.privileges.map((privilege) => privilege.name)).not.toContain('prvReadTraceLog');
  expect(installSection).toContain('prvReadTraceLog');
});
