/**
 * Everything the checks read, loaded once. Checks are pure functions of this input, so a single diagnosis (this
 * loader: 6 requests in 2 parallel rounds) and a fleet scan (bulk queries) reach exactly the same verdicts.
 * Each part is loaded or failed on its own: one denied table turns only the checks that need it into `error`.
 */
import { AGGREGATE_LIMIT_ROWS, isAggregateLimit, toDataverseError, type FailureKind } from './errors';
import { assertGuid, type DataverseRecord, type WebApiPort } from './port';
import {
  alertOptions,
  MAILBOX_OPTIONS,
  ORGANIZATION_OPTIONS,
  PROFILE_OPTIONS,
  profileMailboxCountOptions,
  QUEUE_FILTERING_OPTIONS,
  USER_FILTERING_OPTIONS,
} from './queries';
import { lookupTable, readNumber, readString } from './records';

/** The tables the engine reads; the catalogue names each for people ("Alerts (tracelog)"). */
export type TableName = 'mailbox' | 'emailserverprofile' | 'tracelog' | 'organization' | 'usersettings' | 'queue' | 'contact' | 'account' | 'lead' | 'systemuser';

export interface ReadFailure {
  table: TableName;
  kind: FailureKind | 'depends';
  /** Dataverse's own message, kept for the evidence; never shown as markup. */
  detail: string;
  code?: string;
  /** For `depends`: the table whose failure this one inherited. */
  dependsOn?: TableName;
}

export type Loaded<T> = { ok: true; value: T } | { ok: false; failure: ReadFailure };

export type OwnerKind = 'systemuser' | 'queue' | 'unknown';

export interface OwnerFiltering {
  kind: OwnerKind;
  /** usersettings/queue incomingemailfilteringmethod, or null when not set. */
  filteringMethod: number | null;
  filteringLabel?: string;
}

export interface DiagnosisInput {
  mailboxId: string;
  now: Date;
  mailbox: Loaded<DataverseRecord>;
  organization: Loaded<DataverseRecord>;
  /** null: the mailbox has no email server profile. */
  profile: Loaded<DataverseRecord | null>;
  alerts: Loaded<DataverseRecord[]>;
  /** Active server-side sync mailboxes on the same profile; null when there is no profile. */
  profileMailboxCount: Loaded<number | null>;
  /** The count stopped at the aggregate limit (50,000): the real number is at least this. */
  profileMailboxCountIsLowerBound?: boolean;
  /** null when the owner is neither a user nor a queue (nothing to read). */
  ownerFiltering: Loaded<OwnerFiltering | null>;
}

export function loaded<T>(value: T): Loaded<T> {
  return { ok: true, value };
}

export function failed<T>(table: TableName, error: unknown): Loaded<T> {
  const e = toDataverseError(error);
  return { ok: false, failure: { table, kind: e.kind, detail: e.message, code: e.code } };
}

export function inherited<T>(table: TableName, from: ReadFailure): Loaded<T> {
  return { ok: false, failure: { table, kind: 'depends', detail: from.detail, code: from.code, dependsOn: from.table } };
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

export async function loadDiagnosisInput(port: WebApiPort, mailboxId: string, now: Date): Promise<DiagnosisInput> {
  const id = assertGuid(mailboxId);
  const [mailbox, organization] = await Promise.all([
    attempt('mailbox', () => port.retrieveRecord('mailbox', id, MAILBOX_OPTIONS)),
    attempt('organization', async () => {
      const result = await port.retrieveMultipleRecords('organization', ORGANIZATION_OPTIONS);
      if (result.entities.length === 0) throw { status: 404, message: 'No organization row was returned.' };
      return result.entities[0];
    }),
  ]);
  if (!mailbox.ok) {
    return {
      mailboxId: id,
      now,
      mailbox,
      organization,
      profile: inherited('emailserverprofile', mailbox.failure),
      alerts: inherited('tracelog', mailbox.failure),
      profileMailboxCount: inherited('mailbox', mailbox.failure),
      ownerFiltering: inherited('usersettings', mailbox.failure),
    };
  }
  const row = mailbox.value;
  const profileId = readString(row, '_emailserverprofile_value');
  const ownerId = readString(row, '_regardingobjectid_value');
  const ownerKind = ownerKindOf(row);
  const [profile, alerts, profileMailboxCount, ownerFiltering] = await Promise.all([
    profileId === null ? loaded(null) : attempt('emailserverprofile', () => port.retrieveRecord('emailserverprofile', profileId, PROFILE_OPTIONS)),
    attempt('tracelog', async () => (await port.retrieveMultipleRecords('tracelog', alertOptions(profileId ? [id, profileId] : [id], now))).entities),
    profileId === null
      ? loaded(null)
      : attempt('mailbox', async () => {
          const result = await port.retrieveMultipleRecords('mailbox', profileMailboxCountOptions(profileId));
          return readNumber(result.entities[0] ?? {}, 'mailboxcount') ?? 0;
        }),
    readOwnerFiltering(port, ownerKind, ownerId),
  ]);
  // Above 50,000 rows Dataverse refuses the aggregate; that many mailboxes on one profile is itself the finding.
  const countIsLowerBound = !profileMailboxCount.ok && isAggregateLimit({ code: profileMailboxCount.failure.code, message: profileMailboxCount.failure.detail });
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
  };
}

async function readOwnerFiltering(port: WebApiPort, kind: OwnerKind, ownerId: string | null): Promise<Loaded<OwnerFiltering | null>> {
  if (ownerId === null || kind === 'unknown') return loaded(null);
  const table = kind === 'systemuser' ? 'usersettings' : 'queue';
  return attempt(table, async () => {
    const row = await port.retrieveRecord(table, ownerId, kind === 'systemuser' ? USER_FILTERING_OPTIONS : QUEUE_FILTERING_OPTIONS);
    const label = row['incomingemailfilteringmethod@OData.Community.Display.V1.FormattedValue'];
    return {
      kind,
      filteringMethod: readNumber(row, 'incomingemailfilteringmethod'),
      ...(typeof label === 'string' ? { filteringLabel: label } : {}),
    };
  });
}
