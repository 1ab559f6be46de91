import { dayStartUtc, formatWithOffset, readWall, utcToWall, type ScheduledAtRefusal } from './zoned-time.js';

/**
 * The calendar's days: month and week grids of `YYYY-MM-DD` days, the instants that bound them in
 * the viewer's zone (what the calendar API is asked for), posts grouped by their day, and the new
 * time of a post dragged to another day (same time of day, new date).
 */

export type CalendarView = 'month' | 'week' | 'list';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function toUtcDate(day: string): Date {
  const m = DAY.exec(day);
  if (!m) throw new Error(`not a day: ${day}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

function fromUtcDate(d: Date): string {
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function addDays(day: string, n: number): string {
  const d = toUtcDate(day);
  d.setUTCDate(d.getUTCDate() + n);
  return fromUtcDate(d);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: string): number {
  return toUtcDate(day).getUTCDay();
}

/** The first day of the week holding `day` (weeks start on Monday by default, as in India). */
export function startOfWeek(day: string, weekStartsOn = 1): string {
  return addDays(day, -((weekday(day) - weekStartsOn + 7) % 7));
}

export function weekDays(day: string, weekStartsOn = 1): string[] {
  const first = startOfWeek(day, weekStartsOn);
  return Array.from({ length: 7 }, (_, i) => addDays(first, i));
}

/** `2026-12` → the weeks (rows of 7 days) that cover the month, from the week of its 1st to the week of its last day. */
export function monthGrid(month: string, weekStartsOn = 1): string[][] {
  const first = `${month}-01`;
  const d = toUtcDate(first);
  const last = fromUtcDate(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)));
  const weeks: string[][] = [];
  for (let start = startOfWeek(first, weekStartsOn); start <= last; start = addDays(start, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, i) => addDays(start, i)));
  }
  return weeks;
}

export function shiftMonth(month: string, n: number): string {
  const d = toUtcDate(`${month}-01`);
  const moved = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));
  return fromUtcDate(moved).slice(0, 7);
}

/** The days a view shows around an anchor day (the list view shows the 30 days from it). */
export function daysOfView(view: CalendarView, anchor: string): string[] {
  if (view === 'month') return monthGrid(anchor.slice(0, 7)).flat();
  if (view === 'week') return weekDays(anchor);
  return Array.from({ length: 30 }, (_, i) => addDays(anchor, i));
}

/** The instants [from, to) that cover whole days in a zone: midnight of the first day to midnight after the last. */
export function rangeOfDays(days: readonly string[], timeZone: string): { from: string; to: string } {
  const first = days[0]!;
  const last = days[days.length - 1]!;
  return { from: dayStartUtc(first, timeZone).toISOString(), to: dayStartUtc(addDays(last, 1), timeZone).toISOString() };
}

/** Entries grouped by their day in the zone, each day in time order. */
export function groupByDay<T extends { scheduledAt: string }>(entries: readonly T[], timeZone: string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  const sorted = [...entries].sort((a, b) => Date.parse(a.scheduledAt) - Date.parse(b.scheduledAt));
  for (const e of sorted) {
    const day = utcToWall(e.scheduledAt, timeZone).slice(0, 10);
    const list = out.get(day);
    if (list) list.push(e);
    else out.set(day, [e]);
  }
  return out;
}

/**
 * The new time of a post dropped on another day: the same wall-clock time of day in the zone on
 * the new date, as a time with that date's offset (so a DST change between the days is right).
 * That wall time is read by the server's rule: on the day of a clock change it may not exist or
 * happen twice, and then the drop is refused with the instants to pick instead. Null when the day
 * is the post's own day.
 */
export function movedToDay(scheduledAt: string, day: string, timeZone: string): { to: string } | { refused: ScheduledAtRefusal } | null {
  const wall = utcToWall(scheduledAt, timeZone);
  if (wall.slice(0, 10) === day) return null;
  const read = readWall(`${day}T${wall.slice(11)}`, timeZone);
  return 'at' in read ? { to: formatWithOffset(read.at, timeZone) } : read;
}

export function todayIn(timeZone: string, now: Date = new Date()): string {
  return utcToWall(now, timeZone).slice(0, 10);
}
