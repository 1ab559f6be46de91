import type { Queryable } from '../../db/database.js';

export interface UnitPrivacyRow {
  unitId: string;
  pseudonymiseAuthors: boolean;
  updatedBy: string | null;
  updatedAt: Date | null;
}

export async function findUnitPrivacy(q: Queryable, unitId: string): Promise<UnitPrivacyRow | null> {
  const rows = await q.query<UnitPrivacyRow>(
    `SELECT u.id AS "unitId", coalesce(s.pseudonymise_authors, false) AS "pseudonymiseAuthors",
            s.updated_by AS "updatedBy", s.updated_at AS "updatedAt"
       FROM units u LEFT JOIN monitoring_unit_settings s ON s.unit_id = u.id
      WHERE u.id = $1`,
    [unitId],
  );
  return rows[0] ?? null;
}

export async function upsertUnitPrivacy(q: Queryable, unitId: string, pseudonymise: boolean, by: string): Promise<void> {
  await q.execute(
    `INSERT INTO monitoring_unit_settings (unit_id, pseudonymise_authors, updated_by, updated_at) VALUES ($1, $2, $3, now())
     ON CONFLICT (unit_id) DO UPDATE SET pseudonymise_authors = EXCLUDED.pseudonymise_authors, updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [unitId, pseudonymise, by],
  );
}

export async function pseudonymisingUnits(q: Queryable): Promise<string[]> {
  const rows = await q.query<{ unit_id: string }>('SELECT unit_id FROM monitoring_unit_settings WHERE pseudonymise_authors ORDER BY unit_id');
  return rows.map((r) => r.unit_id);
}

export interface AuthorRow {
  id: string;
  handle: string | null;
  externalId: string | null;
}

/**
 * Mentions of these units whose author is still named and that no hold keeps (a case needs the
 * real author); limited to `ids` when given (the batch just ingested).
 */
export async function authorsToPseudonymise(q: Queryable, units: readonly string[], ids: readonly string[] | null, limit: number): Promise<AuthorRow[]> {
  if (units.length === 0) return [];
  return q.query<AuthorRow>(
    `SELECT m.id::text AS id, m.author_handle AS handle, m.author_external_id AS "externalId"
       FROM mentions m
      WHERE m.unit_ids && $1::text[] AND NOT m.author_pseudonymised
        AND ($2::bigint[] IS NULL OR m.id = ANY($2::bigint[]))
        AND NOT EXISTS (SELECT 1 FROM mention_holds h WHERE h.mention_id = m.id)
      ORDER BY m.id LIMIT $3`,
    [[...units], ids === null ? null : [...ids], limit],
  );
}

/**
 * Replaces authors by pseudonyms. The raw payload (which names the author in platform-specific
 * fields) is replaced by a marker in the mention and its earlier versions.
 */
export async function applyPseudonyms(q: Queryable, rows: readonly { id: string; handle: string | null; externalId: string | null }[]): Promise<number> {
  if (rows.length === 0) return 0;
  const ids = rows.map((r) => r.id);
  const n = await q.execute(
    `UPDATE mentions m SET author_handle = u.handle, author_name = NULL, author_external_id = u.ext, author_pseudonymised = true,
            raw = '{"pseudonymised": true}'::jsonb
       FROM unnest($1::bigint[], $2::text[], $3::text[]) AS u(id, handle, ext)
      WHERE m.id = u.id AND NOT m.author_pseudonymised`,
    [ids, rows.map((r) => r.handle), rows.map((r) => r.externalId)],
  );
  await q.execute(`UPDATE mention_versions SET raw = '{"pseudonymised": true}'::jsonb WHERE mention_id = ANY($1::bigint[])`, [ids]);
  return n;
}

const SALT_KEY = 'monitoring.pseudonym_salt';

/** The instance's pseudonym salt, encrypted in settings; created once (first writer wins). */
export async function pseudonymSalt(q: Queryable, create: () => string): Promise<string> {
  await q.execute(`INSERT INTO settings (key, value) VALUES ($1, to_jsonb($2::text)) ON CONFLICT (key) DO NOTHING`, [SALT_KEY, create()]);
  const rows = await q.query<{ value: string }>('SELECT value #>> \'{}\' AS value FROM settings WHERE key = $1', [SALT_KEY]);
  return rows[0]!.value;
}
