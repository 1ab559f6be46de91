import type { Queryable } from '../../db/database.js';
import { addMembers, ensureClusters, findCandidates } from './cluster-repository.js';
import { bandPairsOf, bandsOf, decode, MIN_SHARED_BANDS, similarity, THRESHOLD, type Signature } from './minhash.js';

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
  // Each candidate is decoded once and compared at most once per item, however many bands it shares.
  // A leader that can reach the threshold shares at least two whole bands with the item, so leaders
  // are looked up by pairs of bands: far fewer candidates than by single bands, and the same answer.
  const lookupKeys = MIN_SHARED_BANDS >= 2 ? bandPairsOf : (b: number[]) => b;
  const byBand = new Map<number, Leader[]>();
  const leaders = new Map<string, Leader>(); // key -> leader (stored id, or null for one this batch creates)
  const index = (key: string, id: string | null, sig: Signature, lookup: number[]) => {
    const l: Leader = { key, id, sig, seen: -1 };
    leaders.set(key, l);
    for (const v of lookup) {
      const list = byBand.get(v);
      if (list) list.push(l);
      else byBand.set(v, [l]);
    }
  };
  for (const c of stored) {
    if (leaders.has(c.key)) continue;
    const sig = decode(c.key);
    index(c.key, c.id, sig, lookupKeys(bandsOf(sig)));
  }

  const leaderOf: (string | null)[] = [];
  const fresh: { key: string; bands: number[]; seenAt: string }[] = [];
  for (let n = 0; n < items.length; n++) {
    const it = items[n]!;
    if (!it.key) {
      leaderOf.push(null);
      continue;
    }
    if (leaders.has(it.key)) {
      leaderOf.push(it.key);
      continue;
    }
    const sig = decode(it.key);
    const b = bandsByKey.get(it.key)!;
    const lookup = lookupKeys(b);
    let best: Leader | null = null;
    let bestS = THRESHOLD;
    for (const v of lookup) {
      for (const l of byBand.get(v) ?? []) {
        if (l.seen === n) continue;
        l.seen = n;
        const s = similarity(sig, l.sig);
        if (s > bestS || (s === bestS && (best === null || l.key < best.key))) {
          best = l;
          bestS = s;
        }
      }
    }
    if (best !== null) leaderOf.push(best.key);
    else {
      index(it.key, null, sig, lookup);
      fresh.push({ key: it.key, bands: b, seenAt: it.seenAt });
      leaderOf.push(it.key);
    }
  }
  const created = await ensureClusters(q, fresh);
  return leaderOf.map((k) => (k === null ? null : (leaders.get(k)?.id ?? created.get(k) ?? null)));
}

interface Leader {
  key: string;
  id: string | null;
  sig: Signature;
  /** The last item compared with this leader. */
  seen: number;
}

export { addMembers };
