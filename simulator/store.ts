/**
 * An in-memory Dataverse: tables of JSON rows answering the parsed queries of query.ts, with Dataverse's
 * semantics where the product relies on them (case-insensitive string comparison, the primary id always returned,
 * formatted-value and lookup annotations, related rows through navigation properties, FetchXML aggregates with their
 * 50,000-row limit, FetchXML joins and paging by paging cookie).
 * It is pure TypeScript: the engine's test fake uses it in-process and the sandbox's HTTP emulator serves it.
 * Every query is checked by SchemaIndex first, so a name Microsoft's schema does not have fails here as it would there.
 */
import { escapeXml, formattedValue, isGuid, unescapeXml } from '../diagnostics';
import {
  AGGREGATE_LIMIT_CODE,
  AGGREGATE_LIMIT_ROWS,
  FORMATTED_VALUE,
  LOOKUP_LOGICAL_NAME,
  type DataverseRecord,
  type DataverseValue,
} from '../diagnostics';
import {
  parseQueryOptions,
  type FetchFilter,
  type FetchLink,
  type FetchQuery,
  type FilterNode,
  type Literal,
  type ODataQuery,
  type Operand,
  type ParsedOptions,
} from './query';
import { SchemaIndex, unknownTable, type SchemaViolation } from './strictness';

export type DataSet = Record<string, DataverseRecord[]>;

/** A request's query options: as sent (`?$select=…`, `?fetchXml=…`), or already parsed (a host parses once). */
export type QueryOptions = string | ParsedOptions | undefined;

/** A failure the store reports in Dataverse's own terms, for a host to turn into its error shape. */
export class StoreError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }

  static from(violation: SchemaViolation): StoreError {
    return new StoreError(violation.status, violation.code, violation.message);
  }
}

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/;

function comparable(value: DataverseValue | Literal | undefined): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') {
    if (DATE_PATTERN.test(value) && !isGuid(value)) return Date.parse(value);
    return value.toLowerCase();
  }
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  return null;
}

function compare(
  op: string,
  left: DataverseValue | Literal | undefined,
  right: DataverseValue | Literal | undefined,
): boolean {
  const a = comparable(left);
  const b = comparable(right);
  if (op === 'eq') return a === b;
  if (op === 'ne') return a !== b;
  if (a === null || b === null) return false;
  switch (op) {
    case 'gt':
      return a > b;
    case 'ge':
      return a >= b;
    case 'lt':
      return a < b;
    case 'le':
      return a <= b;
  }
  return false;
}

/** The read privilege Dataverse names in a PrivilegeDenied message. */
const PRIVILEGE_NAMES: Record<string, string> = {
  mailbox: 'Mailbox',
  emailserverprofile: 'EmailServerProfile',
  tracelog: 'TraceLog',
  organization: 'Organization',
  usersettings: 'UserSettings',
  systemuser: 'User',
  queue: 'Queue',
  contact: 'Contact',
  account: 'Account',
  lead: 'Lead',
  email: 'Email',
  appointment: 'Activity',
  mailboxtrackingfolder: 'MailboxTrackingFolder',
  privilege: 'Privilege',
  solution: 'Solution',
};

const OBJECT_TYPE_CODES: Record<string, number> = {
  mailbox: 9606,
  emailserverprofile: 9605,
  tracelog: 4700,
  organization: 1019,
  usersettings: 150,
  systemuser: 8,
  queue: 2020,
  contact: 2,
  account: 1,
  lead: 4,
  email: 4202,
  appointment: 4201,
};

/** The privilege Dataverse names for reading or writing a table: prvReadUser for systemuser. */
export function tablePrivilege(table: string, operation: 'read' | 'write'): string {
  return `prv${operation === 'read' ? 'Read' : 'Write'}${PRIVILEGE_NAMES[table] ?? table}`;
}

/** Dataverse's PrivilegeDenied (0x80040220) message: the privilege, and the table it is missing on. */
export function privilegeDeniedMessage(
  table: string,
  privilege: string,
  callerId: string,
  privilegeId: string,
): string {
  return `Principal user (Id=${callerId}, type=8, roleCount=1, privilegeCount=412, accessMode=0), is missing ${privilege} privilege (Id=${privilegeId}) on OTC=${OBJECT_TYPE_CODES[table] ?? 0} for entity '${table}'. context.Caller=${callerId}`;
}

