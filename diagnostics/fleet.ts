/**
 * The fleet scan: a verdict for every mailbox of an environment by exactly the rules of a single diagnosis, read in
 * bulk. What the checks need beyond the mailbox and its owner is read once for the whole environment — the
 * organization, every email server profile, the week's Warning/Error alerts, whether an active forward mailbox exists,
 * the failed items per owner (one FetchXML aggregate) and the scan's size (one aggregate) — then FetchXML pages of 5,000
 * mailboxes are streamed with their owners' columns joined (user, user settings or queue: link-entity), continued by
 * paging cookie, and each row becomes a DiagnosisInput for `evaluate()`. Never one request per mailbox, and nothing read
 * grows with the number of users; only one page of mailboxes (and the next one, prefetched) is held at a time, so
 * memory stays flat with the fleet's size. The profiles' active and overdue mailboxes are counted from the stream
 * itself, and an overdue profile is reported once at the end (`findings()`).
 *
 * A table that cannot be read does not stop the scan: every verdict carries the same `error` checks a single diagnosis
 * would show (the same Loaded failures), and `unreadable` lists the tables. Dataverse refuses a whole query that joins
 * a table the caller may not read; the scan then asks again without that join, and only the checks that need the table
 * are `error` (user settings are then read on their own, as a single diagnosis reads them without the user).
 */
import { evaluate } from './diagnose';
import { DataverseError, isAggregateLimit, toDataverseError } from './errors';
import { profileOverdueFinding } from './findings';
import { DELIVERY } from './constants';
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
} from './input';
import {
  assertGuid,
  fetchXmlPageOptions,
  nextFetchXmlPage,
  odataOptions,
  type DataverseRecord,
  type FetchXmlPaging,
  type RetrieveMultipleResult,
  type WebApiPort,
} from './port';
import {
  ALERT_COLUMNS,
  ALERT_LIMIT,
  alertWindowStart,
  fleetMailboxFetch,
  fleetSizeOptions,
  FORWARD_MAILBOX_OPTIONS,
  isActiveServerSideSync,
  isForwardMailbox,
  isOverdue,
  itemFailuresByOwnerOptions,
  itemPersistenceDays,
  itemWindowStart,
  MAILBOX_COLUMNS,
  ORGANIZATION_OPTIONS,
  OWNER_ALIAS,
  PROFILE_COLUMNS,
  type FleetScope,
  type OwnerTable,
} from './queries';
import { readNumber, readString } from './records';
import {
  CHECK_ORDER,
  type AlertGroup,
  type Caller,
  type CheckId,
  type DiagnosisReport,
  type Finding,
  type Loaded,
  type ReadFailure,
  type TableName,
  type Verdict,
} from './model';
import { retryingPort, type RetryOptions } from './retry';

/** Dataverse's default and maximum page size. */
export const FLEET_PAGE_SIZE = 5000;

export interface FleetScanOptions extends RetryOptions {
  now?: Date;
  /** The environment's base URL, recorded in every report. */
  environment?: string | null;
  /** Every mailbox, active or not, on server-side sync or not. */
  all?: boolean;
  /** Only the mailboxes on this email server profile: an id, or a name (case-insensitive). */
  profile?: string;
  /** Mailboxes per page (the FetchXML count); default and maximum 5,000. */
  pageSize?: number;
  /** Who runs the scan, when the host knows (item-level failures are visible to the owner and administrators). */
  caller?: Caller;
  /** After each page of mailboxes has been evaluated and let go (a host may collect garbage here). */
  onPage?: (progress: { scanned: number; pages: number; more: boolean }) => void;
}

/** --profile named no profile, or several. */
export class FleetProfileError extends Error {
  constructor(
    readonly profile: string,
    readonly matches: string[],
  ) {
    super(
      matches.length === 0
        ? `No email server profile matches '${profile}'.`
        : `Several email server profiles match '${profile}': ${matches.join(', ')}.`,
    );
    this.name = 'FleetProfileError';
  }
}

