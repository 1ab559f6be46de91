/**
 * Tokeniser for social-media text in Hindi, English and Hinglish. Offsets are UTF-16 indices into
 * the input, so `text.slice(start, end) === token.text`. Words are runs of letters, marks and
 * digits (`\p{L}\p{M}\p{N}`, never `\w`, which would cut Devanagari at every vowel sign).
 *
 * A hand-written scanner over a character-class table built once at load: the tokeniser runs on
 * every post of the ingest stream, and one pass over char codes is several times faster than a
 * Unicode-property regular expression.
 */

export type TokenKind = 'word' | 'hashtag' | 'mention' | 'url' | 'emoji' | 'number' | 'punct';

export interface Token {
  text: string;
  kind: TokenKind;
  start: number;
  end: number;
}

const OTHER = 0; // punctuation, symbols
const WORD = 1; // \p{L} or \p{M}
const DIGIT = 2; // \p{N}
const SPACE = 3;
const PICTO = 4; // \p{Extended_Pictographic}
const FORMAT = 5; // joiners and selectors that glue an emoji sequence

const WORD_RE = /[\p{L}\p{M}]/u;
const DIGIT_RE = /\p{N}/u;
const SPACE_RE = /\s/u;
const PICTO_RE = /\p{Extended_Pictographic}/u;

function classify(ch: string): number {
  if (WORD_RE.test(ch)) return WORD;
  if (DIGIT_RE.test(ch)) return DIGIT;
  if (SPACE_RE.test(ch)) return SPACE;
  if (PICTO_RE.test(ch)) return PICTO;
  return OTHER;
}

// Class of every BMP code unit; surrogates are handled through `astral`.
const BMP = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) {
  if (c >= 0xd800 && c <= 0xdfff) continue;
  BMP[c] = classify(String.fromCharCode(c));
}
BMP[0x200d] = FORMAT; // ZWJ
BMP[0xfe0f] = FORMAT; // variation selector-16
BMP[0x20e3] = FORMAT; // combining enclosing keycap
// A copyright sign or digit is not an emoji unless followed by VS16; keep ©/® as symbols.
BMP[0x00a9] = OTHER;
BMP[0x00ae] = OTHER;
BMP[0x2122] = OTHER; // ™

const astralCache = new Map<number, number>();
function astralClass(cp: number): number {
  let k = astralCache.get(cp);
  if (k === undefined) {
    if (cp >= 0x1f1e6 && cp <= 0x1f1ff) k = PICTO; // regional indicator
    else if (cp >= 0x1f3fb && cp <= 0x1f3ff) k = FORMAT; // skin tone
    else if (cp >= 0xe0020 && cp <= 0xe007f) k = FORMAT; // tag characters (subdivision flags)
    else k = classify(String.fromCodePoint(cp));
    astralCache.set(cp, k);
  }
  return k;
}

function isRegionalIndicator(cp: number): boolean {
  return cp >= 0x1f1e6 && cp <= 0x1f1ff;
}

/** Class and width (1 or 2 code units) of the code point at `i`. */
function classAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return BMP[c]!;
  const cp = s.codePointAt(i)!;
  return cp > 0xffff ? astralClass(cp) : OTHER;
}

function widthAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return 1;
  const next = s.charCodeAt(i + 1); // NaN past the end
  return next >= 0xdc00 && next <= 0xdfff ? 2 : 1; // a lone high surrogate is one unit
}

const isWordClass = (k: number): boolean => k === WORD || k === DIGIT;

function startsWithCI(s: string, i: number, prefix: string): boolean {
  if (i + prefix.length > s.length) return false;
  for (let k = 0; k < prefix.length; k++) {
    if ((s.charCodeAt(i + k) | 0x20) !== prefix.charCodeAt(k)) {
      // `| 0x20` lower-cases ASCII letters; non-letters of the prefix must match exactly.
      if (s.charCodeAt(i + k) !== prefix.charCodeAt(k)) return false;
    }
  }
  return true;
}

function urlLength(s: string, i: number): number {
  const c = s.charCodeAt(i) | 0x20;
  let head = 0;
  if (c === 0x68 /* h */) {
    if (startsWithCI(s, i, 'https://')) head = 8;
    else if (startsWithCI(s, i, 'http://')) head = 7;
  } else if (c === 0x77 /* w */ && startsWithCI(s, i, 'www.')) head = 4;
  if (head === 0) return 0;
  let j = i + head;
  while (j < s.length) {
    const d = s.charCodeAt(j);
    if (d === 0x3c || d === 0x3e || d === 0x22 || BMP[d] === SPACE) break; // < > " space
    j++;
  }
  return j - i;
}

