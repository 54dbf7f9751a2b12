/**
 * Reading rows: a collection (OData paged by `Prefer: odata.maxpagesize` and `$skiptoken`, or one FetchXML page), one
 * record, a record's related rows through a navigation property, and a collection's `$count`. Each request's options
 * are parsed once; the tree goes to the faults (the tables it touches) and to the store.
 */
import { LOOKUP_LOGICAL_NAME, type DataverseRecord } from '../../../diagnostics';
import { touchedTables } from '../../faults';
import { parseQueryOptions, type FetchQuery, type ODataQuery, type ParsedOptions } from '../../query';
import { StoreError } from '../../store';
import type { SchemaTable } from '../../strictness';
import { API_PATH, type EmulatorContext, type RecordRequest, type TableRequest } from '../context';
import {
  annotationFilter,
  HttpError,
  optionValue,
  withoutOptions,
  type AnnotationFilter,
  type Answer,
} from '../protocol';

/** Dataverse stops `@odata.count` at 5,000. */
export const COUNT_LIMIT = 5000;
const DEFAULT_PAGE_SIZE = 5000;
const ASSOCIATED_NAVIGATION = '@Microsoft.Dynamics.CRM.associatednavigationproperty';
const FETCH_PAGING_COOKIE = '@Microsoft.Dynamics.CRM.fetchxmlpagingcookie';
const MORE_RECORDS = '@Microsoft.Dynamics.CRM.morerecords';

/** The OData query of parsed options (undefined for FetchXML); a `$` option the emulator does not know is a 400. */
export function odataQuery(parsed: ParsedOptions): ODataQuery | undefined {
  if (parsed.kind === 'fetch') return undefined;
  const unsupported = parsed.unsupported.find((name) => name.startsWith('$'));
  if (unsupported) throw new HttpError(400, '0x80060888', `The query parameter ${unsupported} is not supported`);
  return parsed.query;
}

