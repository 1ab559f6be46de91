import { parentPort, workerData } from 'node:worker_threads';
import { defaultEnricher, languageOnlyEnricher, type Enricher } from '../mentions/enricher.js';
import type { IncomingMention } from '../mentions/incoming.js';
import { prepareRow } from '../mentions/prepare.js';
import type { MentionRow } from '../mentions/mention-repository.js';

/** A request from the pool: prepare these items as rows (enrichment, hashes, JSON). */
export interface EnrichRequest {
  id: number;
  enricher: 'default' | 'language';
  items: IncomingMention[];
  now: string;
}

export type EnrichResponse = { id: number; rows: MentionRow[] } | { id: number; error: { message: string; stack?: string | undefined } } | { ready: true };

// The thread's own enricher: the model is loaded once per thread.
const enrichers: Partial<Record<EnrichRequest['enricher'], Enricher>> = {};

function enricher(kind: EnrichRequest['enricher']): Enricher {
  return (enrichers[kind] ??= kind === 'language' ? languageOnlyEnricher : defaultEnricher());
}

// The model is loaded before the thread says it is ready, so no batch waits for the loading.
const start = (workerData as { enricher?: EnrichRequest['enricher'] } | null)?.enricher;
if (start) enricher(start);
parentPort?.postMessage({ ready: true } satisfies EnrichResponse);

parentPort?.on('message', (req: EnrichRequest) => {
  let res: EnrichResponse;
  try {
    const enrich = enricher(req.enricher);
    res = { id: req.id, rows: req.items.map((m) => prepareRow(m, enrich, req.now)) };
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    res = { id: req.id, error: { message: e.message, stack: e.stack } };
  }
  parentPort!.postMessage(res);
});
