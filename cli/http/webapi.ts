/**
 * The engine's port (the Xrm.WebApi subset) over the Dataverse Web API with fetch — the one HTTP adapter, used by the
 * CLI against Dataverse and by the sandbox page and scripts against the emulator (no Node imports: it runs in the
 * browser too). OData headers, annotations,
 * `Prefer: odata.maxpagesize`, paging continuations as Xrm.WebApi passes them (the query part of @odata.nextLink, or a
 * FetchXML page's paging cookie as `fetchXmlPagingCookie`), a
 * few requests in flight at most, a timeout per request, and failures thrown in the shape the engine's
 * toDataverseError reads: {status, retryAfterSeconds, error: {code, message}}. Every successful answer is checked
 * (answers.ts): what is not Dataverse's answer is an UnexpectedAnswerError, never an empty result. Retries are the
 * engine's (retry.ts): this adapter makes one attempt per call.
 */
import type { DataverseRecord, RetrieveMultipleResult, WebApiPort } from '../../diagnostics/port';
import { en } from '../../diagnostics/messages/en';
import { formatMessage } from '../../diagnostics/messages/format';
import { readAnswer, redirectError, type ExpectedAnswer } from './answers';
import { Semaphore } from './limit';

const FORMATTED_AND_LOOKUP = ['OData.Community.Display.V1.FormattedValue', 'Microsoft.Dynamics.CRM.lookuplogicalname'];
/** Lookup types only: what verdicts need. Formatted values only label evidence, which a fleet scan never prints. */
const LOOKUP_ONLY = ['Microsoft.Dynamics.CRM.lookuplogicalname'];
/**
 * A FetchXML page says whether more rows match and how to continue only when asked
 * (https://learn.microsoft.com/power-apps/developer/data-platform/fetchxml/page-results).
 */
const FETCH_PAGING = ['Microsoft.Dynamics.CRM.fetchxmlpagingcookie', 'Microsoft.Dynamics.CRM.morerecords'];
const includeAnnotations = (terms: readonly string[]) => `odata.include-annotations="${terms.join(',')}"`;
export const ANNOTATIONS = includeAnnotations(FORMATTED_AND_LOOKUP);
export const LOOKUP_ANNOTATIONS = includeAnnotations(LOOKUP_ONLY);
export const DEFAULT_PAGE_SIZE = 5000;
export const DEFAULT_TIMEOUT_MS = 120_000;
/** A few at once: a scan's first round (six shared tables and the first mailbox page) goes out together. */
export const MAX_IN_FLIGHT = 6;

export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

export const API_PATH = '/api/data/v9.2/';

export function apiUrl(environment: string): string {
  return `${environment}${API_PATH}`;
}

export interface HttpPortOptions {
  /** The environment's origin, e.g. https://contoso.crm.dynamics.com (the port appends /api/data/v9.2/). */
  environment: string;
  /** Logical name → entity set name (mailbox → mailboxes, usersettings → usersettingscollection). */
  entitySets: Readonly<Record<string, string>>;
  /** Logical name → primary key (usersettings → systemuserid): records and rows must carry it. None: not checked. */
  primaryKeys?: Readonly<Record<string, string>>;
  /** A bearer token for this environment (called before every request; cache inside). None: no Authorization header. */
  token?: () => Promise<string>;
  /** Default: the global fetch. */
  fetch?: Fetch;
  maxInFlight?: number;
  timeoutMs?: number;
  /** Page size when the caller gives none (Xrm.WebApi's default is 5,000). */
  pageSize?: number;
  /** false: ask for lookup annotations only (half the payload of a mailbox page). Default true, as Xrm.WebApi. */
  formattedValues?: boolean;
  /**
   * Rows a fleet scan holds for its whole run (every alert of the week, say): kept without their ETag (a scan never
   * writes), and each long text that repeats — 100,000 mailboxes failing with the same alert — held once.
   */
  lean?: boolean;
  /** Called after each page of rows is read (a host may collect garbage here: a scan reads many pages in a row). */
  afterPage?: () => void;
  /** Called once per HTTP request sent (for counting; nothing secret is passed). */
  onRequest?: (info: { method: string; table: string }) => void;
}

/** The error shape toDataverseError reads. */
export interface HttpFailure {
  status: number;
  retryAfterSeconds?: number;
  error: { code?: string; message: string };
}

function failure(status: number, message: string, code?: string, retryAfterSeconds?: number): HttpFailure {
  return {
    status,
    ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
    error: { ...(code ? { code } : {}), message },
  };
}

/**
 * Texts at least this long are held once however many rows repeat them (alert texts, errors; not ids or names), and so
 * are annotations (a lookup's table name, an option's label: a handful of values on every row).
 */
