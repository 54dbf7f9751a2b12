/**
 * Generated fleets for the scan's benchmark and its large tests, in the emulator's DataSet shape:
 * - `mostly-healthy`: 99% users, 1% queues, three profiles; 2% failing (incoming status Failure), 5% warning (a Warning
 *   alert in the week), the rest healthy; failed items for one user in 100;
 * - `all-failing`: the day everything breaks — every mailbox's incoming and outgoing email fail after a tenant-wide
 *   credential change, with the same current Error alert (401 Unauthorized, recognised by the catalogue) on each.
 * Every owner has its user (or queue) row and user settings, as a real environment does; every mailbox record is owned
 * by a user (a queue's by the first user). GENERATED_CALLER is a user that exists: the one WhoAmI should answer with.
 */
import type { DataverseRecord } from '../diagnostics';
import type { DataSet } from '../simulator/store';

export type FleetShape = 'mostly-healthy' | 'all-failing';

/** The alert every mailbox of the all-failing fleet shows: Learn's wording of the 401 after a credential change. */
export const ALL_FAILING_ALERT =
  'Email cannot be received for the mailbox because the credentials specified in the associated email server profile are incorrect or have insufficient permissions. Email Server Error Code: Exchange server returned (401) Unauthorized.';

const guid = (prefix: string, n: number) => `${prefix}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/** The first generated user: a caller the environment knows. */
export const GENERATED_CALLER = guid('a0000000', 1);

/** The id of the n-th generated mailbox (1-based). */
export const generatedMailboxId = (n: number): string => guid('b0000000', n);

export function generateFleet(count: number, shape: FleetShape = 'mostly-healthy', now: Date = new Date()): DataSet {
  const iso = (offsetMs: number) => new Date(now.getTime() + offsetMs).toISOString();
  const allFailing = shape === 'all-failing';
  const profiles = [0, 1, 2].map((i) => ({
    emailserverprofileid: guid('e0000000', i + 1),
    name: `Exchange Online ${i + 1}`,
    statecode: 0,
    statuscode: 1,
    servertype: 0,
    incomingcredentialretrieval: 2,
    outgoingcredentialretrieval: 2,
    incomingauthenticationprotocol: 0,
    useautodiscover: true,
    lasttestexecutionstatus: 1,
    lastteststarttime: iso(-86_400_000),
    maxconcurrentconnections: 300,
    minpollingintervalinminutes: 0,
  }));
  const mailboxes: DataverseRecord[] = [];
  const systemusers: DataverseRecord[] = [];
  const usersettings: DataverseRecord[] = [];
  const queues: DataverseRecord[] = [];
  const tracelogs: DataverseRecord[] = [];
  const items: DataverseRecord[] = [];
  for (let i = 1; i <= count; i++) {
    const id = generatedMailboxId(i);
    const queue = i % 100 === 0;
    const owner = queue ? guid('c0000000', i) : guid('a0000000', i);
    const address = queue ? `queue${i}@contoso.com` : `user${i}@contoso.com`;
    const failing = allFailing || i % 50 === 7;
    const warned = !allFailing && i % 20 === 3;
    const status = failing ? 2 : 1;
    mailboxes.push({
      mailboxid: id,
      name: queue ? `Queue ${i}` : `User ${i}`,
      emailaddress: address,
      statecode: 0,
      statuscode: 1,
      emailrouteraccessapproval: 1,
      isemailaddressapprovedbyo365admin: true,
      incomingemaildeliverymethod: 2,
      outgoingemaildeliverymethod: 2,
      actdeliverymethod: queue ? 2 : 1,
      incomingemailstatus: status,
      outgoingemailstatus: allFailing ? 2 : 1,
      actstatus: queue ? 0 : 1,
      enabledforincomingemail: true,
      enabledforoutgoingemail: true,
      enabledforact: !queue,
      isforwardmailbox: false,
      testemailconfigurationscheduled: false,
      testmailboxaccesscompletedon: iso(-30 * 86_400_000),
      lastsuccessfulsynccompletedon: iso(allFailing ? -2 * 3_600_000 : -10 * 60_000),
      lastsyncerrorcount: allFailing ? 3 : 0,
      processingstatecode: 0,
      processinglastattemptedon: iso(-10 * 60_000),
      postponemailboxprocessinguntil: iso(5 * 60_000),
      _emailserverprofile_value: profiles[i % 3].emailserverprofileid,
      _regardingobjectid_value: owner,
      '_regardingobjectid_value@Microsoft.Dynamics.CRM.lookuplogicalname': queue ? 'queue' : 'systemuser',
      _ownerid_value: queue ? GENERATED_CALLER : owner,
      '_ownerid_value@Microsoft.Dynamics.CRM.lookuplogicalname': 'systemuser',
    });
    if (queue) {
      queues.push({ queueid: owner, name: `Queue ${i}`, statecode: 0, incomingemailfilteringmethod: 0 });
    } else {
      systemusers.push({
        systemuserid: owner,
        fullname: `User ${i}`,
        isdisabled: false,
        accessmode: 0,
        islicensed: true,
        internalemailaddress: address,
        domainname: address,
      });
      usersettings.push({ systemuserid: owner, incomingemailfilteringmethod: 2 });
    }
    if (!allFailing && !queue && i % 100 === 41) {
      for (let n = 0; n < 3; n++) {
        items.push({
          exchangesyncidmappingid: guid(`9${n}000000`, i),
          itemsubject: `Item ${n}`,
          lastsyncerror: 'The item could not be synchronized.',
          lastsyncerroroccurredon: iso(-3_600_000),
          _ownerid_value: owner,
          '_ownerid_value@Microsoft.Dynamics.CRM.lookuplogicalname': 'systemuser',
        });
      }
    }
    if (allFailing || warned) {
      tracelogs.push({
        tracelogid: guid('d0000000', i),
        level: allFailing ? 3 : 2,
        text: allFailing
          ? ALL_FAILING_ALERT
          : 'Tracking categories cannot be updated for items in the mailbox because of the Exchange retention policy.',
        createdon: iso(-3_600_000),
        modifiedon: iso(-3_600_000),
        _regardingobjectid_value: id,
        '_regardingobjectid_value@Microsoft.Dynamics.CRM.lookuplogicalname': 'mailbox',
      });
    }
  }
  return {
    organization: [
      {
        organizationid: guid('f0000000', 1),
        name: 'Contoso',
        requireapprovalforuseremail: true,
        requireapprovalforqueueemail: false,
        generatealertsforerrors: true,
        generatealertsforwarnings: true,
        ignoreinternalemail: false,
        emailcorrelationenabled: true,
        enablesmartmatching: false,
        trackingprefix: 'CRM:',
      },
    ],
    emailserverprofile: profiles,
    mailbox: mailboxes,
    systemuser: systemusers,
    usersettings,
    queue: queues,
    tracelog: tracelogs,
    exchangesyncidmapping: items,
  };
}
