/**
 * The fleet scan: a verdict for every mailbox of an environment by exactly the rules of a single diagnosis, read in
 * bulk. Everything the checks need beyond the mailbox row is read once for the whole environment — the organization,
 * every email server profile, the week's Warning/Error alerts, the active server-side sync mailbox count per profile
 * (one FetchXML aggregate), and the email filtering method of every user and queue — then mailbox pages (5,000 rows)
 * are streamed and each row becomes a DiagnosisInput for `evaluate()`. Never one request per mailbox; only one page of
 * mailboxes (and the next one, prefetched) is held at a time, so memory stays flat with the fleet's size.
 *
 * A table that cannot be read does not stop the scan: every verdict carries the same `error` checks a single diagnosis
 * would show (the same Loaded failures), and `unreadable` lists the tables.
 */
import { evaluate } from './diagnose';
import { DataverseError, isAggregateLimit, toDataverseError } from './errors';
import {
  failed,
  filteringOf,
  FORWARD_MAILBOX_DELIVERY,
  itemVisibility,
  loaded,
  ownerKindOf,
  type Caller,
  type DiagnosisInput,
  type Loaded,
  type OwnerFiltering,
  type OwnerRecord,
  type ReadFailure,
  type TableName,
} from './input';
import { assertGuid, fetchXmlOptions, odataOptions, type DataverseRecord, type RetrieveMultipleResult, type WebApiPort } from './port';
import {
  ACTIVE_SSS_MAILBOX_CONDITIONS,
  ACTIVE_SSS_MAILBOX_FILTER,
  ALERT_COLUMNS,
  ALERT_LIMIT,
  alertWindowStart,
  FORWARD_MAILBOX_OPTIONS,
  ITEM_FAILURE_COLUMNS,
  ITEM_FAILURE_LIMIT,
  itemPersistenceDays,
  itemWindowStart,
  MAILBOX_COLUMNS,
  ORGANIZATION_OPTIONS,
  overdueBefore,
  overdueConditions,
  OWNER_QUEUE_COLUMNS,
  OWNER_USER_COLUMNS,
  PROFILE_COLUMNS,
} from './queries';
import { readNumber, readString } from './records';
import { CHECK_ORDER, type AlertGroup, type CheckId, type DiagnosisReport, type Finding, type Verdict } from './report';
import { retryingPort, type RetryOptions } from './retry';

/** Dataverse's default and maximum page size. */
export const FLEET_PAGE_SIZE = 5000;


/** Server-side sync mailboxes that are not forward mailboxes (isforwardmailbox is read-only; `ne true` keeps nulls). */
export const FLEET_MAILBOX_FILTER = `${ACTIVE_SSS_MAILBOX_FILTER} and isforwardmailbox ne true`;

export interface FleetScanOptions extends RetryOptions {
  now?: Date;
  /** The environment's base URL, recorded in every report. */
  environment?: string | null;
  /** Every mailbox, active or not, on server-side sync or not. */
  all?: boolean;
  /** Only the mailboxes on this email server profile: an id, or a name (case-insensitive). */
  profile?: string;
  /** Rows per page (Prefer: odata.maxpagesize); default and maximum 5,000. */
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
    super(matches.length === 0 ? `No email server profile matches '${profile}'.` : `Several email server profiles match '${profile}': ${matches.join(', ')}.`);
    this.name = 'FleetProfileError';
  }
}

export interface FleetScan {
  /** Tables that could not be read: the checks that need them are `error` in every verdict. */
  unreadable: ReadFailure[];
  /** The active server-side sync mailboxes counted by the profile aggregate: the scan's size, known before it runs (null when unknown). */
  estimatedTotal: number | null;
  /** The profile the scan is limited to, resolved to its id. */
  profileId: string | null;
  /** One report per mailbox, page by page. Iterate once. */
  verdicts: AsyncIterable<DiagnosisReport>;
}

interface FilteringValue {
  method: number | null;
  label?: string;
}

