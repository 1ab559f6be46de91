/**
 * Times in a named zone for the composer and the calendar: a wall time typed in the force's zone
 * becomes an instant the same way the server resolves it (a time skipped by a DST change moves
 * forward by the gap; one that occurs twice takes the earlier instant), and instants are shown in
 * any zone. Only Intl is used, so the rules are the browser's own zone data.
 */

const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

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

/** The instant of a wall time (`2026-12-01T10:00`) in a zone; null when it is not a valid time. */
export function wallToUtc(wall: string, timeZone: string): Date | null {
  const m = WALL.exec(wall);
  if (!m) return null;
  const utcWall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
  if (Number.isNaN(utcWall) || new Date(utcWall).getUTCDate() !== Number(m[3]) || Number(m[4]) > 23 || Number(m[5]) > 59) return null;
  const candidates = [offsetAt(utcWall - 43_200_000, timeZone), offsetAt(utcWall + 43_200_000, timeZone)].map((off) => utcWall - off);
  const exact = candidates.filter((utc) => utc + offsetAt(utc, timeZone) === utcWall).sort((a, b) => a - b);
  if (exact.length) return new Date(exact[0]!);
  return new Date(utcWall - offsetAt(utcWall - 43_200_000, timeZone));
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

/** An ISO time with the zone's offset at that instant (`2026-12-01T10:00:00+05:30`), as the server accepts. */
export function isoWithOffset(instant: Date, timeZone: string): string {
  const minutes = Math.round(offsetAt(instant.getTime(), timeZone) / 60_000);
  const sign = minutes >= 0 ? '+' : '-';
  const abs = Math.abs(minutes);
  const p = wallParts(instant.getTime(), timeZone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
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

/** The three readings of a scheduled time the composer shows: the force's zone, UTC and the viewer's zone. */
export function schedulePreview(wall: string, forceZone: string, viewerZone: string, locale: string): { utc: string; viewer: string; iso: string } | null {
  const at = wallToUtc(wall, forceZone);
  if (!at) return null;
  return { iso: at.toISOString(), utc: formatInZone(at, 'UTC', locale), viewer: formatInZone(at, viewerZone, locale) };
}
