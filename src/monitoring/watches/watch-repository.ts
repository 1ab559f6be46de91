import type { Queryable } from '../../db/database.js';
import type { WatchFilter } from './watch-types.js';

/** A watch row as stored, with its owner's name and match count. */
export interface WatchRow {
  id: string;
  name: string;
  query: string;
  ownerId: string;
  ownerName: string;
  purpose: string;
  legalBasis: string;
  unitIds: string[];
  expiresAt: Date;
  retentionDays: number;
  paused: boolean;
  version: number;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  matchCount: number;
}

const COLUMNS = `w.id, w.name, w.query, w.owner_id AS "ownerId", o.display_name AS "ownerName", w.purpose,
  w.legal_basis AS "legalBasis", w.unit_ids AS "unitIds", w.expires_at AS "expiresAt", w.retention_days AS "retentionDays",
  w.paused, w.version, w.created_by AS "createdBy", w.created_at AS "createdAt", w.updated_at AS "updatedAt"`;
const MATCH_COUNT = `(SELECT count(*)::int FROM watch_matches wm WHERE wm.watch_id = w.id) AS "matchCount"`;

/** `scope` is the actor's unit filter: null for every unit, else watches concerning one of these. */
const scopeParam = (units: readonly string[] | null) => (units === null ? null : [...units]);

export async function listWatches(q: Queryable, scope: readonly string[] | null, filter: WatchFilter): Promise<WatchRow[]> {
  return q.query<WatchRow>(
    `SELECT ${COLUMNS}, ${MATCH_COUNT}
       FROM watches w JOIN users o ON o.id = w.owner_id
      WHERE ($1::text[] IS NULL OR w.unit_ids && $1::text[])
        AND ($2::text IS NULL OR $2::text = ANY(w.unit_ids))
        AND ($3::text IS NULL
             OR ($3 = 'expired' AND w.expires_at <= now())
             OR ($3 = 'paused' AND w.expires_at > now() AND w.paused)
             OR ($3 = 'active' AND w.expires_at > now() AND NOT w.paused))
      ORDER BY (w.expires_at <= now()), w.name, w.id`,
    [scopeParam(scope), filter.unitId ?? null, filter.status ?? null],
  );
}

export async function findWatch(q: Queryable, id: string, scope: readonly string[] | null, forUpdate = false): Promise<WatchRow | null> {
  const rows = await q.query<WatchRow>(
    `SELECT ${COLUMNS}, ${MATCH_COUNT}
       FROM watches w JOIN users o ON o.id = w.owner_id
      WHERE w.id = $1 AND ($2::text[] IS NULL OR w.unit_ids && $2::text[])${forUpdate ? ' FOR UPDATE OF w' : ''}`,
    [id, scopeParam(scope)],
  );
  return rows[0] ?? null;
}

export interface WatchValues {
  name: string;
  query: string;
  ownerId: string;
  purpose: string;
  legalBasis: string;
  unitIds: string[];
  expiresAt: Date;
  retentionDays: number;
  paused: boolean;
}

export async function insertWatch(q: Queryable, v: WatchValues, createdBy: string): Promise<string> {
  const rows = await q.query<{ id: string }>(
    `INSERT INTO watches (name, query, owner_id, purpose, legal_basis, unit_ids, expires_at, retention_days, paused, created_by)
     VALUES ($1, $2, $3, $4, $5, $6::text[], $7, $8, $9, $10) RETURNING id`,
    [v.name, v.query, v.ownerId, v.purpose, v.legalBasis, v.unitIds, v.expiresAt, v.retentionDays, v.paused, createdBy],
  );
  return rows[0]!.id;
}

export async function updateWatch(q: Queryable, id: string, v: WatchValues): Promise<void> {
  await q.execute(
    `UPDATE watches SET name = $2, query = $3, owner_id = $4, purpose = $5, legal_basis = $6, unit_ids = $7::text[],
            expires_at = $8, retention_days = $9, paused = $10, version = version + 1, updated_at = now()
      WHERE id = $1`,
    [id, v.name, v.query, v.ownerId, v.purpose, v.legalBasis, v.unitIds, v.expiresAt, v.retentionDays, v.paused],
  );
}

/** Units of these ids that exist. */
export async function existingUnits(q: Queryable, ids: readonly string[]): Promise<string[]> {
  const rows = await q.query<{ id: string }>('SELECT id FROM units WHERE id = ANY($1::text[])', [[...ids]]);
  return rows.map((r) => r.id);
}

/** An active user who may own watches: role and units, for the owner check. */
export async function findOwnerCandidate(q: Queryable, userId: string): Promise<{ id: string; role: string; allUnits: boolean; unitIds: string[] } | null> {
  const rows = await q.query<{ id: string; role: string; allUnits: boolean; unitIds: string[] }>(
    `SELECT u.id, u.role, u.all_units AS "allUnits",
            coalesce((SELECT array_agg(uu.unit_id ORDER BY uu.unit_id) FROM user_units uu WHERE uu.user_id = u.id), '{}') AS "unitIds"
       FROM users u WHERE u.id = $1 AND NOT u.disabled`,
    [userId],
  );
  return rows[0] ?? null;
}

/** The watches matching may use now: not expired and not paused. */
export async function activeWatches(q: Queryable): Promise<{ id: string; query: string; unitIds: string[]; expiresAt: Date; version: number }[]> {
  return q.query(
    `SELECT id, query, unit_ids AS "unitIds", expires_at AS "expiresAt", version
       FROM watches WHERE expires_at > now() AND NOT paused ORDER BY id`,
  );
}