export interface FleetScan {
  /** Tables that could not be read: the checks that need them are `error` in every verdict. */
  unreadable: ReadFailure[];
  /** The mailboxes the scan will evaluate, counted by one aggregate before it runs (null when unknown: above 50,000 the aggregate is refused). */
  estimatedTotal: number | null;
  /** The profile the scan is limited to, resolved to its id. */
  profileId: string | null;
  /** One report per mailbox, page by page. Iterate once. */
  verdicts: AsyncIterable<DiagnosisReport>;
  /**
   * Findings the scan makes from its whole stream, once `verdicts` has been iterated to its end (none before): a
   * profile whose active server-side sync mailboxes are overdue. Hand them to FleetTally.addFindings.
   */
  findings(): Finding[];
}

interface FilteringValue {
  method: number | null;
  label?: string;
}

interface FleetContext {
  organization: Loaded<DataverseRecord>;
  profiles: Loaded<Map<string, DataverseRecord>>;
  alerts: Loaded<Map<string, DataverseRecord[]>>;
  /** The scan's size per profile ('' for none). */
  sizes: Loaded<Map<string, number>>;
  forwardMailbox: Loaded<boolean>;
  /** Failed items per owner. */
  items: Loaded<Map<string, number>>;
  /** Rows of more than one owner came back: the caller sees every owner's failed items. */
  itemsVisibleAcrossOwners: boolean;
}

/** Where the owners' columns come from: joined to the mailbox pages, or — for a table the join was refused on — not at all. */
interface OwnerSources {
  joins: Set<OwnerTable>;
  /** The tables Dataverse refused to join, with its answer: their inputs fail as a single diagnosis's would. */
  refused: Map<OwnerTable, ReadFailure>;
  /** User settings read on their own, when the user join (which carries them) was refused. */
  settings?: Loaded<Map<string, FilteringValue>>;
}

/** Xrm.WebApi's continuation: the query part of @odata.nextLink, passed back as options. */
export function continuationOptions(nextLink: string): string {
  const at = nextLink.indexOf('?');
  return at < 0 ? '' : nextLink.slice(at);
}

