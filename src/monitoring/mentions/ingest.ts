import type { Database, Queryable } from '../../db/database.js';
import type { Logger } from '../../log/logger.js';
import { addMembers, assignClusters, clustersSeen, type ClusterMember } from '../dedupe/assign-clusters.js';
import type { WatchIndex } from '../matching/watch-index.js';
import { rememberWords } from '../search/search-words.js';
import { defaultEnricher, type Enricher } from './enricher.js';
import type { IncomingMention } from './incoming.js';
import { copyNew, findByKeys, insertNew, knownVersionHashes, supersede, updateEngagement, type InsertedMention, type MentionRow } from './mention-repository.js';
import { encodeRows, formFor, joinColumn, type ColumnBatch, type RowMatches } from './insert-columns.js';
import { contentHash, prepareRow, storable } from './prepare.js';

/**
 * Watch matching and alert evaluation. A batch is matched while it is prepared (so that a new
 * mention is stored with its watches' units), and the matches are recorded after the write, in
 * its transaction.
 */
export interface MentionMatcher {
  /** The active watches, compiled, to prepare a batch with. */
  activeWatches(): Promise<WatchIndex>;
  /** In the write's transaction, after it: record the matches, match edited mentions again, evaluate alerts. */
  afterWrite(tx: Queryable, written: WrittenMentions): Promise<unknown>;
}

/** What a write stored, for the matcher. */
export interface WrittenMentions {
  /** Ids of the new mentions. */
  stored: string[];
  /** The new mentions that matched watches when they were prepared. */
  matched: (RowMatches & { mentionId: string })[];
  /** Ids of the stored mentions that this write gave a new version (edits, deletions). */
  edited: string[];
}

export interface IngestContext {
  db: Database;
  logger?: Logger;
  monitoring?: MentionMatcher;
}

export interface IngestResult {
  /** Mentions stored for the first time. */
  stored: number;
  /** Items already stored with the same content (engagement counts may have been refreshed). */
  duplicates: number;
  /** Items that changed a stored mention's content (an edit or a deletion): a new version. */
  edited: number;
  /** Ids of the mentions stored or edited, in no particular order. */
  ids: string[];
}

/**
 * A batch prepared outside the transaction (enrichment is CPU work; the write holds locks): the
 * INSERT's columns or COPY's lines (`formFor` its size), each item's key, and each item's full row
 * on demand (only items already stored need it, to be compared, and a batch that names an item twice).
 */
export interface PreparedBatch {
  /** (platform, external id) of each item, as stored (`rowKey`). */
  keys: string[];
  columns: ColumnBatch;
  row(i: number): MentionRow;
}

const MAX_EDIT_ATTEMPTS = 5;

/** The identity of a mention as the database keys it, as one string. */
export function rowKey(platform: string, externalId: string): string {
  return `${platform}\u0000${externalId}`;
}

/** The key of an incoming item as its row will have it (`prepareRow` makes the id `storable`). */
export function itemKey(m: IncomingMention): string {
  return rowKey(m.platform, storable(m.externalId));
}

export function prepareBatch(items: readonly IncomingMention[], enrich: Enricher, watches?: WatchIndex | null): PreparedBatch {
  const now = new Date().toISOString();
  const rows = items.map((m) => prepareRow(m, enrich, now, watches));
  return { keys: rows.map((r) => rowKey(r.platform, r.externalId)), columns: encodeRows(rows, formFor(rows.length), now), row: (i) => rows[i]! };
}

/**
 * Writes a prepared batch: near-duplicate clusters and new search words first, then in one
 * transaction the new mentions (by COPY for a large batch, `copyNew`, else INSERT … ON CONFLICT DO
 * NOTHING; one such write of the process at a time, `inTurn`), versions for edits and deletions,
 * refreshed engagement, then the matcher. Idempotent: writing the same batch again stores nothing.
 */
