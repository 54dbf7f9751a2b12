/** Microsoft's schema, vendored in diagnostics/schema (a test keeps the copy identical to the team's reference), as a SchemaIndex. */
import schemaJson from '../../diagnostics/schema/dataverse-schema.json';
import { SchemaIndex, type DataverseSchema } from '../../diagnostics/schema/strictness';

let index: SchemaIndex | undefined;

export function dataverseSchema(): SchemaIndex {
  return (index ??= new SchemaIndex(schemaJson as unknown as DataverseSchema));
}
