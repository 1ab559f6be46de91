import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../app/create-context.js';
import type { AppContext } from '../../app/context.js';
import { startServerChild, type ServerChild } from '../../bench/server-process.js';
import { loadConfig } from '../../config/config.js';
import { packageRoot } from '../../config/paths.js';
import { silentLogger } from '../../log/logger.js';
import { Keyring } from '../../secrets/keyring.js';
import { createTestDatabase, testDbKind, type TestDatabase } from '../../test-support/db.js';
import { makeUnit, makeUser } from '../../test-support/factories.js';
import { seedUnits } from '../../units/seed.js';
import { insertManyPosts, makeSandboxAccount, type FixtureAccount } from './delivery-fixtures.js';

const POSTS = 200;
const LEASE_SECONDS = 6;

/** Newest modification time under a folder (ms), skipping tests. */
function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newest(p));
    else if (!e.name.endsWith('.test.ts')) t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

/** The child processes run the compiled server: compile it when a source file is newer than the build. */
function ensureBuilt(): void {
  const main = join(packageRoot, 'dist', 'cli', 'main.js');
  let built: number;
  try {
    built = statSync(main).mtimeMs;
  } catch {
    built = 0;
  }
  if (built >= newest(join(packageRoot, 'src'))) return;
  const r = spawnSync(process.execPath, [join(packageRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: packageRoot, encoding: 'utf8', timeout: 300_000 });
  if (statSync(main).mtimeMs < Date.now() - 600_000) throw new Error(`build failed:\n${r.stdout}\n${r.stderr}`);
}

/** A `chhavi start --role worker|scheduler` process (no HTTP port): ready when it says it started. */
async function startBackground(role: 'worker' | 'scheduler', env: Record<string, string>): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, [join(packageRoot, 'bin', 'chhavi.js'), 'start', '--role', role], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const deadline = Date.now() + 60_000;
  while (!out.includes(`${role} process started`)) {
    if (child.exitCode !== null) throw new Error(`${role} exited with ${child.exitCode}:\n${out}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${role} not started within 60 s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, output: () => out };
}

async function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGKILL');
  await exited;
}

/**
 * Exactly once across a crash: a real worker process publishing 200 scheduled posts to the
 * Sandbox is killed with SIGKILL while some are published and some are being published; a new
 * worker takes over. Every post must end published, and the Sandbox must hold one post per
 * publication — none twice, none missing. Several processes share one database, so this runs on
 * the PostgreSQL server only (PGlite is one process per data folder).
 */
describe.skipIf(testDbKind === 'pglite')('a worker killed mid-publish (PostgreSQL only: PGlite serves one process per data folder)', () => {
  let tdb: TestDatabase;
  let ctx: AppContext;
  let web: ServerChild | null = null;
  let scheduler: ChildProcess | null = null;
  const workers: ChildProcess[] = [];
  let env: Record<string, string>;

  beforeAll(async () => {
    ensureBuilt();
    tdb = await createTestDatabase();
    const secretKey = randomBytes(32).toString('base64');
    const config = loadConfig({ CHHAVI_DATA: mkdtempSync(join(tmpdir(), 'chhavi-crash-')), DATABASE_URL: tdb.url!, CHHAVI_DEMO: '0', LOG_LEVEL: 'silent' });
    ctx = await createContext(config, { db: tdb.db, logger: silentLogger, keyring: Keyring.fromBase64(secretKey) });
    await seedUnits(ctx.db, ctx.audit);
    env = { DATABASE_URL: tdb.url!, CHHAVI_SECRET_KEY: secretKey, CHHAVI_DEMO: '0', CHHAVI_PUBLISH_LEASE_SECONDS: String(LEASE_SECONDS), CHHAVI_ADMIN_PASSWORD: 'Crash-test-password-1' };
    // The web process serves the Sandbox platform; the scheduler process runs the reconciler.
    web = await startServerChild(env, ['--role', 'web']);
    env.CHHAVI_SANDBOX_URL = web.baseUrl;
    scheduler = (await startBackground('scheduler', env)).child;
  }, 400_000);

  afterAll(async () => {
    for (const w of workers) await killHard(w);
    if (scheduler) await killHard(scheduler);
    await web?.stop();
    await tdb?.drop();
  }, 60_000);

  it('publishes 200 posts exactly once across a SIGKILL and a restart', async () => {
    const unit = await makeUnit(ctx);
    const author = await makeUser(ctx, { role: 'agency_editor', unitIds: [unit.id] });
    const accounts: FixtureAccount[] = [];
    for (let i = 0; i < 10; i++) accounts.push(await makeSandboxAccount(ctx, unit.id, `crash_${i}_${randomBytes(3).toString('hex')}`));
    // Every publish takes a while on the platform (posts fall due faster than one worker publishes
    // them), so that its every slot holds a call in flight when it dies.
    for (const a of accounts) await ctx.sandbox.injectFault(a.handle, { mode: 'delay', count: 1_000, delayMs: 400, operations: ['publish'] });
    const start = Date.now() + 3_000;
    await insertManyPosts(ctx.db, { accounts, authorId: author.id, count: POSTS, dueAt: (i) => new Date(start + i * 40), text: (i) => `Crash test post ${i}: never twice.` });

    const count = async (sql: string) => (await ctx.db.query<{ n: number }>(sql))[0]!.n;
    const published = () => count(`SELECT count(*)::int AS n FROM publications WHERE state = 'published'`);

    const first = await startBackground('worker', env);
    workers.push(first.child);
    const until = async (what: string, ok: () => Promise<boolean>, ms: number) => {
      const deadline = Date.now() + ms;
      while (!(await ok())) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; worker output:\n${first.output()}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    };
    await until('a third published with calls in flight', async () => (await published()) >= 60 && (await count(`SELECT count(*)::int AS n FROM publications WHERE state = 'publishing'`)) > 0, 90_000);
    await killHard(first.child);
    const atKill = { published: await published(), inFlight: await count(`SELECT count(*)::int AS n FROM publications WHERE state = 'publishing'`) };
    expect(atKill.published).toBeGreaterThan(0);
    expect(atKill.published).toBeLessThan(POSTS);
    expect(atKill.inFlight).toBeGreaterThan(0);

    const second = await startBackground('worker', env);
    workers.push(second.child);
    const deadline = Date.now() + 150_000;
    while ((await count(`SELECT count(*)::int AS n FROM publications WHERE state IN ('published', 'failed', 'needs_verification', 'cancelled')`)) < POSTS) {
      if (Date.now() > deadline) throw new Error(`not all publications finished; worker output:\n${second.output()}`);
      await new Promise((r) => setTimeout(r, 200));
    }

    // Zero lost: every publication published, every post published.
    expect(await count(`SELECT count(*)::int AS n FROM publications`)).toBe(POSTS);
    expect(await published()).toBe(POSTS);
    expect(await count(`SELECT count(*)::int AS n FROM posts WHERE author_id = '${author.id}' AND status = 'published'`)).toBe(POSTS);
    // Zero duplicates, counted by content (not by the key the Sandbox enforces as unique).
    expect(await count(`SELECT count(*)::int AS n FROM sandbox_posts WHERE text LIKE 'Crash test post %'`)).toBe(POSTS);
    expect(await count(`SELECT count(DISTINCT text)::int AS n FROM sandbox_posts WHERE text LIKE 'Crash test post %'`)).toBe(POSTS);
    // Each publication points at the Sandbox post that carries its key.
    expect(
      await count(`SELECT count(*)::int AS n FROM publications pb JOIN sandbox_posts sp ON sp.idempotency_key = pb.idempotency_key AND sp.id::text = pb.remote_id`),
    ).toBe(POSTS);
    // The calls cut off by the kill were settled by recovery, which asked the platform first.
    const recovered = await count(`SELECT count(*)::int AS n FROM publication_attempts WHERE mode = 'recover'`);
    expect(recovered).toBeGreaterThanOrEqual(atKill.inFlight);
  }, 300_000);
});