export interface StoreOptions {
  now?: () => Date;
}

/** Dataverse's default and maximum FetchXML page size (https://learn.microsoft.com/power-apps/developer/data-platform/fetchxml/page-results). */
export const FETCH_PAGE_SIZE = 5000;

/** One page of a FetchXML query, as Dataverse pages it. */
export interface FetchPage {
  rows: DataverseRecord[];
  /** More rows match after this page (the Web API's @Microsoft.Dynamics.CRM.morerecords). */
  moreRecords: boolean;
  /**
   * When more rows match: the Web API's @Microsoft.Dynamics.CRM.fetchxmlpagingcookie (Xrm.WebApi's
   * fetchXmlPagingCookie), `<cookie pagenumber="n+1" pagingcookie="<the cookie, URL-encoded twice>" istracking="False" />`.
   */
  pagingCookie?: string;
}

/** A row of a FetchXML query with the rows joined to it (per link-entity; none where an outer join matched nothing). */
type Joined = { row: DataverseRecord; linked: [FetchLink, DataverseRecord][] };

/** A cookie value as Dataverse writes one: GUIDs braced in upper case, anything else as text. */
function cookieValue(value: DataverseValue | undefined): string {
  if (value === undefined || value === null || typeof value === 'object') return '';
  const text = String(value);
  return isGuid(text) ? `{${text.toUpperCase()}}` : text;
}

/** `<cookie page="1"><mailboxid last="{…}" first="{…}" /></cookie>` → page and each column's last value. */
function readCookie(cookie: string): { page: number; last: Map<string, string> } | undefined {
  const page = /^<cookie\s+page="(\d+)"/.exec(cookie.trim());
  if (!page) return undefined;
  const last = new Map<string, string>();
  for (const match of cookie.matchAll(/<([A-Za-z_][\w]*)\s+last="([^"]*)"/g)) last.set(match[1], unescapeXml(match[2]));
  return { page: Number(page[1]), last };
}

export class DataverseStore {
  readonly tables: DataSet;
  /** Each joined table's rows by join value, built once per parsed link (a parsed query lives for one request). */
  private readonly linkIndexes = new WeakMap<FetchLink, Map<string, DataverseRecord[]>>();
  private readonly now: () => Date;
  /** Rows by primary id, per table array; rebuilt when the array grows or shrinks (tests push and filter rows). */
  private readonly byId = new WeakMap<DataverseRecord[], { length: number; rows: Map<string, DataverseRecord> }>();

  constructor(
    readonly schema: SchemaIndex,
    data: DataSet,
    options: StoreOptions = {},
  ) {
    this.tables = structuredClone(data);
    this.now = options.now ?? (() => new Date());
  }

  private rows(table: string): DataverseRecord[] {
    if (!this.schema.table(table))
      throw StoreError.from({
        status: 404,
        code: '0x8006088a',
        message: `Resource not found for the segment '${table}'.`,
      });
    return (this.tables[table] ??= []);
  }

  private primaryId(table: string): string {
    return this.schema.table(table)!.primaryId;
  }

  find(table: string, id: string): DataverseRecord | undefined {
    const key = this.primaryId(table);
    const rows = this.rows(table);
    const wanted = id.toLowerCase();
    let index = this.byId.get(rows);
    const stale = (found: DataverseRecord | undefined) =>
      found !== undefined && String(found[key]).toLowerCase() !== wanted;
    if (!index || index.length !== rows.length || stale(index.rows.get(wanted))) {
      index = {
        length: rows.length,
        rows: new Map(rows.map((row) => [String(row[key]).toLowerCase(), row] as const).reverse()),
      };
      this.byId.set(rows, index);
    }
    return index.rows.get(wanted);
  }