interface FleetContext {
  organization: Loaded<DataverseRecord>;
  profiles: Loaded<Map<string, DataverseRecord>>;
  alerts: Loaded<Map<string, DataverseRecord[]>>;
  counts: Loaded<Map<string, number>>;
  overdue: Loaded<Map<string, number>>;
  users: Loaded<Map<string, FilteringValue>>;
  systemusers: Loaded<Map<string, DataverseRecord>>;
  queues: Loaded<Map<string, DataverseRecord>>;
  forwardMailbox: Loaded<boolean>;
  items: Loaded<Map<string, DataverseRecord[]>>;
  /** Rows of more than one owner came back: the caller sees every owner's failed items. */
  itemsVisibleAcrossOwners: boolean;
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

/** Reads every page of a query. */
export async function readAllPages(port: WebApiPort, table: string, options: string, pageSize: number, each: (row: DataverseRecord) => void): Promise<void> {
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

function profileCountFetch(overdueAt?: Date): string {
  return fetchXmlOptions(`
    <fetch aggregate="true">
      <entity name="mailbox">
        <attribute name="emailserverprofile" alias="profileid" groupby="true" />
        <attribute name="mailboxid" alias="mailboxcount" aggregate="count" />
        <filter type="and">
          ${ACTIVE_SSS_MAILBOX_CONDITIONS}
          ${overdueAt ? overdueConditions(overdueAt) : ''}
        </filter>
      </entity>
    </fetch>`);
}

/**
 * Active server-side sync mailboxes per profile (all, or those overdue at `overdueAt`): one aggregate, or (above the
 * 50,000-row aggregate limit) a paged count.
 */
async function readProfileCounts(port: WebApiPort, pageSize: number, overdueAt?: Date): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const add = (profileId: string | null, count: number) => {
    const key = profileId ?? '';
    counts.set(key, (counts.get(key) ?? 0) + count);
  };
  try {
    const result = await port.retrieveMultipleRecords('mailbox', profileCountFetch(overdueAt));
    for (const row of result.entities) add(idOf(row, 'profileid'), readNumber(row, 'mailboxcount') ?? 0);
    return counts;
  } catch (thrown) {
    const error = toDataverseError(thrown);
    if (!isAggregateLimit(error)) throw error;
  }
  const overdueFilter = overdueAt
    ? ` and postponemailboxprocessinguntil lt ${overdueBefore(overdueAt)} and processingstatecode ne 1`
    : '';
  await readAllPages(port, 'mailbox', odataOptions({ select: ['_emailserverprofile_value'], filter: `${ACTIVE_SSS_MAILBOX_FILTER}${overdueFilter}` }), pageSize, (row) =>
    add(idOf(row, '_emailserverprofile_value'), 1),
  );
  return counts;
}

async function readRows(port: WebApiPort, table: 'systemuser' | 'queue', key: string, columns: readonly string[], pageSize: number): Promise<Map<string, DataverseRecord>> {
  const result = new Map<string, DataverseRecord>();
  await readAllPages(port, table, odataOptions({ select: [key, ...columns] }), pageSize, (row) => {
    const id = idOf(row, key);
    if (id !== null) result.set(id, row);
  });
  return result;
}

/** The owners' failed items in the persistence window, by owner (newest first, at most what a diagnosis reads). */
async function readItemFailures(port: WebApiPort, organization: Loaded<DataverseRecord>, now: Date, pageSize: number): Promise<Map<string, DataverseRecord[]>> {
  const days = itemPersistenceDays(organization.ok ? readString(organization.value, 'orgdborgsettings') : null);
  const byOwner = new Map<string, DataverseRecord[]>();
  const options = odataOptions({ select: ITEM_FAILURE_COLUMNS, filter: `lastsyncerroroccurredon ge ${itemWindowStart(now, days)}`, orderby: 'lastsyncerroroccurredon desc' });
  await readAllPages(port, 'exchangesyncidmapping', options, pageSize, (row) => {
    const owner = idOf(row, '_ownerid_value');
    if (owner === null) return;
    const list = byOwner.get(owner);
    if (!list) byOwner.set(owner, [row]);
    else if (list.length < ITEM_FAILURE_LIMIT) list.push(row);
  });
  return byOwner;
}

async function readFiltering(port: WebApiPort, pageSize: number): Promise<Map<string, FilteringValue>> {
  const key = 'systemuserid';
  const labels = new Map<string, string>();
  const result = new Map<string, FilteringValue>();
  await readAllPages(port, 'usersettings', odataOptions({ select: [key, 'incomingemailfilteringmethod'] }), pageSize, (row) => {
    const id = idOf(row, key);
    if (id === null) return;
    const label = row['incomingemailfilteringmethod@OData.Community.Display.V1.FormattedValue'];
    const value: FilteringValue = { method: readNumber(row, 'incomingemailfilteringmethod') };
    if (typeof label === 'string') {
      if (!labels.has(label)) labels.set(label, label);
      value.label = labels.get(label);
    }
    result.set(id, value);
  });
  return result;
}

async function loadContext(port: WebApiPort, now: Date, pageSize: number, caller: Caller | undefined): Promise<FleetContext> {
  const organizationRead = attempt('organization', async () => {
    const result = await port.retrieveMultipleRecords('organization', ORGANIZATION_OPTIONS);
    if (result.entities.length === 0) throw { status: 404, message: 'No organization row was returned.' };
    return result.entities[0];
  });
  const [organization, profiles, alerts, counts, overdue, users, systemusers, queues, forwardMailbox, items] = await Promise.all([
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
      const options = odataOptions({ select: ALERT_COLUMNS, filter: `level ge 2 and modifiedon ge ${alertWindowStart(now)}`, orderby: 'modifiedon desc' });
      await readAllPages(port, 'tracelog', options, pageSize, (row) => {
        const regarding = idOf(row, '_regardingobjectid_value');
        if (regarding === null) return;
        const list = map.get(regarding);
        if (list) list.push(row);
        else map.set(regarding, [row]);
      });
      return map;
    }),
    attempt('mailbox', () => readProfileCounts(port, pageSize)),
    attempt('mailbox', () => readProfileCounts(port, pageSize, now)),
    attempt('usersettings', () => readFiltering(port, pageSize)),
    attempt('systemuser', () => readRows(port, 'systemuser', 'systemuserid', OWNER_USER_COLUMNS, pageSize)),
    attempt('queue', () => readRows(port, 'queue', 'queueid', OWNER_QUEUE_COLUMNS, pageSize)),
    attempt('mailbox', async () => (await port.retrieveMultipleRecords('mailbox', FORWARD_MAILBOX_OPTIONS)).entities.length > 0),
    organizationRead.then((org) => attempt('exchangesyncidmapping', () => readItemFailures(port, org, now, pageSize))),
  ]);
  const callerId = caller?.userId?.toLowerCase() ?? null;
  const itemsVisibleAcrossOwners = items.ok && [...items.value.keys()].filter((owner) => owner !== callerId).length > (callerId === null ? 1 : 0);
  return { organization, profiles, alerts, counts, overdue, users, systemusers, queues, forwardMailbox, items, itemsVisibleAcrossOwners };
}

