/**
 * The engine's test double for Xrm.WebApi: the in-memory Dataverse store behind the exact Xrm.WebApi surface, strict
 * like Dataverse (every table, column and navigation property checked against Microsoft's schema) and strict like
 * Xrm.WebApi (only $select, $filter, $orderby, $top, $expand and fetchXml). FetchXML is paged by the store, as the
 * emulator pages it: `fetchXmlPagingCookie` comes back while more rows match. Faults (403 on a table — also when a
 * query joins it —, 429 with Retry-After, 5xx) and per-request latency are injectable; every request is recorded.
 */
import type { DataverseRecord, RetrieveMultipleResult, WebApiPort } from '../../diagnostics';
import { fetchLinks, parseQueryOptions } from '../../diagnostics/schema/query';
import {
  DataverseStore,
  privilegeDeniedMessage,
  StoreError,
  tablePrivilege,
  type DataSet,
} from '../../sandbox/emulator/store';
import { dataverseSchema } from '../../sandbox/emulator/schema';

export interface RecordedRequest {
  method: 'retrieveRecord' | 'retrieveMultipleRecords' | 'updateRecord';
  table: string;
  id?: string;
  options?: string;
  data?: Record<string, unknown>;
  startedAt: number;
  endedAt?: number;
}

type Fault = { table: string | '*'; remaining: number; error: () => unknown };

const FAKE_CALLER = '00000000-0000-4000-8000-00000000ca11';
const FAKE_PRIVILEGE = '00000000-0000-4000-8000-0000000000b1';

const XRM_ALLOWED_OPTIONS = new Set(['$select', '$filter', '$orderby', '$top', '$expand']);

