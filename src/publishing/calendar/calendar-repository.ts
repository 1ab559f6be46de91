import type { Queryable } from '../../db/database.js';
import type { PublicationState } from '../publisher/publication-types.js';

/** The calendar's queries: posts with a time, their accounts and the state of each publication. */

export interface CalendarFilter {
  from: Date;
  to: Date;
  unitId?: string | undefined;
  accountId?: string | undefined;
  campaign?: string | undefined;
  status?: string | undefined;
  limit: number;
  /** The actor's units (`unitFilter`): null for every unit. */
  units: readonly string[] | null;
}

export interface CalendarTarget {
  variantId: string;
  accountId: string;
  platform: string;
  handle: string;
  publicationId: string | null;
  state: PublicationState | null;
  stateReason: string | null;
  remoteUrl: string | null;
  errorKind: string | null;
  errorMessage: string | null;
  publishedAt: string | null;
}

export interface CalendarRow {
  id: string;
  unitId: string;
  authorId: string;
  authorName: string;
  campaign: string | null;
  templateId: string | null;
  status: string;
  version: number;
  scheduledAt: Date;
  timeZone: string;
  preview: string;
  targets: CalendarTarget[];
}

const TARGETS = `COALESCE((
  SELECT json_agg(json_build_object(
    'variantId', v.id, 'accountId', a.id, 'platform', a.platform, 'handle', a.handle,
    'publicationId', pb.id, 'state', pb.state, 'stateReason', pb.state_reason, 'remoteUrl', pb.remote_url,
    'errorKind', pb.error_kind, 'errorMessage', pb.error_message, 'publishedAt', pb.published_at
  ) ORDER BY v.position, v.id)
  FROM post_variants v
  JOIN social_accounts a ON a.id = v.account_id
  LEFT JOIN publications pb ON pb.variant_id = v.id AND pb.post_version = p.version
  WHERE v.post_id = p.id), '[]'::json)`;

const POST_COLUMNS = `p.id, p.unit_id AS "unitId", p.author_id AS "authorId", u.display_name AS "authorName", p.campaign,
  p.template_id AS "templateId", p.status, p.version, p.scheduled_at AS "scheduledAt", p.time_zone AS "timeZone",
  COALESCE((SELECT left(v.text, 140) FROM post_variants v WHERE v.post_id = p.id ORDER BY v.position, v.id LIMIT 1), '') AS preview,
  ${TARGETS} AS targets`;

export async function calendarPosts(q: Queryable, f: CalendarFilter): Promise<CalendarRow[]> {
  return q.query<CalendarRow>(
    `SELECT ${POST_COLUMNS}
     FROM posts p JOIN users u ON u.id = p.author_id
     WHERE p.scheduled_at >= $1 AND p.scheduled_at < $2
       AND ($3::text[] IS NULL OR p.unit_id = ANY($3::text[]))
       AND ($4::text IS NULL OR p.unit_id = $4)
       AND ($5::uuid IS NULL OR EXISTS (SELECT 1 FROM post_variants v WHERE v.post_id = p.id AND v.account_id = $5))
       AND ($6::text IS NULL OR p.campaign = $6)
       AND ($7::text IS NULL OR p.status = $7)
     ORDER BY p.scheduled_at, p.id
     LIMIT $8`,
    [f.from, f.to, f.units === null ? null : [...f.units], f.unitId ?? null, f.accountId ?? null, f.campaign ?? null, f.status ?? null, f.limit],
  );
}

export async function calendarPost(q: Queryable, postId: string, units: readonly string[] | null, forUpdate = false): Promise<CalendarRow | null> {
  const rows = await q.query<CalendarRow>(
    `SELECT ${POST_COLUMNS} FROM posts p JOIN users u ON u.id = p.author_id
     WHERE p.id = $1 AND ($2::text[] IS NULL OR p.unit_id = ANY($2::text[]))${forUpdate ? ' FOR UPDATE OF p' : ''}`,
    [postId, units === null ? null : [...units]],
  );
  return rows[0] ?? null;
}

export async function setSchedule(q: Queryable, postId: string, at: Date, timeZone: string): Promise<void> {
  await q.execute('UPDATE posts SET scheduled_at = $2, time_zone = $3, updated_at = now() WHERE id = $1', [postId, at, timeZone]);
}

export async function setPostStatus(q: Queryable, postId: string, status: string): Promise<void> {
  await q.execute('UPDATE posts SET status = $2, updated_at = now() WHERE id = $1', [postId, status]);
}

/** Publications of the post's current version that have not started, moved to a new time. */
export async function moveWaitingPublications(q: Queryable, postId: string, at: Date): Promise<string[]> {
  const rows = await q.query<{ id: string }>(
    `UPDATE publications pb SET state = 'scheduled', state_reason = NULL, due_at = $2, next_attempt_at = $2, updated_at = now()
     FROM posts p
     WHERE pb.post_id = $1 AND p.id = pb.post_id AND pb.post_version = p.version AND pb.state IN ('scheduled', 'held')
     RETURNING pb.id`,
    [postId, at],
  );
  return rows.map((r) => r.id);
}
