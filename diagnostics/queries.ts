/**
 * Every query the engine issues, in one place: the columns each table is read for and how. The fake and the
 * emulator validate all of them against Microsoft's schema, so a misspelt column fails a test, not a customer.
 */
import { ALERT_LEVEL, DELIVERY, PROCESSING_NOW, STATE, STATUS } from './constants';
import { assertGuid, fetchXmlOptions, odataOptions, type DataverseRecord } from './port';
import { readBoolean, readDate, readNumber } from './records';

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

export const ALERT_COLUMNS = [
  'text',
  'level',
  'tracecode',
  'errordetails',
  'createdon',
  'modifiedon',
  '_regardingobjectid_value',
] as const;

/** Alerts are looked back on for this long (a repeated alert updates modifiedon of the same row). */
export const ALERT_WINDOW_DAYS = 7;
/** More distinct alert rows than this in a week is itself the finding; the report says the list was cut. */
export const ALERT_LIMIT = 250;

export const MAILBOX_OPTIONS = odataOptions({ select: MAILBOX_COLUMNS });
export const PROFILE_OPTIONS = odataOptions({ select: PROFILE_COLUMNS });
export const ORGANIZATION_OPTIONS = odataOptions({ select: ORGANIZATION_COLUMNS, top: 1 });
export const USER_FILTERING_OPTIONS = odataOptions({ select: ['incomingemailfilteringmethod'] });
/** The owner check reads the user's state, licence, access mode and addresses. */
export const OWNER_USER_COLUMNS = [
  'fullname',
  'isdisabled',
  'accessmode',
  'islicensed',
  'internalemailaddress',
  'domainname',
] as const;
export const OWNER_USER_OPTIONS = odataOptions({ select: OWNER_USER_COLUMNS });
/** A queue owner is read once: its state for the owner check, its filtering for email tracking. */
export const OWNER_QUEUE_COLUMNS = ['name', 'statecode', 'incomingemailfilteringmethod'] as const;
export const OWNER_QUEUE_OPTIONS = odataOptions({ select: OWNER_QUEUE_COLUMNS });

/** Item-level sync failures (the Item Monitoring dashboard's rows). */
export const ITEM_FAILURE_COLUMNS = [
  'itemsubject',
  'lastsyncerror',
  'lastsyncerrorcode',
  'lastsyncerroroccurredon',
  '_ownerid_value',
] as const;
/** Rows read per mailbox: ten are shown, and more than this many is reported as "at least". */
export const ITEM_FAILURE_LIMIT = 50;

