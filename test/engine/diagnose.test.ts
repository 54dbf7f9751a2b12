import { alert, environment, IDS, ago, ahead, profilePopulation } from '../support/fixtures';
import { check, diagnose, evidenceOf, statuses, summaryOf } from './helpers';

describe('diagnosis of one mailbox', () => {
  it('finds a healthy mailbox healthy, with nothing to start with', async () => {
    const { report } = await diagnose(environment());
    expect(report.overall).toBe('healthy');
    expect(report.startHere).toBeNull();
    expect(statuses(report)).toEqual({
      approval: 'pass',
      'server-profile': 'pass',
      'delivery-methods': 'pass',
      alerts: 'pass',
      'mailbox-test': 'pass',
      'sync-recency': 'pass',
      capacity: 'pass',
      appointments: 'pass',
      'conditional-access': 'pass',
      'email-tracking': 'info',
    });
    expect(report.mailbox).toEqual({ id: IDS.mailbox, name: 'Dana Whitfield', emailAddress: 'dana.whitfield@contoso.com' });
    expect(report.checks.map((c) => c.id)).toEqual([
      'approval', 'server-profile', 'delivery-methods', 'alerts', 'mailbox-test', 'sync-recency', 'capacity', 'appointments', 'conditional-access', 'email-tracking',
    ]);
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

  it('fails a mailbox without an email server profile and skips the capacity estimate', async () => {
    const { report, fake } = await diagnose(environment({ mailbox: { _emailserverprofile_value: null } }));
    expect(check(report, 'server-profile').status).toBe('fail');
    expect(summaryOf(check(report, 'server-profile'))).toMatch(/No email server profile/);
    expect(check(report, 'capacity').status).toBe('skipped');
    expect(fake.requests.some((r) => r.table === 'emailserverprofile')).toBe(false);
  });

  it('fails an inactive profile and warns on a failed Test Connection', async () => {
    expect(check((await diagnose(environment({ profile: { statecode: 1 } }))).report, 'server-profile').status).toBe('fail');
    const { report } = await diagnose(environment({ profile: { lasttestexecutionstatus: 2 } }));
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
    const delivery = check(report, 'delivery-methods');
    expect(delivery.status).toBe('fail');
    expect(summaryOf(delivery)).toBe(
      'Incoming email, Appointments, contacts and tasks: set to server-side sync but disabled (server-side sync disables a mailbox after a permanent error or repeated transient failures).',
    );
    const recency = check(report, 'sync-recency');
    expect(recency.status).toBe('fail');
    expect(summaryOf(recency)).toMatch(/9999/);
    expect(evidenceOf(recency)['Next sync']).toBe('Never: processing is disabled');
    expect(evidenceOf(recency)['Consecutive sync errors']).toBe('10');
    expect(evidenceOf(recency)['Last sync error']).toContain('(401) Unauthorized');
    expect(check(report, 'mailbox-test').status).toBe('fail');
    expect(report.startHere).toBe('delivery-methods');
  });

  it('fails the mailbox test on Failure and warns on Not Run, only for channels on server-side sync', async () => {
    const failed = (await diagnose(environment({ mailbox: { outgoingemailstatus: 2 } }))).report;
    expect(check(failed, 'mailbox-test').status).toBe('fail');
    expect(summaryOf(check(failed, 'mailbox-test'))).toBe('Test & Enable failed for: Outgoing email.');
    const notRun = (await diagnose(environment({ mailbox: { incomingemailstatus: 0, actstatus: null } }))).report;
    expect(check(notRun, 'mailbox-test').status).toBe('warn');
    expect(summaryOf(check(notRun, 'mailbox-test'))).toBe('Never tested: Incoming email, Appointments, contacts and tasks.');
    const outlookOnly = (await diagnose(environment({ mailbox: { incomingemaildeliverymethod: 1, outgoingemaildeliverymethod: 1, actdeliverymethod: 0, incomingemailstatus: 2 } }))).report;
    expect(check(outlookOnly, 'mailbox-test').status).toBe('skipped');
    expect(check(outlookOnly, 'delivery-methods').status).toBe('warn');
    expect(check(outlookOnly, 'sync-recency').status).toBe('skipped');
  });

  it('treats processingstatecode = 1 as normal processing, and a hold over an hour as a warning', async () => {
    const processing = (await diagnose(environment({ mailbox: { processingstatecode: 1, processinglastattemptedon: ago(0.1) } }))).report;
    expect(processing.overall).toBe('healthy');
    expect(check(processing, 'sync-recency').status).toBe('pass');
    expect(summaryOf(check(processing, 'sync-recency'))).toMatch(/processing the mailbox right now, which is normal/);
    const held = (await diagnose(environment({ mailbox: { processingstatecode: 1, processinglastattemptedon: ago(3), lastsuccessfulsynccompletedon: ago(1) } }))).report;
    expect(check(held, 'sync-recency').status).toBe('warn');
    expect(summaryOf(check(held, 'sync-recency'))).toMatch(/held this mailbox for 3 hour/);
  });

  it('judges staleness: older than 24 h fails, older than 2 h warns, none recorded warns', async () => {
    expect(check((await diagnose(environment({ mailbox: { lastsuccessfulsynccompletedon: ago(30) } }))).report, 'sync-recency').status).toBe('fail');
    const warn = check((await diagnose(environment({ mailbox: { lastsuccessfulsynccompletedon: ago(3), lastsyncerrorcount: 4 } }))).report, 'sync-recency');
    expect(warn.status).toBe('warn');
    expect(summaryOf(warn)).toBe('Last successful sync 3 hours ago. Current error streak: 4.');
    expect(check((await diagnose(environment({ mailbox: { lastsuccessfulsynccompletedon: null } }))).report, 'sync-recency').status).toBe('warn');
  });

  it('answers "when will it sync next?" from postponemailboxprocessinguntil', async () => {
    const { report } = await diagnose(environment({ mailbox: { postponemailboxprocessinguntil: ahead(7) } }));
    expect(evidenceOf(check(report, 'sync-recency'))['Next sync']).toBe(ahead(7));
    const due = (await diagnose(environment({ mailbox: { postponemailboxprocessinguntil: ago(1) } }))).report;
    expect(evidenceOf(check(due, 'sync-recency'))['Next sync']).toBe('Due at the next cycle');
  });

  it('warns for an under-provisioned profile: 10,000 mailboxes on 10 connections', async () => {
    const { report, fake } = await diagnose(
      environment({ profile: { maxconcurrentconnections: 10 }, extra: { mailbox: profilePopulation(9_999) } }),
    );
    const capacity = check(report, 'capacity');
    expect(capacity.status).toBe('warn');
    expect(summaryOf(capacity)).toBe('10000 active mailboxes share 10 connections on Microsoft Exchange Online: one sync cycle takes about 33 minutes (estimate).');
    expect(evidenceOf(capacity)['Estimated cycle (2 s per mailbox, assumed)']).toBe('33 min');
    const count = fake.requests.find((r) => r.options?.startsWith('?fetchXml='));
    expect(decodeURIComponent(count!.options!)).toContain('aggregate="count"');
  });

  it('keeps the capacity verdict when the profile has more mailboxes than a FetchXML aggregate can count', async () => {
    const { report } = await diagnose(environment({ profile: { maxconcurrentconnections: 100 } }), (fake) => {
      const retrieveMultiple = fake.retrieveMultipleRecords.bind(fake);
      fake.retrieveMultipleRecords = (table, options, pageSize) =>
        options?.startsWith('?fetchXml=')
          ? Promise.reject({ errorCode: 0x8004e023, message: 'AggregateQueryRecordLimit exceeded. Cannot perform this operation.' })
          : retrieveMultiple(table, options, pageSize);
    });
    const capacity = check(report, 'capacity');
    expect(capacity.status).toBe('warn');
    expect(summaryOf(capacity)).toBe('at least 50000 active mailboxes share 100 connections on Microsoft Exchange Online: one sync cycle takes about 17 minutes (estimate).');
    expect(evidenceOf(capacity)['Active server-side sync mailboxes on this profile']).toBe('at least 50000');
  });

  it('passes capacity for a small population, and warns when no connection limit is set', async () => {
    const small = check((await diagnose(environment({ extra: { mailbox: profilePopulation(49) } }))).report, 'capacity');
    expect(small.status).toBe('pass');
    expect(summaryOf(small)).toBe('50 active mailboxes on 100 connections: about 1 minute(s) per cycle (estimate).');
    expect(check((await diagnose(environment({ profile: { maxconcurrentconnections: null } }))).report, 'capacity').status).toBe('warn');
  });

  it('fails appointments alone while email works, with the tracking-token explanation', async () => {
    const { report } = await diagnose(environment({ mailbox: { actstatus: 2 } }));
    const appointments = check(report, 'appointments');
    expect(appointments.status).toBe('fail');
    expect(appointments.remedy?.key).toBe('check.appointments.remedyTrackingToken');
    expect(check(report, 'delivery-methods').status).toBe('pass');
    expect(check(report, 'sync-recency').status).toBe('pass');
  });

  it('names the "configured with another organization" alert as the appointments cause', async () => {
    const { report } = await diagnose(
      environment({
        mailbox: { actstatus: 2 },
        alerts: [alert('mailbox', 'Appointments, contacts, and tasks can\'t be synchronized for the mailbox Dana Whitfield because the email address is configured with another organization.', 3)],
      }),
    );
    const appointments = check(report, 'appointments');
    expect(appointments.status).toBe('fail');
    expect(summaryOf(appointments)).toMatch(/configured with another organization/);
    expect(appointments.remedy?.key).toBe('alert.another-organization.fix');
  });

  it('skips appointments when they do not use server-side sync', async () => {
    expect(check((await diagnose(environment({ mailbox: { actdeliverymethod: 2, actstatus: 2 } }))).report, 'appointments').status).toBe('skipped');
  });

  it('warns when the owner tracks no email messages and incoming uses server-side sync', async () => {
    const { report } = await diagnose(environment({ usersettings: { incomingemailfilteringmethod: 4 } }));
    expect(check(report, 'email-tracking').status).toBe('warn');
    const info = check((await diagnose(environment())).report, 'email-tracking');
    expect(summaryOf(info)).toBe('The owner tracks: Email messages from Dynamics 365 Leads, Contacts and Accounts.');
    expect(evidenceOf(info)['Ignore internal email']).toBe('Yes');
  });
});
