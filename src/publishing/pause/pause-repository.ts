import type { Queryable } from '../../db/database.js';

export interface Pause {
  id: string;
  /** null: force-wide. */
  unitId: string | null;
  reason: string;
  startedBy: string;
  startedByName: string;
  startedAt: Date;
  endedBy: string | null;
  endedAt: Date | null;
}

const COLUMNS = `pp.id, pp.unit_id AS "unitId", pp.reason, pp.started_by AS "startedBy", u.display_name AS "startedByName",
  pp.started_at AS "startedAt", pp.ended_by AS "endedBy", pp.ended_at AS "endedAt"`;

/** Active pauses that concern these units (force-wide ones always), or every active pause when units is null. */
export async function activePauses(q: Queryable, units: readonly string[] | null): Promise<Pause[]> {
  return q.query<Pause>(
    `SELECT ${COLUMNS} FROM publishing_pauses pp JOIN users u ON u.id = pp.started_by
     WHERE pp.ended_at IS NULL AND (pp.unit_id IS NULL OR $1::text[] IS NULL OR pp.unit_id = ANY($1::text[]))
     ORDER BY pp.started_at`,
    [units === null ? null : [...units]],
  );
}

/** The pause that holds this unit's publishing now, if any (a force-wide one first). */
export async function pauseCovering(q: Queryable, unitId: string): Promise<{ id: string; reason: string; unitId: string | null } | null> {
  const rows = await q.query<{ id: string; reason: string; unitId: string | null }>(
    `SELECT id, reason, unit_id AS "unitId" FROM publishing_pauses
     WHERE ended_at IS NULL AND (unit_id IS NULL OR unit_id = $1) ORDER BY unit_id NULLS FIRST, started_at LIMIT 1`,
    [unitId],
  );
  return rows[0] ?? null;
}

export async function insertPause(q: Queryable, p: { unitId: string | null; reason: string; startedBy: string }): Promise<string> {
  const rows = await q.query<{ id: string }>('INSERT INTO publishing_pauses (unit_id, reason, started_by) VALUES ($1, $2, $3) RETURNING id', [p.unitId, p.reason, p.startedBy]);
  return rows[0]!.id;
}

export async function lockActivePause(q: Queryable, id: string): Promise<{ id: string; unitId: string | null; reason: string } | null> {
  const rows = await q.query<{ id: string; unitId: string | null; reason: string }>(
    'SELECT id, unit_id AS "unitId", reason FROM publishing_pauses WHERE id = $1 AND ended_at IS NULL FOR UPDATE',
    [id],
  );
  return rows[0] ?? null;
}

export async function endPause(q: Queryable, id: string, endedBy: string): Promise<void> {
  await q.execute('UPDATE publishing_pauses SET ended_by = $2, ended_at = now() WHERE id = $1', [id, endedBy]);
}

/** Serialises pause changes with the scheduler's sweeps, so a sweep never works from a pause list that is changing. */
export async function lockPauses(q: Queryable): Promise<void> {
  await q.query('SELECT pg_advisory_xact_lock($1)', [7_424_242_011]);
}
