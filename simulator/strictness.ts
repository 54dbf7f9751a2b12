/**
 * Schema strictness: decides which tables, properties and navigation properties exist, the way Dataverse does, from
 * Microsoft's schema (dataverse-schema.json). The simulator's two faces, the jest fake and the HTTP emulator, reject
 * what this module rejects, so every query the product issues is checked against the real schema.
 *
 * Rules: a table's properties are its `columns` plus `allKnownColumnNames`; a lookup is addressed only by its `_x_value`
 * name; single-valued navigation by `navigationProperty`/`navigationProperties`; collection
 * navigation by the table's `collectionNavigationProperties` plus the `schemaName` of other tables' `manyToOne`
 * entries that point to it (that is how mailbox gets tracelog_Mailbox).
 */
import {
  parseQueryOptions,
  type FetchFilter,
  type FetchLink,
  type FetchQuery,
  type FilterNode,
  type ODataQuery,
  type Operand,
  type ParsedOptions,
} from './query';

export interface SchemaColumn {
  type?: string | null;
  options?: Record<string, string>;
  targets?: string[];
  webApiName?: string;
  navigationProperty?: string;
  navigationProperties?: Record<string, string>;
}

export interface SchemaTable {
  logicalName: string;
  entitySetName: string | null;
  primaryId: string;
  primaryName: string | null;
  columns: Record<string, SchemaColumn>;
  allKnownColumnNames?: Record<string, string[] | boolean>;
  collectionNavigationProperties?: {
    schemaName: string;
    referencingEntity: string;
    referencingAttribute: string;
    collectionNavigationProperty: string;
  }[];
  manyToOne?: {
    schemaName: string;
    referencedEntity: string;
    referencingAttribute: string;
    navigationProperty: string;
  }[];
}

export interface DataverseSchema {
  tables: Record<string, SchemaTable>;
}

export interface Navigation {
  name: string;
  kind: 'single' | 'collection';
  /** The table at the other end; undefined when the schema names a table it does not describe. */
  target: string;
  /** single: the referencing column on this table; collection: the referencing column on the target table. */
  referencingAttribute: string;
}

export interface SchemaViolation {
  status: number;
  code: string;
  message: string;
}

const LOOKUP_TYPES = new Set(['lookup', 'owner', 'customer']);

export class SchemaIndex {
  private readonly bySetName = new Map<string, SchemaTable>();
  private readonly properties = new Map<string, Set<string>>();
  private readonly navigations = new Map<string, Map<string, Navigation>>();

  constructor(readonly schema: DataverseSchema) {
    for (const table of Object.values(schema.tables)) {
      if (table.entitySetName) this.bySetName.set(table.entitySetName, table);
      this.properties.set(table.logicalName, this.collectProperties(table));
      this.navigations.set(table.logicalName, new Map());
    }
    for (const table of Object.values(schema.tables)) this.collectNavigations(table);
  }

  private collectProperties(table: SchemaTable): Set<string> {
    const names = new Set<string>(Object.keys(table.columns));
    for (const list of Object.values(table.allKnownColumnNames ?? {}))
      if (Array.isArray(list)) list.forEach((n) => names.add(n));
    for (const [name, column] of Object.entries(table.columns)) {
      const isLookup = column.webApiName !== undefined || (column.type != null && LOOKUP_TYPES.has(column.type));
      if (isLookup) {
        names.delete(name);
        names.add(column.webApiName ?? `_${name}_value`);
      }
    }
    return names;
  }

  private collectNavigations(table: SchemaTable): void {
    const own = this.navigations.get(table.logicalName)!;
    for (const [name, column] of Object.entries(table.columns)) {
      if (column.navigationProperty) {
        own.set(column.navigationProperty, {
          name: column.navigationProperty,
          kind: 'single',
          target: column.targets?.[0] ?? '',
          referencingAttribute: name,
        });
      }
      for (const [target, navigation] of Object.entries(column.navigationProperties ?? {})) {
        own.set(navigation, { name: navigation, kind: 'single', target, referencingAttribute: name });
      }
    }
    for (const relation of table.manyToOne ?? []) {
      if (!own.has(relation.navigationProperty)) {
        own.set(relation.navigationProperty, {
          name: relation.navigationProperty,
          kind: 'single',
          target: relation.referencedEntity,
          referencingAttribute: relation.referencingAttribute,
        });
      }
      const other = this.navigations.get(relation.referencedEntity);
      if (other && !other.has(relation.schemaName)) {
        other.set(relation.schemaName, {
          name: relation.schemaName,
          kind: 'collection',
          target: table.logicalName,
          referencingAttribute: relation.referencingAttribute,
        });
      }
    }
    for (const relation of table.collectionNavigationProperties ?? []) {
      own.set(relation.collectionNavigationProperty, {
        name: relation.collectionNavigationProperty,
        kind: 'collection',
        target: relation.referencingEntity,
        referencingAttribute: relation.referencingAttribute,
      });
    }
  }

