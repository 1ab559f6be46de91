import { describe, expect, it } from 'vitest';
import { readScheduledAt } from '../../../src/publishing/scheduler/zoned-time.js';
import { dayStartUtc, formatInZone, formatWithOffset, offsetLabel, readWall, schedulePreview, utcToWall, wallToUtc } from './zoned-time.js';

describe('zoned time', () => {
  it('turns a wall time in Asia/Kolkata into UTC', () => {
    expect(wallToUtc('2026-12-01T10:00', 'Asia/Kolkata')?.toISOString()).toBe('2026-12-01T04:30:00.000Z');
    expect(utcToWall('2026-12-01T04:30:00.000Z', 'Asia/Kolkata')).toBe('2026-12-01T10:00');
    expect(offsetLabel('2026-12-01T04:30:00.000Z', 'Asia/Kolkata')).toBe('UTC+05:30');
  });

  it('reads the skipped and the repeated hour by the server’s rule: refused, with the instants to pick', () => {
    const zone = 'America/New_York';
    // 2026-03-08 02:30 does not exist in New York; 2026-11-01 01:30 happens twice.
    for (const wall of ['2026-03-08T02:30', '2026-11-01T01:30', '2026-07-04T12:00', '2026-01-15T23:59']) {
      expect(readWall(wall, zone), wall).toEqual(readScheduledAt(wall, zone));
    }
    expect(wallToUtc('2026-11-01T01:30', zone)).toBeNull();
    expect(wallToUtc('2026-03-08T02:30', zone)).toBeNull();
    expect(readWall('2026-11-01T01:30', zone)).toMatchObject({ refused: { reason: 'ambiguous_local_time', choices: ['2026-11-01T01:30-04:00', '2026-11-01T01:30-05:00'] } });
    expect(readWall('2026-03-08T02:30', zone)).toMatchObject({ refused: { reason: 'nonexistent_local_time', choices: ['2026-03-08T01:30-05:00', '2026-03-08T03:30-04:00'] } });
    expect(offsetLabel('2026-07-04T16:00:00Z', zone)).toBe('UTC−04:00');
    expect(offsetLabel('2026-01-04T16:00:00Z', zone)).toBe('UTC−05:00');
  });

  it('begins a day where the clocks put it when a change skips midnight', () => {
    // Santiago moves from 00:00 to 01:00 on 6 September 2026.
    expect(dayStartUtc('2026-09-06', 'America/Santiago').toISOString()).toBe('2026-09-06T04:00:00.000Z');
    expect(dayStartUtc('2026-12-01', 'Asia/Kolkata').toISOString()).toBe('2026-11-30T18:30:00.000Z');
  });

  it('refuses what is not a time', () => {
    expect(wallToUtc('2026-02-30T10:00', 'Asia/Kolkata')).toBeNull();
    expect(wallToUtc('2026-12-01 10:00', 'Asia/Kolkata')).toBeNull();
    expect(wallToUtc('2026-12-01T24:10', 'Asia/Kolkata')).toBeNull();
  });

  it('writes an instant with the offset of its zone, which the server reads back to the same instant', () => {
    const at = new Date('2026-11-01T05:30:00Z');
    expect(formatWithOffset(at, 'America/New_York')).toBe('2026-11-01T01:30-04:00');
    expect(readScheduledAt(formatWithOffset(at, 'America/New_York'), 'UTC')).toEqual({ at });
  });

  it('previews a scheduled time in UTC and in the viewer’s zone', () => {
    const p = schedulePreview('2026-12-01T10:00', 'Asia/Kolkata', 'Europe/London', 'en');
    expect(p && 'iso' in p ? p.iso : null).toBe('2026-12-01T04:30:00.000Z');
    expect(p && 'utc' in p ? p.utc : '').toContain('4:30');
    expect(p && 'utc' in p ? p.utc : '').toMatch(/\(UTC\)$/);
    expect(p && 'viewer' in p ? p.viewer : '').toMatch(/\(UTC\)$/);
    const summer = schedulePreview('2026-07-01T10:00', 'Asia/Kolkata', 'Europe/London', 'en');
    expect(summer && 'viewer' in summer ? summer.viewer : '').toMatch(/5:30.*\(UTC\+01:00\)$/i);
    expect(formatInZone('2026-12-01T04:30:00.000Z', 'Asia/Kolkata', 'hi')).toMatch(/\(UTC\+05:30\)$/);
    expect(schedulePreview('nonsense', 'Asia/Kolkata', 'UTC', 'en')).toBeNull();
  });

  it('previews the refusal of a repeated hour until one of its instants is picked', () => {
    const wall = '2026-11-01T01:30';
    expect(schedulePreview(wall, 'America/New_York', 'UTC', 'en')).toMatchObject({ refused: { reason: 'ambiguous_local_time' } });
    expect(schedulePreview(wall, 'America/New_York', 'UTC', 'en', '2026-11-01T01:30-05:00')).toMatchObject({ iso: '2026-11-01T06:30:00.000Z' });
    // A pick made for another wall time does not count.
    expect(schedulePreview(wall, 'America/New_York', 'UTC', 'en', '2026-11-02T01:30-05:00')).toMatchObject({ refused: { reason: 'ambiguous_local_time' } });
  });
});
