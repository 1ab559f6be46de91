/**
 * FNV-1a over UTF-16 code units, computed on a slice of a string without copying it, then a
 * murmur3 finaliser so that the low bits used as the bucket are well mixed.
 */
export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/** Folds one code unit into a running FNV-1a state. */
export function fnvStep(h: number, code: number): number {
  return Math.imul(h ^ code, FNV_PRIME);
}

/** FNV-1a of `s[start, end)` started from `seed`. */
export function fnvRange(s: string, start: number, end: number, seed: number): number {
  let h = seed;
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

/** FNV-1a of a whole string started from `seed`. */
export function fnvString(s: string, seed: number = FNV_OFFSET): number {
  return fnvRange(s, 0, s.length, seed);
}

/** murmur3 fmix32: spreads every input bit over the output. Returns an unsigned 32-bit value. */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Combines two hashes into one (order matters: used for word bigrams). */
export function combine(a: number, b: number): number {
  return Math.imul(a ^ Math.imul(b, 0x9e3779b1), FNV_PRIME) ^ (b >>> 15);
}
