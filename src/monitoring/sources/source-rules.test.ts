import { describe, expect, it } from 'vitest';
import type { Actor } from '../../auth/actor.js';
import { AppError } from '../../http/errors.js';
import { checkSourceUnits, checkSourceUrl, mayManageSource } from './source-rules.js';

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
});
