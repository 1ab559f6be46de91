import { describe, expect, it } from 'vitest';
import { matchKey } from '../../nlp/text/match-key.js';
import { normalize } from '../../nlp/text/normalize.js';
import { encode, forEachWord, signature } from '../dedupe/minhash.js';
import { wordKey } from '../query/word-key.js';
import { loadDemoPosts } from '../sources/demo-stream.js';
import { MAX_SEARCH_KEY, searchWords, textKeys } from './text-keys.js';

/** The search keys by their definition: each word's spelling key once, in order, then the words of scripts it does not fold. */
function searchKeysOf(text: string): string {
  const keys: string[] = [];
  const unfolded: string[] = [];
  forEachWord(text, (w) => {
    const k = matchKey(w);
    if (!keys.includes(k)) keys.push(k);
    if (k === '' && !unfolded.includes(wordKey(w))) unfolded.push(wordKey(w));
  });
  return [...keys.filter((k) => k !== ''), ...unfolded.filter((w) => !keys.includes(w))].filter((k) => k.length <= MAX_SEARCH_KEY).join(' ');
}

describe('textKeys', () => {
  it('gives the signature and the search keys of their definitions, for every demo post and awkward texts', () => {
    const texts = [
      ...loadDemoPosts().map((p) => normalize(p.text)),
      'ਪੰਜਾਬ ਪੁਲਿਸ ਨੇ ਚੋਰ ਫੜਿਆ and the police came ਪੰਜਾਬ',
      'danga dangaa दंगा दंगे riot riots the the है है _url_ _user_',
      `${'x'.repeat(70)} long word and more words here`,
      'जय हिन्द',
      '',
    ];
    let clustered = 0;
    for (const text of texts) {
      const keys = textKeys(text);
      const sig = signature(text);
      expect(keys.clusterKey, text).toBe(sig ? encode(sig) : null);
      expect(keys.searchKeys, text).toBe(searchKeysOf(text));
      if (keys.clusterKey) clustered++;
    }
    expect(clustered).toBeGreaterThan(200);
  });

  it('collects the distinct words of a batch', () => {
    expect(searchWords(['dnga pulis', '', 'pulis afvah'])).toEqual(['dnga', 'pulis', 'afvah']);
  });
});
