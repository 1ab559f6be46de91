import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Database } from '../db/database.js';
import { openPglite, openPgliteFrom } from '../db/pglite.js';
import { openPostgres } from '../db/postgres.js';
import { loadMigrations, migrate } from '../db/migrate.js';
import { installJobSchema } from '../jobs/queue.js';
import { packageRoot } from '../config/paths.js';

/** Which database the data-layer tests run on: CHHAVI_TEST_DB=pglite (default) or postgres. */
export const testDbKind: 'pglite' | 'postgres' = process.env.CHHAVI_TEST_DB === 'postgres' ? 'postgres' : 'pglite';

/** The server the postgres suite uses; trust auth on 127.0.0.1 in CI. */
export const adminUrl = process.env.CHHAVI_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/**
 * The migrated template the postgres suite clones, named by what it holds (the migrations and the
 * job queue's schema version), so that runs of different code on one server never share one.
 */
export function templateDatabase(): string {
  const bossVersion = (JSON.parse(readFileSync(join(packageRoot, 'node_modules', 'pg-boss', 'package.json'), 'utf8')) as { version: string }).version;
  const key = createHash('sha256')
    .update(`${loadMigrations().map((m) => m.checksum).join(',')}|pg-boss ${bossVersion}`)
    .digest('hex')
    .slice(0, 16);
  return `chhavi_test_tpl_${key}`;
}

export function urlFor(database: string): string {
  const u = new URL(adminUrl);
  u.pathname = '/' + database;
  return u.toString();
}

/**
 * Makes sure the migrated template exists (vitest globalSetup for the postgres suite). It is built
 * under a name of its own and renamed into place, so a run that starts at the same moment, or is
 * cloning the template already, never sees a half-built or vanishing one.
 */
export async function prepareTemplate(): Promise<void> {
  const template = templateDatabase();
  const building = `chhavi_test_build_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
    if (exists.rowCount) return;
    await admin.query(`CREATE DATABASE ${building}`);
    const db = await openPostgres(urlFor(building), 2);
    try {
      await migrate(db);
      await installJobSchema(db);
    } catch (err) {
      await db.close();
      await admin.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      throw err;
    }
    await db.close();
    try {
      await admin.query(`ALTER DATABASE ${building} RENAME TO ${template}`);
    } catch (err) {
      // Another run finished the same template first: use theirs.
      if ((err as { code?: string }).code !== '42P04') throw err;
      await admin.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
    }
  } finally {
    await admin.end();
  }
}

export interface TestDatabase {
  db: Database;
  /** Connection string when on the server (for a second process); null on PGlite. */
  url: string | null;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file: a clone of the template on the server, or a new
 * in-memory PGlite. Nothing is shared between files.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (testDbKind === 'pglite') {
    const db = await openMigratedPglite();
    return { db, url: null, drop: () => db.close() };
  }
  const name = `chhavi_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${templateDatabase()}`);
  } finally {
    await admin.end();
  }
  const url = urlFor(name);
  const db = await openPostgres(url, 5);
  return {
    db,
    url,
    async drop() {
      await db.close();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      try {
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await a.end();
      }
    },
  };
}

/**
 * PGlite's first start (initdb) costs seconds; a migrated data folder is dumped once per set of
 * migrations into the temp folder and every later test database starts from that dump.
 */
async function openMigratedPglite(): Promise<Database> {
  const key = createHash('sha256').update(loadMigrations().map((m) => m.checksum).join(',')).digest('hex').slice(0, 16);
  const file = join(tmpdir(), `chhavi-pglite-template-${key}.tar`);
  if (existsSync(file)) {
    const db = await openPgliteFrom(new Blob([readFileSync(file)]));
    return db;
  }
  const db = await openPglite(null);
  await migrate(db);
  await installJobSchema(db);
  const dump = await db.dumpDataDir();
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
  renameSync(tmp, file);
  return db;
}
