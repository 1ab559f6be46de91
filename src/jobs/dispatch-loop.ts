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
 * as often as the kind asks (a job whose start time has come waits at most `pollMs`), and fetches
 * again the moment a slot frees while the queue is full. Each job is settled on its own, fenced to
 * the attempt that was fetched, exactly as pg-boss's workers do; a job still running when the loop
 * stops expires back to the queue.
 */
export class DispatchLoop {
  private readonly running = new Set<Promise<void>>();
  /** Jobs done and not yet marked completed, by the output they report. */
  private completions = new Map<string, { attempt: { id: string; retryCount: number }; done: () => void }[]>();
  private completing = false;
  private stopped = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private waitingForSlot = false;

  constructor(private readonly o: DispatchLoopOptions) {}

  start(): void {
    this.loop ??= this.fetchLoop();
  }

  private async fetchLoop(): Promise<void> {
    while (!this.stopped) {
      const free = this.o.concurrency - this.running.size;
      if (free > 0) {
        try {
          const jobs = await this.o.boss.fetch<object>(this.o.name, { batchSize: free });
          for (const job of jobs) this.launch(job);
        } catch (err) {
          this.o.onError(err, { during: 'fetch' });
        }
      }
      if (this.stopped) break;
      // Every slot busy: fetch again as soon as one frees. Otherwise the queue had nothing more due.
      const full = this.running.size >= this.o.concurrency;
      await this.pause(full ? null : this.o.pollMs);
    }
  }

  /** Waits `ms`, or until a slot frees when `ms` is null; a stop ends any wait. */
  private pause(ms: number | null): Promise<void> {
    this.waitingForSlot = ms === null;
    return new Promise((resolve) => {
      const timer = ms === null ? null : setTimeout(() => this.wake?.(), ms);
      this.wake = () => {
        if (timer) clearTimeout(timer);
        this.wake = null;
        this.waitingForSlot = false;
        resolve();
      };
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
        // Only a loop waiting for a free slot is woken; one waiting out its poll keeps waiting.
        if (this.waitingForSlot) this.wake?.();
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
