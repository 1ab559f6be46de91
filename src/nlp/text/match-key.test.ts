import { describe, expect, it } from 'vitest';
import { matchKey } from './match-key.js';
import { devanagariToLatin } from './transliterate.js';

describe('devanagariToLatin', () => {
  it('romanises loosely, dropping the final inherent vowel', () => {
    expect(devanagariToLatin('पुलिस')).toBe('pulis');
    expect(devanagariToLatin('दंगा')).toBe('dangaa');
    expect(devanagariToLatin('राम')).toBe('raam');
    expect(devanagariToLatin('कमल')).toBe('kamal');
    expect(devanagariToLatin('हिन्दू')).toBe('hindoo');
  });

  it('keeps the Perso-Arabic value of nukta letters and passes other text through', () => {
    expect(devanagariToLatin('ज़मीन')).toBe('zameen');
    expect(devanagariToLatin('क़ानून')).toBe('qaanoon');
    expect(devanagariToLatin('Delhi दिल्ली 123')).toBe('Delhi dillee 123');
    expect(devanagariToLatin('१२')).toBe('12');
  });
});

function sameKey(words: string[]): void {
  const keys = words.map((w) => matchKey(w));
  expect(new Set(keys).size, `${words.join(', ')} → ${keys.join(', ')}`).toBe(1);
  expect(keys[0]).not.toBe('');
}

describe('matchKey', () => {
  it('gives Devanagari and romanised spellings of one word the same key', () => {
    sameKey(['दंगा', 'danga', 'dangaa', 'Dangaaa']);
    sameKey(['पुलिस', 'police', 'pulis', 'pulice', 'POLICE']);
    sameKey(['थाना', 'thana', 'thaana']);
    sameKey(['मुसलमान', 'musalman', 'musalmaan']);
    sameKey(['ज़मीन', 'जमीन', 'zameen', 'jamin']);
    sameKey(['हिंदू', 'हिन्दू', 'hindu', 'hindoo']);
    sameKey(['दिल्ली', 'delhi', 'dilli']);
    sameKey(['लक्ष्मी', 'laxmi', 'lakshmi']);
    sameKey(['सीलमपुर', 'seelampur', 'silampur']);
    sameKey(['जाफ़राबाद', 'jafrabad', 'jaffrabad', 'zafrabad']);
    sameKey(['चाँदनी', 'चांदनी', 'chandni', 'chandani']);
  });

  it('keeps different words apart', () => {
    expect(matchKey('दंगा')).not.toBe(matchKey('डंडा'));
    expect(matchKey('danga')).not.toBe(matchKey('danda'));
    expect(matchKey('hindu')).not.toBe(matchKey('hind'));
    expect(matchKey('saket')).not.toBe(matchKey('basket'));
    expect(matchKey('police')).not.toBe(matchKey('please'));
  });

  it('keeps inflected forms apart: thana (station) and thane (stations, oblique)', () => {
    expect(matchKey('थाना')).not.toBe(matchKey('थाने'));
    expect(matchKey('thane')).toBe(matchKey('थाने'));
  });

  it('is empty for text with no letters or digits', () => {
    expect(matchKey('!!')).toBe('');
    expect(matchKey('')).toBe('');
  });
});
