/**
 * The verdict rules a server-side sync support engineer would sign, one describe per rule, each with the case that
 * must fail (or warn) and the case that must not. Alert texts use the wording of Microsoft's troubleshooting articles.
 */
import { alertNamesMailbox } from '../../diagnostics/analysis';
import { en, formatMessage } from '../../diagnostics';
import { ago, ahead, alert, environment, failedItem, IDS, profilePopulation } from '../support/fixtures';
import { check, diagnose, evidenceOf, summaryOf } from './helpers';

/** Learn's wording ("Troubleshooting and monitoring server-side synchronization"), with this mailbox's names filled in. */
const LEARN_ALERTS = {
  credentials:
    "Email can't be received because the credentials specified in the associated email server profile are incorrect or have insufficient permissions for receiving email. The mailbox Dana Whitfield has been disabled for receiving email and the owner of the email server profile Microsoft Exchange Online has been notified.",
  location:
    'The mailbox location could not be determined while receiving the email message "Quarterly review". The mailbox Dana Whitfield has been disabled for receiving email and the owner of the associated email server profile Microsoft Exchange Online has been notified.',
  approval:
    "Email can't be received because the email address of the mailbox Dana Whitfield requires an approval by a Microsoft 365 administrator. The mailbox has been disabled for receiving email and the owner of the email server profile Exchange Online has been notified.",
  unauthorized:
    'Email cannot be received for the mailbox Dana Whitfield. Email Server Error Code: Exchange server returned (401) Unauthorized.',
  anotherOrganization:
    "Appointments, contacts, and tasks can't be synchronized because the email address of the mailbox Dana Whitfield is configured with another organization. The best practice is to overwrite the configuration when you test and enable the mailbox in your primary organization.",
};

const disabledIncoming = {
  enabledforincomingemail: false,
  incomingemailstatus: 2,
  postponemailboxprocessinguntil: '9999-12-31T23:59:59Z',
  lastsuccessfulsynccompletedon: ago(30),
};

describe('rule 1: a profile alert applies to a mailbox only when it names it', () => {
  it.each([
    ['the full address, in any case', "Email can't be received for DANA.WHITFIELD@contoso.com.", true],
    [
      'the quoted mailbox name',
      'The email message cannot be sent because the mailbox "Dana Whitfield" is disabled.',
      true,
    ],
    ['the unquoted mailbox name', LEARN_ALERTS.location, true],
    [
      'a longer name that starts with it',
      'The mailbox Dana Whitfield-Smith has been disabled for receiving email.',
      false,
    ],
    ['a longer address that contains it', "Email can't be received for xdana.whitfield@contoso.com.au.", false],
    ['no mailbox at all', 'The Email Server Profile location is incorrect for Microsoft Exchange Online.', false],
  ])('%s → %s', (_, text, names) => {
    expect(alertNamesMailbox(text, 'Dana Whitfield', 'dana.whitfield@contoso.com')).toBe(names);
  });

  it('fails the named mailbox on a profile alert, and leaves the others healthy with the alert as a finding', async () => {
    const named = await diagnose(environment({ alerts: [alert('emailserverprofile', LEARN_ALERTS.location, 3, 0.1)] }));
    expect(check(named.report, 'alerts').status).toBe('fail');
    expect(named.report.findings).toEqual([]);
    const other = await diagnose(
      environment({
        alerts: [
          alert('emailserverprofile', LEARN_ALERTS.location.replace(/Dana Whitfield/g, 'Lynne Robbins'), 3, 0.1),
        ],
      }),
    );
    expect(check(other.report, 'alerts').status).toBe('pass');
    expect(other.report.overall).toBe('healthy');
    expect(other.report.findings.map((f) => f.kind)).toEqual(['profile-alert']);
    expect(formatMessage(other.report.findings[0].summary, en)).toContain('Lynne Robbins');
  });
});

