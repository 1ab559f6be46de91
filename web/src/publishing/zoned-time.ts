import { readScheduledAt, type ScheduledAtRefusal } from '../../../src/publishing/scheduler/zoned-time.js';

/**
 * Times in a named zone for the composer and the calendar: a wall time typed in the force's zone
 * becomes an instant by the server's own rule, bundled into the page (a time skipped or repeated
 * at a daylight-saving change is refused, with the instants to pick instead), and instants are
 * shown in any zone. Only Intl is used, so the zone data are the browser's own.
 */

export type { ScheduledAtRefusal } from '../../../src/publishing/scheduler/zoned-time.js';
export { formatWithOffset } from '../../../src/publishing/scheduler/zoned-time.js';

const WALL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?$/;

const partsFormatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    partsFormatters.set(timeZone, f);
  }
  return f;
}

interface WallParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallParts(utcMs: number, timeZone: string): WallParts {
  const parts = partsFormatter(timeZone).formatToParts(new Date(utcMs));
  const n = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  return { year: n('year'), month: n('month'), day: n('day'), hour: n('hour'), minute: n('minute'), second: n('second') };
}

/** Milliseconds the zone is ahead of UTC at this instant. */
export function offsetAt(utcMs: number, timeZone: string): number {
  const p = wallParts(utcMs, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(utcMs / 1000) * 1000;
}

export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** A wall time as the composer's field holds it (`2026-12-01T10:00`), read by the server's rule. */
export function readWall(wall: string, timeZone: string): { at: Date } | { refused: ScheduledAtRefusal } {
  if (!WALL.test(wall)) return { refused: { reason: 'invalid', message: `"${wall}" is not a time` } };
  return readScheduledAt(wall, timeZone);
}

/** The instant of a wall time (`2026-12-01T10:00`) in a zone; null when it is not a time, or not exactly one instant. */
export function wallToUtc(wall: string, timeZone: string): Date | null {
  const read = readWall(wall, timeZone);
  return 'at' in read ? read.at : null;
}

/**
 * Where a day begins in a zone: its midnight, or where a clock change puts it (the first minute
 * after a change that skips midnight; the first of two midnights when one repeats).
 */
export function dayStartUtc(day: string, timeZone: string): Date {
  const read = readWall(`${day}T00:00`, timeZone);
  if ('at' in read) return read.at;
  const r = read.refused;
  if (r.reason === 'nonexistent_local_time') return new Date(Date.parse(r.choices[1]!));
  if (r.reason === 'ambiguous_local_time') return new Date(Date.parse(r.choices[0]!));
  throw new Error(`not a day: ${day}`);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The wall time of an instant in a zone, as a datetime-local input holds it (`2026-12-01T10:00`). */
export function utcToWall(instant: string | Date, timeZone: string): string {
  const p = wallParts(new Date(instant).getTime(), timeZone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** The calendar day (`2026-12-01`) of an instant in a zone. */
export function dayInZone(instant: string | Date, timeZone: string): string {
  return utcToWall(instant, timeZone).slice(0, 10);
}

/** `UTC+05:30`, `UTC−04:00`, `UTC` for the offset of the zone at an instant. */
export function offsetLabel(instant: string | Date, timeZone: string): string {
  const minutes = Math.round(offsetAt(new Date(instant).getTime(), timeZone) / 60_000);
  if (minutes === 0) return 'UTC';
  const sign = minutes > 0 ? '+' : '−';
  const abs = Math.abs(minutes);
  return `UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The zone of this browser (the viewer's). */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** An instant for people: date and time in the zone, in the reader's language, with the offset. */
export function formatInZone(instant: string | Date, timeZone: string, locale: string): string {
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return String(instant);
  const text = d.toLocaleString(locale === 'hi' ? 'hi-IN' : 'en-IN', { timeZone, dateStyle: 'medium', timeStyle: 'short' });
  return `${text} (${offsetLabel(d, timeZone)})`;
}

/**
 * The readings of a scheduled time the composer shows: the force's zone, UTC and the viewer's zone;
 * or why the time is refused (it does not exist, or happens twice, in the force's zone). `picked`
 * is an instant with its offset the person chose for this wall time, which is taken as it is.
 */
export function schedulePreview(
  wall: string,
  forceZone: string,
  viewerZone: string,
  locale: string,
  picked: string | null = null,
): { utc: string; viewer: string; iso: string } | { refused: ScheduledAtRefusal } | null {
  const read = picked && picked.startsWith(wall) ? readScheduledAt(picked, forceZone) : readWall(wall, forceZone);
  if ('refused' in read) return read.refused.reason === 'nonexistent_local_time' || read.refused.reason === 'ambiguous_local_time' ? read : null;
  const at = read.at;
  return { iso: at.toISOString(), utc: formatInZone(at, 'UTC', locale), viewer: formatInZone(at, viewerZone, locale) };
}
