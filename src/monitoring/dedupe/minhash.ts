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
/** The words of a normalised text: letters, marks and digits (a global regular expression). */
export const WORDS = /[\p{L}\p{M}\p{N}]+/gu;
const PLACEHOLDERS = new Set(['url', 'user']);

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
  for (const m of normalized.matchAll(WORDS)) if (!isPlaceholder(normalized, m)) visit(m[0]);
}

/** A word match that is a placeholder for a link or a handle (`_url_`, `_user_`), not a word of the text. */
export function isPlaceholder(normalized: string, m: RegExpMatchArray): boolean {
  return PLACEHOLDERS.has(m[0]) && normalized[m.index! - 1] === '_';
}

/** The signature of a text's distinct spelling keys (`matchKey` of each word; function words are left out here). */
export function signatureOfKeys(keys: Iterable<string>): Signature | null {
  const words = new Set<number>();
  for (const key of keys) if (!FUNCTION_WORDS.has(key)) words.add(fnvString(key));
  if (words.size < MIN_WORDS) return null;
  const sig = new Array<number>(HASHES).fill(0xffffffff);
  for (const h of words) {
    for (let i = 0; i < HASHES; i++) {
      const v = mix32(h ^ SEEDS[i]!);
      if (v < sig[i]!) sig[i] = v;
    }
  }
  return sig;
}

/** Band values tagged by position, as signed 32-bit integers (the GIN-indexed `bands` column). */
export function bandsOf(sig: Signature): number[] {
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
  return sig.map((v) => (v >>> 0).toString(16).padStart(8, '0')).join('');
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
