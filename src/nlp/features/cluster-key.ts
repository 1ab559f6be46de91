import { FNV_OFFSET, fnvRange, fnvStep, mix32 } from './hash.js';
import { isWordUnit } from './extract.js';

const SEED = fnvStep(FNV_OFFSET, 0x4e); // N

// Votes are counted as "how many hashes had bit k set" against the number of hashes: a bit of
// the key is set when more than half of the hashes set it (the sign of the ±1 vote sum). The
// counts are kept four to a 32-bit integer, one byte per bit: SPREAD[nibble] puts the nibble's
// four bits into the low bit of four bytes, so one addition counts four bits. The bytes are
// drained into `ones` before they can reach 256.
const SPREAD = new Int32Array(16);
for (let v = 0; v < 16; v++) SPREAD[v] = (v & 1) | ((v & 2) << 7) | ((v & 4) << 14) | ((v & 8) << 21);
/** Packed counts: word q holds nibble q & 7 of hash half q >> 3 (see `drain`). */
const packed = new Int32Array(16);
const ones = new Int32Array(64);
let pending = 0;

function drain(): void {
  for (let q = 0; q < 16; q++) {
    const v = packed[q]!;
    // Word q holds nibble (q & 7) of hash half (q >> 3); byte j is bit j of that nibble.
    const base = (q >> 3) * 32 + (q & 7) * 4;
    ones[base]! += v & 0xff;
    ones[base + 1]! += (v >>> 8) & 0xff;
    ones[base + 2]! += (v >>> 16) & 0xff;
    ones[base + 3]! += v >>> 24;
    packed[q] = 0;
  }
  pending = 0;
}

function vote(a: number, b: number): void {
  packed[0]! += SPREAD[a & 15]!;
  packed[1]! += SPREAD[(a >>> 4) & 15]!;
  packed[2]! += SPREAD[(a >>> 8) & 15]!;
  packed[3]! += SPREAD[(a >>> 12) & 15]!;
  packed[4]! += SPREAD[(a >>> 16) & 15]!;
  packed[5]! += SPREAD[(a >>> 20) & 15]!;
  packed[6]! += SPREAD[(a >>> 24) & 15]!;
  packed[7]! += SPREAD[a >>> 28]!;
  packed[8]! += SPREAD[b & 15]!;
  packed[9]! += SPREAD[(b >>> 4) & 15]!;
  packed[10]! += SPREAD[(b >>> 8) & 15]!;
  packed[11]! += SPREAD[(b >>> 12) & 15]!;
  packed[12]! += SPREAD[(b >>> 16) & 15]!;
  packed[13]! += SPREAD[(b >>> 20) & 15]!;
  packed[14]! += SPREAD[(b >>> 24) & 15]!;
  packed[15]! += SPREAD[b >>> 28]!;
  if (++pending === 255) drain();
}

/**
 * A 64-bit SimHash of a normalised text's words (word unigrams and bigrams), as 16 hex digits.
 * Near-duplicates (the same rumour with another link or a word changed) differ in few bits;
 * exact copies after normalisation share the key. Placeholders (`_url_`, `_user_`) are skipped.
 */
export function clusterKey(norm: string): string {
  packed.fill(0);
  ones.fill(0);
  pending = 0;
  let votes = 0;
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
      votes++;
      if (words > 0) {
        const b = Math.imul(prev ^ h, 0x01000193) ^ 0x27d4eb2d;
        vote(mix32(b), mix32(b ^ 0x5bd1e995));
        votes++;
      }
      prev = h;
      words++;
    }
    i = e;
  }
  drain();
  let hi = 0;
  let lo = 0;
  for (let b = 0; b < 32; b++) {
    // The vote sum ones - (votes - ones) is positive.
    if (2 * ones[b]! > votes) hi |= 1 << b;
    if (2 * ones[b + 32]! > votes) lo |= 1 << b;
  }
  return (hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0');
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
