/**
 * A loose Devanagari → Latin romanisation, close to how people type Hindi on a phone (ITRANS-like:
 * आ → aa, ई → ee, ऊ → oo, श/ष → sh, word-final inherent vowel dropped). It is made for matching,
 * not for display or round-tripping: nukta letters keep their Perso-Arabic value (ज़ → z) when
 * the nukta is present, and anusvara becomes `n` whatever consonant follows.
 */

const CONSONANT: Record<string, string> = {
  क: 'k', ख: 'kh', ग: 'g', घ: 'gh', ङ: 'n',
  च: 'ch', छ: 'chh', ज: 'j', झ: 'jh', ञ: 'n',
  ट: 't', ठ: 'th', ड: 'd', ढ: 'dh', ण: 'n',
  त: 't', थ: 'th', द: 'd', ध: 'dh', न: 'n', ऩ: 'n',
  प: 'p', फ: 'ph', ब: 'b', भ: 'bh', म: 'm',
  य: 'y', र: 'r', ऱ: 'r', ल: 'l', ळ: 'l', ऴ: 'l', व: 'v',
  श: 'sh', ष: 'sh', स: 's', ह: 'h',
};
const NUKTA_CONSONANT: Record<string, string> = {
  क: 'q', ख: 'kh', ग: 'gh', ज: 'z', ड: 'r', ढ: 'rh', फ: 'f', य: 'y',
};
const PRECOMPOSED: Record<string, string> = {
  '\u0958': 'q', '\u0959': 'kh', '\u095A': 'gh', '\u095B': 'z',
  '\u095C': 'r', '\u095D': 'rh', '\u095E': 'f', '\u095F': 'y',
};
const VOWEL: Record<string, string> = {
  अ: 'a', आ: 'aa', इ: 'i', ई: 'ee', उ: 'u', ऊ: 'oo', ऋ: 'ri', ॠ: 'ri', ऌ: 'li',
  ए: 'e', ऐ: 'ai', ओ: 'o', औ: 'au', ऑ: 'o', ऍ: 'e', ऎ: 'e', ऒ: 'o',
};
const MATRA: Record<string, string> = {
  'ा': 'aa', 'ि': 'i', 'ी': 'ee', 'ु': 'u', 'ू': 'oo', 'ृ': 'ri', 'ॄ': 'ri',
  'े': 'e', 'ै': 'ai', 'ो': 'o', 'ौ': 'au', 'ॉ': 'o', 'ॅ': 'e', 'ॆ': 'e', 'ॊ': 'o',
};
const OTHER: Record<string, string> = {
  'ं': 'n', 'ँ': 'n', 'ः': 'h', 'ऽ': '', '।': '.', '॥': '.', 'ॐ': 'om',
  '०': '0', '१': '1', '२': '2', '३': '3', '४': '4', '५': '5', '६': '6', '७': '7', '८': '8', '९': '9',
};
const VIRAMA = '\u094D';
const NUKTA = '\u093C';

function isDevanagariLetter(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  return code >= 0x0900 && code <= 0x097f && OTHER[c] === undefined;
}

export function devanagariToLatin(s: string): string {
  let out = '';
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s[i]!;
    const code = c.charCodeAt(0);
    if (code < 0x0900 || code > 0x097f) {
      out += c;
      continue;
    }
    let cons = CONSONANT[c];
    const pre = PRECOMPOSED[c];
    if (pre !== undefined) cons = pre;
    if (cons !== undefined) {
      if (s[i + 1] === NUKTA) {
        cons = NUKTA_CONSONANT[c] ?? cons;
        i++;
      }
      out += cons;
      const next = s[i + 1];
      if (next === VIRAMA) {
        i++;
        continue;
      }
      const matra = next === undefined ? undefined : MATRA[next];
      if (matra !== undefined) {
        out += matra;
        i++;
        continue;
      }
      // Inherent vowel, dropped at the end of a word (राम → ram) as Hindi speakers say it.
      const after = next === 'ं' || next === 'ँ' ? s[i + 2] : next;
      if (isDevanagariLetter(after) || next === 'ं' || next === 'ँ' || next === 'ः') out += 'a';
      continue;
    }
    const v = VOWEL[c] ?? MATRA[c] ?? OTHER[c];
    if (v !== undefined) out += v;
    // Anything else (stray virama or nukta, unassigned code points) carries no sound.
  }
  return out;
}
