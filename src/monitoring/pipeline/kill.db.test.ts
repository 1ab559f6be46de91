import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../config/paths.js';
import { silentLogger } from '../../log/logger.js';
import { adminUrl, createTestDatabase, testDbKind, type TestDatabase } from '../../test-support/db.js';
import { languageOnlyEnricher } from '../mentions/enricher.js';
import type { IncomingMention } from '../mentions/incoming.js';
import { MAX_ITEMS_PER_MESSAGE } from './nats-message.js';
import { NatsStream } from './nats-stream.js';
import { IngestPipeline } from './pipeline.js';

/**
 * Nothing lost, nothing twice: a worker killed with SIGKILL in the middle of 100,000 mentions
 * (in process and on NATS JetStream), restarted, leaves every mention stored exactly once; the
 * same items again store nothing; a 10 s database outage is waited out. These need a second
 * process on the same database, so they run on the PostgreSQL server suite only.
 */
const N = 100_000;
const KILL_AT = 15_000;
const natsUrl = process.env.NATS_URL || 'nats://127.0.0.1:4222';
// Each case takes well under a minute on an idle two-core machine; the limit leaves room for a busy one.
const TIMEOUT = 600_000;

let t: TestDatabase;
let dir: string;
beforeAll(async () => {
  if (testDbKind !== 'postgres') return;
  t = await createTestDatabase();
  dir = mkdtempSync(join(tmpdir(), 'chhavi-kill-'));
});
afterAll(async () => {
  if (testDbKind !== 'postgres') return;
  await t.drop();
  rmSync(dir, { recursive: true, force: true });
});

function mention(prefix: string, i: number): IncomingMention {
  return {
    platform: 'sandbox',
    externalId: `${prefix}-${i}`,
    authorHandle: `user${i % 977}`,
    // Short texts keep enrichment cheap; one in ten is a copy of an earlier one (clustered).
    text: i % 10 === 0 ? `jam at ito crossing again today ${Math.floor(i / 1000)}` : `post ${i} from ${prefix}`,
    createdAt: new Date(Date.UTC(2026, 10, 1) + i * 10).toISOString(),
  };
}

