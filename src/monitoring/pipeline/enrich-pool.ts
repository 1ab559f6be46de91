import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../../log/logger.js';
import type { WatchIndex } from '../matching/watch-index.js';
import { enricherOfKind, languageOnlyEnricher, remembering, type Enricher, type EnricherKind } from '../mentions/enricher.js';
import type { IncomingMention } from '../mentions/incoming.js';
import { itemKey, prepareBatch, type PreparedBatch } from '../mentions/ingest.js';
import { formFor, joinColumnBatches, type ColumnBatch } from '../mentions/insert-columns.js';
import type { MentionRow } from '../mentions/mention-repository.js';
import { prepareRow } from '../mentions/prepare.js';
import type { EnrichRequest, EnrichResponse } from './enrich-worker.js';

/** Prepares a batch for writing (enrichment, hashes, JSON), on this thread or on others. */
export type BatchPreparer = (items: readonly IncomingMention[]) => Promise<PreparedBatch>;

/** An enrichment step that failed inside the code (not because the thread went away): the batch is split to find the item. */
export class EnrichFailed extends Error {
  override name = 'EnrichFailed';
}

/** The thread running a chunk ended before answering; the chunk goes to a fresh thread. */
class ThreadLost extends Error {
  override name = 'ThreadLost';
}

interface Job {
  req: EnrichRequest;
  watches: WatchIndex | null;
  resolve: (columns: ColumnBatch) => void;
  reject: (err: Error) => void;
  attempts: number;
}

interface Thread {
  worker: Worker;
  jobs: Map<number, Job>;
  /** The thread has loaded its enricher. */
  ready: boolean;
  /** The watch index (`WatchIndex.stamp`) the thread was last sent. */
  watches: number;
  /** Settles when the thread is ready, or fails when it ends before that. */
  started: Promise<void>;
}

export interface EnrichPoolOptions {
  /** Threads at most (default: `defaultEnrichThreads()`). */
  threads?: number;
  /** Which enricher the threads run: the default (full when the model loads) or language only. */
  enricher: EnricherKind;
  /** Threads end after this long without work; the next batch starts them again (memory of an idle server). */
  idleMs?: number;
  logger?: Logger | undefined;
  /**
   * The same enricher on this thread: while no thread is ready (none started yet, or all ended
   * after a quiet spell) batches are enriched here; a batch of START_AT items starts threads.
   * Without it, the rows that the writer needs whole (items already stored) are prepared here by
   * the enricher of that kind.
   */
  local?: Enricher;
}

/**
 * One core for the writer's thread and the database, the others for enrichment: the machine's
 * cores less one, at least 1 and at most 4. A thread warms its own caches (spelling keys, new
 * words), so on 2 cores two threads cost more CPU a mention than one (`chhavi bench ingest`'s
 * stream: 46-52 µs of enrichment threads a mention with two, 40-43 µs with one).
 */
export function defaultEnrichThreads(): number {
  return Math.min(4, Math.max(1, availableParallelism() - 1));
}

/** Below this many items a chunk is not worth a thread's round trip; a batch is split into chunks at least this big. */
const MIN_CHUNK = 100;
/**
 * A batch this big starts the threads: the stream is backed up (at a steady 1,000/s, batches are
 * tens of items). Starting threads costs seconds of CPU for the model, which a trickle should not pay.
 */
const START_AT = 500;

/**
 * Enrichment on worker threads, so the CPU work of batch N+1 runs while batch N is written and
 * the writer's thread only moves rows to the database. Each thread loads its own copy of the model
 * (about 60 MB) when it starts; until one is ready, batches are enriched on this thread (`local`),
 * so no batch waits for a model to load. Threads end after `idleMs` without work. A batch is cut
 * into one chunk per ready thread and the rows come back in the batch's order.
 */
export class EnrichPool {
  private readonly threads: Thread[] = [];
  private readonly max: number;
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | null = null;
  private closed = false;
  /** `opts.local`, remembering texts as the threads do. */
  private readonly local: Enricher | undefined;

  constructor(private readonly opts: EnrichPoolOptions) {
    this.max = Math.max(1, opts.threads ?? defaultEnrichThreads());
    this.local = opts.local && remembering(opts.local);
  }

  get size(): number {
    return this.threads.length;
  }

  /** Prepares a batch, matched against `watches` (sent to a thread with its first batch after they change). */
  async prepare(items: readonly IncomingMention[], watches: WatchIndex | null = null): Promise<PreparedBatch> {
    if (this.closed) throw new Error('the enrichment pool is closed');
    if (items.length === 0) return prepareBatch(items, languageOnlyEnricher);
    const ready = this.threads.filter((t) => t.ready).length;
    // Threads start (and load the model) in the background; until one is ready, this thread enriches.
    if (items.length >= START_AT) while (this.threads.length < this.max) this.spawn();
    if (this.local && ready === 0) {
      this.touch();
      return prepareBatch(items, this.local, watches);
    }
    const now = new Date().toISOString();
    const form = formFor(items.length);
    const chunks = Math.max(1, Math.min(Math.max(ready, 1), Math.ceil(items.length / MIN_CHUNK)));
    const per = Math.ceil(items.length / chunks);
    this.touch();
    const parts = await Promise.all(
      Array.from({ length: chunks }, (_, i) => this.run({ id: this.nextId++, enricher: this.opts.enricher, items: items.slice(i * per, (i + 1) * per), now, form }, watches)),
    );
    this.touch();
    // A row whole is prepared again here, when the writer asks for it: the same enricher and time give the same row.
    const local = this.local ?? enricherOfKind(this.opts.enricher, this.opts.logger);
    const rows = new Map<number, MentionRow>();
    const row = (i: number) => {
      let r = rows.get(i);
      if (r === undefined) rows.set(i, (r = prepareRow(items[i]!, local, now, watches)));
      return r;
    };
    return { keys: items.map(itemKey), columns: joinColumnBatches(parts), row };
  }

