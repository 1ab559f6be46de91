import { describe, expect, it } from 'vitest';
import { DEFAULT_FEATURES, FeatureExtractor } from './extract.js';
import { fnvString, mix32 } from './hash.js';
import { clusterDistance, clusterKey } from './cluster-key.js';
import { matchKey } from '../text/match-key.js';
import { normalize } from '../text/normalize.js';

describe('hashing', () => {
  it('is FNV-1a 32-bit', () => {
    // Published FNV-1a test vectors.
    expect(fnvString('') >>> 0).toBe(0x811c9dc5);
    expect(fnvString('a') >>> 0).toBe(0xe40c292c);
    expect(fnvString('foobar') >>> 0).toBe(0xbf9cf968);
  });
  it('mixes to an unsigned 32-bit value', () => {
    expect(mix32(0)).toBe(0);
    expect(mix32(-1)).toBeGreaterThan(0);
    expect(mix32(-1)).toBeLessThan(2 ** 32);
  });
});

describe('FeatureExtractor', () => {
  const fx = new FeatureExtractor(DEFAULT_FEATURES, matchKey);
  const indices = (text: string): number[] => Array.from(fx.buffer.subarray(0, fx.extract(text)));

  it('gives the same buckets for the same text, every time and in a fresh extractor', () => {
    const t = normalize('दिल्ली पुलिस ने चोर को पकड़ा 👍 #DelhiPolice thanks!');
    const a = indices(t);
    const b = indices(t);
    const c = new FeatureExtractor(DEFAULT_FEATURES, matchKey);
    expect(a).toEqual(b);
    expect(Array.from(c.buffer.subarray(0, c.extract(t)))).toEqual(a);
    expect(a.every((i) => i >= 0 && i < 1 << DEFAULT_FEATURES.bits)).toBe(true);
  });

  it('names every feature with the same buckets as the fast path', () => {
    const t = normalize('पुलिस ने FIR दर्ज की, thanks 🙏');
    const names: string[] = [];
    const n = fx.extract(t, names);
    expect(names).toHaveLength(n);
    expect(Array.from(fx.buffer.subarray(0, n))).toEqual(indices(t));
    // Devanagari words stay whole (vowel signs are part of the word), edges are marked.
    expect(names).toContain('पुलिस');
    expect(names).toContain('<पुल');
    expect(names).toContain('िस>');
    expect(names).toContain('पुलिस ने');
    expect(names).toContain('🙏');
    expect(names).toContain('~' + matchKey('पुलिस'));
  });

  it('gives script-folded spellings a shared feature', () => {
    const a = new Set(indices('पुलिस'));
    const b = indices('police');
    expect(b.some((i) => a.has(i))).toBe(true);
    expect(matchKey('पुलिस')).toBe(matchKey('police'));
  });

  it('counts char n-grams of lengths 2 to 5 inside word boundaries', () => {
    const cfg = { ...DEFAULT_FEATURES, charMin: 2, charMax: 5, wordKeys: false };
    const f = new FeatureExtractor(cfg, null);
    const names: string[] = [];
    f.extract('ab', names);
    // "<ab>": 2-grams <a ab b>, 3-grams <ab ab>, 4-gram <ab>, plus the word itself.
    expect(names.sort()).toEqual(['<a', '<ab', '<ab>', 'ab', 'ab', 'ab>', 'b>'].sort());
  });
});

describe('clusterKey', () => {
  it('is equal for copies that differ only in links and handles, near for small edits', () => {
    const a = clusterKey(normalize('Breaking: fire near Saket metro station, avoid the area https://t.co/abc'));
    const b = clusterKey(normalize('Breaking: fire near Saket metro station, avoid the area https://t.co/xyz'));
    const c = clusterKey(normalize('Breaking: big fire near Saket metro station, avoid the area'));
    const d = clusterKey(normalize('मौसम आज बहुत अच्छा है, चलो घूमने चलते हैं'));
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(a).toBe(b);
    expect(clusterDistance(a, c)).toBeLessThan(clusterDistance(a, d));
  });
});
