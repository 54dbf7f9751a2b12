import * as fs from 'fs';
import * as path from 'path';
import { DIAGNOSTICIAN_ROLE } from '../../tools/solution/components';

const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
const installSection = readme.slice(readme.indexOf('## Installing the solution'));

test('the README has the installation section', () => {
  expect(readme).toContain('## Installing the solution');
});

test('the README lists every privilege the shipped role grants, in its privileges table', () => {
  const tableRows = installSection.split('\n').filter((line) => /^\| prv\w+ +\|/.test(line));
  const documented = tableRows.map((line) => line.split('|')[1].trim());
  expect(documented).toEqual(DIAGNOSTICIAN_ROLE.privileges.map((privilege) => privilege.name));
});

test('the role grants alert reading (prvReadTraceLog, Global) and the README says so', () => {
  expect(DIAGNOSTICIAN_ROLE.privileges).toContainEqual(
    expect.objectContaining({ name: 'prvReadTraceLog', depth: 'Global', table: 'tracelog' }),
  );
  expect(installSection).not.toMatch(/no Microsoft source confirms/i);
  expect(installSection).toContain('6EA323AB-2E1E-414E-88F5-1F975B3069FD');
});

test('the install section starts with the preflight and lists what it checks; the command line shows it', () => {
  const firstParagraphs = installSection.split('\n\n').slice(0, 3).join('\n\n');
  expect(firstParagraphs).toContain('mailbox-health preflight --url');
  expect(installSection).toContain('### What the preflight checks');
  expect(installSection).not.toContain('What is assumed');
  for (const call of [
    "EntityDefinitions(LogicalName='mailbox')",
    'RetrieveEntityRibbon',
    'privileges?$filter=name eq',
    'RetrieveUserSetOfPrivilegesByNames',
    "solutions?$filter=uniquename eq 'MailboxHealth'",
    'RetrieveVersion',
  ]) {
    expect(installSection).toContain(call);
  }
  const commandLine = readme.slice(readme.indexOf('## Command line'), readme.indexOf('## Installing the solution'));
  expect(commandLine).toMatch(/npx mailbox-health preflight --url /);
});

test('the install section says what a user sees of the form and how to switch back', () => {
  expect(installSection).toContain('### Which form a user sees');
  expect(installSection).toContain('FallbackForm="false"');
  expect(installSection).toContain('{627090ff-40a3-4053-8790-584edc5be201}');
  expect(installSection).toMatch(/switch back/);
});