  /** The options parsed (unless they come parsed) and checked against the schema, as Dataverse checks them. */
  private checked(table: string, options: QueryOptions): ParsedOptions {
    if (!this.schema.table(table)) throw StoreError.from(unknownTable(table));
    let parsed: ParsedOptions;
    try {
      parsed = typeof options === 'object' ? options : parseQueryOptions(options);
    } catch (error) {
      throw new StoreError(400, '0x80060888', (error as Error).message);
    }
    const violation = this.schema.validate(table, parsed);
    if (violation) throw StoreError.from(violation);
    return parsed;
  }

  retrieve(table: string, id: string, options?: QueryOptions): DataverseRecord {
    const parsed = this.checked(table, options);
    if (parsed.kind !== 'odata')
      throw new StoreError(400, '0x80040203', 'fetchXml cannot be used to retrieve a single record.');
    const row = this.find(table, id);
    if (!row) throw new StoreError(404, '0x80040217', `${table} With Id = ${id} Does Not Exist`);
    return this.shape(table, row, parsed.query);
  }

  /** All matching rows, shaped (OData: paging is the host's business); FetchXML: its page (the first unless it says). */
  retrieveMultiple(table: string, options?: QueryOptions): DataverseRecord[] {
    const parsed = this.checked(table, options);
    if (parsed.kind === 'fetch') return this.fetchPage(parsed.fetch).rows;
    return this.query(table, parsed.query);
  }

  /** A FetchXML query (`?fetchXml=…`), paged as Dataverse pages it: `count` rows from `page`, by `paging-cookie`. */
  retrieveFetchPage(table: string, options: QueryOptions): FetchPage {
    const parsed = this.checked(table, options);
    if (parsed.kind !== 'fetch') throw new StoreError(400, '0x80060888', 'The query is not FetchXML.');
    return this.fetchPage(parsed.fetch);
  }

  update(table: string, id: string, data: Record<string, unknown>): void {
    const row = this.find(table, id);
    if (!row) throw new StoreError(404, '0x80040217', `${table} With Id = ${id} Does Not Exist`);
    for (const name of Object.keys(data)) {
      if (!this.schema.hasProperty(table, name))
        throw StoreError.from({
          status: 400,
          code: '0x80060888',
          message: `Could not find a property named '${name}' on type 'Microsoft.Dynamics.CRM.${table}'.`,
        });
    }
    Object.assign(row, data);
  }

  /** One page of a query and how many rows match in all: only the page is shaped (paging a large table stays cheap). */
  retrievePage(
    table: string,
    options: QueryOptions,
    offset: number,
    size: number,
  ): { rows: DataverseRecord[]; total: number } {
    const parsed = this.checked(table, options);
    if (parsed.kind === 'fetch')
      throw new StoreError(400, '0x80060888', 'FetchXML pages itself: use retrieveFetchPage.');
    const matched = this.match(table, parsed.query);
    return {
      rows: matched.slice(offset, offset + size).map((row) => this.shape(table, row, parsed.query)),
      total: matched.length,
    };
  }

  private query(table: string, query: ODataQuery, candidates: DataverseRecord[] = this.rows(table)): DataverseRecord[] {
    return this.match(table, query, candidates).map((row) => this.shape(table, row, query));
  }

  /** Filtered, ordered and $top-limited rows, not yet shaped. */
  private match(table: string, query: ODataQuery, candidates: DataverseRecord[] = this.rows(table)): DataverseRecord[] {
    let rows = candidates.filter((row) => !query.filter || this.matches(table, row, query.filter, new Map()));
    if (query.orderby) {
      const orders = query.orderby;
      rows = [...rows].sort((x, y) => {
        for (const order of orders) {
          const a = comparable(x[order.property]);
          const b = comparable(y[order.property]);
          if (a === b) continue;
          const less = a === null ? true : b === null ? false : a < b;
          return (less ? -1 : 1) * (order.descending ? -1 : 1);
        }
        return 0;
      });
    }
    if (query.top !== undefined) rows = rows.slice(0, query.top);
    return rows;
  }