  table(logicalName: string): SchemaTable | undefined {
    return this.schema.tables[logicalName];
  }

  tableBySetName(entitySetName: string): SchemaTable | undefined {
    return this.bySetName.get(entitySetName);
  }

  hasProperty(table: string, property: string): boolean {
    return this.properties.get(table)?.has(property) ?? false;
  }

  /** The column a property name reads: `_x_value` → `x`. */
  columnOf(table: string, property: string): SchemaColumn | undefined {
    const columns = this.schema.tables[table]?.columns ?? {};
    const lookup = /^_(.+)_value$/.exec(property);
    return columns[lookup ? lookup[1] : property];
  }

  navigation(table: string, name: string): Navigation | undefined {
    return this.navigations.get(table)?.get(name);
  }

  /** Every name a query mentions (as sent, or parsed), checked; the first violation, as Dataverse would answer it. */
  validate(tableName: string, options: string | ParsedOptions | undefined): SchemaViolation | undefined {
    if (!this.schema.tables[tableName]) return unknownTable(tableName);
    let parsed: ParsedOptions;
    try {
      parsed = typeof options === 'object' ? options : parseQueryOptions(options);
    } catch (error) {
      return { status: 400, code: '0x80060888', message: (error as Error).message };
    }
    if (parsed.kind === 'fetch') return this.validateFetch(parsed.fetch);
    return this.validateOData(tableName, parsed.query);
  }

  validateOData(table: string, query: ODataQuery): SchemaViolation | undefined {
    for (const name of query.select ?? []) if (!this.hasProperty(table, name)) return unknownProperty(table, name);
    for (const order of query.orderby ?? [])
      if (!this.hasProperty(table, order.property)) return unknownProperty(table, order.property);
    if (query.filter) {
      const violation = this.validateFilter(table, query.filter, new Map());
      if (violation) return violation;
    }
    for (const item of query.expand ?? []) {
      const navigation = this.navigation(table, item.navigation);
      if (!navigation) return unknownProperty(table, item.navigation);
      if (!this.schema.tables[navigation.target]) return unknownTable(navigation.target);
      const violation = this.validateOData(navigation.target, item.options);
      if (violation) return violation;
    }
    return undefined;
  }

  private validateOperand(
    table: string,
    operand: Operand,
    variables: Map<string, string>,
  ): SchemaViolation | undefined {
    if (operand.type === 'literal') return undefined;
    if (operand.type === 'call') {
      for (const arg of operand.args) {
        const violation = this.validateOperand(table, arg, variables);
        if (violation) return violation;
      }
      return undefined;
    }
    return this.validatePath(table, operand.path, variables);
  }

  private validatePath(table: string, path: string[], variables: Map<string, string>): SchemaViolation | undefined {
    let current = table;
    let segments = path;
    if (variables.has(path[0])) {
      current = variables.get(path[0])!;
      segments = path.slice(1);
    }
    for (let i = 0; i < segments.length - 1; i++) {
      const navigation = this.navigation(current, segments[i]);
      if (!navigation || navigation.kind !== 'single') return unknownProperty(current, segments[i]);
      current = navigation.target;
      if (!this.schema.tables[current]) return unknownTable(current);
    }
    const last = segments[segments.length - 1];
    return this.hasProperty(current, last) ? undefined : unknownProperty(current, last);
  }

  private validateFilter(table: string, node: FilterNode, variables: Map<string, string>): SchemaViolation | undefined {
    switch (node.type) {
      case 'and':
      case 'or':
        return this.validateFilter(table, node.left, variables) ?? this.validateFilter(table, node.right, variables);
      case 'not':
        return this.validateFilter(table, node.operand, variables);
      case 'compare':
        return this.validateOperand(table, node.left, variables) ?? this.validateOperand(table, node.right, variables);
      case 'call':
        return this.validateOperand(table, { type: 'call', name: node.name, args: node.args }, variables);
      case 'crmFunction':
        return this.hasProperty(table, node.property) ? undefined : unknownProperty(table, node.property);
      case 'lambda': {
        const navigation = this.navigation(table, node.navigation);
        if (!navigation || navigation.kind !== 'collection') return unknownProperty(table, node.navigation);
        if (!this.schema.tables[navigation.target]) return unknownTable(navigation.target);
        if (!node.predicate) return undefined;
        const inner = new Map(variables);
        inner.set(node.variable, navigation.target);
        return this.validateFilter(table, node.predicate, inner);
      }
    }
  }

