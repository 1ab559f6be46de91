import { describe, expect, it } from 'vitest';
import { latinForm } from './features.js';
import { langIdModel } from './model.js';
import { createTagger } from './tagger.js';

/** `latinForm` as the regular expressions alone define it. */
const byRegex = (t: string): string =>
  t
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]/gu, '')
    .replace(/(.)\1{2,}/g, '$1$1');

const TOKENS = ['police', 'Police', 'DELHI', 'kyaaa', 'kyaa', 'noooo', 'abc123', '1000', 'x', '', 'naïve', 'ok_done', 'aaab', 'abbb', 'Ⅻ', 'straße'];

describe('latinForm', () => {
  it('is the lower-cased word without other characters and with repeats cut to two', () => {
    for (const t of TOKENS) expect(latinForm(t), t).toBe(byRegex(t));
  });
});

describe('the tagger entry without the cache', () => {
  it('writes what the cached entry holds', () => {
    const tagger = createTagger(langIdModel());
    const out = new Float64Array(4);
    for (const t of TOKENS) {
      tagger.entryInto(t, out, 1);
      const e = tagger.wordEntry(t);
      expect([out[1], out[2], out[3]], t).toEqual([e.z, e.asPrev, e.asNext]);
    }
  });
});
