/**
 * Every query the engine issues, in one place: the columns each table is read for and how. The fake and the
 * emulator validate all of them against Microsoft's schema, so a misspelt column fails a test, not a customer.
 */
import { assertGuid, fetchXmlOptions, odataOptions } from './port';

export const MAILBOX_COLUMNS = [
  'name',
  'emailaddress',
  'statecode',
  'statuscode',
  'emailrouteraccessapproval',
  'isemailaddressapprovedbyo365admin',
  'emailaddressapprovedon',
  '_emailaddressapprovedby_value',
  'incomingemaildeliverymethod',
  'outgoingemaildeliverymethod',
  'actdeliverymethod',
  'incomingemailstatus',
  'outgoingemailstatus',
  'actstatus',
  'enabledforincomingemail',
  'enabledforoutgoingemail',
  'enabledforact',
  'isforwardmailbox',
  'testemailconfigurationscheduled',
  'testmailboxaccesscompletedon',
  'lastsuccessfulsynccompletedon',
  'lastsyncerror',
  'lastsyncerrorcode',
  'lastsyncerrorcount',
  'lastsyncerroroccurredon',
  'processingstatecode',
  'processinglastattemptedon',
  'postponemailboxprocessinguntil',
  'transientfailurecount',
  'itemsfailedforlastsync',
  'processemailreceivedafter',
  'allowemailconnectortousecredentials',
  'username',
  '_emailserverprofile_value',
  '_regardingobjectid_value',
  '_ownerid_value',
] as const;

export const PROFILE_COLUMNS = [
  'name',
  'statecode',
  'servertype',
  'emailservertypename',
  'incomingcredentialretrieval',
  'outgoingcredentialretrieval',
  'incomingauthenticationprotocol',
  'incominguseimpersonation',
  'useautodiscover',
  'incomingserverlocation',
  'lasttestexecutionstatus',
  'lastteststarttime',
  'maxconcurrentconnections',
  'minpollingintervalinminutes',
] as const;

export const ORGANIZATION_COLUMNS = [
  'name',
  'requireapprovalforuseremail',
  'requireapprovalforqueueemail',
  'generatealertsforerrors',
  'generatealertsforwarnings',
  'ignoreinternalemail',
  'emailcorrelationenabled',
  'enablesmartmatching',
  'trackingprefix',
  'orgdborgsettings',
] as const;

export const ALERT_COLUMNS = ['text', 'level', 'tracecode', 'errordetails', 'createdon', 'modifiedon', '_regardingobjectid_value'] as const;

/** Alerts are looked back on for this long (a repeated alert updates modifiedon of the same row). */
export const ALERT_WINDOW_DAYS = 7;
/** More distinct alert rows than this in a week is itself the finding; the report says the list was cut. */
export const ALERT_LIMIT = 250;

export const MAILBOX_OPTIONS = odataOptions({ select: MAILBOX_COLUMNS });
export const PROFILE_OPTIONS = odataOptions({ select: PROFILE_COLUMNS });
export const ORGANIZATION_OPTIONS = odataOptions({ select: ORGANIZATION_COLUMNS, top: 1 });
export const USER_FILTERING_OPTIONS = odataOptions({ select: ['incomingemailfilteringmethod'] });
/** The owner check reads the user's state, licence, access mode and addresses. */
export const OWNER_USER_COLUMNS = ['fullname', 'isdisabled', 'accessmode', 'islicensed', 'internalemailaddress', 'domainname'] as const;
export const OWNER_USER_OPTIONS = odataOptions({ select: OWNER_USER_COLUMNS });
/** A queue owner is read once: its state for the owner check, its filtering for email tracking. */
export const OWNER_QUEUE_COLUMNS = ['name', 'statecode', 'incomingemailfilteringmethod'] as const;
export const OWNER_QUEUE_OPTIONS = odataOptions({ select: OWNER_QUEUE_COLUMNS });

/** Item-level sync failures (the Item Monitoring dashboard's rows). */
export const ITEM_FAILURE_COLUMNS = ['itemsubject', 'lastsyncerror', 'lastsyncerrorcode', 'lastsyncerroroccurredon', '_ownerid_value'] as const;
/** Rows read per mailbox: ten are shown, and more than this many is reported as "at least". */
export const ITEM_FAILURE_LIMIT = 50;
/**
 * Dataverse keeps item-level rows for ExchangeSyncIdMappingPersistenceTimeInDays (OrgDbOrgSettings, default 3):
 * https://learn.microsoft.com/power-platform/admin/OrgDbOrgSettings
 */