export async function writeBatch(ctx: IngestContext, batch: PreparedBatch): Promise<IngestResult> {
  const { columns } = batch;
  // Clusters and words before the transaction, each statement on its own (see assignClusters).
  const clusterIds = await assignClusters(ctx.db, columns.clusterKeys.map((key, i) => ({ key, seenAt: columns.createdAt[i]! })));
  await rememberWords(ctx.db, columns.words);
  const rounds = roundsOf(batch.keys);
  const startedAt = Date.now();
  const state: WriteState = { result: { stored: 0, duplicates: 0, edited: 0, ids: [] }, written: { stored: [], matched: [], edited: [] }, joined: new Set() };
  const result = await ctx.db.transaction(async (tx) => {
    const { written } = state;
    for (const r of rounds) {
      // The batch's columns or lines when the round is every item of it; a round of some (items
      // named again in the batch, and those before them) by the INSERT, from the rows.
      const form: RoundForm = r.length === batch.keys.length ? roundForm(columns) : { columns: encodeRows(r.map((i) => batch.row(i))).columns! };
      await writeRound(ctx.db, tx, batch, r, form, clusterIds, state);
    }
    state.result.ids = [...written.stored, ...written.edited];
    if (state.result.ids.length && ctx.monitoring) await ctx.monitoring.afterWrite(tx, written);
    return state.result;
  });
  // Committed: the clusters that took members were seen now (within the window for a week).
  clustersSeen(ctx.db, state.joined, startedAt);
  return result;
}

/** Each database's last INSERT or COPY of mentions in this process, settled or not (see `inTurn`). */
const turns = new WeakMap<Database, Promise<void>>();

/**
 * Runs `insert` when this process's INSERTs (or COPYs) of mentions into `db` before it have ended: one at a
 * time. The pipeline has several batches in flight, and their INSERTs, run side by side, fight
 * over the same index pages: replayed alone into the server, the same rows cost 48-57 µs of its
 * CPU a row with one writer, 67 with two and 76 with three (docs/ingestion.md). The rest of a
 * write (the cluster counters, the matches, the commit) touches other tables and runs beside the
 * next INSERT. One that fails does not stop the next.
 */
function inTurn<T>(db: Database, insert: () => Promise<T>): Promise<T> {
  const run = (turns.get(db) ?? Promise.resolve()).then(insert);
  turns.set(db, run.then(() => undefined, () => undefined));
  return run;
}

/** What a write gathers as it goes. */
interface WriteState {
  result: IngestResult;
  written: WrittenMentions;
  /** Clusters that took members. */
  joined: Set<string>;
}

/**
 * The items by round: an item whose key occurs earlier in the batch goes to a later round, written
 * after the one before (one round, of every item, when the keys are distinct).
 */
function roundsOf(keys: readonly string[]): number[][] {
  const rounds: number[][] = [];
  const seen = new Map<string, number>();
  for (let i = 0; i < keys.length; i++) {
    const round = seen.get(keys[i]!) ?? 0;
    seen.set(keys[i]!, round + 1);
    (rounds[round] ??= []).push(i);
  }
  return rounds;
}

/** A round's rows: the INSERT's columns, or COPY's lines. */
type RoundForm = { columns: readonly string[] } | { lines: readonly Uint8Array[] };

function roundForm(batch: ColumnBatch): RoundForm {
  return batch.lines ? { lines: batch.lines } : { columns: batch.columns! };
}

/** One round: the new rows of its items stored, then the items that were stored already, then cluster members. */
async function writeRound(db: Database, tx: Queryable, batch: PreparedBatch, items: number[], form: RoundForm, clusterIds: (string | null)[], state: WriteState): Promise<void> {
  const clusters = items.map((i) => clusterIds[i] ?? null);
  const ids = await inTurn(db, () => ('lines' in form ? copyNew(tx, form.lines, clusters) : insertedIds(tx, batch, items, form.columns, clusters)));
  const { existing, members } = sortInserted(batch, items, ids, clusterIds, state);
  if (existing.length) await compareExisting(tx, existing, state.written, state.result);
  // Last, so the cluster rows stay locked for as short a time as possible.
  await addMembers(tx, members);
}

/** The INSERT of a round's items (`columns`): each item's new id in order, undefined for one stored already. */
async function insertedIds(tx: Queryable, batch: PreparedBatch, items: readonly number[], columns: readonly string[], clusters: (string | null)[]): Promise<(string | undefined)[]> {
  return idsByItem(batch, items, await insertNew(tx, columns, joinColumn(clusters), items.length));
}

