/**
 * The embedded Dataverse emulator: a Node HTTP server, started in-process, that serves the Web API subset the product
 * uses (`/api/data/v9.2/`) over the in-memory DataverseStore, strict through Microsoft's schema.
 *
 * API (small on purpose; the sandbox page, the e2e tests and the CLI's tests all use it):
 *
 *   const emulator = await startEmulator({ data, testEnableOutcomes?, port?: 0, now?, testEnableDelayMs?,
 *                                          requireToken?, cors?, callerId? });
 *   emulator.url          environment URL, e.g. "http://127.0.0.1:53123" (what a user would pass as --url)
 *   emulator.apiUrl       `${url}/api/data/v9.2/`
 *   emulator.store        the DataverseStore (read or seed rows directly in tests)
 *   emulator.requests     every request answered: {method, url, table?, status, body?} — the token is never recorded
 *   emulator.faults       throttle({times?, table?, retryAfterSeconds?}) → 429 + Retry-After (0x80072322)
 *                         deny({table, privilege?, operation?: 'read' | 'write'})  → 403 0x80040220 PrivilegeDenied
 *                         serverError({times?, table?}) → 500 0x80040216;  latency(ms) added to every request;
 *                         clear() removes every fault
 *   emulator.whenIdle()   resolves when no Test & Enable is pending
 *   emulator.close()      stops the server and pending Test & Enable timers
 *
 * Supported requests: GET `set` (collection: $select, $filter, $orderby, $top, $expand with nested options, $count,
 * fetchXml — aggregates up to 50,000 rows, outer and inner link-entity joins, nested, and paging by count, page and
 * paging-cookie, the cookie and @Microsoft.Dynamics.CRM.morerecords returned as annotations), GET `set/$count`, GET `set(id)`, GET `set(id)/navigation`, PATCH `set(id)` (columns, `nav@odata.bind`),
 * GET `WhoAmI`, GET the service document, and the metadata operations the strictness rules accept
 * (METADATA_OPERATIONS): `EntityDefinitions(LogicalName='…')` ($select, $expand=Attributes($select=…)), `RetrieveVersion`,
 * `RetrieveEntityRibbon(EntityName='…',RibbonLocationFilter=Microsoft.Dynamics.CRM.RibbonLocationFilters'Form')`, and
 * `systemusers(id)/Microsoft.Dynamics.CRM.RetrieveUserSetOfPrivilegesByNames(PrivilegeNames=@p1)?@p1=[…]` (the caller
 * holds options.platform.callerPrivileges, or every privilege row at Global; a deny() fault takes away the privilege
 * it names). The privilege table is seeded from platform.ts when the data set has none. Paging: `Prefer: odata.maxpagesize=N` → `@odata.nextLink` (absolute URL,
 * opaque `$skiptoken`). `$count=true` → `@odata.count`, capped at 5000 like Dataverse. Annotations
 * (`@OData.Community.Display.V1.FormattedValue`, `@Microsoft.Dynamics.CRM.lookuplogicalname`,
 * `@Microsoft.Dynamics.CRM.associatednavigationproperty`) only when asked with
 * `Prefer: odata.include-annotations="*"` (or a list, with `Namespace.*` wildcards); applied preferences are echoed in
 * `Preference-Applied`. Errors use Dataverse's body `{"error":{"code":"0x…","message":"…"}}`.
 *
 * Test & Enable: PATCH mailboxes(id) {testemailconfigurationscheduled: true} → after testEnableDelayMs the emulator
 * sets testemailconfigurationscheduled = false, testmailboxaccesscompletedon = now, and the incoming/outgoing/ACT
 * statuses of the channels that use server-side sync to Success (1) or Failure (2) according to testEnableOutcomes[id]
 * (default: success, or failure with the approval alert when the mailbox is not approved and the organization requires
 * approval). A failed channel is disabled (enabledfor* = false) and an Error alert (tracelog) is written.
 */
import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { LOOKUP_LOGICAL_NAME, normalizeGuid, type DataverseRecord, type DataverseValue } from '../../diagnostics';
import {
  fetchLinks,
  parseQueryOptions,
  type ExpandItem,
  type FetchQuery,
  type ODataQuery,
} from '../../diagnostics/schema/query';
import {
  isViolation,
  METADATA_OPERATIONS,
  parseOperationCall,
  validateMetadataQuery,
  type MetadataOperation,
  type OperationArguments,
  type SchemaIndex,
  type SchemaTable,
} from '../../diagnostics/schema/strictness';
import { compressRibbon, defaultPlatform, privilegeRows, type PlatformFixture, type PrivilegeDepth } from './platform';
import { dataverseSchema } from './schema';
import { DataverseStore, privilegeDeniedMessage, StoreError, tablePrivilege, type DataSet } from './store';

export const API_PATH = '/api/data/v9.2/';
/** Dataverse stops `@odata.count` at 5,000. */
export const COUNT_LIMIT = 5000;
const DEFAULT_PAGE_SIZE = 5000;
const ASSOCIATED_NAVIGATION = '@Microsoft.Dynamics.CRM.associatednavigationproperty';
const FETCH_PAGING_COOKIE = '@Microsoft.Dynamics.CRM.fetchxmlpagingcookie';
const MORE_RECORDS = '@Microsoft.Dynamics.CRM.morerecords';

export type ChannelOutcome = 'success' | 'failure';

/** What Test & Enable finds for one mailbox (a side channel of the data set: not a Dataverse column). */
export interface TestEnableOutcome {
  incoming?: ChannelOutcome;
  outgoing?: ChannelOutcome;
  act?: ChannelOutcome;
  /** The Error alert written on failure. */
  alert?: { text: string; tracecode?: number; errordetails?: string };
}

export interface EmulatorOptions {
  data: DataSet;
  testEnableOutcomes?: Record<string, TestEnableOutcome>;
  /** 0 (default) picks a free port. The server listens on 127.0.0.1 only. */
  port?: number;
  now?: () => Date;
  /** How long Test & Enable takes (default 3000 ms). */
  testEnableDelayMs?: number;
  /** Require `Authorization: Bearer <any token>`; 401 otherwise. */
  requireToken?: boolean;
  /** Answer CORS preflights and add CORS headers (the sandbox page runs on another local port). */
  cors?: boolean;
  /** The systemuserid WhoAmI returns (default: the first systemuser row). */
  callerId?: string;
  schema?: SchemaIndex;
  /** Version, Mailbox metadata and ribbons, the caller's privileges (platform.ts); each part given replaces the default. */
  platform?: Partial<PlatformFixture>;
}

