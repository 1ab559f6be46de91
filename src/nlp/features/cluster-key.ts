import { FNV_OFFSET, FNV_PRIME, fnvRange, fnvStep, mix32 } from './hash.js';
import { CLASS, isWordUnit } from './extract.js';

const SEED = fnvStep(FNV_OFFSET, 0x4e); // N

// Votes are counted as "how many hashes had bit k set" against the number of hashes: a bit of
// the key is set when more than half of the hashes set it (the sign of the ±1 vote sum). The 32
// counts of each half are kept bit-sliced: level l holds bit l of every count, so adding a hash
// is a binary increment of 32 counters at once (the carry rarely goes past two levels).
const LEVELS = 32;
const countsA = new Int32Array(LEVELS);
const countsB = new Int32Array(LEVELS);

function add(counts: Int32Array, x: number): void {
  let carry = x;
  for (let l = 0; carry !== 0; l++) {
    const c = counts[l]!;
    counts[l] = c ^ carry;
    carry &= c;
  }
}

/** The bits whose count (bit-sliced over `levels` levels) is at least `t`. */
function atLeast(counts: Int32Array, levels: number, t: number): number {
  let gt = 0;
  let eq = -1;
  for (let l = levels - 1; l >= 0; l--) {
    const c = counts[l]!;
    if ((t >>> l) & 1) eq &= c;
    else {
      gt |= eq & c;
      eq &= ~c;
    }
  }
  return gt | eq;
}

function vote(a: number, b: number): void {
  add(countsA, a);
  add(countsB, b);
}

/**
 * A 64-bit SimHash of a normalised text's words (word unigrams and bigrams), as 16 hex digits.
 * Near-duplicates (the same rumour with another link or a word changed) differ in few bits;
 * exact copies after normalisation share the key. Placeholders (`_url_`, `_user_`) are skipped.
 */
export function clusterKey(norm: string): string {
  return norm.length <= SHORT_TEXT ? clusterKeyShort(norm) : clusterKeyLong(norm);
}

/**
 * Texts up to this long have fewer than 2^10 votes (a vote per word and per pair of neighbouring
 * words, a word per two units at most), so ten levels of counts hold them.
 */
const SHORT_TEXT = 1000;

/**
 * `clusterKey` of a text of at most `SHORT_TEXT` units: the ten levels of counts of each half
 * are locals (registers), not array elements, so an increment does not wait on the store of the
 * one before it. The same counts, hence the same key.
 */
function clusterKeyShort(norm: string): string {
  let a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0, a8 = 0, a9 = 0;
  let b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0, b6 = 0, b7 = 0, b8 = 0, b9 = 0;
  let votes = 0;
  let prev = 0;
  let words = 0;
  const len = norm.length;
  let i = 0;
  while (i < len) {
    if (CLASS[norm.charCodeAt(i)] !== 1) {
      i++;
      continue;
    }
    let e = i + 1;
    let h = Math.imul(SEED ^ norm.charCodeAt(i), FNV_PRIME);
    for (; e < len; e++) {
      const u = norm.charCodeAt(e);
      if (CLASS[u] !== 1) break;
      h = Math.imul(h ^ u, FNV_PRIME);
    }
    const placeholder = i > 0 && norm.charCodeAt(i - 1) === 0x5f && e < len && norm.charCodeAt(e) === 0x5f;
    if (!placeholder) {
      // One vote for the word, then (after the first word) one for the pair; each is a binary
      // increment of the bit-sliced counts, written out level by level.
      for (let v = words > 0 ? 2 : 1; v > 0; v--) {
        const x = v === 2 ? Math.imul(prev ^ h, 0x01000193) ^ 0x27d4eb2d : h;
        let c = mix32(x);
        let t: number;
        t = a0 & c; a0 ^= c; c = t;
        t = a1 & c; a1 ^= c; c = t;
        t = a2 & c; a2 ^= c; c = t;
        t = a3 & c; a3 ^= c; c = t;
        t = a4 & c; a4 ^= c; c = t;
        t = a5 & c; a5 ^= c; c = t;
        t = a6 & c; a6 ^= c; c = t;
        t = a7 & c; a7 ^= c; c = t;
        t = a8 & c; a8 ^= c; c = t;
        a9 ^= c;
        c = mix32(x ^ 0x5bd1e995);
        t = b0 & c; b0 ^= c; c = t;
        t = b1 & c; b1 ^= c; c = t;
        t = b2 & c; b2 ^= c; c = t;
        t = b3 & c; b3 ^= c; c = t;
        t = b4 & c; b4 ^= c; c = t;
        t = b5 & c; b5 ^= c; c = t;
        t = b6 & c; b6 ^= c; c = t;
        t = b7 & c; b7 ^= c; c = t;
        t = b8 & c; b8 ^= c; c = t;
        b9 ^= c;
        votes++;
      }
      prev = h;
      words++;
    }
    i = e;
  }
  countsA.fill(0);
  countsB.fill(0);
  countsA[0] = a0; countsA[1] = a1; countsA[2] = a2; countsA[3] = a3; countsA[4] = a4;
  countsA[5] = a5; countsA[6] = a6; countsA[7] = a7; countsA[8] = a8; countsA[9] = a9;
  countsB[0] = b0; countsB[1] = b1; countsB[2] = b2; countsB[3] = b3; countsB[4] = b4;
  countsB[5] = b5; countsB[6] = b6; countsB[7] = b7; countsB[8] = b8; countsB[9] = b9;
  const t = (votes >>> 1) + 1;
  const levels = 32 - Math.clz32(t | votes);
  return hex16(atLeast(countsA, levels, t), atLeast(countsB, levels, t));
}

/** `clusterKey` of any text, with the counts in arrays. */
function clusterKeyLong(norm: string): string {
  countsA.fill(0);
  countsB.fill(0);
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
  // More than half: 2 * count > votes, that is count >= floor(votes / 2) + 1.
  const t = (votes >>> 1) + 1;
  const levels = 32 - Math.clz32(t | votes);
  const hi = atLeast(countsA, levels, t);
  const lo = atLeast(countsB, levels, t);
  return hex16(hi, lo);
}

/** Char codes of the hex digits 0–f. */
const HEX = Uint16Array.from('0123456789abcdef', (d) => d.charCodeAt(0));

/** Two 32-bit values as 16 lower-case hex digits, built in one string. */
function hex16(hi: number, lo: number): string {
  return String.fromCharCode(
    HEX[(hi >>> 28) & 15]!, HEX[(hi >>> 24) & 15]!, HEX[(hi >>> 20) & 15]!, HEX[(hi >>> 16) & 15]!,
    HEX[(hi >>> 12) & 15]!, HEX[(hi >>> 8) & 15]!, HEX[(hi >>> 4) & 15]!, HEX[hi & 15]!,
    HEX[(lo >>> 28) & 15]!, HEX[(lo >>> 24) & 15]!, HEX[(lo >>> 20) & 15]!, HEX[(lo >>> 16) & 15]!,
    HEX[(lo >>> 12) & 15]!, HEX[(lo >>> 8) & 15]!, HEX[(lo >>> 4) & 15]!, HEX[lo & 15]!,
  );
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
