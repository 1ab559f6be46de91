import { describe, expect, it } from 'vitest';
import { bandsOf, BANDS, decode, encode, forEachWord, HASHES, MIN_SHARED_BANDS, signature, similarity, THRESHOLD, type Signature } from './minhash.js';

/** A deterministic stream of 32-bit values (xorshift). */
function values(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    return s >>> 0;
  };
}

function sharedBands(a: Signature, b: Signature): number {
  const ba = bandsOf(a);
  const bb = bandsOf(b);
  return ba.filter((v, i) => v === bb[i]).length;
}

describe('MinHash band lookup', () => {
  it('needs two shared bands to reach the threshold with 8 bands of 2', () => {
    expect(MIN_SHARED_BANDS).toBe(2);
  });

  it('finds every pair of signatures at or above the threshold sharing that many bands', () => {
    const next = values(0x5eed);
    let checked = 0;
    for (let trial = 0; trial < 20_000; trial++) {
      const a = Array.from({ length: HASHES }, next);
      // Copy a and change between 0 and 8 positions, so many pairs sit right at the threshold.
      const b = [...a];
      const changes = next() % 9;
      for (let k = 0; k < changes; k++) b[next() % HASHES] = next();
      if (similarity(a, b) < THRESHOLD) continue;
      checked++;
      expect(sharedBands(a, b)).toBeGreaterThanOrEqual(MIN_SHARED_BANDS);
    }
    expect(checked).toBeGreaterThan(1_000);
  });

  it('gives one band value for each band', () => {
    const sig = signature('delhi police ne danga karne walon ko pakda')!;
    expect(bandsOf(sig)).toHaveLength(BANDS);
  });

  it('reads back the signature it stores as a key', () => {
    const next = values(0xbeef);
    for (let trial = 0; trial < 1_000; trial++) {
      const sig = Array.from({ length: HASHES }, next);
      expect(decode(encode(sig))).toEqual(sig);
      expect(decode(encode(sig).toUpperCase())).toEqual(sig);
    }
  });

  it('leaves function words out, in either script and any spelling', () => {
    const bare = signature('pulis danga karne walon pakda')!;
    expect(signature('police ne danga karne walon ko pakda')).toEqual(bare);
    expect(signature('पुलिस ने दंगा करने वालों को पकड़ा है')).toEqual(signature('पुलिस दंगा करने वालों पकड़ा'));
    // Function words alone are too few words to cluster on.
    expect(signature('यह है और वह था, it is what it was')).toBeNull();
  });

  it('finds a romanised copy of a Devanagari text similar', () => {
    const a = signature('पुलिस ने दंगा करने वालों को पकड़ा')!;
    const b = signature('pulis ne danga karne walon ko pakda')!;
    expect(similarity(a, b)).toBeGreaterThanOrEqual(THRESHOLD);
  });
});

describe('words of a normalised text', () => {
  // The definition the scanner follows: runs of letters, marks and digits, less the placeholders.
  const byRegex = (text: string): string[] =>
    [...text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)].filter((m) => !((m[0] === 'url' || m[0] === 'user') && text[m.index - 1] === '_')).map((m) => m[0]);

  it('are the runs of letters, marks and digits, placeholders left out, in every script and plane', () => {
    const texts = [
      'सीलमपुर में दंगा की अफ़वाह, danga 2020',
      'a 𝐁𝐨𝐥𝐝 word 🙏 test _url_ _user_ x_url_ url user _users_ __url__',
      'keycap 1️⃣ and \u20e3 alone, दं\u200dगा, क़ानून, ਪੰਜਾਬ, اردو',
      'lone \ud800 high and \udc00 low surrogates, 𝑓𝑎𝑘𝑒 𝑛𝑒𝑤𝑠',
      '', '   ', '_url_', 'x',
    ];
    for (const text of texts) {
      const words: string[] = [];
      forEachWord(text, (w) => words.push(w));
      expect(words, text).toEqual(byRegex(text));
    }
  });

  it('encodes a signature as eight hex digits a value', () => {
    expect(encode([0, 0xffffffff, 0x12ab, -1])).toBe('00000000ffffffff000012abffffffff');
  });
});

