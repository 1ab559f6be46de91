import type { Queryable } from '../../db/database.js';
import { addMembers, ensureClusters, findCandidates } from './cluster-repository.js';
import { bandsOf, decode, MIN_SHARED_BANDS, similarity, THRESHOLD, type Signature } from './minhash.js';

/** Only clusters active within this many days take new members; an older rumour starts a new cluster. */
export const CLUSTER_WINDOW_DAYS = 7;

interface Leader {
  key: string;
  /** The stored cluster's id; null for a cluster this batch starts. */
  id: string | null;
  sig: Signature;
  bands: number[];
  /** The last item that met this leader (a stamp unique to that item), and under how many of its bands. */
  seen: number;
  hits: number;
}

/**
 * Stored clusters by id, decoded. The same clusters come back as candidates batch after batch and
 * a cluster's key never changes, so each is decoded once while it is in use. About 600 bytes
 * each: at most 12 MB, several batches' candidates (a batch of the bench's stream meets about 5,000).
 */
const STORED_MAX = 20_000;
const stored = new Map<string, Leader>();
let stamp = 0;

/**
 * The cluster each recent key went to, and when. For an hour after, a copy with the same key (the
 * same words after normalisation: a forward, a share, a re-post) goes to the same cluster without
 * a lookup: the lookup would find that cluster again (the same key is similarity 1) unless it has
 * since left the window of days, which an hour hardly changes. Bounded; the oldest leave first.
 */
const TWIN_MS = 3_600_000;
const TWINS_MAX = 100_000;
// By database: cluster ids are the database's own (the bench writes several in one process).
const twinsOf = new WeakMap<Queryable, Map<string, { id: string; at: number }>>();

function rememberTwin(twins: Map<string, { id: string; at: number }>, key: string, id: string, at: number): void {
  twins.delete(key);
  if (twins.size >= TWINS_MAX) twins.delete(twins.keys().next().value!);
  twins.set(key, { id, at });
}

function storedLeader(id: string, key: string): Leader {
  let l = stored.get(id);
  if (l !== undefined && l.key === key) return l;
  const sig = decode(key);
  l = { key, id, sig, bands: bandsOf(sig), seen: 0, hits: 0 };
  if (stored.size >= STORED_MAX) stored.delete(stored.keys().next().value!);
  stored.set(id, l);
  return l;
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
  const now = Date.now();
  let twins = twinsOf.get(q);
  if (!twins) twinsOf.set(q, (twins = new Map()));
  const known: (string | null)[] = items.map((it) => {
    const t = it.key ? twins.get(it.key) : undefined;
    return t !== undefined && t.at > now - TWIN_MS ? t.id : null;
  });
  const mine = items.map((it, n) => {
    if (!it.key || known[n] !== null) return null;
    const sig = decode(it.key);
    return { sig, bands: bandsOf(sig) };
  });
  const allBands = new Set<number>();
  for (const d of mine) if (d) for (const band of d.bands) allBands.add(band);
  const candidates = await findCandidates(q, [...allBands], CLUSTER_WINDOW_DAYS);

  // A leader that can reach the threshold shares at least MIN_SHARED_BANDS whole bands with the
  // item (see minhash.ts): leaders are listed under each of their bands, and an item compares only
  // the leaders it meets under that many of its own bands, each once. The same signature is the
  // same key, so an item whose key a leader has joins it (similarity 1).
  const byBand = new Map<number, Leader[]>();
  const index = (l: Leader) => {
    for (const v of l.bands) {
      const list = byBand.get(v);
      if (list) list.push(l);
      else byBand.set(v, [l]);
    }
  };
  for (const c of candidates) index(storedLeader(c.id, c.key));

  const leaderOf: (Leader | null)[] = [];
  const fresh: { key: string; bands: number[]; seenAt: string }[] = [];
  for (let n = 0; n < items.length; n++) {
    const d = mine[n];
    if (!d) {
      leaderOf.push(null);
      continue;
    }
    const me = ++stamp;
    let best: Leader | null = null;
    let bestS = THRESHOLD;
    for (const v of d.bands) {
      const list = byBand.get(v);
      if (list === undefined) continue;
      for (const l of list) {
        if (l.seen !== me) {
          l.seen = me;
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
    if (best === null) {
      const it = items[n]!;
      best = { key: it.key!, id: null, sig: d.sig, bands: d.bands, seen: me, hits: 0 };
      index(best);
      fresh.push({ key: best.key, bands: d.bands, seenAt: it.seenAt });
    }
    leaderOf.push(best);
  }
  const created = await ensureClusters(q, fresh);
  return items.map((it, n) => {
    const l = leaderOf[n] ?? null;
    const twin = known[n] ?? null;
    if (twin !== null) return twin;
    const id = l === null ? null : (l.id ?? created.get(l.key) ?? null);
    if (id !== null) rememberTwin(twins, it.key!, id, now);
    return id;
  });
}

export { addMembers };