describe('rule 2: only a current Error alert fails; a recovered one warns; a transient one is at most a warning', () => {
  it('an alert after the last successful sync is current', async () => {
    const { report } = await diagnose(environment({ alerts: [alert('mailbox', LEARN_ALERTS.location, 3, 0.1)] }));
    expect(check(report, 'alerts').status).toBe('fail');
    expect(check(report, 'alerts').alerts![0].state).toBe('current');
  });

  it('an alert on a mailbox that never synced is current', async () => {
    const { report } = await diagnose(
      environment({
        mailbox: { lastsuccessfulsynccompletedon: null },
        alerts: [alert('mailbox', LEARN_ALERTS.location, 3, 100)],
      }),
    );
    expect(check(report, 'alerts').status).toBe('fail');
  });

  it('an alert from five days ago, followed by a passed Test & Enable and a sync minutes ago, has recovered', async () => {
    const { report } = await diagnose(
      environment({
        mailbox: { testmailboxaccesscompletedon: ago(2), lastsuccessfulsynccompletedon: ago(0.1) },
        alerts: [alert('mailbox', LEARN_ALERTS.credentials, 3, 120)],
      }),
    );
    const alerts = check(report, 'alerts');
    expect(alerts.status).toBe('warn');
    expect(alerts.summary.key).toBe('check.alerts.warnRecovered');
    expect(report.overall).toBe('warning');
  });

  it('an older alert about a channel that still fails stays current; about another channel it has recovered', async () => {
    const incomingAlert = [alert('mailbox', LEARN_ALERTS.credentials, 3, 48)];
    expect(
      check(
        (await diagnose(environment({ mailbox: { incomingemailstatus: 2 }, alerts: incomingAlert }))).report,
        'alerts',
      ).status,
    ).toBe('fail');
    expect(
      check(
        (await diagnose(environment({ mailbox: { outgoingemailstatus: 2 }, alerts: incomingAlert }))).report,
        'alerts',
      ).status,
    ).toBe('warn');
  });

  it('a recognised transient alert (Exchange busy) is at most a warning, even when current', async () => {
    const { report } = await diagnose(
      environment({
        alerts: [
          alert('mailbox', 'An error occurred while receiving email. Email Server Error Code: ErrorServerBusy', 3, 0.1),
        ],
      }),
    );
    const alerts = check(report, 'alerts');
    expect(alerts.status).toBe('warn');
    expect(alerts.alerts![0].state).toBe('transient');
  });
});

describe('rule 3: one story per root cause', () => {
  it('a disabled mailbox with a (401) alert starts at the alert; the symptoms refer to it; no Conditional Access story', async () => {
    const { report } = await diagnose(
      environment({ mailbox: disabledIncoming, alerts: [alert('mailbox', LEARN_ALERTS.unauthorized, 3, 1)] }),
    );
    expect(report.startHere).toBe('alerts');
    expect(check(report, 'alerts').status).toBe('fail');
    for (const symptom of ['delivery-methods', 'mailbox-test', 'sync-recency'] as const) {
      const result = check(report, symptom);
      expect([symptom, result.status, result.explainedBy, result.remedy?.key]).toEqual([
        symptom,
        'fail',
        'alerts',
        'remedy.seeRootCause',
      ]);
      expect(summaryOf(result)).toContain('(see “Alerts”)');
    }
    expect(check(report, 'conditional-access').status).toBe('pass');
  });

  it('a disabled owner is the root cause: the mailbox is not told to activate itself', async () => {
    const { report } = await diagnose(
      environment({ user: { isdisabled: true }, mailbox: { ...disabledIncoming, statecode: 1, statuscode: 2 } }),
    );
    expect(report.startHere).toBe('owner');
    expect(summaryOf(check(report, 'owner'))).toBe(
      'The owner Dana Whitfield is a disabled user: there is nothing to sync for this mailbox.',
    );
    const delivery = check(report, 'delivery-methods');
    expect(delivery.explainedBy).toBe('owner');
    expect(delivery.remedy?.key).not.toBe('check.delivery-methods.remedyActivate');
    expect(report.checks.map((c) => c.remedy && formatMessage(c.remedy, en)).join(' ')).not.toMatch(
      /Activate the mailbox/,
    );
  });
});

