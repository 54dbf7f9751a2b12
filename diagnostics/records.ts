/**
 * Tolerant readers for Web API rows. Dataverse returns null for empty columns, hosts may hand back strings for numbers,
 * and a new platform version can add option values we have never seen: none of that may throw inside a check. What a
 * check shows of what it read is evidence.ts's.
 */
import { FORMATTED_VALUE, LOOKUP_LOGICAL_NAME, type DataverseRecord } from './port';

export function readString(row: DataverseRecord, column: string): string | null {
  const value = row[column];
  return typeof value === 'string' && value !== '' ? value : null;
}

export function readNumber(row: DataverseRecord, column: string): number | null {
  const value = row[column];
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return null;
}

export function readBoolean(row: DataverseRecord, column: string): boolean | null {
  const value = row[column];
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === '1' || value === 'true') return true;
  if (value === 0 || value === '0' || value === 'false') return false;
  return null;
}

/** A UTC instant, or null when the column is empty or not a date. */
export function readDate(row: DataverseRecord, column: string): Date | null {
  const value = row[column];
  if (typeof value !== 'string') return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time);
}

export function formattedValue(row: DataverseRecord, column: string): string | undefined {
  const value = row[`${column}${FORMATTED_VALUE}`];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function lookupTable(row: DataverseRecord, lookupProperty: string): string | null {
  const value = row[`${lookupProperty}${LOOKUP_LOGICAL_NAME}`];
  return typeof value === 'string' && value !== '' ? value : null;
}
