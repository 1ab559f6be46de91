import { AppError } from '../../http/errors.js';

/**
 * Wall-clock times in a named zone ⇄ UTC instants, without a date library. Times are entered in
 * the force's zone (or an explicit one) and stored in UTC.
 *
 * The rule for daylight-saving changes (`readScheduledAt`): a local time that does not exist (the
 * hour skipped when clocks go forward) is refused; a local time that exists twice (the hour
 * repeated when clocks go back) is refused too; each error names the instants to pick instead,
 * with their UTC offsets (`2026-11-01T01:30-04:00`). Nothing is guessed. This file is the one
 * place of that rule: the web composer bundles it, so it imports nothing of the server but the
 * error class.
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

/** Why a typed time was refused; `choices` are instants with their offsets that the person may pick instead. */
export type ScheduledAtRefusal =
  | { reason: 'invalid'; message: string }
  | { reason: 'unknown_time_zone'; message: string }
  | { reason: 'nonexistent_local_time'; message: string; local: string; timeZone: string; choices: string[] }
  | { reason: 'ambiguous_local_time'; message: string; local: string; timeZone: string; choices: string[] };

/**
 * The one rule for a scheduled time, shared by the server (composer, calendar, CSV import) and the
 * web composer: an instant with its offset (`…Z`, `…+05:30`) as it is, or a wall-clock time
 * (`2026-12-01T18:30`) in `zone` when exactly one instant shows it. A time skipped when clocks go
 * forward is refused with the wall times either side of the gap as choices (the same time an hour
 * earlier in the old offset and an hour later in the new one, for a one-hour change); a time that
 * happens twice when clocks go back is refused with both of its instants. Nothing is guessed.
 */
export function readScheduledAt(input: string, zone: string): { at: Date } | { refused: ScheduledAtRefusal } {
  const text = input.trim();
  if (!isTimeZone(zone)) return { refused: { reason: 'unknown_time_zone', message: `"${zone}" is not a known IANA time zone` } };
  if (WITH_OFFSET.test(text)) {
    const t = Date.parse(text);
    if (Number.isNaN(t)) return { refused: { reason: 'invalid', message: `"${text}" is not a valid time` } };
    return { at: new Date(t) };
  }
  const m = LOCAL.exec(text);
  if (!m) return { refused: { reason: 'invalid', message: `"${text}" is not a time; write YYYY-MM-DDTHH:mm in ${zone}, or an ISO time with its offset` } };
  const w: Wall = { year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: +m[4]!, minute: +m[5]!, second: m[6] ? +m[6] : 0 };
  const check = new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second));
  if (check.getUTCMonth() !== w.month - 1 || check.getUTCDate() !== w.day || w.hour > 23 || w.minute > 59 || w.second > 59) {
    return { refused: { reason: 'invalid', message: `"${text}" is not a real date and time` } };
  }
  const found = instantsFor(w, zone);
  if (found.length === 1) return { at: new Date(found[0]!) };
  const naive = wallAsUtc(w);
  const local = formatLocal(new Date(naive), 'UTC');
  if (found.length === 0) {
    // The offsets either side of the change; the gap is their difference.
    const before = zoneOffsetMs(naive - 86_400_000, zone);
    const after = zoneOffsetMs(naive + 86_400_000, zone);
    const gap = after - before;
    const choices = [naive - gap - before, naive + gap - after].map((t) => formatWithOffset(new Date(t), zone));
    return {
      refused: {
        reason: 'nonexistent_local_time',
        message: `${local} does not exist in ${zone}: the clocks go forward by ${gap / 60_000} minutes (daylight saving). Pick ${choices.join(' or ')}, or another time`,
        local,
        timeZone: zone,
        choices,
      },
    };
  }
  const choices = found.map((t) => formatWithOffset(new Date(t), zone));
  return {
    refused: {
      reason: 'ambiguous_local_time',
      message: `${local} happens twice in ${zone} (the clocks go back): give the time with its offset, ${choices.join(' or ')}`,
      local,
      timeZone: zone,
      choices,
    },
  };
}

/** `readScheduledAt` for services: the instant, or a `validation_failed` error on `field` carrying the refusal. */
export function resolveScheduledAt(input: string, zone: string, field = 'scheduledAt'): Date {
  const read = readScheduledAt(input, zone);
  if ('at' in read) return read.at;
  const { message, ...details } = read.refused;
  if (details.reason === 'unknown_time_zone') throw new AppError('validation_failed', `timeZone: ${message}`, { field: 'timeZone', reason: details.reason });
  throw new AppError('validation_failed', `${field}: ${message}`, { field, ...details });
}

/** An IANA zone name, or a `validation_failed` error on `timeZone`. */
export function checkTimeZone(zone: string): string {
  if (!isTimeZone(zone)) throw new AppError('validation_failed', `timeZone: "${zone}" is not a known IANA time zone`, { field: 'timeZone' });
  return zone;
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
