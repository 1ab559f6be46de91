import type { Queryable } from '../../db/database.js';
import { normalize } from '../../nlp/text/normalize.js';
import { forEachWord } from '../dedupe/minhash.js';
import { MAX_SEARCH_KEY } from '../mentions/text-keys.js';
import { wordKey } from '../query/word-key.js';
import { similarWords } from './search-repository.js';

/** Dictionary words at least this similar (trigrams) to a query word's key are searched with it. */
export const FUZZY_SIMILARITY = 0.45;
/** At most this many of them per query word. */
export const FUZZY_PER_WORD = 8;
/** Keys shorter than this have too few trigrams to compare: they are searched as they are. */
const FUZZY_MIN_LENGTH = 4;

/** A query's words as search keys (the same keys the mentions store), each once. */
export function queryKeys(q: string): string[] {
  const keys = new Set<string>();
  forEachWord(normalize(q), (w) => {
    const k = wordKey(w);
    if (k !== '' && k.length <= MAX_SEARCH_KEY) keys.add(k);
  });
  return [...keys];
}

const lexeme = (w: string) => `'${w.replaceAll("'", "''").replaceAll('\\', '\\\\')}'`;

/**
 * The tsquery for a free-text search: every word of the query must occur, as its key or as one of
 * the dictionary's words like it (Hinglish spellings beyond what the keys fold). Null when the
 * query has no words.
 */
export async function searchQuery(db: Queryable, q: string): Promise<string | null> {
  const keys = queryKeys(q);
  if (keys.length === 0) return null;
  const similar = await similarWords(db, keys.filter((k) => k.length >= FUZZY_MIN_LENGTH), FUZZY_SIMILARITY, FUZZY_PER_WORD);
  return keys.map((k) => `(${[k, ...(similar.get(k) ?? [])].map(lexeme).join(' | ')})`).join(' & ');
}
