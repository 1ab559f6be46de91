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

/** Which database the data-layer tests run on: CHHAVI_TEST_DB=pglite (default) or postgres. */
export const testDbKind: 'pglite' | 'postgres' = process.env.CHHAVI_TEST_DB === 'postgres' ? 'postgres' : 'pglite';

/** The server the postgres suite uses; trust auth on 127.0.0.1 in CI. */
export const adminUrl = process.env.CHHAVI_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEMPLATE_DB = 'chhavi_test_template';

export function urlFor(database: string): string {
  const u = new URL(adminUrl);
  u.pathname = '/' + database;
  return u.toString();
}

/** Creates the migrated template database once per test run (vitest globalSetup for the postgres suite). */
export async function prepareTemplate(): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  const db = await openPostgres(urlFor(TEMPLATE_DB), 2);
  try {
    await migrate(db);
    await installJobSchema(db);
  } finally {
    await db.close();
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
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
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
