import type { Queryable } from '../../db/database.js';
import { BOSS_SCHEMA } from '../../jobs/queue.js';
import { publishJob } from '../publisher/publish-job.js';

/** SQL of the scheduler's sweeps. Claims use FOR UPDATE SKIP LOCKED so several schedulers share the work. */

export interface DuePost {
  id: string;
  unitId: string;
  version: number;
  scheduledAt: Date;
}

/**
 * Approved posts due before `horizonSeconds` from now whose current version has no publications
 * yet (`publications_version`, set where publications are made), locked for this sweep. Posts another sweep holds are skipped, not waited for.
 */
export async function claimDuePosts(q: Queryable, horizonSeconds: number, limit: number): Promise<DuePost[]> {
  return q.query<DuePost>(
    `SELECT p.id, p.unit_id AS "unitId", p.version, p.scheduled_at AS "scheduledAt" FROM posts p
     WHERE p.status = 'approved' AND p.publications_version IS DISTINCT FROM p.version
       AND p.scheduled_at IS NOT NULL AND p.scheduled_at <= now() + $1 * interval '1 second'
     ORDER BY p.scheduled_at
     LIMIT $2
     FOR UPDATE OF p SKIP LOCKED`,
    [horizonSeconds, limit],
  );
}

/**
 * One publication per variant of the post's version; the unique idempotency key makes a second
 * sweep (or a second scheduler) create nothing. Returns the ids created now.
 */
export async function createPublications(
  q: Queryable,
  post: DuePost,
  state: 'scheduled' | 'held',
  reason: string | null,
): Promise<string[]> {
  const rows = await q.query<{ id: string }>(
    `WITH ins AS (
       INSERT INTO publications (post_id, variant_id, account_id, unit_id, post_version, idempotency_key, state, state_reason, due_at, next_attempt_at)
       SELECT v.post_id, v.id, v.account_id, $2::text, $3::int, v.post_id::text || ':' || v.id::text || ':' || $3::int::text, $4::text, $5::text, $6::timestamptz, $6::timestamptz
       FROM post_variants v WHERE v.post_id = $1
       ORDER BY v.position, v.id
       ON CONFLICT (idempotency_key) DO NOTHING
       RETURNING id),
     marked AS (
       UPDATE posts SET publications_version = $3::int WHERE id = $1 AND EXISTS (SELECT 1 FROM ins))
     SELECT id FROM ins`,
    [post.id, post.unitId, post.version, state, reason, post.scheduledAt],
  );
  return rows.map((r) => r.id);
}

/**
 * `createPublications` for many posts in one statement: one `scheduled` publication per variant of
 * each post's version, skipping keys that exist. Returns the publications created now with their due times.
 */
export async function createScheduledPublications(q: Queryable, posts: readonly DuePost[]): Promise<{ id: string; dueAt: Date }[]> {
  if (!posts.length) return [];
  return q.query<{ id: string; dueAt: Date }>(
    `WITH ins AS (
       INSERT INTO publications (post_id, variant_id, account_id, unit_id, post_version, idempotency_key, state, due_at, next_attempt_at)
       SELECT v.post_id, v.id, v.account_id, d.unit_id, d.version, v.post_id::text || ':' || v.id::text || ':' || d.version::text, 'scheduled', d.due, d.due
       FROM unnest($1::uuid[], $2::text[], $3::int[], $4::timestamptz[]) AS d(post_id, unit_id, version, due)
       JOIN post_variants v ON v.post_id = d.post_id
       ORDER BY d.due, v.post_id, v.position, v.id
       ON CONFLICT (idempotency_key) DO NOTHING
       RETURNING id, due_at, post_id, post_version),
     marked AS (
       UPDATE posts p SET publications_version = m.version
       FROM (SELECT DISTINCT post_id, post_version AS version FROM ins) m WHERE p.id = m.post_id)
     SELECT id, due_at AS "dueAt" FROM ins ORDER BY due_at, id`,
    [posts.map((p) => p.id), posts.map((p) => p.unitId), posts.map((p) => p.version), posts.map((p) => p.scheduledAt)],
  );
}

/** Posts that came due while not approved and whose author has not been told yet. */
export async function dueUnapprovedPosts(q: Queryable, limit: number): Promise<{ id: string; unitId: string; status: string; scheduledAt: Date }[]> {
  return q.query<{ id: string; unitId: string; status: string; scheduledAt: Date }>(
    `SELECT p.id, p.unit_id AS "unitId", p.status, p.scheduled_at AS "scheduledAt" FROM posts p
     WHERE p.status IN ('draft', 'in_review', 'changes_requested') AND p.scheduled_at IS NOT NULL AND p.scheduled_at <= now()
       AND NOT EXISTS (SELECT 1 FROM publishing_notices n WHERE n.post_id = p.id AND n.kind = 'due_not_approved')
     ORDER BY p.scheduled_at LIMIT $1
     FOR UPDATE OF p SKIP LOCKED`,
    [limit],
  );
}

/**
 * Publications whose job is presumed lost: `publishing` past its lease (the worker died) with no
 * recovery job sent since, or `scheduled` long past its time with no job waiting or running in
 * the queue (a backlog is not a loss: re-sending there would only lengthen it). A job `active` for
 * that long on a publication still `scheduled` is a dead worker's: a live one claims the
 * publication within moments of starting the job, and its queue would only expire the job after
 * minutes. Marks them sent and returns them.
 */
export async function claimStranded(q: Queryable, staleSeconds: number, limit: number): Promise<{ id: string; state: string }[]> {
  return q.query<{ id: string; state: string }>(
    `UPDATE publications pb SET enqueued_at = now()
     FROM (
       SELECT id FROM publications
       WHERE (state = 'publishing' AND lease_until < now() AND (enqueued_at IS NULL OR enqueued_at < lease_until))
          OR (state = 'scheduled' AND next_attempt_at < now() - $1 * interval '1 second'
              AND (enqueued_at IS NULL OR enqueued_at < now() - $1 * interval '1 second')
              AND NOT EXISTS (
                SELECT 1 FROM ${BOSS_SCHEMA}.job j
                WHERE j.name = '${publishJob.name}' AND j.singleton_key = publications.id::text
                  AND (j.state IN ('created', 'retry') OR (j.state = 'active' AND j.started_on > now() - $1 * interval '1 second'))))
       ORDER BY next_attempt_at
       LIMIT $2
       FOR UPDATE SKIP LOCKED
     ) s
     WHERE pb.id = s.id
     RETURNING pb.id, pb.state`,
    [staleSeconds, limit],
  );
}
