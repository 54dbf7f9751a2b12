/**
 * Test environments for the engine: one healthy baseline and small, named changes to it, one per failure mode of the
 * article. Rows use Web API property names (lookups as `_x_value`), as Dataverse returns them.
 */
import type { DataverseRecord } from '../../diagnostics';
import type { DataSet } from '../../simulator/store';

export const NOW = new Date('2026-11-27T12:00:00Z');
export const now = () => NOW;

export function ago(hours: number): string {
  return new Date(NOW.getTime() - hours * 3_600_000).toISOString();
}

export function ahead(minutes: number): string {
  return new Date(NOW.getTime() + minutes * 60_000).toISOString();
}

export const IDS = {
  mailbox: '1f0e3c1a-5b6d-4e7f-8a9b-0c1d2e3f4a01',
  queueMailbox: '1f0e3c1a-5b6d-4e7f-8a9b-0c1d2e3f4a02',
  profile: '2a1b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c01',
  user: '3b2c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d01',
  queue: '4c3d5e6f-7a8b-4c9d-8e1f-2a3b4c5d6e01',
  organization: '5d4e6f7a-8b9c-4d0e-9f2a-3b4c5d6e7f01',
  approver: '3b2c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d02',
  contact: '6e5f7a8b-9c0d-4e1f-8a3b-4c5d6e7f8a01',
} as const;

let alertCounter = 0;

export function alert(
  regarding: 'mailbox' | 'emailserverprofile',
  text: string,
  level: 1 | 2 | 3,
  hoursAgo = 1,
  extra: DataverseRecord = {},
): DataverseRecord {
  alertCounter++;
  return {
    tracelogid: `7f6a8b9c-0d1e-4f2a-9b4c-${String(alertCounter).padStart(12, '0')}`,
    text,
    level,
    tracecode: 0,
    errordetails: null,
    createdon: ago(hoursAgo + 1),
    modifiedon: ago(hoursAgo),
    _regardingobjectid_value: regarding === 'mailbox' ? IDS.mailbox : IDS.profile,
    '_regardingobjectid_value@Microsoft.Dynamics.CRM.lookuplogicalname': regarding,
    ...extra,
  };
}

/** Exchange refused the mailbox's credentials on incoming email: the Error alert server-side sync writes then. */
export function unauthorizedAlert(hoursAgo: number): DataverseRecord {
  return alert(
    'mailbox',
    'Email cannot be received for the mailbox Dana Whitfield. The remote server returned an error: (401) Unauthorized.',
    3,
    hoursAgo,
  );
}

export function healthyMailbox(overrides: DataverseRecord = {}): DataverseRecord {
  return {
    mailboxid: IDS.mailbox,
    name: 'Dana Whitfield',
    emailaddress: 'dana.whitfield@contoso.com',
    statecode: 0,
    statuscode: 1,
    emailrouteraccessapproval: 1,
    isemailaddressapprovedbyo365admin: true,
    emailaddressapprovedon: ago(24 * 30),
    _emailaddressapprovedby_value: IDS.approver,
    '_emailaddressapprovedby_value@Microsoft.Dynamics.CRM.lookuplogicalname': 'systemuser',
    incomingemaildeliverymethod: 2,
    outgoingemaildeliverymethod: 2,
    actdeliverymethod: 1,
    incomingemailstatus: 1,
    outgoingemailstatus: 1,
    actstatus: 1,
    enabledforincomingemail: true,
    enabledforoutgoingemail: true,
    enabledforact: true,
    isforwardmailbox: false,
    testemailconfigurationscheduled: false,
    testmailboxaccesscompletedon: ago(24 * 30),
    lastsuccessfulsynccompletedon: ago(0.25),
    lastsyncerror: null,
    lastsyncerrorcode: null,
    lastsyncerrorcount: 0,
    lastsyncerroroccurredon: null,
    processingstatecode: 0,
    processinglastattemptedon: ago(0.25),
    postponemailboxprocessinguntil: ahead(4),
    _emailserverprofile_value: IDS.profile,
    _regardingobjectid_value: IDS.user,
    '_regardingobjectid_value@Microsoft.Dynamics.CRM.lookuplogicalname': 'systemuser',
    _ownerid_value: IDS.user,
    '_ownerid_value@Microsoft.Dynamics.CRM.lookuplogicalname': 'systemuser',
    transientfailurecount: 0,
    itemsfailedforlastsync: 0,
    processemailreceivedafter: null,
    allowemailconnectortousecredentials: false,
    username: null,
    ...overrides,
  };
}

let itemCounter = 0;

