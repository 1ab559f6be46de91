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
const VIRAMA = 0x094d;
const NUKTA = 0x093c;
const ANUSVARA = 0x0902;
const CANDRABINDU = 0x0901;
const VISARGA = 0x0903;

// The tables above as arrays indexed by code point − U+0900, so the loop does no string lookups.
function table(...records: Record<string, string>[]): (string | undefined)[] {
  const t = new Array<string | undefined>(0x80).fill(undefined);
  for (const r of records) for (const [ch, v] of Object.entries(r)) t[ch.charCodeAt(0) - 0x900] = v;
  return t;
}
const CONS = table(CONSONANT, PRECOMPOSED);
const NUKTA_CONS = table(NUKTA_CONSONANT);
const MATRAS = table(MATRA);
const STANDALONE = table(OTHER, MATRA, VOWEL); // later records win: vowel, then matra, then other
const IS_OTHER = table(OTHER);

function isDevanagariLetter(code: number): boolean {
  return code >= 0x0900 && code <= 0x097f && IS_OTHER[code - 0x900] === undefined;
}

export function devanagariToLatin(s: string): string {
  let out = '';
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const code = s.charCodeAt(i);
    if (code < 0x0900 || code > 0x097f) {
      out += s[i];
      continue;
    }
    let cons = CONS[code - 0x900];
    if (cons !== undefined) {
      if (s.charCodeAt(i + 1) === NUKTA) {
        cons = NUKTA_CONS[code - 0x900] ?? cons;
        i++;
      }
      out += cons;
      const next = i + 1 < n ? s.charCodeAt(i + 1) : -1;
      if (next === VIRAMA) {
        i++;
        continue;
      }
      const matra = next >= 0x0900 && next <= 0x097f ? MATRAS[next - 0x900] : undefined;
      if (matra !== undefined) {
        out += matra;
        i++;
        continue;
      }
      // Inherent vowel, dropped at the end of a word (राम → ram) as Hindi speakers say it.
      const nasal = next === ANUSVARA || next === CANDRABINDU;
      const after = nasal ? (i + 2 < n ? s.charCodeAt(i + 2) : -1) : next;
      if (isDevanagariLetter(after) || nasal || next === VISARGA) out += 'a';
      continue;
    }
    const v = STANDALONE[code - 0x900];
    if (v !== undefined) out += v;
    // Anything else (stray virama or nukta, unassigned code points) carries no sound.
  }
  return out;
}
