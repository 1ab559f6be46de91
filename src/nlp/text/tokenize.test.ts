import { describe, expect, it } from 'vitest';
import { tokenize } from './tokenize.js';

const kinds = (s: string): [string, string][] => tokenize(s).map((t) => [t.text, t.kind]);

describe('tokenize', () => {
  it('splits words, hashtags, mentions, URLs, numbers, punctuation and emoji', () => {
    expect(kinds('Delhi Police!! @DelhiPolice #DelhiRiots https://t.co/abc 500 😡')).toEqual([
      ['Delhi', 'word'],
      ['Police', 'word'],
      ['!!', 'punct'],
      ['@DelhiPolice', 'mention'],
      ['#DelhiRiots', 'hashtag'],
      ['https://t.co/abc', 'url'],
      ['500', 'number'],
      ['😡', 'emoji'],
    ]);
  });

  it('keeps Devanagari words whole with their vowel signs and viramas', () => {
    expect(kinds('क्या हुआ? दिल्ली पुलिस।')).toEqual([
      ['क्या', 'word'],
      ['हुआ', 'word'],
      ['?', 'punct'],
      ['दिल्ली', 'word'],
      ['पुलिस', 'word'],
      ['।', 'punct'],
    ]);
  });

  it('treats Devanagari digits as numbers and letter-digit mixes as words', () => {
    expect(kinds('१२३ 1st')).toEqual([
      ['१२३', 'number'],
      ['1st', 'word'],
    ]);
  });

  it('keeps emoji sequences whole: skin tones, ZWJ families, flags', () => {
    expect(kinds('👍🏽👨‍👩‍👧🇮🇳')).toEqual([
      ['👍🏽', 'emoji'],
      ['👨‍👩‍👧', 'emoji'],
      ['🇮🇳', 'emoji'],
    ]);
  });

  it('reads the placeholders of normalize as URL and mention', () => {
    expect(kinds('_user_ ne _url_ bheja')).toEqual([
      ['_user_', 'mention'],
      ['ne', 'word'],
      ['_url_', 'url'],
      ['bheja', 'word'],
    ]);
  });

  it('gives offsets that slice back to the token', () => {
    const s = 'यह 👍🏽 #दिल्ली_पुलिस ok!';
    for (const t of tokenize(s)) expect(s.slice(t.start, t.end)).toBe(t.text);
    expect(tokenize(s).map((t) => t.kind)).toEqual(['word', 'emoji', 'hashtag', 'word', 'punct']);
  });

  it('does not take an @ or # inside a word for a mention or hashtag', () => {
    expect(kinds('mail a@b.com C# 5#')).toEqual([
      ['mail', 'word'],
      ['a', 'word'],
      ['@', 'punct'],
      ['b', 'word'],
      ['.', 'punct'],
      ['com', 'word'],
      ['C', 'word'],
      ['#', 'punct'],
      ['5', 'number'],
      ['#', 'punct'],
    ]);
  });

  it('keeps keycaps and ZWJ sequences as emoji and symbols like © as punctuation', () => {
    expect(kinds('1️⃣ 🏴‍☠️ ❤️ ©™')).toEqual([
      ['1️⃣', 'emoji'],
      ['🏴‍☠️', 'emoji'],
      ['❤️', 'emoji'],
      ['©™', 'punct'],
    ]);
  });

  it('survives broken UTF-16 (a lone surrogate is punctuation of one unit)', () => {
    const s = 'ab\uD83Dcd \uDE00x';
    const toks = tokenize(s);
    expect(toks.map((t) => t.text).join('')).toBe(s.replace(/ /g, ''));
    expect(toks.find((t) => t.text === 'cd')?.kind).toBe('word');
  });

  it('returns nothing for empty or blank text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('  \n ')).toEqual([]);
  });
});
