import { describe, expect, it } from 'vitest';
import { parseScheduledAt } from './zoned-time.js';

describe('parseScheduledAt', () => {
  it('reads a wall time in Asia/Kolkata (UTC+5:30, no DST)', () => {
    expect(parseScheduledAt('2026-12-01T10:00', 'Asia/Kolkata').toISOString()).toBe('2026-12-01T04:30:00.000Z');
    expect(parseScheduledAt('2026-06-01T00:15:30', 'Asia/Kolkata').toISOString()).toBe('2026-05-31T18:45:30.000Z');
  });

  it('takes a time with an offset as is', () => {
    expect(parseScheduledAt('2026-12-01T10:00:00+05:30', 'America/New_York').toISOString()).toBe('2026-12-01T04:30:00.000Z');
    expect(parseScheduledAt('2026-12-01T10:00Z', 'Asia/Kolkata').toISOString()).toBe('2026-12-01T10:00:00.000Z');
  });

  it('follows DST in a zone that has it', () => {
    // New York: EST (UTC-5) in winter, EDT (UTC-4) in summer.
    expect(parseScheduledAt('2026-01-10T09:00', 'America/New_York').toISOString()).toBe('2026-01-10T14:00:00.000Z');
    expect(parseScheduledAt('2026-07-10T09:00', 'America/New_York').toISOString()).toBe('2026-07-10T13:00:00.000Z');
    // London: the day the clocks go forward (29 March 2026, 01:00 → 02:00).
    expect(parseScheduledAt('2026-03-29T00:30', 'Europe/London').toISOString()).toBe('2026-03-29T00:30:00.000Z');
    expect(parseScheduledAt('2026-03-29T03:00', 'Europe/London').toISOString()).toBe('2026-03-29T02:00:00.000Z');
  });

  it('moves a wall time skipped by DST forward by the gap', () => {
    // 8 March 2026, New York: 02:00–02:59 does not exist.
    expect(parseScheduledAt('2026-03-08T02:30', 'America/New_York').toISOString()).toBe('2026-03-08T07:30:00.000Z');
  });

  it('takes the earlier instant of a wall time that occurs twice', () => {
    // 1 November 2026, New York: 01:30 happens in EDT and again in EST.
    expect(parseScheduledAt('2026-11-01T01:30', 'America/New_York').toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });

  it('refuses what is not a time or not a date', () => {
    expect(() => parseScheduledAt('next Monday', 'Asia/Kolkata')).toThrow(/scheduledAt/);
    expect(() => parseScheduledAt('2026-02-30T10:00', 'Asia/Kolkata')).toThrow(/calendar date/);
  });
});
