/**
 * A script-insensitive, spelling-tolerant key for one word: दंगा, danga and dangaa share a key;
 * पुलिस, police, pulis and pulice share a key. The monitoring query language compares keys.
 *
 * How: Devanagari is romanised first, then both scripts go through the same folding —
 * aspirates lose their `h` (th → t, bh → b), sh → s, z → j, q → k, w → v, c → s/k, doubled
 * letters are single, long vowels fold to short (aa → a, ee → i, oo → u, ai → e, au → o), and the
 * short `a` inside a word is dropped. That last step is what makes the key ignore schwa deletion
 * (मुसलमान is romanised "musalamaan", people type "musalman"; both give "muslmn").
 * The first and last letters keep their vowel, so inflected forms stay distinct:
 * थाना/thana → "tna" but थाने/thane → "tne", and हिंदू/hindu ("hindu") ≠ hind. A query that wants
 * both forms lists both. Retroflex and dental consonants are one letter in Latin, so they fold too.
 */
import { devanagariToLatin } from './transliterate.js';

// English spellings of loanwords that no folding rule brings to the Hindi form. Keys are
// lower-case Latin; values are a romanisation that folds like the Devanagari spelling.
const SPELLING: Record<string, string> = {
  police: 'pulis',
  delhi: 'dilli',
  dehli: 'dilli',
  pulice: 'pulis',
  polis: 'pulis',
  polise: 'pulis',
  station: 'steshan',
  report: 'riport',
  case: 'kes',
  crime: 'kraim',
  complaint: 'kamplent',
  complain: 'kamplen',
  news: 'nyuj',
  court: 'kort',
  jail: 'jel',
  mobile: 'mobail',
  video: 'vidiyo',
  metro: 'metro',
  road: 'rod',
  colony: 'kolini',
  nagar: 'nagar',
};

const DEVANAGARI = /[\u0900-\u097F]/;
const NON_KEY = /[^a-z0-9]/g;
// Applied in this order.
const FOLDS: [RegExp, string][] = [
  [/chh|ch/g, 'C'],
  [/ck/g, 'k'],
  [/c(?=[eiy])/g, 's'],
  [/c/g, 'k'],
  [/sh/g, 's'],
  [/([kgjtdbrC])h/g, '$1'],
  [/ph/g, 'f'],
  [/z/g, 'j'],
  [/q/g, 'k'],
  [/w/g, 'v'],
  [/x/g, 'ks'],
  [/ee|ii|ie/g, 'i'],
  [/oo|uu|ou/g, 'u'],
  [/ai|ay$|ei/g, 'e'],
  [/au|aw/g, 'o'],
  [/aa+/g, 'a'],
  [/([a-zC])\1+/g, '$1'],
];
// Medial short a: between two letters of the word.
const MEDIAL_A = /(?<=.)a(?=.)/g;
const C_MARK = /C/g;
const NASAL_LABIAL = /m(?=[bpf])/g;
const DOUBLE = /([a-zC])\1+/g;

const cache = new Map<string, string>();
const CACHE_LIMIT = 200_000;

function fold(latin: string): string {
  let s = latin;
  for (const [re, to] of FOLDS) s = s.replace(re, to);
  s = s.replace(MEDIAL_A, '');
  // After the a-drop: a nasal before a labial is one sound whichever letter wrote it (सीलमपुर
  // "seelamapur" → silmpur, seelampur → silmpur; संभल "sanbhal" → snbl, sambhal → snbl).
  s = s.replace(NASAL_LABIAL, 'n');
  // The a-drop can bring two equal consonants together (mamala → mml).
  s = s.replace(DOUBLE, '$1');
  return s.replace(C_MARK, 'c');
}

/** Key of one word (no spaces). Returns '' for input with no letters or digits. */
export function matchKey(word: string): string {
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  let s = word.normalize('NFC').toLowerCase();
  if (DEVANAGARI.test(s)) s = devanagariToLatin(s).toLowerCase();
  s = s.replace(NON_KEY, '');
  s = SPELLING[s] ?? s;
  const key = s.length === 0 ? '' : fold(s);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, key);
  return key;
}
