import type { Queryable } from '../../db/database.js';

export interface SourceRow {
  id: string;
  kind: string;
  name: string;
  unitIds: string[];
  config: Record<string, unknown>;
  secretEnc: string | null;
  pollSeconds: number | null;
  enabled: boolean;
}

const COLUMNS = `id, kind, name, unit_ids AS "unitIds", config, secret_enc AS "secretEnc", poll_seconds AS "pollSeconds", enabled`;

export async function insertSource(
  q: Queryable,
  s: { kind: string; name: string; unitIds: string[]; config: Record<string, unknown>; secretEnc: string | null; pollSeconds: number | null; createdBy: string | null },
): Promise<SourceRow> {
  const [row] = await q.query<SourceRow>(
    `INSERT INTO sources (kind, name, unit_ids, config, secret_enc, poll_seconds, created_by)
     VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7) RETURNING ${COLUMNS}`,
    [s.kind, s.name, s.unitIds, JSON.stringify(s.config), s.secretEnc, s.pollSeconds, s.createdBy],
  );
  await q.execute('INSERT INTO source_health (source_id) VALUES ($1) ON CONFLICT DO NOTHING', [row!.id]);
  return row!;
}

export async function findSource(q: Queryable, id: string): Promise<SourceRow | null> {
  const [row] = await q.query<SourceRow>(`SELECT ${COLUMNS} FROM sources WHERE id = $1`, [id]);
  return row ?? null;
}

export async function findSourceByName(q: Queryable, kind: string, name: string): Promise<SourceRow | null> {
  const [row] = await q.query<SourceRow>(`SELECT ${COLUMNS} FROM sources WHERE kind = $1 AND lower(name) = lower($2)`, [kind, name]);
  return row ?? null;
}

/**
 * When a failing source may be polled again (sources `s`, health `h`): its `retry_at`, unless the
 * source was edited or switched on after its last failure, which lets it run at once.
 */
const RETRY_AT = 'CASE WHEN s.updated_at > h.last_error_at THEN NULL ELSE h.retry_at END';

/** An enabled polled source, when it last ran, its failures in a row and when it may run again after them. */
export interface PolledSource extends SourceRow {
  lastRunAt: Date | null;
  /** Edited or switched on since it last ran: due at once. */
  changed: boolean;
  consecutiveFailures: number;
  /** Null unless the source is failing and has not been edited or switched on since its last failure. */
  retryAt: Date | null;
}

/** Enabled sources that are polled, with when each last ran and when a failing one may run again. */
export async function listPolledSources(q: Queryable): Promise<PolledSource[]> {
  return q.query(
    `SELECT s.id, s.kind, s.name, s.unit_ids AS "unitIds", s.config, s.secret_enc AS "secretEnc", s.poll_seconds AS "pollSeconds",
            s.enabled, h.last_run_at AS "lastRunAt", coalesce(s.updated_at > h.last_run_at, true) AS changed,
            coalesce(h.consecutive_failures, 0) AS "consecutiveFailures",
            ${RETRY_AT} AS "retryAt"
       FROM sources s LEFT JOIN source_health h ON h.source_id = s.id
      WHERE s.enabled AND s.poll_seconds IS NOT NULL
      ORDER BY s.created_at`,
  );
}

export async function setEnabled(q: Queryable, id: string, enabled: boolean): Promise<boolean> {
  return (await q.execute('UPDATE sources SET enabled = $2, updated_at = now() WHERE id = $1', [id, enabled])) === 1;
}

