/**
 * The faults a test injects into the simulated Dataverse, one API for both faces (the jest fake and the HTTP emulator):
 *
 *   faults.throttle({times?, table?, retryAfterSeconds?})   429 with Retry-After (0x80072322), `times` requests
 *   faults.deny({table, privilege?, operation?})             403 PrivilegeDenied (0x80040220) until clear()
 *   faults.serverError({times?, table?})                     500 (0x80040216), `times` requests
 *   faults.latency(ms)                                       added to every request
 *   faults.clear()                                           removes every fault
 *
 * `table` is a logical or an entity set name; none means every request. A fault hits a request that touches the table:
 * the one it addresses and every table it joins ($expand, FetchXML link-entity). A throttle comes first, as Dataverse's
 * service protection runs before the request does, then a denial, then a server error. Each face turns the failure
 * into its own error shape.
 */
import { fetchLinks, type ExpandItem, type ParsedOptions } from './query';
import type { SchemaIndex } from './strictness';
import { privilegeDeniedMessage, tablePrivilege } from './store';

export type Operation = 'read' | 'write';

/** A failure in Dataverse's terms: the HTTP status, the error code and message, and Retry-After when throttled. */
export interface SimulatedFailure {
  status: number;
  code: string;
  message: string;
  retryAfterSeconds?: number;
}

/** Dataverse's service protection message (https://learn.microsoft.com/power-apps/developer/data-platform/api-limits). */
export const THROTTLED_MESSAGE = 'Number of requests exceeded the limit of 6000 over time window of 300 seconds.';

interface CountedFault {
  remaining: number;
  table?: string;
}

interface Denial {
  table: string;
  privilege?: string;
  operation?: Operation;
}

/** Who is asking, for the PrivilegeDenied message: the caller's id and the id of the privilege it misses. */
export interface Caller {
  id: string;
  privilegeId(privilege: string): string;
}

export class Faults {
  private throttles: (CountedFault & { retryAfterSeconds: number })[] = [];
  private denials: Denial[] = [];
  private errors: CountedFault[] = [];
  private delayMs = 0;

  /** The next `times` requests (to `table`, or any) get 429 Too Many Requests with Retry-After. */
  throttle(options: { times?: number; table?: string; retryAfterSeconds?: number } = {}): this {
    this.throttles.push({
      remaining: options.times ?? 1,
      table: options.table,
      retryAfterSeconds: options.retryAfterSeconds ?? 1,
    });
    return this;
  }

  /** Every request touching `table` (also through $expand or a FetchXML link-entity) gets 403 PrivilegeDenied until clear(). */
  deny(options: Denial): this {
    this.denials.push(options);
    return this;
  }

  /** The next `times` requests (to `table`, or any) get 500. */
  serverError(options: { times?: number; table?: string } = {}): this {
    this.errors.push({ remaining: options.times ?? 1, table: options.table });
    return this;
  }

  /** Adds `ms` of latency to every request. */
  latency(ms: number): this {
    this.delayMs = ms;
    return this;
  }

  get latencyMs(): number {
    return this.delayMs;
  }

  clear(): this {
    this.throttles = [];
    this.denials = [];
    this.errors = [];
    this.delayMs = 0;
    return this;
  }

  /**
   * The failure a request meets, if any (a counted fault it meets is used up). `tables` are the logical names the
   * request touches (touchedTables); none for a request that addresses no table, which only faults without a table hit.
   */
  failureFor(
    schema: SchemaIndex,
    operation: Operation,
    tables: readonly string[],
    caller: Caller,
  ): SimulatedFailure | undefined {
    const touches = (table: string | undefined) =>
      tables.find((t) => t === table || schema.table(t)?.entitySetName === table);
    const hits = (fault: CountedFault) => fault.remaining > 0 && (fault.table === undefined || touches(fault.table));
    const throttle = this.throttles.find(hits);
    if (throttle) {
      throttle.remaining--;
      return {
        status: 429,
        code: '0x80072322',
        message: THROTTLED_MESSAGE,
        retryAfterSeconds: throttle.retryAfterSeconds,
      };
    }
    for (const denial of this.denials) {
      if (denial.operation !== undefined && denial.operation !== operation) continue;
      const table = touches(denial.table);
      if (!table) continue;
      const privilege = deniedPrivilege(schema, denial, table, operation);
      return {
        status: 403,
        code: '0x80040220',
        message: privilegeDeniedMessage(table, privilege, caller.id, caller.privilegeId(privilege)),
      };
    }
    const error = this.errors.find(hits);
    if (error) {
      error.remaining--;
      return { status: 500, code: '0x80040216', message: 'An unexpected error occurred.' };
    }
    return undefined;
  }

  /** The privileges the denials take away, lower-cased (what RetrieveUserSetOfPrivilegesByNames leaves out). */
  deniedPrivileges(schema: SchemaIndex): Set<string> {
    return new Set(
      this.denials.flatMap((denial) =>
        (denial.operation === undefined ? (['read', 'write'] as const) : [denial.operation]).map((operation) =>
          deniedPrivilege(schema, denial, denial.table, operation).toLowerCase(),
        ),
      ),
    );
  }
}

/** The privilege a deny() fault takes away, as Dataverse names it in PrivilegeDenied. */
function deniedPrivilege(schema: SchemaIndex, denial: Denial, table: string, operation: Operation): string {
  const logicalName = schema.tableBySetName(table)?.logicalName ?? table;
  return denial.privilege ?? tablePrivilege(logicalName, operation);
}

/**
 * Tables a query touches: the addressed one and every $expand target or FetchXML link-entity (a 403 there denies the
 * whole request). ASSUMPTION: Dataverse refuses a FetchXML query joining a table the caller may not read, naming that
 * table, as it refuses an $expand; Learn does not say so outright, and a RetrieveMultiple failing with "is missing
 * prvRead… privilege … for entity '<the joined table>'" is what users report.
 */
export function touchedTables(schema: SchemaIndex, table: string, options: ParsedOptions | undefined): string[] {
  if (options?.kind === 'fetch') return [table, ...fetchLinks(options.fetch.links).map((link) => link.name)];
  const result = [table];
  const walk = (current: string, items: ExpandItem[] | undefined) => {
    for (const item of items ?? []) {
      const navigation = schema.navigation(current, item.navigation);
      if (!navigation) continue;
      result.push(navigation.target);
      walk(navigation.target, item.options.expand);
    }
  };
  walk(table, options?.query.expand);
  return result;
}
