import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../db/database.js';
import { PRINCIPAL_COLUMNS, type PrincipalRow } from './principal.js';

/** The cookie holds 32 random bytes; the table holds only their SHA-256, so a leaked table opens no session. */
export function newSessionSecret(): { cookieValue: string; id: string } {
  const cookieValue = randomBytes(32).toString('base64url');
  return { cookieValue, id: sessionIdFor(cookieValue) };
}

export function sessionIdFor(cookieValue: string): string {
  return createHash('sha256').update(cookieValue).digest('hex');
}

export function newCsrfToken(): string {
  return randomBytes(24).toString('base64url');
}

export interface NewSession {
  id: string;
  userId: string;
  csrfToken: string;
  secondFactorPending: boolean;
  ip: string | null;
  userAgent: string | null;
  now: Date;
  expiresAt: Date;
}

export async function insertSession(q: Queryable, s: NewSession): Promise<void> {
  await q.execute(
    `INSERT INTO sessions (id, user_id, csrf_token, second_factor_pending, ip, user_agent, created_at, last_seen_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8)`,
    [s.id, s.userId, s.csrfToken, s.secondFactorPending, s.ip, s.userAgent, s.now, s.expiresAt],
  );
}

export interface SessionWithPrincipal extends PrincipalRow {
  id: string;
  csrfToken: string;
  secondFactorPending: boolean;
  lastSeenAt: Date;
  expiresAt: Date;
}

export async function findSession(q: Queryable, id: string): Promise<SessionWithPrincipal | null> {
  const rows = await q.query<SessionWithPrincipal>(
    `SELECT s.id, s.csrf_token AS "csrfToken", s.second_factor_pending AS "secondFactorPending",
            s.last_seen_at AS "lastSeenAt", s.expires_at AS "expiresAt", ${PRINCIPAL_COLUMNS}
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

export async function touchSession(q: Queryable, id: string, now: Date): Promise<void> {
  await q.execute('UPDATE sessions SET last_seen_at = $2 WHERE id = $1', [id, now]);
}

export async function deleteSession(q: Queryable, id: string): Promise<number> {
  return q.execute('DELETE FROM sessions WHERE id = $1', [id]);
}

/** Ends every session of a user, except `keepId` (the one changing its own password). */
export async function deleteUserSessions(q: Queryable, userId: string, keepId: string | null = null): Promise<number> {
  return q.execute('DELETE FROM sessions WHERE user_id = $1 AND ($2::text IS NULL OR id <> $2::text)', [userId, keepId]);
}

export async function purgeSessions(q: Queryable, now: Date, idleMs: number): Promise<number> {
  return q.execute('DELETE FROM sessions WHERE expires_at <= $1::timestamptz OR last_seen_at <= $2::timestamptz', [now, new Date(now.getTime() - idleMs)]);
}
