import type { Database } from './database.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';
import { join } from 'node:path';

export interface DatabaseTarget {
  /** A PostgreSQL server; when absent the embedded database in `dataDir` is used. */
  databaseUrl?: string | undefined;
  /** The data folder (holds `pg/` for the embedded database). Null means in memory. */
  dataDir: string | null;
  poolSize?: number;
}

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.databaseUrl) return openPostgres(target.databaseUrl, target.poolSize);
  return openPglite(target.dataDir === null ? null : join(target.dataDir, 'pg'));
}
