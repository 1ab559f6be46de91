/**
 * A script-insensitive, spelling-tolerant key for one word: दंगा, danga and dangaa share a key;
 * पुलिस, police, pulis and pulice share a key. The monitoring query language compares keys.
 *
 * How: Devanagari is romanised first, then both scripts go through the same folding —
 * aspirates lose their `h` (th → t, bh → b), sh → s, z → j, q → k, w → v, c → s/k, doubled
 * letters are single, long vowels fold to short (aa → a, ee → i, oo → u, ai → e, au → o), and the
 * short `a` inside a word is dropped. That last step is what makes the key ignore schwa deletion
 * (मुसलमान is romanised "musalamaan", people type "musalman"; both give "muslmn").
 * The first and last letters keep their vowel, so inflected forms stay distinct:
 * थाना/thana → "tna" but थाने/thane → "tne", and हिंदू/hindu ("hindu") ≠ hind. A query that wants
 * both forms lists both. Retroflex and dental consonants are one letter in Latin, so they fold too.
 */
import { toNfc } from './normalize.js';
import { devanagariToLatin } from './transliterate.js';

// English spellings of loanwords that no folding rule brings to the Hindi form. Keys are
// lower-case Latin; values are a romanisation that folds like the Devanagari spelling.
const SPELLING = new Map<string, string>([
  ['police', 'pulis'],
  ['delhi', 'dilli'],
  ['dehli', 'dilli'],
  ['pulice', 'pulis'],
  ['polis', 'pulis'],
  ['polise', 'pulis'],
  ['station', 'steshan'],
  ['report', 'riport'],
  ['case', 'kes'],
  ['crime', 'kraim'],
  ['complaint', 'kamplent'],
  ['complain', 'kamplen'],
  ['news', 'nyuj'],
  ['court', 'kort'],
  ['jail', 'jel'],
  ['mobile', 'mobail'],
  ['video', 'vidiyo'],
  ['metro', 'metro'],
  ['road', 'rod'],
  ['colony', 'kolini'],
  ['nagar', 'nagar'],
]);

const DEVANAGARI = /[\u0900-\u097F]/;
const NON_KEY = /[^a-z0-9]/g;

// Char codes used by the folding passes.
const a = 0x61, b = 0x62, c = 0x63, d = 0x64, e = 0x65, f = 0x66, g = 0x67, h = 0x68, i_ = 0x69;
const j = 0x6a, k = 0x6b, m = 0x6d, n_ = 0x6e, o = 0x6f, p = 0x70, q = 0x71, r = 0x72, s_ = 0x73;
const t = 0x74, u = 0x75, v = 0x76, w = 0x77, x = 0x78, y = 0x79, z = 0x7a;
/** Stands for the sound of ch/chh until the end, so that its `h` is not read as an aspirate. */
const CH = 0x43;

let bufA = new Uint16Array(64);
let bufB = new Uint16Array(64);

/**
 * The folding rules, applied in order, each a left-to-right pass like a global replace:
 *  1 chh|ch → CH · 2 ck → k · 3 c → s before e/i/y, else k · 4 sh → s ·
 *  5 [kgjtdbr CH]h → without h (aspirates) · 6 ph → f · 7 z → j, q → k, w → v, x → ks ·
 *  8 ee|ii|ie → i · 9 oo|uu|ou → u · 10 ai|ei|final ay → e · 11 au|aw → o · 12 aa+ → a ·
 *  13 a letter repeated → once · 14 an a that is neither first nor last is dropped ·
 *  15 m before b/p/f → n · 16 repeats once more (the a-drop brings letters together).
 * The test checks this against the same rules written as regular expressions.
 */
function fold(latin: string): string {
  const len = latin.length;
  reserve(len);
  for (let i = 0; i < len; i++) bufA[i] = latin.charCodeAt(i);
  return foldCodes(len);
}

/** Room for a word of `len` units in the fold buffers (the folds at most double it: x → ks). */
function reserve(len: number): void {
  if (bufA.length < len * 2 + 2) {
    bufA = new Uint16Array(len * 2 + 2);
    bufB = new Uint16Array(len * 2 + 2);
  }
}

