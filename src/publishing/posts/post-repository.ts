import type { Queryable } from '../../db/database.js';
import type { Role } from '../../auth/roles.js';
import type { Platform } from '../../platforms/types.js';
import type { ApprovalView, PostStatus, VariantView } from './post-types.js';

/** SQL of posts, their variants and approval decisions. `units` is the actor's scope: null for every unit. */

export interface PostRow {
  id: string;
  unitId: string;
  authorId: string;
  authorName: string;
  campaign: string | null;
  templateId: string | null;
  status: PostStatus;
  version: number;
  approvalStep: number;
  scheduledAt: string | null;
  timeZone: string;
  createdAt: string;
  updatedAt: string;
}

export interface VariantRow extends VariantView {
  postId: string;
  position: number;
  approvalChain: Role[];
  unitId: string;
}

const POST_COLUMNS = `p.id, p.unit_id AS "unitId", p.author_id AS "authorId", u.display_name AS "authorName", p.campaign,
  p.template_id AS "templateId", p.status, p.version, p.approval_step AS "approvalStep", p.scheduled_at AS "scheduledAt",
  p.time_zone AS "timeZone", p.created_at AS "createdAt", p.updated_at AS "updatedAt"`;

const scopeParam = (units: readonly string[] | null) => (units === null ? null : [...units]);
const iso = (v: string | null) => (v === null ? null : new Date(v).toISOString());

function normalise(r: PostRow): PostRow {
  return { ...r, scheduledAt: iso(r.scheduledAt), createdAt: iso(r.createdAt)!, updatedAt: iso(r.updatedAt)! };
}

