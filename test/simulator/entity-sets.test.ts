import { readFileSync } from 'fs';
import { ENTITY_SETS, PRIMARY_KEYS } from '../../cli/http/entity-sets.generated';
import { dataverseSchema } from '../../simulator/schema';
import { ENTITY_SETS_PATH, entitySetModule, readVendoredSchema } from '../../scripts/vendor-schema';

describe('the entity-set map the product bundles instead of the schema', () => {
  it('is what `npm run vendor:schema` generates from the vendored schema (stale otherwise)', () => {
    expect(readFileSync(ENTITY_SETS_PATH, 'utf8')).toBe(entitySetModule(readVendoredSchema()));
  });

  it('names every table of the schema as the simulator resolves it', () => {
    const schema = dataverseSchema();
    const tables = Object.keys(schema.schema.tables);
    expect(Object.keys(PRIMARY_KEYS).sort()).toEqual([...tables].sort());
    for (const name of tables) {
      const table = schema.table(name)!;
      expect([name, PRIMARY_KEYS[name]]).toEqual([name, table.primaryId]);
      expect([name, ENTITY_SETS[name]]).toEqual([name, table.entitySetName ?? undefined]);
      if (table.entitySetName) expect(schema.tableBySetName(table.entitySetName)?.logicalName).toBe(name);
    }
    expect(ENTITY_SETS.usersettings).toBe('usersettingscollection');
  });

  it('changes when a table of the schema changes, so a re-vendored schema with new names fails the first test', () => {
    const schema = readVendoredSchema();
    const renamed = {
      tables: { ...schema.tables, mailbox: { ...schema.tables.mailbox, entitySetName: 'mailboxset' } },
    };
    expect(entitySetModule(renamed)).not.toBe(entitySetModule(schema));
    expect(entitySetModule(renamed)).toContain("mailbox: 'mailboxset',");
  });
});
