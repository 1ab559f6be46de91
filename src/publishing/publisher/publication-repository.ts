import type { Queryable } from '../../db/database.js';
import type { Publication, PublicationAttempt, PublicationErrorKind, PublicationState } from './publication-types.js';

/** SQL of publications and their attempts. State changes that follow an attempt are fenced by its number. */

export const PUBLICATION_COLUMNS = `pb.id, pb.post_id AS "postId", pb.variant_id AS "variantId", pb.account_id AS "accountId",
  pb.unit_id AS "unitId", pb.post_version AS "postVersion", pb.idempotency_key AS "idempotencyKey", pb.state,
  pb.state_reason AS "stateReason", pb.attempts, pb.due_at AS "dueAt", pb.next_attempt_at AS "nextAttemptAt",
  pb.lease_until AS "leaseUntil", pb.enqueued_at AS "enqueuedAt", pb.remote_id AS "remoteId", pb.remote_url AS "remoteUrl",
  pb.error_kind AS "errorKind", pb.error_code AS "errorCode", pb.error_message AS "errorMessage",
  pb.started_at AS "startedAt", pb.published_at AS "publishedAt", pb.created_at AS "createdAt", pb.updated_at AS "updatedAt"`;

export async function lockPublication(q: Queryable, id: string): Promise<Publication | null> {
  const rows = await q.query<Publication>(`SELECT ${PUBLICATION_COLUMNS} FROM publications pb WHERE pb.id = $1 FOR UPDATE`, [id]);
  return rows[0] ?? null;
}

export async function findPublication(q: Queryable, id: string, units: readonly string[] | null): Promise<Publication | null> {
  const rows = await q.query<Publication>(
    `SELECT ${PUBLICATION_COLUMNS} FROM publications pb WHERE pb.id = $1 AND ($2::text[] IS NULL OR pb.unit_id = ANY($2::text[]))`,
    [id, units === null ? null : [...units]],
  );
  return rows[0] ?? null;
}

export async function publicationsOfPost(q: Queryable, postId: string): Promise<Publication[]> {
  return q.query<Publication>(`SELECT ${PUBLICATION_COLUMNS} FROM publications pb WHERE pb.post_id = $1 ORDER BY pb.post_version DESC, pb.created_at, pb.id`, [postId]);
}

export async function attemptsOf(q: Queryable, publicationId: string): Promise<PublicationAttempt[]> {
  return q.query<PublicationAttempt>(
    `SELECT attempt, mode, started_at AS "startedAt", ended_at AS "endedAt", outcome, error_kind AS "errorKind",
       error_code AS "errorCode", error_message AS "errorMessage"
     FROM publication_attempts WHERE publication_id = $1 ORDER BY attempt`,
    [publicationId],
  );
}

/** The post as the publisher needs it: its status and version decide whether a publication may go out. */
export async function postOf(q: Queryable, postId: string): Promise<{ status: string; version: number; authorId: string; unitId: string } | null> {
  const rows = await q.query<{ status: string; version: number; authorId: string; unitId: string }>(
    'SELECT status, version, author_id AS "authorId", unit_id AS "unitId" FROM posts WHERE id = $1',
    [postId],
  );
  return rows[0] ?? null;
}

/** A publication claimed by `claimDue`, with what its call needs. */
export type ClaimedDue = Publication & Omit<VariantForPublish, 'variantId'>;

/**
 * The usual claim in one statement, for several publications at once: each `scheduled` publication
 * due by `dueBy` whose post is still publishable at this version and that no pause covers becomes
 * `publishing` with a lease and its attempt row, and comes back with its variant and account. A
 * publication missing from the answer failed a condition (or another attempt holds it): the caller
 * then decides, row locked, what to do instead. `attempts` in the answer is the new attempt's number.
 */
