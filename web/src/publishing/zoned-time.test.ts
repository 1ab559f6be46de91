import { describe, expect, it } from 'vitest';
import { parseScheduledAt } from '../../../src/publishing/posts/zoned-time.js';
import { formatInZone, isoWithOffset, offsetLabel, schedulePreview, utcToWall, wallToUtc } from './zoned-time.js';

describe('zoned time', () => {
  it('turns a wall time in Asia/Kolkata into UTC', () => {
    expect(wallToUtc('2026-12-01T10:00', 'Asia/Kolkata')?.toISOString()).toBe('2026-12-01T04:30:00.000Z');
    expect(utcToWall('2026-12-01T04:30:00.000Z', 'Asia/Kolkata')).toBe('2026-12-01T10:00');
    expect(offsetLabel('2026-12-01T04:30:00.000Z', 'Asia/Kolkata')).toBe('UTC+05:30');
  });

  it('handles the DST gap and the repeated hour as the server does', () => {
    const zone = 'America/New_York';
    // 2026-03-08 02:30 does not exist in New York; 2026-11-01 01:30 happens twice.
    for (const wall of ['2026-03-08T02:30', '2026-11-01T01:30', '2026-07-04T12:00', '2026-01-15T23:59']) {
      expect(wallToUtc(wall, zone)?.toISOString(), wall).toBe(parseScheduledAt(wall, zone).toISOString());
    }
    expect(wallToUtc('2026-11-01T01:30', zone)?.toISOString()).toBe('2026-11-01T05:30:00.000Z');
    expect(wallToUtc('2026-03-08T02:30', zone)?.toISOString()).toBe('2026-03-08T07:30:00.000Z');
    expect(offsetLabel('2026-07-04T16:00:00Z', zone)).toBe('UTC−04:00');
    expect(offsetLabel('2026-01-04T16:00:00Z', zone)).toBe('UTC−05:00');
  });

  it('refuses what is not a time', () => {
    expect(wallToUtc('2026-02-30T10:00', 'Asia/Kolkata')).toBeNull();
    expect(wallToUtc('2026-12-01 10:00', 'Asia/Kolkata')).toBeNull();
    expect(wallToUtc('2026-12-01T24:10', 'Asia/Kolkata')).toBeNull();
  });

  it('writes an instant with the offset of its zone, which the server reads back to the same instant', () => {
    const at = new Date('2026-11-01T05:30:00Z');
    expect(isoWithOffset(at, 'America/New_York')).toBe('2026-11-01T01:30:00-04:00');
    expect(isoWithOffset(new Date('2026-12-01T04:30:00Z'), 'Asia/Kolkata')).toBe('2026-12-01T10:00:00+05:30');
    expect(parseScheduledAt(isoWithOffset(at, 'America/New_York'), 'UTC').toISOString()).toBe(at.toISOString());
  });

  it('previews a scheduled time in UTC and in the viewer’s zone', () => {
    const p = schedulePreview('2026-12-01T10:00', 'Asia/Kolkata', 'Europe/London', 'en');
    expect(p?.iso).toBe('2026-12-01T04:30:00.000Z');
    expect(p?.utc).toContain('4:30');
    expect(p?.utc).toMatch(/\(UTC\)$/);
    expect(p?.viewer).toMatch(/\(UTC\)$/);
    expect(schedulePreview('2026-07-01T10:00', 'Asia/Kolkata', 'Europe/London', 'en')?.viewer).toMatch(/5:30.*\(UTC\+01:00\)$/i);
    expect(formatInZone('2026-12-01T04:30:00.000Z', 'Asia/Kolkata', 'hi')).toMatch(/\(UTC\+05:30\)$/);
    expect(schedulePreview('nonsense', 'Asia/Kolkata', 'UTC', 'en')).toBeNull();
  });
});
