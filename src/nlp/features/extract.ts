import { combine, FNV_OFFSET, FNV_PRIME, fnvRange, fnvStep, mix32 } from './hash.js';

/**
 * Hashed features of a normalised text: word unigrams and bigrams, character n-grams inside
 * word boundaries (with `<` and `>` marking the word's edges), a script-folded key per word, and
 * emoji/symbol characters. Words are runs of \p{L}\p{M}\p{N}, found with a table built once.
 */
export interface FeatureConfig {
  /** log2 of the hash space. */
  bits: number;
  charMin: number;
  charMax: number;
  /** Words longer than this give no character n-grams beyond their first `maxWordChars` units. */
  maxWordChars: number;
  /** Adds one feature per word from an outside key function (script-insensitive spelling key). */
  wordKeys: boolean;
}

export const DEFAULT_FEATURES: FeatureConfig = {
  bits: 20,
  charMin: 3,
  charMax: 5,
  maxWordChars: 24,
  wordKeys: true,
};

/** Texts are cut to this many code units before feature extraction. */
export const MAX_TEXT = 2000;

export const SEED_WORD = fnvStep(FNV_OFFSET, 0x57); // W
export const SEED_BIGRAM = fnvStep(FNV_OFFSET, 0x42); // B
const SEED_CHAR = fnvStep(FNV_OFFSET, 0x43); // C
const SEED_KEY = fnvStep(FNV_OFFSET, 0x4b); // K
export const SEED_SYM = fnvStep(FNV_OFFSET, 0x53); // S
export const SEED_CACHE = fnvStep(FNV_OFFSET, 0x4d); // M

const KEY_TABLE_BITS = 18;
const KEY_TABLE_SIZE = 1 << KEY_TABLE_BITS;
const KEY_TABLE_MASK = KEY_TABLE_SIZE - 1;
const KEY_TABLE_LIMIT = Math.floor(KEY_TABLE_SIZE * 0.7);

const LT = 0x3c;
const GT = 0x3e;

/** 1 for code units that belong to words (\p{L}\p{M}\p{N}), 2 for white space, 0 otherwise. */
export const CLASS = buildClassTable();

function buildClassTable(): Uint8Array {
  const t = new Uint8Array(65536);
  const word = /^[\p{L}\p{M}\p{N}]$/u;
  const space = /^\s$/u;
  for (let c = 0; c < 65536; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const ch = String.fromCharCode(c);
    if (word.test(ch)) t[c] = 1;
    else if (space.test(ch)) t[c] = 2;
  }
  return t;
}

/** Whether a UTF-16 code unit belongs to a word (\p{L}\p{M}\p{N}). */
export function isWordUnit(c: number): boolean {
  return CLASS[c] === 1;
}

/** Whether a non-word, non-space code unit is kept as a feature (emoji, currency, ! and ?). */
export function keepSymbol(c: number): boolean {
  return c >= 0x80 || c === 0x21 || c === 0x3f;
}

export type KeyFunction = (word: string) => string;

/**
 * A reusable extractor. `extract` writes bucket indices into `out` and returns how many; with
 * `names` it also records each feature's readable form, for explanations.
 */
export class FeatureExtractor {
  readonly config: FeatureConfig;
  private readonly mask: number;
  private readonly keyFn: KeyFunction | null;
  /** Whether each word also gives its spelling key's feature. */
  readonly keyed: boolean;
  // Bucket of each word's spelling key, by two 32-bit hashes of the word: open addressing in
  // typed arrays, so a known word costs neither a substring nor a Map lookup on a heap number.
  // Each slot is [hash a, hash b, bucket + 2 (1 = no key, 0 = empty), unused]: one cache line.
  private readonly keyTable = new Int32Array(KEY_TABLE_SIZE * 4);
  private keyCount = 0;
  buffer: Int32Array;

  constructor(config: FeatureConfig, keyFn: KeyFunction | null) {
    this.config = config;
    this.mask = (1 << config.bits) - 1;
    this.keyFn = config.wordKeys ? keyFn : null;
    this.keyed = this.keyFn !== null;
    this.buffer = new Int32Array(16384);
  }

