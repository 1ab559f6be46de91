import { parentPort, workerData } from 'node:worker_threads';
import { WatchIndex, type WatchSource } from '../matching/watch-index.js';
import { enricherOfKind, remembering, type Enricher, type EnricherKind } from '../mentions/enricher.js';
import type { IncomingMention } from '../mentions/incoming.js';
import { encodeRows, transferables, type ColumnBatch, type RowForm } from '../mentions/insert-columns.js';
import { prepareRow } from '../mentions/prepare.js';

/** A request from the pool: prepare these items for the INSERT (enrichment, hashes, JSON, watches, columns). */
export interface EnrichRequest {
  id: number;
  enricher: EnricherKind;
  items: IncomingMention[];
  now: string;
  /** The form of the whole batch (`formFor`), of which `items` may be a part. */
  form: RowForm;
  /**
   * The watches to match against (null: none), by the pool's index stamp; their sources come
   * only when the thread has not been sent that index yet.
   */
  watches?: { stamp: number; sources: WatchSource[] | null } | null;
}

export type EnrichResponse = { id: number; columns: ColumnBatch } | { id: number; error: { message: string; stack?: string | undefined } } | { ready: true };

// The thread's own enricher: the model is loaded once per thread; texts met lately are not enriched again.
const enrichers: Partial<Record<EnricherKind, Enricher>> = {};

function enricher(kind: EnricherKind): Enricher {
  return (enrichers[kind] ??= remembering(enricherOfKind(kind)));
}

// The model is loaded before the thread says it is ready, so no batch waits for the loading.
const start = (workerData as { enricher?: EnricherKind } | null)?.enricher;
if (start) enricher(start);
parentPort?.postMessage({ ready: true } satisfies EnrichResponse);

// The watches last sent, compiled here.
let watchIndex: { stamp: number; index: WatchIndex } | null = null;

function watchesOf(req: EnrichRequest): WatchIndex | null {
  const w = req.watches;
  if (!w) return null;
  if (watchIndex?.stamp !== w.stamp) {
    if (!w.sources) throw new Error(`enrichment thread: watches ${w.stamp} were not sent`);
    watchIndex = { stamp: w.stamp, index: WatchIndex.build(w.sources) };
  }
  return watchIndex.index;
}

parentPort?.on('message', (req: EnrichRequest) => {
  let res: EnrichResponse;
  try {
    const enrich = enricher(req.enricher);
    const watches = watchesOf(req);
    res = { id: req.id, columns: encodeRows(req.items.map((m) => prepareRow(m, enrich, req.now, watches)), req.form, req.now) };
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    res = { id: req.id, error: { message: e.message, stack: e.stack } };
  }
  parentPort!.postMessage(res, 'columns' in res ? transferables(res.columns) : []);
});