  private related(
    table: string,
    row: DataverseRecord,
    navigationName: string,
  ): { table: string; rows: DataverseRecord[]; single: boolean } {
    const navigation = this.schema.navigation(table, navigationName)!;
    if (navigation.kind === 'single') {
      const id = row[`_${navigation.referencingAttribute}_value`];
      const type = row[`_${navigation.referencingAttribute}_value${LOOKUP_LOGICAL_NAME}`];
      if (
        typeof id !== 'string' ||
        (typeof type === 'string' && type !== navigation.target) ||
        !this.schema.table(navigation.target)
      ) {
        return { table: navigation.target, rows: [], single: true };
      }
      const target = this.find(navigation.target, id);
      return { table: navigation.target, rows: target ? [target] : [], single: true };
    }
    const key = String(row[this.primaryId(table)]).toLowerCase();
    const rows = (this.tables[navigation.target] ?? []).filter(
      (other) => String(other[`_${navigation.referencingAttribute}_value`] ?? '').toLowerCase() === key,
    );
    return { table: navigation.target, rows, single: false };
  }

  private valueOf(
    table: string,
    row: DataverseRecord,
    operand: Operand,
    variables: Map<string, { table: string; row: DataverseRecord }>,
  ): DataverseValue | Literal | undefined {
    if (operand.type === 'literal') return operand.value;
    if (operand.type === 'call') {
      const args = operand.args.map((arg) => this.valueOf(table, row, arg, variables));
      const text = typeof args[0] === 'string' ? args[0] : null;
      switch (operand.name) {
        case 'tolower':
          return text === null ? null : text.toLowerCase();
        case 'toupper':
          return text === null ? null : text.toUpperCase();
        case 'contains':
        case 'startswith':
        case 'endswith': {
          const needle = typeof args[1] === 'string' ? args[1].toLowerCase() : '';
          if (text === null) return false;
          const hay = text.toLowerCase();
          return operand.name === 'contains'
            ? hay.includes(needle)
            : operand.name === 'startswith'
              ? hay.startsWith(needle)
              : hay.endsWith(needle);
        }
      }
      throw new StoreError(501, '0x8006088b', `The function ${operand.name} is not supported by the emulator.`);
    }
    let currentTable = table;
    let current: DataverseRecord | undefined = row;
    let path = operand.path;
    const variable = variables.get(path[0]);
    if (variable) {
      currentTable = variable.table;
      current = variable.row;
      path = path.slice(1);
    }
    for (const segment of path.slice(0, -1)) {
      if (!current) return null;
      const related = this.related(currentTable, current, segment);
      currentTable = related.table;
      current = related.rows[0];
    }
    return current?.[path[path.length - 1]] ?? null;
  }

  private matches(
    table: string,
    row: DataverseRecord,
    node: FilterNode,
    variables: Map<string, { table: string; row: DataverseRecord }>,
  ): boolean {
    switch (node.type) {
      case 'and':
        return this.matches(table, row, node.left, variables) && this.matches(table, row, node.right, variables);
      case 'or':
        return this.matches(table, row, node.left, variables) || this.matches(table, row, node.right, variables);
      case 'not':
        return !this.matches(table, row, node.operand, variables);
      case 'compare':
        return compare(
          node.op,
          this.valueOf(table, row, node.left, variables),
          this.valueOf(table, row, node.right, variables),
        );
      case 'call':
        return this.valueOf(table, row, { type: 'call', name: node.name, args: node.args }, variables) === true;
      case 'crmFunction':
        return this.crmFunction(node.name, row[node.property], node.values);
      case 'lambda': {
        const related = this.related(table, row, node.navigation);
        const test = (other: DataverseRecord) =>
          !node.predicate ||
          this.matches(
            table,
            row,
            node.predicate,
            new Map(variables).set(node.variable, { table: related.table, row: other }),
          );
        return node.quantifier === 'any' ? related.rows.some(test) : related.rows.every(test);
      }
    }
  }

