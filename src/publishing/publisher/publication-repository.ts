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

/** Records the remote post; false when the attempt no longer owns the publication. */
export async function markPublished(q: Queryable, id: string, attempt: number, ref: { remoteId: string; url: string | null }): Promise<boolean> {
  const n = await q.execute(
    `UPDATE publications SET state = 'published', remote_id = $3, remote_url = $4, published_at = now(), lease_until = NULL,
       state_reason = NULL, error_kind = NULL, error_code = NULL, error_message = NULL, updated_at = now()
     WHERE id = $1 AND state = 'publishing' AND attempts = $2`,
    [id, attempt, ref.remoteId, ref.url],
  );
  return n === 1;
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
  const rows = await q.query<{ status: string }>(
    `WITH s AS (
       SELECT count(*)::int AS total,
              count(*) FILTER (WHERE pb.state = 'published')::int AS published,
              count(*) FILTER (WHERE pb.state = 'failed')::int AS failed,
              count(*) FILTER (WHERE pb.state = 'cancelled')::int AS cancelled
       FROM publications pb JOIN posts p ON p.id = pb.post_id AND p.version = pb.post_version
       WHERE pb.post_id = $1
     ), next AS (
       SELECT CASE
         WHEN total = 0 THEN NULL
         WHEN published = total THEN 'published'
         WHEN published + failed + cancelled < total THEN NULL
         WHEN published > 0 THEN 'partially_published'
         WHEN cancelled = total THEN 'cancelled'
         ELSE 'failed' END AS status
       FROM s
     )
     UPDATE posts p SET status = next.status, updated_at = now()
     FROM next
     WHERE p.id = $1 AND next.status IS NOT NULL AND p.status <> next.status
       AND p.status IN ('approved', 'published', 'partially_published', 'failed')
     RETURNING p.status`,
    [postId],
  );
  return rows[0]?.status ?? null;
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
