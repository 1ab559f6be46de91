import type { Queryable } from '../db/database.js';
import type { Station, Unit, UnitKind } from './unit-types.js';

/**
 * SQL of units and stations. `units` is the actor's scope (`unitFilter`): null for every unit, an
 * array for only these (an empty array matches nothing).
 */

const UNIT_COLUMNS = `u.id, u.kind, u.name_en AS "nameEn", u.name_hi AS "nameHi", u.parent_id AS "parentId", u.active,
  (SELECT count(*)::int FROM stations s WHERE s.unit_id = u.id) AS "stationCount"`;
const STATION_COLUMNS = `s.id, s.unit_id AS "unitId", s.name_en AS "nameEn", s.name_hi AS "nameHi", s.aliases, s.active`;

const scopeParam = (units: readonly string[] | null) => (units === null ? null : [...units]);

export async function listUnits(q: Queryable, units: readonly string[] | null): Promise<Unit[]> {
  return q.query<Unit>(`SELECT ${UNIT_COLUMNS} FROM units u WHERE ($1::text[] IS NULL OR u.id = ANY($1::text[])) ORDER BY u.kind, u.name_en`, [scopeParam(units)]);
}

export async function findUnit(q: Queryable, id: string, units: readonly string[] | null, forUpdate = false): Promise<Unit | null> {
  const rows = await q.query<Unit>(
    `SELECT ${UNIT_COLUMNS} FROM units u WHERE u.id = $1 AND ($2::text[] IS NULL OR u.id = ANY($2::text[]))${forUpdate ? ' FOR UPDATE' : ''}`,
    [id, scopeParam(units)],
  );
  return rows[0] ?? null;
}

export async function listStations(q: Queryable, opts: { unitId?: string; units: readonly string[] | null }): Promise<Station[]> {
  return q.query<Station>(
    `SELECT ${STATION_COLUMNS} FROM stations s
     WHERE ($1::text IS NULL OR s.unit_id = $1) AND ($2::text[] IS NULL OR s.unit_id = ANY($2::text[]))
     ORDER BY s.unit_id, s.name_en`,
    [opts.unitId ?? null, scopeParam(opts.units)],
  );
}

export async function findStation(q: Queryable, id: string, units: readonly string[] | null, forUpdate = false): Promise<Station | null> {
  const rows = await q.query<Station>(
    `SELECT ${STATION_COLUMNS} FROM stations s WHERE s.id = $1 AND ($2::text[] IS NULL OR s.unit_id = ANY($2::text[]))${forUpdate ? ' FOR UPDATE' : ''}`,
    [id, scopeParam(units)],
  );
  return rows[0] ?? null;
}

/** Inserts a unit; false when the id is taken. */
export async function insertUnit(q: Queryable, u: { id: string; kind: UnitKind; nameEn: string; nameHi: string; parentId: string | null }): Promise<boolean> {
  const n = await q.execute(
    'INSERT INTO units (id, kind, name_en, name_hi, parent_id) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING',
    [u.id, u.kind, u.nameEn, u.nameHi, u.parentId],
  );
  return n === 1;
}

export async function updateUnit(q: Queryable, id: string, u: { kind: UnitKind; nameEn: string; nameHi: string; active: boolean }): Promise<void> {
  await q.execute('UPDATE units SET kind = $2, name_en = $3, name_hi = $4, active = $5, updated_at = now() WHERE id = $1', [id, u.kind, u.nameEn, u.nameHi, u.active]);
}

/** Inserts a station; false when the id is taken. */
export async function insertStation(q: Queryable, s: { id: string; unitId: string; nameEn: string; nameHi: string; aliases: string[] }): Promise<boolean> {
  const n = await q.execute(
    'INSERT INTO stations (id, unit_id, name_en, name_hi, aliases) VALUES ($1, $2, $3, $4, $5::text[]) ON CONFLICT (id) DO NOTHING',
    [s.id, s.unitId, s.nameEn, s.nameHi, s.aliases],
  );
  return n === 1;
}

export async function updateStation(q: Queryable, id: string, s: { nameEn: string; nameHi: string; aliases: string[]; active: boolean }): Promise<void> {
  await q.execute('UPDATE stations SET name_en = $2, name_hi = $3, aliases = $4::text[], active = $5, updated_at = now() WHERE id = $1', [id, s.nameEn, s.nameHi, s.aliases, s.active]);
}

/** Seeding: inserts the units that are missing, leaves existing ones as they are; returns how many were new. */
export async function insertMissingUnits(q: Queryable, rows: readonly { id: string; kind: UnitKind; nameEn: string; nameHi: string; parentId: string | null }[]): Promise<number> {
  if (!rows.length) return 0;
  // One statement: foreign keys are checked at its end, so a parent may come after its child.
  return q.execute(
    `INSERT INTO units (id, kind, name_en, name_hi, parent_id)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
     ON CONFLICT (id) DO NOTHING`,
    [rows.map((r) => r.id), rows.map((r) => r.kind), rows.map((r) => r.nameEn), rows.map((r) => r.nameHi), rows.map((r) => r.parentId)],
  );
}

/** Seeding: inserts the stations that are missing; returns how many were new. */
export async function insertMissingStations(q: Queryable, rows: readonly { id: string; unitId: string; nameEn: string; nameHi: string; aliases: string[] }[]): Promise<number> {
  if (!rows.length) return 0;
  // Aliases travel as one JSON array per row: a text[][] parameter would have to be rectangular.
  return q.execute(
    `INSERT INTO stations (id, unit_id, name_en, name_hi, aliases)
     SELECT t.id, t.unit_id, t.name_en, t.name_hi, ARRAY(SELECT jsonb_array_elements_text(t.aliases::jsonb))
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS t(id, unit_id, name_en, name_hi, aliases)
     ON CONFLICT (id) DO NOTHING`,
    [rows.map((r) => r.id), rows.map((r) => r.unitId), rows.map((r) => r.nameEn), rows.map((r) => r.nameHi), rows.map((r) => JSON.stringify(r.aliases))],
  );
}
