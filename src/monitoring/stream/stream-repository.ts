import type { Queryable } from '../../db/database.js';
import type { MentionFilter, MentionVersion, SourceHealthView } from './stream-types.js';
import { listSourceHealth } from '../sources/source-repository.js';

/**
 * SQL of the monitoring read side. `scope` is the actor's unit filter (`unitFilter`): null for
 * the whole force, else only mentions carrying one of these units (an empty array matches nothing).
 */

const SUMMARY = `m.id::text AS id, m.platform, m.external_id AS "externalId", m.url, m.author_handle AS "authorHandle",
  m.author_name AS "authorName", m.author_pseudonymised AS "authorPseudonymised", m.text, m.lang, m.labels,
  m.geo_district AS "geoDistrict", m.geo_station AS "geoStation", s.name_en AS "stationNameEn", s.name_hi AS "stationNameHi",
  m.unit_ids AS "unitIds", m.cluster_id::text AS "clusterId",
  c.size AS "clusterSize", m.version, m.deleted_at IS NOT NULL AS deleted, m.created_at AS "createdAt", m.ingested_at AS "ingestedAt"`;

/** What `SUMMARY` reads from: the mention, its cluster and its geotag's police station (for the station's names). */
const SUMMARY_FROM = 'mentions m LEFT JOIN clusters c ON c.id = m.cluster_id LEFT JOIN stations s ON s.id = m.geo_station';

export interface SummaryRow {
  id: string;
  platform: string;
  externalId: string;
  url: string | null;
  authorHandle: string | null;
  authorName: string | null;
  authorPseudonymised: boolean;
  text: string;
  lang: string | null;
  labels: string[];
  geoDistrict: string | null;
  geoStation: string | null;
  stationNameEn: string | null;
  stationNameHi: string | null;
  unitIds: string[];
  clusterId: string | null;
  clusterSize: number | null;
  version: number;
  deleted: boolean;
  createdAt: Date;
  ingestedAt: Date;
}

const scopeParam = (units: readonly string[] | null) => (units === null ? null : [...units]);

export interface SearchTerms {
  /** A tsquery over `mentions.search_keys` (see `searchQuery`). */
  query: string;
}

/** One page of mentions: newest first, or with `after` oldest first (what arrived since). */
export async function listMentions(q: Queryable, scope: readonly string[] | null, f: MentionFilter, search: SearchTerms | null, limit: number): Promise<SummaryRow[]> {
  const ascending = f.after !== undefined;
  return q.query<SummaryRow>(
    `SELECT ${SUMMARY}
       FROM ${SUMMARY_FROM}
      WHERE ($1::text[] IS NULL OR m.unit_ids && $1::text[])
        AND ($2::uuid IS NULL OR EXISTS (SELECT 1 FROM watch_matches wm WHERE wm.watch_id = $2::uuid AND wm.mention_id = m.id))
        AND ($3::text IS NULL OR m.unit_ids @> ARRAY[$3::text])
        AND ($4::text IS NULL OR m.lang = $4)
        AND ($5::text IS NULL OR m.labels @> ARRAY[$5::text])
        AND ($6::text IS NULL OR m.platform = $6)
        AND ($7::bigint IS NULL OR m.cluster_id = $7::bigint)
        AND ($8::bigint IS NULL OR m.id < $8::bigint)
        AND ($9::bigint IS NULL OR m.id > $9::bigint)
        AND ($10::tsquery IS NULL OR m.id IN (SELECT id FROM mentions WHERE search_keys @@ $10::tsquery))
      ORDER BY m.id ${ascending ? 'ASC' : 'DESC'}
      LIMIT $11`,
    [
      scopeParam(scope),
      f.watchId ?? null,
      f.unitId ?? null,
      f.lang ?? null,
      f.label ?? null,
      f.platform ?? null,
      f.clusterId ?? null,
      f.before ?? null,
      f.after ?? null,
      search ? search.query : null,
      limit,
    ],
  );
}

