import { NULL_VALUE, SEPARATOR } from '../../db/list-params.js';
import type { MentionRow } from './mention-repository.js';
import { searchWords } from './text-keys.js';

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
  (r) => list(r.watchUnitIds.length === 0 ? r.unitIds : [...r.unitIds, ...r.watchUnitIds].sort()),
  (r) => r.createdAt,
  (r) => r.receivedAt,
  (r) => r.searchKeys,
];

/**
 * A prepared batch in the form the INSERT takes: one string a column, its values separated by
 * U+001E (each followed by one, so that a column of one empty string is not an empty column),
 * NULL written as U+001D; the INSERT splits them with `string_to_array`. Built where the batch is
 * enriched (a worker thread), so what crosses to the writer's thread is a few long strings, not
 * thousands of row objects, and no value is escaped on either side: PostgreSQL's array input, which
 * reads quotes and backslashes, took twice the server's time of `string_to_array` for the same
 * columns (`chhavi bench ingest`, docs/ingestion.md).
 */
export interface ColumnBatch {
  /** The columns in `COLUMNS` order. */
  columns: string[];
  /** Each row's near-duplicate key and created time, for clustering. */
  clusterKeys: (string | null)[];
  createdAt: string[];
  /** The batch's search keys, each once (the search dictionary). */
  words: string[];
  /** Each row's watches matched when it was prepared, or null for none (recorded after the write). */
  matches: (RowMatches | null)[];
}

/** The watches a prepared row matched, and its units before theirs were added. */
export interface RowMatches {
  watchIds: string[];
  unitIds: string[];
}


/**
 * A column's values as one string. A value holding a separator would shift every value after it
 * into the wrong row, so it is refused (prepared rows are `storable`; this is the guard).
 */
export function joinColumn(values: readonly (string | null)[]): string {
  // One `join` makes the string at once: appending value by value made a rope of thousands of
  // pieces that was flattened again on its way to the writer's thread.
  const n = values.length;
  const parts = new Array<string>(n + 1);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === null || v === undefined) parts[i] = NULL_VALUE;
    else if (v.includes(SEPARATOR) || v.includes(NULL_VALUE)) throw new Error(`a value of the batch holds U+001D or U+001E: ${JSON.stringify(v.slice(0, 80))}`);
    else parts[i] = v;
  }
  parts[n] = '';
  return parts.join(SEPARATOR);
}

export function encodeRows(rows: readonly MentionRow[]): ColumnBatch {
  return {
    columns: COLUMNS.map((get) => joinColumn(rows.map(get))),
    clusterKeys: rows.map((r) => r.clusterKey),
    createdAt: rows.map((r) => r.createdAt),
    words: searchWords(rows.map((r) => r.searchKeys)),
    matches: rows.map((r) => (r.watchIds.length === 0 ? null : { watchIds: r.watchIds, unitIds: r.unitIds })),
  };
}

/** Batches encoded in parts (one per thread), joined in order. */
export function joinColumnBatches(parts: readonly ColumnBatch[]): ColumnBatch {
  if (parts.length === 1) return parts[0]!;
  return {
    columns: COLUMNS.map((_, c) => parts.map((p) => p.columns[c]!).join('')),
    clusterKeys: parts.flatMap((p) => p.clusterKeys),
    createdAt: parts.flatMap((p) => p.createdAt),
    words: [...new Set(parts.flatMap((p) => p.words))],
    matches: parts.flatMap((p) => p.matches),
  };
}
