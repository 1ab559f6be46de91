import type { Queryable } from '../../../db/database.js';

/** SQL of the Sandbox platform's own tables (`sandbox_*`). */

export interface SandboxPostRow {
  id: string;
  accountHandle: string;
  displayName: string;
  text: string;
  link: string | null;
  title: string | null;
  media: { sha256: string; mime: string; bytes: number; alt: string }[];
  idempotencyKey: string | null;
  createdAt: string;
  deletedAt: string | null;
  likes: number;
  shares: number;
  views: number;
  comments: number;
}

export interface SandboxCommentRow {
  id: string;
  author: string;
  text: string;
  at: string;
}

export type SandboxFaultMode = 'rate_limited' | 'unauthorized' | 'server_error' | 'reject' | 'drop_after_accept' | 'delay';
export type SandboxOperation = 'publish' | 'lookup' | 'delete' | 'metrics' | 'comments';

export interface SandboxFault {
  mode: SandboxFaultMode;
  resetSeconds: number;
  delayMs: number;
}

/** A post about to be inserted, after the Sandbox's content rules. */
export interface NewSandboxPost {
  handle: string;
  text: string;
  link: string | null;
  title: string | null;
  media: unknown[];
  idempotencyKey: string | null;
}

const POST_COLUMNS = `p.id::text AS id, p.account_handle AS "accountHandle", a.display_name AS "displayName", p.text, p.link, p.title,
  p.media, p.idempotency_key AS "idempotencyKey", p.created_at AS "createdAt", p.deleted_at AS "deletedAt",
  (p.likes + (SELECT count(*) FROM sandbox_likes l WHERE l.post_id = p.id))::int AS likes, p.shares, p.views,
  (SELECT count(*) FROM sandbox_comments c WHERE c.post_id = p.id)::int AS comments`;

function normalise(row: SandboxPostRow): SandboxPostRow {
  return { ...row, createdAt: new Date(row.createdAt).toISOString(), deletedAt: row.deletedAt ? new Date(row.deletedAt).toISOString() : null };
}

export async function insertSandboxAccount(q: Queryable, handle: string, displayName: string, tokenHash: string): Promise<void> {
  await q.execute('INSERT INTO sandbox_accounts (handle, display_name, token_hash) VALUES ($1, $2, $3)', [handle, displayName, tokenHash]);
}

export async function sandboxAccountExists(q: Queryable, handle: string): Promise<boolean> {
  return (await q.query('SELECT 1 FROM sandbox_accounts WHERE handle = $1', [handle])).length > 0;
}

/** The handles that token hashes belong to, in one statement; an unknown hash is missing from the map. */
export async function findHandlesByTokenHashes(q: Queryable, tokenHashes: readonly string[]): Promise<Map<string, string>> {
  const rows = await q.query<{ tokenHash: string; handle: string }>(
    'SELECT token_hash AS "tokenHash", handle FROM sandbox_accounts WHERE token_hash = ANY($1::text[])',
    [[...tokenHashes]],
  );
  return new Map(rows.map((r) => [r.tokenHash, r.handle]));
}

/** Inserts a post; with a key already used, inserts nothing and returns null. */
export async function insertSandboxPost(
  q: Queryable,
  p: NewSandboxPost,
): Promise<string | null> {
  const rows = await q.query<{ id: string }>(
    `INSERT INTO sandbox_posts (account_handle, text, link, title, media, idempotency_key)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6)
     ON CONFLICT (idempotency_key) DO NOTHING
     RETURNING id::text AS id`,
    [p.handle, p.text, p.link, p.title, JSON.stringify(p.media), p.idempotencyKey],
  );
  return rows[0]?.id ?? null;
}

/**
 * One publish call in one statement: takes a pending fault for `publish` and, only when there is
 * none, inserts the post and reads it back. A fault comes back without a post (the caller applies
 * it and publishes afterwards, as before); no fault and no post means the key was already used.
 */