describe('rule 5: the mailbox status is the last status, with the cause when one is known', () => {
  it('lists the documented causes when nothing explains the failure', async () => {
    const result = check((await diagnose(environment({ mailbox: { incomingemailstatus: 2 } }))).report, 'mailbox-test');
    expect(summaryOf(result)).toBe('The last status is Failure for: Incoming email.');
    expect(formatMessage(result.remedy!, en)).toMatch(
      /approved.*Exchange Online licence.*no user was found.*privileges.*credentials/s,
    );
    expect(formatMessage(result.remedy!, en)).not.toMatch(/Conditional Access|throttling/);
  });
});

describe('rule 7: throughput is measured, never estimated from connections', () => {
  it('warns on transient failures in a row', async () => {
    const result = check((await diagnose(environment({ mailbox: { transientfailurecount: 3 } }))).report, 'capacity');
    expect(result.status).toBe('warn');
    expect(summaryOf(result)).toBe(
      '3 transient failure(s) in a row. Server-side sync disables a mailbox after a set number of them.',
    );
  });

  it('reports a profile whose mailboxes are overdue (at least 10% and at least 5) as a finding, never on the mailbox', async () => {
    const { report } = await diagnose(environment({ extra: { mailbox: profilePopulation(49, 6) } }));
    expect(check(report, 'capacity').status).toBe('pass');
    expect(report.overall).toBe('healthy');
    const finding = report.findings.find((f) => f.kind === 'profile-overdue')!;
    expect(formatMessage(finding.summary, en)).toBe(
      '6 of 50 active mailboxes on this profile (12%) are more than 30 minutes past their next sync: the profile’s mailboxes are not being processed on time.',
    );
    expect(evidenceOf({ ...check(report, 'capacity'), evidence: finding.evidence })['Reported when']).toBe(
      'at least 10% and at least 5 mailboxes are overdue (heuristic)',
    );
  });

  it('reports nothing below either threshold, and nothing for many mailboxes on few connections that keep up', async () => {
    expect((await diagnose(environment({ extra: { mailbox: profilePopulation(19, 4) } }))).report.findings).toEqual([]);
    expect((await diagnose(environment({ extra: { mailbox: profilePopulation(99, 5) } }))).report.findings).toEqual([]);
    const busy = (
      await diagnose(
        environment({ profile: { maxconcurrentconnections: 10 }, extra: { mailbox: profilePopulation(9_999) } }),
      )
    ).report;
    expect(busy.findings).toEqual([]);
    expect(check(busy, 'capacity').status).toBe('pass');
    expect(evidenceOf(check(busy, 'capacity'))['Maximum concurrent connections (per authenticated user)']).toBe('10');
  });
});

describe('rule 8: appointments quote the current alert, never the tracking token', () => {
  it('quotes Learn\'s "configured with another organization" alert', async () => {
    const { report } = await diagnose(
      environment({ mailbox: { actstatus: 2 }, alerts: [alert('mailbox', LEARN_ALERTS.anotherOrganization, 3, 0.1)] }),
    );
    const result = check(report, 'appointments');
    expect(result.status).toBe('fail');
    expect(summaryOf(result)).toContain('configured with another organization');
    expect(report.startHere).toBe('alerts');
    expect(report.checks.map((c) => (c.remedy ? formatMessage(c.remedy, en) : '')).join(' ')).not.toMatch(
      /tracking token/i,
    );
  });
});

describe('rule 8: a transient appointments alert (Exchange 383) warns, never fails', () => {
  it('quotes the 383 alert as a warning while the status is Success, and recognises it as transient', async () => {
    const text =
      "Appointments, contacts, and tasks for the mailbox Dana Whitfield couldn't be synchronized. The owner of the associated email server profile Microsoft Exchange Online has been notified. The system will try again later.";
    const { report } = await diagnose(
      environment({
        alerts: [
          alert('mailbox', text, 2, 0.1, {
            errordetails: 'Email Server Error Code: Exchange.server returned 383 error.',
          }),
        ],
      }),
    );
    const appointments = check(report, 'appointments');
    expect(appointments.status).toBe('warn');
    expect(summaryOf(appointments)).toContain("couldn't be synchronized");
    expect(check(report, 'alerts').alerts![0]).toMatchObject({
      state: 'transient',
      recognised: { id: 'exchange-383-time-zone' },
    });
    expect(report.overall).toBe('warning');
  });
});

