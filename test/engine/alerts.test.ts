import { en, formatMessage } from '../../diagnostics';
import { ago, alert, environment } from '../support/fixtures';
import { check, diagnose, evidenceOf, summaryOf } from './helpers';

/** The healthy environment with one Error alert, raised six minutes ago. */
const diagnoseWithErrorAlert = (regarding: 'mailbox' | 'emailserverprofile', text: string) =>
  diagnose(environment({ alerts: [alert(regarding, text, 3, 0.1)] }));

describe('alerts (step 2)', () => {
  it('fails on a documented Error alert and gives its recognised cause and fix', async () => {
    const { report } = await diagnoseWithErrorAlert(
      'mailbox',
      "Email can't be received because the license is invalid for the mailbox Dana Whitfield.\nEmail Server Error Code: ErrorInvalidLicense",
    );
    const alerts = check(report, 'alerts');
    expect(alerts.status).toBe('fail');
    expect(alerts.alerts).toHaveLength(1);
    expect(alerts.alerts![0].recognised?.id).toBe('invalid-license');
    expect(formatMessage(alerts.alerts![0].recognised!.cause, en)).toMatch(/Exchange Online licence/);
    expect(report.startHere).toBe('alerts');
  });

  it('recognises an alert by its tracecode when neither text nor details carry the code', async () => {
    const text =
      'An unknown error occurred while receiving email through the mailbox "Dana Whitfield". The system will try to receive email again later.';
    const { report } = await diagnose(
      environment({ alerts: [alert('mailbox', text, 2, 1, { tracecode: -2147220192 })] }),
    );
    expect(check(report, 'alerts').alerts![0].recognised?.id).toBe('queue-read-privilege');
  });

  it('warns about Conditional Access on an Entra code that means it, where an account or your own app signs in', async () => {
    const text =
      'The credentials are incorrect or have insufficient permissions. AADSTS53003: Access has been blocked by Conditional Access policies.';
    const { report } = await diagnose(
      environment({ profile: { incomingcredentialretrieval: 7 }, alerts: [alert('mailbox', text, 3, 0.1)] }),
    );
    const ca = check(report, 'conditional-access');
    expect(ca.status).toBe('warn');
    expect(summaryOf(ca)).toContain('AADSTS53003');
    expect(ca.remedy?.key).toBe('check.conditional-access.remedy');
    expect(evidenceOf(ca)['Incoming authentication']).toBe('OAuth with Microsoft Entra ID');
    // Server-to-server: Dynamics 365's own identity signs in, so the code is information, not a Conditional Access finding.
    const s2s = check((await diagnoseWithErrorAlert('mailbox', text)).report, 'conditional-access');
    expect(s2s.status).toBe('info');
  });

  it('never calls a plain 401 or a credentials alert Conditional Access, whatever the profile', async () => {
    for (const credentials of [0, 1, 2, 7]) {
      for (const text of [
        'The credentials that are specified in the mailbox are incorrect.',
        'The remote server returned an error: (401) Unauthorized.',
        'AADSTS50034: The user account does not exist in the directory.',
      ]) {
        const { report } = await diagnose(
          environment({
            profile: { incomingcredentialretrieval: credentials },
            alerts: [alert('mailbox', text, 3, 0.1)],
          }),
        );
        expect([credentials, text, check(report, 'conditional-access').status]).toEqual([credentials, text, 'pass']);
      }
    }
  });

  it('treats a profile alert that does not name the mailbox as a profile finding, outside its verdict', async () => {
    const { report, fake } = await diagnoseWithErrorAlert(
      'emailserverprofile',
      'Email cannot be received for the mailboxes on this profile. Email Server Error Code: Web server returned ConnectFailure exception.',
    );
    const alerts = check(report, 'alerts');
    expect(alerts.status).toBe('pass');
    expect(report.overall).toBe('healthy');
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({
      kind: 'profile-alert',
      scope: 'profile',
      subject: { name: 'Microsoft Exchange Online' },
      alert: { regarding: 'emailserverprofile', recognised: { id: 'connect-failure' } },
    });
    const query = decodeURIComponent(fake.requests.find((r) => r.table === 'tracelog')!.options!);
    expect(query).toContain('level ge 2');
    expect(query).toContain('modifiedon ge 2026-11-20T12:00:00.000Z');
  });

  it.each([
    [
      'Email cannot be received for the mailbox Dana Whitfield because the email address of the mailbox requires an approval by a Microsoft 365 administrator.',
      'requires-m365-approval',
    ],
    ['The credentials are incorrect or have insufficient permissions.', 'credentials-incorrect'],
    ['The mailbox location could not be determined while receiving email.', 'location-undetermined'],
  ] as const)(
    'fails on the documented alert "%s" on the mailbox, or on its profile when it names the mailbox',
    async (text, id) => {
      for (const regarding of ['mailbox', 'emailserverprofile'] as const) {
        const named = regarding === 'mailbox' ? text : `${text} Mailbox "Dana Whitfield".`;
        const { report } = await diagnose(environment({ alerts: [alert(regarding, named, 3, 0.1)] }));
        expect(check(report, 'alerts').status).toBe('fail');
        expect(check(report, 'alerts').alerts![0]).toMatchObject({ regarding, recognised: { id } });
      }
    },
  );

  it('groups a repeated alert with a count and last seen, and keeps an unrecognised one as plain text', async () => {
    const text = 'Something new went wrong <b>badly</b>.';
    const { report } = await diagnose(
      environment({
        alerts: [alert('mailbox', text, 2, 5), alert('mailbox', text, 2, 1), alert('mailbox', 'Informational note', 1)],
      }),
    );
    const alerts = check(report, 'alerts');
    expect(alerts.status).toBe('warn');
    expect(alerts.alerts).toHaveLength(1);
    expect(alerts.alerts![0]).toMatchObject({ text, count: 2, level: 2 });
    expect(alerts.alerts![0].recognised).toBeUndefined();
    expect(alerts.remedy?.key).toBe('check.alerts.remedyUnrecognised');
    expect(summaryOf(alerts)).toContain(text);
  });

  it('an Error alert followed by a successful sync, with its channel no longer failing, has recovered: a warning', async () => {
    const { report } = await diagnose(
      environment({ alerts: [alert('mailbox', 'Email cannot be received: ErrorInvalidLicense.', 3, 120)] }),
    );
    expect(check(report, 'sync-recency').status).toBe('pass');
    const alerts = check(report, 'alerts');
    expect(alerts.status).toBe('warn');
    expect(alerts.alerts![0]).toMatchObject({ state: 'recovered', recoveredSince: ago(0.25) });
    expect(evidenceOf(alerts)['Synced successfully since']).toBe(ago(0.25));
    // The same alert while incoming email still fails is current.
    const failing = check(
      (
        await diagnose(
          environment({
            mailbox: { incomingemailstatus: 2 },
            alerts: [alert('mailbox', 'Email cannot be received: ErrorInvalidLicense.', 3, 120)],
          }),
        )
      ).report,
      'alerts',
    );
    expect(failing.status).toBe('fail');
  });

  it('reports alerts switched off once, as an environment finding, not as a warning on the mailbox', async () => {
    const { report } = await diagnose(environment({ organization: { generatealertsforerrors: false } }));
    expect(check(report, 'alerts').status).toBe('pass');
    expect(report.overall).toBe('healthy');
    expect(report.findings.map((f) => [f.kind, f.scope, formatMessage(f.summary, en)])).toEqual([
      [
        'alerts-not-recorded',
        'environment',
        'This organization does not record Error alerts, so an empty alert list proves nothing.',
      ],
    ]);
    const warnings = (await diagnose(environment({ organization: { generatealertsforwarnings: false } }))).report;
    expect(warnings.findings.map((f) => f.summary.key)).toEqual(['finding.alerts-not-recorded.warnings']);
  });
});
