import { NULL_VALUE, SEPARATOR } from '../../db/list-params.js';
import type { MentionRow } from './mention-repository.js';
import { searchWords } from './text-keys.js';

/** A column's value as a row gives it: text, NULL, a list (text[]) or a flag (`deleted` → `deleted_at`). */
type Value = string | null | readonly string[] | boolean;

/**
 * The columns of a mention that its prepared row gives, in the order of `insertNew`'s parameters
 * ($1 to $28) and of a COPY line, each with its name in `mentions` and how it reads a row.
 * `cluster_id` and `id` are not here: the writer sets them after clustering.
 */
const COLUMNS: readonly (readonly [column: string, get: (r: MentionRow) => Value])[] = [
  ['platform', (r) => r.platform],
  ['external_id', (r) => r.externalId],
  ['source_id', (r) => r.sourceId],
  ['url', (r) => r.url],
  ['author_handle', (r) => r.authorHandle],
  ['author_name', (r) => r.authorName],
  ['author_external_id', (r) => r.authorId],
  ['text', (r) => r.text],
  ['normalized', (r) => r.normalized],
  ['lang', (r) => r.lang],
  ['reply_to', (r) => r.replyTo],
  ['quote_of', (r) => r.quoteOf],
  ['share_of', (r) => r.shareOf],
  ['media', (r) => r.media],
  ['engagement', (r) => r.engagement],
  ['raw', (r) => r.raw],
  ['content_hash', (r) => r.contentHash],
  ['deleted_at', (r) => r.deleted],
  ['scores', (r) => r.scores],
  ['labels', (r) => r.labels],
  ['geo_district', (r) => r.geoDistrict],
  ['geo_station', (r) => r.geoStation],
  ['model', (r) => r.model],
  ['cluster_key', (r) => r.clusterKey],
  ['unit_ids', (r) => (r.watchUnitIds.length === 0 ? r.unitIds : [...r.unitIds, ...r.watchUnitIds].sort())],
  ['created_at', (r) => r.createdAt],
  ['received_at', (r) => r.receivedAt],
  ['search_keys', (r) => r.searchKeys],
];

/** The columns a COPY line holds, in order: the row's, then those the writer appends (`copyData`). */
export const COPY_COLUMNS: readonly string[] = [...COLUMNS.map(([column]) => column), 'id', 'cluster_id'];

/** A value as the INSERT takes it: lists joined by U+001F (split again there), a flag as t or f. */
function insertValue(v: Value): string | null {
  if (typeof v === 'string' || v === null) return v;
  if (typeof v === 'boolean') return v ? 't' : 'f';
  return v.join('\u001f');
}

const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** Text as a value of COPY's text format: backslash, tab, newline and carriage return escaped. */
export function copyText(v: string): string {
  return /[\\\t\n\r]/.test(v) ? v.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]!) : v;
}

