import type { CalendarEntry } from '../api/publishing.js';
import { utcToWall } from './zoned-time.js';

/**
 * The calendar as CSV: one row per post and account. Text from social media is untrusted, so a
 * cell that a spreadsheet would read as a formula (=, +, -, @, tab, carriage return first) is
 * prefixed with an apostrophe, and every cell is quoted when it needs to be.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return cells.map(csvCell).join(',');
}

export const CALENDAR_CSV_HEADER = ['post_id', 'unit', 'scheduled_utc', 'scheduled_local', 'time_zone', 'status', 'campaign', 'platform', 'handle', 'publication_state', 'error', 'url', 'text'];

export function calendarCsv(entries: readonly CalendarEntry[]): string {
  const lines = [csvLine(CALENDAR_CSV_HEADER)];
  for (const e of entries) {
    const local = utcToWall(e.scheduledAt, e.timeZone).replace('T', ' ');
    const targets = e.targets.length ? e.targets : [null];
    for (const t of targets) {
      lines.push(
        csvLine([e.id, e.unitId, e.scheduledAt, local, e.timeZone, e.status, e.campaign, t?.platform, t?.handle, t?.state, t?.errorMessage, t?.remoteUrl, e.preview]),
      );
    }
  }
  // CRLF as RFC 4180; a byte-order mark so spreadsheet programs read Devanagari as UTF-8.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