  /** A column FetchXML may name: a logical name (a lookup by its logical name, never `_x_value`). */
  hasColumn(table: string, name: string): boolean {
    const schemaTable = this.schema.tables[table];
    if (!schemaTable) return false;
    return (
      name in schemaTable.columns ||
      Object.values(schemaTable.allKnownColumnNames ?? {}).some((list) => Array.isArray(list) && list.includes(name))
    );
  }

  /**
   * Whether joining `link` to `parent` on link.from = parent.to follows a relationship of Microsoft's schema: a
   * many-to-one from the parent's lookup to the linked table's primary key, or a one-to-many from the parent's primary
   * key to the linked table's lookup. Dataverse itself would also join on unrelated columns; the product never means to,
   * so a join the schema has no relationship for is a mistake this rule catches.
   */
  relationshipOf(parent: string, link: { name: string; from: string; to: string }): string | undefined {
    const parentTable = this.schema.tables[parent];
    const linkTable = this.schema.tables[link.name];
    if (!parentTable || !linkTable) return undefined;
    const manyToOne = (parentTable.manyToOne ?? []).find(
      (r) =>
        r.referencedEntity === link.name && r.referencingAttribute === link.to && link.from === linkTable.primaryId,
    );
    if (manyToOne) return manyToOne.schemaName;
    const oneToMany = (linkTable.manyToOne ?? []).find(
      (r) => r.referencedEntity === parent && r.referencingAttribute === link.from && link.to === parentTable.primaryId,
    );
    return oneToMany?.schemaName;
  }

  /** FetchXML names logical column names; every joined table, its join columns and its relationship are checked too. */
  private validateFetch(fetch: FetchQuery): SchemaViolation | undefined {
    if (!this.schema.tables[fetch.entity]) return unknownTable(fetch.entity);
    const orders = fetch.orders.map((o) => o.attribute).filter((a): a is string => !!a);
    return this.validateFetchTable(
      fetch.entity,
      fetch.attributes.map((a) => a.name),
      fetch.filter,
      orders,
      fetch.links,
    );
  }

  private validateFetchTable(
    table: string,
    attributes: string[],
    filter: FetchFilter | undefined,
    orders: string[],
    links: readonly FetchLink[],
  ): SchemaViolation | undefined {
    const names = [...attributes, ...orders];
    const filterLinks: FetchLink[] = [];
    const walk = (f: FetchFilter | undefined) => {
      if (!f) return;
      f.conditions.forEach((c) => names.push(c.attribute));
      f.filters.forEach(walk);
      filterLinks.push(...(f.links ?? []));
    };
    walk(filter);
    const unknown = names.find((name) => !this.hasColumn(table, name));
    if (unknown !== undefined) return unknownFetchAttribute(table, unknown);
    for (const link of [...links, ...filterLinks]) {
      if (!this.schema.tables[link.name]) return unknownEntity(link.name);
      if (!this.hasColumn(link.name, link.from)) return unknownFetchAttribute(link.name, link.from);
      if (!this.hasColumn(table, link.to)) return unknownFetchAttribute(table, link.to);
      if (!this.relationshipOf(table, link)) {
        return {
          status: 400,
          code: '0x80041103',
          message: `No relationship in Microsoft's schema joins '${link.name}'.${link.from} to '${table}'.${link.to} (a strictness rule of this product: the joins it means to use are relationships).`,
        };
      }
      const violation = this.validateFetchTable(
        link.name,
        link.attributes.map((a) => a.name),
        link.filter,
        [],
        link.links,
      );
      if (violation) return violation;
    }
    return undefined;
  }
}

function unknownFetchAttribute(table: string, name: string): SchemaViolation {
  return {
    status: 400,
    code: '0x80041103',
    message: `'${table}' entity doesn't contain attribute with Name = '${name}'.`,
  };
}

/**
 * ASSUMPTION: what Dataverse answers for a FetchXML element naming a table it does not know (the message the
 * Organization service gives for a name missing from its metadata cache).
 */
