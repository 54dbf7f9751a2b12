/**
 * A scanned row as the DiagnosisInput a single diagnosis of that mailbox would have loaded: the mailbox's columns (from a
 * mailbox page, or joined to its alerts), its owner's joined columns, its alerts, and what the environment shares.
 */
import {
  failed,
  filteringOf,
  itemVisibility,
  loaded,
  ownerKindOf,
  type DiagnosisInput,
  type ItemFailures,
  type OwnerFiltering,
  type OwnerRecord,
} from '../input';
import { DELIVERY } from '../constants';
import type { Caller, Loaded, ReadFailure, TableName } from '../model';
import { assertGuid, type DataverseRecord } from '../port';
import {
  ALERT_COLUMNS,
  ALERT_LIMIT,
  ALERT_MAILBOX_ALIAS,
  MAILBOX_COLUMNS,
  OWNER_ALIAS,
  type OwnerTable,
} from '../queries';
import { formattedValue, readNumber, readString } from '../records';

export interface FilteringValue {
  method: number | null;
  label?: string;
}

export interface FleetContext {
  organization: Loaded<DataverseRecord>;
  profiles: Loaded<Map<string, DataverseRecord>>;
  /** The week's Warning and Error alerts per profile, newest first. */
  profileAlerts: Loaded<Map<string, DataverseRecord[]>>;
  /** The scan's size per profile ('' for none). */
  sizes: Loaded<Map<string, number>>;
  forwardMailbox: Loaded<boolean>;
  /** Failed items per owner. */
  items: Loaded<Map<string, number>>;
  /** Rows of more than one owner came back: the caller sees every owner's failed items. */
  itemsVisibleAcrossOwners: boolean;
}

/** Where the owners' columns come from: joined to the mailbox pages, or — for a table the join was refused on — not at all. */
export interface OwnerSources {
  joins: Set<OwnerTable>;
  /** The tables Dataverse refused to join, with its answer: their inputs fail as a single diagnosis's would. */
  refused: Map<OwnerTable, ReadFailure>;
  /** User settings read on their own, when the user join (which carries them) was refused. */
  settings?: Loaded<Map<string, FilteringValue>>;
}

export function idOf(row: DataverseRecord, column: string): string | null {
  const value = readString(row, column);
  return value === null ? null : value.toLowerCase();
}

function notFound(table: TableName, id: string): Loaded<never> {
  return failed(table, {
    status: 404,
    error: { code: '0x80040217', message: `${table} With Id = ${id} Does Not Exist` },
  });
}

function modifiedTime(row: DataverseRecord): number {
  const text = readString(row, 'modifiedon') ?? readString(row, 'createdon');
  const time = text === null ? NaN : Date.parse(text);
  return Number.isNaN(time) ? 0 : time;
}

/** An alert row as OData returns it: FetchXML leaves out empty columns. */
export function alertRow(row: DataverseRecord): DataverseRecord {
  return ownColumns(row, ALERT_COLUMNS);
}

/** A joined column is `<alias>.<column>`; an annotation's term has dots of its own (`x@OData.Community…`). */
function isJoinedColumn(key: string): boolean {
  return key.split('@')[0].includes('.');
}

/**
 * The row's own columns (not the joined tables'), with the empty columns FetchXML leaves out
 * (https://learn.microsoft.com/power-apps/developer/data-platform/fetchxml/overview) as the nulls OData returns.
 */
function ownColumns(row: DataverseRecord, columns: readonly string[]): DataverseRecord {
  const own: DataverseRecord = {};
  for (const key of Object.keys(row)) if (!isJoinedColumn(key)) own[key] = row[key];
  for (const column of columns) if (own[column] === undefined) own[column] = null;
  return own;
}

/** The mailbox's lookups (`_x_value`) by the logical name a joined table's columns come back with (`<alias>.x`). */
const MAILBOX_LOOKUPS = new Map(
  MAILBOX_COLUMNS.flatMap((column) => {
    const lookup = /^_(.+)_value$/.exec(column);
    return lookup ? [[lookup[1], column] as const] : [];
  }),
);

/**
 * An alert row of fleetAlertFetch as the row a mailbox page would have returned: the joined mailbox's columns under
 * their own names (lookups as `_x_value`, annotations kept) and the owners' joined columns as they are.
 */
export function mailboxOfAlertRow(row: DataverseRecord): DataverseRecord {
  const prefix = `${ALERT_MAILBOX_ALIAS}.`;
  const mailbox: DataverseRecord = {};
  for (const key of Object.keys(row)) {
    if (key.startsWith(prefix)) {
      const [column, ...annotation] = key.slice(prefix.length).split('@');
      const name = MAILBOX_LOOKUPS.get(column) ?? column;
      mailbox[[name, ...annotation].join('@')] = row[key];
    } else if (isJoinedColumn(key)) mailbox[key] = row[key];
  }
  return mailbox;
}

/** The id of an alert row's joined mailbox, read without building the mailbox's row. */
export function mailboxIdOfAlertRow(row: DataverseRecord): string | null {
  return idOf(row, `${ALERT_MAILBOX_ALIAS}.mailboxid`);
}

/**
 * What tells runs of alert rows apart: the name Dataverse sorted the lookup by (its formatted value), folded more
 * loosely than any collation compares, so that a run is never split where Dataverse would keep it together.
 */
export function alertRunKey(row: DataverseRecord): string {
  const label = formattedValue(row, '_regardingobjectid_value') ?? readString(row, `${ALERT_MAILBOX_ALIAS}.name`);
  return (label ?? '')
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]/gu, '')
    .toLowerCase();
}