export const DEFAULT_ITEM_PERSISTENCE_DAYS = 3;

export function itemPersistenceDays(orgDbOrgSettings: string | null): number {
  const match = orgDbOrgSettings?.match(/<ExchangeSyncIdMappingPersistenceTimeInDays>\s*(\d+)\s*</i);
  const days = match ? Number(match[1]) : NaN;
  return Number.isInteger(days) && days > 0 ? days : DEFAULT_ITEM_PERSISTENCE_DAYS;
}

export function itemWindowStart(now: Date, days: number): string {
  return new Date(now.getTime() - days * 86_400_000).toISOString();
}

export function itemFailureOptions(ownerId: string, now: Date, days: number): string {
  return odataOptions({
    select: ITEM_FAILURE_COLUMNS,
    filter: `_ownerid_value eq ${assertGuid(ownerId)} and lastsyncerroroccurredon ge ${itemWindowStart(now, days)}`,
    orderby: 'lastsyncerroroccurredon desc',
    top: ITEM_FAILURE_LIMIT,
  });
}

/** An active forward mailbox that receives: what a mailbox delivering incoming email through a forward mailbox needs. */
export const FORWARD_MAILBOX_OPTIONS = odataOptions({
  select: ['mailboxid'],
  filter: 'isforwardmailbox eq true and statecode eq 0 and incomingemailstatus eq 1',
  top: 1,
});

/**
 * A mailbox is overdue when its next sync (postponemailboxprocessinguntil) is more than this far in the past and no
 * host holds it. Heuristic: server-side sync picks a due mailbox up within minutes, so half an hour late means the
 * hosts are not keeping up (no Microsoft limit says so).
 */
export const OVERDUE_AFTER_MINUTES = 30;

export function overdueBefore(now: Date): string {
  return new Date(now.getTime() - OVERDUE_AFTER_MINUTES * 60_000).toISOString();
}

/** FetchXML conditions for an overdue mailbox (processingstatecode 1: a host holds it now). */
export function overdueConditions(now: Date): string {
  return `
    <condition attribute="postponemailboxprocessinguntil" operator="lt" value="${overdueBefore(now)}" />
    <condition attribute="processingstatecode" operator="ne" value="1" />`;
}

export function alertWindowStart(now: Date): string {
  return new Date(now.getTime() - ALERT_WINDOW_DAYS * 86_400_000).toISOString();
}

/** Warning and Error alerts (level ≥ 2; Information is ignored) about the mailbox or its profile, newest first. */
export function alertOptions(regardingIds: readonly string[], now: Date): string {
  const regarding = regardingIds.map((id) => `_regardingobjectid_value eq ${assertGuid(id)}`).join(' or ');
  return odataOptions({
    select: ALERT_COLUMNS,
    filter: `(${regarding}) and level ge 2 and modifiedon ge ${alertWindowStart(now)}`,
    orderby: 'modifiedon desc',
    top: ALERT_LIMIT,
  });
}

/** The conditions that make a mailbox an active server-side sync mailbox, as FetchXML. */
export const ACTIVE_SSS_MAILBOX_CONDITIONS = `
  <condition attribute="statecode" operator="eq" value="0" />
  <filter type="or">
    <condition attribute="incomingemaildeliverymethod" operator="eq" value="2" />
    <condition attribute="outgoingemaildeliverymethod" operator="eq" value="2" />
    <condition attribute="actdeliverymethod" operator="eq" value="1" />
  </filter>`;

/** The same conditions as an OData $filter (the fleet scan streams mailboxes with it; FetchXML pages differently). */
export const ACTIVE_SSS_MAILBOX_FILTER = 'statecode eq 0 and (incomingemaildeliverymethod eq 2 or outgoingemaildeliverymethod eq 2 or actdeliverymethod eq 1)';

/**
 * A FetchXML aggregate: `$count` stops at 5,000 and the port has no `$apply`. With `overdueAt`, only the mailboxes
 * overdue at that time are counted.
 */
export function profileMailboxCountOptions(profileId: string, overdueAt?: Date): string {
  return fetchXmlOptions(`
    <fetch aggregate="true">
      <entity name="mailbox">
        <attribute name="mailboxid" alias="mailboxcount" aggregate="count" />
        <filter type="and">
          <condition attribute="emailserverprofile" operator="eq" value="${assertGuid(profileId)}" />
          ${ACTIVE_SSS_MAILBOX_CONDITIONS}
          ${overdueAt ? overdueConditions(overdueAt) : ''}
        </filter>
      </entity>
    </fetch>`);
}