/** End of a run of word characters and underscores starting at `j` (for handles and tags). */
function handleEnd(s: string, j: number): number {
  while (j < s.length) {
    if (s.charCodeAt(j) === 0x5f) {
      j++;
      continue;
    }
    const k = classAt(s, j);
    if (!isWordClass(k)) break;
    j += widthAt(s, j);
  }
  return j;
}

/** End of an emoji sequence starting at `i` (a pictograph or keycap base). */
function emojiEnd(s: string, i: number): number {
  const cp = s.codePointAt(i)!;
  let j = i + (cp > 0xffff ? 2 : 1);
  if (isRegionalIndicator(cp)) {
    const next = s.codePointAt(j);
    if (next !== undefined && isRegionalIndicator(next)) j += 2;
    return j;
  }
  while (j < s.length) {
    const k = classAt(s, j);
    if (k !== FORMAT) break;
    const joiner = s.charCodeAt(j) === 0x200d;
    j += widthAt(s, j);
    if (joiner) {
      if (j < s.length && classAt(s, j) === PICTO) j += widthAt(s, j);
      else break;
    }
  }
  return j;
}

function isKeycap(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (!(c === 0x23 || c === 0x2a || (c >= 0x30 && c <= 0x39))) return false;
  const n = s.charCodeAt(i + 1);
  return n === 0x20e3 || (n === 0xfe0f && s.charCodeAt(i + 2) === 0x20e3);
}

/** True when the character before `i` is a letter or digit (so `a@b` is no mention, `C#` no tag). */
function afterWord(s: string, i: number): boolean {
  if (i === 0) return false;
  const c = s.charCodeAt(i - 1);
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) return isWordClass(classAt(s, i - 2));
  return isWordClass(BMP[c]!);
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  scanTokens(text, (kind, start, end) => out.push({ text: text.slice(start, end), kind, start, end }));
  return out;
}

/**
 * The tokeniser without the token objects: calls `visit` with each token's kind and offsets, in
 * order. For hot paths that look at a few kinds only (the geotagger reads words and tags).
 */
export function scanTokens(text: string, visit: (kind: TokenKind, start: number, end: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const k = classAt(text, i);
    if (k === SPACE) {
      i++;
      continue;
    }
    let end: number;
    let kind: TokenKind;
    const url = c === 0x68 || c === 0x48 || c === 0x77 || c === 0x57 ? urlLength(text, i) : 0;
    if (url > 0) {
      end = i + url;
      kind = 'url';
    } else if (c === 0x5f && text.startsWith('_url_', i)) {
      end = i + 5;
      kind = 'url';
    } else if (c === 0x5f && text.startsWith('_user_', i)) {
      end = i + 6;
      kind = 'mention';
    } else if ((c === 0x40 || c === 0x23) && !afterWord(text, i) && i + 1 < n && handleEnd(text, i + 1) > i + 1) {
      end = handleEnd(text, i + 1);
      kind = c === 0x40 ? 'mention' : 'hashtag';
    } else if (isKeycap(text, i)) {
      end = emojiEnd(text, i);
      kind = 'emoji';
    } else if (isWordClass(k)) {
      let allDigits = k === DIGIT;
      end = i + widthAt(text, i);
      while (end < n) {
        const k2 = classAt(text, end);
        if (!isWordClass(k2)) break;
        if (k2 !== DIGIT) allDigits = false;
        end += widthAt(text, end);
      }
      kind = allDigits ? 'number' : 'word';
    } else if (k === PICTO) {
      end = emojiEnd(text, i);
      kind = 'emoji';
    } else {
      // A run of punctuation, stopping before anything that starts another token.
      end = i + widthAt(text, i);
      while (end < n) {
        const d = text.charCodeAt(end);
        if (d === 0x23 || d === 0x40 || d === 0x5f) break;
        const k2 = classAt(text, end);
        if (k2 !== OTHER) break;
        end += widthAt(text, end);
      }
      kind = 'punct';
    }
    visit(kind, i, end);
    i = end;
  }
}