  private crmFunction(name: string, value: DataverseValue | undefined, values: Literal[]): boolean {
    const time = typeof value === 'string' ? Date.parse(value) : NaN;
    const amount = Number(values[0]);
    const now = this.now().getTime();
    switch (name) {
      // PropertyValues arrive as strings ('1'); Dataverse matches them against numeric columns too.
      case 'In':
        return values.some((candidate) =>
          compare(
            'eq',
            value,
            typeof value === 'number' && typeof candidate === 'string' ? Number(candidate) : candidate,
          ),
        );
      case 'NotIn':
        return !values.some((candidate) =>
          compare(
            'eq',
            value,
            typeof value === 'number' && typeof candidate === 'string' ? Number(candidate) : candidate,
          ),
        );
      case 'LastXHours':
        return time >= now - amount * 3_600_000 && time <= now;
      case 'LastXDays':
        return time >= now - amount * 86_400_000 && time <= now;
      case 'OlderThanXHours':
        return time < now - amount * 3_600_000;
      case 'OlderThanXDays':
        return time < now - amount * 86_400_000;
    }
    throw new StoreError(501, '0x8006088b', `Microsoft.Dynamics.CRM.${name} is not supported by the emulator.`);
  }

  /** Selected columns, the primary id, annotations, and expanded navigation properties. */
  private shape(table: string, row: DataverseRecord, query: ODataQuery): DataverseRecord {
    const primaryId = this.primaryId(table);
    const names = query.select ?? Object.keys(row).filter((name) => !name.includes('@'));
    const result: DataverseRecord = { [primaryId]: row[primaryId] ?? null };
    for (const name of names) {
      const value = row[name];
      result[name] = value === undefined ? null : value;
      this.annotate(table, name, row, result);
    }
    for (const item of query.expand ?? []) {
      const related = this.related(table, row, item.navigation);
      if (related.single) {
        const target = related.rows[0];
        result[item.navigation] = target ? this.shape(related.table, target, item.options) : null;
      } else {
        result[item.navigation] = this.query(related.table, item.options, related.rows);
      }
    }
    return result;
  }

  /** The annotations of column `name` of `row`, written to `result` after `as` (a joined column's `<alias>.<column>`). */
  private annotate(table: string, name: string, row: DataverseRecord, result: DataverseRecord, as = name): void {
    const value = row[name];
    if (value === undefined || value === null) return;
    const lookup = /^_(.+)_value$/.exec(name);
    if (lookup) {
      const column = this.schema.columnOf(table, name);
      const type =
        row[`${name}${LOOKUP_LOGICAL_NAME}`] ?? (column?.targets?.length === 1 ? column.targets[0] : undefined);
      if (typeof type === 'string') {
        result[`${as}${LOOKUP_LOGICAL_NAME}`] = type;
        const label = this.lookupLabel(table, name, row);
        if (label !== null) result[`${as}${FORMATTED_VALUE}`] = label;
      }
      return;
    }
    const options = this.schema.columnOf(table, name)?.options;
    if (options) {
      const key = typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
      if (options[key] !== undefined) result[`${as}${FORMATTED_VALUE}`] = options[key];
    }
  }

  /** A lookup's label: the primary name of the row it points to (or the label the row was stored with). */
  private lookupLabel(table: string, name: string, row: DataverseRecord): string | null {
    const value = row[name];
    const column = this.schema.columnOf(table, name);
    const type =
      row[`${name}${LOOKUP_LOGICAL_NAME}`] ?? (column?.targets?.length === 1 ? column.targets[0] : undefined);
    if (typeof type !== 'string') return null;
    const targetTable = this.schema.table(type);
    const target = targetTable && typeof value === 'string' ? this.find(type, value) : undefined;
    const label = target && targetTable?.primaryName ? target[targetTable.primaryName] : formattedValue(row, name);
    return typeof label === 'string' ? label : null;
  }

