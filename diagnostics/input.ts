/**
 * Everything the checks read, loaded once. Checks are pure functions of this input, so a single diagnosis (this
 * loader: 6 requests in 2 parallel rounds) and a fleet scan (bulk queries) reach exactly the same verdicts.
 * Each part is loaded or failed on its own: one denied table turns only the checks that need it into `error`.
 */
import { DELIVERY } from './constants';
import { AGGREGATE_LIMIT_ROWS, isAggregateLimit, toDataverseError } from './errors';
import type { Caller, Loaded, OwnerKind, ReadFailure, TableName } from './model';
import { assertGuid, type DataverseRecord, type WebApiPort } from './port';
import {
  alertOptions,
  FORWARD_MAILBOX_OPTIONS,
  itemFailureOptions,
  itemPersistenceDays,
  MAILBOX_OPTIONS,
  ORGANIZATION_OPTIONS,
  OWNER_QUEUE_OPTIONS,
  OWNER_USER_OPTIONS,
  PROFILE_OPTIONS,
  profileMailboxCountOptions,
  USER_FILTERING_OPTIONS,
} from './queries';
import { formattedValue, lookupTable, readNumber, readString } from './records';

export interface OwnerFiltering {
  kind: OwnerKind;
  /** usersettings/queue incomingemailfilteringmethod, or null when not set. */
  filteringMethod: number | null;
  filteringLabel?: string;
}

/** The mailbox owner's row: a systemuser (state, licence, access mode, addresses) or a queue (name, state). */
export interface OwnerRecord {
  kind: 'systemuser' | 'queue';
  row: DataverseRecord;
}

export interface DiagnosisInput {
  mailboxId: string;
  now: Date;
  caller?: Caller;
  mailbox: Loaded<DataverseRecord>;
  organization: Loaded<DataverseRecord>;
  /** null: the mailbox has no email server profile. */
  profile: Loaded<DataverseRecord | null>;
  alerts: Loaded<DataverseRecord[]>;
  /**
   * Active server-side sync mailboxes on the same profile; null when there is no profile, and in a fleet scan, which
   * counts them over its whole stream and reports an overdue profile once (FleetScan.findings).
   */
  profileMailboxCount: Loaded<number | null>;
  /** The count stopped at the aggregate limit (50,000): the real number is at least this. */
  profileMailboxCountIsLowerBound?: boolean;
  /** null when the owner is neither a user nor a queue (nothing to read). */
  ownerFiltering: Loaded<OwnerFiltering | null>;
  /** null when the owner is neither a user nor a queue. */
  owner: Loaded<OwnerRecord | null>;
  /** Active mailboxes on the same profile that are overdue (see OVERDUE_AFTER_MINUTES); null as profileMailboxCount. */
  profileOverdueCount: Loaded<number | null>;
  /** Whether an active, receiving forward mailbox exists; null when the mailbox does not deliver through one. */
  forwardMailboxAvailable: Loaded<boolean | null>;
  /** The owner's item-level sync failures within the persistence window. */
  itemFailures: Loaded<ItemFailures>;
  /**
   * Whether this caller would see every failed item of the owner: `all` (the caller owns the mailbox, is an
   * administrator, or evidently sees other owners' rows), else `unknown` — an empty list then proves nothing.
   */
  itemVisibility: 'all' | 'unknown';
}

/**
 * The owner's failed items: how many, and the rows themselves, newest first. A single diagnosis reads the rows (at
 * most ITEM_FAILURE_LIMIT, so `count` is their number); a fleet scan counts per owner and reads no rows.
 */
export interface ItemFailures {
  count: number;
  rows: DataverseRecord[];
}

export function loaded<T>(value: T): Loaded<T> {
  return { ok: true, value };
}

export function failed<T>(table: TableName, error: unknown): Loaded<T> {
  const e = toDataverseError(error);
  const status = e.status !== undefined ? { status: e.status } : {};
  return { ok: false, failure: { table, kind: e.kind, detail: e.message, code: e.code, ...status } };
}

export function inherited<T>(table: TableName, from: ReadFailure): Loaded<T> {
  return {
    ok: false,
    failure: { ...from, table, kind: 'depends', dependsOn: from.table },
  };
}

async function attempt<T>(table: TableName, read: () => Promise<T>): Promise<Loaded<T>> {
  try {
    return loaded(await read());
  } catch (error) {
    return failed(table, error);
  }
}

export function ownerKindOf(mailbox: DataverseRecord): OwnerKind {
  const table = lookupTable(mailbox, '_regardingobjectid_value');
  return table === 'systemuser' || table === 'queue' ? table : 'unknown';
}

export function itemVisibility(
  caller: Caller | undefined,
  ownerId: string | null,
  rows: readonly DataverseRecord[],
): 'all' | 'unknown' {
  if (caller?.systemAdministrator === true) return 'all';
  if (caller?.userId && ownerId && caller.userId.toLowerCase() === ownerId.toLowerCase()) return 'all';
  // Rows come back with the subject masked (***) only to a caller who is not the owner but may read them.
  if (rows.some((row) => readString(row, 'itemsubject') === '***')) return 'all';
  return 'unknown';
}

