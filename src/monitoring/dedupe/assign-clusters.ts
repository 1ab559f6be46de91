import type { Queryable } from '../../db/database.js';
import { addMembers, clustersInWindow, clustersSharingBands, ensureClusters, retireBands, type ClusterMember } from './cluster-repository.js';
import { RecentMap } from './recent-map.js';
import { BandIndex } from './band-index.js';
import { BANDS, bandsOf, decode, HASHES, MIN_SHARED_BANDS, THRESHOLD } from './minhash.js';

/** Only clusters active within this many days take new members; an older rumour starts a new cluster. */
export const CLUSTER_WINDOW_DAYS = 7;

const DAY_MS = 86_400_000;

interface Leader {
  key: string;
  /** The stored cluster's id; null for a cluster this batch starts. */
  id: string | null;
  sig: Int32Array;
  bands: number[];
  /**
   * When the cluster was last seen as far as this process knows (ms; never later than the stored
   * `last_seen_at`, so a cluster it counts as within the window is within it).
   */
  lastSeen: number;
}

/** What this process keeps of one database's clusters (ids are the database's own: the bench writes several). */
interface ClusterMemory {
  /**
   * Stored clusters by id, decoded. The same clusters come back as candidates batch after batch and
   * a cluster's key never changes, so each is decoded once while it is in use, and its key is read
   * only when it is not here or may have left the window. About 600 bytes each: at most 12 MB,
   * several batches' candidates (a batch of the bench's stream meets about 5,000).
   */
  stored: RecentMap<string, Leader>;
  /**
   * The clusters recent keys went to, and when. For an hour after, a copy with the same key (the
   * same words after normalisation: a forward, a share, a re-post) goes to that cluster without a
   * lookup, so that copies of one text stay together. For a key that started its cluster the
   * lookup would find it again (similarity 1; keys are unique), unless it has since left the window
   * of days, which an hour hardly changes; a key that joined another key's cluster might, looked up
   * again, go to a more similar cluster started since, which would part it from its own copies.
   * Bounded: the entries least recently used leave first (`RecentMap`).
   */
  twins: RecentMap<string, { id: string; at: number }>;
}

const STORED_MAX = 20_000;
/** Positions of HASHES that must agree for THRESHOLD (10 of 16). */
const NEED_AT_THRESHOLD = Math.ceil(THRESHOLD * HASHES - 1e-9);
const TWIN_MS = 3_600_000;
const TWINS_MAX = 100_000;
const memories = new WeakMap<Queryable, ClusterMemory>();

function memoryOf(q: Queryable): ClusterMemory {
  let m = memories.get(q);
  if (!m) memories.set(q, (m = { stored: new RecentMap(STORED_MAX), twins: new RecentMap(TWINS_MAX) }));
  return m;
}

/**
 * A key's MinHash signature as signed 32-bit integers: the batch's `BandIndex` copies and compares
 * them as such (from a plain array, values from 2^31 up are doubles, each converted on every copy).
 */
function signatureOf(key: string): Int32Array {
  return Int32Array.from(decode(key));
}

function remember(stored: ClusterMemory['stored'], l: Leader & { id: string }): Leader {
  stored.set(l.id, l);
  return l;
}

function storedLeader(stored: ClusterMemory['stored'], id: string, key: string, lastSeen: number): Leader {
  const l = stored.get(id);
  if (l !== undefined && l.key === key) {
    if (lastSeen > l.lastSeen) l.lastSeen = lastSeen;
    return l;
  }
  const sig = signatureOf(key);
  return remember(stored, { key, id, sig, bands: bandsOf(sig), lastSeen });
}

/**
 * After a write committed: these clusters took members, so their stored last-seen time is at
 * least `at` (taken before the write began).
 */
export function clustersSeen(q: Queryable, clusterIds: Iterable<string>, at: number): void {
  const { stored } = memoryOf(q);
  for (const id of clusterIds) {
    const l = stored.get(id);
    if (l !== undefined && at > l.lastSeen) l.lastSeen = at;
  }
}