/** Failed items per owner in the persistence window: the fleet scan's one aggregate instead of every row. */
export function itemFailuresByOwnerOptions(now: Date, days: number): string {
  return fetchXmlOptions(`
    <fetch aggregate="true">
      <entity name="exchangesyncidmapping">
        <attribute name="ownerid" alias="owner" groupby="true" />
        <attribute name="exchangesyncidmappingid" alias="failures" aggregate="count" />
        <filter type="and">
          <condition attribute="lastsyncerroroccurredon" operator="ge" value="${itemWindowStart(now, days)}" />
        </filter>
      </entity>
    </fetch>`);
}
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
  filter: `isforwardmailbox eq true and statecode eq ${STATE.active} and incomingemailstatus eq ${STATUS.success}`,
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
    <condition attribute="processingstatecode" operator="ne" value="${PROCESSING_NOW}" />`;
}

/** The same as overdueConditions, for a mailbox row at hand (the fleet scan counts them as it streams). */
export function isOverdue(mailbox: DataverseRecord, now: Date): boolean {
  const next = readDate(mailbox, 'postponemailboxprocessinguntil');
  return (
    next !== null &&
    next.getTime() < now.getTime() - OVERDUE_AFTER_MINUTES * 60_000 &&
    readNumber(mailbox, 'processingstatecode') !== PROCESSING_NOW
  );
}

export function alertWindowStart(now: Date): string {
  return new Date(now.getTime() - ALERT_WINDOW_DAYS * 86_400_000).toISOString();
}

/** Warning and Error alerts (level ≥ 2; Information is ignored) about the mailbox or its profile, newest first. */
export function alertOptions(regardingIds: readonly string[], now: Date): string {
  const regarding = regardingIds.map((id) => `_regardingobjectid_value eq ${assertGuid(id)}`).join(' or ');
  return odataOptions({
    select: ALERT_COLUMNS,
    filter: `(${regarding}) and level ge ${ALERT_LEVEL.warning} and modifiedon ge ${alertWindowStart(now)}`,
    orderby: 'modifiedon desc',
    top: ALERT_LIMIT,
  });
}

/** The conditions that make a mailbox an active server-side sync mailbox, as FetchXML. */
export const ACTIVE_SSS_MAILBOX_CONDITIONS = `
  <condition attribute="statecode" operator="eq" value="${STATE.active}" />
  <filter type="or">
    <condition attribute="incomingemaildeliverymethod" operator="eq" value="${DELIVERY.emailServerSideSync}" />
    <condition attribute="outgoingemaildeliverymethod" operator="eq" value="${DELIVERY.emailServerSideSync}" />
    <condition attribute="actdeliverymethod" operator="eq" value="${DELIVERY.actServerSideSync}" />
  </filter>`;

/** The same conditions, for a mailbox row at hand. */
export function isActiveServerSideSync(mailbox: DataverseRecord): boolean {
  return (
    readNumber(mailbox, 'statecode') === STATE.active &&
    (readNumber(mailbox, 'incomingemaildeliverymethod') === DELIVERY.emailServerSideSync ||
      readNumber(mailbox, 'outgoingemaildeliverymethod') === DELIVERY.emailServerSideSync ||
      readNumber(mailbox, 'actdeliverymethod') === DELIVERY.actServerSideSync)
  );
}

/** isforwardmailbox is read-only and may be empty: an empty one is no forward mailbox. */
export function isForwardMailbox(mailbox: DataverseRecord): boolean {
  return readBoolean(mailbox, 'isforwardmailbox') === true;
}

/** What a fleet scan reads: every mailbox (`all`), or the active server-side sync ones; on one profile, or any. */
export interface FleetScope {
  all: boolean;
  profileId: string | null;
}

function scopeFilter(scope: FleetScope, extra = ''): string {
  const conditions = `${scope.all ? '' : ACTIVE_SSS_MAILBOX_CONDITIONS}${scope.profileId ? `<condition attribute="emailserverprofile" operator="eq" value="${assertGuid(scope.profileId)}" />` : ''}${extra}`;
  return conditions === '' ? '' : `<filter type="and">${conditions}</filter>`;
}

/**
 * The scan's size, per profile, before it runs — one aggregate over what the scan will evaluate (forward mailboxes left
 * out unless `all`; an empty isforwardmailbox is none), grouped by profile so that --profile needs no second request —
 * and, in the same aggregate, the active forward mailboxes that receive (FORWARD_MAILBOX_OPTIONS), told apart by the
 * groups' forward, state and incoming status.
 */
export function fleetSizeOptions(scope: { all: boolean }): string {
  const notForward = scope.all
    ? ''
    : `<filter type="or">
        <condition attribute="isforwardmailbox" operator="eq" value="0" />
        <condition attribute="isforwardmailbox" operator="null" />
      </filter>`;
  return fetchXmlOptions(`
    <fetch aggregate="true">
      <entity name="mailbox">
        <attribute name="emailserverprofile" alias="profileid" groupby="true" />
        <attribute name="isforwardmailbox" alias="forward" groupby="true" />
        <attribute name="statecode" alias="state" groupby="true" />
        <attribute name="incomingemailstatus" alias="incomingstatus" groupby="true" />
        <attribute name="mailboxid" alias="mailboxcount" aggregate="count" />
        <filter type="or">
          ${scopeFilter({ all: scope.all, profileId: null }, notForward) || '<filter type="and"><condition attribute="mailboxid" operator="not-null" /></filter>'}
          <filter type="and">
            <condition attribute="isforwardmailbox" operator="eq" value="1" />
            <condition attribute="statecode" operator="eq" value="${STATE.active}" />
            <condition attribute="incomingemailstatus" operator="eq" value="${STATUS.success}" />
          </filter>
        </filter>
      </entity>
    </fetch>`);
}

/** The tables a fleet scan joins to its mailbox pages for the owners' columns. */
export type OwnerTable = 'systemuser' | 'usersettings' | 'queue';

/** The alias each joined table's columns come back under: `<alias>.<column>`. */
export const OWNER_ALIAS: Readonly<Record<OwnerTable, string>> = {
  systemuser: 'owneruser',
  usersettings: 'ownersettings',
  queue: 'ownerqueue',
};

/** A FetchXML column list; lookups are named by their logical name (`_x_value` → `x`). */
function fetchAttributes(columns: readonly string[]): string {
  return columns.map((column) => `<attribute name="${column.replace(/^_(.+)_value$/, '$1')}" />`).join('');
}

/** The owner's tables joined to a mailbox (outer: a mailbox whose owner row is missing or of the other kind stays). */
function ownerLinks(joins: ReadonlySet<OwnerTable>): string {
  const settings = joins.has('usersettings')
    ? `<link-entity name="usersettings" from="systemuserid" to="systemuserid" link-type="outer" alias="${OWNER_ALIAS.usersettings}">
        ${fetchAttributes(['systemuserid', 'incomingemailfilteringmethod'])}
      </link-entity>`
    : '';
  const user = joins.has('systemuser')
    ? `<link-entity name="systemuser" from="systemuserid" to="regardingobjectid" link-type="outer" alias="${OWNER_ALIAS.systemuser}">
        ${fetchAttributes(['systemuserid', ...OWNER_USER_COLUMNS])}
        ${settings}
      </link-entity>`
    : '';
  const queue = joins.has('queue')
    ? `<link-entity name="queue" from="queueid" to="regardingobjectid" link-type="outer" alias="${OWNER_ALIAS.queue}">
        ${fetchAttributes(['queueid', ...OWNER_QUEUE_COLUMNS])}
      </link-entity>`
    : '';
  return `${user}${queue}`;
}

/** The alerts a diagnosis reads, as FetchXML conditions: Warning and Error (level ≥ 2) modified in the window. */
function alertWindowConditions(now: Date, until?: Date): string {
  return `<condition attribute="level" operator="ge" value="${ALERT_LEVEL.warning}" />
    <condition attribute="modifiedon" operator="ge" value="${alertWindowStart(now)}" />
    ${until ? `<condition attribute="modifiedon" operator="lt" value="${until.toISOString()}" />` : ''}`;
}

/**
 * The fleet scan's mailbox query: the mailbox columns a diagnosis reads and, joined through the owner
 * (regardingobjectid, a user or a queue; https://learn.microsoft.com/power-apps/developer/data-platform/fetchxml/join-tables),
 * the owner's columns — the user's state, licence, access mode and addresses with their usersettings' email filtering,
 * or the queue's name, state and filtering. Outer joins keep a mailbox whose owner row is missing or of the other kind;
 * each joined table's primary key tells whether a row was joined. Ordered by mailboxid, so paging cookies apply.
 * `joins` leaves out a table the caller may not read (Dataverse refuses the whole query otherwise).
 * With `quietBefore`, only the mailboxes without a Warning or Error alert modified in the week before it (`not any`:
 * https://learn.microsoft.com/power-apps/developer/data-platform/fetchxml/filter-rows#filter-on-values-in-related-records):
 * the others come with their alerts from fleetAlertFetch.
 */
export function fleetMailboxFetch(scope: FleetScope, joins: ReadonlySet<OwnerTable>, quietBefore?: Date): string {
  const quiet = quietBefore
    ? `<link-entity name="tracelog" from="regardingobjectid" to="mailboxid" link-type="not any">
        <filter type="and">${alertWindowConditions(quietBefore, quietBefore)}</filter>
      </link-entity>`
    : '';
  return `
    <fetch>
      <entity name="mailbox">
        ${fetchAttributes(['mailboxid', ...MAILBOX_COLUMNS])}
        ${scopeFilter(scope, quiet)}
        <order attribute="mailboxid" />
        ${ownerLinks(joins)}
      </entity>
    </fetch>`;
}

/** The alias of the mailbox joined to each alert in fleetAlertFetch. */
export const ALERT_MAILBOX_ALIAS = 'alertmailbox';

/**
 * The week's Warning and Error alerts about the scanned mailboxes, each with its mailbox and owner joined (many-to-one
 * only, so paging cookies apply): a mailbox with alerts is read once per alert, and one with none not at all.
 * Dataverse sorts a lookup by the name of the row it points to
 * (https://learn.microsoft.com/power-apps/developer/data-platform/fetchxml/order-rows#lookup-columns), so one mailbox's
 * alerts arrive together, among those of any mailbox of the same name; newest first within a mailbox.
 */
export function fleetAlertFetch(scope: FleetScope, joins: ReadonlySet<OwnerTable>, now: Date): string {
  return `
    <fetch>
      <entity name="tracelog">
        ${fetchAttributes(['tracelogid', ...ALERT_COLUMNS])}
        <filter type="and">${alertWindowConditions(now)}</filter>
        <order attribute="regardingobjectid" />
        <order attribute="modifiedon" descending="true" />
        <link-entity name="mailbox" from="mailboxid" to="regardingobjectid" link-type="inner" alias="${ALERT_MAILBOX_ALIAS}">
          ${fetchAttributes(['mailboxid', ...MAILBOX_COLUMNS])}
          ${scopeFilter(scope)}
          ${ownerLinks(joins)}
        </link-entity>
      </entity>
    </fetch>`;
}

/**
 * The week's Warning and Error alerts about email server profiles: those an inner join to the profile keeps — or, for a
 * caller who may not read profiles (Dataverse refuses the whole query then), those about no mailbox (`not any`; an
 * alert is about a profile or a mailbox).
 */
export function profileAlertFetch(now: Date, profilesReadable = true): string {
  const aboutProfiles = profilesReadable
    ? '<link-entity name="emailserverprofile" from="emailserverprofileid" to="regardingobjectid" link-type="inner" />'
    : '';
  const aboutNoMailbox = profilesReadable
    ? ''
    : '<link-entity name="mailbox" from="mailboxid" to="regardingobjectid" link-type="not any" />';
  return `
    <fetch>
      <entity name="tracelog">
        ${fetchAttributes(['tracelogid', ...ALERT_COLUMNS])}
        <filter type="and">${alertWindowConditions(now)}${aboutNoMailbox}</filter>
        <order attribute="modifiedon" descending="true" />
        ${aboutProfiles}
      </entity>
    </fetch>`;
}

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
