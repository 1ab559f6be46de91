import type { Queryable } from '../../db/database.js';

export interface MentionForMatching {
  id: string;
  text: string;
  lang: string | null;
  platform: string;
  unitIds: string[];
  authorHandle: string | null;
}

export async function loadMentions(q: Queryable, ids: readonly string[]): Promise<MentionForMatching[]> {
  if (ids.length === 0) return [];
  return q.query<MentionForMatching>(
    `SELECT id::text AS id, text, lang, platform, unit_ids AS "unitIds", author_handle AS "authorHandle"
       FROM mentions WHERE id = ANY($1::bigint[]) AND deleted_at IS NULL`,
    [[...ids]],
  );
}

/** Records matches; returns the pairs that are new (a mention edited later is matched again). */
export async function insertMatches(q: Queryable, pairs: readonly { watchId: string; mentionId: string }[]): Promise<{ watchId: string; mentionId: string }[]> {
  if (pairs.length === 0) return [];
  return q.query<{ watchId: string; mentionId: string }>(
    `INSERT INTO watch_matches (watch_id, mention_id)
     SELECT * FROM unnest($1::uuid[], $2::bigint[])
     ON CONFLICT (watch_id, mention_id) DO NOTHING
     RETURNING watch_id::text AS "watchId", mention_id::text AS "mentionId"`,
    [pairs.map((p) => p.watchId), pairs.map((p) => p.mentionId)],
  );
}

/** Adds the matched watches' units to the mentions' units, so the watches' users see them. */
export async function addUnits(q: Queryable, rows: readonly { mentionId: string; unitIds: string[] }[]): Promise<void> {
  if (rows.length === 0) return;
  await q.execute(
    `UPDATE mentions m SET unit_ids = ARRAY(SELECT DISTINCT x FROM unnest(m.unit_ids || string_to_array(u.units, E'\\x1f')) AS x ORDER BY x)
       FROM unnest($1::bigint[], $2::text[]) AS u(id, units)
      WHERE m.id = u.id AND NOT (m.unit_ids @> string_to_array(u.units, E'\\x1f'))`,
    [rows.map((r) => r.mentionId), rows.map((r) => r.unitIds.join('\u001f'))],
  );
}

/**
 * Of these watches, those still active now, with their units. The matcher's compiled watches may
 * be a few seconds old (another process paused or ended one); this check in the write's
 * transaction makes an ended watch stop at once everywhere.
 */
export async function stillActive(q: Queryable, watchIds: readonly string[]): Promise<Map<string, string[]>> {
  if (watchIds.length === 0) return new Map();
  const rows = await q.query<{ id: string; unitIds: string[] }>(
    'SELECT id::text AS id, unit_ids AS "unitIds" FROM watches WHERE id = ANY($1::uuid[]) AND expires_at > now() AND NOT paused',
    [[...watchIds]],
  );
  return new Map(rows.map((r) => [r.id, r.unitIds]));
}

/** Sets mentions' units (taking away those of watches that ended before their match was recorded). */
export async function setUnits(q: Queryable, rows: readonly { mentionId: string; unitIds: string[] }[]): Promise<void> {
  if (rows.length === 0) return;
  await q.execute(
    `UPDATE mentions m SET unit_ids = string_to_array(u.units, E'\\x1f')
       FROM unnest($1::bigint[], $2::text[]) AS u(id, units)
      WHERE m.id = u.id`,
    [rows.map((r) => r.mentionId), rows.map((r) => r.unitIds.join('\u001f'))],
  );
}
