import {
  CLASS,
  charGrams,
  keepSymbol,
  MAX_TEXT,
  SEED_BIGRAM,
  SEED_CACHE,
  SEED_SYM,
  SEED_WORD,
  type FeatureConfig,
  type FeatureExtractor,
} from '../features/extract.js';
import { combine, FNV_PRIME, fnvStep, mix32 } from '../features/hash.js';

/** Outputs of the layout this path serves (the shipped one): one 16-byte row per bucket. */
const OUTPUTS = 16;
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

// The word cache: open addressing over slots of 64 bytes (one cache line). Int32 view: slot
// word 0 and 1 the word's two hashes, 2 its length, 3 its feature count + 1 (0 = empty). Int16
// view: entries 16..31 of the slot are the 16 weight sums of the word's features.
const SLOT_BITS = 18;
const SLOTS = 1 << SLOT_BITS;
const SLOT_MASK = SLOTS - 1;
/** Cleared when this full: a day's vocabulary fits (about 130,000 distinct words per 100,000 posts). */
const SLOT_LIMIT = Math.floor(SLOTS * 0.7);

/**
 * The classifier's fast path: the integer weight sums of a normalised text's features in one
 * pass, without a feature array. A word's unigram, character n-grams and spelling key land in the
 * same buckets wherever the word appears, so their summed weights and their count are cached per
 * word form: a word seen before costs one cache line instead of about twenty scattered rows of
 * the weight table (which is 16 MB and does not stay in the CPU cache). Word bigrams and symbols
 * are added from the table as they are hashed. Integer sums do not depend on their order, so the
 * result is exactly that of `FeatureExtractor.extract` followed by the plain sum (tested).
 */
export class WordSums {
  private readonly config: FeatureConfig;
  private readonly mask: number;
  private readonly keyed: boolean;
  private readonly meta = new Int32Array(SLOTS * 16);
  private readonly sums = new Int16Array(this.meta.buffer);
  private count = 0;
  private readonly scratch: Int32Array;
  /** The weight table as Int32, four weights each (a copy when the table is not 4-byte aligned). */
  private readonly rows: Int32Array;
  // The hashes of the post being summed (see `hashWords`).
  private words = new Int32Array(1024);
  private buckets = new Int32Array(512);
  /** The first cache slot of each word of the post (see `sum`). */
  private slots = new Int32Array(256);
  private tableCount = 0;
  /** What the touching loads of `sum` read (kept so that they are not dropped as unused). */
  touched = 0;

  /** Whether the fast path serves a model with this feature layout and number of outputs. */
  static supports(config: FeatureConfig, outputs: number): boolean {
    // A word's sums are kept in 16 bits: its features times the largest |weight| must fit. The
    // packed reads of `sum` take the bytes of an Int32 in little-endian order.
    return outputs === OUTPUTS && maxWordFeatures(config) * 128 <= 32767 && LITTLE_ENDIAN;
  }

  constructor(
    private readonly extractor: FeatureExtractor,
    private readonly weights: Int8Array,
  ) {
    this.config = extractor.config;
    if (!WordSums.supports(this.config, OUTPUTS)) throw new Error('feature layout not supported by the word cache');
    this.mask = (1 << this.config.bits) - 1;
    this.keyed = extractor.keyed;
    this.scratch = new Int32Array(maxWordFeatures(this.config));
    const aligned = weights.byteOffset % 4 === 0 ? weights : weights.slice();
    this.rows = new Int32Array(aligned.buffer, aligned.byteOffset, aligned.byteLength >> 2);
  }

