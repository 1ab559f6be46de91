import type { Queryable } from '../../db/database.js';
import { splitParam } from '../../db/list-params.js';
import { COPY_COLUMNS, copyData } from './insert-columns.js';

/** One mention ready to store: incoming fields plus enrichment, in column form. */
export interface MentionRow {
  platform: string;
  externalId: string;
  sourceId: string | null;
  url: string | null;
  authorHandle: string | null;
  authorName: string | null;
  authorId: string | null;
  text: string;
  normalized: string;
  lang: string | null;
  replyTo: string | null;
  quoteOf: string | null;
  shareOf: string | null;
  media: string; // JSON
  engagement: string; // JSON
  raw: string; // JSON
  contentHash: string;
  deleted: boolean;
  scores: string | null; // JSON
  labels: string[];
  geoDistrict: string | null;
  geoStation: string | null;
  model: string | null;
  clusterKey: string | null;
  /** Search keys, space-separated (a tsvector literal; see `textKeys`). */
  searchKeys: string;
  /** Units of the item and of its place (the geotag's district). */
  unitIds: string[];
  /** Watches the mention matched when it was prepared, and the units they add beyond `unitIds`. */
  watchIds: string[];
  watchUnitIds: string[];
  createdAt: string;
  receivedAt: string;
}

export interface InsertedMention {
  id: string;
  platform: string;
  external_id: string;
}

const split = (n: number) => splitParam(n, true);

/**
 * Inserts the rows whose (platform, external id) is new and returns them; rows already stored are
 * left alone (ON CONFLICT DO NOTHING) for the caller to compare. `columns` are the batch's columns
 * (`encodeRows`), `clusterIds` each row's cluster as one more (`joinColumn`), `count` the rows:
 * each column ends with a separator, so it splits into one value more, which LIMIT leaves out
 * before anything reads it. Keys must be distinct in one call.
 */
export async function insertNew(q: Queryable, columns: readonly string[], clusterIds: string, count: number): Promise<InsertedMention[]> {
  return q.query<InsertedMention>(
    `INSERT INTO mentions (platform, external_id, source_id, url, author_handle, author_name, author_external_id, text,
                           normalized, lang, reply_to, quote_of, share_of, media, engagement, raw, content_hash, deleted_at,
                           scores, labels, geo_district, geo_station, model, cluster_key, unit_ids, created_at, received_at,
                           search_keys, cluster_id)
     SELECT platform, external_id, source_id::uuid, url, author_handle, author_name, author_id, text,
            normalized, lang, reply_to, quote_of, share_of, media::jsonb, engagement::jsonb, raw::jsonb, content_hash,
            CASE WHEN deleted = 't' THEN now() END,
            scores::jsonb, string_to_array(labels, E'\\x1f'), geo_district, geo_station, model, cluster_key,
            string_to_array(unit_ids, E'\\x1f'), created_at::timestamptz, received_at::timestamptz, search_keys::tsvector,
            cluster_id::bigint
       FROM unnest(${Array.from({ length: 29 }, (_, i) => split(i + 1)).join(', ')})
         AS u(platform, external_id, source_id, url, author_handle, author_name, author_id, text,
              normalized, lang, reply_to, quote_of, share_of, media, engagement, raw, content_hash,
              deleted, scores, labels, geo_district, geo_station, model, cluster_key, unit_ids, created_at, received_at,
              search_keys, cluster_id)
      LIMIT $30
     ON CONFLICT (platform, external_id) DO NOTHING
     RETURNING id::text AS id, platform, external_id`,
    [...columns, clusterIds, count],
  );
}

/** Ids for `n` new mentions from the id column's sequence, in order. */
async function newMentionIds(q: Queryable, n: number): Promise<string[]> {
  const [row] = await q.query<{ ids: string }>(
    `SELECT string_agg(nextval(s.seq)::text, ',') AS ids
       FROM generate_series(1, $1), (SELECT pg_get_serial_sequence('mentions', 'id')::regclass AS seq) s`,
    [n],
  );
  return row!.ids.split(',');
}

function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === '23505';
}

/**
 * Stores the rows of `lines` (`encodeRows` in the `lines` form; keys distinct; `clusterIds` by
 * row) that are new, by COPY, and returns each one's id in order (undefined for a row already stored, left alone for the
 * caller to compare). The rows get their ids from the sequence first, as COPY returns none. A COPY
 * that meets a stored key fails whole: it is undone to a savepoint and the rows go through a
 * staging table and `INSERT … ON CONFLICT DO NOTHING` instead, without being encoded again. Runs
 * in the caller's transaction.
 */