/** Adds the ETag and associatednavigationproperty annotations, then keeps only the annotations the caller asked for. */
export function finishRecord(
  context: EmulatorContext,
  table: string,
  record: DataverseRecord,
  include: AnnotationFilter,
  etag: boolean,
): DataverseRecord {
  const { schema } = context;
  const out: DataverseRecord = {};
  const primaryId = schema.table(table)?.primaryId;
  if (etag && primaryId && typeof record[primaryId] === 'string')
    out['@odata.etag'] = context.etagOf(record[primaryId] as string);
  for (const [key, value] of Object.entries(record)) {
    const at = key.indexOf('@');
    if (at > 0) {
      if (include?.(key.slice(at + 1))) out[key] = value;
      continue;
    }
    const navigation = schema.navigation(table, key);
    if (navigation && value !== null && typeof value === 'object') {
      out[key] = Array.isArray(value)
        ? value.map((row) => finishRecord(context, navigation.target, row, include, false))
        : finishRecord(context, navigation.target, value as DataverseRecord, include, false);
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

function contextUrl(context: EmulatorContext, set: string, query: ODataQuery | undefined, single: boolean): string {
  const describe = (q: ODataQuery | undefined): string => {
    const parts = [...(q?.select ?? [])];
    for (const item of q?.expand ?? []) parts.push(`${item.navigation}(${describe(item.options)})`);
    return parts.join(',');
  };
  const shape = describe(query);
  return `${context.baseUrl()}${API_PATH}$metadata#${set}${shape ? `(${shape})` : ''}${single ? '/$entity' : ''}`;
}

/** GET `set`: an OData page (paged by offset, continued by an opaque `$skiptoken`) or a FetchXML page. */
export function retrieveCollection({ context, table, search, prefer, applied }: TableRequest): Answer {
  const { store, schema } = context;
  const skiptoken = optionValue(search, '$skiptoken');
  const queryText = withoutOptions(search, ['$skiptoken']);
  const include = annotationFilter(prefer);
  const parsed = parseQueryOptions(queryText);
  if (parsed.kind === 'fetch') return retrieveFetch(context, table, parsed.fetch, parsed, include);
  const query = odataQuery(parsed)!;
  context.applyFaults('GET', touchedTables(schema, table.logicalName, parsed));
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
    if (!Number.isInteger(offset) || offset < 0) throw new HttpError(400, '0x80060888', 'The $skiptoken is not valid.');
  }
  // Only the page is shaped: OData pages by offset.
  const { rows: paged, total: matched } = store.retrievePage(table.logicalName, parsed, offset, pageSize);
  const body: Record<string, unknown> = { '@odata.context': contextUrl(context, table.entitySetName!, query, false) };
  if (query.count) {
    const total =
      query.top === undefined
        ? matched
        : store.retrieveMultiple(table.logicalName, { ...parsed, query: { ...query, top: undefined } }).length;
    body['@odata.count'] = Math.min(total, COUNT_LIMIT);
  }
  body.value = paged.map((row) => finishRecord(context, table.logicalName, row, include, true));
  if (offset + pageSize < matched) {
    const next = offset + pageSize;
    const token = `<cookie pagenumber="${Math.floor(next / pageSize) + 1}" pagingcookie="${Buffer.from(String(next)).toString('base64url')}" istracking="False" />`;
    body['@odata.nextLink'] =
      `${context.baseUrl()}${API_PATH}${table.entitySetName}?${queryText}${queryText ? '&' : ''}$skiptoken=${encodeURIComponent(token)}`;
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
  context: EmulatorContext,
  table: SchemaTable,
  fetch: FetchQuery,
  parsed: ParsedOptions,
  include: AnnotationFilter,
): Answer {
  context.applyFaults('GET', touchedTables(context.schema, table.logicalName, parsed));
  const page = context.store.retrieveFetchPage(table.logicalName, parsed);
  const body: Record<string, unknown> = {
    '@odata.context': contextUrl(context, table.entitySetName!, undefined, false),
  };
  if (page.pagingCookie !== undefined && include?.(FETCH_PAGING_COOKIE.slice(1)))
    body[FETCH_PAGING_COOKIE] = page.pagingCookie;
  if (page.moreRecords && include?.(MORE_RECORDS.slice(1))) body[MORE_RECORDS] = true;
  body.value = page.rows.map((row) => finishRecord(context, table.logicalName, row, include, !fetch.aggregate));
  return { status: 200, body };
}

/** GET `set(id)`. */
export function retrieveOne({ context, table, id, search, prefer }: RecordRequest): Answer {
  const parsed = parseQueryOptions(search);
  const query = odataQuery(parsed);
  context.applyFaults('GET', touchedTables(context.schema, table.logicalName, query ? parsed : undefined));
  const row = context.store.retrieve(table.logicalName, id, parsed);
  return {
    status: 200,
    body: {
      '@odata.context': contextUrl(context, table.entitySetName!, query, true),
      ...finishRecord(context, table.logicalName, row, annotationFilter(prefer), true),
    },
  };
}

/** GET `set(id)/navigation`: a collection (filtered on the referencing column) or the single related record. */
export function retrieveRelated(request: RecordRequest, navigationName: string): Answer {
  const { context, table, id, search } = request;
  const { schema, store } = context;
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
  context.applyFaults('GET', [table.logicalName]);
  const source = store.find(table.logicalName, id);
  if (!source) throw new StoreError(404, '0x80040217', `${table.logicalName} With Id = ${id} Does Not Exist`);
  if (navigation.kind === 'single') {
    const relatedId = source[`_${navigation.referencingAttribute}_value`];
    if (typeof relatedId !== 'string') return { status: 204, body: undefined };
    return retrieveOne({ ...request, table: target, id: relatedId });
  }
  const filter = optionValue(search, '$filter');
  const condition = `_${navigation.referencingAttribute}_value eq ${id}`;
  const rest = withoutOptions(search, ['$filter']);
  const combined = `$filter=${encodeURIComponent(filter ? `(${condition}) and (${filter})` : condition)}${rest ? `&${rest}` : ''}`;
  return retrieveCollection({ ...request, table: target, search: combined });
}

/** GET `set/$count`: the number of rows, capped as `@odata.count` is. */
export function countRows({ context, table }: TableRequest): Answer {
  context.applyFaults('GET', [table.logicalName]);
  const count = context.store.retrieveMultiple(table.logicalName).length;
  return {
    status: 200,
    body: String(Math.min(count, COUNT_LIMIT)),
    headers: { 'Content-Type': 'text/plain' },
    table: table.logicalName,
  };
}
