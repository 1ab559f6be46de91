import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test-support/db.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await t.db.exec('CREATE TABLE copy_probe (id bigint PRIMARY KEY, body text, tags text[], doc jsonb)');
});
afterAll(async () => {
  await t.drop();
});

describe('copyIn', () => {
  it('copies rows in COPY text format, across chunks, with escapes and NULL, and counts them', async () => {
    const n = await t.db.copyIn('copy_probe', ['id', 'body', 'tags', 'doc'], [
      '1\tतब\\tवह\\nnew line \\\\ back\t{"a b","c\\\\"d"}\t{"k": "दिल्ली"}\n2\t\\N\t{}',
      '\t\\N\n',
    ]);
    expect(n).toBe(2);
    const rows = await t.db.query<{ id: number; body: string | null; tags: string[]; doc: unknown }>('SELECT id::int AS id, body, tags, doc FROM copy_probe ORDER BY id');
    expect(rows).toEqual([
      { id: 1, body: 'तब\tवह\nnew line \\ back', tags: ['a b', 'c"d'], doc: { k: 'दिल्ली' } },
      { id: 2, body: null, tags: [], doc: null },
    ]);
  });

  it('copies inside a transaction, and a failed COPY rolls back to a savepoint with the rest kept', async () => {
    await t.db.transaction(async (tx) => {
      await tx.copyIn('copy_probe', ['id', 'body'], ['10\tkept\n']);
      await tx.execute('SAVEPOINT probe');
      await expect(tx.copyIn('copy_probe', ['id', 'body'], ['11\tnew\n10\tagain\n'])).rejects.toMatchObject({ code: '23505' });
      await tx.execute('ROLLBACK TO SAVEPOINT probe');
      await tx.copyIn('copy_probe', ['id', 'body'], ['12\tafter\n']);
    });
    const rows = await t.db.query<{ id: number; body: string }>('SELECT id::int AS id, body FROM copy_probe WHERE id >= 10 ORDER BY id');
    expect(rows).toEqual([
      { id: 10, body: 'kept' },
      { id: 12, body: 'after' },
    ]);
  });

  it('refuses a name that is not a plain identifier', async () => {
    await expect(t.db.copyIn('copy_probe; DROP TABLE users', ['id'], ['1\n'])).rejects.toThrow(/not a plain identifier/);
    await expect(t.db.copyIn('copy_probe', ['id", "body'], ['1\n'])).rejects.toThrow(/not a plain identifier/);
  });

  it('reports a malformed row and copies none of the batch', async () => {
    await expect(t.db.copyIn('copy_probe', ['id', 'body'], ['20\tfine\nnot-a-number\tbad\n'])).rejects.toThrow(/invalid input syntax for type bigint/);
    const [r] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM copy_probe WHERE id = 20');
    expect(r!.n).toBe(0);
  });
});
