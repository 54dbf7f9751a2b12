import { en, KNOWN_ALERTS, recogniseAlert } from '../../diagnostics';
import { alertCode, codeMatcher, hresultOf, learnSearchUrl, normaliseAlertText } from '../../diagnostics/alerts/codes';
import { ALERT_FIXTURES, type AlertSample } from './alert-fixtures';

const recognise = (sample: AlertSample) => recogniseAlert(sample.text, sample.details ?? null, sample.code ?? null)?.id;

describe('the alert catalogue', () => {
  it('has a documented-wording fixture for every entry, and an entry for every fixture', () => {
    expect(ALERT_FIXTURES.map((f) => f.id).sort()).toEqual(KNOWN_ALERTS.map((a) => a.id).sort());
  });

  it.each(ALERT_FIXTURES.map((f) => [f.id, f] as const))(
    'recognises %s in the article’s wording and in a real variant',
    (id, fixture) => {
      expect(recognise(fixture.documented)).toBe(id);
      expect(recognise(fixture.variant)).toBe(id);
    },
  );

  it('gives every entry a cause, a fix, a public Learn URL and a source, with unique kebab-case ids', () => {
    for (const alert of KNOWN_ALERTS) {
      expect(alert.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(en[alert.cause]).toBeTruthy();
      expect(en[alert.fix]).toBeTruthy();
      expect(alert.learnMoreUrl).toMatch(/^https:\/\/learn\.microsoft\.com\//);
      expect(alert.source.path).not.toBe('');
      expect(alert.codes.length + alert.patterns.length).toBeGreaterThan(0);
      for (const pattern of alert.patterns) expect(pattern.flags).not.toContain('g');
    }
    expect(new Set(KNOWN_ALERTS.map((a) => a.id)).size).toBe(KNOWN_ALERTS.length);
  });

  it('says "nothing to do unless it persists" in every transient fix, and in no other', () => {
    for (const alert of KNOWN_ALERTS) {
      const fix = en[alert.fix];
      if (alert.transient) expect(fix).toMatch(/^Nothing to do unless/);
      else expect(fix).not.toMatch(/^Nothing to do unless it persists/);
    }
  });

  it('has no catalogue key without an entry', () => {
    const ids = new Set(KNOWN_ALERTS.map((a) => a.id));
    const orphans = Object.keys(en).filter((key) => key.startsWith('alert.') && !ids.has(key.split('.')[1]));
    expect(orphans).toEqual([]);
  });

  it('never lets two entries claim the same code', () => {
    const seen = new Map<string, string>();
    for (const alert of KNOWN_ALERTS) {
      for (const code of alert.codes) {
        const key = String(hresultOf(code) ?? code.toLowerCase());
        expect([code, seen.get(key)]).toEqual([code, undefined]);
        seen.set(key, alert.id);
      }
    }
  });
});

describe('code first, text second', () => {
  const receiving = (code: string) =>
    `An unknown error occurred while receiving email through the mailbox "Adele Vance". The owner of the associated email server profile Microsoft Exchange Online has been notified. The system will try to receive email again later.\nEmail Server Error Code: Exchange server returned UnknownIncomingEmailIntegrationError ${code} exception.`;

  it.each([
    ['-2147220970', 'unexpected-error', true],
    ['-2147220192', 'queue-read-privilege', false],
    ['-2147220891', 'plugin-aborted', false],
    ['-2147218677', 'invalid-recipient-address', false],
  ] as const)('tells the same sentence apart by its code %s', (code, id, transient) => {
    const known = recogniseAlert(receiving(code), null);
    expect(known?.id).toBe(id);
    expect(known?.transient === true).toBe(transient);
  });

  it('finds the code in errordetails, or as the tracecode, when the text has none', () => {
    const text = 'An unknown error occurred while receiving email through the mailbox "Adele Vance".';
    expect(
      recogniseAlert(
        text,
        'Email Server Error Code: Exchange server returned UnknownIncomingEmailIntegrationError -2147220192 exception.',
      )?.id,
    ).toBe('queue-read-privilege');
    expect(recogniseAlert(text, null, -2147220891)?.id).toBe('plugin-aborted');
    expect(recogniseAlert(text, null, -2147220970)?.transient).toBe(true);
  });

  it('reads a Dataverse code in hex or decimal as one code (Crm.80040265 is -2147220891)', () => {
    expect(hresultOf('Crm.80040265')).toBe(-2147220891);
    expect(hresultOf('-2147220891')).toBe(-2147220891);
    expect(hresultOf('0x80048306')).toBe(-2147187962);
    expect(hresultOf('ErrorInvalidLicense')).toBeNull();
    expect(hresultOf('800046')).toBeNull();
    const matches = codeMatcher('-2147220891');
    expect(matches('Crm.80040265.ISV code aborted the operation.', null)).toBe(true);
    expect(matches('UnknownIncomingEmailIntegrationError 2147220891', null)).toBe(true);
    expect(matches('Error 21472208915 elsewhere', null)).toBe(false);
    expect(matches('', -2147220891)).toBe(true);
  });

  it('matches a code name as a whole token only', () => {
    expect(
      codeMatcher('ErrorQuotaExceeded')(
        'UnknownOutgoingEmailIntegrationError ErrorSubmissionQuotaExceeded exception',
        null,
      ),
    ).toBe(false);
    expect(
      codeMatcher('InvalidIncomingEmailServerProfile')(
        'exception InvalidIncomingEmailServerProfileConfiguration HostNotFound',
        null,
      ),
    ).toBe(false);
    expect(codeMatcher('NotFound')('Socket returned exception HostNotFound', null)).toBe(false);
    expect(codeMatcher('TimedOut')('Socket returned exception TimedOut.', null)).toBe(true);
  });

  it('lets the code win over a sentence that belongs to another entry', () => {
    const credentials =
      'The email message "Proposal" cannot be sent. Make sure that the credentials specified in the mailbox Dana Whitfield are correct and have sufficient permissions for sending email.';
    expect(recogniseAlert(credentials, null)?.id).toBe('credentials-incorrect');
    expect(
      recogniseAlert(credentials, 'Email Server Error Code: ErrorQuotaExceeded. Exchange.server returned 403 error.')
        ?.id,
    ).toBe('quota-exceeded');
    expect(
      recogniseAlert(credentials, 'Email Server Error Code: Http server returned 401 Unauthorized exception.')?.id,
    ).toBe('unauthorized');
    expect(recogniseAlert(credentials, 'Email Server Error Code: InvalidOutgoingMailboxCredentials')?.id).toBe(
      'mailbox-credentials-invalid',
    );
  });

  it('does not call an unknown numbered UnknownIncomingEmailIntegrationError transient', () => {
    expect(recogniseAlert(receiving('-2147000001'), null)).toBeUndefined();
  });
});

describe('the rule-12 alerts', () => {
  it('recognises every variant of "requires an approval"', () => {
    for (const text of [
      'Email cannot be received because the email address of the mailbox Adele Vance requires an approval by an Office 365 administrator.',
      'Email cannot be sent because the email address of the mailbox Adele Vance requires an approval by a Microsoft 365 administrator.',
      'Email cannot be received for the mailbox Adele Vance because the email address of the mailbox requires approval by a Microsoft 365 administrator.',
      "Email won't be processed for this mailbox until the email address of the mailbox is approved by an Office 365 administrator.",
    ]) {
      expect(recogniseAlert(text, null)?.id).toBe('requires-m365-approval');
    }
  });

  it('treats the 383 appointments error as transient, about appointments, contacts and tasks', () => {
    const known = recogniseAlert(
      "Appointments, contacts, and tasks for the mailbox Dana Whitfield couldn't be synchronized.",
      'Email Server Error Code: Exchange.server returned 383 error.',
    );
    expect(known).toMatchObject({ id: 'exchange-383-time-zone', transient: true, channels: ['act'] });
    expect(en[known!.cause]).toMatch(/time zone/);
  });

  it('says ApplicationImpersonation is for Exchange on-premises only, and Auto Discover off is unsupported for Exchange Online', () => {
    expect(en['alert.impersonation.fix']).toMatch(/on-premises only.*retired in Exchange Online/);
    expect(en['alert.location-undetermined.fix']).toMatch(
      /Exchange Online: keep Auto Discover on \(turning it off is unsupported/,
    );
  });

  it('does not blame Conditional Access for an AADSTS code or a plain 401, and lists the documented 401 causes', () => {
    for (const id of ['aadsts', 'unauthorized', 'credentials-incorrect', 'graph-8005e272']) {
      const alert = KNOWN_ALERTS.find((a) => a.id === id)!;
      expect(`${en[alert.cause]} ${en[alert.fix]}`).not.toMatch(/Conditional Access/i);
      expect(alert.signInRefused).toBe(true);
    }
    const causes = en['alert.unauthorized.cause'];
    for (const documented of [
      /address differs/,
      /Hybrid\) profile for a mailbox in Exchange Online/,
      /no Exchange Online licence/,
      /different tenants/,
      /Basic authentication/,
      /NoUserFoundWithGivenClaims/,
    ]) {
      expect(causes).toMatch(documented);
    }
  });

  it('no longer claims an Exchange retention policy behind tracking categories', () => {
    expect(recogniseAlert('Tracking categories cannot be updated for the mailbox Lee Gu.', null)).toBeUndefined();
    expect(Object.values(en).join(' ')).not.toMatch(/retention policy/i);
  });
});

describe('an alert’s code and its Learn search', () => {
  it.each([
    [
      'Email Server Error Code: Exchange server returned UnknownIncomingEmailIntegrationError -2147220891 exception.',
      'UnknownIncomingEmailIntegrationError -2147220891',
    ],
    ['**Email Server Error Code:** Http server returned 401 Unauthorized exception.', '401 Unauthorized'],
    ['Email Server Error Code:  ErrorQuotaExceeded. Exchange.server returned 403 error.', 'ErrorQuotaExceeded'],
    [
      'Email Server Error Code: Crm.80048306.Not enough privilege to access the Microsoft Dynamics 365 object',
      'Crm.80048306',
    ],
    ['Email Server Error Code: Crm.80042f09.UserNotAssignedRoles', 'Crm.80042f09.UserNotAssignedRoles'],
    [
      'Email Server Error Code: Socket returned exception InvalidIncomingEmailServerProfileConfiguration HostNotFound.',
      'InvalidIncomingEmailServerProfileConfiguration HostNotFound',
    ],
    ['Email Server Error Code: Exchange.server returned 383 error.', 'Exchange server returned 383'],
    ['Email Server Error Code: AADSTS53003: Access has been blocked by Conditional Access policies.', 'AADSTS53003'],
    [
      'Error : Exchange Error Code: ErrorIrresolvableConflict\nExchange Error Message : out of date',
      'ErrorIrresolvableConflict',
    ],
  ])('reads the code of "%s"', (text, code) => {
    expect(alertCode(`Something failed for the mailbox Dana Whitfield.\n${text}`, null, null)).toBe(code);
  });

  it('looks in the details, then falls back to the tracecode, else has no code', () => {
    expect(alertCode('Something failed.', 'Email Server Error Code: ErrorAccessDenied', 7)).toBe('ErrorAccessDenied');
    expect(alertCode('Something failed.', null, -2147220970)).toBe('-2147220970');
    expect(alertCode('Something failed.', null, null)).toBeNull();
    expect(alertCode('Something failed.', null, 0)).toBeNull();
  });

  it('links to Learn’s search for the code, encoded', () => {
    expect(learnSearchUrl('UnknownIncomingEmailIntegrationError -2147220891')).toBe(
      'https://learn.microsoft.com/search/?terms=UnknownIncomingEmailIntegrationError%20-2147220891',
    );
    expect(learnSearchUrl('a&b#c')).toBe('https://learn.microsoft.com/search/?terms=a%26b%23c');
  });

  it('compares texts across line breaks and typographic apostrophes', () => {
    expect(normaliseAlertText('can\u2019t be\r\n  synchronized ')).toBe("can't be synchronized");
  });
});
