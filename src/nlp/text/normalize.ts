/**
 * Canonical form of a post for matching and features. The same input always gives the same
 * output; the steps are ordered so that URLs and handles are replaced before letters are folded
 * (a URL's path must not leak words into the features).
 */

// Zero-width space, non-joiner, joiner, word joiner, BOM, soft hyphen, LRM/RLM.
const ZERO_WIDTH = /[\u200B-\u200F\u2060\uFEFF\u00AD]/g;
// Devanagari nukta (NFC leaves क़ … य़ decomposed as base + U+093C, so removing it folds them).
const NUKTA = /\u093C/g;
// Candrabindu → anusvara: both mark nasalisation and writers use them interchangeably.
const CANDRABINDU = /\u0901/g;
// Precomposed nukta letters, in case the input skipped NFC.
const PRECOMPOSED_NUKTA = /[\u0958-\u095F]/g;
const NUKTA_BASE: Record<string, string> = {
  '\u0958': '\u0915', // क़ → क
  '\u0959': '\u0916', // ख़ → ख
  '\u095A': '\u0917', // ग़ → ग
  '\u095B': '\u091C', // ज़ → ज
  '\u095C': '\u0921', // ड़ → ड
  '\u095D': '\u0922', // ढ़ → ढ
  '\u095E': '\u092B', // फ़ → फ
  '\u095F': '\u092F', // य़ → य
};
export const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s<>"]+/gi;
export const HANDLE_PATTERN = /(^|[^\p{L}\p{M}\p{N}_@])@[\p{L}\p{M}\p{N}_]{1,50}/gu;
// A letter (with its combining marks) repeated three or more times.
const REPEAT = /(\p{L}\p{M}*)\1{2,}/gu;
const SPACE = /\s+/gu;
const NEEDS_REPEAT_CHECK = /(\p{L}\p{M}*)\1\1/u;

/** NFC, zero-width removal, nukta and candrabindu folding, lower-case, repeats, URL/handle placeholders. */
export function normalize(text: string): string {
  let s = text.normalize('NFC');
  s = s.replace(ZERO_WIDTH, '');
  if (s.includes('http') || s.includes('www.') || s.includes('HTTP') || s.includes('WWW.')) {
    s = s.replace(URL_PATTERN, ' _url_ ');
  }
  if (s.includes('@')) s = s.replace(HANDLE_PATTERN, '$1 _user_ ');
  s = s.replace(PRECOMPOSED_NUKTA, (c) => NUKTA_BASE[c] ?? c);
  s = s.replace(NUKTA, '').replace(CANDRABINDU, '\u0902');
  s = s.toLowerCase();
  if (NEEDS_REPEAT_CHECK.test(s)) s = s.replace(REPEAT, '$1$1');
  return s.replace(SPACE, ' ').trim();
}
