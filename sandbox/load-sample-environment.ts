/**
 * Loads sandbox/sample-environment.json into a DataSet for the emulator: relative times ("-30h", "+4m", "-180d")
 * become ISO timestamps against `now`, the compact `generate` specs become rows, and every column is checked against
 * Microsoft's schema (a typo in the sample data fails here, not silently in a test).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DataverseRecord, DataverseValue } from '../diagnostics';
import type { SchemaIndex } from '../simulator/strictness';
import { dataverseSchema } from '../simulator/schema';
import type { TestEnableOutcome } from '../simulator/test-and-enable';
import type { DataSet } from '../simulator/store';

export const SAMPLE_ENVIRONMENT_FILE = path.join(__dirname, 'sample-environment.json');
export const SAMPLE_EXPECTATIONS_FILE = path.join(__dirname, 'sample-expectations.json');

interface GenerateSpec {
  table: string;
  count: number;
  idPrefix: string;
  template: DataverseRecord;
}

interface SampleEnvironmentFile {
  callerId: string;
  tables: DataSet;
  generate?: GenerateSpec[];
  testEnableOutcomes?: Record<string, TestEnableOutcome>;
}

export interface SampleEnvironment {
  data: DataSet;
  testEnableOutcomes: Record<string, TestEnableOutcome>;
  /** The hand-written mailboxes (not the generated population), in file order: what the sandbox page offers. */
  featuredMailboxIds: string[];
  /** The systemuser WhoAmI answers with (the administrator). */
  callerId: string;
}

export interface MailboxExpectation {
  name: string;
  scenario: string;
  verdict: 'healthy' | 'warning' | 'failing' | 'unknown';
  startHere: string | null;
  comment: string;
}

const RELATIVE = /^([+-])(\d+(?:\.\d+)?)([smhd])$/;
const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "-30h" → the ISO time 30 hours before `now`; anything else unchanged. */
export function resolveTime(value: DataverseValue | undefined, now: Date): DataverseValue | undefined {
  if (typeof value !== 'string') return value;
  const match = RELATIVE.exec(value);
  if (!match) return value;
  const offset = Number(match[2]) * UNIT_MS[match[3]] * (match[1] === '-' ? -1 : 1);
  return new Date(now.getTime() + offset).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function resolveRow(row: DataverseRecord, now: Date): DataverseRecord {
  const out: DataverseRecord = {};
  for (const [key, value] of Object.entries(row)) out[key] = resolveTime(value, now);
  return out;
}

function generateRows(spec: GenerateSpec, now: Date): DataverseRecord[] {
  const rows: DataverseRecord[] = [];
  for (let i = 1; i <= spec.count; i++) {
    const n = String(i).padStart(4, '0');
    const id = `${spec.idPrefix}${i.toString(16).padStart(12, '0')}`;
    const row: DataverseRecord = {};
    for (const [key, value] of Object.entries(spec.template)) {
      row[key] =
        typeof value === 'string' ? resolveTime(value.replace(/\{n\}/g, n).replace(/\{id\}/g, id), now) : value;
    }
    rows.push(row);
  }
  return rows;
}

function checkColumns(schema: SchemaIndex, data: DataSet): void {
  for (const [table, rows] of Object.entries(data)) {
    if (!schema.table(table)) throw new Error(`Sample environment: unknown table '${table}'.`);
    for (const row of rows) {
      for (const key of Object.keys(row)) {
        const name = key.split('@')[0];
        if (!schema.hasProperty(table, name))
          throw new Error(`Sample environment: '${table}' has no column '${name}' in Microsoft's schema.`);
      }
    }
  }
}

export function loadSampleEnvironment(options: { now?: Date; file?: string } = {}): SampleEnvironment {
  const now = options.now ?? new Date();
  const file = JSON.parse(fs.readFileSync(options.file ?? SAMPLE_ENVIRONMENT_FILE, 'utf8')) as SampleEnvironmentFile;
  const data: DataSet = {};
  for (const [table, rows] of Object.entries(file.tables)) data[table] = rows.map((row) => resolveRow(row, now));
  for (const spec of file.generate ?? []) (data[spec.table] ??= []).push(...generateRows(spec, now));
  checkColumns(dataverseSchema(), data);
  const outcomes: Record<string, TestEnableOutcome> = {};
  for (const [id, outcome] of Object.entries(file.testEnableOutcomes ?? {})) outcomes[id.toLowerCase()] = outcome;
  return {
    data,
    testEnableOutcomes: outcomes,
    featuredMailboxIds: (file.tables.mailbox ?? []).map((row) => String(row.mailboxid)),
    callerId: file.callerId,
  };
}

export function loadSampleExpectations(file = SAMPLE_EXPECTATIONS_FILE): Record<string, MailboxExpectation> {
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { mailboxes: Record<string, MailboxExpectation> };
  return parsed.mailboxes;
}