async function attempt<T>(table: TableName, read: () => Promise<T>): Promise<Loaded<T>> {
  try {
    return loaded(await read());
  } catch (error) {
    return failed(table, error);
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

function idOf(row: DataverseRecord, column: string): string | null {
  const value = readString(row, column);
  return value === null ? null : value.toLowerCase();
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
async function readFiltering(port: WebApiPort, pageSize: number): Promise<Map<string, FilteringValue>> {
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
      const label = row['incomingemailfilteringmethod@OData.Community.Display.V1.FormattedValue'];
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

async function loadContext(
  port: WebApiPort,
  now: Date,
  pageSize: number,
  options: FleetScanOptions,
): Promise<FleetContext> {
  const organizationRead = attempt('organization', async () => {
    const result = await port.retrieveMultipleRecords('organization', ORGANIZATION_OPTIONS);
    if (result.entities.length === 0) throw { status: 404, message: 'No organization row was returned.' };
    return result.entities[0];
  });
  const [organization, profiles, alerts, sizes, forwardMailbox, items] = await Promise.all([
    organizationRead,
    attempt('emailserverprofile', async () => {
      const map = new Map<string, DataverseRecord>();
      await readAllPages(port, 'emailserverprofile', odataOptions({ select: PROFILE_COLUMNS }), pageSize, (row) => {
        const id = idOf(row, 'emailserverprofileid');
        if (id !== null) map.set(id, row);
      });
      return map;
    }),
    attempt('tracelog', async () => {
      const map = new Map<string, DataverseRecord[]>();
      const query = odataOptions({
        select: ALERT_COLUMNS,
        filter: `level ge 2 and modifiedon ge ${alertWindowStart(now)}`,
        orderby: 'modifiedon desc',
      });
      await readAllPages(port, 'tracelog', query, pageSize, (row) => {
        const regarding = idOf(row, '_regardingobjectid_value');
        if (regarding === null) return;
        const list = map.get(regarding);
        if (list) list.push(row);
        else map.set(regarding, [row]);
      });
      return map;
    }),
    // The size is only an estimate for a progress bar: above the aggregate limit it stays unknown rather than cost a
    // request per page.
    attempt('mailbox', () =>
      countBy(
        port,
        'mailbox',
        fleetSizeOptions({ all: options.all === true }),
        'profileid',
        'mailboxcount',
        () => null,
      ),
    ),
    attempt(
      'mailbox',
      async () => (await port.retrieveMultipleRecords('mailbox', FORWARD_MAILBOX_OPTIONS)).entities.length > 0,
    ),
    organizationRead.then((org) => attempt('exchangesyncidmapping', () => readItemFailures(port, org, now, pageSize))),
  ]);
  const callerId = options.caller?.userId?.toLowerCase() ?? null;
  const itemsVisibleAcrossOwners =
    items.ok &&
    [...items.value.keys()].filter((owner) => owner !== '' && owner !== callerId).length > (callerId === null ? 1 : 0);
  return { organization, profiles, alerts, sizes, forwardMailbox, items, itemsVisibleAcrossOwners };
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

/** The rows a single diagnosis reads: about the mailbox or its profile, newest first, at most ALERT_LIMIT. */
function alertsFor(
  alerts: Map<string, DataverseRecord[]>,
  mailboxId: string,
  profileId: string | null,
): DataverseRecord[] {
  const own = alerts.get(mailboxId) ?? [];
  const profile = profileId === null ? [] : (alerts.get(profileId) ?? []);
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

/**
 * The mailbox row as a single diagnosis reads it: without the joined columns, and with the empty columns FetchXML
 * leaves out (https://learn.microsoft.com/power-apps/developer/data-platform/fetchxml/overview) as the nulls OData returns.
 */
function mailboxRow(row: DataverseRecord): DataverseRecord {
  const mailbox: DataverseRecord = {};
  // A joined column is `<alias>.<column>`; an annotation's term has dots of its own (`x@OData.Community…`).
  for (const key of Object.keys(row)) if (!key.split('@')[0].includes('.')) mailbox[key] = row[key];
  for (const column of MAILBOX_COLUMNS) if (mailbox[column] === undefined) mailbox[column] = null;
  return mailbox;
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

/** The DiagnosisInput a single diagnosis of this mailbox would have loaded, built from the bulk reads and the joined row. */
function inputFor(
  row: DataverseRecord,
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
  const { organization, profiles, alerts, forwardMailbox, items } = context;

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
    alerts: alerts.ok ? loaded(alertsFor(alerts.value, mailboxId, profileId)) : alerts,
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

function resolveProfile(profile: string, profiles: Loaded<Map<string, DataverseRecord>>): string {
  const trimmed = profile.trim();
  if (/^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i.test(trimmed)) return assertGuid(trimmed);
  if (!profiles.ok)
    throw new DataverseError(
      profiles.failure.detail,
      profiles.failure.code,
      profiles.failure.kind === 'privilege' ? 403 : undefined,
      undefined,
    );
  const wanted = trimmed.toLowerCase();
  const matches = [...profiles.value.entries()]
    .filter(([, row]) => (readString(row, 'name') ?? '').trim().toLowerCase() === wanted)
    .map(([id]) => id);
  if (matches.length !== 1) throw new FleetProfileError(profile, matches);
  return matches[0];
}

/** What Dataverse's PrivilegeDenied names: "… is missing prvReadUser privilege … for entity 'systemuser'". */
const PRIVILEGE_TABLES: Readonly<Record<string, OwnerTable>> = {
  prvreaduser: 'systemuser',
  prvreadusersettings: 'usersettings',
  prvreadqueue: 'queue',
};

/** The joined table a refusal names, when it is one the scan can do without. */
function refusedJoin(thrown: unknown, joins: ReadonlySet<OwnerTable>): OwnerTable | null {
  const error = toDataverseError(thrown);
  if (error.kind !== 'privilege') return null;
  const entity = /for entity '([A-Za-z0-9_]+)'/.exec(error.message)?.[1]?.toLowerCase();
  const privilege = /missing (prv[A-Za-z0-9_]+) privilege/i.exec(error.message)?.[1]?.toLowerCase();
  const table = (entity ?? (privilege !== undefined ? PRIVILEGE_TABLES[privilege] : undefined)) as
    OwnerTable | undefined;
  return table !== undefined && joins.has(table) ? table : null;
}

/**
 * The first mailbox page. Dataverse refuses a whole query that joins a table the caller may not read; the refusal is
 * kept for that table's inputs and the page asked for again without the join (the user join carries the user settings
 * join, which are then read on their own).
 */
async function firstPage(
  port: WebApiPort,
  scope: FleetScope,
  sources: OwnerSources,
  pageSize: number,
): Promise<RetrieveMultipleResult> {
  for (;;) {
    try {
      return await port.retrieveMultipleRecords(
        'mailbox',
        fetchXmlPageOptions(fleetMailboxFetch(scope, sources.joins), pageSize),
      );
    } catch (thrown) {
      const table = refusedJoin(thrown, sources.joins);
      if (table === null) throw thrown;
      const refusal = failed<never>(table, thrown);
      if (!refusal.ok) sources.refused.set(table, refusal.failure);
      sources.joins.delete(table);
      if (table === 'systemuser' && sources.joins.delete('usersettings') && !sources.refused.has('usersettings')) {
        sources.settings = await attempt('usersettings', () => readFiltering(port, pageSize));
      }
    }
  }
}

interface PageNode {
  entities: DataverseRecord[];
  /** The following page: requested as soon as this one arrived, provided the one before was consumed. */
  next?: Promise<PageNode>;
  consumed(): void;
}

/**
 * Mailbox pages, one ahead: page k+1 is requested (with page k's paging cookie) the moment page k arrives, so the
 * server works while the engine evaluates, but not before page k-1 has been consumed — at most two pages are held,
 * whatever the fleet's size.
 */
function pagePipeline(
  first: Promise<RetrieveMultipleResult>,
  read: (paging: FetchXmlPaging) => Promise<RetrieveMultipleResult>,
): Promise<PageNode> {
  const node = (page: Promise<RetrieveMultipleResult>, previousConsumed: Promise<void>): Promise<PageNode> =>
    page.then((result) => {
      let consumed!: () => void;
      const done = new Promise<void>((resolve) => (consumed = resolve));
      const paging = result.fetchXmlPagingCookie !== undefined ? nextFetchXmlPage(result.fetchXmlPagingCookie) : null;
      const next = paging ? previousConsumed.then(() => node(read(paging), done)) : undefined;
      next?.catch(() => undefined);
      return { entities: result.entities, ...(next ? { next } : {}), consumed };
    });
  const head = node(first, Promise.resolve());
  head.catch(() => undefined);
  return head;
}

function failures(context: FleetContext, sources: OwnerSources): ReadFailure[] {
  const parts: Loaded<unknown>[] = [
    context.organization,
    context.profiles,
    context.alerts,
    context.forwardMailbox,
    context.items,
    ...(sources.settings ? [sources.settings] : []),
  ];
  const all = [...parts.flatMap((part) => (part.ok ? [] : [part.failure])), ...sources.refused.values()];
  const seen = new Set<string>();
  return all.filter((failure) => !seen.has(failure.table) && seen.add(failure.table));
}

/** Per profile: active server-side sync mailboxes and how many of them are overdue, counted as the stream passes. */
class ProfileLoad {
  private readonly byProfile = new Map<string, { total: number; overdue: number }>();

  count(mailbox: DataverseRecord, now: Date): void {
    const profileId = idOf(mailbox, '_emailserverprofile_value');
    if (profileId === null || !isActiveServerSideSync(mailbox)) return;
    const load = this.byProfile.get(profileId) ?? { total: 0, overdue: 0 };
    load.total++;
    if (isOverdue(mailbox, now)) load.overdue++;
    this.byProfile.set(profileId, load);
  }

  findings(profiles: Loaded<Map<string, DataverseRecord>>): Finding[] {
    if (!profiles.ok) return [];
    return [...this.byProfile].flatMap(([profileId, load]) => {
      const profile = profiles.value.get(profileId);
      const finding = profile ? profileOverdueFinding(profileId, profile, load.total, load.overdue) : null;
      return finding ? [finding] : [];
    });
  }
}

/**
 * Reads what the whole environment shares and the first mailbox page, then returns the scan; the following pages are
 * read as `verdicts` is iterated (the second one already in flight). A mailbox table that cannot be read rejects the
 * iteration: there is nothing to scan.
 */
export async function startFleetScan(port: WebApiPort, options: FleetScanOptions = {}): Promise<FleetScan> {
  const api = retryingPort(port, options);
  const now = options.now ?? new Date();
  const pageSize = Math.max(1, Math.min(options.pageSize ?? FLEET_PAGE_SIZE, FLEET_PAGE_SIZE));
  const environment = options.environment ?? null;
  const all = options.all === true;
  const byId = options.profile !== undefined && /^\{?[0-9a-f-]{36}\}?$/i.test(options.profile.trim());
  const sources: OwnerSources = {
    joins: new Set<OwnerTable>(['systemuser', 'usersettings', 'queue']),
    refused: new Map(),
  };
  const pagesFor = (scope: FleetScope) =>
    pagePipeline(firstPage(api, scope, sources, pageSize), (paging) =>
      api.retrieveMultipleRecords(
        'mailbox',
        fetchXmlPageOptions(fleetMailboxFetch(scope, sources.joins), pageSize, paging),
      ),
    );
  // The shared tables and — unless a profile name must be resolved first — the first mailbox page, together.
  const loading = loadContext(api, now, pageSize, options);
  let pages =
    byId || options.profile === undefined
      ? pagesFor({ all, profileId: byId ? assertGuid(options.profile!) : null })
      : undefined;
  const context = await loading;
  const profileId = options.profile === undefined ? null : resolveProfile(options.profile, context.profiles);
  pages ??= pagesFor({ all, profileId });
  const firstNode = pages;
  // Which joins Dataverse refused is known once the first page is in; a page that cannot be read rejects `verdicts`.
  await firstNode.catch(() => undefined);

  let estimatedTotal: number | null = null;
  if (context.sizes.ok)
    estimatedTotal =
      profileId === null
        ? [...context.sizes.value.values()].reduce((sum, n) => sum + n, 0)
        : (context.sizes.value.get(profileId) ?? 0);

  const load = new ProfileLoad();
  let ended = false;
  async function* verdicts(): AsyncGenerator<DiagnosisReport> {
    let scanned = 0;
    let pageCount = 0;
    for (let node: PageNode | undefined = await firstNode; node;) {
      for (let i = 0; i < node.entities.length; i++) {
        const row = node.entities[i];
        load.count(row, now);
        // Forward mailboxes count towards their profile's load, but are no mailbox to diagnose (unless --all).
        if (!all && isForwardMailbox(row)) continue;
        const report = evaluate(inputFor(row, context, sources, now, options.caller), environment);
        scanned++;
        yield report;
      }
      // Let go of the page (and of the chain to the next), so nothing keeps consumed pages alive.
      const next: Promise<PageNode> | undefined = node.next;
      node.entities = [];
      delete node.next;
      node.consumed();
      pageCount++;
      options.onPage?.({ scanned, pages: pageCount, more: next !== undefined });
      node = next ? await next : undefined;
    }
    ended = true;
  }

  return {
    unreadable: failures(context, sources),
    estimatedTotal,
    profileId,
    verdicts: verdicts(),
    findings: () => (ended ? load.findings(context.profiles) : []),
  };
}

/** What the scan keeps of a mailbox that is not healthy. */
export interface FleetMailboxSummary {
  id: string;
  name: string | null;
  emailAddress: string | null;
  environment: string | null;
  overall: Verdict;
  startHere: CheckId | null;
  /** Checks that fail, in the article's order. */
  failingChecks: CheckId[];
  /** Checks that warn. */
  warningChecks: CheckId[];
  /** Checks that could not run (a table could not be read). */
  errorChecks: CheckId[];
}

export interface FleetCounts {
  total: number;
  healthy: number;
  warning: number;
  failing: number;
  unknown: number;
}

export type ByCheck = Record<CheckId, { fail: number; warn: number; error: number }>;

export interface FleetTallyOptions {
  /**
   * Keep each unhealthy mailbox's summary in `mailboxes` (the default). A host that writes every summary out as `add`
   * returns it passes false: then what the tally holds no longer grows with the number of unhealthy mailboxes.
   */
  keepMailboxes?: boolean;
}

/** Counters, findings and (unless told not to keep them) the unhealthy mailboxes: all a scan keeps. */
export class FleetTally implements FleetCounts {
  total = 0;
  healthy = 0;
  warning = 0;
  failing = 0;
  unknown = 0;
  readonly byCheck: ByCheck = Object.fromEntries(
    CHECK_ORDER.map((id) => [id, { fail: 0, warn: 0, error: 0 }]),
  ) as ByCheck;
  readonly mailboxes: FleetMailboxSummary[] = [];
  /** Profile and environment findings, each once however many mailboxes share it; never part of the counts. */
  private readonly findingsByKey = new Map<string, Finding>();
  /** Profile alerts that name a scanned mailbox: that mailbox's own (in its verdict), so not a finding of the fleet. */
  private readonly namedProfileAlerts = new Set<string>();
  private readonly keepMailboxes: boolean;

  constructor(options: FleetTallyOptions = {}) {
    this.keepMailboxes = options.keepMailboxes !== false;
  }

  /** The findings, without the profile alerts that name a scanned mailbox (every other mailbox saw them as findings). */
  get findings(): Finding[] {
    return [...this.findingsByKey.values()].filter(
      (finding) => !finding.alert || !this.namedProfileAlerts.has(profileAlertKey(finding.alert)),
    );
  }

  /** Findings known only once the scan has ended (FleetScan.findings()), each once, as the reports' own. */
  addFindings(findings: readonly Finding[]): void {
    for (const finding of findings)
      if (!this.findingsByKey.has(finding.key)) this.findingsByKey.set(finding.key, finding);
  }

  add(report: DiagnosisReport): FleetMailboxSummary | null {
    this.total++;
    this[report.overall]++;
    this.addFindings(report.findings);
    for (const alert of report.checks.find((c) => c.id === 'alerts')?.alerts ?? []) {
      if (alert.regarding === 'emailserverprofile') this.namedProfileAlerts.add(profileAlertKey(alert));
    }
    const failing: CheckId[] = [];
    const warning: CheckId[] = [];
    const errors: CheckId[] = [];
    for (const check of report.checks) {
      if (check.status === 'fail') failing.push(check.id);
      else if (check.status === 'warn') warning.push(check.id);
      else if (check.status === 'error') errors.push(check.id);
      else continue;
      this.byCheck[check.id][check.status]++;
    }
    if (report.overall === 'healthy') return null;
    const summary: FleetMailboxSummary = {
      id: report.mailbox.id,
      name: report.mailbox.name,
      emailAddress: report.mailbox.emailAddress,
      environment: report.environment,
      overall: report.overall,
      startHere: report.startHere,
      failingChecks: failing,
      warningChecks: warning,
      errorChecks: errors,
    };
    if (this.keepMailboxes) this.mailboxes.push(summary);
    return summary;
  }

  counts(): FleetCounts {
    return {
      total: this.total,
      healthy: this.healthy,
      warning: this.warning,
      failing: this.failing,
      unknown: this.unknown,
    };
  }
}

/** An alert names its mailbox in its text, so code and text tell a profile alert apart across the fleet. */
function profileAlertKey(alert: AlertGroup): string {
  return `${alert.code ?? ''}\u0000${alert.text}`;
}

/** How a mailbox is matched between scans (environment and id, case-insensitive). */
export function mailboxKey(environment: string | null, id: string): string {
  return `${(environment ?? '').toLowerCase()}|${id.toLowerCase()}`;
}