export async function takeFaultOrInsertSandboxPost(
  q: Queryable,
  p: NewSandboxPost,
): Promise<{ fault: SandboxFault | null; post: SandboxPostRow | null }> {
  const rows = await q.query<SandboxPostRow & { faultMode: SandboxFaultMode | null; faultResetSeconds: number | null; faultDelayMs: number | null }>(
    `WITH f AS (
       UPDATE sandbox_faults SET remaining = remaining - 1
       WHERE id = (
         SELECT id FROM sandbox_faults
         WHERE remaining > 0 AND (account_handle = $1 OR account_handle IS NULL) AND (operations IS NULL OR 'publish' = ANY (operations))
         ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
       RETURNING mode, reset_seconds, delay_ms),
     ins AS (
       INSERT INTO sandbox_posts (account_handle, text, link, title, media, idempotency_key)
       SELECT $1, $2, $3, $4, $5::jsonb, $6 WHERE NOT EXISTS (SELECT 1 FROM f)
       ON CONFLICT (idempotency_key) DO NOTHING
       RETURNING *)
     SELECT f.mode AS "faultMode", f.reset_seconds AS "faultResetSeconds", f.delay_ms AS "faultDelayMs", v.*
     FROM (SELECT 1) one
     LEFT JOIN f ON true
     LEFT JOIN (SELECT ${POST_COLUMNS} FROM ins p JOIN sandbox_accounts a ON a.handle = p.account_handle) v ON true`,
    [p.handle, p.text, p.link, p.title, JSON.stringify(p.media), p.idempotencyKey],
  );
  const row = rows[0]!;
  if (row.faultMode !== null) return { fault: { mode: row.faultMode, resetSeconds: row.faultResetSeconds!, delayMs: row.faultDelayMs! }, post: null };
  if ((row.id as string | null) === null) return { fault: null, post: null };
  const post: SandboxPostRow = {
    id: row.id, accountHandle: row.accountHandle, displayName: row.displayName, text: row.text, link: row.link, title: row.title, media: row.media,
    idempotencyKey: row.idempotencyKey, createdAt: row.createdAt, deletedAt: row.deletedAt, likes: row.likes, shares: row.shares, views: row.views, comments: row.comments,
  };
  return { fault: null, post: normalise(post) };
}

/**
 * Many publish calls in one statement (and one commit), for calls that arrive together: when no
 * `publish` fault is pending for any of their accounts, inserts every post whose key is new and
 * reads them back; a post whose key was already used answers no post, as in the single call.
 * When a fault is pending the statement inserts nothing, and each call is taken alone in order,
 * so faults are consumed exactly as before. Every post must carry its own idempotency key.
 */
export async function takeFaultsOrInsertSandboxPosts(
  q: Queryable,
  posts: readonly NewSandboxPost[],
): Promise<{ fault: SandboxFault | null; post: SandboxPostRow | null }[]> {
  const oneByOne = async () => {
    const out = [];
    for (const p of posts) out.push(await takeFaultOrInsertSandboxPost(q, p));
    return out;
  };
  const keys = posts.map((p) => p.idempotencyKey);
  if (posts.length < 2 || keys.some((k) => k === null) || new Set(keys).size !== keys.length) return oneByOne();
  const rows = await q.query<SandboxPostRow & { faulted: boolean }>(
    `WITH f AS (
       SELECT EXISTS (
         SELECT 1 FROM sandbox_faults
         WHERE remaining > 0 AND (account_handle = ANY ($1::text[]) OR account_handle IS NULL) AND (operations IS NULL OR 'publish' = ANY (operations))) AS faulted),
     ins AS (
       INSERT INTO sandbox_posts (account_handle, text, link, title, media, idempotency_key)
       SELECT d.handle, d.text, d.link, d.title, d.media::jsonb, d.key
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) WITH ORDINALITY AS d(handle, text, link, title, media, key, n)
       WHERE NOT (SELECT faulted FROM f)
       ORDER BY d.n
       ON CONFLICT (idempotency_key) DO NOTHING
       RETURNING *)
     SELECT f.faulted, v.*
     FROM f
     LEFT JOIN (SELECT ${POST_COLUMNS} FROM ins p JOIN sandbox_accounts a ON a.handle = p.account_handle) v ON true`,
    [posts.map((p) => p.handle), posts.map((p) => p.text), posts.map((p) => p.link), posts.map((p) => p.title), posts.map((p) => JSON.stringify(p.media)), keys],
  );
  if (rows[0]?.faulted) return oneByOne();
  const byKey = new Map<string, SandboxPostRow>();
  for (const row of rows) {
    if ((row.id as string | null) === null) continue;
    const { faulted: _faulted, ...post } = row;
    byKey.set(row.idempotencyKey!, normalise(post));
  }
  return keys.map((k) => ({ fault: null, post: byKey.get(k!) ?? null }));
}

export async function findSandboxPost(q: Queryable, id: string): Promise<SandboxPostRow | null> {
  if (!/^\d{1,18}$/.test(id)) return null;
  const rows = await q.query<SandboxPostRow>(`SELECT ${POST_COLUMNS} FROM sandbox_posts p JOIN sandbox_accounts a ON a.handle = p.account_handle WHERE p.id = $1`, [id]);
  return rows[0] ? normalise(rows[0]) : null;
}

export async function findSandboxPostByKey(q: Queryable, key: string): Promise<SandboxPostRow | null> {
  const rows = await q.query<SandboxPostRow>(`SELECT ${POST_COLUMNS} FROM sandbox_posts p JOIN sandbox_accounts a ON a.handle = p.account_handle WHERE p.idempotency_key = $1`, [key]);
  return rows[0] ? normalise(rows[0]) : null;
}

