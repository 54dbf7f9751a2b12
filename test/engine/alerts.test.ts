import { en } from '../../diagnostics/messages/en';
import { alert, environment } from '../support/fixtures';
import { check, diagnose, evidenceOf, summaryOf } from './helpers';

describe('alerts (step 2)', () => {
  it('fails on a documented Error alert and gives its recognised cause and fix', async () => {
    const { report } = await diagnose(
      environment({ alerts: [alert('mailbox', "Email can't be received because the license is invalid for the mailbox Dana Whitfield.\nEmail Server Error Code: ErrorInvalidLicense", 3)] }),
    );
    const alerts = check(report, 'alerts');
    expect(alerts.status).toBe('fail');
    expect(alerts.alerts).toHaveLength(1);
    expect(alerts.alerts![0].recognised?.id).toBe('invalid-license');
    expect(en[alerts.alerts![0].recognised!.cause.key]).toMatch(/Exchange Online licence/);
    expect(report.startHere).toBe('alerts');
  });

  it('recognises an alert by its tracecode when neither text nor details carry the code', async () => {
    const text = 'An unknown error occurred while receiving email through the mailbox "Dana Whitfield". The system will try to receive email again later.';
    const { report } = await diagnose(environment({ alerts: [alert('mailbox', text, 2, 1, { tracecode: -2147220192 })] }));
    expect(check(report, 'alerts').alerts![0].recognised?.id).toBe('queue-read-privilege');
  });

  it('recognises a credentials alert and, on a server-to-server profile, warns about Conditional Access', async () => {
    const { report } = await diagnose(
      environment({ alerts: [alert('mailbox', 'The credentials are incorrect or have insufficient permissions. AADSTS53003: Access has been blocked by Conditional Access policies.', 3)] }),
    );
    expect(check(report, 'alerts').alerts![0].recognised?.id).toBe('aadsts');
    const ca = check(report, 'conditional-access');
    expect(ca.status).toBe('warn');
    expect(ca.remedy?.key).toBe('check.conditional-access.remedy');
    expect(evidenceOf(ca)['Incoming authentication']).toBe('Server to Server Authentication');
  });

  it('does not blame Conditional Access when the profile uses credentials specified by the user', async () => {
    const { report } = await diagnose(
      environment({ profile: { incomingcredentialretrieval: 0 }, alerts: [alert('mailbox', 'The credentials that are specified in the mailbox are incorrect.', 3)] }),
    );
    expect(check(report, 'conditional-access').status).toBe('pass');
    expect(check(report, 'conditional-access').summary.key).toBe('check.conditional-access.passNotEntra');
  });

  it('reads profile-level alerts too (they point at the profile, not the mailbox)', async () => {
    const { report, fake } = await diagnose(
      environment({ alerts: [alert('emailserverprofile', 'Email cannot be received for the mailbox Dana Whitfield. Email Server Error Code: Web server returned ConnectFailure exception.', 3)] }),
    );
    const alerts = check(report, 'alerts');
    expect(alerts.status).toBe('fail');
    expect(alerts.alerts![0]).toMatchObject({ regarding: 'emailserverprofile', recognised: { id: 'connect-failure' } });
    const query = decodeURIComponent(fake.requests.find((r) => r.table === 'tracelog')!.options!);
    expect(query).toContain('level ge 2');
    expect(query).toContain('modifiedon ge 2026-11-20T12:00:00.000Z');
  });

  it.each([
    ['Email cannot be received for the mailbox Dana Whitfield because the email address of the mailbox requires an approval by a Microsoft 365 administrator.', 'requires-m365-approval'],
    ['The credentials are incorrect or have insufficient permissions.', 'credentials-incorrect'],
    ['The mailbox location could not be determined while receiving email.', 'location-undetermined'],
  ] as const)('fails on the documented alert "%s" whether it is on the mailbox or on its profile', async (text, id) => {
    for (const regarding of ['mailbox', 'emailserverprofile'] as const) {
      const { report } = await diagnose(environment({ alerts: [alert(regarding, text, 3)] }));
      expect(check(report, 'alerts').status).toBe('fail');
      expect(check(report, 'alerts').alerts![0]).toMatchObject({ regarding, recognised: { id } });
    }
  });

  it('groups a repeated alert with a count and last seen, and keeps an unrecognised one as plain text', async () => {
    const text = 'Something new went wrong <b>badly</b>.';
    const { report } = await diagnose(
      environment({ alerts: [alert('mailbox', text, 2, 5), alert('emailserverprofile', text, 2, 1), alert('mailbox', 'Informational note', 1)] }),
    );
    const alerts = check(report, 'alerts');
    expect(alerts.status).toBe('warn');
    expect(alerts.alerts).toHaveLength(1);
    expect(alerts.alerts![0]).toMatchObject({ text, count: 2, level: 2 });
    expect(alerts.alerts![0].recognised).toBeUndefined();
    expect(alerts.remedy?.key).toBe('check.alerts.remedyUnrecognised');
    expect(summaryOf(alerts)).toContain(text);
  });

  it('still fails on an Error alert after a later successful sync (success does not clear alerts)', async () => {
    const { report } = await diagnose(environment({ alerts: [alert('mailbox', 'Email cannot be received: ErrorInvalidLicense.', 3, 48)] }));
    expect(check(report, 'sync-recency').status).toBe('pass');
    expect(check(report, 'alerts').status).toBe('fail');
  });

  it('warns that a clean list proves nothing when Error alerts are not recorded', async () => {
    const { report } = await diagnose(environment({ organization: { generatealertsforerrors: false } }));
    const alerts = check(report, 'alerts');
    expect(alerts.status).toBe('warn');
    expect(summaryOf(alerts)).toMatch(/proves nothing/);
  });

});