  /**
   * Starts every thread now and resolves when each has loaded its enricher: for a backlog known to
   * be coming (a benchmark's, a worker process's start), which would otherwise be enriched on this
   * thread while the threads load. Fails if a thread ends before it is ready.
   */
  async warm(): Promise<void> {
    if (this.closed) throw new Error('the enrichment pool is closed');
    while (this.threads.length < this.max) this.spawn();
    this.touch();
    await Promise.all(this.threads.map((t) => t.started));
  }

  private run(req: EnrichRequest, watches: WatchIndex | null): Promise<ColumnBatch> {
    return new Promise((resolve, reject) => this.dispatch({ req, watches, resolve, reject, attempts: 0 }));
  }

  /** The least busy thread takes the job; a new thread starts while there are fewer than `max` and all are busy. */
  private dispatch(job: Job): void {
    const pick = (ts: Thread[]) => ts.reduce<Thread | null>((best, x) => (best === null || x.jobs.size < best.jobs.size ? x : best), null);
    let t = pick(this.threads.filter((x) => x.ready)) ?? pick(this.threads);
    if (!t || (t.jobs.size > 0 && this.threads.length < this.max)) t = this.spawn();
    t.jobs.set(job.req.id, job);
    t.worker.ref();
    // A thread keeps the last watches it was sent; the index goes along only when it changed.
    const stamp = job.watches?.stamp ?? 0;
    const req: EnrichRequest = { ...job.req, watches: stamp === 0 ? null : { stamp, sources: t.watches === stamp ? null : [...job.watches!.sources] } };
    t.watches = stamp;
    t.worker.postMessage(req);
  }

  private spawn(): Thread {
    const worker = startWorker(this.opts.enricher);
    let started!: { resolve: () => void; reject: (err: Error) => void };
    const t: Thread = { worker, jobs: new Map(), ready: false, watches: 0, started: new Promise((resolve, reject) => (started = { resolve, reject })) };
    // Only `warm` waits for it; a thread lost before it is ready is handled by `lost` below.
    t.started.catch(() => undefined);
    this.threads.push(t);
    worker.on('message', (res: EnrichResponse) => {
      if ('ready' in res) {
        t.ready = true;
        started.resolve();
        if (t.jobs.size === 0) worker.unref();
        return;
      }
      const job = t.jobs.get(res.id);
      if (!job) return;
      t.jobs.delete(res.id);
      // A thread without work does not keep the process alive.
      if (t.jobs.size === 0) worker.unref();
      if ('columns' in res) job.resolve(res.columns);
      else {
        const err = new EnrichFailed(res.error.message);
        if (res.error.stack) err.stack = res.error.stack;
        job.reject(err);
      }
    });
    const lost = (err: Error) => {
      started.reject(err);
      const i = this.threads.indexOf(t);
      if (i < 0) return;
      this.threads.splice(i, 1);
      const jobs = [...t.jobs.values()];
      t.jobs.clear();
      if (jobs.length) this.opts.logger?.warn({ err, jobs: jobs.length }, 'ingestion: an enrichment thread ended; its work goes to another');
      for (const job of jobs) {
        if (this.closed) job.reject(new Error('the enrichment pool is closed'));
        // A thread that keeps dying on the same chunk (out of memory) fails it after three tries.
        else if (++job.attempts >= 3) job.reject(new EnrichFailed(`enrichment thread ended three times: ${err.message}`));
        else this.dispatch(job);
      }
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new ThreadLost(`enrichment thread exited with code ${code}`)));
    return t;
  }

  private touch(): void {
    const idleMs = this.opts.idleMs ?? 30_000;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.threads.some((t) => t.jobs.size > 0)) return this.touch();
      void this.terminateAll();
    }, idleMs);
    this.idleTimer.unref();
  }

  private async terminateAll(): Promise<void> {
    const ts = this.threads.splice(0);
    await Promise.all(ts.map((t) => t.worker.terminate()));
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    const ts = this.threads.splice(0);
    for (const t of ts) for (const job of t.jobs.values()) job.reject(new Error('the enrichment pool is closed'));
    await Promise.all(ts.map((t) => t.worker.terminate()));
  }
}

/**
 * The worker module next to this one: compiled JavaScript in a build; from the TypeScript source
 * (tests), through tsx's loader, registered inside the thread before the module loads.
 */
function startWorker(enricher: EnricherKind): Worker {
  const url = new URL(import.meta.url.endsWith('.ts') ? './enrich-worker.ts' : './enrich-worker.js', import.meta.url);
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { workerData: { enricher } });
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(boot, { eval: true, workerData: { enricher } });
}

/** Which enricher a thread can run in place of `enrich`, or null for one only this thread has (a test's). */
export function poolableEnricher(enrich: Enricher, fallback: Enricher): EnricherKind | null {
  if (enrich === languageOnlyEnricher) return 'language';
  if (enrich === fallback) return 'default';
  return null;
}
