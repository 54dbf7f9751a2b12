/**
 * Routes a Web API request (`/api/data/v9.2/…`) to its handler: the service document, an unbound operation, an entity
 * set (`set`, `set/$count`), a record (`set(id)`: GET, PATCH), a bound operation or a navigation of a record. It takes
 * the request apart once: each handler takes the resulting request (context.ts) and reads what it needs.
 */
import type { IncomingMessage } from 'node:http';
import { normalizeGuid } from '../../diagnostics';
import { METADATA_OPERATIONS, type SchemaTable } from '../strictness';
import { API_PATH, type EmulatorContext, type HandlerRequest, type RecordRequest } from './context';
import { answerBoundOperation, answerOperation, serviceDocument } from './handlers/operations';
import { countRows, retrieveCollection, retrieveOne, retrieveRelated } from './handlers/records';
import { update } from './handlers/update';
import { decodeURIComponentSafe, HttpError, parsePrefer, type Answer } from './protocol';

function tableOfSet(context: EmulatorContext, segment: string): SchemaTable {
  const table = context.schema.tableBySetName(segment);
  if (!table) throw new HttpError(404, '0x80060888', `Resource not found for the segment '${segment}'.`);
  return table;
}

/** The answer to one request (a handler's HttpError or StoreError propagates: the server answers it). */
export function route(context: EmulatorContext, incoming: IncomingMessage, rawBody: string): Answer {
  const url = new URL(incoming.url ?? '/', 'http://localhost');
  const method = (incoming.method ?? 'GET').toUpperCase();
  if (!url.pathname.startsWith(API_PATH.slice(0, -1)))
    throw new HttpError(404, '0x80060888', `Resource not found for the segment '${url.pathname}'.`);
  const rest = decodeURIComponentSafe(url.pathname.slice(API_PATH.length));
  const prefer = parsePrefer(incoming.headers.prefer);
  const applied: string[] = [];
  if (prefer.has('odata.include-annotations'))
    applied.push(`odata.include-annotations="${prefer.get('odata.include-annotations')}"`);
  const finish = (answer: Answer, table?: string): Answer => {
    const headers: Record<string, string> = applied.length > 0 ? { 'Preference-Applied': applied.join(',') } : {};
    return { ...answer, headers: { ...headers, ...(answer.headers ?? {}) }, table };
  };
  const search = url.search.replace(/^\?/, '');
  const request: HandlerRequest = { context, method, search, body: rawBody, prefer, applied };
  if (rest === '' || rest === '/') return finish(serviceDocument(request));
  const call = /^([A-Za-z]+)(?:\((.*)\))?$/.exec(rest);
  const unbound = call ? METADATA_OPERATIONS[call[1]] : undefined;
  if (call && unbound && !unbound.boundTo) {
    if (method !== 'GET')
      throw new HttpError(405, '0x80060888', `The HTTP method ${method} is not allowed on '${unbound.name}'.`);
    return finish(answerOperation(request, unbound, call[2] ?? ''));
  }
  const match = /^([A-Za-z_][A-Za-z0-9_]*)(?:\(([^)]*)\))?(?:\/(.+))?$/.exec(rest);
  if (!match) throw new HttpError(404, '0x80060888', `Resource not found for the segment '${rest}'.`);
  const [, setName, key, tail] = match;
  const table = tableOfSet(context, setName);
  if (key === undefined) {
    if (method !== 'GET')
      throw new HttpError(405, '0x80060888', `The emulator does not support ${method} on a collection.`);
    if (tail === '$count') return finish(countRows({ ...request, table }), table.logicalName);
    if (tail !== undefined) throw new HttpError(404, '0x80060888', `Resource not found for the segment '${tail}'.`);
    return finish(retrieveCollection({ ...request, table }), table.logicalName);
  }
  const id = normalizeGuid(key);
  if (id === null) {
    throw new HttpError(
      400,
      '0x80060888',
      `Bad Request - Error in query syntax: the key '${key}' is not a GUID (alternate keys are not supported by the emulator).`,
    );
  }
  const record: RecordRequest = { ...request, table, id };
  if (tail !== undefined) {
    if (method !== 'GET')
      throw new HttpError(405, '0x80060888', `The emulator does not support ${method} on '${tail}'.`);
    const bound = /^Microsoft\.Dynamics\.CRM\.([A-Za-z]+)\((.*)\)$/.exec(tail);
    if (bound) {
      const operation = METADATA_OPERATIONS[bound[1]];
      if (!operation || operation.boundTo !== table.logicalName)
        throw new HttpError(404, '0x80060888', `Resource not found for the segment '${tail}'.`);
      return finish(answerBoundOperation(record, operation, bound[2]), table.logicalName);
    }
    return finish(retrieveRelated(record, tail), table.logicalName);
  }
  if (method === 'GET') return finish(retrieveOne(record), table.logicalName);
  if (method === 'PATCH') return finish(update(record), table.logicalName);
  throw new HttpError(405, '0x80060888', `The emulator does not support ${method} on a record.`);
}
