/**
 * Features of one Latin-script word for the token language model: the whole word and its
 * character 1–4-grams with word-boundary marks, hashed (FNV-1a) into a fixed table. Hashing is
 * done on char codes in place, so scoring a word allocates nothing.
 */

export const LANGID_BITS = 18;
export const LANGID_DIM = 1 << LANGID_BITS;
const MASK = LANGID_DIM - 1;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const BOUNDARY = 0x5e; // '^' before and after the word
export const MAX_NGRAM = 4;

function codeAt(word: string, i: number, n: number): number {
  return i < 0 || i >= n ? BOUNDARY : word.charCodeAt(i);
}

/** Calls `visit(index)` for each feature of `word` (lower-case, letters and digits). */
export function forEachFeature(word: string, visit: (index: number) => void): void {
  const n = word.length;
  // Whole word, with its own seed so it never collides with an n-gram of the same letters.
  let h = FNV_OFFSET ^ 0x2f;
  for (let i = 0; i < n; i++) h = Math.imul(h ^ word.charCodeAt(i), FNV_PRIME);
  visit((h >>> 0) & MASK);
  for (let i = -1; i <= n; i++) {
    let g = FNV_OFFSET;
    for (let k = 0; k < MAX_NGRAM && i + k <= n; k++) {
      g = Math.imul(g ^ codeAt(word, i + k, n), FNV_PRIME);
      // The bare boundary mark is not a feature.
      if (k === 0 && (i < 0 || i >= n)) continue;
      visit(((g ^ (k + 1)) >>> 0) & MASK);
    }
  }
}

/** The word's code units between two boundary marks, for `scoreWord` (grown as needed). */
let padded = new Int32Array(64);

/**
 * Dot product of the features of `word` with `weights`: the features of `forEachFeature`, added
 * in the same order, read from the word copied once between its boundary marks.
 */
export function scoreWord(word: string, weights: Float32Array): number {
  const n = word.length;
  if (padded.length < n + 2) padded = new Int32Array(n * 2 + 2);
  const p = padded;
  let h = FNV_OFFSET ^ 0x2f;
  p[0] = BOUNDARY;
  for (let i = 0; i < n; i++) {
    const c = word.charCodeAt(i);
    p[i + 1] = c;
    h = Math.imul(h ^ c, FNV_PRIME);
  }
  const last = n + 1;
  p[last] = BOUNDARY;
  let z = weights[(h >>> 0) & MASK]!;
  // Padded position q is word position q - 1; a gram starting on a boundary mark skips its first
  // (bare mark) feature.
  for (let q = 0; q <= last; q++) {
    let g = Math.imul(FNV_OFFSET ^ p[q]!, FNV_PRIME);
    if (q !== 0 && q !== last) z += weights[((g ^ 1) >>> 0) & MASK]!;
    const end = Math.min(MAX_NGRAM, last - q + 1);
    for (let k = 1; k < end; k++) {
      g = Math.imul(g ^ p[q + k]!, FNV_PRIME);
      z += weights[((g ^ (k + 1)) >>> 0) & MASK]!;
    }
  }
  return z;
}

/**
 * Index of the feature "the word before is `word`" (side 1) or "the word after is `word`"
 * (side 2); the empty word stands for the start or end of the post.
 */
export function neighbourFeature(word: string, side: 1 | 2): number {
  let h = FNV_OFFSET ^ (0x40 + side);
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), FNV_PRIME);
  return (h >>> 0) & MASK;
}

const REPEAT3 = /(.)\1{2,}/g;
const NOT_WORD = /[^\p{L}\p{M}\p{N}]/gu;

/** The form of a Latin token that the model sees: lower-case, 3+ repeats cut to 2. */
export function latinForm(token: string): string {
  if (isPlainForm(token)) return token;
  const ascii = asciiForm(token);
  if (ascii !== null) return ascii;
  return token.toLowerCase().replace(NOT_WORD, '').replace(REPEAT3, '$1$1');
}

let formUnits = new Uint16Array(64);

/**
 * `latinForm` of an all-ASCII token on char codes (null for any other token): lower-casing
 * changes only A–Z there, the letters and digits are what `NOT_WORD` keeps, and a run of three or
 * more equal units becomes two.
 */
function asciiForm(token: string): string | null {
  const n = token.length;
  if (formUnits.length < n) formUnits = new Uint16Array(n * 2);
  const u = formUnits;
  let len = 0;
  for (let i = 0; i < n; i++) {
    let c = token.charCodeAt(i);
    if (c >= 0x80) return null;
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    else if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39))) continue;
    if (len >= 2 && u[len - 1] === c && u[len - 2] === c) continue;
    u[len++] = c;
  }
  let out = '';
  for (let i = 0; i < len; i++) out += String.fromCharCode(u[i]!);
  return out;
}

/**
 * Whether `latinForm` leaves `token` as it is: lower-case ASCII letters and digits, none three
 * times in a row (most words; checked without the regular expressions).
 */
function isPlainForm(token: string): boolean {
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39))) return false;
    if (i >= 2 && c === token.charCodeAt(i - 1) && c === token.charCodeAt(i - 2)) return false;
  }
  return true;
}
