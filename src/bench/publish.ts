import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createContext } from '../app/create-context.js';
import { startProcess } from '../app/start.js';
import type { SystemActor } from '../auth/actor.js';
import { loadConfig } from '../config/config.js';
import { insertManyPosts, makeSandboxAccount, type FixtureAccount } from '../publishing/publisher/delivery-fixtures.js';
import { percentile, round } from './stats.js';

export interface PublishBenchOptions {
  posts: number;
  accounts: number;
  /** Seconds over which the posts fall due. */
  windowSeconds: number;
  /** Seconds from the end of seeding to the first due time. */
  leadSeconds: number;
  /** A PostgreSQL server: the bench runs in a database of its own there, dropped afterwards. */
  databaseUrl?: string | undefined;
}

const BENCH: SystemActor = { system: true, label: 'bench' };

/**
 * Publishing at scale: `posts` approved posts across `accounts` Sandbox accounts fall due within
 * `windowSeconds`; one Chhavi process (web, scheduler and workers, as `chhavi start`) publishes
 * them to its own Sandbox over HTTP. Measures due → published delay and throughput, and checks
 * that every post went out exactly once.
 */
export async function runPublishBench(opts: PublishBenchOptions): Promise<Record<string, number | string>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'chhavi-bench-publish-'));
  let dropDatabase: (() => Promise<void>) | null = null;
  let databaseUrl: string | undefined;
  if (opts.databaseUrl) {
    const name = `chhavi_bench_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: opts.databaseUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(opts.databaseUrl);
    u.pathname = `/${name}`;
    databaseUrl = u.toString();
    dropDatabase = async () => {
      const a = new pg.Client({ connectionString: opts.databaseUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    };
  }
  const config = loadConfig({
    CHHAVI_DATA: dataDir,
    CHHAVI_DEMO: '0',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    PORT: '0',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  });
  const ctx = await createContext(config);
  const running = await startProcess(ctx, 'all', () => undefined);
  try {
    const port = (running.app!.server.address() as { port: number }).port;
    // The Sandbox is served by this very process; its connector reaches it over loopback.
    ctx.config.sandboxUrl = `http://127.0.0.1:${port}`;

    const units = await ctx.db.query<{ id: string }>("SELECT id FROM units WHERE kind = 'district' ORDER BY id");
    const { user } = await ctx.users.create(BENCH, {
      username: `bench-${randomBytes(3).toString('hex')}`,
      displayName: 'Publish bench',
      role: 'admin',
      password: `Bench-${randomBytes(12).toString('base64url')}`,
      mustChangePassword: false,
    });
    const accounts: FixtureAccount[] = [];
    for (let i = 0; i < opts.accounts; i++) {
      accounts.push(await makeSandboxAccount(ctx, units[i % units.length]!.id, `bench_${i}_${randomBytes(3).toString('hex')}`));
    }
    const seedStart = performance.now();
    const first = Date.now() + opts.leadSeconds * 1000;
    const spacing = (opts.windowSeconds * 1000) / opts.posts;
    const chunk = 1_000;
    for (let from = 0; from < opts.posts; from += chunk) {
      const n = Math.min(chunk, opts.posts - from);
      await insertManyPosts(ctx.db, { accounts, authorId: user.id, count: n, dueAt: (i) => new Date(first + (from + i) * spacing), text: (i) => `Bench post ${from + i}: report cyber fraud on 1930.` });
    }
    const seedMs = performance.now() - seedStart;
    // CPU of the whole process (every thread) from here to the last publish: steadier than the delays on a shared machine.
    const cpuStart = process.cpuUsage();

    const deadline = Date.now() + (opts.leadSeconds + opts.windowSeconds) * 1000 + 600_000;
    for (;;) {
      const [row] = await ctx.db.query<{ done: number; failed: number }>(
        "SELECT count(*) FILTER (WHERE state = 'published')::int AS done, count(*) FILTER (WHERE state IN ('failed', 'needs_verification'))::int AS failed FROM publications",
      );
      if (row!.done + row!.failed >= opts.posts) break;
      if (Date.now() > deadline) throw new Error(`only ${row!.done} of ${opts.posts} published before the deadline`);
      await new Promise((r) => setTimeout(r, 1000));
    }

    const cpu = process.cpuUsage(cpuStart);
    const delays = await ctx.db.query<{ ms: number; claimMs: number }>(
      `SELECT (extract(epoch FROM (published_at - due_at)) * 1000)::float8 AS ms, (extract(epoch FROM (started_at - due_at)) * 1000)::float8 AS "claimMs"
       FROM publications WHERE state = 'published'`,
    );
    const [span] = await ctx.db.query<{ firstMs: number; lastMs: number; failed: number; sandbox: number; distinct: number }>(
      `SELECT (extract(epoch FROM min(published_at)) * 1000)::float8 AS "firstMs", (extract(epoch FROM max(published_at)) * 1000)::float8 AS "lastMs",
         count(*) FILTER (WHERE state <> 'published')::int AS failed,
         (SELECT count(*)::int FROM sandbox_posts WHERE text LIKE 'Bench post %') AS sandbox,
         (SELECT count(DISTINCT text)::int FROM sandbox_posts WHERE text LIKE 'Bench post %') AS distinct
       FROM publications`,
    );
    const sample = delays.map((d) => d.ms);
    // Due → claimed (the attempt started): the dispatch's part of the delay; the rest is the call and its record.
    const claimed = delays.map((d) => d.claimMs);
    const seconds = Math.max(0.001, (span!.lastMs - span!.firstMs) / 1000);
    return {
      database: ctx.db.kind,
      posts: opts.posts,
      accounts: opts.accounts,
      window_s: opts.windowSeconds,
      seed_ms: round(seedMs, 0),
      delay_p50_ms: round(percentile(sample, 50), 1),
      delay_p99_ms: round(percentile(sample, 99), 1),
      delay_max_ms: round(Math.max(...sample), 1),
      delay_min_ms: round(Math.min(...sample), 1),
      claim_delay_p50_ms: round(percentile(claimed, 50), 1),
      claim_delay_p99_ms: round(percentile(claimed, 99), 1),
      posts_per_s: round(sample.length / seconds, 1),
      cpu_ms_per_post: round((cpu.user + cpu.system) / 1000 / opts.posts, 2),
      published: sample.length,
      failed: span!.failed,
      duplicates: span!.sandbox - span!.distinct,
    };
  } finally {
    await running.stop();
    rmSync(dataDir, { recursive: true, force: true });
    if (dropDatabase) await dropDatabase();
  }
}
