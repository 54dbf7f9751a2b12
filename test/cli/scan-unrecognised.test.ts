/**
 * The scan's list of alerts no catalogue entry recognises, over real HTTP against the emulator: grouped across
 * mailboxes by their masked text and code, counted per mailbox, in every output format.
 */
import type { ScanDocument } from '../../cli/scan-report';
import { checkNoSecretInAnyOutput, HENRIETTA, run, useSandbox } from './helpers';

const hourAgo = new Date(Date.now() - 3_600_000).toISOString();

function alertRow(id: number, mailboxId: string, text: string, details: string | null = null) {
  return {
    tracelogid: `5ca1ab1e-0000-4000-8000-${String(id).padStart(12, '0')}`,
    level: 2,
    text,
    tracecode: null,
    errordetails: details,
    tracestatus: false,
    createdon: hourAgo,
    modifiedon: hourAgo,
    _regardingobjectid_value: mailboxId,
    '_regardingobjectid_value@Microsoft.Dynamics.CRM.lookuplogicalname': 'mailbox',
  };
}

const sandbox = useSandbox({ small: true }, (emulator) => {
  const featured = sandbox.environment.featuredMailboxIds.filter((id) => id !== HENRIETTA);
  const names = ['Adele Vance', 'Lee Gu', 'Megan Bowen'];
  emulator.store.tables.tracelog.splice(
    0,
    Infinity,
    ...names.map((name, i) =>
      alertRow(
        i,
        featured[i],
        `Email cannot be received for the mailbox "${name}". Email Server Error Code: Exchange server returned ErrorAccessDenied exception.`,
      ),
    ),
    alertRow(
      10,
      featured[3],
      'Appointments could not be saved for the mailbox Irvin Sayers.',
      'Email Server Error Code: Exchange server returned ErrorItemNotFound exception.',
    ),
    alertRow(
      11,
      featured[4],
      "Email can't be received because the license is invalid for the mailbox Lynne Robbins.\nEmail Server Error Code: ErrorInvalidLicense",
    ),
  );
});
const url = () => sandbox.emulator.url;

checkNoSecretInAnyOutput();

describe('scan: unrecognised alerts', () => {
  it('lists the unrecognised texts most frequent first, names masked, with their code and the mailboxes showing them', async () => {
    const result = await run(['scan', '--url', url(), '--format', 'json']);
    const doc = JSON.parse(result.stdout) as ScanDocument;
    expect(doc.unrecognisedAlerts).toEqual([
      {
        text: 'Email cannot be received for the mailbox "…". Email Server Error Code: Exchange server returned ErrorAccessDenied exception.',
        code: 'ErrorAccessDenied',
        count: 3,
      },
      { text: 'Appointments could not be saved for the mailbox Irvin Sayers.', code: 'ErrorItemNotFound', count: 1 },
    ]);
  });

  it('shows them in the table and, with a Learn search per code, in markdown', async () => {
    const table = await run(['scan', '--url', url()]);
    expect(table.stdout).toContain('Unrecognised alerts, most frequent first (2):');
    expect(table.stdout).toMatch(/Mailboxes\s+Error code\s+Alert/);
    expect(table.stdout).toMatch(/3\s+ErrorAccessDenied\s+Email cannot be received for the mailbox "…"/);
    const markdown = await run(['scan', '--url', url(), '--format', 'markdown']);
    expect(markdown.stdout).toContain('## Unrecognised alerts, most frequent first (2):');
    expect(markdown.stdout).toContain(
      '| 3 | [ErrorAccessDenied](https://learn.microsoft.com/search/?terms=ErrorAccessDenied) | Email cannot be received',
    );
    expect(markdown.stdout).toContain(
      '| 1 | [ErrorItemNotFound](https://learn.microsoft.com/search/?terms=ErrorItemNotFound) | Appointments could not be saved for the mailbox Irvin Sayers. |',
    );
  });
});
