/**
 * The embedded Dataverse emulator: a Node HTTP server, started in-process, that serves the Web API subset the product
 * uses (`/api/data/v9.2/`) over the in-memory DataverseStore, strict through Microsoft's schema.
 *
 * API (small on purpose; the sandbox page, the e2e tests and the CLI's tests all use it):
 *
 *   const emulator = await startEmulator({ data, testEnableOutcomes?, port?: 0, now?, testEnableDelayMs?,
 *                                          requireToken?, cors?, callerId? });
 *   emulator.url          environment URL, e.g. "http://127.0.0.1:53123" (what a user would pass as --url)
 *   emulator.apiUrl       `${url}/api/data/v9.2/`
 *   emulator.store        the DataverseStore (read or seed rows directly in tests)
 *   emulator.requests     every request answered: {method, url, table?, status, body?} — the token is never recorded
 *   emulator.faults       the simulator's faults (faults.ts, the same API as the jest fake's): throttle, deny,
 *                         serverError, latency, clear
 *   emulator.whenIdle()   resolves when no Test & Enable is pending
 *   emulator.close()      stops the server and pending Test & Enable timers
 *
 * Supported requests: GET `set` (collection: $select, $filter, $orderby, $top, $expand with nested options, $count,
 * fetchXml — aggregates up to 50,000 rows, outer and inner link-entity joins, nested, and paging by count, page and
 * paging-cookie, the cookie and @Microsoft.Dynamics.CRM.morerecords returned as annotations), GET `set/$count`, GET `set(id)`, GET `set(id)/navigation`, PATCH `set(id)` (columns, `nav@odata.bind`),
 * GET `WhoAmI`, GET the service document, and the metadata operations the strictness rules accept
 * (METADATA_OPERATIONS): `EntityDefinitions(LogicalName='…')` ($select, $expand=Attributes($select=…)), `RetrieveVersion`,
 * `RetrieveEntityRibbon(EntityName='…',RibbonLocationFilter=Microsoft.Dynamics.CRM.RibbonLocationFilters'Form')`, and
 * `systemusers(id)/Microsoft.Dynamics.CRM.RetrieveUserSetOfPrivilegesByNames(PrivilegeNames=@p1)?@p1=[…]` (the caller
 * holds options.platform.callerPrivileges, or every privilege row at Global; a deny() fault takes away the privilege
 * it names). The privilege table is seeded from platform.ts when the data set has none.
 * Paging: `Prefer: odata.maxpagesize=N` → `@odata.nextLink` (absolute URL,
 * opaque `$skiptoken`). `$count=true` → `@odata.count`, capped at 5000 like Dataverse. Annotations
 * (`@OData.Community.Display.V1.FormattedValue`, `@Microsoft.Dynamics.CRM.lookuplogicalname`,
 * `@Microsoft.Dynamics.CRM.associatednavigationproperty`) only when asked with
 * `Prefer: odata.include-annotations="*"` (or a list, with `Namespace.*` wildcards); applied preferences are echoed in
 * `Preference-Applied`. Errors use Dataverse's body `{"error":{"code":"0x…","message":"…"}}`.
 *
 * Test & Enable: PATCH mailboxes(id) {testemailconfigurationscheduled: true} → after testEnableDelayMs the test runs
 * as test-and-enable.ts plays it, with testEnableOutcomes[id] (default: success, or failure with the approval alert when
 * the mailbox is not approved and the organization requires approval).
 *
 * The server is this file; router.ts routes a request to handlers/ (records, update, operations), which share the
 * state in context.ts.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Faults } from '../faults';
import { defaultPlatform, privilegeIdOf, privilegeRows, type PlatformFixture } from '../platform';
import { QuerySyntaxError } from '../query';
import { dataverseSchema } from '../schema';
import { DataverseStore, StoreError, type DataSet } from '../store';
import type { SchemaIndex } from '../strictness';
import { completeTestAndEnable, type TestEnableOutcome } from '../test-and-enable';
import { API_PATH, type EmulatorContext } from './context';
import { HttpError, type Answer } from './protocol';
import { route } from './router';

export { API_PATH } from './context';
export { COUNT_LIMIT } from './handlers/records';

export interface EmulatorOptions {
  data: DataSet;
  testEnableOutcomes?: Record<string, TestEnableOutcome>;
  /** 0 (default) picks a free port. The server listens on 127.0.0.1 only. */
  port?: number;
  now?: () => Date;
  /** How long Test & Enable takes (default 3000 ms). */
  testEnableDelayMs?: number;
  /** Require `Authorization: Bearer <any token>`, or with a string that token only (as Dataverse accepts only a token
   * issued for it); 401 otherwise. */
  requireToken?: boolean | string;
  /** Answer CORS preflights and add CORS headers (the sandbox page runs on another local port). */
  cors?: boolean;
  /** The systemuserid WhoAmI returns (default: the first systemuser row). */
  callerId?: string;
  schema?: SchemaIndex;
  /** Version, Mailbox metadata and ribbons, the caller's privileges (platform.ts); each part given replaces the default. */
  platform?: Partial<PlatformFixture>;
}

export interface RecordedRequest {
  method: string;
  /** Path and query as received. */
  url: string;
  /** Logical name of the table addressed, when there is one. */
  table?: string;
  status: number;
  body?: unknown;
}

