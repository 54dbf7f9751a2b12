/**
 * The service document, WhoAmI and the metadata operations the strictness rules accept (METADATA_OPERATIONS):
 * EntityDefinitions, RetrieveVersion, RetrieveEntityRibbon and the bound RetrieveUserSetOfPrivilegesByNames. The
 * answers come from the platform fixture (platform.ts) and Microsoft's schema.
 */
import type { PrivilegeDepth } from '../../platform';
import { compressRibbon } from '../../platform';
import { parseQueryOptions } from '../../query';
import { StoreError } from '../../store';
import {
  isViolation,
  parseOperationCall,
  validateMetadataQuery,
  type MetadataOperation,
  type OperationArguments,
} from '../../strictness';
import { API_PATH, type EmulatorContext, type HandlerRequest, type RecordRequest } from '../context';
import { HttpError, type Answer } from '../protocol';
import { odataQuery } from './records';

/** AttributeMetadata's AttributeType (AttributeTypeCode names) from the schema's lower-case type. */
const ATTRIBUTE_TYPES: Record<string, string> = {
  string: 'String',
  memo: 'Memo',
  lookup: 'Lookup',
  owner: 'Owner',
  customer: 'Customer',
  picklist: 'Picklist',
  state: 'State',
  status: 'Status',
  boolean: 'Boolean',
  datetime: 'DateTime',
  integer: 'Integer',
  bigint: 'BigInt',
  uniqueidentifier: 'Uniqueidentifier',
  decimal: 'Decimal',
  money: 'Money',
  double: 'Double',
  managedproperty: 'ManagedProperty',
  entityname: 'EntityName',
};

function attributeTypeOf(type: string | null | undefined): string {
  return ATTRIBUTE_TYPES[type ?? ''] ?? 'Virtual';
}

/** A stable GUID-shaped id for a metadata item, so repeated answers agree. */
function metadataIdOf(key: string): string {
  let hash = 2166136261;
  const hex: string[] = [];
  for (let round = 0; round < 4; round++) {
    for (const ch of `${round}:${key}`) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619) >>> 0;
    hex.push(hash.toString(16).padStart(8, '0'));
  }
  const all = hex.join('');
  return `${all.slice(0, 8)}-${all.slice(8, 12)}-4${all.slice(13, 16)}-8${all.slice(17, 20)}-${all.slice(20, 32)}`;
}

/** GET the service document: every entity set of Microsoft's schema. */
export function serviceDocument({ context, method }: HandlerRequest): Answer {
  if (method !== 'GET')
    throw new HttpError(405, '0x80060888', 'The HTTP method is not allowed on the service document.');
  const value = Object.values(context.schema.schema.tables)
    .filter((t) => t.entitySetName)
    .map((t) => ({ name: t.entitySetName, kind: 'EntitySet', url: t.entitySetName }));
  return { status: 200, body: { '@odata.context': `${context.baseUrl()}${API_PATH}$metadata`, value } };
}

function operationArguments(operation: MetadataOperation, argumentText: string, search: string): OperationArguments {
  const aliases = Object.fromEntries([...new URLSearchParams(search)].filter(([name]) => name.startsWith('@')));
  const parsed = parseOperationCall(operation, argumentText, aliases);
  if (isViolation(parsed)) throw new HttpError(parsed.status, parsed.code, parsed.message);
  return parsed;
}

function whoAmI(context: EmulatorContext): Record<string, unknown> {
  const { store } = context;
  const organization = store.tables.organization?.[0];
  const callerId = context.callerId();
  const user = (store.tables.systemuser ?? []).find(
    (u) => String(u.systemuserid).toLowerCase() === callerId.toLowerCase(),
  );
  return {
    '@odata.context': `${context.baseUrl()}${API_PATH}$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse`,
    BusinessUnitId: (user?._businessunitid_value as string | undefined) ?? '00000000-0000-0000-0000-000000000001',
    UserId: callerId,
    OrganizationId: (organization?.organizationid as string | undefined) ?? '00000000-0000-0000-0000-000000000002',
  };
}

/**
 * ASSUMPTION: Dataverse's answer for a table it does not know, in metadata calls (the message the Organization
 * service gives for a name missing from its metadata cache).
 */
function unknownEntity(name: string): HttpError {
  return new HttpError(
    404,
    '0x80040217',
    `The entity with a name = '${name}' with namemapping = 'Logical' was not found in the MetadataCache.`,
  );
}

