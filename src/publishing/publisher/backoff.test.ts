import { describe, expect, it } from 'vitest';
import { backoffDelayMs, rateLimitRetryAt } from './backoff.js';

const policy = { baseMs: 1_000, maxMs: 10_000, maxAttempts: 5 };

describe('retry timing', () => {
  it('doubles the ceiling each attempt and stays between half and all of it', () => {
    expect(backoffDelayMs(policy, 1, () => 0)).toBe(500);
    expect(backoffDelayMs(policy, 1, () => 1)).toBe(1_000);
    expect(backoffDelayMs(policy, 3, () => 0)).toBe(2_000);
    expect(backoffDelayMs(policy, 3, () => 1)).toBe(4_000);
  });

  it('never waits longer than the cap', () => {
    expect(backoffDelayMs(policy, 30, () => 1)).toBe(10_000);
  });

  it('spreads retries of posts that failed together', () => {
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelayMs(policy, 4)));
    expect(delays.size).toBeGreaterThan(10);
  });

  it('waits for the platform reset time, or a minute without one', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(rateLimitRetryAt(now, new Date('2026-01-01T00:05:00Z')).toISOString()).toBe('2026-01-01T00:05:01.000Z');
    expect(rateLimitRetryAt(now, undefined).toISOString()).toBe('2026-01-01T00:01:00.000Z');
    expect(rateLimitRetryAt(now, new Date('2025-12-31T00:00:00Z')).toISOString()).toBe('2026-01-01T00:00:01.000Z');
  });
});