/** Bit of a letter a–z (or CH) in the set of letters a word may hold, for skipping passes. */
function bit(letter: number): number {
  return letter === CH ? 1 << 26 : 1 << (letter - a);
}
const B_A = bit(a), B_C = bit(c), B_E = bit(e), B_F = bit(f), B_H = bit(h), B_I = bit(i_), B_J = bit(j);
const B_K = bit(k), B_M = bit(m), B_O = bit(o), B_P = bit(p), B_Q = bit(q), B_S = bit(s_), B_U = bit(u);
const B_V = bit(v), B_W = bit(w), B_X = bit(x), B_Y = bit(y), B_Z = bit(z), B_CH = bit(CH);

/**
 * `fold` of the `len` units already in `bufA`. A pass whose pattern needs a letter the word does
 * not hold would copy the word unchanged, so it is skipped: `has` is a superset of the letters
 * present (a pass adds the letters it may write and never removes any).
 */
function foldCodes(length: number): string {
  let len = length;
  let src = bufA;
  let dst = bufB;
  let out: number;
  let has = 0;
  for (let i = 0; i < len; i++) {
    const ch = src[i]!;
    if (ch >= a && ch <= z) has |= 1 << (ch - a);
  }
  // After each pass its output is the next one's input. The swap is written out at every pass
  // (not a closure): a closure would keep these variables in a heap context, and every access
  // in the loops would go through it.
  let tmp: typeof src;

  // 1 chh|ch → CH
  if ((has & (B_C | B_H)) === (B_C | B_H)) {
    out = 0;
    for (let i = 0; i < len; ) {
      if (src[i] === c && src[i + 1] === h && i + 1 < len) {
        dst[out++] = CH;
        i += src[i + 2] === h && i + 2 < len ? 3 : 2;
      } else dst[out++] = src[i++]!;
    }
    tmp = src; src = dst; dst = tmp; len = out; // swap
    has |= B_CH;
  }
  // 2 ck → k; 3 c → s before e/i/y, else k (on the string after 2)
  if ((has & (B_C | B_K)) === (B_C | B_K)) {
    out = 0;
    for (let i = 0; i < len; ) {
      if (src[i] === c && src[i + 1] === k && i + 1 < len) {
        dst[out++] = k;
        i += 2;
      } else dst[out++] = src[i++]!;
    }
    tmp = src; src = dst; dst = tmp; len = out; // swap
    has |= B_K;
  }
  if ((has & B_C) !== 0) {
    out = 0;
    for (let i = 0; i < len; i++) {
      const ch = src[i]!;
      if (ch === c) {
        const nx = i + 1 < len ? src[i + 1] : 0;
        dst[out++] = nx === e || nx === i_ || nx === y ? s_ : k;
      } else dst[out++] = ch;
    }
    tmp = src; src = dst; dst = tmp; len = out; // swap
    has |= B_S | B_K;
  }
  // 4 sh → s
  if ((has & (B_S | B_H)) === (B_S | B_H)) {
    out = 0;
    for (let i = 0; i < len; ) {
      if (src[i] === s_ && src[i + 1] === h && i + 1 < len) {
        dst[out++] = s_;
        i += 2;
      } else dst[out++] = src[i++]!;
    }
    tmp = src; src = dst; dst = tmp; len = out; // swap
  }
  // 5 aspirates
  if ((has & B_H) !== 0) {
    out = 0;
    for (let i = 0; i < len; ) {
      const ch = src[i]!;
      if (
        i + 1 < len &&
        src[i + 1] === h &&
        (ch === k || ch === g || ch === j || ch === t || ch === d || ch === b || ch === r || ch === CH)
      ) {
        dst[out++] = ch;
        i += 2;
      } else {
        dst[out++] = ch;
        i++;
      }
    }
    tmp = src; src = dst; dst = tmp; len = out; // swap
  }
  // 6 ph → f
  if ((has & (B_P | B_H)) === (B_P | B_H)) {
    out = 0;
    for (let i = 0; i < len; ) {
      if (src[i] === p && src[i + 1] === h && i + 1 < len) {
        dst[out++] = f;
        i += 2;
      } else dst[out++] = src[i++]!;
    }
    tmp = src; src = dst; dst = tmp; len = out; // swap
    has |= B_F;
  }
  // 7 z → j, q → k, w → v, x → ks
  if ((has & (B_Z | B_Q | B_W | B_X)) !== 0) {
    out = 0;
    for (let i = 0; i < len; i++) {
      const ch = src[i]!;
      if (ch === z) dst[out++] = j;
      else if (ch === q) dst[out++] = k;
      else if (ch === w) dst[out++] = v;
      else if (ch === x) {
        dst[out++] = k;
        dst[out++] = s_;
      } else dst[out++] = ch;
    }
    tmp = src; src = dst; dst = tmp; len = out; // swap
    has |= B_J | B_K | B_V | B_S;
  }
  // 8 ee|ii|ie → i; 9 oo|uu|ou → u (separate passes: 8's output can feed 9 only through u/o, which 8 never writes)
  if ((has & (B_E | B_I)) !== 0) {
    out = 0;
    for (let i = 0; i < len; ) {
      const ch = src[i]!;
      const nx = i + 1 < len ? src[i + 1] : 0;
      if ((ch === e && nx === e) || (ch === i_ && (nx === i_ || nx === e))) {
        dst[out++] = i_;
        i += 2;
      } else {
        dst[out++] = ch;
        i++;
      }
    }
    tmp = src; src = dst; dst = tmp; len = out; // swap
    has |= B_I;
  }
  if ((has & (B_O | B_U)) !== 0) {
    out = 0;
    for (let i = 0; i < len; ) {
      const ch = src[i]!;
      const nx = i + 1 < len ? src[i + 1] : 0;
      if ((ch === o && (nx === o || nx === u)) || (ch === u && nx === u)) {
        dst[out++] = u;
        i += 2;
      } else {
        dst[out++] = ch;
        i++;
      }
    }
    tmp = src; src = dst; dst = tmp; len = out; // swap
    has |= B_U;
  }
  // 10 ai|ay$|ei → e
  if ((has & (B_A | B_E)) !== 0 && (has & (B_I | B_Y)) !== 0) {
    out = 0;
    for (let i = 0; i < len; ) {
      const ch = src[i]!;
      const nx = i + 1 < len ? src[i + 1] : 0;
      if ((ch === a && (nx === i_ || (nx === y && i + 2 === len))) || (ch === e && nx === i_)) {
        dst[out++] = e;
        i += 2;
      } else {
        dst[out++] = ch;
        i++;
      }
    }
    tmp = src; src = dst; dst = tmp; len = out; // swap
    has |= B_E;
  }
  // 11 au|aw → o
  if ((has & B_A) !== 0 && (has & (B_U | B_W)) !== 0) {
    out = 0;
    for (let i = 0; i < len; ) {
      const ch = src[i]!;
      const nx = i + 1 < len ? src[i + 1] : 0;
      if (ch === a && (nx === u || nx === w)) {
        dst[out++] = o;
        i += 2;
      } else {
        dst[out++] = ch;
        i++;
      }
    }
    tmp = src; src = dst; dst = tmp; len = out; // swap
    has |= B_O;
  }
  // 12 aa+ → a and 13 repeats → once: 13 subsumes 12 (a run of a's becomes one a either way).
  out = dedupe(src, len, dst);
  tmp = src; src = dst; dst = tmp; len = out; // swap
  // 14 medial a
  if ((has & B_A) !== 0) {
    out = 0;
    for (let i = 0; i < len; i++) {
      if (src[i] === a && i > 0 && i < len - 1) continue;
      dst[out++] = src[i]!;
    }
    tmp = src; src = dst; dst = tmp; len = out; // swap
  }
  // 15 m before a labial → n
  if ((has & B_M) !== 0) {
    out = 0;
    for (let i = 0; i < len; i++) {
      const ch = src[i]!;
      const nx = i + 1 < len ? src[i + 1] : 0;
      dst[out++] = ch === m && (nx === b || nx === p || nx === f) ? n_ : ch;
    }
    tmp = src; src = dst; dst = tmp; len = out; // swap
  }
  out = dedupe(src, len, dst);
  for (let i = 0; i < out; i++) if (dst[i] === CH) dst[i] = c;
  return codesToString(dst, out);
}

