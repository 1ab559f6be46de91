import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline as pump } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { AuditLog } from '../audit/audit-log.js';
import type { Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { openPostgres } from '../db/postgres.js';
import { silentLogger } from '../log/logger.js';
import { defaultEnricher, type Enricher } from '../monitoring/mentions/enricher.js';
import type { IncomingMention } from '../monitoring/mentions/incoming.js';
import { copyText } from '../monitoring/mentions/insert-columns.js';
import { MentionMatching } from '../monitoring/matching/mention-matching.js';
import type { MentionRow } from '../monitoring/mentions/mention-repository.js';
import { prepareRow } from '../monitoring/mentions/prepare.js';
import { NatsStream } from '../monitoring/pipeline/nats-stream.js';
import { IngestPipeline } from '../monitoring/pipeline/pipeline.js';
import { Pseudonymiser } from '../monitoring/retention/pseudonymiser.js';
import { loadDemoPosts } from '../monitoring/sources/demo-stream.js';
import { DEMO_WATCHES } from '../monitoring/watches/demo-watches.js';
import { insertWatch } from '../monitoring/watches/watch-repository.js';
import { Keyring } from '../secrets/keyring.js';
import { seedUnits } from '../units/seed.js';
import { percentile, round } from './stats.js';

export interface IngestBenchOptions {
  mentions: number;
  /** Seconds of the fixed-rate latency phase. */
  latencySeconds: number;
  rate: number;
  /** PostgreSQL server to create a scratch database on (DATABASE_URL, else the local server). */
  databaseUrl?: string | undefined;
  natsUrl?: string | undefined;
}

/**
 * Synthetic but realistic mentions: each text joins the first half of one demo post to the second
 * half of another (Hindi, English and Hinglish about Delhi), so most are distinct and some are
 * near-duplicates, as in a live stream. The same `seed` gives the same texts.
 */
export function benchMentions(n: number, run: string, seed = 0x2545f491): IncomingMention[] {
  const posts = loadDemoPosts();
  const out: IncomingMention[] = [];
  const t0 = Date.UTC(2026, 10, 1);
  let x = seed;
  const rnd = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x100000000;
  };
  for (let i = 0; i < n; i++) {
    const a = posts[Math.floor(rnd() * posts.length)]!;
    const b = posts[Math.floor(rnd() * posts.length)]!;
    const wa = a.text.split(' ');
    const wb = b.text.split(' ');
    const text = [...wa.slice(0, Math.ceil(wa.length / 2)), ...wb.slice(Math.floor(wb.length / 2))].join(' ');
    out.push({
      platform: 'sandbox',
      externalId: `${run}-${i}`,
      url: `https://sandbox.example/posts/${run}-${i}`,
      authorHandle: a.author,
      authorName: a.author,
      text,
      createdAt: new Date(t0 + i * 37).toISOString(),
      engagement: { likes: i % 17, shares: i % 5 },
      raw: { id: `${run}-${i}`, text, author: a.author },
    });
  }
  return out;
}

function adminUrl(databaseUrl: string | undefined): string {
  return databaseUrl || process.env.CHHAVI_TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
}

/**
 * A database made for one phase: its pool, its name and address, the watch matcher that runs
 * after each write (the demo's watches, which the bench's stream meets), and how to drop it.
 */
interface ScratchDatabase {
  db: Database;
  name: string;
  url: string;
  matching: MentionMatching;
  drop(): Promise<void>;
}

