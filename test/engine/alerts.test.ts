import { KNOWN_ALERTS, recogniseAlert } from '../../diagnostics/alerts/known-alerts';
import { en } from '../../diagnostics/messages/en';
import { alert, environment } from '../support/fixtures';
import { check, diagnose, evidenceOf, summaryOf } from './helpers';

describe('alerts (step 2)', () => {
  it('fails on the article\'s tracking-categories alert and maps it to the Exchange retention policy', async () => {
    const { report } = await diagnose(environment({ alerts: [alert('mailbox', 'Tracking categories cannot be updated for the mailbox Dana Whitfield.', 3)] }));
    const alerts = check(report, 'alerts');
    expect(alerts.status).toBe('fail');
    expect(alerts.alerts).toHaveLength(1);
    expect(alerts.alerts![0].recognised?.id).toBe('tracking-categories');
    expect(en[alerts.alerts![0].recognised!.cause.key]).toMatch(/retention policy/);
    expect(report.startHere).toBe('alerts');
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
    const { report, fake } = await diagnose(environment({ alerts: [alert('emailserverprofile', 'The Email Server Profile location is incorrect for Microsoft Exchange Online.', 3)] }));
    const alerts = check(report, 'alerts');
    expect(alerts.status).toBe('fail');
    expect(alerts.alerts![0]).toMatchObject({ regarding: 'emailserverprofile', recognised: { id: 'profile-location-incorrect' } });
    const query = decodeURIComponent(fake.requests.find((r) => r.table === 'tracelog')!.options!);
    expect(query).toContain('level ge 2');
    expect(query).toContain('modifiedon ge 2026-11-20T12:00:00.000Z');
  });

  it.each([
    ['Tracking categories cannot be updated for the mailbox.', 'tracking-categories'],
    ['The credentials are incorrect or have insufficient permissions.', 'credentials-incorrect'],
    ['The Email Server Profile location is incorrect.', 'profile-location-incorrect'],
  ] as const)('fails on the article alert "%s" whether it is on the mailbox or on its profile', async (text, id) => {
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

  it('recognises 20 or more documented alerts, each with a cause and a fix in the catalogue', () => {
    expect(KNOWN_ALERTS.length).toBeGreaterThanOrEqual(20);
    for (const known of KNOWN_ALERTS) {
      expect(en[known.cause]).toBeTruthy();
      expect(en[known.fix]).toBeTruthy();
      expect(known.learnMoreUrl).toMatch(/^https:\/\/learn\.microsoft\.com\//);
    }
    expect(new Set(KNOWN_ALERTS.map((a) => a.id)).size).toBe(KNOWN_ALERTS.length);
  });

  it.each([
    ['Email address of mailbox X requires approval by a Microsoft 365 administrator.', 'requires-m365-approval'],
    ['The mailbox Support has not been approved and has been disabled.', 'not-approved'],
    ['The mailbox location could not be determined while sending/receiving email.', 'location-undetermined'],
    ['Email Server Error Code: Web server returned ConnectFailure', 'connect-failure'],
    ['Exchange server returned ErrorQuotaExceeded (403).', 'quota-exceeded'],
    ['The request failed with HTTP status 403: Forbidden. (403) Forbidden', 'forbidden'],
    ['The remote server returned an error: (401) Unauthorized.', 'unauthorized'],
    ['Exchange returned ErrorServerBusy', 'server-busy'],
    ['Error code 8005E274 while testing the mailbox', 'graph-8005e274'],
    ['Socket error TimedOut', 'socket-timeout'],
    ['HostNotFound', 'host-not-found'],
    ['The account does not have permission to impersonate the requested user.', 'impersonation'],
  ])('recognises "%s"', (text, id) => {
    expect(recogniseAlert(text, null)?.id).toBe(id);
  });

  it('recognises an alert by its details when the text is generic', () => {
    expect(recogniseAlert('An error occurred while receiving email.', 'Email Server Error Code: ErrorMailboxStoreUnavailable')?.id).toBe('store-unavailable');
    expect(recogniseAlert('Something else entirely', null)).toBeUndefined();
  });
});
