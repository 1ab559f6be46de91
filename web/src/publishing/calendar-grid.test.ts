import { describe, expect, it } from 'vitest';
import { daysOfView, groupByDay, monthGrid, movedToDay, rangeOfDays, shiftMonth, startOfWeek, weekDays } from './calendar-grid.js';

describe('calendar grid', () => {
  it('covers a month with whole weeks starting on Monday', () => {
    const weeks = monthGrid('2026-12');
    // 1 December 2026 is a Tuesday; 31 December a Thursday.
    expect(weeks[0]![0]).toBe('2026-11-30');
    expect(weeks.at(-1)!.at(-1)).toBe('2027-01-03');
    expect(weeks).toHaveLength(5);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    // February 2021 begins on a Monday and fills exactly four weeks.
    expect(monthGrid('2021-02')).toHaveLength(4);
  });

  it('finds the week of a day and steps months across years', () => {
    expect(startOfWeek('2026-12-06')).toBe('2026-11-30');
    expect(weekDays('2026-12-02')).toEqual(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06']);
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(daysOfView('list', '2026-12-20')).toHaveLength(30);
  });

  it('asks the API for whole days in the viewer’s zone', () => {
    expect(rangeOfDays(weekDays('2026-12-02'), 'Asia/Kolkata')).toEqual({ from: '2026-11-29T18:30:00.000Z', to: '2026-12-06T18:30:00.000Z' });
  });

  it('places posts on their day in the zone, in time order', () => {
    const entries = [
      { id: 'b', scheduledAt: '2026-12-01T20:00:00.000Z' },
      { id: 'a', scheduledAt: '2026-12-01T03:00:00.000Z' },
      { id: 'c', scheduledAt: '2026-12-01T18:29:00.000Z' },
    ];
    const byDay = groupByDay(entries, 'Asia/Kolkata');
    // 20:00 UTC is already 2 December in Delhi.
    expect(byDay.get('2026-12-01')?.map((e) => e.id)).toEqual(['a', 'c']);
    expect(byDay.get('2026-12-02')?.map((e) => e.id)).toEqual(['b']);
  });

  it('keeps the time of day when a post is dragged to another day, across a DST change', () => {
    expect(movedToDay('2026-12-01T04:30:00.000Z', '2026-12-03', 'Asia/Kolkata')).toEqual({ to: '2026-12-03T10:00+05:30' });
    expect(movedToDay('2026-12-01T04:30:00.000Z', '2026-12-01', 'Asia/Kolkata')).toBeNull();
    // 09:00 in New York before and after the clocks go back.
    expect(movedToDay('2026-10-30T13:00:00.000Z', '2026-11-02', 'America/New_York')).toEqual({ to: '2026-11-02T09:00-05:00' });
  });

  it('refuses a drop onto the day whose clock change skips or repeats the post’s time of day, naming the choices', () => {
    // 02:30 in New York on 7 March; 8 March skips 02:00–03:00, 1 November repeats 01:00–02:00.
    expect(movedToDay('2026-03-07T07:30:00.000Z', '2026-03-08', 'America/New_York')).toMatchObject({
      refused: { reason: 'nonexistent_local_time', local: '2026-03-08T02:30', choices: ['2026-03-08T01:30-05:00', '2026-03-08T03:30-04:00'] },
    });
    // 01:30 in London on 24 October; 25 October repeats 01:00–02:00.
    expect(movedToDay('2026-10-24T00:30:00.000Z', '2026-10-25', 'Europe/London')).toMatchObject({
      refused: { reason: 'ambiguous_local_time', choices: ['2026-10-25T01:30+01:00', '2026-10-25T01:30+00:00'] },
    });
  });

  it('bounds the days of a view in a zone, from where each day begins', () => {
    expect(rangeOfDays(['2026-03-08'], 'America/New_York')).toEqual({ from: '2026-03-08T05:00:00.000Z', to: '2026-03-09T04:00:00.000Z' });
  });
});