function spawnCli(args: string[], env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', join(packageRoot, 'src', 'cli', 'main.ts'), ...args], {
    cwd: packageRoot,
    env: { ...process.env, LOG_LEVEL: 'warn', CHHAVI_DEMO: '0', CHHAVI_DATA: dir, DATABASE_URL: t.url!, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function count(prefix: string): Promise<number> {
  const [r] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM mentions WHERE external_id LIKE $1', [`${prefix}-%`]);
  return r!.n;
}

async function waitFor(cond: () => Promise<boolean>, ms: number, what: string, output?: () => string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${output ? `\n${output()}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Every stored mention counted once in its cluster's size: a write applied twice would show here. */
async function clusterSizesConsistent(): Promise<void> {
  const rows = await t.db.query<{ id: string; size: number; members: number }>(
    `SELECT c.id::text AS id, c.size, (SELECT count(*)::int FROM mentions m WHERE m.cluster_id = c.id) AS members FROM clusters c`,
  );
  for (const r of rows) expect(r.size, `cluster ${r.id}`).toBe(r.members);
}

describe.skipIf(testDbKind !== 'postgres')('kill and outage (server suite only: a second process on the same database)', () => {
  it('in process: an import killed mid-way and run again stores every mention once; the same items again store nothing', async () => {
    const file = join(dir, 'mentions.jsonl');
    writeFileSync(file, Array.from({ length: N }, (_, i) => JSON.stringify(mention('emb', i))).join('\n') + '\n');
    const first = spawnCli(['import', 'mentions', file, '--json'], {});
    await waitFor(async () => (await count('emb')) >= KILL_AT || first.child.exitCode !== null, 300_000, 'the first import to store some mentions', first.output);
    first.child.kill('SIGKILL');
    await first.exited;
    const partial = await count('emb');
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(N);

    const second = spawnCli(['import', 'mentions', file, '--json'], {});
    expect(await second.exited, second.output()).toBe(0);
    const report = JSON.parse(second.output().trim().split('\n').pop()!) as { resumedAfterLine: number; stored: number; duplicates: number };
    expect(report.resumedAfterLine).toBeGreaterThan(0);
    expect(await count('emb')).toBe(N);
    expect(report.stored).toBe(N - partial);
    await clusterSizesConsistent();

    // The same items again (here 5,000 of them in another file, read from its first line): nothing stored.
    const repeat = join(dir, 'repeat.jsonl');
    writeFileSync(repeat, Array.from({ length: 5000 }, (_, i) => JSON.stringify(mention('emb', i * 20))).join('\n') + '\n');
    const third = spawnCli(['import', 'mentions', repeat, '--json'], {});
    expect(await third.exited, third.output()).toBe(0);
    const again = JSON.parse(third.output().trim().split('\n').pop()!) as { stored: number; duplicates: number };
    expect(again).toMatchObject({ stored: 0, duplicates: 5000 });
    expect(await count('emb')).toBe(N);
  }, TIMEOUT);

  it('NATS JetStream: a worker killed mid-way and restarted leaves every mention stored once', async () => {
    const stream = `CHHAVI_KILL_${randomBytes(4).toString('hex')}`;
    // Declared here with a short acknowledgement wait, so the killed worker's batch returns quickly.
    const s = await NatsStream.open({ url: natsUrl, stream, ackWaitSeconds: 3 });
    try {
      const items = Array.from({ length: N }, (_, i) => mention('nat', i));
      for (let i = 0; i < N; i += 10_000) await s.publish(items.slice(i, i + 10_000));
      expect(await s.backlog()).toBe(N / MAX_ITEMS_PER_MESSAGE);
      const env = { NATS_URL: natsUrl, CHHAVI_NATS_STREAM: stream };
      const first = spawnCli(['start', '--role', 'worker'], env);
      await waitFor(async () => (await count('nat')) >= KILL_AT || first.child.exitCode !== null, 300_000, 'the worker to store some mentions', first.output);
      first.child.kill('SIGKILL');
      await first.exited;
      const partial = await count('nat');
      expect(partial).toBeLessThan(N);

      const second = spawnCli(['start', '--role', 'worker'], env);
      try {
        await waitFor(async () => (await count('nat')) >= N, 480_000, 'the restarted worker to store every mention', second.output);
        await waitFor(async () => (await s.backlog()) === 0, 30_000, 'the stream to be acknowledged empty', second.output);
        // The same items published again (a source re-reading): nothing new is stored.
        await s.publish(items.slice(0, 5000).map((m) => ({ ...m, receivedAt: new Date().toISOString() })));
        await waitFor(async () => (await s.backlog()) === 0, 30_000, 'the repeated items to be consumed', second.output);
      } finally {
        second.child.kill('SIGTERM');
        await second.exited;
      }
      expect(await count('nat')).toBe(N);
      await clusterSizesConsistent();
    } finally {
      await s.destroy();
      await s.close();
    }
  }, TIMEOUT);

  it('survives a 10 s database outage with nothing lost', async () => {
    const p = new IngestPipeline({ db: t.db, logger: silentLogger }, { enrich: languageOnlyEnricher, consume: { batchSize: 500 } });
    const writer = await p.startWorkers();
    const items = Array.from({ length: 10_000 }, (_, i) => mention('out', i));
    const name = new URL(t.url!).pathname.slice(1);
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      const publishing = Promise.all(Array.from({ length: 10 }, (_, k) => p.publish(items.slice(k * 1000, (k + 1) * 1000))));
      await waitFor(async () => (await count('out')) > 0, 60_000, 'the first writes');
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
      const downAt = Date.now();
      await new Promise((r) => setTimeout(r, 10_000));
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
      await publishing;
      expect(Date.now() - downAt).toBeGreaterThanOrEqual(10_000);
      expect(writer.stats.retries).toBeGreaterThan(0);
      expect(writer.stats.rejected).toBe(0);
      expect(await count('out')).toBe(10_000);
    } finally {
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`).catch(() => undefined);
      await admin.end();
      await p.stop();
    }
  }, TIMEOUT);
});
