import type { Queryable } from '../db/database.js';

export interface VerificationRow {
  id: string;
  requestedBy: string | null;
  requestedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  ok: boolean | null;
  entries: number | null;
  brokenAt: number | null;
  reason: string | null;
}

const COLUMNS = `id, requested_by AS "requestedBy", requested_at AS "requestedAt", started_at AS "startedAt",
  finished_at AS "finishedAt", ok, entries, broken_at AS "brokenAt", reason`;

export async function insertVerification(q: Queryable, requestedBy: string | null): Promise<VerificationRow> {
  const rows = await q.query<VerificationRow>(`INSERT INTO audit_verifications (requested_by) VALUES ($1) RETURNING ${COLUMNS}`, [requestedBy]);
  return rows[0]!;
}

/** Marks a run started; false when it already finished (a retried job does not run twice). */
export async function startVerification(q: Queryable, id: string): Promise<boolean> {
  return (await q.execute('UPDATE audit_verifications SET started_at = now() WHERE id = $1 AND finished_at IS NULL', [id])) === 1;
}

export async function finishVerification(q: Queryable, id: string, result: { ok: boolean; entries: number; brokenAt: number | null; reason: string | null }): Promise<void> {
  await q.execute('UPDATE audit_verifications SET finished_at = now(), ok = $2, entries = $3, broken_at = $4, reason = $5 WHERE id = $1', [
    id,
    result.ok,
    result.entries,
    result.brokenAt,
    result.reason,
  ]);
}

export async function findVerification(q: Queryable, id: string): Promise<VerificationRow | null> {
  return (await q.query<VerificationRow>(`SELECT ${COLUMNS} FROM audit_verifications WHERE id = $1`, [id]))[0] ?? null;
}

export async function recentVerifications(q: Queryable, limit: number): Promise<VerificationRow[]> {
  return q.query<VerificationRow>(`SELECT ${COLUMNS} FROM audit_verifications ORDER BY requested_at DESC LIMIT $1`, [limit]);
}