export async function loadDiagnosisInput(
  port: WebApiPort,
  mailboxId: string,
  now: Date,
  caller?: Caller,
): Promise<DiagnosisInput> {
  const id = assertGuid(mailboxId);
  const [mailbox, organization] = await Promise.all([
    attempt('mailbox', () => port.retrieveRecord('mailbox', id, MAILBOX_OPTIONS)),
    attempt('organization', async () => {
      const result = await port.retrieveMultipleRecords('organization', ORGANIZATION_OPTIONS);
      if (result.entities.length === 0) throw { status: 404, message: 'No organization row was returned.' };
      return result.entities[0];
    }),
  ]);
  const withCaller = caller ? { caller } : {};
  if (!mailbox.ok) {
    return {
      mailboxId: id,
      now,
      ...withCaller,
      mailbox,
      organization,
      profile: inherited('emailserverprofile', mailbox.failure),
      alerts: inherited('tracelog', mailbox.failure),
      profileMailboxCount: inherited('mailbox', mailbox.failure),
      ownerFiltering: inherited('usersettings', mailbox.failure),
      owner: inherited('systemuser', mailbox.failure),
      profileOverdueCount: inherited('mailbox', mailbox.failure),
      forwardMailboxAvailable: inherited('mailbox', mailbox.failure),
      itemFailures: inherited('exchangesyncidmapping', mailbox.failure),
      itemVisibility: 'unknown',
    };
  }
  const row = mailbox.value;
  const profileId = readString(row, '_emailserverprofile_value');
  const ownerId = readString(row, '_regardingobjectid_value');
  const recordOwnerId = readString(row, '_ownerid_value');
  const ownerKind = ownerKindOf(row);
  const persistenceDays = itemPersistenceDays(
    organization.ok ? readString(organization.value, 'orgdborgsettings') : null,
  );
  const countOnProfile = (overdueAt?: Date) =>
    profileId === null
      ? Promise.resolve(loaded<number | null>(null))
      : attempt('mailbox', async () => {
          const result = await port.retrieveMultipleRecords(
            'mailbox',
            profileMailboxCountOptions(profileId, overdueAt),
          );
          return readNumber(result.entities[0] ?? {}, 'mailboxcount') ?? 0;
        });
  const [
    profile,
    alerts,
    profileMailboxCount,
    profileOverdueCount,
    owner,
    userFiltering,
    forwardMailboxAvailable,
    itemFailures,
  ] = await Promise.all([
    profileId === null
      ? loaded(null)
      : attempt('emailserverprofile', () => port.retrieveRecord('emailserverprofile', profileId, PROFILE_OPTIONS)),
    attempt(
      'tracelog',
      async () =>
        (await port.retrieveMultipleRecords('tracelog', alertOptions(profileId ? [id, profileId] : [id], now)))
          .entities,
    ),
    countOnProfile(),
    countOnProfile(now),
    readOwner(port, ownerKind, ownerId),
    ownerKind === 'systemuser' && ownerId !== null
      ? readUserFiltering(port, ownerId)
      : Promise.resolve(loaded<OwnerFiltering | null>(null)),
    readNumber(row, 'incomingemaildeliverymethod') === DELIVERY.forwardMailbox
      ? attempt(
          'mailbox',
          async () => (await port.retrieveMultipleRecords('mailbox', FORWARD_MAILBOX_OPTIONS)).entities.length > 0,
        )
      : Promise.resolve(loaded<boolean | null>(null)),
    recordOwnerId === null
      ? Promise.resolve(loaded<ItemFailures>({ count: 0, rows: [] }))
      : attempt('exchangesyncidmapping', async (): Promise<ItemFailures> => {
          const rows = (
            await port.retrieveMultipleRecords(
              'exchangesyncidmapping',
              itemFailureOptions(recordOwnerId, now, persistenceDays),
            )
          ).entities;
          return { count: rows.length, rows };
        }),
  ]);
  const ownerFiltering: Loaded<OwnerFiltering | null> = ownerKind === 'queue' ? queueFiltering(owner) : userFiltering;
  // Above 50,000 rows Dataverse refuses the aggregate; that many mailboxes on one profile is itself the finding.
  const countIsLowerBound =
    !profileMailboxCount.ok &&
    isAggregateLimit({ code: profileMailboxCount.failure.code, message: profileMailboxCount.failure.detail });
  return {
    mailboxId: id,
    now,
    mailbox,
    organization,
    profile,
    alerts,
    profileMailboxCount: countIsLowerBound ? loaded(AGGREGATE_LIMIT_ROWS) : profileMailboxCount,
    ...(countIsLowerBound ? { profileMailboxCountIsLowerBound: true } : {}),
    ownerFiltering,
    owner,
    profileOverdueCount,
    forwardMailboxAvailable,
    itemFailures,
    itemVisibility: itemVisibility(caller, recordOwnerId, itemFailures.ok ? itemFailures.value.rows : []),
    ...withCaller,
  };
}

async function readOwner(
  port: WebApiPort,
  kind: OwnerKind,
  ownerId: string | null,
): Promise<Loaded<OwnerRecord | null>> {
  if (ownerId === null || kind === 'unknown') return loaded(null);
  return attempt(kind, async () => ({
    kind,
    row: await port.retrieveRecord(kind, ownerId, kind === 'systemuser' ? OWNER_USER_OPTIONS : OWNER_QUEUE_OPTIONS),
  }));
}

async function readUserFiltering(port: WebApiPort, userId: string): Promise<Loaded<OwnerFiltering | null>> {
  return attempt('usersettings', async () =>
    filteringOf('systemuser', await port.retrieveRecord('usersettings', userId, USER_FILTERING_OPTIONS)),
  );
}

/** The owner's "track email messages from" option, from a usersettings or queue row. */
export function filteringOf(kind: 'systemuser' | 'queue', row: DataverseRecord): OwnerFiltering {
  const label = formattedValue(row, 'incomingemailfilteringmethod');
  return {
    kind,
    filteringMethod: readNumber(row, 'incomingemailfilteringmethod'),
    ...(label !== undefined ? { filteringLabel: label } : {}),
  };
}

function queueFiltering(owner: Loaded<OwnerRecord | null>): Loaded<OwnerFiltering | null> {
  if (!owner.ok) return owner;
  return loaded(owner.value === null ? null : filteringOf('queue', owner.value.row));
}
