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

test('the role grants alert reading (prvReadTraceLog, Global) and the README says so', () => {
  expect(DIAGNOSTICIAN_ROLE.privileges).toContainEqual(expect.objectContaining({ name: 'prvReadTraceLog', depth: 'Global', table: 'tracelog' }));
  expect(installSection).not.toMatch(/no Microsoft source confirms/i);
  expect(installSection).toContain('6EA323AB-2E1E-414E-88F5-1F975B3069FD');
});