/** The first `len` units of `u` as a string (short: one unit at a time is quickest). */
function codesToString(u: Uint16Array, len: number): string {
  let res = '';
  for (let i = 0; i < len; i++) res += String.fromCharCode(u[i]!);
  return res;
}

/** Runs of one letter (a–z or CH; not digits) become one. Returns the new length. */
function dedupe(src: Uint16Array, len: number, dst: Uint16Array): number {
  let out = 0;
  for (let i = 0; i < len; i++) {
    const ch = src[i]!;
    if (out > 0 && dst[out - 1] === ch && ((ch >= a && ch <= z) || ch === CH)) continue;
    dst[out++] = ch;
  }
  return out;
}

const cache = new Map<string, string>();
const CACHE_LIMIT = 200_000;

/** Key of one word (no spaces). Returns '' for input with no letters or digits. */
export function matchKey(word: string): string {
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  const key = computeMatchKey(word);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, key);
  return key;
}

// The spelling table's entries by length, for a lookup on char codes.
const SPELLING_BY_LENGTH: [string, string][][] = [];
for (const [from, to] of SPELLING) (SPELLING_BY_LENGTH[from.length] ??= []).push([from, to]);

/**
 * `matchKey` without its cache, for callers that keep keys of their own (by word number or by
 * word hash): a second cache in front of theirs would cost a string lookup for every new word.
 *
 * Words of ASCII and Devanagari only (nearly all) take a path on char codes; it gives what the
 * string steps give: lower-casing changes only A–Z there, the romanisation writes lower-case
 * ASCII and passes other units through, and the filter keeps a–z and 0–9. Anything else (other
 * scripts, Latin letters with accents, whose lower case may differ in length) takes the string
 * steps themselves.
 */
