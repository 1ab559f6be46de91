import type { Job, PgBoss } from 'pg-boss';

export interface DispatchLoopOptions {
  boss: PgBoss;
  name: string;
  /** Jobs of this kind running at once in this process. */
  concurrency: number;
  /** Milliseconds between fetches while the queue has nothing due. */
  pollMs: number;
  run: (data: object, job: Job<object>) => Promise<unknown>;
  onError: (err: unknown, context: { job?: string; attempt?: number; during: 'fetch' | 'run' | 'settle' }) => void;
}

/**
 * Runs the jobs of one kind that must start on time. pg-boss's own workers poll at most every half
 * second and each fetches its own job; this loop asks for every free slot's job in one fetch, polls
 * as often as the kind asks (a job whose start time has come waits at most `pollMs`), and under a
 * backlog fetches again as soon as a quarter of the slots are free. Each job is settled fenced to
 * the attempt that was fetched, as pg-boss's workers do (completions that arrive together in one
 * statement); a job still running when the loop stops expires back to the queue.
 */
export class DispatchLoop {
  private readonly running = new Set<Promise<void>>();
  /** Jobs done and not yet marked completed, by the output they report. */
  private completions = new Map<string, { attempt: { id: string; retryCount: number }; done: () => void }[]>();
  private completing = false;
  private stopped = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  /** While waiting under a backlog: wake when this many slots are free. */
  private wakeAtFree: number | null = null;

  constructor(private readonly o: DispatchLoopOptions) {}

  start(): void {
    this.loop ??= this.fetchLoop();
  }

  private async fetchLoop(): Promise<void> {
    // Under a backlog, wait for a quarter of the slots rather than fetch for every slot that frees:
    // a fetch costs about as much as a small job on the embedded database.
    const refill = Math.max(1, Math.ceil(this.o.concurrency / 4));
    while (!this.stopped) {
      const free = this.o.concurrency - this.running.size;
      let backlog = false;
      if (free > 0) {
        try {
          const jobs = await this.o.boss.fetch<object>(this.o.name, { batchSize: free });
          backlog = jobs.length === free;
          for (const job of jobs) this.launch(job);
        } catch (err) {
          this.o.onError(err, { during: 'fetch' });
        }
      }
      if (this.stopped) break;
      // The queue had more than the free slots took: fetch again as soon as `refill` slots are free.
      // Otherwise it had nothing more due: look again in `pollMs`.
      await this.pause(this.o.pollMs, backlog ? refill : null);
    }
  }

  /** Waits `ms`, or until `freeSlots` slots are free when given; a stop ends any wait. */
  private pause(ms: number, freeSlots: number | null): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.wake?.(), ms);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = null;
        this.wakeAtFree = null;
        resolve();
      };
      this.wakeAtFree = freeSlots;
      if (freeSlots !== null && this.o.concurrency - this.running.size >= freeSlots) this.wake();
    });
  }

  private launch(job: Job<object>): void {
    const attempt = { id: job.id, retryCount: job.retryCount };
    const p = this.o
      .run(job.data, job)
      .then(
        (output) => this.complete(attempt, isObject(output) ? output : null),
        (err: unknown) => {
          this.o.onError(err, { job: job.id, attempt: job.retryCount + 1, during: 'run' });
          return this.o.boss.fail(this.o.name, attempt, errorData(err));
        },
      )
      .then(
        () => undefined,
        (err: unknown) => this.o.onError(err, { job: job.id, during: 'settle' }),
      )
      .finally(() => {
        this.running.delete(p);
        // Only a loop waiting for free slots is woken; one waiting out its poll keeps waiting.
        if (this.wakeAtFree !== null && this.o.concurrency - this.running.size >= this.wakeAtFree) this.wake?.();
      });
    this.running.add(p);
  }

  /**
   * Marks a job completed. Completions that arrive while another is being written are written
   * together, one statement per distinct output (most jobs of a kind report the same one).
   */
  private complete(attempt: { id: string; retryCount: number }, output: object | null): Promise<void> {
    return new Promise((resolve, reject) => {
      const key = JSON.stringify(output);
      const list = this.completions.get(key) ?? [];
      list.push({ attempt, done: resolve });
      this.completions.set(key, list);
      if (!this.completing) this.writeCompletions().catch(reject);
    });
  }

  private async writeCompletions(): Promise<void> {
    this.completing = true;
    try {
      while (this.completions.size) {
        const batch = this.completions;
        this.completions = new Map();
        for (const [key, list] of batch) {
          try {
            await this.o.boss.complete(
              this.o.name,
              list.map((c) => c.attempt),
              JSON.parse(key) as object | null,
            );
          } catch (err) {
            // Not completed: the job expires and runs again, which the handlers are built to survive.
            this.o.onError(err, { job: list.map((c) => c.attempt.id).join(','), during: 'settle' });
          }
          for (const c of list) c.done();
        }
      }
    } finally {
      this.completing = false;
    }
  }

  /** Stops fetching and waits up to `timeoutMs` for the running jobs to settle. */
  async stop(timeoutMs: number): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
    if (!this.running.size) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.allSettled([...this.running]), new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
    clearTimeout(timer);
  }
}

function isObject(v: unknown): v is object {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function errorData(err: unknown): object {
  return err instanceof Error ? { name: err.name, message: err.message, stack: err.stack ?? null } : { message: String(err) };
}