export interface Emulator {
  url: string;
  apiUrl: string;
  store: DataverseStore;
  requests: RecordedRequest[];
  faults: Faults;
  whenIdle(): Promise<void>;
  close(): Promise<void>;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Dataverse's error body for what a request failed with (anything unexpected is a 500 naming it). */
function errorAnswer(error: unknown): Answer {
  const body = (code: string, message: string) => ({ error: { code, message } });
  if (error instanceof HttpError)
    return { status: error.status, body: body(error.code, error.message), headers: error.headers };
  if (error instanceof StoreError) return { status: error.status, body: body(error.code, error.message) };
  if (error instanceof QuerySyntaxError) return { status: 400, body: body('0x80060888', error.message) };
  return {
    status: 500,
    body: body('0x80040216', `An unexpected error occurred: ${error instanceof Error ? error.message : String(error)}`),
  };
}

export async function startEmulator(options: EmulatorOptions): Promise<Emulator> {
  const schema = options.schema ?? dataverseSchema();
  const now = options.now ?? (() => new Date());
  const store = new DataverseStore(schema, options.data, { now });
  const outcomes = options.testEnableOutcomes ?? {};
  const testEnableDelayMs = options.testEnableDelayMs ?? 3000;
  const requests: RecordedRequest[] = [];
  const faults = new Faults();
  const timers = new Set<NodeJS.Timeout>();
  const idleWaiters: (() => void)[] = [];
  const versions = new Map<string, number>();
  if ((store.tables.privilege ?? []).length === 0) store.tables.privilege = privilegeRows();
  let baseUrl = '';

  const callerId = () =>
    options.callerId ?? String(store.tables.systemuser?.[0]?.systemuserid ?? '00000000-0000-0000-0000-000000000000');
  const bumpVersion = (id: string) => versions.set(id.toLowerCase(), (versions.get(id.toLowerCase()) ?? 1000000) + 1);

  const context: EmulatorContext = {
    schema,
    store,
    faults,
    platform: { ...defaultPlatform(), ...options.platform },
    now,
    baseUrl: () => baseUrl,
    callerId,
    etagOf: (id) => `W/"${versions.get(id.toLowerCase()) ?? 1000000}"`,
    bumpVersion,
    applyFaults(method, tables) {
      const operation = method === 'GET' ? 'read' : 'write';
      const failure = faults.failureFor(schema, operation, tables, { id: callerId(), privilegeId: privilegeIdOf });
      if (!failure) return;
      const headers: Record<string, string> =
        failure.retryAfterSeconds !== undefined ? { 'Retry-After': String(failure.retryAfterSeconds) } : {};
      throw new HttpError(failure.status, failure.code, failure.message, headers);
    },
    scheduleTestAndEnable(id) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        const outcome = outcomes[id.toLowerCase()] ?? outcomes[id];
        if (completeTestAndEnable(store, id, outcome, now().toISOString())) bumpVersion(id);
        if (timers.size === 0) idleWaiters.splice(0).forEach((resolve) => resolve());
      }, testEnableDelayMs);
      timers.add(timer);
    },
  };

  /** 401 without the bearer token required: the challenge names where to sign in. */
  function unauthorized(request: http.IncomingMessage): Answer | undefined {
    const bearer = /^Bearer\s+(\S+)/i.exec(request.headers.authorization ?? '')?.[1];
    const accepted = typeof options.requireToken === 'string' ? bearer === options.requireToken : bearer !== undefined;
    if (!options.requireToken || accepted) return undefined;
    return {
      status: 401,
      body: undefined,
      headers: {
        'WWW-Authenticate': `Bearer authorization_uri=https://login.microsoftonline.com/common/oauth2/authorize, resource_id=${baseUrl}/`,
      },
    };
  }

  async function answer(request: http.IncomingMessage, rawBody: string): Promise<Answer> {
    try {
      if (faults.latencyMs > 0) await sleep(faults.latencyMs);
      return unauthorized(request) ?? route(context, request, rawBody);
    } catch (error) {
      return errorAnswer(error);
    }
  }

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const method = (request.method ?? 'GET').toUpperCase();
      const cors: Record<string, string> = {};
      if (options.cors && request.headers.origin) {
        cors['Access-Control-Allow-Origin'] = request.headers.origin;
        cors['Access-Control-Expose-Headers'] = 'Preference-Applied, Retry-After, OData-EntityId, WWW-Authenticate';
        cors.Vary = 'Origin';
      }
      if (method === 'OPTIONS' && options.cors) {
        response.writeHead(204, {
          ...cors,
          'Access-Control-Allow-Methods': 'GET, PATCH, OPTIONS',
          'Access-Control-Allow-Headers':
            'Authorization, Content-Type, Prefer, If-Match, OData-Version, OData-MaxVersion, Accept',
          'Access-Control-Max-Age': '600',
        });
        response.end();
        return;
      }
      const record: RecordedRequest = { method, url: request.url ?? '/', status: 0 };
      if (method === 'PATCH') {
        try {
          record.body = JSON.parse(rawBody);
        } catch {
          record.body = rawBody;
        }
      }
      requests.push(record);
      void answer(request, rawBody).then((result) => {
        record.status = result.status;
        if (result.table) record.table = result.table;
        const text =
          result.body === undefined ? '' : typeof result.body === 'string' ? result.body : JSON.stringify(result.body);
        const headers = result.headers ?? {};
        const contentType =
          headers['Content-Type'] ??
          (text === '' ? undefined : 'application/json; odata.metadata=minimal; charset=utf-8');
        const out: Record<string, string> = { 'OData-Version': '4.0', ...cors, ...headers };
        if (contentType) out['Content-Type'] = contentType;
        response.writeHead(result.status, out);
        response.end(text);
      });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${address.port}`;

  return {
    url: baseUrl,
    apiUrl: `${baseUrl}${API_PATH}`,
    store,
    requests,
    faults,
    whenIdle: () => (timers.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => idleWaiters.push(resolve))),
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      idleWaiters.splice(0).forEach((resolve) => resolve());
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