/** A failed item (exchangesyncidmapping) of the healthy mailbox's owner, as the Item Monitoring dashboard lists it. */
export function failedItem(subject: string, error: string, hoursAgo = 2, extra: DataverseRecord = {}): DataverseRecord {
  itemCounter++;
  return {
    exchangesyncidmappingid: `8a7b9c0d-1e2f-4a3b-8c4d-${String(itemCounter).padStart(12, '0')}`,
    itemsubject: subject,
    lastsyncerror: error,
    lastsyncerrorcode: -2147220891,
    lastsyncerroroccurredon: ago(hoursAgo),
    _ownerid_value: IDS.user,
    '_ownerid_value@Microsoft.Dynamics.CRM.lookuplogicalname': 'systemuser',
    ...extra,
  };
}

export function environment(
  changes: Partial<{
    mailbox: DataverseRecord;
    profile: DataverseRecord;
    organization: DataverseRecord;
    alerts: DataverseRecord[];
    usersettings: DataverseRecord;
    user: DataverseRecord;
    queue: DataverseRecord;
    items: DataverseRecord[];
    extra: DataSet;
  }> = {},
): DataSet {
  const base: DataSet = {
    mailbox: [healthyMailbox(changes.mailbox)],
    emailserverprofile: [
      {
        emailserverprofileid: IDS.profile,
        name: 'Microsoft Exchange Online',
        statecode: 0,
        servertype: 0,
        emailservertypename: 'Exchange Online',
        incomingcredentialretrieval: 2,
        outgoingcredentialretrieval: 2,
        incomingauthenticationprotocol: 0,
        useautodiscover: true,
        incomingserverlocation: null,
        lasttestexecutionstatus: 1,
        lastteststarttime: ago(24 * 7),
        maxconcurrentconnections: 100,
        minpollingintervalinminutes: 0,
        ...changes.profile,
      },
    ],
    organization: [
      {
        organizationid: IDS.organization,
        name: 'Contoso',
        requireapprovalforuseremail: true,
        requireapprovalforqueueemail: true,
        generatealertsforerrors: true,
        generatealertsforwarnings: true,
        ignoreinternalemail: true,
        emailcorrelationenabled: true,
        enablesmartmatching: false,
        trackingprefix: 'CRM',
        orgdborgsettings: null,
        ...changes.organization,
      },
    ],
    tracelog: changes.alerts ?? [],
    systemuser: [
      {
        systemuserid: IDS.user,
        fullname: 'Dana Whitfield',
        internalemailaddress: 'dana.whitfield@contoso.com',
        domainname: 'dana.whitfield@contoso.com',
        isdisabled: false,
        accessmode: 0,
        islicensed: true,
        ...changes.user,
      },
      {
        systemuserid: IDS.approver,
        fullname: 'Priya Raman',
        internalemailaddress: 'priya.raman@contoso.com',
        domainname: 'priya.raman@contoso.com',
        isdisabled: false,
        accessmode: 0,
        islicensed: true,
      },
    ],
    usersettings: [{ systemuserid: IDS.user, incomingemailfilteringmethod: 2, ...changes.usersettings }],
    queue: [
      {
        queueid: IDS.queue,
        name: 'Support',
        emailaddress: 'support@contoso.com',
        incomingemailfilteringmethod: 0,
        statecode: 0,
        ...changes.queue,
      },
    ],
    exchangesyncidmapping: changes.items ?? [],
    contact: [
      {
        contactid: IDS.contact,
        fullname: 'Jonas Berg',
        emailaddress1: 'jonas.berg@fabrikam.com',
        emailaddress2: null,
        emailaddress3: null,
      },
    ],
    account: [],
    lead: [],
  };
  for (const [table, rows] of Object.entries(changes.extra ?? {})) base[table] = [...(base[table] ?? []), ...rows];
  return base;
}

/**
 * `count` more active server-side sync mailboxes on the same profile; the first `overdue` of them are an hour past
 * their next sync with no host holding them.
 */
export function profilePopulation(count: number, overdue = 0, from = 0): DataverseRecord[] {
  return Array.from({ length: count }, (_, i) => ({
    mailboxid: `9a8b7c6d-5e4f-4a3b-8c2d-${String(from + i).padStart(12, '0')}`,
    name: `Mailbox ${from + i}`,
    statecode: 0,
    incomingemaildeliverymethod: 2,
    outgoingemaildeliverymethod: 2,
    actdeliverymethod: 1,
    processingstatecode: 0,
    postponemailboxprocessinguntil: i < overdue ? ago(1) : ahead(5),
    _emailserverprofile_value: IDS.profile,
  }));
}
