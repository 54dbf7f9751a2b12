/**
 * The engine's test double for Xrm.WebApi: the in-memory Dataverse store behind the exact Xrm.WebApi surface, strict
 * like Dataverse (every table, column and navigation property checked against Microsoft's schema) and strict like
 * Xrm.WebApi (only $select, $filter, $orderby, $top, $expand and fetchXml). FetchXML is paged by the store, as the
 * emulator pages it: `fetchXmlPagingCookie` comes back while more rows match. Faults (403 on a table — also when a
 * query joins it —, 429 with Retry-After, 5xx) and per-request latency are injectable; every request is recorded.
 */
import type { DataverseRecord, RetrieveMultipleResult, WebApiPort } from '../diagnostics';
import { Faults, touchedTables, type Operation, type SimulatedFailure } from './faults';
import { privilegeIdOf } from './platform';
import { parseQueryOptions, type ParsedOptions } from './query';
import { dataverseSchema } from './schema';
import { DataverseStore, StoreError, type DataSet } from './store';
import { attemptStamp, completeTestAndEnable, schedulesTestAndEnable, type TestEnableOutcome } from './test-and-enable';

export interface RecordedRequest {
  method: 'retrieveRecord' | 'retrieveMultipleRecords' | 'updateRecord';
  table: string;
  id?: string;
  options?: string;
  data?: Record<string, unknown>;
  startedAt: number;
  endedAt?: number;
}

const FAKE_CALLER = '00000000-0000-4000-8000-00000000ca11';

const XRM_ALLOWED_OPTIONS = new Set(['$select', '$filter', '$orderby', '$top', '$expand']);

/** How long the asynchronous service takes to run Test & Enable, in the fake's clock. */
const TEST_AND_ENABLE_DURATION_MS = 3 * 60_000;

/** Xrm.WebApi reports error codes as positive decimals (0x80040220 → 2147746336). */
function xrmError(code: string, message: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { errorCode: parseInt(code, 16), message, ...extra };
}

/**
 * A fault as the engine receives it: PrivilegeDenied as Xrm.WebApi reports it; a throttle or a server error as an HTTP
 * adapter passes it through (with Retry-After), which is where the engine's retries meet them.
 */
function faultError(failure: SimulatedFailure): unknown {
  if (failure.status === 403) return xrmError(failure.code, failure.message, { status: failure.status });
  return {
    status: failure.status,
    ...(failure.retryAfterSeconds !== undefined ? { retryAfterSeconds: failure.retryAfterSeconds } : {}),
    error: { code: failure.code, message: failure.message },
  };
}

export interface FakeOptions {
  now?: () => Date;
  /** Added to each request; the clock is virtual unless `realLatency` is set. */
  latencyMs?: number;
  realLatency?: boolean;
}

export class FakeWebApi implements WebApiPort {
  readonly store: DataverseStore;
  readonly requests: RecordedRequest[] = [];
  /** Injected failures, the same API as the HTTP emulator's (faults.ts). */
  readonly faults = new Faults();
  private readonly updateHooks: ((table: string, id: string, data: Record<string, unknown>) => void)[] = [];
  private readonly now: () => Date;
  private virtualTime = 0;

  constructor(
    data: DataSet,
    private readonly options: FakeOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.store = new DataverseStore(dataverseSchema(), data, { now: this.now });
  }

  onUpdate(hook: (table: string, id: string, data: Record<string, unknown>) => void): this {
    this.updateHooks.push(hook);
    return this;
  }

  /**
   * Plays the server's asynchronous service for Test & Enable (test-and-enable.ts): once the test is scheduled, the
   * `polls`-th read of that mailbox finds it run with `outcome` (default: every channel passes), finished at
   * `completedOn` (default: three minutes after the fake's now).
   */
  completesTestAndEnable(polls: number, outcome: TestEnableOutcome = {}, completedOn?: string): this {
    return this.onUpdate((table, id, data) => {
      if (!schedulesTestAndEnable(table, data)) return;
      const stamp = completedOn ?? new Date(this.now().getTime() + TEST_AND_ENABLE_DURATION_MS).toISOString();
      let reads = 0;
      const original = this.store.retrieve.bind(this.store);
      this.store.retrieve = (t, i, o) => {
        if (t === 'mailbox' && i === id && ++reads === polls) completeTestAndEnable(this.store, id, outcome, stamp);
        return original(t, i, o);
      };
    });
  }

  get updates(): RecordedRequest[] {
    return this.requests.filter((r) => r.method === 'updateRecord');
  }

