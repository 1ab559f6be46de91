/**
 * The leaders of one batch's clustering (numbered 0, 1, … as they are added) filed under their band
 * values, to find the leaders that share at least a number of an item's band values, with their
 * signatures side by side to compare them.
 *
 * An open-addressing table of band values (which are already hashes: the low bits pick the slot),
 * each value heading a chain of entries (leader, next), and the signatures packed in one array,
 * all typed arrays sized once for the batch. Lists of leader objects in a `Map`, each leader's
 * signature an array of its own, took about 10 µs a mention of the writer's thread on the bench's
 * stream, most of it waiting on memory (a comparison of two scattered signatures took 200 ns).
 *
 * Repeats count as they come: a leader filed twice under one value, or an item that gives one value
 * twice, meets the leader twice (as a list per value would).
 */
export class BandIndex {
  private readonly slotValue: Int32Array;
  /** First entry of each slot's chain, -1 for an empty slot. */
  private readonly slotHead: Int32Array;
  private readonly mask: number;
  private readonly entryLeader: Int32Array;
  private readonly entryNext: Int32Array;
  private entries = 0;
  /** Per leader: the last query that met it, and under how many of that query's values. */
  private readonly seen: Int32Array;
  private readonly hits: Int32Array;
  private query = 0;
  /** The signatures' values as signed 32-bit integers (compared as integers, not as doubles). */
  private readonly signatures: Int32Array;
  /** Leaders added so far. */
  size = 0;
  /** The leaders found by the last `sharing`: its first n places, n as `sharing` returned. */
  readonly found: Int32Array;

  constructor(
    private readonly maxLeaders: number,
    private readonly valuesPerLeader: number,
    private readonly signatureLength: number,
  ) {
    const maxEntries = Math.max(1, maxLeaders * valuesPerLeader);
    let slots = 16;
    while (slots < 2 * maxEntries) slots *= 2;
    this.slotValue = new Int32Array(slots);
    this.slotHead = new Int32Array(slots).fill(-1);
    this.mask = slots - 1;
    this.entryLeader = new Int32Array(maxEntries);
    this.entryNext = new Int32Array(maxEntries);
    this.seen = new Int32Array(Math.max(1, maxLeaders));
    this.hits = new Int32Array(Math.max(1, maxLeaders));
    this.found = new Int32Array(Math.max(1, maxLeaders));
    this.signatures = new Int32Array(Math.max(1, maxLeaders * signatureLength));
  }

  /** Files a new leader (its signature: unsigned 32-bit values) under its band values and returns its number. */
  add(values: readonly number[], signature: ArrayLike<number>): number {
    if (this.size >= this.maxLeaders || values.length > this.valuesPerLeader || signature.length !== this.signatureLength) {
      throw new Error(`BandIndex: more leaders or values than it was made for, or a signature of another length (${this.maxLeaders} × ${this.valuesPerLeader}, ${this.signatureLength})`);
    }
    const leader = this.size++;
    this.signatures.set(signature, leader * this.signatureLength);
    for (const v of values) {
      const slot = this.slotOf(v);
      if (this.slotHead[slot] === -1) this.slotValue[slot] = v;
      const e = this.entries++;
      this.entryLeader[e] = leader;
      this.entryNext[e] = this.slotHead[slot]!;
      this.slotHead[slot] = e;
    }
    return leader;
  }

  /**
   * The leaders that meet these band values at least `min` times, each once (in `found`, the
   * count returned), in the order in which they reach `min`.
   */
  sharing(values: readonly number[], min: number): number {
    const q = ++this.query;
    const { seen, hits, found, entryLeader, entryNext, slotHead } = this;
    let n = 0;
    for (const v of values) {
      const slot = this.slotOf(v);
      for (let e = slotHead[slot]!; e !== -1; e = entryNext[e]!) {
        const l = entryLeader[e]!;
        if (seen[l] !== q) {
          seen[l] = q;
          hits[l] = 0;
        }
        if (++hits[l]! === min) found[n++] = l;
      }
    }
    return n;
  }

  /** The share of positions where a leader's signature and this one agree (`similarity` in minhash.ts). */
  similarity(leader: number, signature: ArrayLike<number>): number {
    return this.agreeing(leader, signature, 0) / this.signatureLength;
  }

  /**
   * How many positions of a leader's signature agree with this one, or -1 as soon as fewer than
   * `need` can (most leaders met under two bands are far from the threshold).
   */
  agreeing(leader: number, signature: ArrayLike<number>, need: number): number {
    const { signatures, signatureLength } = this;
    const base = leader * signatureLength;
    let same = 0;
    for (let i = 0; i < signatureLength; i++) {
      if (signatures[base + i] === (signature[i]! | 0)) same++;
      else if (same + signatureLength - 1 - i < need) return -1;
    }
    return same;
  }

  /** The slot holding `v`, or the empty slot where it would go (linear probing). */
  private slotOf(v: number): number {
    const { slotValue, slotHead, mask } = this;
    let s = v & mask;
    while (slotHead[s] !== -1 && slotValue[s] !== v) s = (s + 1) & mask;
    return s;
  }
}
