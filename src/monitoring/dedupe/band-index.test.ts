import { describe, expect, it } from 'vitest';
import { BandIndex } from './band-index.js';

/** The reference: lists of leaders per value in a Map, counted as the index counts them. */
function reference(leaders: number[][], values: number[], min: number): number[] {
  const byValue = new Map<number, number[]>();
  leaders.forEach((vs, l) => {
    for (const v of vs) byValue.set(v, [...(byValue.get(v) ?? []), l]);
  });
  const hits = new Map<number, number>();
  const out: number[] = [];
  for (const v of values) {
    for (const l of byValue.get(v) ?? []) {
      const h = (hits.get(l) ?? 0) + 1;
      hits.set(l, h);
      if (h === min) out.push(l);
    }
  }
  return out;
}

describe('BandIndex', () => {
  it('finds the leaders that meet a query at least min times, as lists per value would', () => {
    let seed = 7;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed;
    };
    // Few distinct values (so chains are long and slots collide), negative ones, 0, and repeats.
    const pool = [0, -1, 1, -2147483648, 2147483647, ...Array.from({ length: 40 }, () => (rnd() << 1) | 0)];
    const pick = () => pool[rnd() % pool.length]!;
    const leaders = Array.from({ length: 300 }, () => Array.from({ length: 8 }, pick));
    const index = new BandIndex(400, 8, 2);
    for (const vs of leaders) index.add(vs, [0, 0]);
    for (let q = 0; q < 200; q++) {
      const values = Array.from({ length: 8 }, pick);
      for (const min of [1, 2, 3]) {
        const n = index.sharing(values, min);
        expect([...index.found.subarray(0, n)].sort((a, b) => a - b)).toEqual(reference(leaders, values, min).sort((a, b) => a - b));
      }
    }
  });

  it('takes leaders added between queries, and numbers them in order', () => {
    const index = new BandIndex(3, 2, 2);
    expect(index.add([5, 6], [1, 2])).toBe(0);
    expect(index.sharing([5, 6], 2)).toBe(1);
    expect(index.add([6, 7], [3, 4])).toBe(1);
    const n = index.sharing([6, 7], 2);
    expect([...index.found.subarray(0, n)]).toEqual([1]);
    expect(index.sharing([6, 99], 1)).toBe(2);
  });

  it('refuses more leaders or values than it was made for', () => {
    const index = new BandIndex(1, 2, 2);
    expect(() => index.add([1, 2, 3], [0, 0])).toThrow(/made for/);
    expect(() => index.add([1, 2], [0, 0, 0])).toThrow(/another length/);
    index.add([1, 2], [0, 0]);
    expect(() => index.add([3], [0, 0])).toThrow(/made for/);
  });

  it('compares signatures as minhash.similarity does, over the full unsigned range', () => {
    const index = new BandIndex(2, 1, 4);
    index.add([1], [0, 0xffffffff, 0x80000000, 7]);
    index.add([2], [1, 2, 3, 4]);
    expect(index.similarity(0, [0, 0xffffffff, 0x80000000, 7])).toBe(1);
    expect(index.similarity(0, [0, 0xffffffff, 5, 6])).toBe(0.5);
    expect(index.similarity(1, [0, 0xffffffff, 0x80000000, 7])).toBe(0);
  });

  it('counts agreeing positions, and gives up as soon as fewer than needed can agree', () => {
    const index = new BandIndex(1, 1, 4);
    index.add([1], [0xffffffff, 2, 3, 4]);
    expect(index.agreeing(0, [0xffffffff, 2, 3, 4], 4)).toBe(4);
    expect(index.agreeing(0, [0xffffffff, 2, 0, 4], 3)).toBe(3);
    // The first position already disagrees: at most 3 can, 4 are needed.
    expect(index.agreeing(0, [0, 2, 3, 4], 4)).toBe(-1);
    expect(index.agreeing(0, [0, 2, 3, 4], 3)).toBe(3);
    expect(index.agreeing(0, [0, 0, 0, 0], 0)).toBe(0);
  });
});
