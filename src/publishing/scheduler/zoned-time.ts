import { AppError } from '../../http/errors.js';

/**
 * Wall-clock times in a named zone ⇄ UTC instants, without a date library. Times are entered in
 * the force's zone (or an explicit one) and stored in UTC.
 *
 * The rule for daylight-saving changes: a local time that does not exist (the hour skipped when
 * clocks go forward) is refused; a local time that exists twice (the hour repeated when clocks go
 * back) is refused too, and the error lists both instants, so the person picks one by giving the
 * time with its UTC offset (`2026-11-01T01:30-04:00`). Nothing is guessed.
 */

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(instant: number, zone: string): Wall {
  const parts: Record<string, number> = {};
  for (const p of formatter(zone).formatToParts(new Date(instant))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}

function wallAsUtc(w: Wall): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

/** The zone's offset from UTC at an instant, in milliseconds (IST: +19,800,000). */
export function zoneOffsetMs(instant: number, zone: string): number {
  return wallAsUtc(wallClock(Math.floor(instant / 1000) * 1000, zone)) - Math.floor(instant / 1000) * 1000;
}

/** Every instant whose wall clock in `zone` reads `w`: none in a gap, two in an overlap. */
export function instantsFor(w: Wall, zone: string): number[] {
  const naive = wallAsUtc(w);
  const offsets = new Set([zoneOffsetMs(naive - 86_400_000, zone), zoneOffsetMs(naive, zone), zoneOffsetMs(naive + 86_400_000, zone)]);
  const found = new Set<number>();
  for (const off of offsets) {
    const t = naive - off;
    if (wallAsUtc(wallClock(t, zone)) === naive) found.add(t);
  }
  return [...found].sort((a, b) => a - b);
}

function invalid(message: string, details: Record<string, unknown>): AppError {
  return new AppError('validation_failed', message, { field: 'scheduledAt', ...details });
}

/**
 * Reads a scheduled time: either an instant with its offset (`…Z`, `…+05:30`), or a wall-clock time
 * (`2026-12-01T18:30`) in `zone`. Refuses times that do not exist or exist twice in the zone.
 */
export function resolveScheduledAt(input: string, zone: string): Date {
  const text = input.trim();
  if (!isTimeZone(zone)) throw new AppError('validation_failed', `"${zone}" is not a known IANA time zone`, { field: 'timeZone' });
  if (WITH_OFFSET.test(text)) {
    const t = Date.parse(text);
    if (Number.isNaN(t)) throw invalid(`"${text}" is not a valid time`, { reason: 'invalid' });
    return new Date(t);
  }
  const m = LOCAL.exec(text);
  if (!m) throw invalid(`"${text}" is not a time; write YYYY-MM-DDTHH:mm in ${zone}, or an ISO time with its offset`, { reason: 'invalid' });
  const w: Wall = { year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: +m[4]!, minute: +m[5]!, second: m[6] ? +m[6] : 0 };
  const check = new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second));
  if (check.getUTCMonth() !== w.month - 1 || check.getUTCDate() !== w.day || w.hour > 23 || w.minute > 59 || w.second > 59) {
    throw invalid(`"${text}" is not a real date and time`, { reason: 'invalid' });
  }
  const found = instantsFor(w, zone);
  if (found.length === 0) {
    throw invalid(`${text} does not exist in ${zone}: the clocks skip that hour (daylight saving); pick another time`, { reason: 'nonexistent_local_time' });
  }
  if (found.length > 1) {
    const options = found.map((t) => formatWithOffset(new Date(t), zone));
    throw invalid(`${text} happens twice in ${zone} (clocks go back); give the time with its offset: ${options.join(' or ')}`, {
      reason: 'ambiguous_local_time',
      candidates: options,
    });
  }
  return new Date(found[0]!);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** `2026-12-01T18:30` in the zone (seconds only when not zero). */
export function formatLocal(at: Date, zone: string): string {
  const w = wallClock(at.getTime(), zone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}${w.second ? `:${pad(w.second)}` : ''}`;
}

/** `2026-12-01T18:30+05:30`: the wall-clock time in the zone with its offset, unambiguous. */
export function formatWithOffset(at: Date, zone: string): string {
  const off = Math.round(zoneOffsetMs(at.getTime(), zone) / 60_000);
  const sign = off < 0 ? '-' : '+';
  const abs = Math.abs(off);
  return `${formatLocal(at, zone)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