/** A value as a COPY line holds it: NULL as \N, a list as an array literal, `deleted` as the time it was seen (`now`). */
function copyValue(v: Value, now: string): string {
  if (v === null) return '\\N';
  if (typeof v === 'string') return copyText(v);
  if (typeof v === 'boolean') return v ? now : '\\N';
  return copyText(`{${v.map((x) => `"${x.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`);
}

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
  /** The columns in `COLUMNS` order, for the INSERT; null when the batch comes as `lines`. */
  columns: string[] | null;
  /**
   * For COPY (`copyData`): the rows as lines of COPY's text format in UTF-8, the `COLUMNS` in
   * order, each ending with a newline (the only one in it: COPY escapes those in values), in
   * chunks of about 256 KB; null when the batch comes as `columns`. Bytes, not strings: they are
   * handed to the writer's thread without a copy (`transferables`) and to the database as they
   * are, and no collection of either thread moves them (2,000 strings a batch cost the writer's
   * thread 8 µs a mention more than this; strings of 32,000 characters, about 10 in V8's helpers).
   */
  lines: Uint8Array[] | null;
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

/** How a batch goes to the database: `columns` for the INSERT, `lines` for COPY. */
export type RowForm = 'columns' | 'lines';

/** Batches of at least this many items are written by COPY (`copyNew`), smaller ones by the INSERT. */
export const COPY_AT = 500;

/** The form for a batch of `n` items. */
export function formFor(n: number): RowForm {
  return n >= COPY_AT ? 'lines' : 'columns';
}

/** Rows in the given form; `now` is the time a deleted row is stored as deleted (the INSERT takes the database's). */
export function encodeRows(rows: readonly MentionRow[], form: RowForm = 'columns', now = new Date().toISOString()): ColumnBatch {
  return {
    columns: form === 'columns' ? COLUMNS.map(([, get]) => joinColumn(rows.map((r) => insertValue(get(r))))) : null,
    lines: form === 'lines' ? copyLines(rows, now) : null,
    clusterKeys: rows.map((r) => r.clusterKey),
    createdAt: rows.map((r) => r.createdAt),
    words: searchWords(rows.map((r) => r.searchKeys)),
    matches: rows.map((r) => (r.watchIds.length === 0 ? null : { watchIds: r.watchIds, unitIds: r.unitIds })),
  };
}

/** Bytes of a chunk of COPY lines (a line longer than this gets a chunk of its own). */
const CHUNK_BYTES = 256 * 1024;
const NEWLINE = 0x0a;
const utf8 = new TextEncoder();

function copyLines(rows: readonly MentionRow[], now: string): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  let chunk = new Uint8Array(CHUNK_BYTES);
  let at = 0;
  for (const r of rows) {
    const line = `${COLUMNS.map(([, get]) => copyValue(get(r), now)).join('\t')}\n`;
    // At most 3 bytes of UTF-8 a UTF-16 unit.
    if (at + line.length * 3 > chunk.length) {
      if (at > 0) chunks.push(chunk.subarray(0, at));
      chunk = new Uint8Array(Math.max(CHUNK_BYTES, line.length * 3));
      at = 0;
    }
    at += utf8.encodeInto(line, chunk.subarray(at)).written;
  }
  if (at > 0) chunks.push(chunk.subarray(0, at));
  return chunks;
}

/** The buffers of a batch's COPY lines, to be moved rather than copied to another thread. */
export function transferables(batch: ColumnBatch): ArrayBuffer[] {
  return (batch.lines ?? []).map((c) => c.buffer as ArrayBuffer);
}

/**
 * The data of a COPY of `lines` (`COPY_COLUMNS`): each line with its mention id and cluster
 * appended, chunk by chunk. Refuses lines that are not one a row.
 */
export function copyData(lines: readonly Uint8Array[], ids: readonly string[], clusterIds: readonly (string | null)[]): Uint8Array[] {
  let k = 0;
  const out = lines.map((chunk) => {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let rows = 0;
    for (let nl = bytes.indexOf(NEWLINE); nl !== -1; nl = bytes.indexOf(NEWLINE, nl + 1)) rows++;
    if (k + rows > ids.length) throw new Error(`copyData: more lines than the ${ids.length} rows`);
    // An id and a cluster are at most 20 digits each.
    const to = Buffer.allocUnsafe(bytes.length + rows * 44);
    let from = 0;
    let at = 0;
    for (let nl = bytes.indexOf(NEWLINE); nl !== -1; nl = bytes.indexOf(NEWLINE, from)) {
      at += bytes.copy(to, at, from, nl);
      at += to.write(`\t${ids[k]}\t${clusterIds[k] ?? '\\N'}\n`, at, 'latin1');
      k++;
      from = nl + 1;
    }
    return to.subarray(0, at);
  });
  if (k !== ids.length) throw new Error(`copyData: ${k} lines for ${ids.length} rows`);
  return out;
}

/** Batches encoded in parts (one per thread), joined in order. */
export function joinColumnBatches(parts: readonly ColumnBatch[]): ColumnBatch {
  if (parts.length === 1) return parts[0]!;
  const columns = parts.every((p) => p.columns !== null) ? parts.map((p) => p.columns!) : null;
  const lines = parts.every((p) => p.lines !== null) ? parts.map((p) => p.lines!) : null;
  if (!columns && !lines) throw new Error('joinColumnBatches: parts of different forms');
  return {
    columns: columns && COLUMNS.map((_, c) => columns.map((p) => p[c]!).join('')),
    lines: lines && lines.flat(),
    clusterKeys: parts.flatMap((p) => p.clusterKeys),
    createdAt: parts.flatMap((p) => p.createdAt),
    words: [...new Set(parts.flatMap((p) => p.words))],
    matches: parts.flatMap((p) => p.matches),
  };
}
