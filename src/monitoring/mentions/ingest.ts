import type { Database, Queryable } from '../../db/database.js';
import type { Logger } from '../../log/logger.js';
import { addMembers, assignClusters } from '../dedupe/assign-clusters.js';
import { defaultEnricher, type Enricher } from './enricher.js';
import type { IncomingMention } from './incoming.js';
import { findByKeys, insertNew, knownVersionHashes, supersede, updateEngagement, type MentionRow } from './mention-repository.js';
import { contentHash, prepareRow } from './prepare.js';

/** The step after a write, in the same transaction: watch matching and alert evaluation. */
export interface MentionMatcher {
  matchAndAlert(tx: Queryable | undefined, mentionIds: string[]): Promise<unknown>;
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

/** A batch of rows prepared outside the transaction (enrichment is CPU work; the write holds locks). */
export interface PreparedBatch {
  rows: MentionRow[];
}

const MAX_EDIT_ATTEMPTS = 5;

export function prepareBatch(items: readonly IncomingMention[], enrich: Enricher): PreparedBatch {
  const now = new Date().toISOString();
  return { rows: items.map((m) => prepareRow(m, enrich, now)) };
}

/**
 * Writes a prepared batch: near-duplicate clusters first, then in one transaction the new mentions
 * (ON CONFLICT DO NOTHING), versions for edits and deletions, refreshed engagement, then the
 * matcher. Idempotent: writing the same batch again stores nothing.
 */
export async function writeBatch(ctx: IngestContext, batch: PreparedBatch): Promise<IngestResult> {
  // Clusters before the transaction, each statement on its own (see assignClusters).
  const clusterIds = await assignClusters(ctx.db, batch.rows.map((r) => ({ key: r.clusterKey, seenAt: r.createdAt })));
  batch.rows.forEach((r, i) => (r.clusterId = clusterIds[i] ?? null));
  // An item that occurs twice in one batch is written in a second round, after the first.
  const rounds: MentionRow[][] = [];
  const seen = new Map<string, number>();
  for (const row of batch.rows) {
    const key = `${row.platform}\u0000${row.externalId}`;
    const round = seen.get(key) ?? 0;
    seen.set(key, round + 1);
    (rounds[round] ??= []).push(row);
  }
  return ctx.db.transaction(async (tx) => {
    const result: IngestResult = { stored: 0, duplicates: 0, edited: 0, ids: [] };
    for (const rows of rounds) await writeRound(tx, rows, result);
    if (result.ids.length && ctx.monitoring) await ctx.monitoring.matchAndAlert(tx, result.ids);
    return result;
  });
}

async function writeRound(tx: Queryable, rows: MentionRow[], result: IngestResult): Promise<void> {
  const inserted = await insertNew(tx, rows);
  const insertedKeys = new Map(inserted.map((m) => [`${m.platform}\u0000${m.external_id}`, m.id]));
  const members: { clusterId: string; mentionId: string; createdAt: string }[] = [];
  const existing: MentionRow[] = [];
  for (const r of rows) {
    const id = insertedKeys.get(`${r.platform}\u0000${r.externalId}`);
    if (id === undefined) existing.push(r);
    else {
      result.stored++;
      result.ids.push(id);
      if (r.clusterId) members.push({ clusterId: r.clusterId, mentionId: id, createdAt: r.createdAt });
    }
  }
  if (existing.length) await compareExisting(tx, existing, result);
  // Last, so the cluster rows stay locked for as short a time as possible.
  await addMembers(tx, members);
}

/** Items whose key was already stored: duplicates, engagement refreshes, or edits and deletions. */
async function compareExisting(tx: Queryable, rows: MentionRow[], result: IngestResult): Promise<void> {
  const states = await findByKeys(tx, rows);
  const byKey = new Map(states.map((s) => [`${s.platform}\u0000${s.external_id}`, s]));
  const changed: { row: MentionRow; id: string; version: number; deletedNotice: boolean; current: (typeof states)[number] }[] = [];
  const engagement: { id: string; engagement: string }[] = [];
  for (const row of rows) {
    const s = byKey.get(`${row.platform}\u0000${row.externalId}`);
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
      result.ids.push(c.id);
    } else result.duplicates++;
  }
}

/**
 * Enriches and writes a batch of incoming mentions (see `writeBatch`). The pipeline calls this for
 * every batch it takes from the stream; imports and tests may call it directly.
 */
export async function ingestBatch(ctx: IngestContext, items: readonly IncomingMention[], enrich: Enricher = defaultEnricher(ctx.logger)): Promise<IngestResult> {
  if (items.length === 0) return { stored: 0, duplicates: 0, edited: 0, ids: [] };
  return writeBatch(ctx, prepareBatch(items, enrich));
}