/** An unbound operation: WhoAmI, RetrieveVersion, RetrieveEntityRibbon or EntityDefinitions(LogicalName='…'). */
export function answerOperation(
  { context, search }: HandlerRequest,
  operation: MetadataOperation,
  argumentText: string,
): Answer {
  const { platform, schema } = context;
  const args = operationArguments(operation, argumentText, search);
  // WhoAmI answers even under faults, as before: tests count the faulted requests to tables and functions.
  if (operation.name !== 'WhoAmI') context.applyFaults('GET', []);
  const metadata = `${context.baseUrl()}${API_PATH}$metadata#`;
  switch (operation.name) {
    case 'WhoAmI':
      return { status: 200, body: whoAmI(context) };
    // https://learn.microsoft.com/power-apps/developer/data-platform/webapi/reference/retrieveversionresponse
    case 'RetrieveVersion':
      return {
        status: 200,
        body: {
          '@odata.context': `${metadata}Microsoft.Dynamics.CRM.RetrieveVersionResponse`,
          Version: platform.version,
        },
      };
    // https://learn.microsoft.com/power-apps/developer/data-platform/webapi/reference/retrieveentityribbonresponse
    case 'RetrieveEntityRibbon': {
      const entity = String(args.EntityName);
      if (!schema.table(entity) && !platform.entities[entity]) throw unknownEntity(entity);
      const xml = platform.ribbons[entity]?.[args.RibbonLocationFilter as 'Form'];
      if (xml === undefined)
        throw new HttpError(
          500,
          '0x80040216',
          `The emulator has no ${String(args.RibbonLocationFilter)} ribbon fixture for '${entity}'.`,
        );
      return {
        status: 200,
        body: {
          '@odata.context': `${metadata}Microsoft.Dynamics.CRM.RetrieveEntityRibbonResponse`,
          CompressedEntityXml: compressRibbon(xml),
        },
      };
    }
    default:
      return entityDefinition(context, operation, String(args.LogicalName), search);
  }
}

/** EntityDefinitions(LogicalName='…'): EntityMetadata (https://learn.microsoft.com/power-apps/developer/data-platform/webapi/reference/entitymetadata). */
function entityDefinition(
  context: EmulatorContext,
  operation: MetadataOperation,
  logicalName: string,
  search: string,
): Answer {
  const query = odataQuery(parseQueryOptions(search)) ?? {};
  const violation = validateMetadataQuery(operation, query);
  if (violation) throw new HttpError(violation.status, violation.code, violation.message);
  const metadata = context.platform.entities[logicalName];
  if (!metadata) throw unknownEntity(logicalName);
  const pick = (row: Record<string, unknown>, select: string[] | undefined) =>
    select
      ? Object.fromEntries(Object.entries(row).filter(([key]) => key === 'MetadataId' || select.includes(key)))
      : { ...row };
  const body: Record<string, unknown> = {
    '@odata.context': `${context.baseUrl()}${API_PATH}$metadata#EntityDefinitions/$entity`,
    ...pick(metadata, query.select),
  };
  const attributes = query.expand?.find((item) => item.navigation === 'Attributes');
  if (attributes) {
    const columns = Object.entries(context.schema.table(logicalName)?.columns ?? {});
    body.Attributes = columns.map(([name, column]) =>
      pick(
        {
          '@odata.type': `#Microsoft.Dynamics.CRM.${attributeTypeOf(column.type)}AttributeMetadata`,
          MetadataId: metadataIdOf(`${logicalName}.${name}`),
          LogicalName: name,
          EntityLogicalName: logicalName,
          AttributeType: attributeTypeOf(column.type),
          IsValidForForm: true,
          IsValidForRead: true,
        },
        attributes.options.select,
      ),
    );
  }
  return { status: 200, body };
}

/** systemusers(id)/Microsoft.Dynamics.CRM.RetrieveUserSetOfPrivilegesByNames: the RolePrivileges the user holds. */
export function answerBoundOperation(
  { context, table, id, search }: RecordRequest,
  operation: MetadataOperation,
  argumentText: string,
): Answer {
  const { store } = context;
  const args = operationArguments(operation, argumentText, search);
  context.applyFaults('GET', [table.logicalName]);
  if (!store.find(table.logicalName, id))
    throw new StoreError(404, '0x80040217', `${table.logicalName} With Id = ${id} Does Not Exist`);
  const held = id === context.callerId().toLowerCase() ? callerPrivileges(context) : new Map<string, PrivilegeDepth>();
  const businessUnit = String(
    store.find('systemuser', id)?._businessunitid_value ?? '00000000-0000-0000-0000-000000000001',
  );
  const rolePrivileges = (args.PrivilegeNames as string[]).flatMap((name) => {
    const row = (store.tables.privilege ?? []).find((p) => String(p.name).toLowerCase() === name.toLowerCase());
    const depth = row ? held.get(String(row.name).toLowerCase()) : undefined;
    return row && depth
      ? [{ Depth: depth, PrivilegeId: row.privilegeid, BusinessUnitId: businessUnit, PrivilegeName: row.name }]
      : [];
  });
  return {
    status: 200,
    body: {
      '@odata.context': `${context.baseUrl()}${API_PATH}$metadata#Microsoft.Dynamics.CRM.RetrieveUserSetOfPrivilegesByNamesResponse`,
      RolePrivileges: rolePrivileges,
    },
  };
}

/** What the WhoAmI user holds, lower-cased names: the fixture (or everything at Global), minus what deny() took. */
function callerPrivileges(context: EmulatorContext): Map<string, PrivilegeDepth> {
  const { platform, store } = context;
  const granted: [string, PrivilegeDepth][] = platform.callerPrivileges
    ? Object.entries(platform.callerPrivileges)
    : (store.tables.privilege ?? []).map((row) => [String(row.name), 'Global']);
  const denied = context.faults.deniedPrivileges(context.schema);
  return new Map(
    granted
      .map(([name, depth]) => [name.toLowerCase(), depth] as [string, PrivilegeDepth])
      .filter(([name]) => !denied.has(name)),
  );
}