export interface RecordedRequest {
  method: string;
  /** Path and query as received. */
  url: string;
  /** Logical name of the table addressed, when there is one. */
  table?: string;
  status: number;
  body?: unknown;
}

interface CountedFault {
  remaining: number;
  table?: string;
}

export class Faults {
  /** @internal */ throttles: (CountedFault & { retryAfterSeconds: number })[] = [];
  /** @internal */ denials: { table: string; privilege?: string; operation?: 'read' | 'write' }[] = [];
  /** @internal */ errors: CountedFault[] = [];
  /** @internal */ latencyMs = 0;

  /** The next `times` requests (to `table`, or any) get 429 Too Many Requests with Retry-After. */
  throttle(options: { times?: number; table?: string; retryAfterSeconds?: number } = {}): this {
    this.throttles.push({
      remaining: options.times ?? 1,
      table: options.table,
      retryAfterSeconds: options.retryAfterSeconds ?? 1,
    });
    return this;
  }

  /** Every request touching `table` (also through $expand or a FetchXML link-entity) gets 403 PrivilegeDenied until clear(). */
  deny(options: { table: string; privilege?: string; operation?: 'read' | 'write' }): this {
    this.denials.push(options);
    return this;
  }

  /** The next `times` requests (to `table`, or any) get 500. */
  serverError(options: { times?: number; table?: string } = {}): this {
    this.errors.push({ remaining: options.times ?? 1, table: options.table });
    return this;
  }

  /** Adds `ms` of latency to every request. */
  latency(ms: number): this {
    this.latencyMs = ms;
    return this;
  }

  clear(): this {
    this.throttles = [];
    this.denials = [];
    this.errors = [];
    this.latencyMs = 0;
    return this;
  }
}

export interface Emulator {
  url: string;
  apiUrl: string;
  store: DataverseStore;
  requests: RecordedRequest[];
  faults: Faults;
  whenIdle(): Promise<void>;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** AttributeMetadata's AttributeType (AttributeTypeCode names) from the schema's lower-case type. */
const ATTRIBUTE_TYPES: Record<string, string> = {
  string: 'String',
  memo: 'Memo',
  lookup: 'Lookup',
  owner: 'Owner',
  customer: 'Customer',
  picklist: 'Picklist',
  state: 'State',
  status: 'Status',
  boolean: 'Boolean',
  datetime: 'DateTime',
  integer: 'Integer',
  bigint: 'BigInt',
  uniqueidentifier: 'Uniqueidentifier',
  decimal: 'Decimal',
  money: 'Money',
  double: 'Double',
  managedproperty: 'ManagedProperty',
  entityname: 'EntityName',
};

function attributeTypeOf(type: string | null | undefined): string {
  return ATTRIBUTE_TYPES[type ?? ''] ?? 'Virtual';
}

/** A stable GUID-shaped id for a metadata item, so repeated answers agree. */
function metadataIdOf(key: string): string {
  let hash = 2166136261;
  const hex: string[] = [];
  for (let round = 0; round < 4; round++) {
    for (const ch of `${round}:${key}`) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619) >>> 0;
    hex.push(hash.toString(16).padStart(8, '0'));
  }
  const all = hex.join('');
  return `${all.slice(0, 8)}-${all.slice(8, 12)}-4${all.slice(13, 16)}-8${all.slice(17, 20)}-${all.slice(20, 32)}`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** `odata.include-annotations="a,b.*,-c"` → a predicate over annotation terms. */
function annotationFilter(prefer: Map<string, string>): ((term: string) => boolean) | undefined {
  const raw = prefer.get('odata.include-annotations');
  if (raw === undefined) return undefined;
  const patterns = raw
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const matches = (pattern: string, term: string) =>
    pattern === '*' || pattern === term || (pattern.endsWith('.*') && term.startsWith(pattern.slice(0, -1)));
  return (term) => {
    if (patterns.some((p) => p.startsWith('-') && matches(p.slice(1), term))) return false;
    return patterns.some((p) => !p.startsWith('-') && matches(p, term));
  };
}

/** `Prefer: odata.maxpagesize=2, odata.include-annotations="*"` → map (values unquoted). */
function parsePrefer(header: string | string[] | undefined): Map<string, string> {
  const result = new Map<string, string>();
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  // Split on commas outside quotes.
  const parts = text.match(/(?:[^,"]+|"[^"]*")+/g) ?? [];
  for (const part of parts) {
    const eq = part.indexOf('=');
    const name = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
    if (name === '') continue;
    const value =
      eq < 0
        ? ''
        : part
            .slice(eq + 1)
            .trim()
            .replace(/^"|"$/g, '');
    result.set(name, value);
  }
  return result;
}

/** Removes top-level options (by name) from a raw query string; keeps the rest byte for byte. */
function withoutOptions(search: string, names: string[]): string {
  const text = search.replace(/^\?/, '');
  if (text === '') return '';
  const kept = splitQuery(text).filter((pair) => {
    const name = decodeURIComponentSafe(pair.split('=')[0]);
    return !names.includes(name);
  });
  return kept.join('&');
}

function optionValue(search: string, name: string): string | undefined {
  for (const pair of splitQuery(search.replace(/^\?/, ''))) {
    const eq = pair.indexOf('=');
    if (eq > 0 && decodeURIComponentSafe(pair.slice(0, eq)) === name) return decodeURIComponentSafe(pair.slice(eq + 1));
  }
  return undefined;
}

/** Splits on `&` outside single quotes and parentheses (a $filter literal may hold `&` only when encoded, but be safe). */
function splitQuery(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (const ch of text) {
    if (ch === "'") quoted = !quoted;
    else if (!quoted && ch === '(') depth++;
    else if (!quoted && ch === ')') depth--;
    if (ch === '&' && depth === 0 && !quoted) {
      if (current !== '') parts.push(current);
      current = '';
    } else current += ch;
  }
  if (current !== '') parts.push(current);
  return parts;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, '%20'));
  } catch {
    return text;
  }
}