  /** Weight sums of every output into `acc` (16 entries); returns the number of features. */
  sum(norm: string, acc: Float64Array): number {
    const text = norm.length > MAX_TEXT ? norm.slice(0, MAX_TEXT) : norm;
    // First every hash, then every load: the loads of the second pass do not wait on each
    // other, so the processor has many of their cache misses in flight at once.
    const nw = this.hashWords(text);
    const nb = this.tableCount;
    const words = this.words;
    const buckets = this.buckets;
    const w = this.rows;
    const meta = this.meta;
    // Integer locals stay in registers; an array would be loaded and stored for every feature.
    let a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0;
    let a8 = 0, a9 = 0, a10 = 0, a11 = 0, a12 = 0, a13 = 0, a14 = 0, a15 = 0;
    let n = nb;
    // Touch every cache line the sums below will read, in one short loop: its loads do not
    // depend on each other and there is little work between them, so the processor has nearly
    // all of their misses (the word cache and the weight table are 16 MB each) in flight at once,
    // and the loops below find the lines in the CPU cache. The slots are kept for the probe.
    const slots = this.slots;
    let touched = 0;
    for (let k = 0; k < nb; k++) touched ^= w[buckets[k]! << 2]!;
    for (let k = 0, x = 0; k < nw; k += 4, x++) {
      const slot = mix32(words[k]! ^ Math.imul(words[k + 1]!, 0x9e3779b1)) & SLOT_MASK;
      slots[x] = slot;
      touched ^= meta[(slot << 4) + 3]!;
    }
    this.touched = touched;
    // A row of 16 Int8 weights is read as four Int32 loads; on a little-endian machine byte j
    // of a load is weight j of its four, sign-extended by a shift up and back.
    for (let k = 0; k < nb; k++) {
      const r = buckets[k]! << 2;
      const q0 = w[r]!, q1 = w[r + 1]!, q2 = w[r + 2]!, q3 = w[r + 3]!;
      a0 += (q0 << 24) >> 24; a1 += (q0 << 16) >> 24; a2 += (q0 << 8) >> 24; a3 += q0 >> 24;
      a4 += (q1 << 24) >> 24; a5 += (q1 << 16) >> 24; a6 += (q1 << 8) >> 24; a7 += q1 >> 24;
      a8 += (q2 << 24) >> 24; a9 += (q2 << 16) >> 24; a10 += (q2 << 8) >> 24; a11 += q2 >> 24;
      a12 += (q3 << 24) >> 24; a13 += (q3 << 16) >> 24; a14 += (q3 << 8) >> 24; a15 += q3 >> 24;
    }
    for (let k = 0, x = 0; k < nw; k += 4, x++) {
      const wh = words[k]!;
      const ch = words[k + 1]!;
      const start = words[k + 2]!;
      const wl = words[k + 3]!;
      let slot = slots[x]!;
      for (;;) {
        const m = slot << 4;
        if (meta[m + 3] === 0) {
          slot = this.fill(text, start, start + wl, wh, ch, slot);
          break;
        }
        if (meta[m] === wh && meta[m + 1] === ch && meta[m + 2] === wl) break;
        slot = (slot + 1) & SLOT_MASK;
      }
      const m = slot << 4;
      n += meta[m + 3]! - 1;
      // The 16 Int16 sums (bytes 32–63 of the slot) as eight Int32 loads, two sums each.
      const p0 = meta[m + 8]!, p1 = meta[m + 9]!, p2 = meta[m + 10]!, p3 = meta[m + 11]!;
      const p4 = meta[m + 12]!, p5 = meta[m + 13]!, p6 = meta[m + 14]!, p7 = meta[m + 15]!;
      a0 += (p0 << 16) >> 16; a1 += p0 >> 16; a2 += (p1 << 16) >> 16; a3 += p1 >> 16;
      a4 += (p2 << 16) >> 16; a5 += p2 >> 16; a6 += (p3 << 16) >> 16; a7 += p3 >> 16;
      a8 += (p4 << 16) >> 16; a9 += p4 >> 16; a10 += (p5 << 16) >> 16; a11 += p5 >> 16;
      a12 += (p6 << 16) >> 16; a13 += p6 >> 16; a14 += (p7 << 16) >> 16; a15 += p7 >> 16;
    }
    acc[0] = a0; acc[1] = a1; acc[2] = a2; acc[3] = a3; acc[4] = a4; acc[5] = a5; acc[6] = a6; acc[7] = a7;
    acc[8] = a8; acc[9] = a9; acc[10] = a10; acc[11] = a11; acc[12] = a12; acc[13] = a13; acc[14] = a14; acc[15] = a15;
    return n;
  }