/** Xrm.WebApi reports error codes as positive decimals (0x80040220 → 2147746336). */
function xrmError(code: string, message: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { errorCode: parseInt(code, 16), message, ...extra };
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
  private readonly faults: Fault[] = [];
  private readonly updateHooks: ((table: string, id: string, data: Record<string, unknown>) => void)[] = [];
  private virtualTime = 0;

  constructor(
    data: DataSet,
    private readonly options: FakeOptions = {},
  ) {
    this.store = new DataverseStore(dataverseSchema(), data, { now: options.now });
  }

  /**
   * The user lacks read privilege on the table: Dataverse's 403 PrivilegeDenied, as Xrm.WebApi reports it, for every
   * request that reads the table or joins it (FetchXML link-entity).
   */
  deny(table: string): this {
    this.faults.push({
      table,
      remaining: Infinity,
      error: () =>
        xrmError(
          '0x80040220',
          privilegeDeniedMessage(table, tablePrivilege(table, 'read'), FAKE_CALLER, FAKE_PRIVILEGE),
          { status: 403 },
        ),
    });
    return this;
  }

  /** HTTP 429 with Retry-After (what an HTTP adapter passes through), `times` times. */
  throttle(table: string | '*', times: number, retryAfterSeconds: number): this {
    this.faults.push({
      table,
      remaining: times,
      error: () => ({
        status: 429,
        retryAfterSeconds,
        error: {
          code: '0x80072322',
          message: 'Number of requests exceeded the limit of 6000 over time window of 300 seconds.',
        },
      }),
    });
    return this;
  }

  failServer(table: string | '*', times: number): this {
    this.faults.push({
      table,
      remaining: times,
      error: () => ({ status: 500, error: { code: '0x80040216', message: 'An unexpected error occurred.' } }),
    });
    return this;
  }

  onUpdate(hook: (table: string, id: string, data: Record<string, unknown>) => void): this {
    this.updateHooks.push(hook);
    return this;
  }

  /**
   * Plays the server's asynchronous service for Test & Enable: once testemailconfigurationscheduled is set, the
   * `polls`-th read of that mailbox finds the test completed at `completedOn` with the given channel statuses.
   */
  completesTestAndEnable(
    polls: number,
    outcome: { incoming: number; outgoing: number; act: number },
    completedOn = '2026-11-27T12:03:00Z',
  ): this {
    return this.onUpdate((table, id, data) => {
      if (table !== 'mailbox' || data.testemailconfigurationscheduled !== true) return;
      let reads = 0;
      const original = this.store.retrieve.bind(this.store);
      this.store.retrieve = (t, i, o) => {
        if (t === 'mailbox' && i === id && ++reads === polls) {
          this.store.update('mailbox', id, {
            testemailconfigurationscheduled: false,
            testmailboxaccesscompletedon: completedOn,
            incomingemailstatus: outcome.incoming,
            outgoingemailstatus: outcome.outgoing,
            actstatus: outcome.act,
          });
        }
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

  private async run<T>(request: Omit<RecordedRequest, 'startedAt'>, work: () => T): Promise<T> {
    const recorded: RecordedRequest = { ...request, startedAt: this.clock() };
    this.requests.push(recorded);
    const latency = this.options.latencyMs ?? 0;
    if (this.options.realLatency) await new Promise((resolve) => setTimeout(resolve, latency));
    else {
      // Virtual time: requests issued together overlap; the next round starts after they end.
      await Promise.resolve();
    }
    recorded.endedAt = recorded.startedAt + latency;
    if (!this.options.realLatency) this.virtualTime = Math.max(this.virtualTime, recorded.endedAt);
    const tables = [request.table, ...this.joinedTables(request.options)];
    const fault = this.faults.find((f) => (f.table === '*' || tables.includes(f.table)) && f.remaining > 0);
    if (fault) {
      fault.remaining--;
      throw fault.error();
    }
    try {
      return work();
    } catch (error) {
      if (error instanceof StoreError) throw xrmError(error.code, error.message, { status: error.status });
      throw error;
    }
  }

  /** The tables a FetchXML query joins (none for OData, or for options that do not parse: the store reports those). */
  private joinedTables(options: string | undefined): string[] {
    try {
      const parsed = parseQueryOptions(options);
      return parsed.kind === 'fetch' ? fetchLinks(parsed.fetch.links).map((link) => link.name) : [];
    } catch {
      return [];
    }
  }

  private clock(): number {
    return this.options.realLatency ? Date.now() : this.virtualTime;
  }

  private checkXrmOptions(options: string | undefined): void {
    if (!options) return;
    const parsed = parseQueryOptions(options);
    if (parsed.kind === 'odata') {
      const notAllowed = [...parsed.unsupported, ...(parsed.query.count !== undefined ? ['$count'] : [])].filter(
        (o) => !XRM_ALLOWED_OPTIONS.has(o),
      );
      if (notAllowed.length > 0)
        throw new StoreError(400, '0x80060888', `Xrm.WebApi does not accept ${notAllowed.join(', ')}.`);
    }
  }

  retrieveRecord(table: string, id: string, options?: string): Promise<DataverseRecord> {
    return this.run({ method: 'retrieveRecord', table, id, options }, () => {
      this.checkXrmOptions(options);
      return this.store.retrieve(table, id, options);
    });
  }

  retrieveMultipleRecords(table: string, options?: string, maxPageSize = 5000): Promise<RetrieveMultipleResult> {
    return this.run({ method: 'retrieveMultipleRecords', table, options }, () => {
      this.checkXrmOptions(options);
      if (parseQueryOptions(options).kind === 'fetch') {
        // https://learn.microsoft.com/power-apps/developer/model-driven-apps/clientapi/reference/xrm-webapi/retrievemultiplerecords:
        // a FetchXML page is the fetch's count; fetchXmlPagingCookie comes back while more rows match.
        const page = this.store.retrieveFetchPage(table, options!);
        return {
          entities: page.rows,
          ...(page.pagingCookie !== undefined ? { fetchXmlPagingCookie: page.pagingCookie } : {}),
        };
      }
      const rows = this.store.retrieveMultiple(table, options);
      return rows.length > maxPageSize
        ? { entities: rows.slice(0, maxPageSize), nextLink: `fake://${table}?page=2` }
        : { entities: rows };
    });
  }

  updateRecord(table: string, id: string, data: Record<string, unknown>): Promise<{ entityType: string; id: string }> {
    return this.run({ method: 'updateRecord', table, id, data }, () => {
      this.store.update(table, id, data);
      for (const hook of this.updateHooks) hook(table, id, data);
      return { entityType: table, id };
    });
  }
}
