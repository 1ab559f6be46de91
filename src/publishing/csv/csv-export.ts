import type { Actor } from '../../auth/actor.js';
import type { CalendarService } from '../calendar/calendar-service.js';
import { csvLine } from './csv-format.js';

export const EXPORT_COLUMNS = [
  'post_id',
  'unit',
  'status',
  'scheduled_at_utc',
  'scheduled_local',
  'time_zone',
  'campaign',
  'author',
  'platform',
  'account',
  'publication_state',
  'published_at',
  'remote_url',
  'error',
  'text',
] as const;

/** The calendar as CSV: one line per post and account, with the publication's state and error. */
export async function exportCalendarCsv(
  calendar: CalendarService,
  actor: Actor,
  filter: Parameters<CalendarService['list']>[1],
): Promise<string> {
  const posts = await calendar.list(actor, filter);
  let out = csvLine(EXPORT_COLUMNS);
  for (const p of posts) {
    for (const t of p.targets.length ? p.targets : [null]) {
      out += csvLine([
        p.id,
        p.unitId,
        p.status,
        p.scheduledAt,
        p.scheduledLocal,
        p.timeZone,
        p.campaign,
        p.authorName,
        t?.platform,
        t?.handle,
        t?.state,
        t?.publishedAt,
        t?.remoteUrl,
        t?.errorMessage ?? t?.stateReason,
        p.preview,
      ]);
    }
  }
  return out;
}