/** Changes a source's name, poll interval or config (the caller audits). */
export async function updateSource(q: Queryable, id: string, s: { name: string; pollSeconds: number | null; config: Record<string, unknown> }): Promise<SourceRow | null> {
  const [row] = await q.query<SourceRow>(
    `UPDATE sources SET name = $2, poll_seconds = $3, config = $4::jsonb, updated_at = now() WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, s.name, s.pollSeconds, JSON.stringify(s.config)],
  );
  return row ?? null;
}

/** Units of these ids that exist. */
export async function existingUnits(q: Queryable, ids: readonly string[]): Promise<string[]> {
  const rows = await q.query<{ id: string }>('SELECT id FROM units WHERE id = ANY($1::text[])', [[...ids]]);
  return rows.map((r) => r.id);
}

/** Sources by id (no secrets are decrypted here). */
export async function findSources(q: Queryable, ids: readonly string[]): Promise<SourceRow[]> {
  if (ids.length === 0) return [];
  return q.query<SourceRow>(`SELECT ${COLUMNS} FROM sources WHERE id = ANY($1::uuid[])`, [ids]);
}

export async function getCursor(q: Queryable, sourceId: string): Promise<string | null> {
  const [row] = await q.query<{ cursor: string }>('SELECT cursor FROM source_cursors WHERE source_id = $1', [sourceId]);
  return row?.cursor ?? null;
}

export async function saveCursor(q: Queryable, sourceId: string, cursor: string): Promise<void> {
  await q.execute(
    `INSERT INTO source_cursors (source_id, cursor, updated_at) VALUES ($1, $2, now())
     ON CONFLICT (source_id) DO UPDATE SET cursor = EXCLUDED.cursor, updated_at = now()`,
    [sourceId, cursor],
  );
}

export async function markRun(q: Queryable, sourceId: string): Promise<void> {
  await q.execute(
    `INSERT INTO source_health (source_id, last_run_at) VALUES ($1, now())
     ON CONFLICT (source_id) DO UPDATE SET last_run_at = now(), updated_at = now()`,
    [sourceId],
  );
}

export async function recordSuccess(q: Queryable, sourceId: string, items: number, lastItemAt: string | null): Promise<void> {
  await q.execute(
    `INSERT INTO source_health (source_id, last_run_at, last_success_at, consecutive_failures, items_total, last_item_at, lag_seconds)
     VALUES ($1, now(), now(), 0, $2, $3::timestamptz, extract(epoch FROM now() - $3::timestamptz))
     ON CONFLICT (source_id) DO UPDATE SET
       last_success_at = now(), consecutive_failures = 0, retry_at = NULL, items_total = source_health.items_total + $2,
       last_item_at = coalesce($3::timestamptz, source_health.last_item_at),
       lag_seconds = CASE WHEN $3::timestamptz IS NULL THEN source_health.lag_seconds ELSE greatest(0, extract(epoch FROM now() - $3::timestamptz)) END,
       updated_at = now()`,
    [sourceId, items, lastItemAt],
  );
}

/** Records a failed run and, for a polled source, when it may be polled again (`retryAt`). */
export async function recordFailure(q: Queryable, sourceId: string, message: string, retryAt: Date | null = null): Promise<void> {
  await q.execute(
    `INSERT INTO source_health (source_id, last_run_at, last_error_at, last_error, consecutive_failures, retry_at)
     VALUES ($1, now(), now(), $2, 1, $3)
     ON CONFLICT (source_id) DO UPDATE SET
       last_error_at = now(), last_error = $2, consecutive_failures = source_health.consecutive_failures + 1, retry_at = $3, updated_at = now()`,
    [sourceId, message.slice(0, 2000), retryAt],
  );
}

export interface SourceHealthView {
  id: string;
  kind: string;
  name: string;
  unitIds: string[];
  enabled: boolean;
  pollSeconds: number | null;
  cursor: string | null;
  lastRunAt: Date | null;
  lastSuccessAt: Date | null;
  lastErrorAt: Date | null;
  lastError: string | null;
  consecutiveFailures: number;
  /** When a failing source is polled again (see `listPolledSources`). */
  retryAt: Date | null;
  lastItemAt: Date | null;
  lagSeconds: number | null;
  itemsTotal: number;
}

/**
 * Every source with its health, for the UI and the command line. `units` null means every
 * source; otherwise the sources that concern one of these units and those that name none (the
 * whole force's).
 */
export async function listSourceHealth(q: Queryable, units: readonly string[] | null): Promise<SourceHealthView[]> {
  return q.query<SourceHealthView>(
    `SELECT s.id::text AS id, s.kind, s.name, s.unit_ids AS "unitIds", s.enabled, s.poll_seconds AS "pollSeconds", c.cursor,
            h.last_run_at AS "lastRunAt", h.last_success_at AS "lastSuccessAt", h.last_error_at AS "lastErrorAt",
            h.last_error AS "lastError", coalesce(h.consecutive_failures, 0) AS "consecutiveFailures",
            ${RETRY_AT} AS "retryAt", h.last_item_at AS "lastItemAt", h.lag_seconds AS "lagSeconds", coalesce(h.items_total, 0)::float8 AS "itemsTotal"
       FROM sources s
       LEFT JOIN source_health h ON h.source_id = s.id
       LEFT JOIN source_cursors c ON c.source_id = s.id
      WHERE ($1::text[] IS NULL OR s.unit_ids && $1::text[] OR cardinality(s.unit_ids) = 0)
      ORDER BY s.kind, lower(s.name)`,
    [units === null ? null : [...units]],
  );
}
