import type { AppContext } from '../app/context.js';

/** What a handler reports for one job. A thrown error fails the attempt and pg-boss retries it. */
export type JobOutcome = { status: 'done'; detail?: Record<string, unknown> } | { status: 'skipped'; reason: string };

export interface JobKind<T extends object = object> {
  /** Queue name, `capability.action` (e.g. `auth.purge-sessions`). */
  name: string;
  /** Attempts after the first, delay in seconds, and whether the delay doubles each time (with jitter). */
  retry: { limit: number; delaySeconds: number; backoff: boolean };
  /** Jobs of this kind one worker process runs at once. */
  concurrency: number;
  /** Seconds a job may run before it is considered lost and retried. */
  expireInSeconds: number;
  /**
   * For kinds that must start on time: fetched by a dispatch loop every `pollMs` milliseconds (below
   * pg-boss's half-second floor), every free slot's job in one fetch. Others use pg-boss's workers.
   */
  dispatch?: { pollMs: number };
  /**
   * Seconds between pg-boss's looks for this kind's jobs, per worker (`concurrency` workers); 2
   * unless given. Kinds that run nightly look rarely: every look is a statement, and on the
   * embedded database it waits its turn on the one connection with the publishing.
   */
  pollSeconds?: number;
  /** Cron expression in the force's time zone, for kinds the scheduler enqueues. */
  cron?: string;
  // Method syntax: a kind with a specific payload type still fits in the registry's list.
  handler(data: T, ctx: AppContext): Promise<JobOutcome>;
}

export function defineJob<T extends object>(kind: JobKind<T>): JobKind<T> {
  return kind;
}
