import { matchKey } from '../../nlp/text/match-key.js';
import { encode, isPlaceholder, signatureOfKeys, WORDS } from '../dedupe/minhash.js';
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

/** Both keys a mention stores from its words, in one pass over the normalised text. */
export function textKeys(normalized: string): TextKeys {
  // The spelling keys; words of scripts they do not fold (key '') are searched by `wordKey`.
  const keys = new Set<string>();
  let unfolded: Set<string> | null = null;
  for (const m of normalized.matchAll(WORDS)) {
    if (isPlaceholder(normalized, m)) continue;
    const k = matchKey(m[0]);
    keys.add(k);
    if (k === '') (unfolded ??= new Set()).add(wordKey(m[0]));
  }
  const sig = signatureOfKeys(keys);
  let search = '';
  for (const k of keys) if (k !== '' && k.length <= MAX_SEARCH_KEY) search = search === '' ? k : `${search} ${k}`;
  if (unfolded) for (const w of unfolded) if (w.length <= MAX_SEARCH_KEY && !keys.has(w)) search = search === '' ? w : `${search} ${w}`;
  return { clusterKey: sig ? encode(sig) : null, searchKeys: search };
}

/** The distinct words of mentions' search keys (each a space-separated `searchKeys`), for the search dictionary. */
export function searchWords(searchKeys: Iterable<string>): string[] {
  const words = new Set<string>();
  for (const keys of searchKeys) if (keys !== '') for (const w of keys.split(' ')) words.add(w);
  return [...words];
}
