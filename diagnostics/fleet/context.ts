/**
 * What a fleet scan reads once for the whole environment, before any mailbox: the organization, every email server
 * profile, the week's Warning/Error alerts about profiles, the scan's size and whether an active forward mailbox
 * receives (one aggregate), and the failed items per owner (one aggregate). A table that cannot be read is a Loaded
 * failure, as in a single diagnosis; nothing here grows with the number of mailboxes or users.
 */
import { STATE, STATUS } from '../constants';
import { deniedTable, isAggregateLimit, toDataverseError } from '../errors';
import { failed, loaded } from '../input';
import type { Caller, Loaded, TableName } from '../model';
import {
  fetchXmlPageOptions,
  nextFetchXmlPage,
  odataOptions,
  type DataverseRecord,
  type FetchXmlPaging,
  type WebApiPort,
} from '../port';
import {
  fleetSizeOptions,
  FORWARD_MAILBOX_OPTIONS,
  itemFailuresByOwnerOptions,
  itemPersistenceDays,
  itemWindowStart,
  ORGANIZATION_OPTIONS,
  PROFILE_COLUMNS,
  profileAlertFetch,
} from '../queries';
import { formattedValue, readBoolean, readNumber, readString } from '../records';
import { alertRow, idOf, type FilteringValue, type FleetContext } from './rows';

/** Xrm.WebApi's continuation: the query part of @odata.nextLink, passed back as options. */
export function continuationOptions(nextLink: string): string {
  const at = nextLink.indexOf('?');
  return at < 0 ? '' : nextLink.slice(at);
}

export async function attempt<T>(table: TableName, read: () => Promise<T>): Promise<Loaded<T>> {
  try {
    return loaded(await read());
  } catch (error) {
    return failed(table, error);
  }
}

/** Reads every page of a FetchXML query, by paging cookie. */
export async function readAllFetchPages(
  port: WebApiPort,
  table: string,
  fetchXml: string,
  pageSize: number,
  each: (row: DataverseRecord) => void,
): Promise<void> {
  for (let paging: FetchXmlPaging | null = { page: 1 }; paging;) {
    const page = await port.retrieveMultipleRecords(table, fetchXmlPageOptions(fetchXml, pageSize, paging));
    for (const row of page.entities) each(row);
    paging = page.fetchXmlPagingCookie !== undefined ? nextFetchXmlPage(page.fetchXmlPagingCookie) : null;
  }
}

/** Reads every page of an OData query. */
export async function readAllPages(
  port: WebApiPort,
  table: string,
  options: string,
  pageSize: number,
  each: (row: DataverseRecord) => void,
): Promise<void> {
  let query = options;
  for (;;) {
    const page = await port.retrieveMultipleRecords(table, query, pageSize);
    for (const row of page.entities) each(row);
    if (!page.nextLink) return;
    query = continuationOptions(page.nextLink);
  }
}

/**
 * Rows per key from a grouped FetchXML count — or, above the aggregate's 50,000-row limit
 * (https://learn.microsoft.com/power-apps/developer/data-platform/fetchxml/aggregate-data#limitations), from `fallback`
 * (null: give up, the count is unknown).
 */
async function countBy(
  port: WebApiPort,
  table: string,
  aggregate: string,
  key: string,
  count: string,
  fallback: (add: (id: string | null) => void) => Promise<void> | null,
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const add = (id: string | null, n = 1) => counts.set(id ?? '', (counts.get(id ?? '') ?? 0) + n);
  try {
    const result = await port.retrieveMultipleRecords(table, aggregate);
    for (const row of result.entities) add(idOf(row, key), readNumber(row, count) ?? 0);
    return counts;
  } catch (thrown) {
    const error = toDataverseError(thrown);
    const paged = isAggregateLimit(error) ? fallback((id) => add(id)) : null;
    if (!paged) throw error;
    await paged;
    return counts;
  }
}

/** Failed items per owner in the persistence window: one aggregate, or (above its limit) their owners paged. */
function readItemFailures(
  port: WebApiPort,
  organization: Loaded<DataverseRecord>,
  now: Date,
  pageSize: number,
): Promise<Map<string, number>> {
  const days = itemPersistenceDays(organization.ok ? readString(organization.value, 'orgdborgsettings') : null);
  return countBy(port, 'exchangesyncidmapping', itemFailuresByOwnerOptions(now, days), 'owner', 'failures', (add) =>
    readAllPages(
      port,
      'exchangesyncidmapping',
      odataOptions({ select: ['_ownerid_value'], filter: `lastsyncerroroccurredon ge ${itemWindowStart(now, days)}` }),
      pageSize,
      (row) => add(idOf(row, '_ownerid_value')),
    ),
  );
}