/** The newest mention id the caller may see (where a live stream starts). */
export async function latestMentionId(q: Queryable, scope: readonly string[] | null): Promise<string | null> {
  const rows = await q.query<{ id: string | null }>(
    'SELECT max(id)::text AS id FROM mentions m WHERE ($1::text[] IS NULL OR m.unit_ids && $1::text[])',
    [scopeParam(scope)],
  );
  return rows[0]?.id ?? null;
}

export interface DetailRow extends SummaryRow {
  authorExternalId: string | null;
  normalized: string;
  replyTo: string | null;
  quoteOf: string | null;
  shareOf: string | null;
  media: unknown;
  engagement: unknown;
  raw: unknown;
  scores: unknown;
  model: string | null;
  sourceId: string | null;
  receivedAt: Date;
  updatedAt: Date;
  expiresAt: Date | null;
  holds: string[];
  replyToId: string | null;
  quoteOfId: string | null;
  shareOfId: string | null;
}

/** The stored mention (its id) that a mention answers, quotes or shares, when the caller may see it. */
const related = (column: string, as: string) =>
  `(SELECT r.id::text FROM mentions r WHERE r.platform = m.platform AND r.external_id = m.${column}
     AND ($2::text[] IS NULL OR r.unit_ids && $2::text[])) AS "${as}"`;

export async function findMention(q: Queryable, id: string, scope: readonly string[] | null): Promise<DetailRow | null> {
  const rows = await q.query<DetailRow>(
    `SELECT ${SUMMARY}, m.author_external_id AS "authorExternalId", m.normalized, m.reply_to AS "replyTo", m.quote_of AS "quoteOf",
            m.share_of AS "shareOf", m.media, m.engagement, m.raw, m.scores, m.model, m.source_id::text AS "sourceId",
            m.received_at AS "receivedAt", m.updated_at AS "updatedAt", m.expires_at AS "expiresAt",
            coalesce((SELECT array_agg(h.reason ORDER BY h.reason) FROM mention_holds h WHERE h.mention_id = m.id), '{}') AS holds,
            ${related('reply_to', 'replyToId')}, ${related('quote_of', 'quoteOfId')}, ${related('share_of', 'shareOfId')}
       FROM ${SUMMARY_FROM}
      WHERE m.id = $1::bigint AND ($2::text[] IS NULL OR m.unit_ids && $2::text[])`,
    [id, scopeParam(scope)],
  );
  return rows[0] ?? null;
}

export async function mentionVersions(q: Queryable, id: string): Promise<MentionVersion[]> {
  const rows = await q.query<Omit<MentionVersion, 'seenAt' | 'supersededAt'> & { seenAt: Date; supersededAt: Date }>(
    `SELECT version, text, url, media, engagement, raw, deleted, seen_at AS "seenAt", superseded_at AS "supersededAt"
       FROM mention_versions WHERE mention_id = $1::bigint ORDER BY version`,
    [id],
  );
  return rows.map((r) => ({ ...r, seenAt: r.seenAt.toISOString(), supersededAt: r.supersededAt.toISOString() }));
}

export async function findCluster(q: Queryable, id: string): Promise<{ id: string; size: number; firstSeenAt: Date; lastSeenAt: Date; firstMentionId: string | null } | null> {
  const rows = await q.query<{ id: string; size: number; firstSeenAt: Date; lastSeenAt: Date; firstMentionId: string | null }>(
    `SELECT id::text AS id, size, first_seen_at AS "firstSeenAt", last_seen_at AS "lastSeenAt", first_mention_id::text AS "firstMentionId"
       FROM clusters WHERE id = $1::bigint`,
    [id],
  );
  return rows[0] ?? null;
}

/** The watches (visible to the caller) that matched a mention. */
export async function matchedWatches(q: Queryable, mentionId: string, scope: readonly string[] | null): Promise<{ id: string; name: string; matchedAt: Date }[]> {
  return q.query(
    `SELECT w.id, w.name, wm.matched_at AS "matchedAt"
       FROM watch_matches wm JOIN watches w ON w.id = wm.watch_id
      WHERE wm.mention_id = $1::bigint AND ($2::text[] IS NULL OR w.unit_ids && $2::text[])
      ORDER BY wm.matched_at`,
    [mentionId, scopeParam(scope)],
  );
}

