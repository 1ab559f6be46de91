import type { Queryable } from '../../db/database.js';
import type { Platform } from '../../platforms/types.js';
import type { Role } from '../../auth/roles.js';

/** SQL of `social_accounts`. `units` is the actor's scope: null for every unit. */

export interface AccountRow {
  id: string;
  unitId: string;
  platform: Platform;
  handle: string;
  displayName: string;
  approvalChain: Role[];
  active: boolean;
  hasCredentials: boolean;
  createdAt: string;
  updatedAt: string;
}

const COLUMNS = `a.id, a.unit_id AS "unitId", a.platform, a.handle, a.display_name AS "displayName", a.approval_chain AS "approvalChain",
  a.active, (a.credentials_enc IS NOT NULL) AS "hasCredentials", a.created_at AS "createdAt", a.updated_at AS "updatedAt"`;

const scopeParam = (units: readonly string[] | null) => (units === null ? null : [...units]);

function normalise(r: AccountRow): AccountRow {
  return { ...r, createdAt: new Date(r.createdAt).toISOString(), updatedAt: new Date(r.updatedAt).toISOString() };
}

export interface AccountFilter {
  units: readonly string[] | null;
  unitId?: string | undefined;
  platform?: Platform | undefined;
  active?: boolean | undefined;
}

export async function listAccounts(q: Queryable, f: AccountFilter): Promise<AccountRow[]> {
  const rows = await q.query<AccountRow>(
    `SELECT ${COLUMNS} FROM social_accounts a
     WHERE ($1::text[] IS NULL OR a.unit_id = ANY($1::text[]))
       AND ($2::text IS NULL OR a.unit_id = $2)
       AND ($3::text IS NULL OR a.platform = $3)
       AND ($4::boolean IS NULL OR a.active = $4)
     ORDER BY a.unit_id, a.platform, lower(a.handle)`,
    [scopeParam(f.units), f.unitId ?? null, f.platform ?? null, f.active ?? null],
  );
  return rows.map(normalise);
}

export async function findAccount(q: Queryable, id: string, units: readonly string[] | null, forUpdate = false): Promise<AccountRow | null> {
  const rows = await q.query<AccountRow>(
    `SELECT ${COLUMNS} FROM social_accounts a WHERE a.id = $1 AND ($2::text[] IS NULL OR a.unit_id = ANY($2::text[]))${forUpdate ? ' FOR UPDATE' : ''}`,
    [id, scopeParam(units)],
  );
  return rows[0] ? normalise(rows[0]) : null;
}

/** Accounts by id within a scope (for composing posts). */
export async function findAccounts(q: Queryable, ids: readonly string[], units: readonly string[] | null): Promise<AccountRow[]> {
  const rows = await q.query<AccountRow>(
    `SELECT ${COLUMNS} FROM social_accounts a WHERE a.id = ANY($1::uuid[]) AND ($2::text[] IS NULL OR a.unit_id = ANY($2::text[]))`,
    [[...ids], scopeParam(units)],
  );
  return rows.map(normalise);
}

export async function accountHandleTaken(q: Queryable, platform: Platform, handle: string): Promise<boolean> {
  return (await q.query('SELECT 1 FROM social_accounts WHERE platform = $1 AND lower(handle) = lower($2)', [platform, handle])).length > 0;
}

export async function insertAccount(
  q: Queryable,
  a: { unitId: string; platform: Platform; handle: string; displayName: string; approvalChain: readonly Role[]; credentialsEnc: string | null },
): Promise<string> {
  const rows = await q.query<{ id: string }>(
    `INSERT INTO social_accounts (unit_id, platform, handle, display_name, approval_chain, credentials_enc)
     VALUES ($1, $2, $3, $4, $5::text[], $6) RETURNING id`,
    [a.unitId, a.platform, a.handle, a.displayName, [...a.approvalChain], a.credentialsEnc],
  );
  return rows[0]!.id;
}

export async function updateAccount(
  q: Queryable,
  id: string,
  a: { displayName: string; approvalChain: readonly Role[]; active: boolean; credentialsEnc?: string | undefined },
): Promise<void> {
  await q.execute(
    `UPDATE social_accounts SET display_name = $2, approval_chain = $3::text[], active = $4,
       credentials_enc = CASE WHEN $5::boolean THEN $6 ELSE credentials_enc END, updated_at = now()
     WHERE id = $1`,
    [id, a.displayName, [...a.approvalChain], a.active, a.credentialsEnc !== undefined, a.credentialsEnc ?? null],
  );
}

export async function findCredentialsEnc(q: Queryable, id: string): Promise<string | null> {
  const rows = await q.query<{ enc: string | null }>('SELECT credentials_enc AS enc FROM social_accounts WHERE id = $1', [id]);
  return rows[0]?.enc ?? null;
}
