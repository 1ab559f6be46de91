import { matchKey } from '../../nlp/text/match-key.js';

/**
 * The key a query word and a text word are compared by: `matchKey` (दंगा = danga = dangaa), or
 * the lower-cased word for scripts `matchKey` does not fold (it gives '' for them), so that a
 * word in any script can still be found.
 */
export function wordKey(word: string): string {
  return matchKey(word) || word.normalize('NFC').toLowerCase();
}

/**
 * The key prefix of a word-end wildcard (`dang*`). A short `a` is dropped inside a key but kept at
 * its end, so a trailing `a` of the prefix is dropped too: `danga*` must reach "dangai" (dnge).
 * Empty when the prefix is too short for its key to say anything (then only the spelling counts).
 */
export function prefixKey(prefix: string): string {
  let k = wordKey(prefix);
  if (k.length > 2 && k.endsWith('a')) k = k.slice(0, -1);
  return k.length >= 2 ? k : '';
}