/** Mentions created since `since`, newest first, one keyset page at a time (the test view scans these). */
export async function recentForMatching(
  q: Queryable,
  scope: readonly string[] | null,
  since: Date,
  before: string | null,
  limit: number,
): Promise<(SummaryRow & { authorHandleRaw: string | null })[]> {
  return q.query(
    `SELECT ${SUMMARY}, m.author_handle AS "authorHandleRaw"
       FROM ${SUMMARY_FROM}
      WHERE m.created_at >= $2 AND m.deleted_at IS NULL
        AND ($1::text[] IS NULL OR m.unit_ids && $1::text[])
        AND ($3::bigint IS NULL OR m.id < $3::bigint)
      ORDER BY m.id DESC LIMIT $4`,
    [scopeParam(scope), since, before, limit],
  );
}

/** The sources in scope with their health (`listSourceHealth`), times as ISO strings. */
export async function sourceHealth(q: Queryable, scope: readonly string[] | null): Promise<Omit<SourceHealthView, 'state'>[]> {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return (await listSourceHealth(q, scope)).map(({ cursor: _cursor, ...h }) => ({
    ...h,
    lastRunAt: iso(h.lastRunAt),
    lastSuccessAt: iso(h.lastSuccessAt),
    lastErrorAt: iso(h.lastErrorAt),
    retryAt: iso(h.retryAt),
    lastItemAt: iso(h.lastItemAt),
    lagSeconds: h.lagSeconds === null ? null : Number(h.lagSeconds),
    itemsTotal: Number(h.itemsTotal),
    consecutiveFailures: Number(h.consecutiveFailures),
  }));
}

export interface CountRow {
  key: string;
  /** What the key stands for, where it is an id (a watch's name). */
  label?: string;
  n: number;
}

/** Counts of mentions created since `since` in scope, grouped by one dimension (no mention content). */
export async function countBy(q: Queryable, scope: readonly string[] | null, since: Date, by: 'lang' | 'platform' | 'unit' | 'day' | 'watch'): Promise<CountRow[]> {
  const params = [scopeParam(scope), since];
  const where = `m.created_at >= $2 AND ($1::text[] IS NULL OR m.unit_ids && $1::text[])`;
  switch (by) {
    case 'lang':
      return q.query(`SELECT coalesce(m.lang, 'unknown') AS key, count(*)::int AS n FROM mentions m WHERE ${where} GROUP BY 1 ORDER BY n DESC, key`, params);
    case 'platform':
      return q.query(`SELECT m.platform AS key, count(*)::int AS n FROM mentions m WHERE ${where} GROUP BY 1 ORDER BY n DESC, key`, params);
    case 'day':
      return q.query(`SELECT to_char(date_trunc('day', m.created_at), 'YYYY-MM-DD') AS key, count(*)::int AS n FROM mentions m WHERE ${where} GROUP BY 1 ORDER BY key`, params);
    case 'unit':
      return q.query(
        `SELECT u.x AS key, count(*)::int AS n FROM mentions m, unnest(m.unit_ids) AS u(x)
          WHERE ${where} AND ($1::text[] IS NULL OR u.x = ANY($1::text[])) GROUP BY 1 ORDER BY n DESC, key`,
        params,
      );
    case 'watch':
      return q.query(
        `SELECT w.id::text AS key, w.name AS label, count(*)::int AS n FROM mentions m JOIN watch_matches wm ON wm.mention_id = m.id JOIN watches w ON w.id = wm.watch_id
          WHERE ${where} AND ($1::text[] IS NULL OR w.unit_ids && $1::text[]) GROUP BY w.id, w.name ORDER BY n DESC, key`,
        params,
      );
  }
}
