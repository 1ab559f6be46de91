import type { AppContext } from '../../app/context.js';
import type { Queryable } from '../../db/database.js';

/**
 * Builds what delivery starts from — Sandbox accounts and approved, scheduled posts — directly
 * in the tables, for the publish benchmark and the delivery tests. (The composer and approval
 * chain make such posts in real use; delivery only reads them.)
 */

export interface FixtureAccount {
  accountId: string;
  handle: string;
  token: string;
  unitId: string;
}

/** Opens an account on the Sandbox network and connects it to a unit, with its token encrypted. */
export async function makeSandboxAccount(ctx: AppContext, unitId: string, handle: string): Promise<FixtureAccount> {
  return ctx.db.transaction(async (tx) => {
    const { token } = await ctx.sandbox.registerAccount(tx, handle, `Sandbox ${handle}`);
    const credentials = ctx.keyring.encrypt(JSON.stringify({ handle, token }));
    const rows = await tx.query<{ id: string }>(
      `INSERT INTO social_accounts (unit_id, platform, handle, display_name, credentials_enc) VALUES ($1, 'sandbox', $2, $3, $4) RETURNING id`,
      [unitId, handle, `Sandbox ${handle}`, credentials],
    );
    return { accountId: rows[0]!.id, handle, token, unitId };
  });
}

export interface FixturePost {
  postId: string;
  variantIds: string[];
}

/** A post with one variant per account, in the given status (approved by default). */
export async function insertPost(
  q: Queryable,
  p: { unitId: string; authorId: string; accountIds: string[]; scheduledAt: Date | null; status?: string; text?: string; campaign?: string | null; timeZone?: string },
): Promise<FixturePost> {
  const rows = await q.query<{ id: string }>(
    `INSERT INTO posts (unit_id, author_id, campaign, status, scheduled_at, time_zone) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [p.unitId, p.authorId, p.campaign ?? null, p.status ?? 'approved', p.scheduledAt, p.timeZone ?? 'Asia/Kolkata'],
  );
  const postId = rows[0]!.id;
  const variants = await q.query<{ id: string }>(
    `INSERT INTO post_variants (post_id, account_id, position, text)
     SELECT $1, a.id, a.ord - 1, $3 FROM unnest($2::uuid[]) WITH ORDINALITY AS a(id, ord)
     RETURNING id`,
    [postId, p.accountIds, p.text ?? 'Beware of calls asking for OTPs. Dial 1930 to report cyber fraud.'],
  );
  return { postId, variantIds: variants.map((v) => v.id) };
}

/** Many approved posts at once: `count` posts, each to one account taken in turn, due at `dueAt(i)`. */
export async function insertManyPosts(
  q: Queryable,
  p: { accounts: FixtureAccount[]; authorId: string; count: number; dueAt: (i: number) => Date; text?: (i: number) => string },
): Promise<void> {
  const ids: string[] = [];
  const units: string[] = [];
  const accounts: string[] = [];
  const dues: Date[] = [];
  const texts: string[] = [];
  for (let i = 0; i < p.count; i++) {
    const a = p.accounts[i % p.accounts.length]!;
    ids.push(crypto.randomUUID());
    units.push(a.unitId);
    accounts.push(a.accountId);
    dues.push(p.dueAt(i));
    texts.push(p.text ? p.text(i) : `Post ${i + 1}: stay alert to online fraud; report it on 1930.`);
  }
  await q.execute(
    `INSERT INTO posts (id, unit_id, author_id, status, scheduled_at)
     SELECT id, unit_id, $3, 'approved', due FROM unnest($1::uuid[], $2::text[], $4::timestamptz[]) AS t(id, unit_id, due)`,
    [ids, units, p.authorId, dues],
  );
  await q.execute(
    `INSERT INTO post_variants (post_id, account_id, text)
     SELECT post_id, account_id, text FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS t(post_id, account_id, text)`,
    [ids, accounts, texts],
  );
}