describe('rule 9: delivery methods', () => {
  const forward = { incomingemaildeliverymethod: 3 };
  const forwardMailbox = {
    mailboxid: '1f0e3c1a-5b6d-4e7f-8a9b-0c1d2e3f4a09',
    name: 'Forward mailbox',
    statecode: 0,
    isforwardmailbox: true,
    incomingemaildeliverymethod: 2,
    incomingemailstatus: 1,
  };

  it('passes incoming email through an active forward mailbox, and warns when there is none', async () => {
    const through = check(
      (await diagnose(environment({ mailbox: forward, extra: { mailbox: [forwardMailbox] } }))).report,
      'delivery-methods',
    );
    expect(through.status).toBe('pass');
    expect(summaryOf(through)).toMatch(/active forward mailbox/);
    const none = check(
      (
        await diagnose(
          environment({ mailbox: forward, extra: { mailbox: [{ ...forwardMailbox, incomingemailstatus: 2 }] } }),
        )
      ).report,
      'delivery-methods',
    );
    expect(none.status).toBe('warn');
    expect(none.summary.key).toBe('check.delivery-methods.warnNoForwardMailbox');
  });

  it("treats a queue's outgoing None as information", async () => {
    const queueMailbox = {
      _regardingobjectid_value: IDS.queue,
      '_regardingobjectid_value@Microsoft.Dynamics.CRM.lookuplogicalname': 'queue',
      outgoingemaildeliverymethod: 0,
    };
    const { report } = await diagnose(environment({ mailbox: queueMailbox }));
    expect(check(report, 'delivery-methods').status).toBe('info');
    expect(check(report, 'delivery-methods').summary.key).toBe('check.delivery-methods.infoQueueOutgoingNone');
    // A user's outgoing None is still a warning.
    expect(
      check((await diagnose(environment({ mailbox: { outgoingemaildeliverymethod: 0 } }))).report, 'delivery-methods')
        .status,
    ).toBe('warn');
  });

  it('does not judge outgoing email or appointments of a forward mailbox itself', async () => {
    const { report } = await diagnose(
      environment({
        mailbox: {
          isforwardmailbox: true,
          outgoingemaildeliverymethod: 0,
          actdeliverymethod: 1,
          actstatus: 2,
          enabledforact: false,
        },
      }),
    );
    expect(check(report, 'delivery-methods').status).toBe('pass');
    expect(check(report, 'appointments').status).toBe('skipped');
    expect(check(report, 'mailbox-test').status).toBe('pass');
  });
});

describe('the owner check (step 1)', () => {
  it.each([
    [{ accessmode: 1 }, 'fail', 'check.owner.failAccessMode'],
    [{ islicensed: false }, 'fail', 'check.owner.failUnlicensed'],
    [
      { internalemailaddress: 'dana@fabrikam.com', domainname: 'dana@fabrikam.onmicrosoft.com' },
      'warn',
      'check.owner.warnAddressMismatch',
    ],
    [{ internalemailaddress: 'DANA.WHITFIELD@contoso.com' }, 'pass', 'check.owner.pass'],
    [{ internalemailaddress: 'dana@fabrikam.com' }, 'pass', 'check.owner.pass'],
  ] as const)('user %p → %s', async (user, status, key) => {
    const result = check((await diagnose(environment({ user }))).report, 'owner');
    expect([result.status, result.summary.key]).toEqual([status, key]);
  });

  it('fails on an inactive owning queue, and never fails on an address mismatch alone', async () => {
    const queueMailbox = {
      _regardingobjectid_value: IDS.queue,
      '_regardingobjectid_value@Microsoft.Dynamics.CRM.lookuplogicalname': 'queue',
    };
    expect(
      check((await diagnose(environment({ mailbox: queueMailbox, queue: { statecode: 1 } }))).report, 'owner').status,
    ).toBe('fail');
    expect(check((await diagnose(environment({ mailbox: queueMailbox }))).report, 'owner').status).toBe('pass');
  });
});

