import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { mkdirSync } from 'node:fs';
import { copyHead, type Database, type Queryable } from './database.js';

/**
 * Embedded PostgreSQL in a data folder. PGlite runs one connection, so queries are serialised
 * by PGlite itself; a transaction holds that connection until it ends.
 */
export async function openPglite(dataDir: string | null): Promise<Database & { dumpDataDir(): Promise<Blob> }> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create(dataDir ?? undefined, { extensions: { pg_trgm } });
  return wrap(pg);
}

/** A fresh in-memory database started from a dump of another one's data folder. */
export async function openPgliteFrom(dump: Blob): Promise<Database & { dumpDataDir(): Promise<Blob> }> {
  const pg = await PGlite.create({ loadDataDir: dump, extensions: { pg_trgm } });
  return wrap(pg);
}

type PgliteLike = Pick<PGlite, 'query' | 'exec'>;

function queryable(pg: PgliteLike): Queryable {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []) {
      // Without parameters, use the simple protocol so that a script of several statements runs,
      // as it does on the server; the rows are those of the last statement.
      if (params.length === 0) {
        const results = await pg.exec(sql);
        return (results[results.length - 1]?.rows ?? []) as T[];
      }
      const res = await pg.query<T>(sql, params as unknown[]);
      return res.rows;
    },
    async queryScript<T>(script: string) {
      const results = await pg.exec(script);
      return results.flatMap((r) => r.rows) as T[];
    },
    async execute(sql: string, params: readonly unknown[] = []) {
      const res = await pg.query(sql, params as unknown[]);
      return res.affectedRows ?? 0;
    },
    async copyIn(table, columns, chunks) {
      const res = await pg.query(`${copyHead(table, columns)} '/dev/blob'`, [], { blob: new Blob(chunks as (string | Uint8Array<ArrayBuffer>)[]) });
      return res.affectedRows ?? 0;
    },
  };
}

function wrap(pg: PGlite): Database & { dumpDataDir(): Promise<Blob> } {
  const base = queryable(pg);
  return {
    kind: 'pglite',
    ...base,
    async transaction(fn) {
      return pg.transaction(async (tx) => fn(queryable(tx)));
    },
    async exec(script) {
      await pg.exec(script);
    },
    async close() {
      if (!pg.closed) await pg.close();
    },
    async dumpDataDir() {
      return pg.dumpDataDir('none');
    },
  };
}