export async function claimDue(q: Queryable, ids: readonly string[], dueBy: Date, publishableStatuses: readonly string[], leaseSeconds: number): Promise<ClaimedDue[]> {
  if (!ids.length) return [];
  return q.query<ClaimedDue>(
    `WITH c AS (
       UPDATE publications pb SET state = 'publishing', attempts = pb.attempts + 1, lease_until = now() + $4 * interval '1 second',
         started_at = now(), state_reason = NULL, updated_at = now()
       FROM posts p
       WHERE pb.id = ANY($1::uuid[]) AND pb.state = 'scheduled' AND pb.next_attempt_at <= $2::timestamptz
         AND p.id = pb.post_id AND p.version = pb.post_version AND p.status = ANY($3::text[])
         AND NOT EXISTS (SELECT 1 FROM publishing_pauses pp WHERE pp.ended_at IS NULL AND (pp.unit_id IS NULL OR pp.unit_id = pb.unit_id))
       RETURNING ${PUBLICATION_COLUMNS}
     ), a AS (
       INSERT INTO publication_attempts (publication_id, attempt, mode) SELECT id, attempts, 'publish' FROM c
     )
     SELECT c.*, v.text, v.link, v.hashtags, v.media_ids AS "mediaIds", v.title,
       sa.platform, sa.handle, sa.credentials_enc AS "credentialsEnc", sa.active AS "accountActive"
     FROM c JOIN post_variants v ON v.id = c."variantId" JOIN social_accounts sa ON sa.id = v.account_id`,
    [[...ids], dueBy.toISOString(), [...publishableStatuses], leaseSeconds],
  );
}

/** Claims a publication for one attempt: state publishing, a lease, and the attempt's history row. */
export async function claim(q: Queryable, id: string, attempt: number, mode: 'publish' | 'recover', leaseSeconds: number): Promise<void> {
  await q.execute(
    `UPDATE publications SET state = 'publishing', attempts = $2, lease_until = now() + $3 * interval '1 second',
       started_at = now(), state_reason = NULL, updated_at = now()
     WHERE id = $1`,
    [id, attempt, leaseSeconds],
  );
  await q.execute('INSERT INTO publication_attempts (publication_id, attempt, mode) VALUES ($1, $2, $3)', [id, attempt, mode]);
}

export interface AttemptEnd {
  outcome: NonNullable<PublicationAttempt['outcome']>;
  errorKind?: string | null;
  errorCode?: string | null;
  errorMessage?: string | null;
}

export async function endAttempt(q: Queryable, id: string, attempt: number, end: AttemptEnd): Promise<void> {
  await q.execute(
    `UPDATE publication_attempts SET ended_at = now(), outcome = $3, error_kind = $4, error_code = $5, error_message = $6
     WHERE publication_id = $1 AND attempt = $2`,
    [id, attempt, end.outcome, end.errorKind ?? null, end.errorCode ?? null, end.errorMessage ?? null],
  );
}

/** Locks posts in id order, so transactions that finish publications of the same posts queue instead of deadlocking. */
export async function lockPosts(q: Queryable, postIds: readonly string[]): Promise<void> {
  if (postIds.length) await q.query('SELECT 1 FROM posts WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE', [[...postIds]]);
}

/**
 * Records the remote posts of calls that succeeded (`published`) and ends their attempts, each only
 * where its attempt still owns the publication. Returns the ids recorded.
 */
export async function markPublishedMany(
  q: Queryable,
  items: readonly { id: string; attempt: number; remoteId: string; url: string | null; outcome: 'published' | 'found' }[],
): Promise<Set<string>> {
  if (!items.length) return new Set();
  const json = JSON.stringify(items.map((i) => ({ id: i.id, attempt: i.attempt, remote_id: i.remoteId, url: i.url, outcome: i.outcome })));
  const rows = await q.query<{ id: string }>(
    `WITH d AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS d(id uuid, attempt int, remote_id text, url text, outcome text)
     ), pb AS (
       UPDATE publications pb SET state = 'published', remote_id = d.remote_id, remote_url = d.url, published_at = clock_timestamp(), lease_until = NULL,
         state_reason = NULL, error_kind = NULL, error_code = NULL, error_message = NULL, updated_at = now()
       FROM d WHERE pb.id = d.id AND pb.state = 'publishing' AND pb.attempts = d.attempt
       RETURNING pb.id, pb.attempts
     ), a AS (
       UPDATE publication_attempts pa SET ended_at = clock_timestamp(), outcome = d.outcome
       FROM pb JOIN d ON d.id = pb.id
       WHERE pa.publication_id = pb.id AND pa.attempt = pb.attempts
     )
     SELECT id FROM pb`,
    [json],
  );
  return new Set(rows.map((r) => r.id));
}

export interface ErrorFields {
  kind: PublicationErrorKind;
  code: string | null;
  message: string;
}

/** Ends an attempt in `failed`, `needs_verification` or back in `scheduled` (a retry at `retryAt`). */
export async function markAfterError(
  q: Queryable,
  id: string,
  attempt: number,
  next: { state: Extract<PublicationState, 'failed' | 'needs_verification' | 'scheduled'>; reason: string | null; retryAt?: Date; error: ErrorFields },
): Promise<boolean> {
  const n = await q.execute(
    `UPDATE publications SET state = $3, state_reason = $4, next_attempt_at = COALESCE($5, next_attempt_at), lease_until = NULL,
       error_kind = $6, error_code = $7, error_message = $8, updated_at = now()
     WHERE id = $1 AND state = 'publishing' AND attempts = $2`,
    [id, attempt, next.state, next.reason, next.retryAt ?? null, next.error.kind, next.error.code, next.error.message],
  );
  return n === 1;
}