  /** FetchXML: aggregates (one page), or rows joined, ordered and paged. */
  private fetchPage(fetch: FetchQuery): FetchPage {
    if (fetch.aggregate) return { rows: this.aggregate(fetch), moreRecords: false };
    const primaryId = this.primaryId(fetch.entity);
    // Ordered by the <order> columns, then by the primary key, so that pages never overlap.
    const orders = [
      ...fetch.orders
        .filter((o) => o.attribute !== undefined && o.attribute !== primaryId)
        .map((o) => ({ column: this.propertyName(fetch.entity, o.attribute!), descending: o.descending })),
      { column: primaryId, descending: false },
    ];
    type Keys = ReturnType<typeof comparable>[];
    // A lookup sorts by the primary name of the row it points to, not by its GUID
    // (https://learn.microsoft.com/power-apps/developer/data-platform/fetchxml/order-rows#lookup-columns).
    const sortValue = (row: DataverseRecord, column: string): DataverseValue =>
      /^_.+_value$/.test(column) ? this.lookupLabel(fetch.entity, column, row) : (row[column] ?? null);
    const keysOf = (row: DataverseRecord): Keys => orders.map((order) => comparable(sortValue(row, order.column)));
    const before = (a: Keys, b: Keys) => {
      for (let i = 0; i < orders.length; i++) {
        const x = a[i];
        const y = b[i];
        if (x === y) continue;
        const less = x === null ? true : y === null ? false : x < y;
        return (less ? -1 : 1) * (orders[i].descending ? -1 : 1);
      }
      return 0;
    };
    const keyed = this.rows(fetch.entity)
      .filter((row) => !fetch.filter || this.fetchMatches(fetch.entity, row, fetch.filter))
      .filter((row) => this.joinsMatch(fetch.entity, row, fetch.links))
      .map((row) => ({ row, keys: keysOf(row) }))
      .sort((a, b) => before(a.keys, b.keys));
    const matched = keyed.map((entry) => entry.row);
    if (fetch.top !== undefined)
      return { rows: this.joinAndShape(fetch, matched.slice(0, fetch.top)), moreRecords: false };
    const size = Math.min(fetch.count ?? FETCH_PAGE_SIZE, FETCH_PAGE_SIZE);
    const page = fetch.page ?? 1;
    // The cookie of the page before continues after its last row; for any other page it is ignored
    // (https://learn.microsoft.com/power-apps/developer/data-platform/org-service/page-large-result-sets-with-fetchxml).
    const cookie = fetch.pagingCookie ? readCookie(fetch.pagingCookie) : undefined;
    let start = (page - 1) * size;
    if (cookie && cookie.page === page - 1 && cookie.last.has(primaryId)) {
      // The cookie holds each order column's sort value of the page's last row (a lookup's: its label).
      const lastKeys: Keys = orders.map((order) => {
        const text = cookie.last.get(order.column) ?? '';
        if (order.column === primaryId) return comparable(text.replace(/^\{|\}$/g, ''));
        return comparable(typeof matched[0]?.[order.column] === 'number' ? Number(text) : text);
      });
      const after = keyed.findIndex((entry) => before(entry.keys, lastKeys) > 0);
      start = after < 0 ? matched.length : after;
    }
    const slice = matched.slice(start, start + size);
    const moreRecords = start + size < matched.length;
    const result: FetchPage = { rows: this.joinAndShape(fetch, slice), moreRecords };
    if (moreRecords && slice.length > 0) {
      const first = slice[0];
      const lastRow = slice[slice.length - 1];
      const inner = `<cookie page="${page}">${orders.map((o) => `<${o.column} last="${escapeXml(cookieValue(sortValue(lastRow, o.column)))}" first="${escapeXml(cookieValue(sortValue(first, o.column)))}" />`).join('')}</cookie>`;
      result.pagingCookie = `<cookie pagenumber="${page + 1}" pagingcookie="${encodeURIComponent(encodeURIComponent(inner))}" istracking="False" />`;
    }
    return result;
  }

