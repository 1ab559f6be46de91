import { describe, expect, it } from 'vitest';
import type { Actor } from '../../auth/actor.js';
import { AppError } from '../../http/errors.js';
import { retryAfterSeconds } from './poller.js';
import { checkSourceUnits, checkSourceUrl, mayManageSource, retryDelaySeconds } from './source-rules.js';

const scoped: Actor = { userId: 'u', username: 'u', displayName: 'u', role: 'analyst', units: ['north'], via: 'session' };
const forceWide: Actor = { ...scoped, role: 'admin', units: 'all' };

function fieldOf(fn: () => unknown): { code: string; field: unknown } | null {
  try {
    fn();
    return null;
  } catch (err) {
    if (err instanceof AppError) return { code: err.code, field: err.details?.field };
    throw err;
  }
}

describe('source rules', () => {
  it('takes http and https feed addresses and refuses others, credentials included', () => {
    expect(checkSourceUrl(' https://example.org/feed.xml ')).toBe('https://example.org/feed.xml');
    expect(checkSourceUrl('http://127.0.0.1:8080/rss')).toBe('http://127.0.0.1:8080/rss');
    for (const bad of ['', 'example.org/feed', 'ftp://example.org/feed', 'file:///etc/passwd', 'javascript:alert(1)', 'https://user@example.org/', 'https://:pw@example.org/', `https://example.org/${'a'.repeat(2001)}`]) {
      expect(fieldOf(() => checkSourceUrl(bad)), bad).toEqual({ code: 'validation_failed', field: 'url' });
    }
  });

  it('keeps a scoped user to sources of their own units', () => {
    expect(fieldOf(() => checkSourceUnits(scoped, []))).toEqual({ code: 'validation_failed', field: 'unitIds' });
    expect(fieldOf(() => checkSourceUnits(scoped, ['north', 'south']))).toEqual({ code: 'forbidden', field: 'unitIds' });
    expect(fieldOf(() => checkSourceUnits(scoped, ['north']))).toBeNull();
    expect(fieldOf(() => checkSourceUnits(forceWide, []))).toBeNull();
    expect(fieldOf(() => checkSourceUnits({ system: true, label: 'cli' }, []))).toBeNull();
    expect(mayManageSource(scoped, { unitIds: ['north'] })).toBe(true);
    expect(mayManageSource(scoped, { unitIds: ['north', 'south'] })).toBe(false);
    expect(mayManageSource(scoped, { unitIds: [] })).toBe(false);
    expect(mayManageSource(forceWide, { unitIds: [] })).toBe(true);
  });

  it('waits longer after each failure in a row, at most an hour, and never less than the server asked', () => {
    expect([1, 2, 3, 4, 5].map((f) => retryDelaySeconds(60, f))).toEqual([60, 120, 240, 480, 960]);
    expect(retryDelaySeconds(60, 7)).toBe(3600);
    expect(retryDelaySeconds(5, 1000)).toBe(3600);
    // A source polled less often than hourly keeps its own interval.
    expect(retryDelaySeconds(7200, 3)).toBe(7200);
    expect(retryDelaySeconds(60, 1, 900)).toBe(900);
    expect(retryDelaySeconds(60, 3, 30)).toBe(240);
  });

  it('reads Retry-After as seconds or an HTTP date, at most a day', () => {
    const now = Date.parse('2026-11-29T04:00:00Z');
    expect(retryAfterSeconds('120', now)).toBe(120);
    expect(retryAfterSeconds(' 0 ', now)).toBe(0);
    expect(retryAfterSeconds('Sun, 29 Nov 2026 04:10:00 GMT', now)).toBe(600);
    expect(retryAfterSeconds('Sun, 29 Nov 2026 03:00:00 GMT', now)).toBe(0);
    expect(retryAfterSeconds('999999999', now)).toBe(86_400);
    expect(retryAfterSeconds('soon', now)).toBeNull();
    expect(retryAfterSeconds('-5', now)).toBeNull();
    expect(retryAfterSeconds(null, now)).toBeNull();
  });
});
