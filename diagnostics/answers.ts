/**
 * A host's Web API answers before the engine reads them. Xrm.WebApi and the PCF context's webAPI resolve with a record
 * (an object) or `{entities: [...]}`; anything else — undefined, null, a string, a list — is not an answer the engine
 * can read, and becomes one clear failure (`bad-answer`, never retried) instead of a TypeError deep inside a check.
 * The CLI's HTTP port checks more at the HTTP level (content type, JSON, Dataverse's shape, primary keys).
 */
import { UnexpectedAnswerError } from './errors';
import type { DataverseRecord, RetrieveMultipleResult } from './port';

export function isRecord(value: unknown): value is DataverseRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isResultSet(value: unknown): value is RetrieveMultipleResult {
  return isRecord(value) && Array.isArray(value.entities) && value.entities.every(isRecord);
}

/** `value` when it has the shape `test` wants; otherwise an UnexpectedAnswerError naming the table. */
export function checked<T>(table: string, value: unknown, test: (value: unknown) => value is T): T {
  if (!test(value))
    throw new UnexpectedAnswerError(
      `The answer for ${table} is not Dataverse's (${typeof value}).`,
      undefined,
      undefined,
      undefined,
    );
  return value;
}
