import type { Queryable } from '../../db/database.js';

/**
 * Sets each mention's expiry: its first storing plus the longest retention of the watches that
 * matched it (ended watches count: their retention was promised when they ran), or the default
 * for mentions no watch matched. Looks only at mentions without an expiry and at matched ones (a
 * watch's retention may have changed); writes only rows whose expiry changes.
 */
export async function setExpiries(q: Queryable, defaultDays: number): Promise<number> {
  return q.execute(
    `UPDATE mentions m SET expires_at = x.expires
       FROM (SELECT m2.id, m2.ingested_at + make_interval(days => coalesce(
                      (SELECT max(w.retention_days) FROM watch_matches wm JOIN watches w ON w.id = wm.watch_id WHERE wm.mention_id = m2.id),
                      $1::int)) AS expires
               FROM mentions m2
              WHERE m2.expires_at IS NULL OR EXISTS (SELECT 1 FROM watch_matches wm WHERE wm.mention_id = m2.id)) x
      WHERE m.id = x.id AND m.expires_at IS DISTINCT FROM x.expires`,
    [defaultDays],
  );
}

/**
 * Deletes up to `limit` mentions past their expiry that no hold keeps (versions and matches go
 * with them), and keeps the clusters' sizes and first mentions true. Returns the deleted ids' count.
 */
export async function deleteExpired(q: Queryable, now: Date, limit: number): Promise<number> {
  const rows = await q.query<{ n: number }>(
    `WITH gone AS (
       DELETE FROM mentions m
        WHERE m.id IN (SELECT id FROM mentions
                        WHERE expires_at IS NOT NULL AND expires_at <= $1
                          AND NOT EXISTS (SELECT 1 FROM mention_holds h WHERE h.mention_id = mentions.id)
                        ORDER BY expires_at LIMIT $2)
       RETURNING m.id, m.cluster_id
     ), unmatched AS (
       -- Matches are not foreign keys (0028): they go with their mention here.
       DELETE FROM watch_matches wm USING gone g WHERE wm.mention_id = g.id
     ), shrink AS (
       -- A cluster's first mention is one of its members: it is cleared here when it goes (0026).
       UPDATE clusters c SET size = greatest(c.size - g.n, 0),
              first_mention_id = CASE WHEN c.first_mention_id = ANY (g.ids) THEN NULL ELSE c.first_mention_id END
         FROM (SELECT cluster_id, count(*)::int AS n, array_agg(id) AS ids FROM gone WHERE cluster_id IS NOT NULL GROUP BY cluster_id) g
        WHERE c.id = g.cluster_id
     )
     SELECT count(*)::int AS n FROM gone`,
    [now, limit],
  );
  return rows[0]?.n ?? 0;
}
