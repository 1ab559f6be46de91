import { FNV_OFFSET, fnvRange, fnvStep, mix32 } from './hash.js';
import { isWordUnit } from './extract.js';

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