function unknownEntity(name: string): SchemaViolation {
  return {
    status: 404,
    code: '0x80040217',
    message: `The entity with a name = '${name}' with namemapping = 'Logical' was not found in the MetadataCache.`,
  };
}

export function unknownProperty(table: string, name: string): SchemaViolation {
  return {
    status: 400,
    code: '0x80060888',
    message: `Could not find a property named '${name}' on type 'Microsoft.Dynamics.CRM.${table}'.`,
  };
}

export function unknownTable(name: string): SchemaViolation {
  return { status: 404, code: '0x8006088a', message: `Resource not found for the segment '${name}'.` };
}

/**
 * Web API operations that address no table's rows: the metadata entity set EntityDefinitions and functions. The
 * strictness rules accept exactly these, as Learn's reference pages define them (names, parameters, enum members,
 * the properties a $select may name); anything else that is not an entity set stays Dataverse's 404.
 */
export interface OperationParameter {
  name: string;
  /** string: a quoted literal; enum: Microsoft.Dynamics.CRM.<enumType>'<member>'; collection: a JSON array, only
   * through a parameter alias (OData allows a collection literal only there); boolean: true or false. */
  type: 'string' | 'enum' | 'collection' | 'boolean';
  required: boolean;
  enumType?: string;
  members?: readonly string[];
}

export interface MetadataOperation {
  name: string;
  kind: 'function' | 'metadata';
  /** A bound function is called on a row of this table: set(id)/Microsoft.Dynamics.CRM.<name>(...). */
  boundTo?: string;
  parameters: readonly OperationParameter[];
  /** Metadata: the properties $select may name, and each navigation property with the properties of its target. */
  properties?: readonly string[];
  navigations?: Readonly<Record<string, readonly string[]>>;
  learn: string;
}

const ENTITY_METADATA_PROPERTIES = [
  'MetadataId',
  'LogicalName',
  'SchemaName',
  'EntitySetName',
  'LogicalCollectionName',
  'ObjectTypeCode',
  'DisplayName',
  'PrimaryIdAttribute',
  'PrimaryNameAttribute',
  'OwnershipType',
  'IsCustomEntity',
  'IsManaged',
  'IsCustomizable',
  'IsValidForAdvancedFind',
  'CanCreateForms',
  'CanCreateViews',
  'CanCreateCharts',
  'CanCreateAttributes',
  'IsIntersect',
] as const;

const ATTRIBUTE_METADATA_PROPERTIES = [
  'MetadataId',
  'LogicalName',
  'SchemaName',
  'AttributeType',
  'AttributeTypeName',
  'DisplayName',
  'EntityLogicalName',
  'IsCustomAttribute',
  'IsCustomizable',
  'IsValidForForm',
  'IsValidForRead',
  'IsValidForUpdate',
  'IsPrimaryId',
  'IsPrimaryName',
] as const;

export const METADATA_OPERATIONS: Readonly<Record<string, MetadataOperation>> = {
  EntityDefinitions: {
    name: 'EntityDefinitions',
    kind: 'metadata',
    parameters: [{ name: 'LogicalName', type: 'string', required: true }],
    properties: ENTITY_METADATA_PROPERTIES,
    navigations: { Attributes: ATTRIBUTE_METADATA_PROPERTIES },
    learn: 'https://learn.microsoft.com/power-apps/developer/data-platform/webapi/reference/entitymetadata',
  },
  WhoAmI: {
    name: 'WhoAmI',
    kind: 'function',
    parameters: [],
    learn: 'https://learn.microsoft.com/power-apps/developer/data-platform/webapi/reference/whoami',
  },
  RetrieveVersion: {
    name: 'RetrieveVersion',
    kind: 'function',
    parameters: [],
    learn: 'https://learn.microsoft.com/power-apps/developer/data-platform/webapi/reference/retrieveversion',
  },
  RetrieveEntityRibbon: {
    name: 'RetrieveEntityRibbon',
    kind: 'function',
    parameters: [
      { name: 'EntityName', type: 'string', required: true },
      {
        name: 'RibbonLocationFilter',
        type: 'enum',
        required: true,
        enumType: 'RibbonLocationFilters',
        members: ['Form', 'HomepageGrid', 'SubGrid', 'All'],
      },
    ],
    learn: 'https://learn.microsoft.com/power-apps/developer/data-platform/webapi/reference/retrieveentityribbon',
  },
  RetrieveUserSetOfPrivilegesByNames: {
    name: 'RetrieveUserSetOfPrivilegesByNames',
    kind: 'function',
    boundTo: 'systemuser',
    parameters: [
      { name: 'PrivilegeNames', type: 'collection', required: true },
      { name: 'ExcludeTeamBasic', type: 'boolean', required: false },
    ],
    learn:
      'https://learn.microsoft.com/power-apps/developer/data-platform/webapi/reference/retrieveusersetofprivilegesbynames',
  },
};