export async function copyNew(q: Queryable, lines: readonly Uint8Array[], clusterIds: readonly (string | null)[]): Promise<(string | undefined)[]> {
  const ids = await newMentionIds(q, clusterIds.length);
  const data = copyData(lines, ids, clusterIds);
  await q.execute('SAVEPOINT mentions_copy');
  try {
    await q.copyIn('mentions', COPY_COLUMNS, data);
    await q.execute('RELEASE SAVEPOINT mentions_copy');
    return ids;
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    await q.execute('ROLLBACK TO SAVEPOINT mentions_copy');
  }
  const columns = COPY_COLUMNS.join(', ');
  await q.execute('CREATE TEMP TABLE mentions_in (LIKE mentions INCLUDING DEFAULTS) ON COMMIT DROP');
  await q.copyIn('mentions_in', COPY_COLUMNS, data);
  const stored = await q.query<{ id: string }>(
    `INSERT INTO mentions (${columns}) OVERRIDING SYSTEM VALUE SELECT ${columns} FROM mentions_in
     ON CONFLICT (platform, external_id) DO NOTHING RETURNING id::text AS id`,
  );
  await q.execute('DROP TABLE mentions_in');
  const fresh = new Set(stored.map((r) => r.id));
  return ids.map((id) => (fresh.has(id) ? id : undefined));
}

export interface StoredState {
  id: string;
  platform: string;
  external_id: string;
  content_hash: string;
  version: number;
  text: string;
  media: unknown;
  engagement: unknown;
  deleted: boolean;
}

/** The stored state of mentions by key. */
export async function findByKeys(q: Queryable, keys: { platform: string; externalId: string }[]): Promise<StoredState[]> {
  if (keys.length === 0) return [];
  return q.query<StoredState>(
    `SELECT m.id::text AS id, m.platform, m.external_id, m.content_hash, m.version, m.text, m.media, m.engagement, m.deleted_at IS NOT NULL AS deleted
       FROM mentions m JOIN unnest($1::text[], $2::text[]) AS k(p, e) ON m.platform = k.p AND m.external_id = k.e`,
    [keys.map((k) => k.platform), keys.map((k) => k.externalId)],
  );
}

/** Which (mention, hash) pairs an earlier version already had: a redelivered old version is no edit. */
export async function knownVersionHashes(q: Queryable, pairs: { mentionId: string; hash: string }[]): Promise<Set<string>> {
  if (pairs.length === 0) return new Set();
  const rows = await q.query<{ mention_id: string; content_hash: string }>(
    `SELECT v.mention_id::text AS mention_id, v.content_hash FROM mention_versions v
       JOIN unnest($1::bigint[], $2::text[]) AS p(m, h) ON v.mention_id = p.m AND v.content_hash = p.h`,
    [pairs.map((p) => p.mentionId), pairs.map((p) => p.hash)],
  );
  return new Set(rows.map((r) => `${r.mention_id}:${r.content_hash}`));
}

/** Updates engagement counts that changed (counts are not content: no new version). */
export async function updateEngagement(q: Queryable, rows: { id: string; engagement: string }[]): Promise<void> {
  if (rows.length === 0) return;
  await q.execute(
    `UPDATE mentions m SET engagement = u.e::jsonb
       FROM unnest($1::bigint[], $2::text[]) AS u(id, e)
      WHERE m.id = u.id AND m.engagement IS DISTINCT FROM u.e::jsonb`,
    [rows.map((r) => r.id), rows.map((r) => r.engagement)],
  );
}

/**
 * Records an edit or deletion: the current row becomes version n in mention_versions and the row
 * takes the new content as version n + 1. Returns false when another writer changed the row first.
 */
export async function supersede(q: Queryable, id: string, expectedVersion: number, row: MentionRow, keepEnrichment = false): Promise<boolean> {
  await q.execute(
    `INSERT INTO mention_versions (mention_id, version, text, url, media, engagement, raw, content_hash, deleted, seen_at)
     SELECT id, version, text, url, media, engagement, raw, content_hash, deleted_at IS NOT NULL, updated_at
       FROM mentions WHERE id = $1 AND version = $2
     ON CONFLICT (mention_id, version) DO NOTHING`,
    [id, expectedVersion],
  );
  const n = await q.execute(
    `UPDATE mentions SET text = $3, url = coalesce($5, url), media = $6::jsonb, engagement = $7::jsonb, raw = $8::jsonb,
            content_hash = $9, version = version + 1, updated_at = now(),
            deleted_at = CASE WHEN $10::boolean THEN coalesce(deleted_at, now()) END,
            normalized = CASE WHEN $16::boolean THEN normalized ELSE $4 END,
            lang = CASE WHEN $16::boolean THEN lang ELSE $11 END,
            scores = CASE WHEN $16::boolean THEN scores ELSE $12::jsonb END,
            labels = CASE WHEN $16::boolean THEN labels ELSE $13::text[] END,
            cluster_key = CASE WHEN $16::boolean THEN cluster_key ELSE $14 END,
            model = CASE WHEN $16::boolean THEN model ELSE $15 END,
            search_keys = CASE WHEN $16::boolean THEN search_keys ELSE $17::tsvector END
      WHERE id = $1 AND version = $2`,
    [id, expectedVersion, row.text, row.normalized, row.url, row.media, row.engagement, row.raw, row.contentHash, row.deleted, row.lang, row.scores, row.labels, row.clusterKey, row.model, keepEnrichment, row.searchKeys],
  );
  return n === 1;
}
