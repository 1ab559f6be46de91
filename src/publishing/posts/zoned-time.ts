import { AppError } from '../../http/errors.js';

const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** Milliseconds the zone is ahead of UTC at this instant. */
function offsetAt(utcMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(
    new Date(utcMs),
  );
  const n = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const asUtc = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/**
 * An instant from what a user typed: an ISO time with offset as is, or a wall-clock time in the
 * given zone. A wall time skipped by a DST change moves forward by the gap; one that occurs twice
 * takes the earlier instant.
 */
export function parseScheduledAt(value: string, timeZone: string, field = 'scheduledAt'): Date {
  if (WITH_OFFSET.test(value)) {
    const d = new Date(value);
    if (!Number.isNaN(d.getTime())) return d;
  }
  const m = WALL.exec(value);
  if (!m) throw new AppError('validation_failed', `${field}: expected a time like 2026-12-01T10:00 (in ${timeZone}) or with an offset`, { field });
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
  if (Number.isNaN(wall) || new Date(wall).getUTCDate() !== Number(m[3])) throw new AppError('validation_failed', `${field}: not a calendar date`, { field });
  // Try both offsets around the wall time: the earlier instant that shows this wall time wins.
  const candidates = [offsetAt(wall - 86_400_000 / 2, timeZone), offsetAt(wall + 86_400_000 / 2, timeZone)].map((off) => wall - off);
  const exact = candidates.filter((utc) => utc + offsetAt(utc, timeZone) === wall).sort((a, b) => a - b);
  if (exact.length) return new Date(exact[0]!);
  // In a DST gap: the wall time does not exist; keep the offset from before the change.
  return new Date(wall - offsetAt(wall - 86_400_000 / 2, timeZone));
}

export function checkTimeZone(tz: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
  } catch {
    throw new AppError('validation_failed', `timeZone: ${tz} is not a known IANA time zone`, { field: 'timeZone' });
  }
  return tz;
}
