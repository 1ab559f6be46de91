import type { Queryable } from '../../db/database.js';

/**
 * Notices tell a person that a post needs them: it came due without approval, a pause holds it,
 * it failed, its account's sign-in expired, or its outcome needs verifying. One notice per kind,
 * post, publication and recipient (repeats are ignored).
 */
export type NoticeKind = 'due_not_approved' | 'held' | 'failed' | 'auth_expired' | 'needs_verification';

export interface Notice {
  id: string;
  kind: NoticeKind;
  postId: string;
  publicationId: string | null;
  unitId: string;
  message: string;
  createdAt: Date;
  readAt: Date | null;
}

/** Adds a notice for the post's author; false when the same notice exists. */
export async function addNotice(q: Queryable, n: { kind: NoticeKind; postId: string; publicationId?: string | null; message: string }): Promise<boolean> {
  const count = await q.execute(
    `INSERT INTO publishing_notices (kind, post_id, publication_id, unit_id, recipient_id, message)
     SELECT $1, p.id, $3, p.unit_id, p.author_id, $4 FROM posts p WHERE p.id = $2
     ON CONFLICT DO NOTHING`,
    [n.kind, n.postId, n.publicationId ?? null, n.message],
  );
  return count === 1;
}

export async function noticesFor(q: Queryable, recipientId: string, opts: { unreadOnly: boolean; limit: number }): Promise<Notice[]> {
  return q.query<Notice>(
    `SELECT id, kind, post_id AS "postId", publication_id AS "publicationId", unit_id AS "unitId", message, created_at AS "createdAt", read_at AS "readAt"
     FROM publishing_notices WHERE recipient_id = $1 AND (NOT $2 OR read_at IS NULL)
     ORDER BY created_at DESC LIMIT $3`,
    [recipientId, opts.unreadOnly, opts.limit],
  );
}

export async function markNoticeRead(q: Queryable, id: string, recipientId: string): Promise<boolean> {
  const n = await q.execute('UPDATE publishing_notices SET read_at = COALESCE(read_at, now()) WHERE id = $1 AND recipient_id = $2', [id, recipientId]);
  return n === 1;
}