describe('the profile settings check (step 1)', () => {
  it('fails when credentials come from the mailbox and it stores none', async () => {
    const { report } = await diagnose(
      environment({ profile: { incomingcredentialretrieval: 0, emailservertypename: 'Exchange Server' } }),
    );
    expect(check(report, 'profile-settings').status).toBe('fail');
    const stored = await diagnose(
      environment({
        profile: { incomingcredentialretrieval: 0, emailservertypename: 'Exchange Server' },
        mailbox: { username: 'dana@contoso.com', allowemailconnectortousecredentials: true },
      }),
    );
    expect(check(stored.report, 'profile-settings').status).toBe('pass');
  });

  it('warns on Exchange Online settings Learn calls unsupported, and not on a hybrid profile', async () => {
    const result = check(
      (await diagnose(environment({ profile: { useautodiscover: false, incominguseimpersonation: true } }))).report,
      'profile-settings',
    );
    expect(result.status).toBe('warn');
    expect(summaryOf(result)).toBe(
      'Exchange Online profile Microsoft Exchange Online uses settings that are not supported with Exchange Online: impersonation, Auto Discover Server Location set to No.',
    );
    expect(formatMessage(result.remedy!, en)).toMatch(/ApplicationImpersonation is retired in Exchange Online/);
    expect(
      check(
        (
          await diagnose(
            environment({ profile: { useautodiscover: false, emailservertypename: 'Exchange Online (Hybrid)' } }),
          )
        ).report,
        'profile-settings',
      ).status,
    ).toBe('pass');
  });

  it('warns when "process email received after" is in the future', async () => {
    const result = check(
      (await diagnose(environment({ mailbox: { processemailreceivedafter: ahead(60 * 48) } }))).report,
      'profile-settings',
    );
    expect(result.status).toBe('warn');
    expect(summaryOf(result)).toMatch(/only email received after 2026-11-29/);
  });
});

describe('the item-level failures check (after sync recency)', () => {
  it('warns on a green mailbox whose items fail, listing at most ten subjects and hiding masked ones', async () => {
    const items = [
      failedItem('***', 'The item is too large.', 1),
      ...Array.from({ length: 11 }, (_, i) => failedItem(`Contract ${i}`, 'A plug-in aborted the operation.', 2 + i)),
    ];
    const { report } = await diagnose(environment({ mailbox: { itemsfailedforlastsync: 2 }, items }));
    const result = check(report, 'item-failures');
    expect(result.status).toBe('warn');
    expect(summaryOf(result)).toBe('12 item(s) failed to sync in the last 3 days, although the mailbox may sync.');
    expect(result.items).toHaveLength(10);
    expect(result.items![0]).toMatchObject({ subject: null, error: 'The item is too large.' });
    expect(result.items![1].subject).toBe('Contract 0');
    expect(check(report, 'sync-recency').status).toBe('pass');
  });

  it('reads the persistence window from OrgDbOrgSettings and ignores older rows', async () => {
    const items = [failedItem('Old one', 'x', 24 * 5)];
    expect(check((await diagnose(environment({ items }))).report, 'item-failures').status).toBe('pass');
    const week =
      '<OrgSettings><ExchangeSyncIdMappingPersistenceTimeInDays>7</ExchangeSyncIdMappingPersistenceTimeInDays></OrgSettings>';
    const longer = check(
      (await diagnose(environment({ items, organization: { orgdborgsettings: week } }))).report,
      'item-failures',
    );
    expect(longer.status).toBe('warn');
    expect(summaryOf(longer)).toContain('in the last 7 days');
  });

  it('says "unknown", never pass, to a caller who may not see the rows; passes for the owner and administrators', async () => {
    const stranger = check(
      (await diagnose(environment(), undefined, IDS.mailbox, { userId: IDS.approver, systemAdministrator: null }))
        .report,
      'item-failures',
    );
    expect(stranger.status).toBe('info');
    expect(stranger.summary.key).toBe('check.item-failures.infoNotVisible');
    const unknownCaller = check((await diagnose(environment(), undefined, IDS.mailbox, null)).report, 'item-failures');
    expect(unknownCaller.status).toBe('info');
    const owner = check(
      (await diagnose(environment(), undefined, IDS.mailbox, { userId: IDS.user, systemAdministrator: null })).report,
      'item-failures',
    );
    expect(owner.status).toBe('pass');
  });
});