/** Each item's id among the rows an INSERT returned. Apart from `insertedIds`, which runs once a batch (see `assignClusters`). */
function idsByItem(batch: PreparedBatch, items: readonly number[], inserted: readonly InsertedMention[]): (string | undefined)[] {
  const byKey = new Map<string, string>();
  for (const m of inserted) byKey.set(rowKey(m.platform, m.external_id), m.id);
  return items.map((i) => byKey.get(batch.keys[i]!));
}

/**
 * The round's items after their write (`ids`, in order; undefined for an item stored before):
 * those stored now are counted (with their matches and cluster membership), the others returned
 * whole to be compared. Apart from `writeRound`, which runs once a batch (see `assignClusters`).
 */
function sortInserted(batch: PreparedBatch, items: readonly number[], ids: readonly (string | undefined)[], clusterIds: readonly (string | null)[], state: WriteState): { existing: MentionRow[]; members: ClusterMember[] } {
  const { written, result } = state;
  const members: ClusterMember[] = [];
  const existing: MentionRow[] = [];
  for (let k = 0; k < items.length; k++) {
    const i = items[k]!;
    const id = ids[k];
    if (id === undefined) {
      existing.push(batch.row(i));
      continue;
    }
    result.stored++;
    written.stored.push(id);
    const matches = batch.columns.matches[i];
    if (matches) written.matched.push({ mentionId: id, ...matches });
    const clusterId = clusterIds[i];
    if (clusterId) {
      members.push({ clusterId, mentionId: id, createdAt: batch.columns.createdAt[i]! });
      state.joined.add(clusterId);
    }
  }
  return { existing, members };
}

/** Items whose key was already stored: duplicates, engagement refreshes, or edits and deletions. */
async function compareExisting(tx: Queryable, rows: MentionRow[], written: WrittenMentions, result: IngestResult): Promise<void> {
  const states = await findByKeys(tx, rows);
  const byKey = new Map(states.map((s) => [rowKey(s.platform, s.external_id), s]));
  const changed: { row: MentionRow; id: string; version: number; deletedNotice: boolean; current: (typeof states)[number] }[] = [];
  const engagement: { id: string; engagement: string }[] = [];
  for (const row of rows) {
    const s = byKey.get(rowKey(row.platform, row.externalId));
    if (!s) throw new Error(`mention ${row.platform}/${row.externalId} conflicted on insert but is not stored`);
    if (s.content_hash === row.contentHash) {
      result.duplicates++;
      if (row.engagement !== '{}') engagement.push({ id: s.id, engagement: row.engagement });
      continue;
    }
    changed.push({ row, id: s.id, version: s.version, deletedNotice: row.deleted && row.text === '', current: s });
  }
  await updateEngagement(tx, engagement);
  if (!changed.length) return;
  const known = await knownVersionHashes(tx, changed.map((c) => ({ mentionId: c.id, hash: c.row.contentHash })));
  for (const c of changed) {
    if (known.has(`${c.id}:${c.row.contentHash}`)) {
      // An older version delivered again (out of order): nothing new.
      result.duplicates++;
      continue;
    }
    let row = c.row;
    if (c.deletedNotice) {
      // A deletion notice without content: the deleted version keeps the last text and media.
      if (c.current.deleted) {
        result.duplicates++;
        continue;
      }
      row = { ...row, text: c.current.text, media: JSON.stringify(c.current.media), contentHash: contentHash(c.current.text, c.current.media, true) };
    }
    let version = c.version;
    let done = false;
    for (let attempt = 0; attempt < MAX_EDIT_ATTEMPTS && !done; attempt++) {
      done = await supersede(tx, c.id, version, row, c.deletedNotice);
      if (!done) {
        const [fresh] = await findByKeys(tx, [row]);
        if (!fresh || fresh.content_hash === row.contentHash) break;
        version = fresh.version;
      }
    }
    if (done) {
      result.edited++;
      written.edited.push(c.id);
    } else result.duplicates++;
  }
}

/**
 * Enriches and writes a batch of incoming mentions (see `writeBatch`). The pipeline calls this for
 * every batch it takes from the stream; imports and tests may call it directly.
 */
export async function ingestBatch(ctx: IngestContext, items: readonly IncomingMention[], enrich: Enricher = defaultEnricher(ctx.logger)): Promise<IngestResult> {
  if (items.length === 0) return { stored: 0, duplicates: 0, edited: 0, ids: [] };
  return writeBatch(ctx, prepareBatch(items, enrich, await ctx.monitoring?.activeWatches()));
}