/** The rows a single diagnosis reads: about the mailbox or its profile, newest first, at most ALERT_LIMIT. */
function alertsFor(own: DataverseRecord[], profile: DataverseRecord[]): DataverseRecord[] {
  if (profile.length === 0) return own.slice(0, ALERT_LIMIT);
  if (own.length === 0) return profile.slice(0, ALERT_LIMIT);
  return [...own, ...profile].sort((a, b) => modifiedTime(b) - modifiedTime(a)).slice(0, ALERT_LIMIT);
}

function lookUp<T>(table: TableName, source: Loaded<Map<string, T>>, id: string): Loaded<T> {
  if (!source.ok) return source;
  const value = source.value.get(id);
  return value === undefined ? notFound(table, id) : loaded(value);
}

/** A joined table's columns (`<alias>.<column>`) as that table's own row; null when the outer join found no row. */
function joinedRow(row: DataverseRecord, table: OwnerTable, primaryKey: string): DataverseRecord | null {
  const prefix = `${OWNER_ALIAS[table]}.`;
  if (row[`${prefix}${primaryKey}`] === undefined) return null;
  const joined: DataverseRecord = {};
  for (const key of Object.keys(row)) if (key.startsWith(prefix)) joined[key.slice(prefix.length)] = row[key];
  return joined;
}

/** The mailbox row as a single diagnosis reads it. */
function mailboxRow(row: DataverseRecord): DataverseRecord {
  return ownColumns(row, MAILBOX_COLUMNS);
}

function joinedOwner(
  row: DataverseRecord,
  sources: OwnerSources,
  kind: 'systemuser' | 'queue',
  ownerId: string,
): Loaded<DataverseRecord> {
  const refused = sources.refused.get(kind);
  if (refused) return { ok: false, failure: refused };
  const owner = joinedRow(row, kind, kind === 'systemuser' ? 'systemuserid' : 'queueid');
  return owner === null ? notFound(kind, ownerId) : loaded(owner);
}

function userFiltering(row: DataverseRecord, sources: OwnerSources, userId: string): Loaded<OwnerFiltering> {
  const refused = sources.refused.get('usersettings');
  if (refused) return { ok: false, failure: refused };
  if (sources.settings) {
    const filtering = lookUp('usersettings', sources.settings, userId);
    return filtering.ok
      ? loaded({
          kind: 'systemuser',
          filteringMethod: filtering.value.method,
          ...(filtering.value.label !== undefined ? { filteringLabel: filtering.value.label } : {}),
        })
      : filtering;
  }
  const settings = joinedRow(row, 'usersettings', 'systemuserid');
  return settings === null ? notFound('usersettings', userId) : loaded(filteringOf('systemuser', settings));
}

/**
 * The DiagnosisInput a single diagnosis of this mailbox would have loaded, built from the bulk reads, the joined row and
 * the mailbox's own alerts (newest first).
 */
export function inputFor(
  row: DataverseRecord,
  ownAlerts: Loaded<DataverseRecord[]>,
  context: FleetContext,
  sources: OwnerSources,
  now: Date,
  caller: Caller | undefined,
): DiagnosisInput {
  const mailbox = mailboxRow(row);
  const mailboxId = assertGuid(String(mailbox.mailboxid));
  const profileId = idOf(mailbox, '_emailserverprofile_value');
  const ownerId = idOf(mailbox, '_regardingobjectid_value');
  const recordOwnerId = idOf(mailbox, '_ownerid_value');
  const ownerKind = ownerKindOf(mailbox);
  const { organization, profiles, profileAlerts, forwardMailbox, items } = context;

  let owner: Loaded<OwnerRecord | null> = loaded(null);
  let ownerFiltering: Loaded<OwnerFiltering | null> = loaded(null);
  if (ownerId !== null && ownerKind === 'systemuser') {
    const user = joinedOwner(row, sources, 'systemuser', ownerId);
    owner = user.ok ? loaded({ kind: 'systemuser', row: user.value }) : user;
    ownerFiltering = userFiltering(row, sources, ownerId);
  } else if (ownerId !== null && ownerKind === 'queue') {
    const queue = joinedOwner(row, sources, 'queue', ownerId);
    owner = queue.ok ? loaded({ kind: 'queue', row: queue.value }) : queue;
    ownerFiltering = queue.ok ? loaded(filteringOf('queue', queue.value)) : queue;
  }

  // As a single diagnosis: a mailbox without an owner reads no item records, so it cannot fail to read them.
  const ownItems: Loaded<ItemFailures> =
    recordOwnerId === null
      ? loaded({ count: 0, rows: [] })
      : items.ok
        ? loaded({ count: items.value.get(recordOwnerId) ?? 0, rows: [] })
        : items;
  return {
    mailboxId,
    now,
    ...(caller ? { caller } : {}),
    mailbox: loaded(mailbox),
    organization,
    profile: profileId === null ? loaded(null) : lookUp('emailserverprofile', profiles, profileId),
    alerts: !ownAlerts.ok
      ? ownAlerts
      : !profileAlerts.ok
        ? profileAlerts
        : loaded(alertsFor(ownAlerts.value, profileId === null ? [] : (profileAlerts.value.get(profileId) ?? []))),
    // Counted over the whole stream instead, and reported once (FleetScan.findings).
    profileMailboxCount: loaded(null),
    profileOverdueCount: loaded(null),
    ownerFiltering,
    owner,
    forwardMailboxAvailable:
      readNumber(mailbox, 'incomingemaildeliverymethod') === DELIVERY.forwardMailbox ? forwardMailbox : loaded(null),
    itemFailures: ownItems,
    itemVisibility: context.itemsVisibleAcrossOwners ? 'all' : itemVisibility(caller, recordOwnerId, []),
  };
}
