/**
 * A WebApiPort (the Xrm.WebApi subset the engine uses) over raw HTTP with `fetch`: the sandbox page's `context.webAPI`
 * and the sandbox's Node scripts talk to the emulator through it. It behaves like Xrm.WebApi: logical names in,
 * `Prefer: odata.include-annotations="*"` always, `{entities, nextLink}` from retrieveMultipleRecords (pass the
 * nextLink's query back as options for the next page), and failures rejected as Xrm's ErrorResponse
 * `{errorCode (unsigned decimal), message}` — plus `code` (hex), `status` and `retryAfterSeconds`, which the engine's
 * error normalisation reads and Xrm does not give.
 *
 * Runs in the browser and in Node (no Node or DOM imports).
 */
import type { DataverseRecord, RetrieveMultipleResult, WebApiPort } from '../diagnostics/port';

export interface HttpWebApiOptions {
  /** `${environmentUrl}/api/data/v9.2/` */
  apiUrl: string;
  /** logical name → entity set name (`mailbox` → `mailboxes`, `usersettings` → `usersettingscollection`). */
  entitySets: Record<string, string>;
  token?: string;
  fetch?: typeof fetch;
}

export interface HttpWebApiError {
  errorCode: number;
  code: string;
  message: string;
  status: number;
  retryAfterSeconds?: number;
}

export function createHttpWebApi(options: HttpWebApiOptions): WebApiPort {
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const base = options.apiUrl.endsWith('/') ? options.apiUrl : `${options.apiUrl}/`;

  const setOf = (logicalName: string): string => {
    const set = options.entitySets[logicalName];
    if (!set) throw rejection(404, '0x80060888', `Resource not found for the segment '${logicalName}'.`);
    return set;
  };

  const headers = (extra: Record<string, string> = {}): Record<string, string> => ({
    Accept: 'application/json',
    'OData-Version': '4.0',
    'OData-MaxVersion': '4.0',
    Prefer: 'odata.include-annotations="*"',
    ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
    ...extra,
  });

  async function send(url: string, init: RequestInit): Promise<unknown> {
    let response: Response;
    try {
      response = await doFetch(url, init);
    } catch (error) {
      throw { errorCode: 0, code: '', message: `The request could not be sent: ${error instanceof Error ? error.message : String(error)}`, status: 0 } satisfies HttpWebApiError;
    }
    const text = await response.text();
    let body: unknown = undefined;
    if (text !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    if (!response.ok) {
      const error = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
      const retryAfter = Number(response.headers.get('Retry-After'));
      throw rejection(response.status, error?.code ?? '', error?.message ?? `HTTP ${response.status}`, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined);
    }
    return body;
  }

  const query = (options?: string) => (options ? (options.startsWith('?') ? options : `?${options}`) : '');

  return {
    async retrieveRecord(entityLogicalName, id, options) {
      return (await send(`${base}${setOf(entityLogicalName)}(${id.replace(/[{}]/g, '')})${query(options)}`, { headers: headers() })) as DataverseRecord;
    },
    async retrieveMultipleRecords(entityLogicalName, options, maxPageSize): Promise<RetrieveMultipleResult> {
      const extra: Record<string, string> = maxPageSize ? { Prefer: `odata.include-annotations="*",odata.maxpagesize=${maxPageSize}` } : {};
      const body = (await send(`${base}${setOf(entityLogicalName)}${query(options)}`, { headers: headers(extra) })) as { value: DataverseRecord[]; '@odata.nextLink'?: string };
      const result: RetrieveMultipleResult = { entities: body.value };
      if (body['@odata.nextLink']) result.nextLink = body['@odata.nextLink'];
      return result;
    },
    async updateRecord(entityLogicalName, id, data) {
      const cleanId = id.replace(/[{}]/g, '');
      await send(`${base}${setOf(entityLogicalName)}(${cleanId})`, {
        method: 'PATCH',
        headers: headers({ 'Content-Type': 'application/json', 'If-Match': '*' }),
        body: JSON.stringify(data),
      });
      return { entityType: entityLogicalName, id: cleanId };
    },
  };
}

function rejection(status: number, code: string, message: string, retryAfterSeconds?: number): HttpWebApiError {
  const numeric = /^0x[0-9a-f]+$/i.test(code) ? parseInt(code.slice(2), 16) : 0;
  const error: HttpWebApiError = { errorCode: numeric, code, message, status };
  if (retryAfterSeconds !== undefined) error.retryAfterSeconds = retryAfterSeconds;
  return error;
}