  /** How many sequential round trips the recorded requests needed (overlapping requests share one). */
  roundTrips(): number {
    let rounds = 0;
    let roundEnd = -Infinity;
    for (const request of [...this.requests].sort((a, b) => a.startedAt - b.startedAt)) {
      if (request.startedAt >= roundEnd) {
        rounds++;
        roundEnd = request.endedAt ?? request.startedAt;
      } else roundEnd = Math.max(roundEnd, request.endedAt ?? request.startedAt);
    }
    return rounds;
  }

  /**
   * Records the request, lets its latency pass, meets the faults, then does the work with the options parsed once (or
   * as given when they do not parse: the store answers the syntax error as Dataverse does).
   */
  private async run<T>(
    request: Omit<RecordedRequest, 'startedAt'>,
    work: (options: ParsedOptions | string | undefined) => T,
  ): Promise<T> {
    const recorded: RecordedRequest = { ...request, startedAt: this.clock() };
    this.requests.push(recorded);
    const latency = (this.options.latencyMs ?? 0) + this.faults.latencyMs;
    if (this.options.realLatency) await new Promise((resolve) => setTimeout(resolve, latency));
    else {
      // Virtual time: requests issued together overlap; the next round starts after they end.
      await Promise.resolve();
    }
    recorded.endedAt = recorded.startedAt + latency;
    if (!this.options.realLatency) this.virtualTime = Math.max(this.virtualTime, recorded.endedAt);
    const parsed = parseOrUndefined(request.options);
    const operation: Operation = request.method === 'updateRecord' ? 'write' : 'read';
    const failure = this.faults.failureFor(
      this.store.schema,
      operation,
      touchedTables(this.store.schema, request.table, parsed),
      { id: FAKE_CALLER, privilegeId: privilegeIdOf },
    );
    if (failure) throw faultError(failure);
    try {
      return work(parsed ?? request.options);
    } catch (error) {
      if (error instanceof StoreError) throw xrmError(error.code, error.message, { status: error.status });
      throw error;
    }
  }

  private clock(): number {
    return this.options.realLatency ? Date.now() : this.virtualTime;
  }

  private checkXrmOptions(options: ParsedOptions | string | undefined): void {
    if (options === undefined || typeof options === 'string' || options.kind !== 'odata') return;
    const notAllowed = [...options.unsupported, ...(options.query.count !== undefined ? ['$count'] : [])].filter(
      (o) => !XRM_ALLOWED_OPTIONS.has(o),
    );
    if (notAllowed.length > 0)
      throw new StoreError(400, '0x80060888', `Xrm.WebApi does not accept ${notAllowed.join(', ')}.`);
  }

  retrieveRecord(table: string, id: string, options?: string): Promise<DataverseRecord> {
    return this.run({ method: 'retrieveRecord', table, id, options }, (parsed) => {
      this.checkXrmOptions(parsed);
      return this.store.retrieve(table, id, parsed);
    });
  }

  retrieveMultipleRecords(table: string, options?: string, maxPageSize = 5000): Promise<RetrieveMultipleResult> {
    return this.run({ method: 'retrieveMultipleRecords', table, options }, (parsed) => {
      this.checkXrmOptions(parsed);
      if (typeof parsed === 'object' && parsed.kind === 'fetch') {
        // https://learn.microsoft.com/power-apps/developer/model-driven-apps/clientapi/reference/xrm-webapi/retrievemultiplerecords:
        // a FetchXML page is the fetch's count; fetchXmlPagingCookie comes back while more rows match.
        const page = this.store.retrieveFetchPage(table, parsed);
        return {
          entities: page.rows,
          ...(page.pagingCookie !== undefined ? { fetchXmlPagingCookie: page.pagingCookie } : {}),
        };
      }
      const rows = this.store.retrieveMultiple(table, parsed);
      return rows.length > maxPageSize
        ? { entities: rows.slice(0, maxPageSize), nextLink: `fake://${table}?page=2` }
        : { entities: rows };
    });
  }

  updateRecord(table: string, id: string, data: Record<string, unknown>): Promise<{ entityType: string; id: string }> {
    return this.run({ method: 'updateRecord', table, id, data }, () => {
      this.store.update(table, id, data);
      if (schedulesTestAndEnable(table, data))
        this.store.update(table, id, attemptStamp(this.now().toISOString(), FAKE_CALLER));
      for (const hook of this.updateHooks) hook(table, id, data);
      return { entityType: table, id };
    });
  }
}

/** The options parsed, or undefined when there are none or they do not parse. */
function parseOrUndefined(options: string | undefined): ParsedOptions | undefined {
  if (options === undefined) return undefined;
  try {
    return parseQueryOptions(options);
  } catch {
    return undefined;
  }
}
