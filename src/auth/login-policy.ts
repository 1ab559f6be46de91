import type { ThrottleRule } from './throttle.js';

/** The numbers behind sign-in protection, in one place so that tests and docs can cite them. */
export const LOGIN_POLICY = {
  /** Consecutive failed sign-ins (password or second factor) that lock an account. */
  accountFailureLimit: 5,
  /** How long a locked account stays locked, unless an admin unlocks it first. */
  lockMs: 15 * 60_000,
  /** Failed sign-ins from one client address within the window before it gets 429. */
  ip: { limit: 10, windowMs: 15 * 60_000 } satisfies ThrottleRule,
  /** A session unused this long ends, whatever its absolute expiry (config.sessionHours). */
  idleMs: 2 * 60 * 60_000,
  /** A session waiting for its second factor must complete within this time. */
  pendingSecondFactorMs: 5 * 60_000,
  /** last_seen_at and last_used_at are written at most this often per session or token. */
  touchEveryMs: 60_000,
} as const;

export const SESSION_COOKIE = 'chhavi_session';
