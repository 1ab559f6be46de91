import { readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Database } from './database.js';
import { packageRoot } from '../config/paths.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export const migrationsDir = join(packageRoot, 'migrations');

/** The numbered SQL files in migrations/ (`0001_core.sql`), in order. */
export function loadMigrations(dir = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => {
      const sql = readFileSync(join(dir, file), 'utf8');
      return {
        version: Number(file.slice(0, 4)),
        name: file.replace(/\.sql$/, ''),
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    });
}

export interface MigrateResult {
  applied: string[];
  current: number;
}

/**
 * Applies the migrations not yet applied, each in its own transaction, under an advisory lock so
 * that several processes starting together apply each file once. A changed file that was already
 * applied is an error: migrations are append-only.
 */
export async function migrate(db: Database, migrations = loadMigrations()): Promise<MigrateResult> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const applied: string[] = [];
  const lockKey = 7_424_242_001;
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [lockKey]);
    const done = await tx.query<{ version: number; name: string; checksum: string }>(
      'SELECT version, name, checksum FROM schema_migrations ORDER BY version',
    );
    const byVersion = new Map(done.map((r) => [r.version, r]));
    for (const m of migrations) {
      const prior = byVersion.get(m.version);
      if (prior) {
        if (prior.checksum !== m.checksum) {
          throw new Error(`migration ${m.name} was changed after it was applied (checksum differs); add a new migration instead`);
        }
        continue;
      }
      await execScript(tx, m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [m.version, m.name, m.checksum]);
      applied.push(m.name);
    }
    const current = migrations.length ? migrations[migrations.length - 1]!.version : 0;
    return { applied, current };
  });
}

/**
 * Runs a multi-statement script inside a transaction. Statements are separated by a line holding
 * only `-- ;;` or by `;` at a line end outside dollar-quoted bodies.
 */
async function execScript(tx: { execute(sql: string): Promise<number> }, script: string): Promise<void> {
  for (const stmt of splitStatements(script)) await tx.execute(stmt);
}

export function splitStatements(script: string): string[] {
  const out: string[] = [];
  let current = '';
  let inDollar: string | null = null;
  for (const line of script.split('\n')) {
    const trimmed = line.trim();
    if (!inDollar && (trimmed.startsWith('--') || trimmed === '')) {
      if (current) current += '\n';
      continue;
    }
    current += line + '\n';
    const tags = line.match(/\$[A-Za-z_]*\$/g) ?? [];
    for (const tag of tags) {
      if (inDollar === null) inDollar = tag;
      else if (inDollar === tag) inDollar = null;
    }
    if (!inDollar && trimmed.endsWith(';')) {
      const stmt = current.trim();
      if (stmt) out.push(stmt);
      current = '';
    }
  }
  if (current.trim()) out.push(current.trim());
  return out;
}
