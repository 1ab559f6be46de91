import type { Queryable } from '../../db/database.js';
import { addMembers, ensureClusters, findCandidates } from './cluster-repository.js';
import { bandsOf, decode, MIN_SHARED_BANDS, similarity, THRESHOLD, type Signature } from './minhash.js';

/** Only clusters active within this many days take new members; an older rumour starts a new cluster. */
export const CLUSTER_WINDOW_DAYS = 7;

interface Decoded {
  sig: Signature;
  bands: number[];
}

/**
 * Signatures and bands of keys seen lately. The same stored clusters come back as candidates
 * batch after batch, and a key's signature never changes, so each is decoded once while it is in use.
 */
const DECODED_MAX = 50_000;
const decoded = new Map<string, Decoded>();

function decodeKey(key: string): Decoded {
  let d = decoded.get(key);
  if (d !== undefined) return d;
  const sig = decode(key);
  d = { sig, bands: bandsOf(sig) };
  if (decoded.size >= DECODED_MAX) decoded.delete(decoded.keys().next().value!);
  decoded.set(key, d);
  return d;
}

/**
 * Incremental near-duplicate clustering of one batch: each signature joins the most similar
 * cluster at or above THRESHOLD (clusters already stored, or ones this batch starts), else starts
 * its own cluster keyed by it. Returns the cluster id for each item (null where its key is null).
 *
 * Each statement stands alone (the caller passes the database, not its write transaction): a new
 * cluster's key holds its unique-index lock only while it is inserted, so a concurrent batch with
 * the same new key does not wait for this batch's whole write. A cluster made for a batch whose
 * write then fails keeps size 0 until a mention joins it; writing the batch again finds it.
 */
export async function assignClusters(q: Queryable, items: { key: string | null; seenAt: string }[]): Promise<(string | null)[]> {
  const allBands = new Set<number>();
  for (const it of items) if (it.key) for (const band of decodeKey(it.key).bands) allBands.add(band);
  const stored = await findCandidates(q, [...allBands], CLUSTER_WINDOW_DAYS);
  // A leader that can reach the threshold shares at least MIN_SHARED_BANDS whole bands with the
  // item (see minhash.ts): leaders are listed under each of their bands, and an item compares only
  // the leaders it meets under that many of its own bands, each once.
  const byBand = new Map<number, Leader[]>();
  const leaders = new Map<string, Leader>(); // key -> leader (stored id, or null for one this batch creates)
  const index = (key: string, id: string | null, d: Decoded) => {
    const l: Leader = { key, id, sig: d.sig, seen: -1, hits: 0 };
    leaders.set(key, l);
    for (const v of d.bands) {
      const list = byBand.get(v);
      if (list) list.push(l);
      else byBand.set(v, [l]);
    }
  };
  for (const c of stored) if (!leaders.has(c.key)) index(c.key, c.id, decodeKey(c.key));

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
    const d = decodeKey(it.key);
    let best: Leader | null = null;
    let bestS = THRESHOLD;
    for (const v of d.bands) {
      const list = byBand.get(v);
      if (list === undefined) continue;
      for (const l of list) {
        if (l.seen !== n) {
          l.seen = n;
          l.hits = 0;
        }
        if (++l.hits !== MIN_SHARED_BANDS) continue;
        const s = similarity(d.sig, l.sig);
        if (s > bestS || (s === bestS && (best === null || l.key < best.key))) {
          best = l;
          bestS = s;
        }
      }
    }
    if (best !== null) leaderOf.push(best.key);
    else {
      index(it.key, null, d);
      fresh.push({ key: it.key, bands: d.bands, seenAt: it.seenAt });
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
  /** The last item compared with this leader, and how many of that item's bands it shares. */
  seen: number;
  hits: number;
}

export { addMembers };
