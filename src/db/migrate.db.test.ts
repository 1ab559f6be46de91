import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDbKind, type TestDatabase } from '../test-support/db.js';
import { loadMigrations, migrate, splitStatements } from './migrate.js';

describe(`migrations on ${testDbKind}`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t.drop();
  });

  it('records every migration file and applies nothing twice', async () => {
    const rows = await t.db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual(loadMigrations().map((m) => m.version));
    const again = await migrate(t.db);
    expect(again.applied).toEqual([]);
  });

  it('refuses a migration whose file changed after it was applied', async () => {
    const changed = loadMigrations().map((m, i) => (i === 0 ? { ...m, checksum: 'different' } : m));
    await expect(migrate(t.db, changed)).rejects.toThrow(/changed after it was applied/);
  });

  it('splits statements but keeps dollar-quoted bodies whole', () => {
    const parts = splitStatements("CREATE TABLE a (x int);\nCREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$\nSELECT 1;\n$$;\n-- note;\nSELECT 2;");
    expect(parts).toHaveLength(3);
    expect(parts[1]).toContain('SELECT 1;');
  });
});
