import type { Queryable } from '../db/database.js';
import type { Role } from '../auth/roles.js';

/** A user as administrators see them; never the password hash or TOTP secret. */
export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  allUnits: boolean;
  unitIds: string[];
  disabled: boolean;
  lockedUntil: Date | null;
  totpEnabled: boolean;
  createdAt: Date;
}

const USER_COLUMNS = `
  u.id, u.username, u.display_name AS "displayName", u.role, u.all_units AS "allUnits",
  ARRAY(SELECT uu.unit_id FROM user_units uu WHERE uu.user_id = u.id ORDER BY uu.unit_id) AS "unitIds",
  u.disabled, u.locked_until AS "lockedUntil", u.totp_enabled AS "totpEnabled", u.created_at AS "createdAt"`;

/**
 * The scope condition for reading users: null sees everyone; a unit list sees only scoped users
 * who share one of those units (never force-wide users, never users without units).
 */
const IN_SCOPE = `($1::text[] IS NULL OR (u.role NOT IN ('admin', 'sb_supervisor', 'leadership') AND NOT u.all_units
  AND EXISTS (SELECT 1 FROM user_units s WHERE s.user_id = u.id AND s.unit_id = ANY($1::text[]))))`;

export async function listUsers(q: Queryable, scope: readonly string[] | null): Promise<UserRow[]> {
  return q.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users u WHERE ${IN_SCOPE} ORDER BY lower(u.username)`, [scope]);
}

export async function findUser(q: Queryable, scope: readonly string[] | null, id: string): Promise<UserRow | null> {
  const rows = await q.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users u WHERE ${IN_SCOPE} AND u.id = $2`, [scope, id]);
  return rows[0] ?? null;
}

export async function findUserByUsername(q: Queryable, scope: readonly string[] | null, username: string): Promise<UserRow | null> {
  const rows = await q.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users u WHERE ${IN_SCOPE} AND lower(u.username) = lower($2)`, [scope, username]);
  return rows[0] ?? null;
}

/** Locks the row for the rest of the transaction, so concurrent changes to one user queue up. */
export async function lockUser(q: Queryable, id: string): Promise<void> {
  await q.query('SELECT id FROM users WHERE id = $1 FOR UPDATE', [id]);
}

export async function countUsers(q: Queryable): Promise<number> {
  const rows = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
  return rows[0]?.n ?? 0;
}

// Two-key advisory lock ("CHAV", 2), held by every change that removes an active admin.
const LOCK_CLASS = 0x43484156;
const LOCK_ADMIN_SET = 2;

/**
 * Serialises the changes that remove an active admin, for the rest of the transaction: two admins
 * demoting each other at once cannot both see the other as the one who remains. (Row locks on
 * both admins would deadlock when each transaction already holds its own target.)
 */
export async function lockAdminSet(q: Queryable): Promise<void> {
  await q.query('SELECT pg_advisory_xact_lock($1::int, $2::int)', [LOCK_CLASS, LOCK_ADMIN_SET]);
}

/** Active admins other than `exceptId`; run after `lockAdminSet`, as its own statement, to see the latest commits. */
export async function otherActiveAdmins(q: Queryable, exceptId: string): Promise<number> {
  const rows = await q.query<{ n: number }>("SELECT count(*)::int AS n FROM users WHERE role = 'admin' AND NOT disabled AND id <> $1", [exceptId]);
  return rows[0]?.n ?? 0;
}

export async function existingUnitIds(q: Queryable, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await q.query<{ id: string }>('SELECT id FROM units WHERE id = ANY($1::text[])', [ids]);
  return rows.map((r) => r.id);
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  allUnits: boolean;
  passwordHash: string;
  mustChangePassword: boolean;
  now: Date;
}

/** Inserts the user; null when the username (case-insensitive) is taken. */
export async function insertUser(q: Queryable, u: NewUser): Promise<string | null> {
  const rows = await q.query<{ id: string }>(
    `INSERT INTO users (username, display_name, role, all_units, password_hash, must_change_password, password_changed_at, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $7)
     ON CONFLICT ((lower(username))) DO NOTHING
     RETURNING id`,
    [u.username, u.displayName, u.role, u.allUnits, u.passwordHash, u.mustChangePassword, u.now],
  );
  return rows[0]?.id ?? null;
}

export async function replaceUserUnits(q: Queryable, userId: string, unitIds: readonly string[]): Promise<void> {
  await q.execute('DELETE FROM user_units WHERE user_id = $1', [userId]);
  if (unitIds.length) {
    await q.execute('INSERT INTO user_units (user_id, unit_id) SELECT $1, unnest($2::text[])', [userId, unitIds]);
  }
}

export async function updateUserRow(
  q: Queryable,
  id: string,
  next: { displayName: string; role: Role; allUnits: boolean; disabled: boolean },
  now: Date,
): Promise<void> {
  await q.execute(
    'UPDATE users SET display_name = $2, role = $3, all_units = $4, disabled = $5, updated_at = $6 WHERE id = $1',
    [id, next.displayName, next.role, next.allUnits, next.disabled, now],
  );
}

export async function setPassword(q: Queryable, id: string, passwordHash: string, mustChange: boolean, now: Date): Promise<void> {
  await q.execute(
    'UPDATE users SET password_hash = $2, must_change_password = $3, password_changed_at = $4, failed_logins = 0, locked_until = NULL, updated_at = $4 WHERE id = $1',
    [id, passwordHash, mustChange, now],
  );
}

export async function unlockUser(q: Queryable, id: string, now: Date): Promise<void> {
  await q.execute('UPDATE users SET failed_logins = 0, locked_until = NULL, updated_at = $2 WHERE id = $1', [id, now]);
}