function nowFrom(option: EmulatorOptions['now']): () => Date {
  return option ?? (() => new Date());
}

export async function startEmulator(options: EmulatorOptions): Promise<Emulator> {
  const schema = options.schema ?? dataverseSchema();
  const now = nowFrom(options.now);
  const store = new DataverseStore(schema, options.data, { now });
  const outcomes = options.testEnableOutcomes ?? {};
  const testEnableDelayMs = options.testEnableDelayMs ?? 3000;
  const requests: RecordedRequest[] = [];
  const faults = new Faults();
  const timers = new Set<NodeJS.Timeout>();
  const idleWaiters: (() => void)[] = [];
  const versions = new Map<string, number>();
  const platform: PlatformFixture = { ...defaultPlatform(), ...options.platform };
  if ((store.tables.privilege ?? []).length === 0) store.tables.privilege = privilegeRows();
  let baseUrl = '';

  const etagOf = (id: string) => `W/"${versions.get(id.toLowerCase()) ?? 1000000}"`;
  const bumpVersion = (id: string) => versions.set(id.toLowerCase(), (versions.get(id.toLowerCase()) ?? 1000000) + 1);

  function tableOfSet(segment: string): SchemaTable {
    const table = schema.tableBySetName(segment);
    if (!table) throw new HttpError(404, '0x80060888', `Resource not found for the segment '${segment}'.`);
    return table;
  }

  /**
   * Tables a query touches: the addressed one and every $expand target or FetchXML link-entity (a 403 there denies the
   * whole request). ASSUMPTION: Dataverse refuses a FetchXML query joining a table the caller may not read, naming that
   * table, as it refuses an $expand; Learn does not say so outright, and a RetrieveMultiple failing with "is missing
   * prvRead… privilege … for entity '<the joined table>'" is what users report.
   */
  function touchedTables(table: string, query: ODataQuery | undefined, fetch?: FetchQuery): string[] {
    if (fetch) return [table, ...fetchLinks(fetch.links).map((link) => link.name)];
    const result = [table];
    const walk = (current: string, items: ExpandItem[] | undefined) => {
      for (const item of items ?? []) {
        const navigation = schema.navigation(current, item.navigation);
        if (!navigation) continue;
        result.push(navigation.target);
        walk(navigation.target, item.options.expand);
      }
    };
    walk(table, query?.expand);
    return result;
  }

  function applyFaults(method: string, tables: string[]): void {
    const hits = (fault: { table?: string }) =>
      fault.table === undefined ||
      tables.some((t) => t === fault.table || schema.table(t)?.entitySetName === fault.table);
    const throttle = faults.throttles.find((f) => f.remaining > 0 && hits(f));
    if (throttle) {
      throttle.remaining--;
      throw new HttpError(
        429,
        '0x80072322',
        'Number of requests exceeded the limit of 6000 over time window of 300 seconds.',
        {
          'Retry-After': String(throttle.retryAfterSeconds),
        },
      );
    }
    const operation = method === 'GET' ? 'read' : 'write';
    for (const denial of faults.denials) {
      if (denial.operation !== undefined && denial.operation !== operation) continue;
      const table = tables.find((t) => t === denial.table || schema.table(t)?.entitySetName === denial.table);
      if (!table) continue;
      throw new HttpError(
        403,
        '0x80040220',
        privilegeDeniedMessage(table, deniedPrivilege(denial, table, operation), callerId(), randomUUID()),
      );
    }
    const error = faults.errors.find((f) => f.remaining > 0 && hits(f));
    if (error) {
      error.remaining--;
      throw new HttpError(500, '0x80040216', 'An unexpected error occurred.');
    }
  }

  /** The privilege a deny() fault takes away, as Dataverse names it in PrivilegeDenied. */
  function deniedPrivilege(denial: Faults['denials'][number], table: string, operation: 'read' | 'write'): string {
    const logicalName = schema.tableBySetName(table)?.logicalName ?? table;
    return denial.privilege ?? tablePrivilege(logicalName, operation);
  }

  function callerId(): string {
    const users = store.tables.systemuser ?? [];
    return options.callerId ?? String(users[0]?.systemuserid ?? '00000000-0000-0000-0000-000000000000');
  }

  /** Adds associatednavigationproperty annotations, then keeps only the annotations the caller asked for. */
  function finishRecord(
    table: string,
    record: DataverseRecord,
    include: ((term: string) => boolean) | undefined,
    etag: boolean,
  ): DataverseRecord {
    const out: DataverseRecord = {};
    const primaryId = schema.table(table)?.primaryId;
    if (etag && primaryId && typeof record[primaryId] === 'string')
      out['@odata.etag'] = etagOf(record[primaryId] as string);
    for (const [key, value] of Object.entries(record)) {
      const at = key.indexOf('@');
      if (at > 0) {
        if (include?.(key.slice(at + 1))) out[key] = value;
        continue;
      }
      const navigation = schema.navigation(table, key);
      if (navigation && value !== null && typeof value === 'object') {
        out[key] = Array.isArray(value)
          ? value.map((row) => finishRecord(navigation.target, row, include, false))
          : finishRecord(navigation.target, value as DataverseRecord, include, false);
        continue;
      }
      out[key] = value;
      const lookup = /^_(.+)_value$/.exec(key);
      if (lookup && value !== null && include?.(ASSOCIATED_NAVIGATION.slice(1))) {
        const column = schema.columnOf(table, key);
        const type = record[`${key}${LOOKUP_LOGICAL_NAME}`];
        const name =
          (typeof type === 'string' ? column?.navigationProperties?.[type] : undefined) ?? column?.navigationProperty;
        if (name) out[`${key}${ASSOCIATED_NAVIGATION}`] = name;
      }
    }
    return out;
  }

  function contextFor(set: string, query: ODataQuery | undefined, single: boolean): string {
    const describe = (q: ODataQuery | undefined): string => {
      const parts = [...(q?.select ?? [])];
      for (const item of q?.expand ?? []) parts.push(`${item.navigation}(${describe(item.options)})`);
      return parts.join(',');
    };
    const shape = describe(query);
    return `${baseUrl}${API_PATH}$metadata#${set}${shape ? `(${shape})` : ''}${single ? '/$entity' : ''}`;
  }

  function parseOData(search: string): ODataQuery | undefined {
    const parsed = parseQueryOptions(search);
    if (parsed.kind === 'fetch') return undefined;
    const unsupported = parsed.unsupported.find((name) => name.startsWith('$'));
    if (unsupported) throw new HttpError(400, '0x80060888', `The query parameter ${unsupported} is not supported`);
    return parsed.query;
  }

  function retrieveCollection(
    table: SchemaTable,
    search: string,
    prefer: Map<string, string>,
    applied: string[],
  ): { status: number; body: unknown } {
    const skiptoken = optionValue(search, '$skiptoken');
    const queryText = withoutOptions(search, ['$skiptoken']);
    const include = annotationFilter(prefer);
    const parsed = parseQueryOptions(queryText);
    if (parsed.kind === 'fetch') return retrieveFetch(table, queryText, parsed.fetch, include);
    const query = parseOData(queryText);
    applyFaults('GET', touchedTables(table.logicalName, query));
    const requestedPageSize = Number(prefer.get('odata.maxpagesize'));
    const pageSize =
      Number.isInteger(requestedPageSize) && requestedPageSize > 0
        ? Math.min(requestedPageSize, DEFAULT_PAGE_SIZE)
        : DEFAULT_PAGE_SIZE;
    if (prefer.has('odata.maxpagesize')) applied.push(`odata.maxpagesize=${pageSize}`);
    let offset = 0;
    if (skiptoken !== undefined) {
      const decoded = /^<cookie pagenumber="(\d+)" pagingcookie="([A-Za-z0-9_-]*)" istracking="False" \/>$/.exec(
        skiptoken,
      );
      offset = decoded ? Number(Buffer.from(decoded[2], 'base64url').toString('utf8')) : NaN;
      if (!Number.isInteger(offset) || offset < 0)
        throw new HttpError(400, '0x80060888', 'The $skiptoken is not valid.');
    }
    // Only the page is shaped: OData pages by offset.
    const { rows: paged, total: matched } = store.retrievePage(
      table.logicalName,
      queryText === '' ? undefined : `?${queryText}`,
      offset,
      pageSize,
    );
    const body: Record<string, unknown> = { '@odata.context': contextFor(table.entitySetName!, query, false) };
    if (query?.count) {
      let total = matched;
      if (query.top !== undefined)
        total = store.retrieveMultiple(table.logicalName, `?${withoutOptions(queryText, ['$top'])}`).length;
      body['@odata.count'] = Math.min(total, COUNT_LIMIT);
    }
    body.value = paged.map((row) => finishRecord(table.logicalName, row, include, true));
    if (offset + pageSize < matched) {
      const next = offset + pageSize;
      const token = `<cookie pagenumber="${Math.floor(next / pageSize) + 1}" pagingcookie="${Buffer.from(String(next)).toString('base64url')}" istracking="False" />`;
      body['@odata.nextLink'] =
        `${baseUrl}${API_PATH}${table.entitySetName}?${queryText}${queryText ? '&' : ''}$skiptoken=${encodeURIComponent(token)}`;
    }
    return { status: 200, body };
  }

  /**
   * `?fetchXml=`: one page, `count` rows (at most 5,000) from `page`, continued by the `paging-cookie` of the page
   * before. When more rows match, the paging cookie and the more-records flag come back as annotations, only when asked
   * with Prefer: odata.include-annotations (https://learn.microsoft.com/power-apps/developer/data-platform/fetchxml/page-results).
   * odata.maxpagesize does not apply: FetchXML's page size is its count.
   */
  function retrieveFetch(
    table: SchemaTable,
    queryText: string,
    fetch: FetchQuery,
    include: ((term: string) => boolean) | undefined,
  ): { status: number; body: unknown } {
    applyFaults('GET', touchedTables(table.logicalName, undefined, fetch));
    const page = store.retrieveFetchPage(table.logicalName, `?${queryText}`);
    const body: Record<string, unknown> = { '@odata.context': contextFor(table.entitySetName!, undefined, false) };
    if (page.pagingCookie !== undefined && include?.(FETCH_PAGING_COOKIE.slice(1)))
      body[FETCH_PAGING_COOKIE] = page.pagingCookie;
    if (page.moreRecords && include?.(MORE_RECORDS.slice(1))) body[MORE_RECORDS] = true;
    body.value = page.rows.map((row) => finishRecord(table.logicalName, row, include, !fetch.aggregate));
    return { status: 200, body };
  }

  function retrieveOne(
    table: SchemaTable,
    id: string,
    search: string,
    prefer: Map<string, string>,
  ): { status: number; body: unknown } {
    const query = parseOData(search);
    applyFaults('GET', touchedTables(table.logicalName, query));
    const row = store.retrieve(table.logicalName, id, search === '' ? undefined : search);
    return {
      status: 200,
      body: {
        '@odata.context': contextFor(table.entitySetName!, query, true),
        ...finishRecord(table.logicalName, row, annotationFilter(prefer), true),
      },
    };
  }

  /** `set(id)/navigation`: a collection (filtered on the referencing column) or the single related record. */
  function retrieveRelated(
    table: SchemaTable,
    id: string,
    navigationName: string,
    search: string,
    prefer: Map<string, string>,
    applied: string[],
  ) {
    const navigation = schema.navigation(table.logicalName, navigationName);
    if (!navigation)
      throw new HttpError(
        400,
        '0x80060888',
        `Could not find a property named '${navigationName}' on type 'Microsoft.Dynamics.CRM.${table.logicalName}'.`,
      );
    const target = schema.table(navigation.target);
    if (!target?.entitySetName)
      throw new HttpError(404, '0x80060888', `Resource not found for the segment '${navigationName}'.`);
    applyFaults('GET', [table.logicalName]);
    const source = store.find(table.logicalName, id);
    if (!source) throw new StoreError(404, '0x80040217', `${table.logicalName} With Id = ${id} Does Not Exist`);
    if (navigation.kind === 'single') {
      const relatedId = source[`_${navigation.referencingAttribute}_value`];
      if (typeof relatedId !== 'string') return { status: 204, body: undefined };
      return retrieveOne(target, relatedId, search, prefer);
    }
    const filter = optionValue(search, '$filter');
    const condition = `_${navigation.referencingAttribute}_value eq ${id}`;
    const rest = withoutOptions(search, ['$filter']);
    const combined = `$filter=${encodeURIComponent(filter ? `(${condition}) and (${filter})` : condition)}${rest ? `&${rest}` : ''}`;
    return retrieveCollection(target, combined, prefer, applied);
  }

  function checkPayload(table: string, data: Record<string, unknown>): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(data)) {
      const bind = /^(.+)@odata\.bind$/.exec(key);
      if (bind) {
        const navigation = schema.navigation(table, bind[1]);
        if (!navigation || navigation.kind !== 'single') {
          throw new HttpError(
            400,
            '0x80048d19',
            `Error identified in Payload provided by the user for Entity :'${schema.table(table)?.entitySetName}', For more information on this error please follow this help link https://go.microsoft.com/fwlink/?linkid=2195293 ----> InnerException : Microsoft.OData.ODataException: An undeclared property '${bind[1]}' which only has property annotations in the payload but no property value was found in the payload.`,
          );
        }
        const target = /([A-Za-z_]+)\(([0-9a-fA-F-]{36})\)$/.exec(String(value ?? ''));
        if (value !== null && (!target || schema.tableBySetName(target[1])?.logicalName !== navigation.target)) {
          throw new HttpError(
            400,
            '0x80060888',
            `The URI '${String(value)}' in '${key}' does not address a ${navigation.target} record.`,
          );
        }
        result[`_${navigation.referencingAttribute}_value`] = target ? target[2].toLowerCase() : null;
        if (target) result[`_${navigation.referencingAttribute}_value${LOOKUP_LOGICAL_NAME}`] = navigation.target;
        continue;
      }
      if (!schema.hasProperty(table, key)) {
        throw new HttpError(
          400,
          '0x80060888',
          `Could not find a property named '${key}' on type 'Microsoft.Dynamics.CRM.${table}'.`,
        );
      }
      const column = schema.columnOf(table, key);
      const type = column?.type ?? '';
      const wrong = (expected: string) =>
        new HttpError(
          400,
          '0x80048d19',
          `Error identified in Payload provided by the user for Entity :'${schema.table(table)?.entitySetName}' ----> InnerException : Microsoft.OData.ODataException: Cannot convert the literal '${String(value)}' to the expected type '${expected}'.`,
        );
      if (value !== null) {
        if (type === 'boolean' && typeof value !== 'boolean') throw wrong('Edm.Boolean');
        if (['integer', 'picklist', 'state', 'status', 'bigint'].includes(type) && !Number.isInteger(value))
          throw wrong('Edm.Int32');
        if (['string', 'memo'].includes(type) && typeof value !== 'string') throw wrong('Edm.String');
        if (type === 'datetime' && (typeof value !== 'string' || Number.isNaN(Date.parse(value))))
          throw wrong('Edm.DateTimeOffset');
        if (
          ['picklist', 'state', 'status'].includes(type) &&
          column?.options &&
          column.options[String(value)] === undefined
        ) {
          throw new HttpError(
            400,
            '0x8004431a',
            `A validation error occurred. The value ${String(value)} of '${key}' on record of type '${table}' is outside the valid range.`,
          );
        }
      }
      result[key] = value;
    }
    return result;
  }

  function operationArguments(operation: MetadataOperation, argumentText: string, url: URL): OperationArguments {
    const aliases = Object.fromEntries([...url.searchParams].filter(([name]) => name.startsWith('@')));
    const parsed = parseOperationCall(operation, argumentText, aliases);
    if (isViolation(parsed)) throw new HttpError(parsed.status, parsed.code, parsed.message);
    return parsed;
  }

  function whoAmI(): Record<string, unknown> {
    const organization = store.tables.organization?.[0];
    const user = (store.tables.systemuser ?? []).find(
      (u) => String(u.systemuserid).toLowerCase() === callerId().toLowerCase(),
    );
    return {
      '@odata.context': `${baseUrl}${API_PATH}$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse`,
      BusinessUnitId: (user?._businessunitid_value as string | undefined) ?? '00000000-0000-0000-0000-000000000001',
      UserId: callerId(),
      OrganizationId: (organization?.organizationid as string | undefined) ?? '00000000-0000-0000-0000-000000000002',
    };
  }

  /**
   * ASSUMPTION: Dataverse's answer for a table it does not know, in metadata calls (the message the Organization
   * service gives for a name missing from its metadata cache).
   */
  function unknownEntity(name: string): HttpError {
    return new HttpError(
      404,
      '0x80040217',
      `The entity with a name = '${name}' with namemapping = 'Logical' was not found in the MetadataCache.`,
    );
  }

  function answerOperation(
    operation: MetadataOperation,
    argumentText: string,
    url: URL,
  ): { status: number; body: unknown } {
    const args = operationArguments(operation, argumentText, url);
    // WhoAmI answers even under faults, as before: tests count the faulted requests to tables and functions.
    if (operation.name !== 'WhoAmI') applyFaults('GET', []);
    const context = `${baseUrl}${API_PATH}$metadata#`;
    switch (operation.name) {
      case 'WhoAmI':
        return { status: 200, body: whoAmI() };
      // https://learn.microsoft.com/power-apps/developer/data-platform/webapi/reference/retrieveversionresponse
      case 'RetrieveVersion':
        return {
          status: 200,
          body: {
            '@odata.context': `${context}Microsoft.Dynamics.CRM.RetrieveVersionResponse`,
            Version: platform.version,
          },
        };
      // https://learn.microsoft.com/power-apps/developer/data-platform/webapi/reference/retrieveentityribbonresponse
      case 'RetrieveEntityRibbon': {
        const entity = String(args.EntityName);
        if (!schema.table(entity) && !platform.entities[entity]) throw unknownEntity(entity);
        const xml = platform.ribbons[entity]?.[args.RibbonLocationFilter as 'Form'];
        if (xml === undefined)
          throw new HttpError(
            500,
            '0x80040216',
            `The emulator has no ${String(args.RibbonLocationFilter)} ribbon fixture for '${entity}'.`,
          );
        return {
          status: 200,
          body: {
            '@odata.context': `${context}Microsoft.Dynamics.CRM.RetrieveEntityRibbonResponse`,
            CompressedEntityXml: compressRibbon(xml),
          },
        };
      }
      default:
        return entityDefinition(operation, String(args.LogicalName), url);
    }
  }

  /** EntityDefinitions(LogicalName='…'): EntityMetadata (https://learn.microsoft.com/power-apps/developer/data-platform/webapi/reference/entitymetadata). */
  function entityDefinition(
    operation: MetadataOperation,
    logicalName: string,
    url: URL,
  ): { status: number; body: unknown } {
    const query = parseOData(url.search.replace(/^\?/, '')) ?? {};
    const violation = validateMetadataQuery(operation, query);
    if (violation) throw new HttpError(violation.status, violation.code, violation.message);
    const metadata = platform.entities[logicalName];
    if (!metadata) throw unknownEntity(logicalName);
    const pick = (row: Record<string, unknown>, select: string[] | undefined) =>
      select
        ? Object.fromEntries(Object.entries(row).filter(([key]) => key === 'MetadataId' || select.includes(key)))
        : { ...row };
    const body: Record<string, unknown> = {
      '@odata.context': `${baseUrl}${API_PATH}$metadata#EntityDefinitions/$entity`,
      ...pick(metadata, query.select),
    };
    const attributes = query.expand?.find((item) => item.navigation === 'Attributes');
    if (attributes) {
      const columns = Object.entries(schema.table(logicalName)?.columns ?? {});
      body.Attributes = columns.map(([name, column]) =>
        pick(
          {
            '@odata.type': `#Microsoft.Dynamics.CRM.${attributeTypeOf(column.type)}AttributeMetadata`,
            MetadataId: metadataIdOf(`${logicalName}.${name}`),
            LogicalName: name,
            EntityLogicalName: logicalName,
            AttributeType: attributeTypeOf(column.type),
            IsValidForForm: true,
            IsValidForRead: true,
          },
          attributes.options.select,
        ),
      );
    }
    return { status: 200, body };
  }

  /** systemusers(id)/Microsoft.Dynamics.CRM.RetrieveUserSetOfPrivilegesByNames: the RolePrivileges the user holds. */
  function answerBoundOperation(
    operation: MetadataOperation,
    table: SchemaTable,
    id: string,
    argumentText: string,
    url: URL,
  ): { status: number; body: unknown } {
    const args = operationArguments(operation, argumentText, url);
    applyFaults('GET', [table.logicalName]);
    if (!store.find(table.logicalName, id))
      throw new StoreError(404, '0x80040217', `${table.logicalName} With Id = ${id} Does Not Exist`);
    const held = id === callerId().toLowerCase() ? callerPrivileges() : new Map<string, PrivilegeDepth>();
    const businessUnit = String(
      store.find('systemuser', id)?._businessunitid_value ?? '00000000-0000-0000-0000-000000000001',
    );
    const rolePrivileges = (args.PrivilegeNames as string[]).flatMap((name) => {
      const row = (store.tables.privilege ?? []).find((p) => String(p.name).toLowerCase() === name.toLowerCase());
      const depth = row ? held.get(String(row.name).toLowerCase()) : undefined;
      return row && depth
        ? [{ Depth: depth, PrivilegeId: row.privilegeid, BusinessUnitId: businessUnit, PrivilegeName: row.name }]
        : [];
    });
    return {
      status: 200,
      body: {
        '@odata.context': `${baseUrl}${API_PATH}$metadata#Microsoft.Dynamics.CRM.RetrieveUserSetOfPrivilegesByNamesResponse`,
        RolePrivileges: rolePrivileges,
      },
    };
  }

  /** What the WhoAmI user holds, lower-cased names: the fixture (or everything at Global), minus what deny() took. */
  function callerPrivileges(): Map<string, PrivilegeDepth> {
    const granted: [string, PrivilegeDepth][] = platform.callerPrivileges
      ? Object.entries(platform.callerPrivileges)
      : (store.tables.privilege ?? []).map((row) => [String(row.name), 'Global']);
    const denied = new Set(
      faults.denials.flatMap((denial) =>
        (denial.operation === undefined ? (['read', 'write'] as const) : [denial.operation]).map((operation) =>
          deniedPrivilege(denial, denial.table, operation).toLowerCase(),
        ),
      ),
    );
    return new Map(
      granted
        .map(([name, depth]) => [name.toLowerCase(), depth] as [string, PrivilegeDepth])
        .filter(([name]) => !denied.has(name)),
    );
  }

  function update(
    table: SchemaTable,
    id: string,
    rawBody: string,
    prefer: Map<string, string>,
    applied: string[],
  ): { status: number; body: unknown; headers?: Record<string, string> } {
    applyFaults('PATCH', [table.logicalName]);
    let data: unknown;
    try {
      data = JSON.parse(rawBody);
    } catch {
      throw new HttpError(
        400,
        '0x80048d19',
        'Error identified in Payload provided by the user: the request body is not valid JSON.',
      );
    }
    if (data === null || typeof data !== 'object' || Array.isArray(data))
      throw new HttpError(
        400,
        '0x80048d19',
        'Error identified in Payload provided by the user: the request body must be a JSON object.',
      );
    const changes = checkPayload(table.logicalName, data as Record<string, unknown>);
    const stamp = now().toISOString();
    const extra: Record<string, unknown> = schema.hasProperty(table.logicalName, 'modifiedon')
      ? { modifiedon: stamp }
      : {};
    const scheduling = table.logicalName === 'mailbox' && changes.testemailconfigurationscheduled === true;
    if (scheduling) {
      extra.testandenablelastattemptedon = stamp;
      extra._testandenablelastattemptedby_value = callerId();
    }
    const annotations = Object.entries(changes).filter(([name]) => name.includes('@'));
    store.update(
      table.logicalName,
      id,
      Object.fromEntries([
        ...Object.entries(changes).filter(([name]) => !name.includes('@')),
        ...Object.entries(extra),
      ]),
    );
    Object.assign(store.find(table.logicalName, id)!, Object.fromEntries(annotations));
    bumpVersion(id);
    if (scheduling) scheduleTestAndEnable(id);
    const headers = { 'OData-EntityId': `${baseUrl}${API_PATH}${table.entitySetName}(${id})` };
    if (prefer.get('return') === 'representation') {
      applied.push('return=representation');
      const row = store.retrieve(table.logicalName, id);
      return { status: 200, body: finishRecord(table.logicalName, row, annotationFilter(prefer), true), headers };
    }
    return { status: 204, body: undefined, headers };
  }

  function defaultOutcome(mailbox: DataverseRecord): TestEnableOutcome {
    const organization = store.tables.organization?.[0];
    const isQueue = mailbox[`_regardingobjectid_value${LOOKUP_LOGICAL_NAME}`] === 'queue';
    const required = organization?.[isQueue ? 'requireapprovalforqueueemail' : 'requireapprovalforuseremail'] === true;
    if (required && mailbox.emailrouteraccessapproval !== 1) {
      return {
        incoming: 'failure',
        outgoing: 'failure',
        act: 'failure',
        alert: {
          // Learn's wording (Troubleshooting and monitoring server-side synchronization).
          text: `Email can't be received because the email address of the mailbox ${String(mailbox.name)} requires an approval by a Microsoft 365 administrator. The mailbox has been disabled for receiving email and the owner of the email server profile has been notified.`,
        },
      };
    }
    return {};
  }

  function scheduleTestAndEnable(id: string): void {
    const timer = setTimeout(() => {
      timers.delete(timer);
      completeTestAndEnable(id);
      if (timers.size === 0) idleWaiters.splice(0).forEach((resolve) => resolve());
    }, testEnableDelayMs);
    timers.add(timer);
  }

  function completeTestAndEnable(id: string): void {
    const mailbox = store.find('mailbox', id);
    if (!mailbox) return;
    const outcome = outcomes[id.toLowerCase()] ?? outcomes[id] ?? defaultOutcome(mailbox);
    const stamp = now().toISOString();
    const changes: Record<string, DataverseValue> = {
      testemailconfigurationscheduled: false,
      testmailboxaccesscompletedon: stamp,
      modifiedon: stamp,
    };
    const channels = [
      {
        result: outcome.incoming,
        uses: mailbox.incomingemaildeliverymethod === 2,
        status: 'incomingemailstatus',
        enabled: 'enabledforincomingemail',
      },
      {
        result: outcome.outgoing,
        uses: mailbox.outgoingemaildeliverymethod === 2,
        status: 'outgoingemailstatus',
        enabled: 'enabledforoutgoingemail',
      },
      { result: outcome.act, uses: mailbox.actdeliverymethod === 1, status: 'actstatus', enabled: 'enabledforact' },
    ];
    let failed = false;
    for (const channel of channels) {
      if (!channel.uses) continue;
      const ok = (channel.result ?? 'success') === 'success';
      failed ||= !ok;
      changes[channel.status] = ok ? 1 : 2;
      changes[channel.enabled] = ok;
    }
    const retries =
      typeof mailbox.testemailconfigurationretrycount === 'number' ? mailbox.testemailconfigurationretrycount : 0;
    changes.testemailconfigurationretrycount = retries + 1;
    if (!failed) {
      changes.postponemailboxprocessinguntil = stamp;
      changes.mailboxstatus = 1;
    } else if (changes.incomingemailstatus === 2) {
      changes.postponemailboxprocessinguntil = '9999-12-31T23:59:59Z';
    }
    Object.assign(mailbox, changes);
    bumpVersion(id);
    const alert = failed
      ? {
          level: 3,
          text:
            outcome.alert?.text ??
            `Test & Enable failed for the mailbox ${String(mailbox.name)}. The mailbox has been disabled for synchronization.`,
          tracecode: outcome.alert?.tracecode ?? null,
          errordetails: outcome.alert?.errordetails ?? null,
        }
      : {
          level: 1,
          text: `Mailbox ${String(mailbox.name)} was tested and enabled for server-side synchronization.`,
          tracecode: null,
          errordetails: null,
        };
    const organization = store.tables.organization?.[0];
    const recorded = failed
      ? organization?.generatealertsforerrors !== false
      : organization?.generatealertsforinformation === true;
    if (!recorded) return;
    (store.tables.tracelog ??= []).push({
      tracelogid: randomUUID(),
      ...alert,
      tracestatus: !failed,
      createdon: stamp,
      modifiedon: stamp,
      _regardingobjectid_value: id,
      [`_regardingobjectid_value${LOOKUP_LOGICAL_NAME}`]: 'mailbox',
    });
  }

  async function handle(
    request: http.IncomingMessage,
    rawBody: string,
  ): Promise<{ status: number; body?: unknown; headers: Record<string, string>; table?: string }> {
    const headers: Record<string, string> = {};
    const url = new URL(request.url ?? '/', 'http://localhost');
    const method = (request.method ?? 'GET').toUpperCase();
    if (faults.latencyMs > 0) await sleep(faults.latencyMs);
    if (options.requireToken) {
      const authorization = request.headers.authorization ?? '';
      if (!/^Bearer\s+\S+/i.test(authorization)) {
        return {
          status: 401,
          body: undefined,
          headers: {
            'WWW-Authenticate': `Bearer authorization_uri=https://login.microsoftonline.com/common/oauth2/authorize, resource_id=${baseUrl}/`,
          },
        };
      }
    }
    if (!url.pathname.startsWith(API_PATH.slice(0, -1)))
      throw new HttpError(404, '0x80060888', `Resource not found for the segment '${url.pathname}'.`);
    const rest = decodeURIComponentSafe(url.pathname.slice(API_PATH.length));
    const prefer = parsePrefer(request.headers.prefer);
    const applied: string[] = [];
    if (prefer.has('odata.include-annotations'))
      applied.push(`odata.include-annotations="${prefer.get('odata.include-annotations')}"`);
    const finish = (result: { status: number; body: unknown; headers?: Record<string, string> }, table?: string) => {
      if (applied.length > 0) headers['Preference-Applied'] = applied.join(',');
      return { ...result, headers: { ...headers, ...(result.headers ?? {}) }, table };
    };
    if (rest === '' || rest === '/') {
      if (method !== 'GET')
        throw new HttpError(405, '0x80060888', 'The HTTP method is not allowed on the service document.');
      const value = Object.values(schema.schema.tables)
        .filter((t) => t.entitySetName)
        .map((t) => ({ name: t.entitySetName, kind: 'EntitySet', url: t.entitySetName }));
      return finish({ status: 200, body: { '@odata.context': `${baseUrl}${API_PATH}$metadata`, value } });
    }
    const call = /^([A-Za-z]+)(?:\((.*)\))?$/.exec(rest);
    const unbound = call ? METADATA_OPERATIONS[call[1]] : undefined;
    if (call && unbound && !unbound.boundTo) {
      if (method !== 'GET')
        throw new HttpError(405, '0x80060888', `The HTTP method ${method} is not allowed on '${unbound.name}'.`);
      return finish(answerOperation(unbound, call[2] ?? '', url));
    }
    const match = /^([A-Za-z_][A-Za-z0-9_]*)(?:\(([^)]*)\))?(?:\/(.+))?$/.exec(rest);
    if (!match) throw new HttpError(404, '0x80060888', `Resource not found for the segment '${rest}'.`);
    const [, setName, key, tail] = match;
    const table = tableOfSet(setName);
    const search = url.search.replace(/^\?/, '');
    if (key === undefined) {
      if (method !== 'GET')
        throw new HttpError(405, '0x80060888', `The emulator does not support ${method} on a collection.`);
      if (tail === '$count') {
        applyFaults('GET', [table.logicalName]);
        const count = store.retrieveMultiple(table.logicalName).length;
        return {
          status: 200,
          body: String(Math.min(count, COUNT_LIMIT)),
          headers: { 'Content-Type': 'text/plain' },
          table: table.logicalName,
        };
      }
      if (tail !== undefined) throw new HttpError(404, '0x80060888', `Resource not found for the segment '${tail}'.`);
      return finish(retrieveCollection(table, search, prefer, applied), table.logicalName);
    }
    const id = normalizeGuid(key);
    if (id === null) {
      throw new HttpError(
        400,
        '0x80060888',
        `Bad Request - Error in query syntax: the key '${key}' is not a GUID (alternate keys are not supported by the emulator).`,
      );
    }
    if (tail !== undefined) {
      if (method !== 'GET')
        throw new HttpError(405, '0x80060888', `The emulator does not support ${method} on '${tail}'.`);
      const bound = /^Microsoft\.Dynamics\.CRM\.([A-Za-z]+)\((.*)\)$/.exec(tail);
      if (bound) {
        const operation = METADATA_OPERATIONS[bound[1]];
        if (!operation || operation.boundTo !== table.logicalName)
          throw new HttpError(404, '0x80060888', `Resource not found for the segment '${tail}'.`);
        return finish(answerBoundOperation(operation, table, id, bound[2], url), table.logicalName);
      }
      return finish(retrieveRelated(table, id, tail, search, prefer, applied), table.logicalName);
    }
    if (method === 'GET') return finish(retrieveOne(table, id, search, prefer), table.logicalName);
    if (method === 'PATCH') return finish(update(table, id, rawBody, prefer, applied), table.logicalName);
    throw new HttpError(405, '0x80060888', `The emulator does not support ${method} on a record.`);
  }

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const method = (request.method ?? 'GET').toUpperCase();
      const cors: Record<string, string> = {};
      if (options.cors && request.headers.origin) {
        cors['Access-Control-Allow-Origin'] = request.headers.origin;
        cors['Access-Control-Expose-Headers'] = 'Preference-Applied, Retry-After, OData-EntityId, WWW-Authenticate';
        cors.Vary = 'Origin';
      }
      if (method === 'OPTIONS' && options.cors) {
        response.writeHead(204, {
          ...cors,
          'Access-Control-Allow-Methods': 'GET, PATCH, OPTIONS',
          'Access-Control-Allow-Headers':
            'Authorization, Content-Type, Prefer, If-Match, OData-Version, OData-MaxVersion, Accept',
          'Access-Control-Max-Age': '600',
        });
        response.end();
        return;
      }
      const record: RecordedRequest = { method, url: request.url ?? '/', status: 0 };
      if (method === 'PATCH') {
        try {
          record.body = JSON.parse(rawBody);
        } catch {
          record.body = rawBody;
        }
      }
      requests.push(record);
      handle(request, rawBody)
        .catch((error: unknown) => {
          if (error instanceof HttpError)
            return {
              status: error.status,
              body: { error: { code: error.code, message: error.message } },
              headers: error.headers,
              table: undefined,
            };
          if (error instanceof StoreError)
            return {
              status: error.status,
              body: { error: { code: error.code, message: error.message } },
              headers: {},
              table: undefined,
            };
          if (error instanceof Error && error.name === 'QuerySyntaxError')
            return {
              status: 400,
              body: { error: { code: '0x80060888', message: error.message } },
              headers: {},
              table: undefined,
            };
          return {
            status: 500,
            body: {
              error: {
                code: '0x80040216',
                message: `An unexpected error occurred: ${error instanceof Error ? error.message : String(error)}`,
              },
            },
            headers: {},
            table: undefined,
          };
        })
        .then((result) => {
          record.status = result.status;
          if (result.table) record.table = result.table;
          const text =
            result.body === undefined
              ? ''
              : typeof result.body === 'string'
                ? result.body
                : JSON.stringify(result.body);
          const contentType =
            result.headers['Content-Type'] ??
            (text === '' ? undefined : 'application/json; odata.metadata=minimal; charset=utf-8');
          const out: Record<string, string> = { 'OData-Version': '4.0', ...cors, ...result.headers };
          if (contentType) out['Content-Type'] = contentType;
          response.writeHead(result.status, out);
          response.end(text);
        });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${address.port}`;

  return {
    url: baseUrl,
    apiUrl: `${baseUrl}${API_PATH}`,
    store,
    requests,
    faults,
    whenIdle: () => (timers.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => idleWaiters.push(resolve))),
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      idleWaiters.splice(0).forEach((resolve) => resolve());
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
