import { FNV_OFFSET, fnvRange, fnvStep, mix32 } from './hash.js';
import { isWordUnit } from './extract.js';

const SEED = fnvStep(FNV_OFFSET, 0x4e); // N
const votes = new Int32Array(64);

/**
 * A 64-bit SimHash of a normalised text's words (word unigrams and bigrams), as 16 hex digits.
 * Near-duplicates (the same rumour with another link or a word changed) differ in few bits;
 * exact copies after normalisation share the key. Placeholders (`_url_`, `_user_`) are skipped.
 */
export function clusterKey(norm: string): string {
  votes.fill(0);
  let prev = 0;
  let words = 0;
  const len = norm.length;
  let i = 0;
  while (i < len) {
    if (!isWordUnit(norm.charCodeAt(i))) {
      i++;
      continue;
    }
    let e = i + 1;
    while (e < len && isWordUnit(norm.charCodeAt(e))) e++;
    const placeholder = i > 0 && norm.charCodeAt(i - 1) === 0x5f && e < len && norm.charCodeAt(e) === 0x5f;
    if (!placeholder) {
      const h = fnvRange(norm, i, e, SEED);
      vote(mix32(h), mix32(h ^ 0x5bd1e995));
      if (words > 0) {
        const b = Math.imul(prev ^ h, 0x01000193) ^ 0x27d4eb2d;
        vote(mix32(b), mix32(b ^ 0x5bd1e995));
      }
      prev = h;
      words++;
    }
    i = e;
  }
  let hi = 0;
  let lo = 0;
  for (let b = 0; b < 32; b++) {
    if (votes[b]! > 0) hi |= 1 << b;
    if (votes[b + 32]! > 0) lo |= 1 << b;
  }
  return (hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0');
}

function vote(a: number, b: number): void {
  // Arithmetic rather than a branch per bit: the bits are random, so a branch mispredicts half the time.
  for (let k = 0; k < 32; k++) {
    votes[k]! += (((a >>> k) & 1) << 1) - 1;
    votes[k + 32]! += (((b >>> k) & 1) << 1) - 1;
  }
}

/** Number of differing bits between two cluster keys. */
export function clusterDistance(a: string, b: string): number {
  let d = 0;
  for (let i = 0; i < 16; i += 8) {
    let x = (parseInt(a.slice(i, i + 8), 16) ^ parseInt(b.slice(i, i + 8), 16)) >>> 0;
    while (x !== 0) {
      x &= x - 1;
      d++;
    }
  }
  return d;
}