const SHARED_TEXT_MIN = 64;
/** Distinct texts remembered for sharing: beyond this, new ones are kept as they come (bounded memory either way). */
const SHARED_TEXT_LIMIT = 10_000;

/** Leaner rows for a scan: no ETag; a long text or an annotation equal to one seen before is that same string. */
export class RowCompactor {
  private readonly texts = new Map<string, string>();

  private shared(text: string, annotation: boolean): string {
    if (text.length < SHARED_TEXT_MIN && !annotation) return text;
    const known = this.texts.get(text);
    if (known !== undefined) return known;
    if (this.texts.size < SHARED_TEXT_LIMIT) this.texts.set(text, text);
    return text;
  }

  compact(rows: DataverseRecord[]): DataverseRecord[] {
    return rows.map((row) => {
      // A new object rather than `delete`: deleting a property leaves V8 objects in their larger dictionary form.
      const lean: DataverseRecord = {};
      for (const key of Object.keys(row)) {
        if (key === '@odata.etag') continue;
        const value = row[key];
        lean[key] = typeof value === 'string' ? this.shared(value, key.includes('@')) : value;
      }
      return lean;
    });
  }
}

/**
 * The body as text, decoded chunk by chunk as it arrives. response.text() first gathers the whole body into one buffer
 * (a mailbox page is megabytes): outside the JS heap, and the C allocator keeps such freed blocks, so a scan's resident
 * memory grew with each page it read.
 */
export async function bodyText(response: Response): Promise<string> {
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join('');
}

/** Retry-After is seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/** What a network failure was, without any URL (undici puts the cause's code on `cause`). */
export function networkReason(error: unknown): string {
  // Duck-typed: errors from fetch may come from another realm (a test VM), where instanceof Error is false.
  const e =
    typeof error === 'object' && error !== null ? (error as { name?: unknown; code?: unknown; cause?: unknown }) : {};
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return 'timeout';
  const cause = typeof e.cause === 'object' && e.cause !== null ? (e.cause as { code?: unknown; name?: unknown }) : {};
  if (cause.name === 'TimeoutError') return 'timeout';
  const code = typeof cause.code === 'string' ? cause.code : typeof e.code === 'string' ? e.code : undefined;
  return code && /^[A-Z_]+$/.test(code) ? code : 'network error';
}

/** Options as Xrm.WebApi takes them: '?$select=...' or '$select=...'; '#' would end the URL, so it is encoded. */
function queryPart(options: string | undefined): string {
  if (!options) return '';
  const text = options.startsWith('?') ? options.slice(1) : options;
  return text === '' ? '' : `?${text.replace(/#/g, '%23')}`;
}

/**
 * The port, plus GET of any path under /api/data/v9.2/ that is not a table's rows: functions (WhoAmI, RetrieveVersion,
 * bound functions such as RetrieveUserSetOfPrivilegesByNames) and metadata (EntityDefinitions). The answer is the
 * parsed JSON body — an object, carrying the function's documented property (answers.ts) —; failures are thrown in
 * the same shape as the port's.
 */
export interface HttpPort extends WebApiPort {
  get(path: string): Promise<unknown>;
}

