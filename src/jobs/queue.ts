import { PgBoss } from 'pg-boss';
import type { Database, Queryable } from '../db/database.js';
import type { Logger } from '../log/logger.js';
import type { JobKind } from './define.js';
import { DispatchLoop } from './dispatch-loop.js';

export const BOSS_SCHEMA = 'pgboss';
/** Seconds between a pg-boss worker's looks for jobs, for kinds that do not set `pollSeconds`. */
const DEFAULT_POLL_SECONDS = 2;

function adapter(q: Queryable) {
  return {
    // pg-boss sends some multi-statement scripts and reads rows from any of their statements.
    async executeSql(text: string, values?: unknown[]) {
      return { rows: values && values.length ? await q.query(text, values) : await q.queryScript(text) };
    },
  };
}

export interface QueueStartOptions {
  /** Run the handlers of every registered kind in this process. */
  work: boolean;
  /** Run maintenance and cron in this process. */
  schedule: boolean;
  timeZone: string;
}

/**
 * The job queue: pg-boss on the same database as everything else, so a state change and the job
 * it causes are written in one transaction (`send(kind, data, { tx })`).
 */
export class JobQueue {
  private boss: PgBoss | null = null;
  private readonly kinds = new Map<string, JobKind<object>>();
  private loops: DispatchLoop[] = [];

  constructor(
    private readonly db: Database,
    private readonly logger: Logger,
    kinds: readonly JobKind<object>[],
  ) {
    for (const kind of kinds) {
      if (this.kinds.has(kind.name)) throw new Error(`job kind ${kind.name} is declared twice`);
      this.kinds.set(kind.name, kind);
    }
  }

  get started(): boolean {
    return this.boss !== null;
  }

  kindNames(): string[] {
    return [...this.kinds.keys()];
  }

  async start(opts: QueueStartOptions, run: (kind: JobKind<object>, data: object) => Promise<unknown>): Promise<void> {
    const boss = new PgBoss({
      db: adapter(this.db),
      schema: BOSS_SCHEMA,
      backend: this.db.kind === 'pglite' ? 'pglite' : 'postgres',
      migrate: false,
      createSchema: false,
      supervise: opts.schedule,
      schedule: opts.schedule,
    });
    boss.on('error', (err: Error) => this.logger.error({ err }, 'job queue error'));
    await boss.start();
    this.boss = boss;
    for (const kind of this.kinds.values()) {
      await boss.createQueue(kind.name, {
        retryLimit: kind.retry.limit,
        retryDelay: kind.retry.delaySeconds,
        retryBackoff: kind.retry.backoff,
        expireInSeconds: kind.expireInSeconds,
      });
    }
    if (opts.schedule) {
      for (const kind of this.kinds.values()) {
        if (kind.cron) await boss.schedule(kind.name, kind.cron, {}, { tz: opts.timeZone });
      }
    }
    if (opts.work) {
      for (const kind of this.kinds.values()) {
        if (kind.dispatch) {
          const loop = new DispatchLoop({
            boss,
            name: kind.name,
            concurrency: kind.concurrency,
            pollMs: kind.dispatch.pollMs,
            run: async (data, job) => {
              const outcome = await run(kind, data);
              this.logger.debug({ job: kind.name, id: job.id, outcome }, 'job finished');
              return outcome;
            },
            onError: (err, at) => this.logger.error({ err, job: kind.name, ...at }, at.during === 'run' ? 'job attempt failed' : `job queue ${at.during} failed`),
          });
          loop.start();
          this.loops.push(loop);
          continue;
        }
        await boss.work<object>(
          kind.name,
          { batchSize: 1, localConcurrency: kind.concurrency, pollingIntervalSeconds: kind.pollSeconds ?? DEFAULT_POLL_SECONDS, burstWhenBatchFull: true },
          async ([job]) => {
            if (!job) return;
            try {
              const outcome = await run(kind, job.data);
              this.logger.debug({ job: kind.name, id: job.id, outcome }, 'job finished');
              return outcome;
            } catch (err) {
              this.logger.error({ err, job: kind.name, id: job.id, attempt: job.retryCount + 1 }, 'job attempt failed');
              throw err;
            }
          },
        );
      }
    }
  }

  /** Enqueues a job; pass `tx` to make it part of the caller's transaction. */
  async send<T extends object>(kind: JobKind<T>, data: T, opts: { tx?: Queryable; singletonKey?: string; startAfter?: Date } = {}): Promise<string | null> {
    if (!this.kinds.has(kind.name)) throw new Error(`job kind ${kind.name} is not registered`);
    if (!this.boss) throw new Error('job queue not started');
    return this.boss.send(kind.name, data, {
      ...(opts.tx ? { db: adapter(opts.tx) } : {}),
      ...(opts.singletonKey ? { singletonKey: opts.singletonKey } : {}),
      ...(opts.startAfter ? { startAfter: opts.startAfter } : {}),
    });
  }

  /** Enqueues many jobs of one kind in one statement; pass `tx` to make them part of the caller's transaction. */
  async sendMany<T extends object>(kind: JobKind<T>, jobs: readonly { data: T; singletonKey?: string; startAfter?: Date }[], opts: { tx?: Queryable } = {}): Promise<void> {
    if (!this.kinds.has(kind.name)) throw new Error(`job kind ${kind.name} is not registered`);
    if (!this.boss) throw new Error('job queue not started');
    if (!jobs.length) return;
    await this.boss.insert(
      kind.name,
      jobs.map((j) => ({ data: j.data, ...(j.singletonKey ? { singletonKey: j.singletonKey } : {}), ...(j.startAfter ? { startAfter: j.startAfter } : {}) })),
      opts.tx ? { db: adapter(opts.tx) } : {},
    );
  }

  /** Stops fetching, waits up to `timeoutMs` for running jobs, and lets unfinished ones expire back to the queue. */
  async stop(timeoutMs = 20_000): Promise<void> {
    const boss = this.boss;
    if (!boss) return;
    // Jobs still running may enqueue follow-up jobs until they finish: keep sending possible until then.
    const loops = this.loops;
    this.loops = [];
    await Promise.all(loops.map((l) => l.stop(timeoutMs)));
    await boss.stop({ graceful: true, close: false, timeout: timeoutMs });
    this.boss = null;
  }
}

/** The SQL that installs pg-boss's own tables; part of `chhavi migrate`. */
export async function installJobSchema(db: Database): Promise<void> {
  const boss = new PgBoss({
    db: adapter(db),
    schema: BOSS_SCHEMA,
    backend: db.kind === 'pglite' ? 'pglite' : 'postgres',
    migrate: true,
    createSchema: true,
    supervise: false,
    schedule: false,
  });
  boss.on('error', () => undefined);
  await boss.start();
  await boss.stop({ graceful: false, close: false });
}
