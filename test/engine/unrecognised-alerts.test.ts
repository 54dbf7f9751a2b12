import { maskAlertText, UNRECOGNISED_LIMIT, UnrecognisedAlertTally } from '../../diagnostics/alerts/unrecognised';
import { message, type AlertGroup, type DiagnosisReport } from '../../diagnostics';

function group(text: string, extra: Partial<AlertGroup> = {}): AlertGroup {
  return {
    level: 2,
    code: null,
    text,
    details: null,
    regarding: 'mailbox',
    count: 1,
    firstSeen: null,
    lastSeen: '2026-11-27T10:00:00Z',
    ...extra,
  };
}

/** A report as the tally reads it: only the alerts check's groups matter. */
function reportWith(...alerts: AlertGroup[]): DiagnosisReport {
  return { checks: [{ id: 'alerts', alerts }] } as unknown as DiagnosisReport;
}

const recognised = {
  id: 'invalid-license',
  cause: message('alert.invalid-license.cause'),
  fix: message('alert.invalid-license.fix'),
  learnMoreUrl: 'https://learn.microsoft.com/',
};

describe('the unrecognised alerts of a scan', () => {
  it('masks what differs from mailbox to mailbox: addresses, record ids, quoted names and subjects', () => {
    expect(
      maskAlertText(
        'Mail for "Dana Whitfield" (dana.whitfield@contoso.com) in {7f6a8b9c-0d1e-4f2a-9b4c-000000000001}\nfailed.',
      ),
    ).toBe('Mail for "…" (<address>) in <id> failed.');
  });

  it('counts each text once per mailbox, groups by masked text and code, skips recognised alerts, most frequent first', () => {
    const tally = new UnrecognisedAlertTally();
    const denied = (name: string) =>
      group(`Email cannot be received for the mailbox "${name}".`, {
        details: 'Email Server Error Code: ErrorAccessDenied',
      });
    tally.add(
      reportWith(
        denied('Adele Vance'),
        denied('Adele Vance copy'),
        group('Zeta happened.'),
        group('Licence', { recognised }),
      ),
    );
    tally.add(reportWith(denied('Lee Gu')));
    tally.add(reportWith(group('Alpha happened.', { code: -2147000001 })));
    expect(tally.top(10)).toEqual([
      { text: 'Email cannot be received for the mailbox "…".', code: 'ErrorAccessDenied', count: 2 },
      { text: 'Alpha happened.', code: '-2147000001', count: 1 },
      { text: 'Zeta happened.', code: null, count: 1 },
    ]);
    expect(tally.top(1)).toHaveLength(1);
  });

  it('tells the same text apart by its code', () => {
    const tally = new UnrecognisedAlertTally();
    tally.add(reportWith(group('Something failed.', { code: 1 })));
    tally.add(reportWith(group('Something failed.', { code: 2 })));
    expect(tally.top(10).map((a) => a.code)).toEqual(['1', '2']);
  });

  it('stops taking new texts at the limit but keeps counting the ones it has', () => {
    const tally = new UnrecognisedAlertTally();
    for (let i = 0; i < UNRECOGNISED_LIMIT; i++) tally.add(reportWith(group(`Text ${i}`)));
    tally.add(reportWith(group('One text too many')));
    tally.add(reportWith(group('Text 7')));
    const top = tally.top(UNRECOGNISED_LIMIT + 1);
    expect(top).toHaveLength(UNRECOGNISED_LIMIT);
    expect(top[0]).toEqual({ text: 'Text 7', code: null, count: 2 });
    expect(top.some((a) => a.text === 'One text too many')).toBe(false);
  });
});
