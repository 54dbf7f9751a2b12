/**
 * What the emulator's handlers share (the simulated Dataverse, its faults and platform, and the server's own state),
 * and the request the router hands each of them.
 */
import type { Faults } from '../faults';
import type { PlatformFixture } from '../platform';
import type { DataverseStore } from '../store';
import type { SchemaIndex, SchemaTable } from '../strictness';

export const API_PATH = '/api/data/v9.2/';

export interface EmulatorContext {
  readonly schema: SchemaIndex;
  readonly store: DataverseStore;
  readonly faults: Faults;
  readonly platform: PlatformFixture;
  now(): Date;
  /** The server's origin, e.g. http://127.0.0.1:53123 (known once it listens). */
  baseUrl(): string;
  /** The systemuserid WhoAmI returns. */
  callerId(): string;
  /** A record's ETag, bumped by every write. */
  etagOf(id: string): string;
  bumpVersion(id: string): void;
  /** Throws the failure an injected fault makes of a request touching `tables` (none: only faults without a table). */
  applyFaults(method: string, tables: readonly string[]): void;
  /** Runs Test & Enable of the mailbox later, as the asynchronous service does. */
  scheduleTestAndEnable(id: string): void;
}

/** One request as the router has taken it apart: each handler reads what it needs. */
export interface HandlerRequest {
  readonly context: EmulatorContext;
  /** Upper case, e.g. GET. */
  readonly method: string;
  /** The raw query string, without its `?`. */
  readonly search: string;
  /** The raw request body (a PATCH's JSON). */
  readonly body: string;
  readonly prefer: Map<string, string>;
  /** The preferences the answer honours, for Preference-Applied: a handler adds those it applies. */
  readonly applied: string[];
}

/** A request to an entity set (`set`, `set/$count`). */
export interface TableRequest extends HandlerRequest {
  readonly table: SchemaTable;
}

/** A request to one record (`set(id)`, its navigations and bound operations); `id` is normalized. */
export interface RecordRequest extends TableRequest {
  readonly id: string;
}
