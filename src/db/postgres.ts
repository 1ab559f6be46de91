import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { copyHead, type Database, type Queryable } from './database.js';

// bigint (int8) and numeric come back as strings by default; counts in Chhavi fit in a double.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export async function openPostgres(connectionString: string, max = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max });
  // An idle client that loses its connection emits 'error'; the pool replaces it on next use.
  pool.on('error', () => undefined);
  const probe = await pool.connect();
  probe.release();
  return wrap(pool);
}

function queryable(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const res: pg.QueryResult | pg.QueryResult[] = await client.query(sql, params as unknown[]);
      // A script of several statements answers with one result each; keep the last one's rows.
      const last = Array.isArray(res) ? res[res.length - 1] : res;
      return (last?.rows ?? []) as T[];
    },
    async queryScript<T>(script: string) {
      const res: pg.QueryResult | pg.QueryResult[] = await client.query(script);
      return (Array.isArray(res) ? res.flatMap((r) => r.rows) : res.rows) as T[];
    },
    async execute(sql: string, params: readonly unknown[] = []) {
      const res = await client.query(sql, params as unknown[]);
      return res.rowCount ?? 0;
    },
    async copyIn(table, columns, chunks) {
      const head = copyHead(table, columns);
      if (client instanceof pg.Pool) {
        const c = await client.connect();
        try {
          return await copyThrough(c, head, chunks);
        } finally {
          c.release();
        }
      }
      return copyThrough(client, head, chunks);
    },
  };
}

/** Streams `chunks` into `COPY … FROM STDIN` on one connection; resolves with the rows copied once the server has them all. */
function copyThrough(client: pg.PoolClient, head: string, chunks: readonly (string | Uint8Array)[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const sink = client.query(copyFrom(`${head} STDIN`));
    sink.on('error', reject);
    sink.on('finish', () => resolve(sink.rowCount ?? 0));
    for (const chunk of chunks) sink.write(chunk);
    sink.end();
  });
}

function wrap(pool: pg.Pool): Database {
  let closed = false;
  return {
    kind: 'postgres',
    ...queryable(pool),
    async transaction(fn) {
      const client = await pool.connect();
      // A connection lost while checked out emits 'error' on the client, which the pool only
      // handles for idle clients: keep it, fail the transaction with it, and discard the client.
      let lost: Error | undefined;
      const onError = (err: Error) => {
        lost = err;
      };
      client.on('error', onError);
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await fn(queryable(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch((rollbackErr: Error) => {
          broken = rollbackErr;
        });
        throw lost ?? err;
      } finally {
        client.off('error', onError);
        client.release(lost ?? broken);
      }
    },
    async exec(script) {
      await pool.query(script);
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
