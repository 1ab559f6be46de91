import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config/config.js';
import { createContext } from '../app/create-context.js';
import { createHttpApp } from '../app/start.js';
import type { AppContext } from '../app/context.js';
import type { App } from '../http/server.js';
import { Keyring } from '../secrets/keyring.js';
import { silentLogger } from '../log/logger.js';
import { createTestDatabase } from './db.js';
import { seedUnits } from '../units/seed.js';

export interface TestApp {
  ctx: AppContext;
  app: App;
  close(): Promise<void>;
}

/**
 * A migrated database of its own (PGlite or a server clone, per CHHAVI_TEST_DB), every service,
 * the seeded units, and the Fastify app ready for `app.inject`. Jobs are not started.
 */
export async function createTestApp(opts: { seed?: boolean } = {}): Promise<TestApp> {
  const t = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'chhavi-test-'));
  const config = loadConfig({ CHHAVI_DATA: dataDir, CHHAVI_DEMO: '0', LOG_LEVEL: 'silent' });
  const ctx = await createContext(config, {
    db: t.db,
    logger: silentLogger,
    keyring: Keyring.fromBase64(randomBytes(32).toString('base64')),
  });
  if (opts.seed !== false) await seedUnits(ctx.db, ctx.audit);
  const app = await createHttpApp(ctx);
  await app.ready();
  return {
    ctx,
    app,
    async close() {
      await app.close();
      await ctx.jobs.stop();
      await t.drop();
      // The data folder holds the models copied in (about 6 MB): a full run makes hundreds.
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
