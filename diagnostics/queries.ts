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
  '_emailserverprofile_value',
  '_regardingobjectid_value',
] as const;

export const PROFILE_COLUMNS = [
  'name',
  'statecode',
  'servertype',
  'incomingcredentialretrieval',
  'outgoingcredentialretrieval',
  'incomingauthenticationprotocol',
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
export const QUEUE_FILTERING_OPTIONS = odataOptions({ select: ['name', 'incomingemailfilteringmethod'] });

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

/** A FetchXML aggregate: `$count` stops at 5,000 and the port has no `$apply`. */
export function profileMailboxCountOptions(profileId: string): string {
  return fetchXmlOptions(`
    <fetch aggregate="true">
      <entity name="mailbox">
        <attribute name="mailboxid" alias="mailboxcount" aggregate="count" />
        <filter type="and">
          <condition attribute="emailserverprofile" operator="eq" value="${assertGuid(profileId)}" />
          ${ACTIVE_SSS_MAILBOX_CONDITIONS}
        </filter>
      </entity>
    </fetch>`);
}