/** `systemusers(x)/Microsoft.Dynamics.CRM.RetrieveUserSetOfPrivilegesByNames(...)?@p=...` → RetrieveUserSetOfPrivilegesByNames. */
export function operationName(path: string): string {
  const last = path.split('?')[0].split('/').pop() ?? '';
  return last.replace(/^Microsoft\.Dynamics\.CRM\./, '').replace(/\(.*$/, '');
}

export function createHttpPort(options: HttpPortOptions): HttpPort {
  const base = apiUrl(options.environment);
  const limit = new Semaphore(options.maxInFlight ?? MAX_IN_FLIGHT);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const host = new URL(options.environment).host;
  const annotationTerms = options.formattedValues === false ? LOOKUP_ONLY : FORMATTED_AND_LOOKUP;
  const annotations = includeAnnotations(annotationTerms);
  const compactor = options.lean ? new RowCompactor() : undefined;

  const setOf = (logicalName: string): string => {
    const set = options.entitySets[logicalName];
    if (!set) throw failure(404, `The table '${logicalName}' has no Web API entity set.`);
    return set;
  };

  async function send(
    method: string,
    table: string,
    url: string,
    prefer: string | undefined,
    expected: ExpectedAnswer,
    body?: unknown,
  ): Promise<unknown> {
    const token = options.token ? await options.token() : undefined;
    const doFetch = options.fetch ?? ((input: string, init: RequestInit) => fetch(input, init));
    return limit.run(async () => {
      options.onRequest?.({ method, table });
      const headers: Record<string, string> = {
        Accept: 'application/json',
        'OData-Version': '4.0',
        'OData-MaxVersion': '4.0',
        ...(token !== undefined ? { Authorization: `Bearer ${token}` } : {}),
      };
      if (prefer) headers.Prefer = prefer;
      if (body !== undefined) {
        headers['Content-Type'] = 'application/json; charset=utf-8';
        headers['If-Match'] = '*';
      }
      let response: Response;
      let text: string;
      try {
        response = await doFetch(url, {
          method,
          headers,
          ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
          signal: AbortSignal.timeout(timeoutMs),
          // A redirect is an answer to report (answers.ts), not one to follow.
          redirect: 'manual',
        });
        text = await bodyText(response);
      } catch (error) {
        const reason = networkReason(error);
        throw failure(
          0,
          reason === 'timeout'
            ? formatMessage({ key: 'cli.http.timeout', params: { host, seconds: Math.round(timeoutMs / 1000) } }, en)
            : formatMessage({ key: 'cli.http.network', params: { host, reason } }, en),
        );
      }
      if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400))
        throw redirectError(response.status, response.headers.get('Location'), url);
      if (response.ok) return readAnswer(response.status, response.headers.get('Content-Type'), text, expected);
      let parsed: unknown = undefined;
      if (text !== '') {
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = undefined;
        }
      }
      const error = (parsed as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
      const code = typeof error?.code === 'string' ? error.code : undefined;
      const serverMessage = typeof error?.message === 'string' && error.message !== '' ? error.message : undefined;
      const status = response.status;
      const fallback =
        status === 401
          ? formatMessage({ key: 'cli.http.401', params: { host } }, en)
          : status === 403
            ? formatMessage({ key: 'cli.http.403', params: { host } }, en)
            : status === 404
              ? formatMessage({ key: 'cli.http.404', params: { host } }, en)
              : formatMessage({ key: 'cli.http.status', params: { host, status } }, en);
      throw failure(
        status,
        status === 401 ? fallback : (serverMessage ?? fallback),
        code,
        parseRetryAfter(response.headers.get('Retry-After')),
      );
    });
  }

  return {
    async retrieveRecord(entityLogicalName, id, query) {
      const set = setOf(entityLogicalName);
      const url = `${base}${set}(${encodeURIComponent(id.replace(/[{}]/g, ''))})${queryPart(query)}`;
      return (await send('GET', entityLogicalName, url, annotations, {
        kind: 'record',
        set,
        primaryKey: options.primaryKeys?.[entityLogicalName],
      })) as DataverseRecord;
    },
    async retrieveMultipleRecords(entityLogicalName, query, maxPageSize): Promise<RetrieveMultipleResult> {
      const size = maxPageSize ?? options.pageSize ?? DEFAULT_PAGE_SIZE;
      const set = setOf(entityLogicalName);
      const url = `${base}${set}${queryPart(query)}`;
      // FetchXML rows may be aggregates (no primary key); OData rows always carry theirs. A FetchXML page is its count
      // (odata.maxpagesize does not apply) and continues by paging cookie, returned as Xrm.WebApi returns it.
      const isFetch = /(^|[?&])fetchXml=/.test(query ?? '');
      const primaryKey = isFetch ? undefined : options.primaryKeys?.[entityLogicalName];
      const prefer = isFetch
        ? includeAnnotations([...annotationTerms, ...FETCH_PAGING])
        : `odata.maxpagesize=${size},${annotations}`;
      const body = (await send('GET', entityLogicalName, url, prefer, { kind: 'collection', set, primaryKey })) as {
        value: DataverseRecord[];
        '@odata.nextLink'?: unknown;
        '@Microsoft.Dynamics.CRM.fetchxmlpagingcookie'?: unknown;
        '@Microsoft.Dynamics.CRM.morerecords'?: unknown;
      };
      const result: RetrieveMultipleResult = { entities: compactor ? compactor.compact(body.value) : body.value };
      if (typeof body['@odata.nextLink'] === 'string') result.nextLink = body['@odata.nextLink'];
      const cookie = body['@Microsoft.Dynamics.CRM.fetchxmlpagingcookie'];
      if (body['@Microsoft.Dynamics.CRM.morerecords'] === true && typeof cookie === 'string')
        result.fetchXmlPagingCookie = cookie;
      options.afterPage?.();
      return result;
    },
    async updateRecord(entityLogicalName, id, data) {
      const cleanId = id.replace(/[{}]/g, '');
      await send(
        'PATCH',
        entityLogicalName,
        `${base}${setOf(entityLogicalName)}(${encodeURIComponent(cleanId)})`,
        undefined,
        { kind: 'write' },
        data,
      );
      return { entityType: entityLogicalName, id: cleanId };
    },
    async get(path) {
      return send('GET', /^[^(/?]*/.exec(path)?.[0] ?? '', `${base}${path}`, undefined, {
        kind: 'function',
        name: operationName(path),
      });
    },
  };
}
