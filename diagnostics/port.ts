/**
 * The one data-access port of the engine. It is the subset of `Xrm.WebApi` the diagnosis needs, with the same
 * method names, arguments and results, so `Xrm.WebApi` and a PCF `context.webAPI` plug in unchanged and the CLI
 * adapts raw HTTP to it in a few lines.
 *
 * Query options follow Xrm.WebApi: a string starting with `?` holding `$select`, `$filter`, `$orderby`, `$top`,
 * `$expand`, or `fetchXml=<url-encoded FetchXML>`. Nothing else (no `$count`, no `$apply`): counts use a FetchXML
 * aggregate, because `$count` stops at 5,000.
 */
import { escapeXml } from './xml';

export type DataverseValue = string | number | boolean | null | DataverseRecord | DataverseRecord[];

export interface DataverseRecord {
  [property: string]: DataverseValue | undefined;
}

export interface RetrieveMultipleResult {
  entities: DataverseRecord[];
  nextLink?: string;
  /**
   * A FetchXML query with more rows than its page: the paging cookie for the next page, as Xrm.WebApi names it
   * (https://learn.microsoft.com/power-apps/developer/model-driven-apps/clientapi/reference/xrm-webapi/retrievemultiplerecords)
   * — the Web API's @Microsoft.Dynamics.CRM.fetchxmlpagingcookie: `<cookie pagenumber="2" pagingcookie="…" istracking="False" />`.
   */
  fetchXmlPagingCookie?: string;
}

export interface WebApiPort {
  retrieveRecord(entityLogicalName: string, id: string, options?: string): Promise<DataverseRecord>;
  retrieveMultipleRecords(
    entityLogicalName: string,
    options?: string,
    maxPageSize?: number,
  ): Promise<RetrieveMultipleResult>;
  updateRecord(entityLogicalName: string, id: string, data: Record<string, unknown>): Promise<unknown>;
}

/** The annotations Dataverse adds to a column when asked (Xrm.WebApi always asks). */
export const FORMATTED_VALUE = '@OData.Community.Display.V1.FormattedValue';
export const LOOKUP_LOGICAL_NAME = '@Microsoft.Dynamics.CRM.lookuplogicalname';

/** Builds `?fetchXml=...` the way Xrm.WebApi expects it. */
export function fetchXmlOptions(fetchXml: string): string {
  return `?fetchXml=${encodeURIComponent(fetchXml.replace(/\s*\n\s*/g, ''))}`;
}

/** Where a FetchXML query continues: the page number and the previous page's paging cookie (decoded). */
export interface FetchXmlPaging {
  page: number;
  pagingCookie?: string;
}

/**
 * `?fetchXml=` for one page of a FetchXML query: `count` rows of page `page`, continued by the previous page's cookie
 * (https://learn.microsoft.com/power-apps/developer/data-platform/fetchxml/page-results: set count and page on the
 * fetch element, and the decoded, XML-encoded cookie as its paging-cookie).
 */
export function fetchXmlPageOptions(fetchXml: string, count: number, paging: FetchXmlPaging = { page: 1 }): string {
  const attributes = [
    `count="${count}"`,
    `page="${paging.page}"`,
    ...(paging.pagingCookie !== undefined ? [`paging-cookie="${escapeXml(paging.pagingCookie)}"`] : []),
  ].join(' ');
  const paged = fetchXml.replace(/^\s*<fetch\b/, `<fetch ${attributes}`);
  if (paged === fetchXml) throw new Error('A FetchXML query starts with <fetch>.');
  return fetchXmlOptions(paged);
}

/**
 * The next page from a page's fetchXmlPagingCookie (`<cookie pagenumber="2" pagingcookie="…" istracking="False" />`):
 * the page number it names, and its pagingcookie attribute URL-decoded twice, as Learn's Web API and Xrm.WebApi
 * examples do (https://learn.microsoft.com/power-apps/developer/data-platform/fetchxml/page-results). Null when the
 * value is not such a cookie. A query Dataverse cannot page by cookie answers an empty one: the next page is then
 * asked for by number alone.
 */
export function nextFetchXmlPage(fetchXmlPagingCookie: string): FetchXmlPaging | null {
  const page = /\bpagenumber="(\d+)"/.exec(fetchXmlPagingCookie);
  if (!page) return null;
  const cookie = /\bpagingcookie="([^"]*)"/.exec(fetchXmlPagingCookie)?.[1] ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(decodeURIComponent(cookie));
  } catch {
    return null;
  }
  return { page: Number(page[1]), ...(decoded !== '' ? { pagingCookie: decoded } : {}) };
}

/** Builds a `?$select=...&$filter=...` option string from named parts, in a stable order. */
export function odataOptions(parts: {
  select: readonly string[];
  filter?: string;
  orderby?: string;
  top?: number;
  expand?: string;
}): string {
  const query = [`$select=${parts.select.join(',')}`];
  if (parts.filter) query.push(`$filter=${parts.filter}`);
  if (parts.orderby) query.push(`$orderby=${parts.orderby}`);
  if (parts.top !== undefined) query.push(`$top=${parts.top}`);
  if (parts.expand) query.push(`$expand=${parts.expand}`);
  return `?${query.join('&')}`;
}

/** An OData string literal: single quotes are doubled, the way Dataverse expects them. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Exactly a GUID as the Web API writes record ids: 8-4-4-4-12 hexadecimal digits, either case, no braces. */
export function isGuid(text: string): boolean {
  return GUID.test(text);
}

/**
 * A record id as any host hands it over (Xrm braces it and writes upper case; the Web API does neither) in the Web
 * API's form, or null when it is not a GUID.
 */
export function normalizeGuid(text: string): string | null {
  const bare = text.replace(/^\{|\}$/g, '').toLowerCase();
  return isGuid(bare) ? bare : null;
}

/** Dataverse ids are GUIDs; anything else in a filter is a bug or an injection attempt. */
export function assertGuid(id: string): string {
  const guid = normalizeGuid(id.trim());
  if (guid === null) throw new Error(`Not a record id (GUID): ${id}`);
  return guid;
}
