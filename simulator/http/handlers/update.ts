/**
 * PATCH `set(id)`: columns and `nav@odata.bind` checked as Dataverse checks a payload (names from Microsoft's schema,
 * literals of the column's type, option values in range), then written. Scheduling Test & Enable stamps the attempt
 * and leaves the test to the asynchronous service (test-and-enable.ts).
 */
import { LOOKUP_LOGICAL_NAME } from '../../../diagnostics';
import { attemptStamp, schedulesTestAndEnable } from '../../test-and-enable';
import { API_PATH, type EmulatorContext, type RecordRequest } from '../context';
import { annotationFilter, HttpError, type Answer } from '../protocol';
import { finishRecord } from './records';

function checkPayload(context: EmulatorContext, table: string, data: Record<string, unknown>): Record<string, unknown> {
  const { schema } = context;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    const bind = /^(.+)@odata\.bind$/.exec(key);
    if (bind) {
      const navigation = schema.navigation(table, bind[1]);
      if (!navigation || navigation.kind !== 'single') {
        throw new HttpError(
          400,
          '0x80048d19',
          `Error identified in Payload provided by the user for Entity :'${schema.table(table)?.entitySetName}', For more information on this error please follow this help link https://go.microsoft.com/fwlink/?linkid=2195293 ----> InnerException : Microsoft.OData.ODataException: An undeclared property '${bind[1]}' which only has property annotations in the payload but no property value was found in the payload.`,
        );
      }
      const target = /([A-Za-z_]+)\(([0-9a-fA-F-]{36})\)$/.exec(String(value ?? ''));
      if (value !== null && (!target || schema.tableBySetName(target[1])?.logicalName !== navigation.target)) {
        throw new HttpError(
          400,
          '0x80060888',
          `The URI '${String(value)}' in '${key}' does not address a ${navigation.target} record.`,
        );
      }
      result[`_${navigation.referencingAttribute}_value`] = target ? target[2].toLowerCase() : null;
      if (target) result[`_${navigation.referencingAttribute}_value${LOOKUP_LOGICAL_NAME}`] = navigation.target;
      continue;
    }
    if (!schema.hasProperty(table, key)) {
      throw new HttpError(
        400,
        '0x80060888',
        `Could not find a property named '${key}' on type 'Microsoft.Dynamics.CRM.${table}'.`,
      );
    }
    const column = schema.columnOf(table, key);
    const type = column?.type ?? '';
    const wrong = (expected: string) =>
      new HttpError(
        400,
        '0x80048d19',
        `Error identified in Payload provided by the user for Entity :'${schema.table(table)?.entitySetName}' ----> InnerException : Microsoft.OData.ODataException: Cannot convert the literal '${String(value)}' to the expected type '${expected}'.`,
      );
    if (value !== null) {
      if (type === 'boolean' && typeof value !== 'boolean') throw wrong('Edm.Boolean');
      if (['integer', 'picklist', 'state', 'status', 'bigint'].includes(type) && !Number.isInteger(value))
        throw wrong('Edm.Int32');
      if (['string', 'memo'].includes(type) && typeof value !== 'string') throw wrong('Edm.String');
      if (type === 'datetime' && (typeof value !== 'string' || Number.isNaN(Date.parse(value))))
        throw wrong('Edm.DateTimeOffset');
      if (
        ['picklist', 'state', 'status'].includes(type) &&
        column?.options &&
        column.options[String(value)] === undefined
      ) {
        throw new HttpError(
          400,
          '0x8004431a',
          `A validation error occurred. The value ${String(value)} of '${key}' on record of type '${table}' is outside the valid range.`,
        );
      }
    }
    result[key] = value;
  }
  return result;
}

function parseBody(rawBody: string): Record<string, unknown> {
  let data: unknown;
  try {
    data = JSON.parse(rawBody);
  } catch {
    throw new HttpError(
      400,
      '0x80048d19',
      'Error identified in Payload provided by the user: the request body is not valid JSON.',
    );
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    throw new HttpError(
      400,
      '0x80048d19',
      'Error identified in Payload provided by the user: the request body must be a JSON object.',
    );
  return data as Record<string, unknown>;
}

export function update({ context, table, id, body, prefer, applied }: RecordRequest): Answer {
  const { schema, store } = context;
  context.applyFaults('PATCH', [table.logicalName]);
  const changes = checkPayload(context, table.logicalName, parseBody(body));
  const stamp = context.now().toISOString();
  const extra: Record<string, unknown> = schema.hasProperty(table.logicalName, 'modifiedon')
    ? { modifiedon: stamp }
    : {};
  const scheduling = schedulesTestAndEnable(table.logicalName, changes);
  if (scheduling) Object.assign(extra, attemptStamp(stamp, context.callerId()));
  const annotations = Object.entries(changes).filter(([name]) => name.includes('@'));
  store.update(
    table.logicalName,
    id,
    Object.fromEntries([...Object.entries(changes).filter(([name]) => !name.includes('@')), ...Object.entries(extra)]),
  );
  Object.assign(store.find(table.logicalName, id)!, Object.fromEntries(annotations));
  context.bumpVersion(id);
  if (scheduling) context.scheduleTestAndEnable(id);
  const headers = { 'OData-EntityId': `${context.baseUrl()}${API_PATH}${table.entitySetName}(${id})` };
  if (prefer.get('return') === 'representation') {
    applied.push('return=representation');
    const row = store.retrieve(table.logicalName, id);
    return {
      status: 200,
      body: finishRecord(context, table.logicalName, row, annotationFilter(prefer), true),
      headers,
    };
  }
  return { status: 204, body: undefined, headers };
}
