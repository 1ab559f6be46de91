import { computeMatchKey } from '../../nlp/text/match-key.js';
import { encode, forEachWordRun, keyHash, signatureOfHashes } from '../dedupe/minhash.js';
import { wordKey } from '../query/word-key.js';

/** Longer search keys are left out: nobody searches for them, and a tsvector lexeme must stay under 2 KB. */
export const MAX_SEARCH_KEY = 64;

export interface TextKeys {
  /** The near-duplicate key (MinHash signature of the words' spelling keys), or null for too few words. */
  clusterKey: string | null;
  /**
   * Each word's search key once, space-separated: `wordKey`, the spelling key of the query
   * language (दंगा, danga and dangaa are "dnga"), or the lower-cased word in a script it does not
   * fold. Stored as the mention's `search_keys` tsvector; the words are letters, marks and digits
   * only, so the text is a tsvector literal as it is.
   */
  searchKeys: string;
}

/** A spelling key as a text's keys use it: its signature hash, and the last text that met it. */
interface KeyInfo {
  key: string;
  /** `keyHash` (null for a function word). */
  hash: number | null;
  stamp: number;
}

/** A word as written: its key's info (one object per key), and its `wordKey` when the key is '' (a script not folded). */
interface WordInfo {
  info: KeyInfo;
  unfolded: string | null;
}

// Most words recur: each is worked out once. Both tables are emptied together, between texts, so
// that one key has one KeyInfo while a text is read.
const wordInfos = new Map<string, WordInfo>();
const keyInfos = new Map<string, KeyInfo>();
const INFOS_LIMIT = 200_000;
let textStamp = 0;

function wordInfo(word: string): WordInfo {
  let w = wordInfos.get(word);
  if (w === undefined) {
    const key = computeMatchKey(word);
    let info = keyInfos.get(key);
    if (info === undefined) keyInfos.set(key, (info = { key, hash: keyHash(key), stamp: 0 }));
    wordInfos.set(word, (w = { info, unfolded: key === '' ? wordKey(word) : null }));
  }
  return w;
}

/**
 * Both keys a mention stores from its words, in one pass over the normalised text: each distinct
 * spelling key once, in order, for the search keys and the signature (distinct hashes, as
 * `signatureOfKeys` takes them).
 */
export function textKeys(normalized: string): TextKeys {
  if (wordInfos.size >= INFOS_LIMIT) {
    wordInfos.clear();
    keyInfos.clear();
  }
  const stamp = ++textStamp;
  const keys: string[] = [];
  const hashes: number[] = [];
  // Words of scripts the spelling keys do not fold (key '') are searched by `wordKey`.
  const unfolded: string[] = [];
  forEachWordRun(normalized, (start, end) => {
    const w = wordInfo(normalized.slice(start, end));
    const k = w.info;
    if (k.stamp !== stamp) {
      k.stamp = stamp;
      keys.push(k.key);
      if (k.hash !== null && !hashes.includes(k.hash)) hashes.push(k.hash);
    }
    if (w.unfolded !== null && !unfolded.includes(w.unfolded)) unfolded.push(w.unfolded);
  });
  const sig = signatureOfHashes(hashes);
  const search: string[] = [];
  for (const k of keys) if (k !== '' && k.length <= MAX_SEARCH_KEY) search.push(k);
  for (const w of unfolded) if (w.length <= MAX_SEARCH_KEY && !keys.includes(w)) search.push(w);
  return { clusterKey: sig ? encode(sig) : null, searchKeys: search.join(' ') };
}

/** The distinct words of mentions' search keys (each a space-separated `searchKeys`), for the search dictionary. */
export function searchWords(searchKeys: Iterable<string>): string[] {
  const words = new Set<string>();
  for (const keys of searchKeys) if (keys !== '') for (const w of keys.split(' ')) words.add(w);
  return [...words];
}
