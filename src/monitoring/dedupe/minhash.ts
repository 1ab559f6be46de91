import { fnvString, mix32 } from '../../nlp/features/hash.js';
import { matchKey } from '../../nlp/text/match-key.js';

/**
 * Near-duplicate detection by MinHash over the words' spelling keys (`matchKey`, so दंगा and
 * danga are one word): a signature of HASHES minimum hashes estimates the Jaccard similarity of
 * two texts' word sets as the share of positions that agree. Locality-sensitive lookup: the
 * signature is cut into BANDS bands of ROWS values; two texts that share a whole band are
 * candidates (likely when similar: 1 - (1 - J^2)^8 is 0.99 at J = 0.7, 0.08 at J = 0.1), and the
 * signature comparison then decides against THRESHOLD.
 */
export const HASHES = 16;
export const ROWS = 2;
export const BANDS = HASHES / ROWS;
export const THRESHOLD = 0.6;
/**
 * Bands two signatures must share to reach THRESHOLD: with m = ceil(THRESHOLD × HASHES) positions
 * agreeing, at most ROWS − 1 of them can fall in each band that is not shared whole, so at least
 * m − BANDS × (ROWS − 1) bands are (2 here: 10 of 16 positions in 8 bands of 2). Candidates sharing
 * fewer can be skipped without changing any result.
 */
export const MIN_SHARED_BANDS = Math.max(1, Math.ceil(THRESHOLD * HASHES - 1e-9) - BANDS * (ROWS - 1));
/** Fewer distinct words (function words aside) than this give signatures too unstable to cluster on ("ok", "जय हिन्द"). */
export const MIN_WORDS = 4;

const SEEDS = Array.from({ length: HASHES }, (_, i) => mix32(0x9e3779b9 * (i + 1)) | 0);

/**
 * Function words of Hindi (both scripts) and English, left out of the word set. They say nothing
 * about which post a text copies, and they are in most posts: two unrelated posts sharing "ke",
 * "hai" and "the" looked more alike, and the minimum hash of a position was often a function
 * word's, so the same band values stood in thousands of signatures and every lookup met them
 * (`chhavi bench ingest`'s stream: a signature met 842 others under its bands on average, 507
 * without these). Compared by spelling key, so every spelling of one is left out.
 */
const FUNCTION_WORDS = new Set(
  [
    'hai', 'hain', 'ho', 'tha', 'thi', 'the', 'ka', 'ki', 'ke', 'ko', 'se', 'me', 'mein', 'main', 'ne', 'aur', 'par', 'pe',
    'bhi', 'to', 'ye', 'yeh', 'wo', 'woh', 'is', 'us', 'hi', 'na', 'ek',
    'है', 'हैं', 'हो', 'था', 'थी', 'थे', 'का', 'की', 'के', 'को', 'से', 'में', 'ने', 'और', 'पर', 'भी', 'तो', 'ये', 'यह', 'वो', 'वह',
    'इस', 'उस', 'ही', 'ना', 'एक',
    'a', 'an', 'of', 'in', 'on', 'and', 'or', 'for', 'at', 'by', 'with', 'from', 'be', 'are', 'was', 'were', 'it', 'this',
    'that', 'he', 'she', 'they', 'we', 'you', 'i', 'my', 'our', 'your', 'has', 'have', 'been',
  ].map(matchKey),
);

export type Signature = number[];

/** The MinHash signature of a normalised text, or null when it has fewer than MIN_WORDS distinct words. */
export function signature(normalized: string): Signature | null {
  const keys = new Set<string>();
  forEachWord(normalized, (w) => keys.add(matchKey(w)));
  return signatureOfKeys(keys);
}

/**
 * Calls `visit` with each word of a normalised text, in order, leaving out the placeholders that
 * stand for links and handles (`_url_`, `_user_`).
 */
export function forEachWord(normalized: string, visit: (word: string) => void): void {
  forEachWordRun(normalized, (start, end) => visit(normalized.slice(start, end)));
}

// Whether each UTF-16 code unit is a letter, mark or digit (a word character), built once; code points
// beyond the BMP are looked up as they come (few texts have any).
const WORD_UNIT = new Uint8Array(0x10000);
const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;
for (let c = 0; c < 0x10000; c++) if (c < 0xd800 || c > 0xdfff) WORD_UNIT[c] = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 0;
const astralWord = new Map<number, boolean>();