/** Moves a publication that has not started between waiting states (scheduled, held, cancelled). */
export async function setWaitingState(q: Queryable, id: string, state: Extract<PublicationState, 'scheduled' | 'held' | 'cancelled'>, reason: string | null, nextAttemptAt?: Date): Promise<void> {
  await q.execute(
    `UPDATE publications SET state = $2, state_reason = $3, next_attempt_at = COALESCE($4, next_attempt_at), lease_until = NULL, updated_at = now() WHERE id = $1`,
    [id, state, reason, nextAttemptAt ?? null],
  );
}

export async function markEnqueued(q: Queryable, ids: readonly string[]): Promise<void> {
  if (ids.length) await q.execute('UPDATE publications SET enqueued_at = now() WHERE id = ANY($1::uuid[])', [[...ids]]);
}

/**
 * Sets the post's status from its current version's publications once none is still on its way:
 * all published → published; some → partially_published; none (all failed or cancelled) → failed,
 * or cancelled when every one was cancelled. Returns the new status when it changed.
 */
export async function rollUpPost(q: Queryable, postId: string): Promise<string | null> {
  return (await rollUpPosts(q, [postId])).get(postId) ?? null;
}

/** Rolls up several posts in one statement; returns the posts whose status changed. */
export async function rollUpPosts(q: Queryable, postIds: readonly string[]): Promise<Map<string, string>> {
  if (!postIds.length) return new Map();
  const rows = await q.query<{ id: string; status: string }>(
    `WITH s AS (
       SELECT pb.post_id,
              count(*)::int AS total,
              count(*) FILTER (WHERE pb.state = 'published')::int AS published,
              count(*) FILTER (WHERE pb.state = 'failed')::int AS failed,
              count(*) FILTER (WHERE pb.state = 'cancelled')::int AS cancelled
       FROM publications pb JOIN posts p ON p.id = pb.post_id AND p.version = pb.post_version
       WHERE pb.post_id = ANY($1::uuid[])
       GROUP BY pb.post_id
     ), next AS (
       SELECT post_id, CASE
         WHEN published = total THEN 'published'
         WHEN published + failed + cancelled < total THEN NULL
         WHEN published > 0 THEN 'partially_published'
         WHEN cancelled = total THEN 'cancelled'
         ELSE 'failed' END AS status
       FROM s
     )
     UPDATE posts p SET status = next.status, updated_at = now()
     FROM next
     WHERE p.id = next.post_id AND next.status IS NOT NULL AND p.status <> next.status
       AND p.status IN ('approved', 'published', 'partially_published', 'failed')
     RETURNING p.id, p.status`,
    [[...postIds]],
  );
  return new Map(rows.map((r) => [r.id, r.status]));
}

export interface VariantForPublish {
  variantId: string;
  text: string;
  link: string | null;
  hashtags: string[];
  mediaIds: string[];
  title: string | null;
  platform: string;
  handle: string;
  credentialsEnc: string | null;
  accountActive: boolean;
}

export async function variantForPublish(q: Queryable, variantId: string): Promise<VariantForPublish | null> {
  const rows = await q.query<VariantForPublish>(
    `SELECT v.id AS "variantId", v.text, v.link, v.hashtags, v.media_ids AS "mediaIds", v.title,
       a.platform, a.handle, a.credentials_enc AS "credentialsEnc", a.active AS "accountActive"
     FROM post_variants v JOIN social_accounts a ON a.id = v.account_id WHERE v.id = $1`,
    [variantId],
  );
  return rows[0] ?? null;
}

export async function mediaRows(q: Queryable, ids: readonly string[]): Promise<{ sha256: string; mime: string; bytes: number; altEn: string; altHi: string }[]> {
  if (!ids.length) return [];
  const rows = await q.query<{ sha256: string; mime: string; bytes: number; altEn: string; altHi: string }>(
    'SELECT sha256, mime, bytes::float8 AS bytes, alt_en AS "altEn", alt_hi AS "altHi" FROM media WHERE sha256 = ANY($1::text[])',
    [[...ids]],
  );
  const byId = new Map(rows.map((r) => [r.sha256, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    return r ? [r] : [];
  });
}
