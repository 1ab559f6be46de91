import { matchKey } from '../../nlp/text/match-key.js';
import { encode, forEachWord, signatureOfKeys } from '../dedupe/minhash.js';
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
  const spelling = new Set<string>();
  const search = new Set<string>();
  forEachWord(normalized, (w) => {
    const k = matchKey(w);
    spelling.add(k);
    const s = k || wordKey(w);
    if (s.length <= MAX_SEARCH_KEY) search.add(s);
  });
  const sig = signatureOfKeys(spelling);
  return { clusterKey: sig ? encode(sig) : null, searchKeys: [...search].join(' ') };
}