/** Width in code units of the word character at `i` (1 or 2), or 0 when it is none. */
function wordWidth(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return WORD_UNIT[c]!;
  const d = s.charCodeAt(i + 1);
  if (!(d >= 0xdc00 && d <= 0xdfff)) return 0;
  const cp = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
  let w = astralWord.get(cp);
  if (w === undefined) astralWord.set(cp, (w = WORD_CHAR.test(String.fromCodePoint(cp))));
  return w ? 2 : 0;
}

/**
 * `forEachWord` by offsets: calls `visit(start, end)` for each run of letters, marks and digits
 * (`[\p{L}\p{M}\p{N}]+`) in the text, in order, leaving out the placeholders. A scan over a
 * table of code units: the regular expression's iterator made an array for every word.
 */
export function forEachWordRun(normalized: string, visit: (start: number, end: number) => void): void {
  const n = normalized.length;
  let i = 0;
  while (i < n) {
    let w = wordWidth(normalized, i);
    if (w === 0) {
      i++;
      continue;
    }
    const start = i;
    do {
      i += w;
    } while (i < n && (w = wordWidth(normalized, i)) !== 0);
    if (start > 0 && normalized.charCodeAt(start - 1) === 0x5f && isPlaceholderRun(normalized, start, i)) continue;
    visit(start, i);
  }
}

/** `url` or `user` (after an underscore): a placeholder of the normaliser's. */
function isPlaceholderRun(s: string, start: number, end: number): boolean {
  const len = end - start;
  if (len === 3) return s.startsWith('url', start);
  return len === 4 && s.startsWith('user', start);
}

/** The signature of a text's distinct spelling keys (`matchKey` of each word; function words are left out here). */
export function signatureOfKeys(keys: Iterable<string>): Signature | null {
  const words = new Set<number>();
  for (const key of keys) {
    const h = keyHash(key);
    if (h !== null) words.add(h);
  }
  return signatureOfHashes([...words]);
}

/** The hash a spelling key enters a signature with, or null for a function word (left out). */
export function keyHash(key: string): number | null {
  return FUNCTION_WORDS.has(key) ? null : fnvString(key);
}

/** The signature of a text's distinct word hashes (`keyHash`), or null for fewer than MIN_WORDS. */
export function signatureOfHashes(hashes: readonly number[]): Signature | null {
  if (hashes.length < MIN_WORDS) return null;
  const sig = new Array<number>(HASHES).fill(0xffffffff);
  for (const h of hashes) {
    for (let i = 0; i < HASHES; i++) {
      const v = mix32(h ^ SEEDS[i]!);
      if (v < sig[i]!) sig[i] = v;
    }
  }
  return sig;
}

/** Band values tagged by position, as signed 32-bit integers (the GIN-indexed `bands` column). */
export function bandsOf(sig: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = mix32(b + 1);
    for (let r = 0; r < ROWS; r++) h = mix32(h ^ sig[b * ROWS + r]!);
    out.push(h | 0);
  }
  return out;
}

/** Estimated Jaccard similarity: the share of positions where two signatures agree. */
export function similarity(a: Signature, b: Signature): number {
  let same = 0;
  for (let i = 0; i < HASHES; i++) if (a[i] === b[i]) same++;
  return same / HASHES;
}

/** A signature as text (hex, 8 digits per value), as stored in `mentions.cluster_key` and `clusters.key`. */
export function encode(sig: Signature): string {
  const buf = Buffer.allocUnsafe(4 * sig.length);
  for (let i = 0; i < sig.length; i++) buf.writeUInt32BE(sig[i]! >>> 0, 4 * i);
  return buf.toString('hex');
}

export function decode(key: string): Signature {
  const out: number[] = [];
  for (let i = 0; i + 8 <= key.length; i += 8) {
    let v = 0;
    for (let j = i; j < i + 8; j++) {
      const c = key.charCodeAt(j);
      v = v * 16 + (c <= 57 ? c - 48 : (c | 32) - 87);
    }
    out.push(v);
  }
  return out;
}
