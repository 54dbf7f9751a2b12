import { alert, environment, IDS, ago, ahead } from '../support/fixtures';
import { en, formatMessage } from '../../diagnostics';
import { check, diagnose, evidenceOf, statuses, summaryOf } from './helpers';
import { DEBUGGING_ORDER } from '../support/expected';

describe('diagnosis of one mailbox', () => {
  it('finds a healthy mailbox healthy, with nothing to start with', async () => {
    const { report } = await diagnose(environment());
    expect(report.overall).toBe('healthy');
    expect(report.startHere).toBeNull();
    expect(statuses(report)).toEqual({
      approval: 'pass',
      owner: 'pass',
      'server-profile': 'pass',
      'profile-settings': 'pass',
      'delivery-methods': 'pass',
      alerts: 'pass',
      'mailbox-test': 'pass',
      'sync-recency': 'pass',
      'item-failures': 'pass',
      capacity: 'pass',
      appointments: 'pass',
      'conditional-access': 'pass',
      'email-tracking': 'info',
    });
    expect(report.mailbox).toEqual({
      id: IDS.mailbox,
      name: 'Dana Whitfield',
      emailAddress: 'dana.whitfield@contoso.com',
    });
    expect(report.checks.map((c) => c.id)).toEqual(DEBUGGING_ORDER);
    expect(report.findings).toEqual([]);
    for (const c of report.checks) expect(c.learnMoreUrl).toMatch(/^https:\/\/learn\.microsoft\.com\//);
  });

  it('shows who approved the address and when', async () => {
    const { report } = await diagnose(environment());
    const evidence = evidenceOf(check(report, 'approval'));
    expect(evidence['Email address status']).toBe('Approved');
    expect(evidence['Approved by']).toBe('Priya Raman');
    expect(evidence['Approved on']).toBe(ago(24 * 30));
  });

  it('fails an unapproved user mailbox when the organization requires approval, and starts there', async () => {
    const { report } = await diagnose(environment({ mailbox: { emailrouteraccessapproval: 2 } }));
    const approval = check(report, 'approval');
    expect(approval.status).toBe('fail');
    expect(summaryOf(approval)).toContain('Pending Approval');
    expect(approval.remedy && approval.remedy.key).toBe('check.approval.remedy');
    expect(report.overall).toBe('failing');
    expect(report.startHere).toBe('approval');
  });

  it('only warns for an unapproved queue mailbox when only user approval is required', async () => {
    const { report } = await diagnose(
      environment({
        mailbox: {
          emailrouteraccessapproval: 0,
          _regardingobjectid_value: IDS.queue,
          '_regardingobjectid_value@Microsoft.Dynamics.CRM.lookuplogicalname': 'queue',
        },
        organization: { requireapprovalforuseremail: true, requireapprovalforqueueemail: false },
      }),
    );
    const approval = check(report, 'approval');
    expect(approval.status).toBe('warn');
    expect(evidenceOf(approval)['Owner type']).toBe('Queue');
    expect(evidenceOf(approval)['Process email only for approved queues']).toBe('No');
    expect(check(report, 'email-tracking').evidence.map((e) => e.label.key)).toContain('evidence.queueFiltering');
  });

  it('fails a mailbox without an email server profile and skips the profile settings', async () => {
    const { report, fake } = await diagnose(environment({ mailbox: { _emailserverprofile_value: null } }));
    expect(check(report, 'server-profile').status).toBe('fail');
    expect(summaryOf(check(report, 'server-profile'))).toMatch(/No email server profile/);
    expect(check(report, 'profile-settings').status).toBe('skipped');
    expect(check(report, 'capacity').status).toBe('pass');
    expect(fake.requests.some((r) => r.table === 'emailserverprofile')).toBe(false);
  });

  it('fails an inactive profile; a failed Test Connection warns unless the mailbox itself succeeds (Learn: disregard it then)', async () => {
    expect(check((await diagnose(environment({ profile: { statecode: 1 } }))).report, 'server-profile').status).toBe(
      'fail',
    );
    const succeeding = (await diagnose(environment({ profile: { lasttestexecutionstatus: 0 } }))).report;
    expect(check(succeeding, 'server-profile').status).toBe('info');
    expect(summaryOf(check(succeeding, 'server-profile'))).toMatch(/can be disregarded/);
    expect(succeeding.overall).toBe('healthy');
    const { report } = await diagnose(
      environment({ profile: { lasttestexecutionstatus: 2 }, mailbox: { outgoingemailstatus: 0 } }),
    );
    expect(check(report, 'server-profile').status).toBe('warn');
    expect(summaryOf(check(report, 'server-profile'))).toContain('Warning');
  });

  it('fails an inactive mailbox', async () => {
    const { report } = await diagnose(environment({ mailbox: { statecode: 1, statuscode: 2 } }));
    expect(check(report, 'delivery-methods').status).toBe('fail');
    expect(summaryOf(check(report, 'delivery-methods'))).toMatch(/inactive/);
  });

  it('fails a mailbox disabled after errors: channels off and processing postponed to 9999', async () => {
    const { report } = await diagnose(
      environment({
        mailbox: {
          enabledforincomingemail: false,
          enabledforact: false,
          incomingemailstatus: 2,
          actstatus: 2,
          postponemailboxprocessinguntil: '9999-12-31T23:59:59Z',
          lastsyncerrorcount: 10,
          lastsyncerror: 'The remote server returned an error: (401) Unauthorized.',
          lastsyncerrorcode: -2147220937,
          lastsyncerroroccurredon: ago(2),
          lastsuccessfulsynccompletedon: ago(30),
        },
      }),
    );
    // The last sync error is recognised (a 401): the mailbox status check carries that cause, and the symptoms point to it.
    const delivery = check(report, 'delivery-methods');
    expect(delivery.status).toBe('fail');
    expect(delivery.explainedBy).toBe('mailbox-test');
    expect(summaryOf(delivery)).toMatch(
      /^Incoming email, Appointments, contacts and tasks: disabled by server-side sync\. Cause \(see “Mailbox status \(last test or sync\)”\)/,
    );
    const recency = check(report, 'sync-recency');
    expect(recency.status).toBe('fail');
    expect(summaryOf(recency)).toMatch(/9999/);
    expect(evidenceOf(recency)['Next sync']).toBe('Never: processing is disabled');
    expect(evidenceOf(recency)['Consecutive sync errors']).toBe('10');
    expect(evidenceOf(recency)['Last sync error']).toContain('(401) Unauthorized');
    const status = check(report, 'mailbox-test');
    expect(status.status).toBe('fail');
    expect(status.summary.key).toBe('check.mailbox-test.failLastSyncError');
    expect(report.startHere).toBe('mailbox-test');
  });

  it('without a recognised cause, a disabled mailbox starts at its symptom and lists generic causes', async () => {
    const { report } = await diagnose(
      environment({
        mailbox: { enabledforincomingemail: false, incomingemailstatus: 2, lastsyncerror: 'Something unheard of.' },
      }),
    );
    expect(report.startHere).toBe('delivery-methods');
    expect(check(report, 'delivery-methods').explainedBy).toBeUndefined();
    expect(check(report, 'mailbox-test').remedy?.key).toBe('check.mailbox-test.remedyDocumentedCauses');
  });

  it('fails the mailbox test on Failure and warns on Not Run, only for channels on server-side sync', async () => {
    const failed = (await diagnose(environment({ mailbox: { outgoingemailstatus: 2 } }))).report;
    expect(check(failed, 'mailbox-test').status).toBe('fail');
    expect(summaryOf(check(failed, 'mailbox-test'))).toBe('The last status is Failure for: Outgoing email.');
    const notRun = (await diagnose(environment({ mailbox: { incomingemailstatus: 0, actstatus: null } }))).report;
    expect(check(notRun, 'mailbox-test').status).toBe('warn');
    expect(summaryOf(check(notRun, 'mailbox-test'))).toBe(
      'Never tested: Incoming email, Appointments, contacts and tasks.',
    );
    const outlookOnly = (
      await diagnose(
        environment({
          mailbox: {
            incomingemaildeliverymethod: 1,
            outgoingemaildeliverymethod: 1,
            actdeliverymethod: 0,
            incomingemailstatus: 2,
          },
        }),
      )
    ).report;
    expect(check(outlookOnly, 'mailbox-test').status).toBe('skipped');
    expect(check(outlookOnly, 'delivery-methods').status).toBe('warn');
    expect(check(outlookOnly, 'sync-recency').status).toBe('skipped');
  });

  it('treats processingstatecode = 1 as normal processing, and a hold over an hour as a warning', async () => {
    const processing = (
      await diagnose(environment({ mailbox: { processingstatecode: 1, processinglastattemptedon: ago(0.1) } }))
    ).report;
    expect(processing.overall).toBe('healthy');
    expect(check(processing, 'sync-recency').status).toBe('pass');
    expect(summaryOf(check(processing, 'sync-recency'))).toMatch(/processing the mailbox right now, which is normal/);
    const held = (
      await diagnose(
        environment({
          mailbox: { processingstatecode: 1, processinglastattemptedon: ago(3), lastsuccessfulsynccompletedon: ago(1) },
        }),
      )
    ).report;
    expect(check(held, 'sync-recency').status).toBe('warn');
    expect(summaryOf(check(held, 'sync-recency'))).toMatch(/held this mailbox for 3 hour/);
  });

  it('judges recency against the schedule: stale after max(24 h, 2 × polling) fails, overdue warns, none recorded warns', async () => {
    expect(
      check(
        (await diagnose(environment({ mailbox: { lastsuccessfulsynccompletedon: ago(30) } }))).report,
        'sync-recency',
      ).status,
    ).toBe('fail');
    // On its schedule, 3 hours without a sync is fine: the next sync is ahead.
    const onSchedule = check(
      (await diagnose(environment({ mailbox: { lastsuccessfulsynccompletedon: ago(3), lastsyncerrorcount: 4 } })))
        .report,
      'sync-recency',
    );
    expect(onSchedule.status).toBe('pass');
    expect(summaryOf(onSchedule)).toBe('On schedule: last synced 3 h ago. Current error streak: 4.');
    expect(evidenceOf(onSchedule)['Stale after']).toBe('24 h without a successful sync (heuristic)');
    expect(
      check((await diagnose(environment({ mailbox: { lastsuccessfulsynccompletedon: null } }))).report, 'sync-recency')
        .status,
    ).toBe('warn');
  });

  it('never calls a mailbox on a 12-hour polling schedule stale while it is on schedule', async () => {
    const twelveHours = environment({
      profile: { minpollingintervalinminutes: 720 },
      mailbox: { lastsuccessfulsynccompletedon: ago(11.5), postponemailboxprocessinguntil: ahead(25) },
    });
    const recency = check((await diagnose(twelveHours)).report, 'sync-recency');
    expect(recency.status).toBe('pass');
    // Stale only after 2 × 12 h = 24 h; 30 h is stale even on that schedule.
    const late = environment({
      profile: { minpollingintervalinminutes: 1440 },
      mailbox: { lastsuccessfulsynccompletedon: ago(30), postponemailboxprocessinguntil: ahead(60) },
    });
    expect(check((await diagnose(late)).report, 'sync-recency').status).toBe('pass');
    const stale = environment({
      profile: { minpollingintervalinminutes: 720 },
      mailbox: { lastsuccessfulsynccompletedon: ago(30) },
    });
    expect(check((await diagnose(stale)).report, 'sync-recency').status).toBe('fail');
  });

  it('warns when the next sync is more than 30 minutes overdue and no host holds the mailbox', async () => {
    const overdue = check(
      (await diagnose(environment({ mailbox: { postponemailboxprocessinguntil: ago(1) } }))).report,
      'sync-recency',
    );
    expect(overdue.status).toBe('warn');
    expect(summaryOf(overdue)).toBe('The next sync was due 60 minutes ago and no host has picked the mailbox up.');
    const justDue = check(
      (await diagnose(environment({ mailbox: { postponemailboxprocessinguntil: ago(0.25) } }))).report,
      'sync-recency',
    );
    expect(justDue.status).toBe('pass');
    const beingProcessed = check(
      (
        await diagnose(
          environment({
            mailbox: {
              postponemailboxprocessinguntil: ago(1),
              processingstatecode: 1,
              processinglastattemptedon: ago(0.1),
            },
          }),
        )
      ).report,
      'sync-recency',
    );
    expect(beingProcessed.status).toBe('pass');
  });

  it('answers "when will it sync next?" from postponemailboxprocessinguntil', async () => {
    const { report } = await diagnose(environment({ mailbox: { postponemailboxprocessinguntil: ahead(7) } }));
    expect(evidenceOf(check(report, 'sync-recency'))['Next sync']).toBe(ahead(7));
  });

  it('fails appointments alone while email works, with the documented causes and never the tracking token', async () => {
    const { report } = await diagnose(environment({ mailbox: { actstatus: 2 } }));
    const appointments = check(report, 'appointments');
    expect(appointments.status).toBe('fail');
    expect(appointments.remedy?.key).toBe('check.appointments.remedyDocumentedCauses');
    expect(formatMessage(appointments.remedy!, en)).not.toMatch(/tracking token/i);
    expect(formatMessage(appointments.remedy!, en)).toMatch(
      /synchronization filters.*organizer.*another organization.*383/s,
    );
    expect(check(report, 'mailbox-test').explainedBy).toBe('appointments');
    expect(report.startHere).toBe('appointments');
    expect(check(report, 'delivery-methods').status).toBe('pass');
    expect(check(report, 'sync-recency').status).toBe('pass');
  });

  it('names the "configured with another organization" alert as the appointments cause', async () => {
    const { report } = await diagnose(
      environment({
        mailbox: { actstatus: 2 },
        alerts: [
          alert(
            'mailbox',
            "Appointments, contacts, and tasks can't be synchronized for the mailbox Dana Whitfield because the email address is configured with another organization.",
            3,
          ),
        ],
      }),
    );
    const appointments = check(report, 'appointments');
    expect(appointments.status).toBe('fail');
    expect(summaryOf(appointments)).toMatch(/configured with another organization/);
    expect(appointments.remedy?.key).toBe('alert.another-organization.fix');
  });

  it('skips appointments when they do not use server-side sync', async () => {
    expect(
      check((await diagnose(environment({ mailbox: { actdeliverymethod: 2, actstatus: 2 } }))).report, 'appointments')
        .status,
    ).toBe('skipped');
  });

  it('warns when the owner tracks no email messages and incoming uses server-side sync', async () => {
    const { report } = await diagnose(environment({ usersettings: { incomingemailfilteringmethod: 4 } }));
    expect(check(report, 'email-tracking').status).toBe('warn');
    const info = check((await diagnose(environment())).report, 'email-tracking');
    expect(summaryOf(info)).toBe('The owner tracks: Email messages from Dynamics 365 Leads, Contacts and Accounts.');
    expect(evidenceOf(info)['Ignore internal email']).toBe('Yes');
  });
});
