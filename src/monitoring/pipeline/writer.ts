import type { Logger } from '../../log/logger.js';
import type { IncomingMention } from '../mentions/incoming.js';
import { writeBatch, type IngestContext, type IngestResult, type PreparedBatch } from '../mentions/ingest.js';
import type { BatchPreparer } from './enrich-pool.js';
import { backoffMs, isTransient } from './transient.js';

export class WriterStopped extends Error {
  override name = 'WriterStopped';
}

export interface WriterStats {
  batches: number;
  stored: number;
  duplicates: number;
  edited: number;
  /** Items dropped because they cannot be stored at all (logged with their key). */
  rejected: number;
  /** Writes retried after a transient database failure. */
  retries: number;
}

export interface BatchWriterHandle {
  write(items: IncomingMention[]): Promise<void>;
  stats: WriterStats;
  /** Makes writes that are waiting to retry give up (the stream then redelivers their batch). */
  stop(): void;
  /** Called after each committed batch (metrics, latency measurement). */
  onCommitted?: (items: IncomingMention[], result: IngestResult) => void;
}

/**
 * The pipeline's write step: enrichment (`prepare`, on worker threads in the pipeline), then the
 * batched idempotent write. A transient failure
 * (database down, restarting, deadlock) is retried with backoff for as long as it lasts, so an
 * outage holds the batch, and through the bounded stream the sources, instead of losing it. A
 * batch that fails for another reason is split to find the item at fault; that item is logged
 * and dropped, and the rest are written.
 */
export function createWriter(ctx: IngestContext & { logger: Logger }, prepare: BatchPreparer): BatchWriterHandle {
  let stopped = false;
  const stats: WriterStats = { batches: 0, stored: 0, duplicates: 0, edited: 0, rejected: 0, retries: 0 };
  const handle: BatchWriterHandle = {
    stats,
    stop: () => {
      stopped = true;
    },
    write: async (items) => {
      await writeSplitting(items);
    },
  };

  async function writeWithRetry(items: IncomingMention[]): Promise<IngestResult> {
    // Preparing reads the active watches from the database too: an outage then is waited out
    // like one during the write, not taken for a fault of the batch's items.
    let prepared: PreparedBatch | null = null;
    for (let attempt = 0; ; attempt++) {
      if (stopped) throw new WriterStopped('writer stopped');
      try {
        prepared ??= await prepare(items);
        return await writeBatch(ctx, prepared);
      } catch (err) {
        if (!isTransient(err)) throw err;
        stats.retries++;
        if (attempt === 0 || attempt % 10 === 0) ctx.logger.warn({ err, attempt, items: items.length }, 'ingestion: write failed for now; retrying');
        await new Promise((r) => setTimeout(r, backoffMs(attempt)));
      }
    }
  }

  async function writeSplitting(items: IncomingMention[]): Promise<void> {
    try {
      const result = await writeWithRetry(items);
      stats.batches++;
      stats.stored += result.stored;
      stats.duplicates += result.duplicates;
      stats.edited += result.edited;
      handle.onCommitted?.(items, result);
    } catch (err) {
      if (err instanceof WriterStopped) throw err;
      if (items.length === 1) {
        stats.rejected++;
        ctx.logger.error({ err, platform: items[0]!.platform, externalId: items[0]!.externalId }, 'ingestion: mention cannot be stored; dropped');
        return;
      }
      const mid = items.length >> 1;
      await writeSplitting(items.slice(0, mid));
      await writeSplitting(items.slice(mid));
    }
  }

  return handle;
}