/** An item of a batch to cluster: its near-duplicate key (null: too few words) and created time. */
export interface ClusterItem {
  key: string | null;
  seenAt: string;
}

/** An item to look up: its signature and band values (null: no key, or a twin of a known cluster). */
type Lookup = { sig: Int32Array; bands: number[] } | null;

/**
 * Incremental near-duplicate clustering of one batch: each signature joins the most similar
 * cluster at or above THRESHOLD (clusters already stored, or ones this batch starts), else starts
 * its own cluster keyed by it. Returns the cluster id for each item (null where its key is null).
 *
 * Each statement stands alone (the caller passes the database, not its write transaction): a new
 * cluster's key holds its unique-index lock only while it is inserted, so a concurrent batch with
 * the same new key does not wait for this batch's whole write. A cluster made for a batch whose
 * write then fails keeps size 0 until a mention joins it; writing the batch again finds it.
 *
 * The work on the items is in the synchronous steps below, this function only awaits the
 * statements between them: it runs once a batch, so V8 gathers its type feedback slowly and
 * optimises it again and again during a process's first minutes; kept small, each of those
 * compilations is cheap (with the loops inside, each took 100-160 ms of a helper thread).
 */
export async function assignClusters(q: Queryable, items: readonly ClusterItem[]): Promise<(string | null)[]> {
  const now = Date.now();
  const memory = memoryOf(q);
  const known = twinsOf(memory, items, now);
  const lookups = lookupsOf(items, known);
  const shared = await clustersSharingBands(q, bandValuesOf(lookups));
  const { candidates, unknown } = sortCandidates(memory, shared, now - CLUSTER_WINDOW_DAYS * DAY_MS);
  const inWindow = await clustersInWindow(q, unknown, CLUSTER_WINDOW_DAYS);
  addStored(memory, candidates, inWindow);
  const { leaderOf, fresh } = clusterItems(items, lookups, candidates);
  const created = await ensureClusters(q, fresh);
  return resultOf(memory, items, known, leaderOf, fresh, created, now);
}

/** For each item, the cluster its key went to within the last hour (`twins`), else null. */
function twinsOf({ twins }: ClusterMemory, items: readonly ClusterItem[], now: number): (string | null)[] {
  const known = new Array<string | null>(items.length);
  for (let n = 0; n < items.length; n++) {
    const key = items[n]!.key;
    const t = key ? twins.get(key) : undefined;
    known[n] = t !== undefined && t.at > now - TWIN_MS ? t.id : null;
  }
  return known;
}

function lookupsOf(items: readonly ClusterItem[], known: readonly (string | null)[]): Lookup[] {
  const lookups = new Array<Lookup>(items.length);
  for (let n = 0; n < items.length; n++) {
    const key = items[n]!.key;
    if (!key || known[n] !== null) lookups[n] = null;
    else {
      const sig = signatureOf(key);
      lookups[n] = { sig, bands: bandsOf(sig) };
    }
  }
  return lookups;
}

function bandValuesOf(lookups: readonly Lookup[]): number[] {
  const values = new Set<number>();
  for (const d of lookups) if (d) for (const band of d.bands) values.add(band);
  return [...values];
}

/** The clusters sharing bands: those known here to be within the window, and the ids to read. */
function sortCandidates({ stored }: ClusterMemory, ids: readonly string[], windowStart: number): { candidates: Leader[]; unknown: string[] } {
  const candidates: Leader[] = [];
  const unknown: string[] = [];
  for (const id of ids) {
    const l = stored.get(id);
    if (l !== undefined && l.lastSeen > windowStart) candidates.push(l);
    else unknown.push(id);
  }
  return { candidates, unknown };
}

function addStored({ stored }: ClusterMemory, candidates: Leader[], read: readonly { id: string; key: string; lastSeenAt: number }[]): void {
  for (const c of read) candidates.push(storedLeader(stored, c.id, c.key, c.lastSeenAt));
}

/** A cluster this batch starts. */
interface Fresh {
  key: string;
  bands: number[];
  seenAt: string;
  sig: Int32Array;
}