export function computeMatchKey(word: string): string {
  const n = word.length;
  if (n === 0) return '';
  // A post's new word usually comes here twice, as written (geotag) and normalised (the
  // classifier's features), mostly the same string: the last few hundred answers are kept in a
  // small table placed by length and end letters, which costs no hashing.
  const slot = (n * 31 + word.charCodeAt(0) * 7 + word.charCodeAt(n - 1)) & RECENT_MASK;
  if (recentWords[slot] === word) return recentKeys[slot]!;
  const key = keyOf(word);
  recentWords[slot] = word;
  recentKeys[slot] = key;
  return key;
}

const RECENT_MASK = 255;
const recentWords = new Array<string>(RECENT_MASK + 1).fill('');
const recentKeys = new Array<string>(RECENT_MASK + 1).fill('');

/** The key of a non-empty word (see `computeMatchKey`). */
function keyOf(word: string): string {
  const w = toNfc(word);
  const n = w.length;
  let devanagari = false;
  let upper = false;
  for (let i = 0; i < n; i++) {
    const u = w.charCodeAt(i);
    if (u < 0x80) {
      if (u >= 0x41 && u <= 0x5a) upper = true;
    } else if (u >= 0x0900 && u <= 0x097f) devanagari = true;
    else return slowKey(w);
  }
  let s = w;
  if (devanagari) s = devanagariToLatin(upper ? w.toLowerCase() : w);
  const len = s.length;
  reserve(len);
  const buf = bufA;
  let k = 0;
  for (let i = 0; i < len; i++) {
    let u = s.charCodeAt(i);
    if (u >= 0x41 && u <= 0x5a) u += 0x20;
    if ((u >= a && u <= z) || (u >= 0x30 && u <= 0x39)) buf[k++] = u;
  }
  if (k === 0) return '';
  const spellings = SPELLING_BY_LENGTH[k];
  if (spellings !== undefined) {
    for (const [from, to] of spellings) {
      let same = true;
      for (let i = 0; i < k; i++) {
        if (buf[i] !== from.charCodeAt(i)) {
          same = false;
          break;
        }
      }
      if (same) return fold(to);
    }
  }
  return foldCodes(k);
}

/** The string steps of `computeMatchKey`, for a word in NFC. */
function slowKey(nfc: string): string {
  let s = nfc.toLowerCase();
  if (DEVANAGARI.test(s)) s = devanagariToLatin(s).toLowerCase();
  s = s.replace(NON_KEY, '');
  s = SPELLING.get(s) ?? s;
  return s.length === 0 ? '' : fold(s);
}
