/**
 * A map that keeps at most `max` entries, the most recently set or read: two generations, the
 * newer taking every write and every entry read from the older; when the newer holds half of
 * `max`, the older is dropped and the newer becomes it. Every operation takes constant time.
 * Evicting the oldest entry of one `Map` at a time (`delete(keys().next().value)`) does not: V8
 * leaves deleted entries in the table until it is rebuilt, and each `keys().next()` walks past
 * all of them (about 19 µs an eviction at 20,000 entries, measured with Node 20).
 *
 * `undefined` is not a value it can hold (`get` returns it for a missing key).
 */
export class RecentMap<K, V> {
  private newer = new Map<K, V>();
  private older = new Map<K, V>();

  constructor(private readonly max: number) {
    if (!(max >= 2)) throw new Error(`RecentMap: max must be at least 2, got ${max}`);
  }

  get size(): number {
    return this.newer.size + this.older.size;
  }

  get(key: K): V | undefined {
    const v = this.newer.get(key);
    if (v !== undefined) return v;
    const old = this.older.get(key);
    if (old !== undefined) this.set(key, old);
    return old;
  }

  has(key: K): boolean {
    return this.newer.has(key) || this.older.has(key);
  }

  set(key: K, value: V): void {
    if (!this.newer.has(key) && this.newer.size >= this.max / 2) {
      this.older = this.newer;
      this.newer = new Map();
    }
    this.older.delete(key);
    this.newer.set(key, value);
  }
}