export type OperationArguments = Record<string, string | boolean | string[]>;

function badRequest(message: string): SchemaViolation {
  return { status: 400, code: '0x80060888', message };
}

/** Splits `a='x,y',b=@p1` on the commas outside quotes. */
function splitArguments(text: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let current = '';
  for (const ch of text) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  if (current.trim() !== '') parts.push(current);
  return parts.map((part) => part.trim());
}

/**
 * The arguments of one call, `RetrieveEntityRibbon(EntityName='mailbox',RibbonLocationFilter=…)`, checked against the
 * operation's parameters; `aliases` are the URL's `@name=value` options. A violation is answered as Dataverse would.
 */
export function parseOperationCall(
  operation: MetadataOperation,
  argumentText: string,
  aliases: Readonly<Record<string, string>>,
): OperationArguments | SchemaViolation {
  const result: OperationArguments = {};
  for (const part of splitArguments(argumentText)) {
    const eq = part.indexOf('=');
    const name = eq < 0 ? part : part.slice(0, eq);
    const parameter = operation.parameters.find((p) => p.name === name);
    if (!parameter || eq < 0)
      return badRequest(`The parameter '${name}' is not in scope of the function '${operation.name}'.`);
    let raw = part.slice(eq + 1);
    const viaAlias = raw.startsWith('@');
    if (viaAlias) {
      if (aliases[raw] === undefined) return badRequest(`The parameter alias '${raw}' has no value in the query.`);
      raw = aliases[raw];
    }
    const invalid = () =>
      badRequest(`The value of the parameter '${name}' of '${operation.name}' is not a valid ${parameter.type}.`);
    switch (parameter.type) {
      case 'string': {
        const literal = /^'((?:[^']|'')*)'$/.exec(raw);
        if (!literal) return invalid();
        result[name] = literal[1].replace(/''/g, "'");
        break;
      }
      case 'enum': {
        const member = new RegExp(`^Microsoft\\.Dynamics\\.CRM\\.${parameter.enumType}'([A-Za-z]+)'$`).exec(raw);
        if (!member || !parameter.members?.includes(member[1])) return invalid();
        result[name] = member[1];
        break;
      }
      case 'boolean':
        if (raw !== 'true' && raw !== 'false') return invalid();
        result[name] = raw === 'true';
        break;
      case 'collection': {
        if (!viaAlias) return invalid();
        let parsed: unknown;
        try {
          parsed = JSON.parse(raw);
        } catch {
          return invalid();
        }
        if (!Array.isArray(parsed) || parsed.some((item) => typeof item !== 'string')) return invalid();
        result[name] = parsed as string[];
        break;
      }
    }
  }
  const missing = operation.parameters.find((p) => p.required && result[p.name] === undefined);
  if (missing) return badRequest(`The function '${operation.name}' requires the parameter '${missing.name}'.`);
  return result;
}

export function isViolation(value: unknown): value is SchemaViolation {
  return typeof value === 'object' && value !== null && 'status' in value && 'code' in value && 'message' in value;
}

/** $select and $expand on a metadata operation name only its documented properties. */
export function validateMetadataQuery(operation: MetadataOperation, query: ODataQuery): SchemaViolation | undefined {
  const type = `Microsoft.Dynamics.CRM.${operation.name === 'EntityDefinitions' ? 'EntityMetadata' : operation.name}`;
  for (const name of query.select ?? [])
    if (!operation.properties?.includes(name))
      return badRequest(`Could not find a property named '${name}' on type '${type}'.`);
  if (query.filter || query.orderby)
    return badRequest(`The query options $filter and $orderby are not supported on a single ${type}.`);
  for (const item of query.expand ?? []) {
    const target = operation.navigations?.[item.navigation];
    if (!target) return badRequest(`Could not find a property named '${item.navigation}' on type '${type}'.`);
    for (const name of item.options.select ?? [])
      if (!target.includes(name))
        return badRequest(
          `Could not find a property named '${name}' on type 'Microsoft.Dynamics.CRM.AttributeMetadata'.`,
        );
  }
  return undefined;
}
