/**
 * When to try a publication again after a `transient` error: exponential backoff with full jitter
 * (a random delay between half and all of base × 2^(attempt−1), capped), so that many posts that
 * failed together do not all come back at the same moment.
 */
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
  /** Attempts in all (the first included) before a publication fails for good. */
  maxAttempts: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 5_000, maxMs: 15 * 60_000, maxAttempts: 6 };

export function backoffDelayMs(policy: BackoffPolicy, attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** A rate-limited call waits for the platform's reset time, or a minute when it gave none. */
export function rateLimitRetryAt(now: Date, resetAt: Date | undefined): Date {
  if (!resetAt || Number.isNaN(resetAt.getTime())) return new Date(now.getTime() + 60_000);
  // A second after the reset, and never in the past.
  return new Date(Math.max(now.getTime(), resetAt.getTime()) + 1_000);
}