  /**
   * Each row with the rows its link-entities join (nested ones too): an inner join drops a row without a match, an
   * outer one keeps it with nothing joined. A join matching several rows repeats the row, as SQL does.
   */
  private joinAndShape(fetch: FetchQuery, rows: DataverseRecord[]): DataverseRecord[] {
    const expand = (
      table: string,
      row: DataverseRecord,
      links: readonly FetchLink[],
    ): [FetchLink, DataverseRecord][][] => {
      let combinations: [FetchLink, DataverseRecord][][] = [[]];
      for (const link of links) {
        const options = this.joinedRows(link, table, row).flatMap((match) =>
          expand(link.name, match, link.links).map((nested) => [
            [link, match] as [FetchLink, DataverseRecord],
            ...nested,
          ]),
        );
        if (options.length === 0 && link.linkType === 'inner') return [];
        const choices = options.length === 0 ? [[]] : options;
        combinations = combinations.flatMap((combination) => choices.map((choice) => [...combination, ...choice]));
      }
      return combinations;
    };
    const joined: Joined[] = rows.flatMap((row) =>
      expand(fetch.entity, row, fetch.links).map((linked) => ({ row, linked })),
    );
    return joined.map(({ row, linked }) => {
      const primaryId = this.primaryId(fetch.entity);
      const out: DataverseRecord = { [primaryId]: row[primaryId] ?? null };
      // FetchXML leaves out null columns (https://learn.microsoft.com/power-apps/developer/data-platform/fetchxml/overview).
      this.shapeFetchColumns(fetch.entity, row, fetch.attributes, '', out);
      for (const [link, match] of linked)
        this.shapeFetchColumns(link.name, match, link.attributes, `${link.alias ?? link.name}.`, out);
      return out;
    });
  }

  /** A joined table's columns come back as `<alias>.<column>`, their annotations after that name. */
  private shapeFetchColumns(
    table: string,
    row: DataverseRecord,
    attributes: FetchQuery['attributes'],
    prefix: string,
    out: DataverseRecord,
  ): void {
    for (const attribute of attributes) {
      const property = this.propertyName(table, attribute.name);
      const value = row[property];
      if (value === null || value === undefined) continue;
      const name = prefix === '' ? property : `${prefix}${attribute.alias ?? attribute.name}`;
      out[name] = value;
      this.annotate(table, property, row, out, name);
    }
  }

  /** FetchXML aggregates (count, countcolumn, min, max, sum, avg) grouped by attributes; at most 50,000 rows. */
  private aggregate(fetch: FetchQuery): DataverseRecord[] {
    if (fetch.links.length > 0)
      throw new StoreError(501, '0x8006088b', 'Aggregates over link-entity are not supported by the emulator.');
    const rows = this.rows(fetch.entity).filter(
      (row) => !fetch.filter || this.fetchMatches(fetch.entity, row, fetch.filter),
    );
    // https://learn.microsoft.com/power-apps/developer/data-platform/fetchxml/aggregate-data#limitations
    if (rows.length > AGGREGATE_LIMIT_ROWS)
      throw new StoreError(
        400,
        AGGREGATE_LIMIT_CODE,
        'AggregateQueryRecordLimit exceeded. Cannot perform this operation.',
      );
    const groupBy = fetch.attributes.filter((a) => a.groupby);
    const groups = new Map<string, DataverseRecord[]>();
    for (const row of rows) {
      const key = JSON.stringify(groupBy.map((a) => row[this.propertyName(fetch.entity, a.name)] ?? null));
      const members = groups.get(key);
      if (members) members.push(row);
      else groups.set(key, [row]);
    }
    if (groups.size === 0 && groupBy.length === 0) groups.set('[]', []);
    return [...groups.values()].map((members) => {
      const out: DataverseRecord = {};
      for (const attribute of fetch.attributes) {
        const alias = attribute.alias ?? attribute.name;
        const property = this.propertyName(fetch.entity, attribute.name);
        if (attribute.groupby) {
          // An empty group value is left out, as FetchXML leaves out every empty column.
          const value = members[0]?.[property];
          if (value !== null && value !== undefined) out[alias] = value;
          continue;
        }
        const values = members.map((m) => m[property]).filter((v) => v !== null && v !== undefined);
        switch (attribute.aggregate) {
          case 'count':
            out[alias] = members.length;
            break;
          case 'countcolumn':
            out[alias] = values.length;
            break;
          case 'max':
          case 'min': {
            const sorted = [...values].sort((a, b) => ((comparable(a) ?? 0) < (comparable(b) ?? 0) ? -1 : 1));
            out[alias] = (attribute.aggregate === 'min' ? sorted[0] : sorted[sorted.length - 1]) ?? null;
            break;
          }
          case 'sum':
          case 'avg': {
            const sum = values.reduce<number>((total, v) => total + Number(v), 0);
            out[alias] = attribute.aggregate === 'sum' ? sum : values.length ? sum / values.length : null;
            break;
          }
          default:
            throw new StoreError(
              400,
              '0x80041103',
              `Attribute ${attribute.name} needs an aggregate in an aggregate query.`,
            );
        }
      }
      return out;
    });
  }

