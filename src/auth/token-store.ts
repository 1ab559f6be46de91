import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { Queryable } from '../db/database.js';
import { PRINCIPAL_COLUMNS, type PrincipalRow } from './principal.js';

/**
 * API tokens look like `chv_<prefix>_<secret>`: the prefix (8 characters) tells tokens apart in
 * lists and logs, the secret (64 hex digits) is stored only as its SHA-256.
 */
const TOKEN_PATTERN = /^chv_([a-z0-9]{8})_([0-9a-f]{64})$/;
const PREFIX_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

export function newApiTokenSecret(): { token: string; prefix: string; hash: string } {
  const prefix = Array.from({ length: 8 }, () => PREFIX_ALPHABET[randomInt(PREFIX_ALPHABET.length)]).join('');
  const secret = randomBytes(32).toString('hex');
  return { token: `chv_${prefix}_${secret}`, prefix, hash: tokenHash(secret) };
}

export function parseApiToken(token: string): { prefix: string; hash: string } | null {
  const m = TOKEN_PATTERN.exec(token.trim());
  if (!m) return null;
  return { prefix: m[1]!, hash: tokenHash(m[2]!) };
}

function tokenHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export interface ApiTokenRow {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

const TOKEN_COLUMNS = `t.id, t.name, t.prefix, t.scopes, t.created_at AS "createdAt", t.last_used_at AS "lastUsedAt",
  t.expires_at AS "expiresAt", t.revoked_at AS "revokedAt"`;

export async function insertApiToken(
  q: Queryable,
  t: { userId: string; name: string; prefix: string; hash: string; scopes: readonly string[]; now: Date; expiresAt: Date | null },
): Promise<ApiTokenRow> {
  const rows = await q.query<ApiTokenRow>(
    `INSERT INTO api_tokens AS t (user_id, name, token_hash, prefix, scopes, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5::text[], $6, $7) RETURNING ${TOKEN_COLUMNS}`,
    [t.userId, t.name, t.hash, t.prefix, t.scopes, t.now, t.expiresAt],
  );
  return rows[0]!;
}

export async function listApiTokens(q: Queryable, userId: string): Promise<ApiTokenRow[]> {
  return q.query<ApiTokenRow>(`SELECT ${TOKEN_COLUMNS} FROM api_tokens t WHERE t.user_id = $1 ORDER BY t.created_at DESC, t.id`, [userId]);
}

export async function findApiToken(q: Queryable, userId: string, id: string): Promise<ApiTokenRow | null> {
  const rows = await q.query<ApiTokenRow>(`SELECT ${TOKEN_COLUMNS} FROM api_tokens t WHERE t.user_id = $1 AND t.id = $2`, [userId, id]);
  return rows[0] ?? null;
}

/** Revokes one of the user's own tokens; false when it is not theirs or already revoked. */
export async function revokeApiToken(q: Queryable, userId: string, id: string, now: Date): Promise<boolean> {
  const n = await q.execute('UPDATE api_tokens SET revoked_at = $3 WHERE user_id = $1 AND id = $2 AND revoked_at IS NULL', [userId, id, now]);
  return n === 1;
}

export interface TokenWithPrincipal extends PrincipalRow {
  tokenId: string;
  prefix: string;
  scopes: string[];
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

export async function findApiTokenByHash(q: Queryable, hash: string): Promise<TokenWithPrincipal | null> {
  const rows = await q.query<TokenWithPrincipal>(
    `SELECT t.id AS "tokenId", t.prefix, t.scopes, t.last_used_at AS "lastUsedAt", t.expires_at AS "expiresAt",
            t.revoked_at AS "revokedAt", ${PRINCIPAL_COLUMNS}
       FROM api_tokens t JOIN users u ON u.id = t.user_id
      WHERE t.token_hash = $1`,
    [hash],
  );
  return rows[0] ?? null;
}

export async function touchApiToken(q: Queryable, id: string, now: Date): Promise<void> {
  await q.execute('UPDATE api_tokens SET last_used_at = $2 WHERE id = $1', [id, now]);
}
