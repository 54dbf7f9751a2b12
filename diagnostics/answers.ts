/**
 * A host's Web API answers before the engine reads them. Xrm.WebApi and the PCF context's webAPI resolve with a record
 * (an object) or `{entities: [...]}`; anything else — undefined, null, a string, a list — is not an answer the engine
 * can read, and becomes one clear failure (`bad-answer`, never retried) instead of a TypeError deep inside a check.
 * The CLI's HTTP port checks more at the HTTP level (content type, JSON, Dataverse's shape, primary keys).
 */
import { UnexpectedAnswerError } from './errors';
import type { DataverseRecord, RetrieveMultipleResult, WebApiPort } from './port';

/** What came back, in a few words for the error (never the value itself). */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return value.trim() === '' ? 'an empty text' : 'a text';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

export function isRecord(value: unknown): value is DataverseRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function record(table: string, value: unknown): DataverseRecord {
  if (!isRecord(value)) throw new UnexpectedAnswerError(`The Web API answered a read of ${table} with ${describeValue(value)}, not a record.`, undefined);
  return value;
}

function collection(table: string, value: unknown): RetrieveMultipleResult {
  const entities = isRecord(value) ? value.entities : undefined;
  if (!Array.isArray(entities) || !entities.every(isRecord)) {
    throw new UnexpectedAnswerError(`The Web API answered a query of ${table} with ${describeValue(entities ?? value)}, not a list of records.`, undefined);
  }
  const nextLink = (value as { nextLink?: unknown }).nextLink;
  return typeof nextLink === 'string' ? { entities, nextLink } : { entities };
}

/** The same port; a read whose answer has the wrong shape rejects with UnexpectedAnswerError. */
export function checkedPort(port: WebApiPort): WebApiPort {
  return {
    retrieveRecord: async (table, id, options) => record(table, await port.retrieveRecord(table, id, options)),
    retrieveMultipleRecords: async (table, options, maxPageSize) => collection(table, await port.retrieveMultipleRecords(table, options, maxPageSize)),
    updateRecord: (table, id, data) => port.updateRecord(table, id, data),
  };
}