/** The Delhi units and the demo's watches, owned by a user made for them; the matcher over them. */
async function watching(db: Database): Promise<MentionMatching> {
  await seedUnits(db, new AuditLog(db));
  const [owner] = await db.query<{ id: string }>(
    "INSERT INTO users (username, display_name, role, password_hash) VALUES ('bench-watcher', 'Ingest bench', 'sb_supervisor', '!') RETURNING id",
  );
  const expiresAt = new Date(Date.now() + 86_400_000);
  for (const w of DEMO_WATCHES) {
    await insertWatch(db, { name: w.name, query: w.query, ownerId: owner!.id, purpose: w.purpose, legalBasis: w.legalBasis, unitIds: w.unitIds, expiresAt, retentionDays: w.retentionDays, paused: false }, owner!.id);
  }
  return new MentionMatching(db, new Pseudonymiser(Keyring.fromBase64(randomBytes(32).toString('base64'))));
}

async function scratchDatabase(url: string): Promise<ScratchDatabase> {
  const name = `chhavi_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const db = await openPostgres(u.toString(), 8);
  await migrate(db);
  return {
    db,
    name,
    url: u.toString(),
    matching: await watching(db),
    async drop() {
      await db.close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

async function countMentions(db: Database, prefix: string): Promise<number> {
  const [r] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM mentions WHERE external_id LIKE $1', [`${prefix}-%`]);
  return r!.n;
}

/**
 * Mentions written before a throughput phase's clock starts. The writer's functions run once a
 * batch, so V8 gathers their type feedback slowly: with 500 mentions of warm-up, its helper threads
 * spent 1.5-3.3 s of the timed phase's 6-8 s optimising them again (`--trace-opt`), about 20 µs of
 * CPU a mention on two cores, which a process that has been ingesting for a minute no longer pays.
 * After 10,000 mentions (five batches of 2,000), 0.2 s.
 */
const WARM_UP = 10_000;

/**
 * CPU seconds so far of the PostgreSQL backends serving `database` on this machine, read from
 * /proc (USER_HZ is 100 on Linux); null where there is no /proc or no such backend here (a server
 * on another machine).
 */
function serverCpuSeconds(database: string): number | null {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return null;
  }
  let ticks = 0;
  let found = false;
  for (const pid of entries) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const title = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!title.startsWith('postgres:') || !title.includes(` ${database} `)) continue;
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
      found = true;
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return found ? ticks / 100 : null;
}

/** CPU a mention in this process (all its threads) and in the server's backends, µs. */
interface CpuPerMention {
  processUs: number;
  serverUs: number | null;
}

/** Publishes everything through a pipeline and waits until it is stored; mentions per second. */
async function throughput(scratch: ScratchDatabase, items: IncomingMention[], enrich: Enricher, natsUrl: string | null, prefix: string): Promise<{ perS: number; cpu: CpuPerMention; matched: number; clusterIds: Float64Array }> {
  const db = scratch.db;
  const stream = `CHHAVI_BENCH_${randomBytes(4).toString('hex')}`;
  const p = new IngestPipeline({ db, logger: silentLogger, monitoring: scratch.matching }, { natsUrl: natsUrl ?? undefined, natsStream: stream, enrich, capacity: 20_000 });
  try {
    // Steady state: the enrichment threads are started and have loaded the model before the clock
    // starts (on NATS the warm-up's batches can be too small to start them).
    await p.startWarm();
    // Another sequence of texts than the phase's (the same would make its first 10,000 copies of
    // mentions already stored), drawn from the same posts, as a stream that went on before.
    const warm = benchMentions(WARM_UP, `${prefix}w`, 0x1b873593);
    for (let i = 0; i < warm.length; i += 1000) await p.publish(warm.slice(i, i + 1000));
    while ((p.stats?.stored ?? 0) < warm.length) await new Promise((r) => setTimeout(r, 5));
    const base = p.stats?.stored ?? 0;
    const server0 = serverCpuSeconds(scratch.name);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const CHUNK = 1000;
    let next = 0;
    const publisher = async () => {
      while (next < items.length) {
        const i = next;
        next += CHUNK;
        await p.publish(items.slice(i, i + CHUNK));
      }
    };
    await Promise.all(Array.from({ length: 8 }, () => publisher()));
    while ((p.stats?.stored ?? 0) - base < items.length) {
      await new Promise((r) => setTimeout(r, 5));
      if (performance.now() - t0 > 600_000) throw new Error('ingest bench: the pipeline did not store every mention within 10 minutes');
    }
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const server1 = serverCpuSeconds(scratch.name);
    if ((await countMentions(db, prefix)) !== items.length) throw new Error('ingest bench: stored count differs from published count');
    // Each item's cluster as stored (NaN for none), for the COPY of the same rows; numbers in one
    // typed array, not 50,000 strings for the phases after this one to carry through their collections.
    const clusterIds = new Float64Array(items.length).fill(NaN);
    const byItem = new Map(items.map((m, i) => [m.externalId, i]));
    for (const r of await db.query<{ external_id: string; cluster_id: string }>('SELECT external_id, cluster_id::text AS cluster_id FROM mentions WHERE external_id LIKE $1 AND cluster_id IS NOT NULL', [`${prefix}-%`])) {
      clusterIds[byItem.get(r.external_id)!] = Number(r.cluster_id);
    }
    const [m] = await db.query<{ n: number }>('SELECT count(DISTINCT mention_id)::int AS n FROM watch_matches');
    if (natsUrl) await ((await p.getStream()) as NatsStream).destroy();
    return {
      perS: items.length / seconds,
      clusterIds,
      matched: m!.n / (items.length + WARM_UP),
      cpu: {
        processUs: (cpu.user + cpu.system) / items.length,
        serverUs: server0 === null || server1 === null ? null : ((server1 - server0) * 1e6) / items.length,
      },
    };
  } finally {
    await p.stop();
  }
}

/** Publishes at a fixed rate and measures publish → committed for every mention. */
async function latency(scratch: ScratchDatabase, items: IncomingMention[], enrich: Enricher, natsUrl: string | null, rate: number): Promise<{ p50: number; p99: number }> {
  const stream = `CHHAVI_BENCH_${randomBytes(4).toString('hex')}`;
  const p = new IngestPipeline({ db: scratch.db, logger: silentLogger, monitoring: scratch.matching }, { natsUrl: natsUrl ?? undefined, natsStream: stream, enrich, consume: { lingerMs: 5 } });
  const sent = new Map<string, number>();
  const sample: number[] = [];
  try {
    const writer = await p.startWorkers();
    writer.onCommitted = (batch) => {
      const now = performance.now();
      for (const m of batch) {
        const t = sent.get(m.externalId);
        if (t !== undefined) {
          sample.push(now - t);
          sent.delete(m.externalId);
        }
      }
    };
    // A publish every 10 ms of rate/100 items, so arrivals are smooth. The first second, at the
    // same rate, is not timed: it reaches the steady state of that rate (JIT, connections) without
    // a burst that would start the enrichment threads, which a steady 1,000/s does not.
    const perTick = Math.max(1, Math.round(rate / 100));
    const paced = async (list: IncomingMention[], timed: boolean): Promise<void> => {
      const t0 = performance.now();
      const pending: Promise<void>[] = [];
      for (let i = 0, tick = 0; i < list.length; tick++) {
        const due = t0 + tick * 10;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        const chunk = list.slice(i, i + perTick);
        i += perTick;
        const now = performance.now();
        if (timed) for (const m of chunk) sent.set(m.externalId, now);
        pending.push(p.publish(chunk));
      }
      await Promise.all(pending);
    };
    await paced(benchMentions(rate, `w${items[0]?.externalId ?? 'x'}`), false);
    await paced(items, true);
    const deadline = performance.now() + 60_000;
    while (sample.length < items.length && performance.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    if (natsUrl) await ((await p.getStream()) as NatsStream).destroy();
  } finally {
    await p.stop();
  }
  return { p50: percentile(sample, 50), p99: percentile(sample, 99) };
}

const COPY_COLUMNS: [string, (r: MentionRow) => string | null][] = [
  ['platform', (r) => r.platform],
  ['external_id', (r) => r.externalId],
  ['url', (r) => r.url],
  ['author_handle', (r) => r.authorHandle],
  ['author_name', (r) => r.authorName],
  ['text', (r) => r.text],
  ['normalized', (r) => r.normalized],
  ['lang', (r) => r.lang],
  ['media', (r) => r.media],
  ['engagement', (r) => r.engagement],
  ['raw', (r) => r.raw],
  ['content_hash', (r) => r.contentHash],
  ['scores', (r) => r.scores],
  ['labels', (r) => `{${r.labels.map((l) => `"${l}"`).join(',')}}`],
  ['geo_district', (r) => r.geoDistrict],
  ['geo_station', (r) => r.geoStation],
  ['model', (r) => r.model],
  ['cluster_key', (r) => r.clusterKey],
  ['unit_ids', (r) => `{${r.unitIds.map((u) => `"${u}"`).join(',')}}`],
  ['created_at', (r) => r.createdAt],
  ['received_at', (r) => r.receivedAt],
  ['search_keys', (r) => r.searchKeys],
];

function copyField(v: string | null): string {
  return v === null ? '\\N' : copyText(v);
}

/**
 * The same rows (already enriched) by one plain COPY into a table shaped and indexed like mentions,
 * with the clusters the pipeline gave them (`clusterIds`, by row; a partial index covers the rows
 * that have one).
 */
async function copyRows(scratch: ScratchDatabase, rows: MentionRow[], clusterIds: Float64Array): Promise<{ perS: number; serverUs: number | null }> {
  const client = new pg.Client({ connectionString: scratch.url });
  await client.connect();
  const database = scratch.name;
  try {
    await client.query('CREATE TABLE bench_copy (LIKE mentions INCLUDING DEFAULTS INCLUDING IDENTITY INCLUDING INDEXES INCLUDING CONSTRAINTS)');
    const cols = [...COPY_COLUMNS.map(([c]) => c), 'cluster_id'].join(', ');
    const server0 = serverCpuSeconds(database);
    const t0 = performance.now();
    const sink = client.query(copyFrom(`COPY bench_copy (${cols}) FROM STDIN`));
    async function* lines() {
      let buf = '';
      for (let i = 0; i < rows.length; i++) {
        const cluster = clusterIds[i]!;
        buf += `${COPY_COLUMNS.map(([, f]) => copyField(f(rows[i]!))).join('\t')}\t${Number.isNaN(cluster) ? '\\N' : cluster}\n`;
        if (buf.length > 1 << 20) {
          yield buf;
          buf = '';
        }
      }
      if (buf) yield buf;
    }
    await pump(Readable.from(lines()), sink);
    const perS = rows.length / ((performance.now() - t0) / 1000);
    const server1 = serverCpuSeconds(database);
    const [copied] = (await client.query<{ rows: number; clustered: number }>('SELECT count(*)::int AS rows, count(cluster_id)::int AS clustered FROM bench_copy')).rows;
    const clustered = clusterIds.reduce((n, id) => (Number.isNaN(id) ? n : n + 1), 0);
    if (copied!.rows !== rows.length || copied!.clustered !== clustered) throw new Error(`ingest bench: the COPY stored ${copied!.rows} rows (${copied!.clustered} with a cluster), not ${rows.length} (${clustered})`);
    return { perS, serverUs: server0 === null || server1 === null ? null : ((server1 - server0) * 1e6) / rows.length };
  } finally {
    await client.end();
  }
}

async function natsReachable(url: string): Promise<boolean> {
  try {
    const s = await NatsStream.open({ url, stream: `CHHAVI_BENCH_PROBE_${randomBytes(3).toString('hex')}` });
    await s.destroy();
    await s.close();
    return true;
  } catch {
    return false;
  }
}

/**
 * `chhavi bench ingest`: end-to-end mentions per second (enrichment, watch matching with the
 * demo's watches and the alert hook, clustering, idempotent batched writes) into a PostgreSQL
 * server through the in-process stream and through NATS JetStream, a plain COPY of the same rows
 * for comparison, and publish → stored latency at a fixed rate. Each phase uses a scratch
 * database, dropped afterwards.
 */
export async function runIngestBench(opts: IngestBenchOptions): Promise<Record<string, number | string | null>> {
  const url = adminUrl(opts.databaseUrl);
  const natsUrl = opts.natsUrl || 'nats://127.0.0.1:4222';
  const enrich = defaultEnricher(silentLogger);
  const withNats = await natsReachable(natsUrl);
  const run = randomBytes(3).toString('hex');
  const items = benchMentions(opts.mentions, `b${run}`);

  const result: Record<string, number | string | null> = { mentions: opts.mentions, enricher: enrich.name || 'enrich' };
  // CHHAVI_BENCH_TRACE=1 prints the figures so far after each phase (the whole run takes minutes).
  const trace = (what: string) => {
    if (process.env.CHHAVI_BENCH_TRACE) console.error(`${what}: ${JSON.stringify(result)}`);
  };

  let s = await scratchDatabase(url);
  let clusterIds: Float64Array;
  try {
    const t = await throughput(s, items, enrich, null, `b${run}`);
    clusterIds = t.clusterIds;
    result.mentions_per_s = round(t.perS, 0);
    result.process_cpu_us_per_mention = round(t.cpu.processUs, 0);
    result.server_cpu_us_per_mention = t.cpu.serverUs === null ? null : round(t.cpu.serverUs, 0);
    result.matched_share = round(t.matched, 3);
  } finally {
    await s.drop();
  }
  if (withNats) {
    s = await scratchDatabase(url);
    try {
      const natsItems = benchMentions(opts.mentions, `n${run}`);
      result.nats_mentions_per_s = round((await throughput(s, natsItems, enrich, natsUrl, `n${run}`)).perS, 0);
    } finally {
      await s.drop();
    }
  } else result.nats_mentions_per_s = null;
  trace('throughput');

  // The COPY's rows are enriched here, not before the pipeline phases: 50,000 prepared rows kept
  // alive through them would be old objects that every major collection of those phases marks.
  const enrichT0 = performance.now();
  const now = new Date().toISOString();
  const prepared = items.map((m) => prepareRow(m, enrich, now));
  const enrichPerS = items.length / ((performance.now() - enrichT0) / 1000);
  s = await scratchDatabase(url);
  try {
    const c = await copyRows(s, prepared, clusterIds);
    result.copy_rows_per_s = round(c.perS, 0);
    result.copy_server_cpu_us_per_row = c.serverUs === null ? null : round(c.serverUs, 0);
  } finally {
    await s.drop();
  }
  result.share_of_copy = round((result.mentions_per_s ?? 0) / (result.copy_rows_per_s ?? 1), 3);
  result.enrich_posts_per_s = round(enrichPerS, 0);
  trace('copy');

  const latencyItems = benchMentions(opts.rate * opts.latencySeconds, `l${run}`);
  s = await scratchDatabase(url);
  try {
    const l = await latency(s, latencyItems, enrich, null, opts.rate);
    result.rate_per_s = opts.rate;
    result.latency_p50_ms = round(l.p50, 1);
    result.latency_p99_ms = round(l.p99, 1);
  } finally {
    await s.drop();
  }
  if (withNats) {
    const natsLatencyItems = benchMentions(opts.rate * opts.latencySeconds, `m${run}`);
    s = await scratchDatabase(url);
    try {
      const l = await latency(s, natsLatencyItems, enrich, natsUrl, opts.rate);
      result.nats_latency_p50_ms = round(l.p50, 1);
      result.nats_latency_p99_ms = round(l.p99, 1);
    } finally {
      await s.drop();
    }
  }
  return result;
}
