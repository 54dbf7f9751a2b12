/**
 * Tolerant readers for Web API rows. Dataverse returns null for empty columns, hosts may hand back strings for numbers,
 * and a new platform version can add option values we have never seen: none of that may throw inside a check.
 */
import { FORMATTED_VALUE, LOOKUP_LOGICAL_NAME, type DataverseRecord } from './port';
import type { Evidence, EvidenceValue, OptionSetName } from './model';
import { message, optionMessage, type Message } from './messages/format';
import type { MessageKey } from './messages/en';

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

export function optionValue(row: DataverseRecord, column: string, optionSet: OptionSetName): EvidenceValue {
  const value = readNumber(row, column) ?? (typeof row[column] === 'boolean' ? Number(row[column]) : null);
  if (value === null) return { kind: 'none' };
  const label = formattedValue(row, column);
  return label === undefined ? { kind: 'option', optionSet, value } : { kind: 'option', optionSet, value, label };
}

export function textValue(text: string | null): EvidenceValue {
  return text === null ? { kind: 'none' } : { kind: 'text', text };
}

export function dateValue(date: Date | null): EvidenceValue {
  return date === null ? { kind: 'none' } : { kind: 'datetime', iso: date.toISOString() };
}

export function booleanValue(value: boolean | null): EvidenceValue {
  return value === null ? { kind: 'none' } : { kind: 'boolean', value };
}

export function numberValue(value: number | null): EvidenceValue {
  return value === null ? { kind: 'none' } : { kind: 'number', value };
}

export function evidence(label: MessageKey, value: EvidenceValue, params?: Message['params']): Evidence {
  return { label: message(label, params), value };
}

/** The label of an option value: Dataverse's own when the response carried it, else the catalogue's when rendered. */
export function optionLabel(
  optionSet: OptionSetName,
  value: number | null,
  row?: DataverseRecord,
  column?: string,
): Message | string {
  const fromServer = row && column ? formattedValue(row, column) : undefined;
  if (fromServer !== undefined) return fromServer;
  if (value === null) return message('value.notSet');
  return optionMessage(optionSet, value);
}
