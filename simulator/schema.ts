/** Microsoft's schema, vendored in simulator/ (a test keeps the copy identical to the team's reference), as a SchemaIndex. */
import schemaJson from './dataverse-schema.json';
import { SchemaIndex, type DataverseSchema } from './strictness';

let index: SchemaIndex | undefined;

export function dataverseSchema(): SchemaIndex {
  return (index ??= new SchemaIndex(schemaJson as unknown as DataverseSchema));
}