function notFound(table: TableName, id: string): Loaded<never> {
  return failed(table, { status: 404, error: { code: '0x80040217', message: `${table} With Id = ${id} Does Not Exist` } });
}

function modifiedTime(row: DataverseRecord): number {
  const text = readString(row, 'modifiedon') ?? readString(row, 'createdon');
  const time = text === null ? NaN : Date.parse(text);
  return Number.isNaN(time) ? 0 : time;
}

/** The rows a single diagnosis reads: about the mailbox or its profile, newest first, at most ALERT_LIMIT. */
function alertsFor(alerts: Map<string, DataverseRecord[]>, mailboxId: string, profileId: string | null): DataverseRecord[] {
  const own = alerts.get(mailboxId) ?? [];
  const profile = profileId === null ? [] : (alerts.get(profileId) ?? []);
  if (profile.length === 0) return own.slice(0, ALERT_LIMIT);
  if (own.length === 0) return profile.slice(0, ALERT_LIMIT);
  return [...own, ...profile].sort((a, b) => modifiedTime(b) - modifiedTime(a)).slice(0, ALERT_LIMIT);
}

/** The DiagnosisInput a single diagnosis of this mailbox would have loaded, built from the bulk reads. */
function lookUp<T>(table: TableName, source: Loaded<Map<string, T>>, id: string): Loaded<T> {
  if (!source.ok) return source;
  const value = source.value.get(id);
  return value === undefined ? notFound(table, id) : loaded(value);
}