export async function markSandboxPostDeleted(q: Queryable, id: string): Promise<void> {
  await q.execute('UPDATE sandbox_posts SET deleted_at = now() WHERE id = $1 AND deleted_at IS NULL', [id]);
}

/** Posts after a cursor id, oldest first: the public feed that monitoring polls. */
export async function sandboxFeed(q: Queryable, afterId: string, limit: number): Promise<SandboxPostRow[]> {
  const rows = await q.query<SandboxPostRow>(
    `SELECT ${POST_COLUMNS} FROM sandbox_posts p JOIN sandbox_accounts a ON a.handle = p.account_handle
     WHERE p.id > $1 AND p.deleted_at IS NULL ORDER BY p.id LIMIT $2`,
    [afterId, limit],
  );
  return rows.map(normalise);
}

export async function insertSandboxComment(q: Queryable, postId: string, author: string, text: string): Promise<SandboxCommentRow> {
  const rows = await q.query<SandboxCommentRow>(
    'INSERT INTO sandbox_comments (post_id, author, text) VALUES ($1, $2, $3) RETURNING id::text AS id, author, text, created_at AS at',
    [postId, author, text],
  );
  const row = rows[0]!;
  return { ...row, at: new Date(row.at).toISOString() };
}

export async function listSandboxComments(q: Queryable, postId: string, afterId: string, limit: number): Promise<SandboxCommentRow[]> {
  const rows = await q.query<SandboxCommentRow>(
    'SELECT id::text AS id, author, text, created_at AS at FROM sandbox_comments WHERE post_id = $1 AND id > $2 ORDER BY id LIMIT $3',
    [postId, afterId, limit],
  );
  return rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() }));
}

/** A comment as the public comments feed lists it: with its post and who wrote each. */
export interface SandboxFeedCommentRow extends SandboxCommentRow {
  postId: string;
  postAuthor: string;
  authorName: string;
}

/** Comments after a cursor id, oldest first, on posts not deleted: the public comments feed. */
export async function sandboxCommentsFeed(q: Queryable, afterId: string, limit: number): Promise<SandboxFeedCommentRow[]> {
  const rows = await q.query<SandboxFeedCommentRow>(
    `SELECT c.id::text AS id, c.post_id::text AS "postId", p.account_handle AS "postAuthor", c.author,
            coalesce(a.display_name, c.author) AS "authorName", c.text, c.created_at AS at
       FROM sandbox_comments c JOIN sandbox_posts p ON p.id = c.post_id LEFT JOIN sandbox_accounts a ON a.handle = c.author
      WHERE c.id > $1 AND p.deleted_at IS NULL ORDER BY c.id LIMIT $2`,
    [afterId, limit],
  );
  return rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() }));
}

export async function insertSandboxLike(q: Queryable, postId: string, liker: string): Promise<void> {
  await q.execute('INSERT INTO sandbox_likes (post_id, liker) VALUES ($1, $2) ON CONFLICT DO NOTHING', [postId, liker]);
}

export async function addSandboxEngagement(q: Queryable, postId: string, e: { likes: number; shares: number; views: number }): Promise<void> {
  await q.execute('UPDATE sandbox_posts SET likes = likes + $2, shares = shares + $3, views = views + $4 WHERE id = $1', [postId, e.likes, e.shares, e.views]);
}

export async function insertSandboxFault(
  q: Queryable,
  f: { handle: string | null; mode: SandboxFaultMode; count: number; resetSeconds: number; delayMs: number; operations: SandboxOperation[] | null },
): Promise<void> {
  await q.execute(
    'INSERT INTO sandbox_faults (account_handle, mode, remaining, reset_seconds, delay_ms, operations) VALUES ($1, $2, $3, $4, $5, $6)',
    [f.handle, f.mode, f.count, f.resetSeconds, f.delayMs, f.operations],
  );
}

export async function clearSandboxFaults(q: Queryable, handle: string): Promise<number> {
  return q.execute('UPDATE sandbox_faults SET remaining = 0 WHERE account_handle = $1 AND remaining > 0', [handle]);
}

/** Takes one pending fault for this call, oldest first, or none. */
export async function takeSandboxFault(q: Queryable, handle: string, op: SandboxOperation): Promise<SandboxFault | null> {
  const rows = await q.query<SandboxFault>(
    `UPDATE sandbox_faults SET remaining = remaining - 1
     WHERE id = (
       SELECT id FROM sandbox_faults
       WHERE remaining > 0 AND (account_handle = $1 OR account_handle IS NULL) AND (operations IS NULL OR $2 = ANY (operations))
       ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
     RETURNING mode, reset_seconds AS "resetSeconds", delay_ms AS "delayMs"`,
    [handle, op],
  );
  return rows[0] ?? null;
}
