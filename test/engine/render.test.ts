import {
  CHECK_ORDER,
  en,
  escapeMarkdown,
  formatDuration,
  formatMessage,
  optionMessage,
  renderCheck,
  renderReport,
  renderReportJson,
} from '../../diagnostics';
import { alert, environment, failedItem } from '../support/fixtures';
import { check, diagnose } from './helpers';

describe('rendering a report', () => {
  it('renders plain text with the verdict, start here and every check', async () => {
    const { report } = await diagnose(environment({ mailbox: { emailrouteraccessapproval: 2 } }));
    const text = renderReport(report, 'text', { catalogue: en });
    expect(text).toContain('Mailbox Health report: Dana Whitfield');
    expect(text).toContain('Overall: Failing');
    expect(text).toContain('Start here: Mailbox approval');
    expect(text).toContain('[FAIL] Mailbox approval — START HERE');
    expect(text.match(/^\[(PASS|WARN|FAIL|INFO|SKIP|ERROR)\]/gm)).toHaveLength(CHECK_ORDER.length);
    expect(text).toContain('Learn more: https://learn.microsoft.com/power-platform/admin/connect-exchange-online');
  });

  it('renders markdown where Dataverse text cannot restructure the ticket', async () => {
    const { report } = await diagnose(
      environment({ alerts: [alert('mailbox', '# Injected | heading\n- list [link](http://evil)', 3)] }),
    );
    const markdown = renderReport(report, 'markdown', { catalogue: en, formatDate: (iso) => `<${iso}>` });
    expect(markdown).toMatch(/^# Mailbox Health report: Dana Whitfield/);
    expect(markdown).toContain('\\# Injected \\| heading \\- list \\[link\\]\\(http://evil\\)');
    expect(markdown).not.toMatch(/^# Injected/m);
  });

  it('renders JSON with text instead of message keys', async () => {
    const { report } = await diagnose(environment());
    const json = renderReportJson(report, { catalogue: en });
    expect(json.checks[0]).toMatchObject({
      id: 'approval',
      title: 'Mailbox approval',
      status: 'pass',
      summary: "The mailbox's email address is approved.",
    });
    expect(json.checks[0].evidence[0]).toEqual({ label: 'Email address status', value: 'Approved' });
    expect(JSON.stringify(json)).not.toMatch(/"key":/);
  });

  it('shows an unrecognised alert with its code and a Learn search for it, in every format', async () => {
    const text = 'Email cannot be received for the mailbox Dana Whitfield.';
    const details =
      'Email Server Error Code: Exchange server returned ErrorAccessDenied exception while reading the inbox.';
    const { report } = await diagnose(
      environment({ alerts: [alert('mailbox', text, 2, 1, { errordetails: details })] }),
    );
    const url = 'https://learn.microsoft.com/search/?terms=ErrorAccessDenied';
    const rendered = renderReportJson(report, { catalogue: en }).checks.find((c) => c.id === 'alerts')!.alerts![0];
    expect(rendered).toMatchObject({ text, cause: null, search: { code: 'ErrorAccessDenied', url } });
    expect(renderReport(report, 'text', { catalogue: en })).toContain(
      `    Error code: ErrorAccessDenied. Search Learn: ${url}`,
    );
    expect(renderReport(report, 'markdown', { catalogue: en })).toContain(
      `  - Error code: ErrorAccessDenied. Search Learn: <${url}>`,
    );
  });

  it('gives a recognised alert its cause and fix instead of a search', async () => {
    const text =
      "Email can't be received because the license is invalid for the mailbox Dana Whitfield.\nEmail Server Error Code: ErrorInvalidLicense";
    const { report } = await diagnose(environment({ alerts: [alert('mailbox', text, 3)] }));
    const rendered = renderReportJson(report, { catalogue: en }).checks.find((c) => c.id === 'alerts')!.alerts![0];
    expect(rendered.search).toBeNull();
    expect(rendered.cause).toMatch(/Exchange Online licence/);
    expect(renderReport(report, 'text', { catalogue: en })).not.toContain('Search Learn');
  });

  it('labels an option value the catalogue lacks when rendering, in that catalogue’s words; the check only names the value', async () => {
    const { report } = await diagnose(environment({ mailbox: { emailrouteraccessapproval: 42 } }));
    const approval = report.checks.find((c) => c.id === 'approval')!;
    expect(approval.summary.params?.status).toEqual({
      key: 'option.mailbox.emailrouteraccessapproval.42',
      fallback: { key: 'option.unknown', params: { value: 42 } },
    });
    const german = { ...en, 'option.unknown': 'Unbekannter Wert ({value})' };
    expect(renderCheck(approval, { catalogue: german }).summary).toContain('Unbekannter Wert (42)');
    expect(formatMessage(optionMessage('mailbox.statecode', 1), german)).toBe('Inactive');
    // A catalogue with neither the label nor the fallback shows the key: nothing is made up.
    expect(formatMessage(optionMessage('mailbox.statecode', 1), {})).toBe('option.unknown');
  });

  it('formats durations for people', () => {
    expect(formatDuration(2, en)).toBe('2 s');
    expect(formatDuration(2000, en)).toBe('33 min');
    expect(formatDuration(20_000, en)).toBe('5.6 h');
    expect(escapeMarkdown('a*b_c')).toBe('a\\*b\\_c');
  });
});

describe('rendering findings, item failures and root causes', () => {
  const UNAUTHORIZED = 'The remote server returned an error: (401) Unauthorized.';
  /** Dana's incoming email fails with a current 401 alert; the shared profile has a 401 alert about another mailbox. */
  const story = () =>
    environment({
      mailbox: { incomingemailstatus: 2, enabledforincomingemail: false },
      alerts: [
        alert('mailbox', `Email cannot be received for the mailbox Dana Whitfield. ${UNAUTHORIZED}`, 3),
        alert(
          'emailserverprofile',
          `Email cannot be received for the mailbox <b>Lee Gu</b> [x](http://evil). ${UNAUTHORIZED}`,
          3,
        ),
      ],
      items: [
        failedItem('Quarterly report', 'The item is too large to sync.'),
        failedItem('***', 'A plug-in refused the item.'),
      ],
    });

  /** The lines of one section of a text report: from its heading to the next blank line. */
  function section(text: string, heading: string): string {
    const start = text.indexOf(`\n${heading}`);
    expect(start).toBeGreaterThan(-1);
    const end = text.indexOf('\n\n', start + 1);
    return text.slice(start, end < 0 ? undefined : end);
  }

  it('lists the findings once, after every check, as information', async () => {
    const { report } = await diagnose(story());
    const text = renderReport(report, 'text', { catalogue: en });
    const findingsAt = text.indexOf('\nProfile and environment findings\n');
    expect(findingsAt).toBeGreaterThan(text.indexOf('[INFO] Email tracking rules'));
    expect(text.split('Profile and environment findings')).toHaveLength(2);
    const finding = section(text, '[INFO] Email server profile: Microsoft Exchange Online');
    expect(finding).toContain(
      'An alert on the email server profile that does not name this mailbox: “Email cannot be received for the mailbox <b>Lee Gu</b>',
    );
    expect(finding).toMatch(/! Error ×1 \(last seen 2026-11-27T11:00:00\.000Z\)\n/);
    expect(finding).toContain('Learn more: https://learn.microsoft.com/');
    // The finding is not repeated among the checks' alerts.
    expect(section(text, '[FAIL] Alerts')).not.toContain('Lee Gu');
  });

  it('lists the failed items under their check, a hidden subject as "Subject hidden"', async () => {
    const { report } = await diagnose(story());
    const items = section(renderReport(report, 'text', { catalogue: en }), '[WARN] Items that failed to sync');
    expect(items).toContain(
      '  * Quarterly report (2026-11-27T10:00:00.000Z): The item is too large to sync. [-2147220891]',
    );
    expect(items).toContain('  * Subject hidden (2026-11-27T10:00:00.000Z): A plug-in refused the item. [-2147220891]');
    expect(items).not.toContain('***');
  });

  it('notes the check that carries the root cause under each symptom', async () => {
    const { report } = await diagnose(story());
    expect(check(report, 'mailbox-test').explainedBy).toBe('alerts');
    const text = renderReport(report, 'text', { catalogue: en });
    expect(section(text, '[FAIL] Mailbox status (last test or sync)')).toContain('  > Root cause: see “Alerts”');
    expect(section(text, '[FAIL] Alerts — START HERE')).not.toContain('Root cause: see');
  });

  it('says that an alert has recovered, and since when', async () => {
    const { report } = await diagnose(
      environment({
        alerts: [alert('mailbox', `Email cannot be received for the mailbox Dana Whitfield. ${UNAUTHORIZED}`, 3, 30)],
      }),
    );
    const recovered = check(report, 'alerts').alerts![0];
    expect(recovered.state).toBe('recovered');
    const text = renderReport(report, 'text', { catalogue: en, formatDate: (iso) => `<${iso.slice(11, 16)}>` });
    expect(text).toContain(`! Error ×1 (last seen <06:00>; recovered since <11:45>): Email cannot be received`);
    expect(renderReportJson(report, { catalogue: en }).checks.find((c) => c.id === 'alerts')!.alerts![0]).toMatchObject(
      {
        state: 'recovered',
        recoveredSince: recovered.recoveredSince,
      },
    );
  });

  it('renders them in JSON: findings with text, items with subjectHidden, explainedBy', async () => {
    const { report } = await diagnose(story());
    const json = renderReportJson(report, { catalogue: en });
    expect(json.findings).toEqual([
      expect.objectContaining({
        kind: 'profile-alert',
        scope: 'profile',
        subject: { id: expect.any(String), name: 'Microsoft Exchange Online' },
        summary: expect.stringContaining('<b>Lee Gu</b>'),
        remedy: expect.any(String),
        learnMoreUrl: expect.stringMatching(/^https:\/\/learn\.microsoft\.com\//),
        alert: expect.objectContaining({ level: 3, text: expect.stringContaining('Lee Gu'), state: null }),
      }),
    ]);
    const items = json.checks.find((c) => c.id === 'item-failures')!.items!;
    expect(items.map((i) => [i.subject, i.subjectHidden])).toEqual([
      ['Quarterly report', false],
      ['Subject hidden', true],
    ]);
    expect(json.checks.find((c) => c.id === 'mailbox-test')!.explainedBy).toBe('alerts');
    expect(json.checks.find((c) => c.id === 'approval')).not.toHaveProperty('explainedBy');
    expect(JSON.stringify(json)).not.toMatch(/"key":/);
  });

  it("escapes a finding's Dataverse text in markdown", async () => {
    const { report } = await diagnose(story());
    const markdown = renderReport(report, 'markdown', { catalogue: en });
    expect(markdown).toContain('## Profile and environment findings');
    expect(markdown).toContain('### [INFO] Email server profile: Microsoft Exchange Online');
    expect(markdown).toContain('\\<b\\>Lee Gu\\</b\\> \\[x\\]\\(http://evil\\)');
    expect(markdown).not.toContain('[x](http://evil)');
  });

  it('prints no findings section when there are none', async () => {
    const { report } = await diagnose(environment());
    expect(report.findings).toEqual([]);
    expect(renderReport(report, 'text', { catalogue: en })).not.toContain('Profile and environment findings');
    expect(renderReportJson(report, { catalogue: en }).findings).toEqual([]);
  });
});
