import type { MentionRow } from './mention-repository.js';

const list = (a: string[]) => a.join('\u001f');

/**
 * The columns of a mention that its prepared row gives, in the order of `insertNew`'s parameters
 * ($1 to $28), each with how it reads a row (lists joined by U+001F, split again in the INSERT).
 * `cluster_id` is not here: the writer sets it after clustering ($29).
 */
const COLUMNS: ((r: MentionRow) => string | null)[] = [
  (r) => r.platform,
  (r) => r.externalId,
  (r) => r.sourceId,
  (r) => r.url,
  (r) => r.authorHandle,
  (r) => r.authorName,
  (r) => r.authorId,
  (r) => r.text,
  (r) => r.normalized,
  (r) => r.lang,
  (r) => r.replyTo,
  (r) => r.quoteOf,
  (r) => r.shareOf,
  (r) => r.media,
  (r) => r.engagement,
  (r) => r.raw,
  (r) => r.contentHash,
  (r) => (r.deleted ? 't' : 'f'),
  (r) => r.scores,
  (r) => list(r.labels),
  (r) => r.geoDistrict,
  (r) => r.geoStation,
  (r) => r.model,
  (r) => r.clusterKey,
  (r) => list(r.unitIds),
  (r) => r.createdAt,
  (r) => r.receivedAt,
  (r) => r.searchKeys,
];

/**
 * A prepared batch in the form the INSERT takes: one PostgreSQL array literal a column. Built where
 * the batch is enriched (a worker thread), so what crosses to the writer's thread is a few long
 * strings, not thousands of row objects: the writer's thread no longer copies, escapes and then
 * collects every field of every row (`chhavi bench ingest`, docs/ingestion.md).
 */
export interface ColumnBatch {
  /** Array literals in `COLUMNS` order. */
  literals: string[];
  /** Each row's near-duplicate key and created time, for clustering. */
  clusterKeys: (string | null)[];
  createdAt: string[];
  /** The batch's search keys, each once (the search dictionary). */
  words: string[];
}

const NEEDS_ESCAPE = /["\\]/;
const ESCAPE = /["\\]/g;

/** `{"a","b",NULL}`: every element quoted, `"` and `\` escaped, as PostgreSQL's array input reads them. */
export function arrayLiteral(values: readonly (string | null)[]): string {
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    parts[i] = v === null || v === undefined ? 'NULL' : NEEDS_ESCAPE.test(v) ? `"${v.replace(ESCAPE, '\\$&')}"` : `"${v}"`;
  }
  return `{${parts.join(',')}}`;
}

export function encodeRows(rows: readonly MentionRow[]): ColumnBatch {
  const words = new Set<string>();
  for (const r of rows) if (r.searchKeys !== '') for (const w of r.searchKeys.split(' ')) words.add(w);
  return {
    literals: COLUMNS.map((get) => arrayLiteral(rows.map(get))),
    clusterKeys: rows.map((r) => r.clusterKey),
    createdAt: rows.map((r) => r.createdAt),
    words: [...words],
  };
}

/** Batches encoded in parts (one per thread), joined in order. */
export function joinColumnBatches(parts: readonly ColumnBatch[]): ColumnBatch {
  if (parts.length === 1) return parts[0]!;
  const inner = (s: string) => s.slice(1, -1);
  return {
    literals: COLUMNS.map((_, c) => `{${parts.map((p) => inner(p.literals[c]!)).filter((s) => s !== '').join(',')}}`),
    clusterKeys: parts.flatMap((p) => p.clusterKeys),
    createdAt: parts.flatMap((p) => p.createdAt),
    words: [...new Set(parts.flatMap((p) => p.words))],
  };
}
