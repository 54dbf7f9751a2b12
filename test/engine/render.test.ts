import { CHECK_ORDER } from '../../diagnostics/report';
import { escapeMarkdown, formatDuration, renderReport, renderReportJson } from '../../diagnostics';
import { alert, environment } from '../support/fixtures';
import { diagnose } from './helpers';

describe('rendering a report', () => {
  it('renders plain text with the verdict, start here and every check', async () => {
    const { report } = await diagnose(environment({ mailbox: { emailrouteraccessapproval: 2 } }));
    const text = renderReport(report, 'text');
    expect(text).toContain('Mailbox Health report: Dana Whitfield');
    expect(text).toContain('Overall: Failing');
    expect(text).toContain('Start here: Mailbox approval');
    expect(text).toContain('[FAIL] Mailbox approval — START HERE');
    expect(text.match(/^\[(PASS|WARN|FAIL|INFO|SKIP|ERROR)\]/gm)).toHaveLength(CHECK_ORDER.length);
    expect(text).toContain('Learn more: https://learn.microsoft.com/power-platform/admin/connect-exchange-online');
  });

  it('renders markdown where Dataverse text cannot restructure the ticket', async () => {
    const { report } = await diagnose(environment({ alerts: [alert('mailbox', '# Injected | heading\n- list [link](http://evil)', 3)] }));
    const markdown = renderReport(report, 'markdown', { formatDate: (iso) => `<${iso}>` });
    expect(markdown).toMatch(/^# Mailbox Health report: Dana Whitfield/);
    expect(markdown).toContain('\\# Injected \\| heading \\- list \\[link\\]\\(http://evil\\)');
    expect(markdown).not.toMatch(/^# Injected/m);
  });

  it('renders JSON with text instead of message keys', async () => {
    const { report } = await diagnose(environment());
    const json = renderReportJson(report);
    expect(json.checks[0]).toMatchObject({ id: 'approval', title: 'Mailbox approval', status: 'pass', summary: "The mailbox's email address is approved." });
    expect(json.checks[0].evidence[0]).toEqual({ label: 'Email address status', value: 'Approved' });
    expect(JSON.stringify(json)).not.toMatch(/"key":/);
  });

  it('shows an unrecognised alert with its code and a Learn search for it, in every format', async () => {
    const text = 'Email cannot be received for the mailbox Dana Whitfield.';
    const details = 'Email Server Error Code: Exchange server returned ErrorAccessDenied exception while reading the inbox.';
    const { report } = await diagnose(environment({ alerts: [alert('mailbox', text, 2, 1, { errordetails: details })] }));
    const url = 'https://learn.microsoft.com/search/?terms=ErrorAccessDenied';
    const rendered = renderReportJson(report).checks.find((c) => c.id === 'alerts')!.alerts![0];
    expect(rendered).toMatchObject({ text, cause: null, search: { code: 'ErrorAccessDenied', url } });
    expect(renderReport(report, 'text')).toContain(`    Error code: ErrorAccessDenied. Search Learn: ${url}`);
    expect(renderReport(report, 'markdown')).toContain(`  - Error code: ErrorAccessDenied. Search Learn: <${url}>`);
  });

  it('gives a recognised alert its cause and fix instead of a search', async () => {
    const text = "Email can't be received because the license is invalid for the mailbox Dana Whitfield.\nEmail Server Error Code: ErrorInvalidLicense";
    const { report } = await diagnose(environment({ alerts: [alert('mailbox', text, 3)] }));
    const rendered = renderReportJson(report).checks.find((c) => c.id === 'alerts')!.alerts![0];
    expect(rendered.search).toBeNull();
    expect(rendered.cause).toMatch(/Exchange Online licence/);
    expect(renderReport(report, 'text')).not.toContain('Search Learn');
  });

  it('formats durations for people', () => {
    expect(formatDuration(2)).toBe('2 s');
    expect(formatDuration(2000)).toBe('33 min');
    expect(formatDuration(20_000)).toBe('5.6 h');
    expect(escapeMarkdown('a*b_c')).toBe('a\\*b\\_c');
  });
});