function inputFor(row: DataverseRecord, context: FleetContext, now: Date, caller: Caller | undefined): DiagnosisInput {
  const mailboxId = assertGuid(String(row.mailboxid));
  const profileId = idOf(row, '_emailserverprofile_value');
  const ownerId = idOf(row, '_regardingobjectid_value');
  const recordOwnerId = idOf(row, '_ownerid_value');
  const ownerKind = ownerKindOf(row);
  const { organization, profiles, alerts, counts, overdue, users, systemusers, queues, forwardMailbox, items } = context;

  let profile: Loaded<DataverseRecord | null> = loaded(null);
  let profileMailboxCount: Loaded<number | null> = loaded(null);
  let profileOverdueCount: Loaded<number | null> = loaded(null);
  if (profileId !== null) {
    profile = lookUp('emailserverprofile', profiles, profileId);
    profileMailboxCount = counts.ok ? loaded(counts.value.get(profileId) ?? 0) : counts;
    profileOverdueCount = overdue.ok ? loaded(overdue.value.get(profileId) ?? 0) : overdue;
  }

  let owner: Loaded<OwnerRecord | null> = loaded(null);
  let ownerFiltering: Loaded<OwnerFiltering | null> = loaded(null);
  if (ownerId !== null && ownerKind === 'systemuser') {
    const user = lookUp('systemuser', systemusers, ownerId);
    owner = user.ok ? loaded({ kind: 'systemuser', row: user.value }) : user;
    const filtering = lookUp('usersettings', users, ownerId);
    ownerFiltering = filtering.ok
      ? loaded({ kind: 'systemuser', filteringMethod: filtering.value.method, ...(filtering.value.label !== undefined ? { filteringLabel: filtering.value.label } : {}) })
      : filtering;
  } else if (ownerId !== null && ownerKind === 'queue') {
    const queue = lookUp('queue', queues, ownerId);
    owner = queue.ok ? loaded({ kind: 'queue', row: queue.value }) : queue;
    ownerFiltering = queue.ok ? loaded(filteringOf('queue', queue.value)) : queue;
  }

  // As a single diagnosis: a mailbox without an owner reads no item records, so it cannot fail to read them.
  const ownItems: Loaded<DataverseRecord[]> = recordOwnerId === null ? loaded([]) : items.ok ? loaded(items.value.get(recordOwnerId) ?? []) : items;
  const visibility = context.itemsVisibleAcrossOwners ? 'all' : itemVisibility(caller, recordOwnerId, ownItems.ok ? ownItems.value : []);
  return {
    mailboxId,
    now,
    ...(caller ? { caller } : {}),
    mailbox: loaded(row),
    organization,
    profile,
    alerts: alerts.ok ? loaded(alertsFor(alerts.value, mailboxId, profileId)) : alerts,
    profileMailboxCount,
    profileOverdueCount,
    ownerFiltering,
    owner,
    forwardMailboxAvailable: readNumber(row, 'incomingemaildeliverymethod') === FORWARD_MAILBOX_DELIVERY ? forwardMailbox : loaded(null),
    itemFailures: ownItems,
    itemVisibility: visibility,
  };
}

function resolveProfile(profile: string, profiles: Loaded<Map<string, DataverseRecord>>): string {
  const trimmed = profile.trim();
  if (/^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i.test(trimmed)) return assertGuid(trimmed);
  if (!profiles.ok) throw new DataverseError(profiles.failure.detail, profiles.failure.code, profiles.failure.kind === 'privilege' ? 403 : undefined, undefined);
  const wanted = trimmed.toLowerCase();
  const matches = [...profiles.value.entries()].filter(([, row]) => (readString(row, 'name') ?? '').trim().toLowerCase() === wanted).map(([id]) => id);
  if (matches.length !== 1) throw new FleetProfileError(profile, matches);
  return matches[0];
}

function mailboxQuery(options: FleetScanOptions, profileId: string | null): string {
  const conditions = [options.all ? '' : FLEET_MAILBOX_FILTER, profileId ? `_emailserverprofile_value eq ${profileId}` : ''].filter((c) => c !== '');
  return odataOptions({ select: MAILBOX_COLUMNS, ...(conditions.length > 0 ? { filter: conditions.join(' and ') } : {}) });
}

function failures(context: FleetContext): ReadFailure[] {
  const parts = [context.organization, context.profiles, context.alerts, context.counts, context.overdue, context.users, context.systemusers, context.queues, context.forwardMailbox, context.items];
  const seen = new Set<string>();
  return parts.flatMap((part) => {
    if (part.ok || seen.has(part.failure.table)) return [];
    seen.add(part.failure.table);
    return [part.failure];
  });
}

interface PageNode {
  entities: DataverseRecord[];
  /** The following page: requested as soon as this one arrived, provided the one before was consumed. */
  next?: Promise<PageNode>;
  consumed(): void;
}

/**
 * Mailbox pages, one ahead: page k+1 is requested the moment page k arrives (so the server works while the engine
 * evaluates), but not before page k-1 has been consumed — at most two pages are held, whatever the fleet's size.
 */