export async function insertPost(
  q: Queryable,
  p: { unitId: string; authorId: string; campaign: string | null; templateId: string | null; scheduledAt: Date | null; timeZone: string },
): Promise<string> {
  const rows = await q.query<{ id: string }>(
    `INSERT INTO posts (unit_id, author_id, campaign, template_id, scheduled_at, time_zone) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [p.unitId, p.authorId, p.campaign, p.templateId, p.scheduledAt, p.timeZone],
  );
  return rows[0]!.id;
}

export async function findPost(q: Queryable, id: string, units: readonly string[] | null, forUpdate = false): Promise<PostRow | null> {
  const rows = await q.query<PostRow>(
    `SELECT ${POST_COLUMNS} FROM posts p JOIN users u ON u.id = p.author_id
     WHERE p.id = $1 AND ($2::text[] IS NULL OR p.unit_id = ANY($2::text[]))${forUpdate ? ' FOR UPDATE OF p' : ''}`,
    [id, scopeParam(units)],
  );
  return rows[0] ? normalise(rows[0]) : null;
}

export interface PostFilter {
  units: readonly string[] | null;
  statuses?: readonly PostStatus[] | undefined;
  unitId?: string | undefined;
  authorId?: string | undefined;
  accountId?: string | undefined;
  campaign?: string | undefined;
  templateId?: string | undefined;
  /** Only posts created before this cursor (`createdAt|id` of the last row of the previous page). */
  before?: { createdAt: string; id: string } | undefined;
  limit: number;
}

export async function listPosts(q: Queryable, f: PostFilter): Promise<PostRow[]> {
  const rows = await q.query<PostRow>(
    `SELECT ${POST_COLUMNS} FROM posts p JOIN users u ON u.id = p.author_id
     WHERE ($1::text[] IS NULL OR p.unit_id = ANY($1::text[]))
       AND ($2::text[] IS NULL OR p.status = ANY($2::text[]))
       AND ($3::text IS NULL OR p.unit_id = $3)
       AND ($4::uuid IS NULL OR p.author_id = $4)
       AND ($5::uuid IS NULL OR EXISTS (SELECT 1 FROM post_variants v WHERE v.post_id = p.id AND v.account_id = $5))
       AND ($6::text IS NULL OR p.campaign = $6)
       AND ($7::uuid IS NULL OR p.template_id = $7)
       AND ($8::timestamptz IS NULL OR (p.created_at, p.id) < ($8::timestamptz, $9::uuid))
     ORDER BY p.created_at DESC, p.id DESC
     LIMIT $10`,
    [
      scopeParam(f.units),
      f.statuses ? [...f.statuses] : null,
      f.unitId ?? null,
      f.authorId ?? null,
      f.accountId ?? null,
      f.campaign ?? null,
      f.templateId ?? null,
      f.before?.createdAt ?? null,
      f.before?.id ?? null,
      f.limit,
    ],
  );
  return rows.map(normalise);
}

/** Posts in review in the actor's units that someone else wrote and that one of the actor's role's steps could concern. */
export async function listInReviewFor(q: Queryable, units: readonly string[] | null, role: Role, notAuthor: string, limit: number): Promise<PostRow[]> {
  const rows = await q.query<PostRow>(
    `SELECT ${POST_COLUMNS} FROM posts p JOIN users u ON u.id = p.author_id
     WHERE p.status = 'in_review' AND p.author_id <> $2
       AND ($1::text[] IS NULL OR p.unit_id = ANY($1::text[]))
       AND EXISTS (SELECT 1 FROM post_variants v JOIN social_accounts a ON a.id = v.account_id WHERE v.post_id = p.id AND $3 = ANY(a.approval_chain))
     ORDER BY p.scheduled_at NULLS LAST, p.updated_at
     LIMIT $4`,
    [scopeParam(units), notAuthor, role, limit],
  );
  return rows.map(normalise);
}

export async function updatePost(
  q: Queryable,
  id: string,
  p: { campaign: string | null; scheduledAt: Date | null; timeZone: string; status: PostStatus; version: number; approvalStep: number },
): Promise<void> {
  await q.execute(
    `UPDATE posts SET campaign = $2, scheduled_at = $3, time_zone = $4, status = $5, version = $6, approval_step = $7, updated_at = now() WHERE id = $1`,
    [id, p.campaign, p.scheduledAt, p.timeZone, p.status, p.version, p.approvalStep],
  );
}

export async function setPostState(q: Queryable, id: string, status: PostStatus, approvalStep: number): Promise<void> {
  await q.execute('UPDATE posts SET status = $2, approval_step = $3, updated_at = now() WHERE id = $1', [id, status, approvalStep]);
}

export async function findVariants(q: Queryable, postIds: readonly string[]): Promise<VariantRow[]> {
  if (postIds.length === 0) return [];
  const rows = await q.query<Omit<VariantRow, 'account'> & { platform: Platform; handle: string; displayName: string; active: boolean }>(
    `SELECT v.id, v.post_id AS "postId", v.account_id AS "accountId", v.position, v.text, v.link, v.hashtags, v.media_ids AS "mediaIds", v.title,
       a.platform, a.handle, a.display_name AS "displayName", a.active, a.approval_chain AS "approvalChain", a.unit_id AS "unitId"
     FROM post_variants v JOIN social_accounts a ON a.id = v.account_id
     WHERE v.post_id = ANY($1::uuid[]) ORDER BY v.post_id, v.position`,
    [[...postIds]],
  );
  return rows.map(({ platform, handle, displayName, active, ...v }) => ({ ...v, account: { platform, handle, displayName, active } }));
}

/**
 * Makes the post's variants exactly these: a variant for an account already present keeps its
 * id (publications refer to it), others are added or removed.
 */
export async function replaceVariants(
  q: Queryable,
  postId: string,
  variants: readonly { accountId: string; text: string; link: string | null; hashtags: string[]; mediaIds: string[]; title: string | null }[],
): Promise<void> {
  await q.execute('DELETE FROM post_variants WHERE post_id = $1 AND NOT (account_id = ANY($2::uuid[]))', [postId, variants.map((v) => v.accountId)]);
  let position = 0;
  for (const v of variants) {
    await q.execute(
      `INSERT INTO post_variants (post_id, account_id, position, text, link, hashtags, media_ids, title)
       VALUES ($1, $2, $3, $4, $5, $6::text[], $7::text[], $8)
       ON CONFLICT (post_id, account_id) DO UPDATE SET position = EXCLUDED.position, text = EXCLUDED.text, link = EXCLUDED.link,
         hashtags = EXCLUDED.hashtags, media_ids = EXCLUDED.media_ids, title = EXCLUDED.title`,
      [postId, v.accountId, position++, v.text, v.link, v.hashtags, v.mediaIds, v.title],
    );
  }
}

export async function findApprovals(q: Queryable, postId: string): Promise<ApprovalView[]> {
  const rows = await q.query<ApprovalView>(
    `SELECT pa.post_version AS "postVersion", pa.step, pa.role, pa.actor_id AS "actorId", u.display_name AS "actorName", pa.decision, pa.comment, pa.at
     FROM post_approvals pa JOIN users u ON u.id = pa.actor_id WHERE pa.post_id = $1 ORDER BY pa.at, pa.id`,
    [postId],
  );
  return rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() }));
}

export async function insertApproval(
  q: Queryable,
  a: { postId: string; postVersion: number; step: number; role: Role; actorId: string; decision: ApprovalView['decision']; comment: string | null },
): Promise<void> {
  await q.execute(
    'INSERT INTO post_approvals (post_id, post_version, step, role, actor_id, decision, comment) VALUES ($1, $2, $3, $4, $5, $6, $7)',
    [a.postId, a.postVersion, a.step, a.role, a.actorId, a.decision, a.comment],
  );
}