  /** FetchXML names lookups by logical name; rows store them as `_x_value`. */
  private propertyName(table: string, attribute: string): string {
    return this.schema.hasProperty(table, attribute) ? attribute : `_${attribute}_value`;
  }

  private fetchMatches(table: string, row: DataverseRecord, filter: FetchFilter): boolean {
    const results = [
      ...filter.conditions.map((condition) => {
        const value = row[this.propertyName(table, condition.attribute)];
        const [first] = condition.values;
        switch (condition.operator) {
          case 'eq':
          case 'ne':
          case 'gt':
          case 'ge':
          case 'lt':
          case 'le':
            return compare(
              condition.operator,
              value,
              typeof value === 'number'
                ? Number(first)
                : typeof value === 'boolean'
                  ? first === 'true' || first === '1'
                  : first,
            );
          case 'in':
            return condition.values.some((candidate) =>
              compare('eq', value, typeof value === 'number' ? Number(candidate) : candidate),
            );
          case 'not-in':
            return !condition.values.some((candidate) =>
              compare('eq', value, typeof value === 'number' ? Number(candidate) : candidate),
            );
          case 'null':
            return value === null || value === undefined;
          case 'not-null':
            return value !== null && value !== undefined;
          case 'like': {
            const pattern = new RegExp(`^${first.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*')}$`, 'i');
            return typeof value === 'string' && pattern.test(value);
          }
          case 'last-x-days':
            return this.crmFunction('LastXDays', value, [Number(first)]);
          case 'last-x-hours':
            return this.crmFunction('LastXHours', value, [Number(first)]);
          case 'olderthan-x-hours':
            return this.crmFunction('OlderThanXHours', value, [Number(first)]);
        }
        throw new StoreError(
          501,
          '0x8006088b',
          `FetchXML operator ${condition.operator} is not supported by the emulator.`,
        );
      }),
      ...filter.filters.map((inner) => this.fetchMatches(table, row, inner)),
      ...(filter.links ?? []).map((link) => {
        const found = this.joinedRows(link, table, row).length > 0;
        return link.linkType === 'not any' ? !found : found;
      }),
    ];
    return filter.type === 'and' ? results.every(Boolean) : results.some(Boolean);
  }

  /** The rows of a joined table matching `parent` on link.from = parent's link.to and the link's own filter. */
  private joinedRows(link: FetchLink, parentTable: string, parent: DataverseRecord): DataverseRecord[] {
    let index = this.linkIndexes.get(link);
    if (!index) {
      index = new Map();
      const key = this.propertyName(link.name, link.from);
      for (const candidate of this.rows(link.name)) {
        const value = candidate[key];
        if (value === null || value === undefined || typeof value === 'object') continue;
        const id = String(value).toLowerCase();
        const list = index.get(id);
        if (list) list.push(candidate);
        else index.set(id, [candidate]);
      }
      this.linkIndexes.set(link, index);
    }
    const value = parent[this.propertyName(parentTable, link.to)];
    if (value === null || value === undefined || typeof value === 'object') return [];
    return (index.get(String(value).toLowerCase()) ?? []).filter(
      (candidate) => !link.filter || this.fetchMatches(link.name, candidate, link.filter),
    );
  }

  /** Whether every inner join of `links` (nested ones too) finds a row: Dataverse joins before it pages. */
  private joinsMatch(table: string, row: DataverseRecord, links: readonly FetchLink[]): boolean {
    return links.every(
      (link) =>
        link.linkType !== 'inner' ||
        this.joinedRows(link, table, row).some((match) => this.joinsMatch(link.name, match, link.links)),
    );
  }
}
