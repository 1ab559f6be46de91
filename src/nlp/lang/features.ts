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

/** Dot product of the features of `word` with `weights`. */
export function scoreWord(word: string, weights: Float32Array): number {
  const n = word.length;
  let h = FNV_OFFSET ^ 0x2f;
  for (let i = 0; i < n; i++) h = Math.imul(h ^ word.charCodeAt(i), FNV_PRIME);
  let z = weights[(h >>> 0) & MASK]!;
  for (let i = -1; i <= n; i++) {
    let g = FNV_OFFSET;
    for (let k = 0; k < MAX_NGRAM && i + k <= n; k++) {
      g = Math.imul(g ^ codeAt(word, i + k, n), FNV_PRIME);
      if (k === 0 && (i < 0 || i >= n)) continue;
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
  return token.toLowerCase().replace(NOT_WORD, '').replace(REPEAT3, '$1$1');
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