/** Every user's email filtering: read only when the user join was refused (a single diagnosis reads them without the user). */
export async function readFiltering(port: WebApiPort, pageSize: number): Promise<Map<string, FilteringValue>> {
  const key = 'systemuserid';
  const labels = new Map<string, string>();
  const result = new Map<string, FilteringValue>();
  await readAllPages(
    port,
    'usersettings',
    odataOptions({ select: [key, 'incomingemailfilteringmethod'] }),
    pageSize,
    (row) => {
      const id = idOf(row, key);
      if (id === null) return;
      const label = formattedValue(row, 'incomingemailfilteringmethod');
      const value: FilteringValue = { method: readNumber(row, 'incomingemailfilteringmethod') };
      if (typeof label === 'string') {
        if (!labels.has(label)) labels.set(label, label);
        value.label = labels.get(label);
      }
      result.set(id, value);
    },
  );
  return result;
}

/** The week's alerts per profile; a caller who may not read profiles still reads them, as a single diagnosis does. */
async function readProfileAlerts(
  port: WebApiPort,
  now: Date,
  pageSize: number,
): Promise<Map<string, DataverseRecord[]>> {
  const read = async (profilesReadable: boolean) => {
    const map = new Map<string, DataverseRecord[]>();
    await readAllFetchPages(port, 'tracelog', profileAlertFetch(now, profilesReadable), pageSize, (row) => {
      const regarding = idOf(row, '_regardingobjectid_value');
      if (regarding === null) return;
      const list = map.get(regarding);
      if (list) list.push(alertRow(row));
      else map.set(regarding, [alertRow(row)]);
    });
    return map;
  };
  try {
    return await read(true);
  } catch (thrown) {
    if (deniedTable(thrown) !== 'emailserverprofile') throw toDataverseError(thrown);
    return read(false);
  }
}

/**
 * The scan's size per profile and whether an active forward mailbox receives, from one aggregate. Above the aggregate's
 * limit the size stays unknown (an estimate for a progress bar is not worth a request per page) and the forward mailbox
 * is asked for on its own; any other failure is the forward mailbox's too, so the scan reports it.
 */
async function readSizeAndForward(
  port: WebApiPort,
  all: boolean,
): Promise<{ sizes: Loaded<Map<string, number>>; forwardMailbox: Loaded<boolean> }> {
  try {
    const result = await port.retrieveMultipleRecords('mailbox', fleetSizeOptions({ all }));
    const sizes = new Map<string, number>();
    let forwardMailbox = false;
    for (const row of result.entities) {
      const count = readNumber(row, 'mailboxcount') ?? 0;
      const forward = readBoolean(row, 'forward') === true;
      if (
        forward &&
        readNumber(row, 'state') === STATE.active &&
        readNumber(row, 'incomingstatus') === STATUS.success &&
        count > 0
      )
        forwardMailbox = true;
      // Forward mailboxes are in the scan only with --all; without it, the forward groups are the receiving ones alone.
      if (!all && forward) continue;
      const profile = idOf(row, 'profileid') ?? '';
      sizes.set(profile, (sizes.get(profile) ?? 0) + count);
    }
    return { sizes: loaded(sizes), forwardMailbox: loaded(forwardMailbox) };
  } catch (thrown) {
    const sizes = failed<Map<string, number>>('mailbox', thrown);
    if (!isAggregateLimit(toDataverseError(thrown))) return { sizes, forwardMailbox: sizes as Loaded<never> };
    const forwardMailbox = await attempt(
      'mailbox',
      async () => (await port.retrieveMultipleRecords('mailbox', FORWARD_MAILBOX_OPTIONS)).entities.length > 0,
    );
    return { sizes, forwardMailbox };
  }
}

export async function loadContext(
  port: WebApiPort,
  now: Date,
  pageSize: number,
  options: { all?: boolean; caller?: Caller },
): Promise<FleetContext> {
  const organizationRead = attempt('organization', async () => {
    const result = await port.retrieveMultipleRecords('organization', ORGANIZATION_OPTIONS);
    if (result.entities.length === 0) throw { status: 404, message: 'No organization row was returned.' };
    return result.entities[0];
  });
  const [organization, profiles, profileAlerts, { sizes, forwardMailbox }, items] = await Promise.all([
    organizationRead,
    attempt('emailserverprofile', async () => {
      const map = new Map<string, DataverseRecord>();
      await readAllPages(port, 'emailserverprofile', odataOptions({ select: PROFILE_COLUMNS }), pageSize, (row) => {
        const id = idOf(row, 'emailserverprofileid');
        if (id !== null) map.set(id, row);
      });
      return map;
    }),
    attempt('tracelog', () => readProfileAlerts(port, now, pageSize)),
    readSizeAndForward(port, options.all === true),
    organizationRead.then((org) => attempt('exchangesyncidmapping', () => readItemFailures(port, org, now, pageSize))),
  ]);
  const callerId = options.caller?.userId?.toLowerCase() ?? null;
  const itemsVisibleAcrossOwners =
    items.ok &&
    [...items.value.keys()].filter((owner) => owner !== '' && owner !== callerId).length > (callerId === null ? 1 : 0);
  return { organization, profiles, profileAlerts, sizes, forwardMailbox, items, itemsVisibleAcrossOwners };
}