/**
 * Each item to its most similar leader at or above THRESHOLD, or a leader of its own (`fresh`).
 * A leader that can reach the threshold shares at least MIN_SHARED_BANDS whole bands with the
 * item (see minhash.ts): leaders are filed under each of their bands, and an item compares only
 * the leaders it meets under that many of its own bands, each once. The same signature is the
 * same key, so an item whose key a leader has joins it (similarity 1).
 */
function clusterItems(items: readonly ClusterItem[], lookups: readonly Lookup[], candidates: readonly Leader[]): { leaderOf: (Leader | null)[]; fresh: Fresh[] } {
  // A key of another length (the SimHash keys before 0022) is no signature to compare with.
  const leaders: Leader[] = candidates.filter((c) => c.sig.length === HASHES);
  const byBand = new BandIndex(leaders.length + items.length, BANDS, HASHES);
  for (const c of leaders) byBand.add(c.bands, c.sig);
  const leaderOf = new Array<Leader | null>(items.length);
  const fresh: Fresh[] = [];
  // Copies of one text within the batch go where the first went (as in later batches: `twins`).
  const byKey = new Map<string, Leader>();
  for (let n = 0; n < items.length; n++) {
    const d = lookups[n];
    if (!d) {
      leaderOf[n] = null;
      continue;
    }
    const key = items[n]!.key!;
    const copied = byKey.get(key);
    if (copied !== undefined) {
      leaderOf[n] = copied;
      continue;
    }
    let best: Leader | null = null;
    // Positions that must agree: THRESHOLD's share at first, then the best leader's (a tie goes to
    // the smaller key).
    let need = NEED_AT_THRESHOLD;
    const met = byBand.sharing(d.bands, MIN_SHARED_BANDS);
    for (let j = 0; j < met; j++) {
      const leader = byBand.found[j]!;
      const same = byBand.agreeing(leader, d.sig, need);
      if (same < need) continue;
      const l = leaders[leader]!;
      if (same > need || best === null || l.key < best.key) {
        best = l;
        need = same;
      }
    }
    if (best === null) {
      const it = items[n]!;
      best = { key: it.key!, id: null, sig: d.sig, bands: d.bands, lastSeen: -Infinity };
      byBand.add(d.bands, d.sig);
      leaders.push(best);
      fresh.push({ key: best.key, bands: d.bands, seenAt: it.seenAt, sig: d.sig });
    }
    leaderOf[n] = best;
    byKey.set(key, best);
  }
  return { leaderOf, fresh };
}

/** Each item's cluster id; the new clusters are remembered, and the items' keys become twins of their clusters. */
function resultOf(
  { stored, twins }: ClusterMemory,
  items: readonly ClusterItem[],
  known: readonly (string | null)[],
  leaderOf: readonly (Leader | null)[],
  fresh: readonly Fresh[],
  created: ReadonlyMap<string, string>,
  now: number,
): (string | null)[] {
  // The new clusters are known from now on (their last-seen time once a write commits members).
  for (const f of fresh) {
    const id = created.get(f.key);
    if (id !== undefined && !stored.has(id)) remember(stored, { key: f.key, id, sig: f.sig, bands: f.bands, lastSeen: -Infinity });
  }
  const ids = new Array<string | null>(items.length);
  for (let n = 0; n < items.length; n++) {
    const twin = known[n] ?? null;
    if (twin !== null) {
      ids[n] = twin;
      continue;
    }
    const l = leaderOf[n] ?? null;
    const id = l === null ? null : (l.id ?? created.get(l.key) ?? null);
    const key = items[n]!.key;
    if (id !== null && key !== null) twins.set(key, { id, at: now });
    ids[n] = id;
  }
  return ids;
}

/**
 * The nightly retirement of clusters from the band lookup: those last seen more than the window
 * and a day ago (the day is a margin for a batch that found a cluster just inside the window and
 * is still writing its members). Returns the band rows deleted.
 */
export function retireOldClusters(q: Queryable, now: Date): Promise<number> {
  return retireBands(q, new Date(now.getTime() - (CLUSTER_WINDOW_DAYS + 1) * DAY_MS));
}

export { addMembers, type ClusterMember };
