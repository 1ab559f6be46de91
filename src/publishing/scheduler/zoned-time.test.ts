import { describe, expect, it } from 'vitest';
import { AppError } from '../../http/errors.js';
import { formatLocal, formatWithOffset, readScheduledAt, resolveScheduledAt } from './zoned-time.js';

function reason(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return (err as AppError).details?.reason;
  }
  throw new Error('expected an error');
}

describe('scheduled times in a zone', () => {
  it('reads a wall-clock time in the force zone (Asia/Kolkata, UTC+05:30) as UTC', () => {
    expect(resolveScheduledAt('2026-12-01T18:30', 'Asia/Kolkata').toISOString()).toBe('2026-12-01T13:00:00.000Z');
    expect(resolveScheduledAt('2026-12-01 00:15:30', 'Asia/Kolkata').toISOString()).toBe('2026-11-30T18:45:30.000Z');
  });

  it('takes an explicit offset as it is, whatever the zone', () => {
    expect(resolveScheduledAt('2026-12-01T18:30+05:30', 'Europe/London').toISOString()).toBe('2026-12-01T13:00:00.000Z');
    expect(resolveScheduledAt('2026-12-01T13:00:00Z', 'Asia/Kolkata').toISOString()).toBe('2026-12-01T13:00:00.000Z');
  });

  it('follows summer and winter time in a zone with daylight saving', () => {
    expect(resolveScheduledAt('2026-07-01T09:00', 'Europe/London').toISOString()).toBe('2026-07-01T08:00:00.000Z');
    expect(resolveScheduledAt('2026-01-15T09:00', 'Europe/London').toISOString()).toBe('2026-01-15T09:00:00.000Z');
    // The day the clocks go forward in New York (8 March 2026): 03:30 is already EDT.
    expect(resolveScheduledAt('2026-03-08T03:30', 'America/New_York').toISOString()).toBe('2026-03-08T07:30:00.000Z');
    expect(resolveScheduledAt('2026-03-08T01:30', 'America/New_York').toISOString()).toBe('2026-03-08T06:30:00.000Z');
  });

  it('refuses a time skipped when clocks go forward', () => {
    expect(reason(() => resolveScheduledAt('2026-03-08T02:30', 'America/New_York'))).toBe('nonexistent_local_time');
    expect(reason(() => resolveScheduledAt('2026-03-29T01:30', 'Europe/London'))).toBe('nonexistent_local_time');
  });

  it('names the times either side of the gap as the choices, each of which is then accepted', () => {
    const read = readScheduledAt('2026-03-08T02:30', 'America/New_York');
    expect(read).toMatchObject({ refused: { reason: 'nonexistent_local_time', local: '2026-03-08T02:30', timeZone: 'America/New_York', choices: ['2026-03-08T01:30-05:00', '2026-03-08T03:30-04:00'] } });
    expect('refused' in read && read.refused.message).toMatch(/does not exist in America\/New_York.*2026-03-08T01:30-05:00 or 2026-03-08T03:30-04:00/);
    expect(readScheduledAt('2026-03-29T01:15', 'Europe/London')).toMatchObject({ refused: { choices: ['2026-03-29T00:15+00:00', '2026-03-29T02:15+01:00'] } });
    expect(resolveScheduledAt('2026-03-08T03:30-04:00', 'America/New_York').toISOString()).toBe('2026-03-08T07:30:00.000Z');
    // As a wall time the later choice has one instant only.
    expect(resolveScheduledAt('2026-03-08T03:30', 'America/New_York').toISOString()).toBe('2026-03-08T07:30:00.000Z');
    // The error names its field and carries the choices for the composer.
    try {
      resolveScheduledAt('2026-03-08T02:30', 'America/New_York');
    } catch (err) {
      expect((err as AppError).details).toMatchObject({ field: 'scheduledAt', reason: 'nonexistent_local_time', choices: ['2026-03-08T01:30-05:00', '2026-03-08T03:30-04:00'] });
    }
  });

  it('refuses a time that happens twice when clocks go back, offering both instants', () => {
    let err: AppError | null = null;
    try {
      resolveScheduledAt('2026-11-01T01:30', 'America/New_York');
    } catch (e) {
      err = e as AppError;
    }
    expect(err?.details?.reason).toBe('ambiguous_local_time');
    expect(err?.details?.choices).toEqual(['2026-11-01T01:30-04:00', '2026-11-01T01:30-05:00']);
    expect(err?.message).toMatch(/happens twice in America\/New_York.*2026-11-01T01:30-04:00 or 2026-11-01T01:30-05:00/);
    expect(reason(() => resolveScheduledAt('2026-10-25T01:30', 'Europe/London'))).toBe('ambiguous_local_time');
    // Either offered instant is then accepted as it is.
    expect(resolveScheduledAt('2026-11-01T01:30-05:00', 'America/New_York').toISOString()).toBe('2026-11-01T06:30:00.000Z');
  });

  it('refuses dates that are not real and unknown zones', () => {
    expect(reason(() => resolveScheduledAt('2026-02-30T10:00', 'Asia/Kolkata'))).toBe('invalid');
    expect(reason(() => resolveScheduledAt('tomorrow', 'Asia/Kolkata'))).toBe('invalid');
    expect(() => resolveScheduledAt('2026-02-10T10:00', 'Mars/Olympus')).toThrow(/time zone/);
  });

  it('shows an instant in the viewer zone', () => {
    const at = new Date('2026-12-01T13:00:00Z');
    expect(formatLocal(at, 'Asia/Kolkata')).toBe('2026-12-01T18:30');
    expect(formatWithOffset(at, 'America/New_York')).toBe('2026-12-01T08:00-05:00');
  });
});