function pagePipeline(port: WebApiPort, first: Promise<RetrieveMultipleResult>, pageSize: number): Promise<PageNode> {
  const node = (page: Promise<RetrieveMultipleResult>, previousConsumed: Promise<void>): Promise<PageNode> =>
    page.then((result) => {
      let consumed!: () => void;
      const done = new Promise<void>((resolve) => (consumed = resolve));
      const next = result.nextLink
        ? previousConsumed.then(() => node(port.retrieveMultipleRecords('mailbox', continuationOptions(result.nextLink!), pageSize), done))
        : undefined;
      next?.catch(() => undefined);
      return { entities: result.entities, ...(next ? { next } : {}), consumed };
    });
  const head = node(first, Promise.resolve());
  head.catch(() => undefined);
  return head;
}

/**
 * Reads what the whole environment shares, then returns the scan; mailbox pages are read as `verdicts` is iterated
 * (the first one already in flight). A mailbox table that cannot be read rejects the iteration: there is nothing to scan.
 */
export async function startFleetScan(port: WebApiPort, options: FleetScanOptions = {}): Promise<FleetScan> {
  const api = retryingPort(port, options);
  const now = options.now ?? new Date();
  const pageSize = Math.max(1, Math.min(options.pageSize ?? FLEET_PAGE_SIZE, FLEET_PAGE_SIZE));
  const environment = options.environment ?? null;
  const byId = options.profile !== undefined && /^\{?[0-9a-f-]{36}\}?$/i.test(options.profile.trim());
  // Unless a profile name must be resolved first, the first mailbox page is read alongside the shared tables.
  // The shared tables first (small and quick), then — unless a profile name must be resolved first — the first
  // mailbox page alongside them.
  const loading = loadContext(api, now, pageSize, options.caller);
  let pages =
    byId || options.profile === undefined
      ? pagePipeline(api, api.retrieveMultipleRecords('mailbox', mailboxQuery(options, byId ? assertGuid(options.profile!) : null), pageSize), pageSize)
      : undefined;
  const context = await loading;
  const profileId = options.profile === undefined ? null : resolveProfile(options.profile, context.profiles);
  pages ??= pagePipeline(api, api.retrieveMultipleRecords('mailbox', mailboxQuery(options, profileId), pageSize), pageSize);
  const firstNode = pages;

  let estimatedTotal: number | null = null;
  if (!options.all && context.counts.ok) {
    estimatedTotal = profileId === null ? [...context.counts.value.values()].reduce((sum, n) => sum + n, 0) : (context.counts.value.get(profileId) ?? 0);
  }

  async function* verdicts(): AsyncGenerator<DiagnosisReport> {
    let scanned = 0;
    let pageCount = 0;
    for (let node: PageNode | undefined = await firstNode; node; ) {
      for (let i = 0; i < node.entities.length; i++) {
        const report = evaluate(inputFor(node.entities[i], context, now, options.caller), environment);
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
  }

  return { unreadable: failures(context), estimatedTotal, profileId, verdicts: verdicts() };
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

/** Counters and the unhealthy mailboxes: all a scan keeps, whatever the fleet's size. */
export class FleetTally implements FleetCounts {
  total = 0;
  healthy = 0;
  warning = 0;
  failing = 0;
  unknown = 0;
  readonly byCheck: ByCheck = Object.fromEntries(CHECK_ORDER.map((id) => [id, { fail: 0, warn: 0, error: 0 }])) as ByCheck;
  readonly mailboxes: FleetMailboxSummary[] = [];
  /** Profile and environment findings, each once however many mailboxes share it; never part of the counts. */
  private readonly findingsByKey = new Map<string, Finding>();
  /** Profile alerts that name a scanned mailbox: that mailbox's own (in its verdict), so not a finding of the fleet. */
  private readonly namedProfileAlerts = new Set<string>();

  /** The findings, without the profile alerts that name a scanned mailbox (every other mailbox saw them as findings). */
  get findings(): Finding[] {
    return [...this.findingsByKey.values()].filter((finding) => !finding.alert || !this.namedProfileAlerts.has(profileAlertKey(finding.alert)));
  }

  add(report: DiagnosisReport): FleetMailboxSummary | null {
    this.total++;
    this[report.overall]++;
    for (const finding of report.findings) if (!this.findingsByKey.has(finding.key)) this.findingsByKey.set(finding.key, finding);
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
    this.mailboxes.push(summary);
    return summary;
  }

  counts(): FleetCounts {
    return { total: this.total, healthy: this.healthy, warning: this.warning, failing: this.failing, unknown: this.unknown };
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
