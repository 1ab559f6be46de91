import type { Queryable } from '../../db/database.js';
import { SEPARATOR as TIME_SEPARATOR, splitParam } from '../../db/list-params.js';
import { MIN_SHARED_BANDS } from './minhash.js';

// Lists go to the database as one string each (`list-params.ts`). Times are the mentions' created
// times, which cannot hold the separator (the INSERT's columns refuse it, `joinColumn`); ids, band
// values and keys (hex) are joined by commas.

/**
 * Ids of the clusters that share MIN_SHARED_BANDS or more of these band values: one B-tree descent
 * per value (cluster_bands, 0023); only clusters with two or more of the values can reach the
 * threshold (see MIN_SHARED_BANDS). Whether they are still within the window is not asked here.
 */
export async function clustersSharingBands(q: Queryable, bandValues: number[]): Promise<string[]> {
  if (bandValues.length === 0) return [];
  // The values and the ids as one string each: the driver would quote and escape each number of
  // an array, and read thousands of one-column rows.
  const [row] = await q.query<{ ids: string | null }>(
    `SELECT string_agg(id::text, ',') AS ids FROM (
       SELECT cluster_id AS id FROM cluster_bands WHERE band = ANY(string_to_array($1, ',')::int[]) GROUP BY cluster_id HAVING count(*) >= ${MIN_SHARED_BANDS}
     ) s`,
    [bandValues.join(',')],
  );
  return row?.ids ? row.ids.split(',') : [];
}

/** Of these clusters, those seen within the window: key and last-seen time (ms). */
export async function clustersInWindow(q: Queryable, ids: readonly string[], windowDays: number): Promise<{ id: string; key: string; lastSeenAt: number }[]> {
  if (ids.length === 0) return [];
  return q.query<{ id: string; key: string; lastSeenAt: number }>(
    `SELECT id::text AS id, key, (extract(epoch FROM last_seen_at) * 1000)::float8 AS "lastSeenAt" FROM clusters
      WHERE id = ANY(string_to_array($1, ',')::bigint[]) AND last_seen_at > now() - make_interval(days => $2)`,
    [ids.join(','), windowDays],
  );
}

/** Creates clusters for new keys (a concurrent writer may have made one first) and returns every key's id. */
export async function ensureClusters(q: Queryable, rows: { key: string; bands: number[]; seenAt: string }[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (rows.length === 0) return out;
  // Sorted, so concurrent writers take the unique-index locks in one order.
  const sorted = [...rows].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const keys = sorted.map((r) => r.key);
  // The new clusters and their bands' lookup rows in one statement. A new cluster's id is new, so
  // its band rows cannot be there already: no ON CONFLICT (whose speculative insertion costs
  // every row an index probe and one more WAL record).
  const inserted = await q.query<{ id: string; key: string }>(
    `WITH ins AS (
       INSERT INTO clusters (key, bands, first_seen_at, last_seen_at)
       SELECT k, string_to_array(b, ',')::int[], t::timestamptz, t::timestamptz
         FROM unnest(string_to_array($1, ','), string_to_array($2, ';'), ${splitParam(3)}) AS u(k, b, t)
       ON CONFLICT (key) DO NOTHING
       RETURNING id, key, bands
     ), banded AS (
       INSERT INTO cluster_bands (band, cluster_id)
       SELECT DISTINCT b, ins.id FROM ins, unnest(ins.bands) AS b
     )
     SELECT id::text AS id, key FROM ins`,
    [keys.join(','), sorted.map((r) => r.bands.join(',')).join(';'), sorted.map((r) => r.seenAt).join(TIME_SEPARATOR)],
  );
  for (const r of inserted) out.set(r.key, r.id);
  const missing = keys.filter((k) => !out.has(k));
  if (missing.length) {
    const existing = await q.query<{ id: string; key: string }>('SELECT id::text AS id, key FROM clusters WHERE key = ANY($1::text[])', [missing]);
    for (const r of existing) out.set(r.key, r.id);
  }
  return out;
}

/** A new mention of a cluster. */
export interface ClusterMember {
  clusterId: string;
  mentionId: string;
  createdAt: string;
}

/** Adds newly stored members to their clusters' size and first/last seen, in id order (no deadlock between writers). */
export async function addMembers(q: Queryable, members: readonly ClusterMember[]): Promise<void> {
  if (members.length === 0) return;
  await q.execute(
    `UPDATE clusters c
        SET size = c.size + d.n,
            first_mention_id = CASE WHEN c.first_mention_id IS NULL OR d.first_at < c.first_seen_at THEN d.first ELSE c.first_mention_id END,
            first_seen_at = LEAST(c.first_seen_at, d.first_at),
            last_seen_at = GREATEST(c.last_seen_at, d.last_at, now())
       FROM (SELECT id::bigint, n::int, first::bigint, first_at::timestamptz, last_at::timestamptz
               FROM unnest(string_to_array($1, ','), string_to_array($2, ','), string_to_array($3, ','), ${splitParam(4)}, ${splitParam(5)})
                 AS u(id, n, first, first_at, last_at)) d
      WHERE c.id = d.id`,
    memberParams(members),
  );
}

/**
 * The members by cluster, in id order, as the UPDATE's five lists (id, count, first member, its
 * time, the last time). Apart from `addMembers`, which runs once a batch: see `assignClusters`.
 */
function memberParams(members: readonly ClusterMember[]): string[] {
  const agg = new Map<string, { n: number; first: string; firstAt: string; lastAt: string }>();
  for (const m of members) {
    const a = agg.get(m.clusterId);
    if (!a) agg.set(m.clusterId, { n: 1, first: m.mentionId, firstAt: m.createdAt, lastAt: m.createdAt });
    else {
      a.n++;
      if (m.createdAt < a.firstAt) {
        a.firstAt = m.createdAt;
        a.first = m.mentionId;
      }
      if (m.createdAt > a.lastAt) a.lastAt = m.createdAt;
    }
  }
  const ids = [...agg.keys()].sort((a, b) => Number(a) - Number(b));
  const n: number[] = [];
  const first: string[] = [];
  const firstAt: string[] = [];
  const lastAt: string[] = [];
  for (const id of ids) {
    const a = agg.get(id)!;
    n.push(a.n);
    first.push(a.first);
    firstAt.push(a.firstAt);
    lastAt.push(a.lastAt);
  }
  return [ids.join(','), n.join(','), first.join(','), firstAt.join(TIME_SEPARATOR), lastAt.join(TIME_SEPARATOR)];
}

/**
 * Deletes the band rows of clusters last seen before `before`, and returns how many went. A
 * cluster out of the window takes no new member, so nothing looks it up by band again; without
 * this, every cluster ever made would stay in `cluster_bands` and each lookup would read more of
 * them, to find them out of the window one by one. The cluster itself stays (mentions name it).
 */
export async function retireBands(q: Queryable, before: Date): Promise<number> {
  return q.execute('DELETE FROM cluster_bands b USING clusters c WHERE c.id = b.cluster_id AND c.last_seen_at < $1', [before]);
}
