import { describe, expect, it } from 'vitest';
import { RecentMap } from './recent-map.js';

describe('RecentMap', () => {
  it('never holds more than its bound, and keeps the most recent entries', () => {
    const m = new RecentMap<number, string>(100);
    for (let i = 0; i < 1_000; i++) {
      m.set(i, `v${i}`);
      expect(m.size).toBeLessThanOrEqual(100);
    }
    // The last half of the bound is always kept; the oldest are gone.
    for (let i = 950; i < 1_000; i++) expect(m.get(i)).toBe(`v${i}`);
    expect(m.get(0)).toBeUndefined();
    expect(m.has(0)).toBe(false);
  });

  it('keeps an entry that is read, as if it had just been set', () => {
    const m = new RecentMap<string, number>(4);
    m.set('kept', 1);
    m.set('a', 2);
    m.set('b', 3); // 'kept' and 'a' move to the older generation
    expect(m.get('kept')).toBe(1); // read: back in the newer one
    m.set('c', 4); // the older generation ('a') is dropped; 'b' and 'kept' become it
    m.set('d', 5);
    expect(m.get('a')).toBeUndefined();
    expect(m.get('kept')).toBe(1);
  });

  it('holds one value a key: setting again replaces it wherever it was', () => {
    const m = new RecentMap<string, number>(4);
    m.set('k', 1);
    m.set('x', 2);
    m.set('y', 3); // 'k' is in the older generation
    m.set('k', 9);
    expect(m.get('k')).toBe(9);
    expect(m.size).toBe(3);
  });

  it('refuses a bound that cannot hold two generations', () => {
    expect(() => new RecentMap(1)).toThrow(/at least 2/);
  });
});