  /**
   * Hashes `text`: each word's two hashes, start and length into `words` (returns their count
   * of entries, four per word); the buckets of word bigrams and symbols into `buckets`
   * (`tableCount` of them).
   */
  private hashWords(text: string): number {
    const len = text.length;
    if (this.words.length < len * 2 + 8) {
      this.words = new Int32Array(len * 2 + 8);
      this.buckets = new Int32Array(len + 8);
      this.slots = new Int32Array((len >> 1) + 8);
    }
    const words = this.words;
    const buckets = this.buckets;
    const mask = this.mask;
    let nw = 0;
    let nb = 0;
    let prevWord = 0;
    let hasPrev = false;
    let i = 0;
    while (i < len) {
      const c = text.charCodeAt(i);
      const cls = CLASS[c]!;
      if (cls === 1) {
        let e = i + 1;
        while (e < len && CLASS[text.charCodeAt(e)] === 1) e++;
        let wh = SEED_WORD;
        let ch = SEED_CACHE;
        for (let k = i; k < e; k++) {
          const u = text.charCodeAt(k);
          wh = Math.imul(wh ^ u, FNV_PRIME);
          ch = Math.imul(ch ^ u, FNV_PRIME);
        }
        words[nw] = wh;
        words[nw + 1] = ch;
        words[nw + 2] = i;
        words[nw + 3] = e - i;
        nw += 4;
        if (hasPrev) buckets[nb++] = mix32(combine(combine(SEED_BIGRAM, prevWord), wh)) & mask;
        hasPrev = true;
        prevWord = wh;
        i = e;
      } else if (cls === 2) {
        i++;
      } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < len) {
        buckets[nb++] = mix32(fnvStep(fnvStep(SEED_SYM, c), text.charCodeAt(i + 1))) & mask;
        i += 2;
      } else {
        if (keepSymbol(c)) buckets[nb++] = mix32(fnvStep(SEED_SYM, c)) & mask;
        i++;
      }
    }
    this.tableCount = nb;
    return nw;
  }

  /** Computes and stores the sums of the word `text[i, e)` (hashes `wh`, `ch`); returns its slot. */
  private fill(text: string, i: number, e: number, wh: number, ch: number, slot: number): number {
    const meta = this.meta;
    if (this.count >= SLOT_LIMIT) {
      meta.fill(0);
      this.count = 0;
      slot = mix32(wh ^ Math.imul(ch, 0x9e3779b1)) & SLOT_MASK;
    }
    const { charMin, charMax, maxWordChars } = this.config;
    const f = this.scratch;
    let n = 0;
    f[n++] = mix32(wh) & this.mask;
    n = charGrams(text, i, Math.min(e - i, maxWordChars), charMin, charMax, this.mask, f, n, null);
    if (this.keyed) {
      const kh = this.extractor.wordKeyBucket(text, i, e, wh, ch);
      if (kh >= 0) f[n++] = kh;
    }
    // The rows as four Int32 loads each, as in `sum`, after a loop that touches each row (their
    // misses overlap).
    const w = this.rows;
    let touched = 0;
    for (let k = 0; k < n; k++) touched ^= w[f[k]! << 2]!;
    this.touched ^= touched;
    let a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0;
    let a8 = 0, a9 = 0, a10 = 0, a11 = 0, a12 = 0, a13 = 0, a14 = 0, a15 = 0;
    for (let k = 0; k < n; k++) {
      const r = f[k]! << 2;
      const q0 = w[r]!, q1 = w[r + 1]!, q2 = w[r + 2]!, q3 = w[r + 3]!;
      a0 += (q0 << 24) >> 24; a1 += (q0 << 16) >> 24; a2 += (q0 << 8) >> 24; a3 += q0 >> 24;
      a4 += (q1 << 24) >> 24; a5 += (q1 << 16) >> 24; a6 += (q1 << 8) >> 24; a7 += q1 >> 24;
      a8 += (q2 << 24) >> 24; a9 += (q2 << 16) >> 24; a10 += (q2 << 8) >> 24; a11 += q2 >> 24;
      a12 += (q3 << 24) >> 24; a13 += (q3 << 16) >> 24; a14 += (q3 << 8) >> 24; a15 += q3 >> 24;
    }
    const m = slot << 4;
    meta[m] = wh;
    meta[m + 1] = ch;
    meta[m + 2] = e - i;
    meta[m + 3] = n + 1;
    const s = this.sums;
    const r = (slot << 5) + 16;
    s[r] = a0; s[r + 1] = a1; s[r + 2] = a2; s[r + 3] = a3; s[r + 4] = a4; s[r + 5] = a5; s[r + 6] = a6; s[r + 7] = a7;
    s[r + 8] = a8; s[r + 9] = a9; s[r + 10] = a10; s[r + 11] = a11; s[r + 12] = a12; s[r + 13] = a13; s[r + 14] = a14; s[r + 15] = a15;
    this.count++;
    return slot;
  }
}

/** The most features one word can have: its unigram, character n-grams and spelling key. */
function maxWordFeatures(c: FeatureConfig): number {
  const grams = Math.max(0, c.charMax - c.charMin + 1);
  return 2 + (c.maxWordChars + 2) * grams;
}
