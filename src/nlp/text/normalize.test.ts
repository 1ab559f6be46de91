import { describe, expect, it } from 'vitest';
import { normalize, toNfc } from './normalize.js';

describe('normalize', () => {
  it('composes to NFC', () => {
    // क + ि written as decomposed input stays one NFC string; é decomposed becomes é.
    expect(normalize('cafe\u0301')).toBe('caf\u00e9');
  });

  it('removes zero-width characters', () => {
    expect(normalize('पु\u200Bलि\u200Dस\uFEFF')).toBe('पुलिस');
    expect(normalize('a\u200Cb')).toBe('ab');
  });

  it('folds nukta letters to their base letter, precomposed or not', () => {
    expect(normalize('ज़मीन')).toBe('जमीन');
    expect(normalize('\u095Bमीन')).toBe('जमीन'); // precomposed ज़
    expect(normalize('सड़क')).toBe('सडक');
    expect(normalize('फ़ोन')).toBe('फोन');
  });

  it('folds candrabindu to anusvara', () => {
    expect(normalize('चाँद')).toBe('चांद');
    expect(normalize('हँसी')).toBe(normalize('हंसी'));
  });

  it('lower-cases Latin and leaves Devanagari alone', () => {
    expect(normalize('Delhi POLICE दिल्ली')).toBe('delhi police दिल्ली');
  });

  it('cuts letters repeated three or more times to two', () => {
    expect(normalize('sooooo goooood')).toBe('soo good');
    expect(normalize('book')).toBe('book');
    expect(normalize('नहीईईई')).toBe('नहीईई');
    expect(normalize('हाहाहाहा')).toBe('हाहा');
  });

  it('replaces URLs and handles with placeholders', () => {
    expect(normalize('see https://t.co/AbC123 now')).toBe('see _url_ now');
    expect(normalize('www.example.com/x?y=1')).toBe('_url_');
    expect(normalize('@DelhiPolice please help')).toBe('_user_ please help');
    expect(normalize('mail me at a@b.com')).toBe('mail me at a@b.com');
  });

  it('collapses white space, also around removed characters', () => {
    expect(normalize('  a \n\t b  ')).toBe('a b');
    expect(normalize('a \u200C b \u200B')).toBe('a b');
    expect(normalize('\u200B a\u00A0\u2003b')).toBe('a b');
  });

  it('rewrites long texts and keeps lone surrogates where white space is collapsed', () => {
    const long = 'शब्द  WORD\n'.repeat(500);
    expect(normalize(long)).toBe(Array.from({ length: 500 }, () => 'शब्द word').join(' '));
    expect(normalize('a  \uD800 b\n\uDC00')).toBe('a \uD800 b \uDC00');
    // A short text after a long one reuses the buffer without its old contents.
    expect(normalize(' x  y ')).toBe('x y');
  });

  it('is idempotent', () => {
    const s = 'Heyyyy @abc ज़मीन पर चाँद http://x.y/z नहीं!!!';
    expect(normalize(normalize(s))).toBe(normalize(s));
  });

  it('skips the NFC normaliser only where it would change nothing', () => {
    // Every BMP character alone and next to letters and combining marks that compose or reorder.
    const around = ['a', 'न', '\u093C', '\u094D', '\u0301', 'ा'];
    const wrong: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      for (const s of [ch, ...around.map((p) => p + ch), ...around.map((p) => ch + p)]) {
        if (toNfc(s) !== s.normalize('NFC')) wrong.push(s);
      }
    }
    expect(wrong).toEqual([]);
    for (const s of ['👮‍♂️ पुलिस', 'a\uD83D', '\uDC4Ea', 'क\u093C', 'ऩ', '\u0928\u093C', '\u{1D15E}', '\u{2F800}']) {
      expect(toNfc(s)).toBe(s.normalize('NFC'));
    }
    const plain = 'दिल्ली पुलिस ने FIR दर्ज की — ₹500 का चालान 🙏';
    expect(toNfc(plain)).toBe(plain);
  });
});
