/**
 * What a check shows as the facts it read: each value as evidence a surface can render (an option with Dataverse's own
 * label when the response carried one, a date, a flag, a number, text, or none), beside the message that labels it.
 * Reading the row stays records.ts's; this module only describes what was read.
 */
import { formattedValue, readNumber } from './records';
import type { DataverseRecord } from './port';
import type { Evidence, EvidenceValue, OptionSetName } from './model';
import { message, optionMessage, type Message } from './messages/format';
import type { MessageKey } from './messages/en';

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
