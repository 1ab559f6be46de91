import type { Queryable } from '../../db/database.js';
import { addMembers, ensureClusters, findCandidates } from './cluster-repository.js';
import { bandsOf, decode, similarity, THRESHOLD, type Signature } from './minhash.js';

/** Only clusters active within this many days take new members; an older rumour starts a new cluster. */
export const CLUSTER_WINDOW_DAYS = 7;

/**
 * Incremental near-duplicate clustering of one batch: each signature joins the most similar
 * cluster at or above THRESHOLD (clusters already stored, or ones this batch starts), else starts
 * its own cluster keyed by it. Returns the cluster id for each item (null where its key is null).
 */
export async function assignClusters(q: Queryable, items: { key: string | null; seenAt: string }[]): Promise<(string | null)[]> {
  const bandsByKey = new Map<string, number[]>();
  const allBands = new Set<number>();
  for (const it of items) {
    if (!it.key || bandsByKey.has(it.key)) continue;
    const b = bandsOf(decode(it.key));
    bandsByKey.set(it.key, b);
    for (const v of b) allBands.add(v);
  }
  const stored = await findCandidates(q, [...allBands], CLUSTER_WINDOW_DAYS);
  const byBand = new Map<number, string[]>();
  const sigOf = new Map<string, Signature>();
  const clusterOfKey = new Map<string, string | null>(); // leader key -> stored id, or null for one this batch creates
  const index = (key: string, id: string | null, b: number[]) => {
    clusterOfKey.set(key, id);
    sigOf.set(key, decode(key));
    for (const v of b) {
      const list = byBand.get(v);
      if (list) list.push(key);
      else byBand.set(v, [key]);
    }
  };
  for (const c of stored) index(c.key, c.id, bandsOf(decode(c.key)));

  const leaderOf: (string | null)[] = [];
  const fresh: { key: string; bands: number[]; seenAt: string }[] = [];
  for (const it of items) {
    if (!it.key) {
      leaderOf.push(null);
      continue;
    }
    if (clusterOfKey.has(it.key)) {
      leaderOf.push(it.key);
      continue;
    }
    const sig = decode(it.key);
    const b = bandsByKey.get(it.key)!;
    let best: string | null = null;
    let bestS = THRESHOLD;
    for (const v of b) {
      for (const k of byBand.get(v) ?? []) {
        const s = similarity(sig, sigOf.get(k)!);
        if (s > bestS || (s === bestS && (best === null || k < best))) {
          best = k;
          bestS = s;
        }
      }
    }
    if (best !== null) leaderOf.push(best);
    else {
      index(it.key, null, b);
      fresh.push({ key: it.key, bands: b, seenAt: it.seenAt });
      leaderOf.push(it.key);
    }
  }
  const created = await ensureClusters(q, fresh);
  return leaderOf.map((k) => (k === null ? null : (clusterOfKey.get(k) ?? created.get(k) ?? null)));
}

export { addMembers };
