import type { Queryable } from '../db/database.js';
import type { Role } from './roles.js';

/** What sign-in and the account's own settings need from a user row. */
export interface AccountRow {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  allUnits: boolean;
  disabled: boolean;
  passwordHash: string;
  mustChangePassword: boolean;
  failedLogins: number;
  lockedUntil: Date | null;
  totpEnabled: boolean;
  totpSecretEnc: string | null;
  locale: 'en' | 'hi';
  /** The user's own unit ids (user_units), whatever the role. */
  unitIds: string[];
}

const ACCOUNT_COLUMNS = `
  u.id, u.username, u.display_name AS "displayName", u.role, u.all_units AS "allUnits", u.disabled,
  u.password_hash AS "passwordHash", u.must_change_password AS "mustChangePassword",
  u.failed_logins AS "failedLogins", u.locked_until AS "lockedUntil", u.totp_enabled AS "totpEnabled",
  u.totp_secret_enc AS "totpSecretEnc", u.locale,
  ARRAY(SELECT uu.unit_id FROM user_units uu WHERE uu.user_id = u.id ORDER BY uu.unit_id) AS "unitIds"`;

export async function findAccountByUsername(q: Queryable, username: string): Promise<AccountRow | null> {
  const rows = await q.query<AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM users u WHERE lower(u.username) = lower($1)`, [username]);
  return rows[0] ?? null;
}

export async function findAccountById(q: Queryable, id: string): Promise<AccountRow | null> {
  const rows = await q.query<AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM users u WHERE u.id = $1`, [id]);
  return rows[0] ?? null;
}

/**
 * Counts one failed sign-in. On the `threshold`-th consecutive failure the account is locked
 * until `lockUntil` and the counter starts again, so the next lock needs as many failures.
 */
export async function recordAccountFailure(q: Queryable, id: string, threshold: number, lockUntil: Date): Promise<{ locked: boolean; failures: number }> {
  const rows = await q.query<{ failedLogins: number; locked: boolean }>(
    `UPDATE users SET
       failed_logins = CASE WHEN failed_logins + 1 >= $2 THEN 0 ELSE failed_logins + 1 END,
       locked_until  = CASE WHEN failed_logins + 1 >= $2 THEN $3::timestamptz ELSE locked_until END
     WHERE id = $1
     RETURNING failed_logins AS "failedLogins", (failed_logins = 0) AS locked`,
    [id, threshold, lockUntil],
  );
  const row = rows[0];
  return { locked: row?.locked ?? false, failures: row?.locked ? threshold : (row?.failedLogins ?? 0) };
}

export async function clearAccountFailures(q: Queryable, id: string): Promise<void> {
  await q.execute('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1 AND (failed_logins <> 0 OR locked_until IS NOT NULL)', [id]);
}

export async function updatePasswordHash(q: Queryable, id: string, hash: string, mustChange: boolean, now: Date): Promise<void> {
  await q.execute(
    'UPDATE users SET password_hash = $2, must_change_password = $3, password_changed_at = $4, updated_at = $4 WHERE id = $1',
    [id, hash, mustChange, now],
  );
}

export async function updateProfile(q: Queryable, id: string, patch: { locale?: 'en' | 'hi'; displayName?: string }, now: Date): Promise<void> {
  await q.execute(
    'UPDATE users SET locale = COALESCE($2, locale), display_name = COALESCE($3, display_name), updated_at = $4 WHERE id = $1',
    [id, patch.locale ?? null, patch.displayName ?? null, now],
  );
}

export async function storePendingTotpSecret(q: Queryable, id: string, secretEnc: string, now: Date): Promise<void> {
  await q.execute('UPDATE users SET totp_secret_enc = $2, totp_enabled = false, totp_last_step = NULL, updated_at = $3 WHERE id = $1', [id, secretEnc, now]);
}

/** Turns TOTP on, recording the step that confirmed it; false when it was already on. */
export async function enableTotp(q: Queryable, id: string, step: number, now: Date): Promise<boolean> {
  const n = await q.execute(
    'UPDATE users SET totp_enabled = true, totp_last_step = $2, updated_at = $3 WHERE id = $1 AND NOT totp_enabled AND totp_secret_enc IS NOT NULL',
    [id, step, now],
  );
  return n === 1;
}

export async function disableTotp(q: Queryable, id: string, now: Date): Promise<void> {
  await q.execute('UPDATE users SET totp_enabled = false, totp_secret_enc = NULL, totp_last_step = NULL, updated_at = $2 WHERE id = $1', [id, now]);
}

/**
 * Claims a TOTP step for a sign-in. The comparison happens in the UPDATE, so of two requests
 * racing with the same code only one succeeds: a step is never accepted twice.
 */
export async function claimTotpStep(q: Queryable, id: string, step: number): Promise<boolean> {
  const n = await q.execute('UPDATE users SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2)', [id, step]);
  return n === 1;
}

export async function lastTotpStep(q: Queryable, id: string): Promise<number | null> {
  const rows = await q.query<{ step: string | null }>('SELECT totp_last_step::text AS step FROM users WHERE id = $1', [id]);
  const step = rows[0]?.step;
  return step === null || step === undefined ? null : Number(step);
}

export interface UnitName {
  id: string;
  nameEn: string;
  nameHi: string;
}

/** Names of the given units, or of every active unit when `ids` is null. */
export async function unitNames(q: Queryable, ids: readonly string[] | null): Promise<UnitName[]> {
  if (ids === null) {
    return q.query<UnitName>('SELECT id, name_en AS "nameEn", name_hi AS "nameHi" FROM units WHERE active ORDER BY name_en');
  }
  if (ids.length === 0) return [];
  return q.query<UnitName>('SELECT id, name_en AS "nameEn", name_hi AS "nameHi" FROM units WHERE id = ANY($1::text[]) ORDER BY name_en', [ids]);
}
