/**
 * The one data-access port of the engine. It is the subset of `Xrm.WebApi` the diagnosis needs, with the same
 * method names, arguments and results, so `Xrm.WebApi` and a PCF `context.webAPI` plug in unchanged and the CLI
 * adapts raw HTTP to it in a few lines.
 *
 * Query options follow Xrm.WebApi: a string starting with `?` holding `$select`, `$filter`, `$orderby`, `$top`,
 * `$expand`, or `fetchXml=<url-encoded FetchXML>`. Nothing else (no `$count`, no `$apply`): counts use a FetchXML
 * aggregate, because `$count` stops at 5,000.
 */
export type DataverseValue = string | number | boolean | null | DataverseRecord | DataverseRecord[];

export interface DataverseRecord {
  [property: string]: DataverseValue | undefined;
}

export interface RetrieveMultipleResult {
  entities: DataverseRecord[];
  nextLink?: string;
}

export interface WebApiPort {
  retrieveRecord(entityLogicalName: string, id: string, options?: string): Promise<DataverseRecord>;
  retrieveMultipleRecords(entityLogicalName: string, options?: string, maxPageSize?: number): Promise<RetrieveMultipleResult>;
  updateRecord(entityLogicalName: string, id: string, data: Record<string, unknown>): Promise<unknown>;
}

/** The annotations Dataverse adds to a column when asked (Xrm.WebApi always asks). */
export const FORMATTED_VALUE = '@OData.Community.Display.V1.FormattedValue';
export const LOOKUP_LOGICAL_NAME = '@Microsoft.Dynamics.CRM.lookuplogicalname';

/** Builds `?fetchXml=...` the way Xrm.WebApi expects it. */
export function fetchXmlOptions(fetchXml: string): string {
  return `?fetchXml=${encodeURIComponent(fetchXml.replace(/\s*\n\s*/g, ''))}`;
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

/** Dataverse ids are GUIDs; anything else in a filter is a bug or an injection attempt. */
export function assertGuid(id: string): string {
  const trimmed = id.trim().replace(/^\{|\}$/g, '').toLowerCase();
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(trimmed)) {
    throw new Error(`Not a record id (GUID): ${id}`);
  }
  return trimmed;
}