  /** Bucket indices of `norm` (already normalised) into `this.buffer`; returns the count. */
  extract(norm: string, names: string[] | null = null): number {
    const text = norm.length > MAX_TEXT ? norm.slice(0, MAX_TEXT) : norm;
    const { charMin, charMax, maxWordChars } = this.config;
    const mask = this.mask;
    const need = text.length * (charMax - charMin + 2) + text.length * 4 + 64;
    if (this.buffer.length < need) this.buffer = new Int32Array(need);
    const out = this.buffer;
    let n = 0;
    let prevWord = 0;
    let hasPrev = false;
    let prevStart = 0;
    let prevEnd = 0;
    const len = text.length;
    let i = 0;
    while (i < len) {
      const c = text.charCodeAt(i);
      const cls = CLASS[c]!;
      if (cls === 1) {
        let e = i + 1;
        while (e < len && CLASS[text.charCodeAt(e)] === 1) e++;
        // word unigram (and, in the same pass, a second hash of the word for the key cache)
        let wh = SEED_WORD;
        let ch = SEED_CACHE;
        for (let k = i; k < e; k++) {
          const u = text.charCodeAt(k);
          wh = Math.imul(wh ^ u, FNV_PRIME);
          ch = Math.imul(ch ^ u, FNV_PRIME);
        }
        out[n++] = mix32(wh) & mask;
        if (names !== null) names.push(text.slice(i, e));
        if (hasPrev) {
          out[n++] = mix32(combine(combine(SEED_BIGRAM, prevWord), wh)) & mask;
          if (names !== null) names.push(text.slice(prevStart, prevEnd) + ' ' + text.slice(i, e));
        }
        prevWord = wh;
        prevStart = i;
        prevEnd = e;
        hasPrev = true;
        n = charGrams(text, i, Math.min(e - i, maxWordChars), charMin, charMax, mask, out, n, names);
        if (this.keyFn !== null) {
          const kh = this.wordKeyBucket(text, i, e, wh, ch);
          if (kh >= 0) {
            out[n++] = kh;
            if (names !== null) names.push('~' + this.keyFn(text.slice(i, e)));
          }
        }
        i = e;
      } else if (cls === 2) {
        i++;
      } else {
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < len) {
          const h = fnvStep(fnvStep(SEED_SYM, c), text.charCodeAt(i + 1));
          out[n++] = mix32(h) & mask;
          if (names !== null) names.push(text.slice(i, i + 2));
          i += 2;
        } else {
          if (keepSymbol(c)) {
            out[n++] = mix32(fnvStep(SEED_SYM, c)) & mask;
            if (names !== null) names.push(text.charAt(i));
          }
          i++;
        }
      }
    }
    return n;
  }

  /**
   * Bucket of the spelling key of `text[start, end)`, or -1 if it has none. `a` and `b` are the
   * word's hashes from `SEED_WORD` and `SEED_CACHE` (they name the word in the cache).
   */
  wordKeyBucket(text: string, start: number, end: number, a: number, b: number): number {
    const t = this.keyTable;
    let slot = mix32(a ^ Math.imul(b, 0x9e3779b1)) & KEY_TABLE_MASK;
    for (;;) {
      const v = t[(slot << 2) + 2]!;
      if (v === 0) break;
      if (t[slot << 2] === a && t[(slot << 2) + 1] === b) return v - 2;
      slot = (slot + 1) & KEY_TABLE_MASK;
    }
    const key = this.keyFn!(text.slice(start, end));
    const kh = key.length > 0 ? mix32(fnvRange(key, 0, key.length, SEED_KEY)) & this.mask : -1;
    if (this.keyCount >= KEY_TABLE_LIMIT) {
      t.fill(0);
      this.keyCount = 0;
      slot = mix32(a ^ Math.imul(b, 0x9e3779b1)) & KEY_TABLE_MASK;
    }
    t[slot << 2] = a;
    t[(slot << 2) + 1] = b;
    t[(slot << 2) + 2] = kh + 2;
    this.keyCount++;
    return kh;
  }
}

/**
 * Character n-gram buckets of the word `text[i, i + wl)` padded as "<word>", written to `out`
 * from `n`; returns the new count. With `names`, records each n-gram's readable form.
 */
export function charGrams(
  text: string,
  i: number,
  wl: number,
  charMin: number,
  charMax: number,
  mask: number,
  out: Int32Array,
  n: number,
  names: string[] | null,
): number {
  const last = wl; // index of '>' in padded coordinates relative to i
  for (let p = -1; p <= last; p++) {
    let h = SEED_CHAR;
    for (let k = 0; k < charMax; k++) {
      const q = p + k;
      if (q > last) break;
      const code = q < 0 ? LT : q === last ? GT : text.charCodeAt(i + q);
      h = fnvStep(h, code);
      if (k + 1 >= charMin) {
        out[n++] = mix32(h) & mask;
        if (names !== null) names.push(paddedSlice(text, i, wl, p, q + 1));
      }
    }
  }
  return n;
}

/** The readable form of padded positions [from, to) of the word at `start` of length `wl`. */
function paddedSlice(text: string, start: number, wl: number, from: number, to: number): string {
  let s = '';
  for (let p = from; p < to; p++) s += p < 0 ? '<' : p === wl ? '>' : text.charAt(start + p);
  return s;
}
