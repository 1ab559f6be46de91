/**
 * Canonical form of a post for matching and features. The same input always gives the same
 * output; the steps are ordered so that URLs and handles are replaced before letters are folded
 * (a URL's path must not leak words into the features).
 */

// Removed: zero-width space, non-joiner, joiner, word joiner, BOM, soft hyphen, LRM/RLM, and
// the Devanagari nukta (NFC leaves क़ … य़ decomposed as base + U+093C, so removing it folds
// them). Candrabindu becomes anusvara: both mark nasalisation and writers use either.
// Precomposed nukta letters (input that skipped NFC) become their base letter.
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

// 1 for letters (\p{L}), 2 for combining marks (\p{M}), 3 for numbers (\p{N}), by BMP code unit.
const LETTER = 1;
const MARK = 2;
const NUMBER = 3;
const LETTER_OR_MARK = buildLetterMarkTable();

function buildLetterMarkTable(): Uint8Array {
  const t = new Uint8Array(0x10000);
  const letter = /^\p{L}$/u;
  const mark = /^\p{M}$/u;
  const number = /^\p{N}$/u;
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const ch = String.fromCharCode(c);
    if (letter.test(ch)) t[c] = LETTER;
    else if (mark.test(ch)) t[c] = MARK;
    else if (number.test(ch)) t[c] = NUMBER;
  }
  return t;
}

const ASTRAL_WORD = /^[\p{L}\p{M}\p{N}]$/u;

/** Whether the code point at `i` is in \p{L}\p{M}\p{N} or is '_' (a handle's characters). */
function isHandleChar(cp: number): boolean {
  if (cp < 0x10000) return cp === 0x5f || LETTER_OR_MARK[cp] !== 0;
  return ASTRAL_WORD.test(String.fromCodePoint(cp));
}

/** The code point that ends just before `i` (a surrogate pair read as one). */
function codePointBefore(s: string, i: number): number {
  const lo = s.charCodeAt(i - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && i >= 2) {
    const hi = s.charCodeAt(i - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) return (hi - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
  }
  return lo;
}

/**
 * `s.replace(HANDLE_PATTERN, '$1 _user_ ')` as a scan: an '@' that does not follow a word
 * character or another '@', and its 1–50 following word characters or '_', become " _user_ ".
 */
function replaceHandles(s: string): string {
  const n = s.length;
  let out = '';
  let last = 0;
  let i = s.indexOf('@');
  while (i >= 0) {
    let j = i + 1;
    if (i === 0 || !(isHandleChar(codePointBefore(s, i)) || s.charCodeAt(i - 1) === 0x40)) {
      for (let taken = 0; j < n && taken < 50; taken++) {
        const cp = s.codePointAt(j)!;
        if (!isHandleChar(cp)) break;
        j += cp > 0xffff ? 2 : 1;
      }
    }
    if (j > i + 1) {
      out += s.slice(last, i) + ' _user_ ';
      last = j;
      i = s.indexOf('@', j);
    } else i = s.indexOf('@', i + 1);
  }
  return last === 0 ? s : out + s.slice(last);
}

/**
 * Whether `REPEAT` may match `s`: a letter with its marks, then the same twice more. Exact for
 * text in the BMP; a surrogate inside such a run counts as a possible match (the regular
 * expression then decides). A scan of char codes instead of the regular expression.
 */
function mayRepeat(s: string): boolean {
  const n = s.length;
  for (let p = 0; p + 2 < n; p++) {
    const c = s.charCodeAt(p);
    if (c >= 0xd800 && c <= 0xdfff) return true;
    if (LETTER_OR_MARK[c] !== LETTER) continue;
    let q = p + 1;
    for (; q < n; q++) {
      const m = s.charCodeAt(q);
      if (m >= 0xd800 && m <= 0xdfff) return true;
      if (LETTER_OR_MARK[m] !== MARK) break;
    }
    const u = q - p;
    if (q + 2 * u > n) continue;
    let same = true;
    for (let k = 0; k < 2 * u; k++) {
      if (s.charCodeAt(q + k) !== s.charCodeAt(p + (k % u))) {
        same = false;
        break;
      }
    }
    if (same) return true;
  }
  return false;
}

/** Cheap checks that decide whether the costly replacements are needed at all. */
function mayHaveUrl(s: string): boolean {
  return s.includes('http') || s.includes('www.') || s.includes('HTTP') || s.includes('WWW.');
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0xa0 || c === 0x0c || c === 0x0b || (c >= 0x2000 && c <= 0x200a) || c === 0x3000 || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x1680;
}

/** Zero-width characters, soft hyphen and the nukta: removed. */
function isDropped(c: number): boolean {
  return (c >= 0x200b && c <= 0x200f) || c === 0x2060 || c === 0xfeff || c === 0x00ad || c === 0x093c;
}

// What the normal form does with each BMP code unit: keeps it, reads it as white space, drops
// it, or folds it to another unit (`FOLD_TO`). One table lookup instead of a chain of tests.
const KEEP = 0;
const WHITE = 1;
const DROP = 2;
const FOLD = 3;
const FOLD_TO = new Uint16Array(0x10000);
const UNIT_KIND = buildUnitKind();

function buildUnitKind(): Uint8Array {
  const t = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    if (isSpace(c)) t[c] = WHITE;
    else if (isDropped(c)) t[c] = DROP;
  }
  t[0x0901] = FOLD;
  FOLD_TO[0x0901] = 0x0902;
  for (const [from, to] of Object.entries(NUKTA_BASE)) {
    t[from.charCodeAt(0)] = FOLD;
    FOLD_TO[from.charCodeAt(0)] = to.charCodeAt(0);
  }
  return t;
}

const DIRTY = 0;
const CLEAN = 1;
const REPEATS = 2;

/**
 * Whether the lower-cased `s` is already in normal form apart from letter repeats: DIRTY if
 * white space must be collapsed or trimmed or a character dropped or folded; otherwise CLEAN, or
 * REPEATS when the repeat check of `normalizeNfc` must run (the same over-approximation).
 */
function cleanAsIs(s: string): number {
  const n = s.length;
  let repeats = false;
  let space = true; // at the start, a space would be leading
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x20) {
      if (space) return DIRTY;
      space = true;
      continue;
    }
    space = false;
    if (UNIT_KIND[c] !== KEEP) return DIRTY;
    if (!repeats && c >= 0x41) {
      if (i >= 2 && c === s.charCodeAt(i - 1) && c === s.charCodeAt(i - 2)) repeats = true;
      else if (i >= 5 && c === s.charCodeAt(i - 2) && c === s.charCodeAt(i - 4)) repeats = true;
    }
  }
  if (space && n > 0) return DIRTY; // trailing space
  return repeats ? REPEATS : CLEAN;
}

/**
 * BMP code units that NFC leaves alone wherever they stand: canonical combining class 0 and
 * NFC_Quick_Check = Yes (from the Unicode Character Database). Everything below U+0300; the
 * Devanagari block except the nukta (it composes with the letter before), the signs with a
 * non-zero combining class (virama, stress and accent marks) and the letters U+0958–U+095F
 * (composition exclusions); general punctuation from U+2010, currency signs and the
 * joiners. Surrogate pairs are read in `toNfc`: those of U+1F000–U+1FBFF (emoji and
 * pictographs) qualify.
 *
 * The virama and the Vedic stress and accent signs (U+094D, U+0951–U+0954) are NFC_Quick_Check
 * = Yes with a non-zero combining class and compose with nothing: NFC leaves them alone when the
 * unit before them has combining class 0 (two such marks in a row might be reordered). They are
 * marked 2 and pass when they follow a unit marked 1, so a Hindi post with conjuncts (क्या)
 * does not need the normaliser.
 */
const NFC_AFTER_STARTER = 2;
const NFC_INERT = buildNfcInert();

function buildNfcInert(): Uint8Array {
  const t = new Uint8Array(0x10000);
  const range = (from: number, to: number): void => {
    t.fill(1, from, to + 1);
  };
  range(0x0000, 0x02ff);
  range(0x0900, 0x097f);
  t[0x093c] = 0;
  for (const c of [0x094d, 0x0951, 0x0952, 0x0953, 0x0954]) t[c] = NFC_AFTER_STARTER;
  t.fill(0, 0x0958, 0x0960);
  range(0x200b, 0x200f);
  range(0x2010, 0x205f);
  range(0x20a0, 0x20bf);
  return t;
}

/**
 * `text.normalize('NFC')`, returning `text` itself without calling the normaliser when every
 * code unit is one NFC leaves alone where it stands (nearly every post in Hindi or English).
 */
export function toNfc(text: string): string {
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const inert = NFC_INERT[c]!;
    if (inert === 1) continue;
    if (inert === NFC_AFTER_STARTER && i > 0 && NFC_INERT[text.charCodeAt(i - 1)] === 1) continue;
    if (c >= 0xd83c && c <= 0xd83e) {
      const lo = text.charCodeAt(i + 1); // NaN past the end
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        i++;
        continue;
      }
    }
    return text.normalize('NFC');
  }
  return text;
}

/** `scanPost` bits: the text is not known to be in NFC (`toNfc` would call the normaliser). */
export const POST_NEEDS_NFC = 1;
/** `scanPost` bits: the text has U+200B, U+200C or U+200D (zero-width space, non-joiner, joiner). */
export const POST_ZERO_WIDTH = 2;
/** `scanPost` bits: the text contains "http", "www.", "HTTP" or "WWW." (what `mayHaveUrl` asks). */
export const POST_URL = 4;
/** `scanPost` bits: the text contains "@". */
export const POST_AT = 8;

// Per BMP code unit, for `scanPost`: P_INERT where NFC_INERT is 1, P_AFTER_STARTER where it is 2,
// and marks for the units the other bits look for. Most units are exactly P_INERT.
const P_INERT = 1;
const P_AFTER_STARTER = 2;
const P_ZERO_WIDTH = 4;
const P_URL = 8;
const P_AT = 16;
const POST_PROPS = buildPostProps();

function buildPostProps(): Uint8Array {
  const t = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    if (NFC_INERT[c] === 1) t[c] = P_INERT;
    else if (NFC_INERT[c] === NFC_AFTER_STARTER) t[c] = P_AFTER_STARTER;
  }
  for (const c of [0x200b, 0x200c, 0x200d]) t[c]! |= P_ZERO_WIDTH;
  for (const ch of 'hHwW') t[ch.charCodeAt(0)]! |= P_URL;
  t[0x40]! |= P_AT;
  return t;
}

/**
 * One pass over a post for `enrich`: whether `toNfc` would keep it as it is, and, when it would,
 * whether it has the zero-width characters geotag removes (U+2060 and U+FEFF, which it also
 * removes, are not NFC-inert, so a text that has them gets `POST_NEEDS_NFC`), and what
 * `normalizeNfc` asks of it before anything is replaced (`POST_URL`, `POST_AT`). With
 * `POST_NEEDS_NFC` the other bits are not set.
 */
export function scanPost(text: string): number {
  const n = text.length;
  let flags = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const p = POST_PROPS[c]!;
    if (p === P_INERT) continue;
    if ((p & P_INERT) !== 0) {
      if ((p & P_ZERO_WIDTH) !== 0) flags |= POST_ZERO_WIDTH;
      else if ((p & P_AT) !== 0) flags |= POST_AT;
      else if ((p & P_URL) !== 0 && (flags & POST_URL) === 0) {
        if (
          (c === 0x68 && text.startsWith('http', i)) ||
          (c === 0x48 && text.startsWith('HTTP', i)) ||
          (c === 0x77 && text.startsWith('www.', i)) ||
          (c === 0x57 && text.startsWith('WWW.', i))
        ) {
          flags |= POST_URL;
        }
      }
      continue;
    }
    if (p === P_AFTER_STARTER && i > 0 && (POST_PROPS[text.charCodeAt(i - 1)]! & P_INERT) !== 0) continue;
    if (c >= 0xd83c && c <= 0xd83e) {
      const lo = text.charCodeAt(i + 1); // NaN past the end
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        i++;
        continue;
      }
    }
    return POST_NEEDS_NFC;
  }
  return flags;
}

/** NFC, zero-width removal, nukta and candrabindu folding, lower-case, repeats, URL/handle placeholders. */
export function normalize(text: string): string {
  return normalizeNfc(toNfc(text));
}

/** `normalize` of a text already in NFC (for callers that need the NFC form themselves). */
export function normalizeNfc(nfc: string): string {
  let s = nfc;
  if (mayHaveUrl(s)) s = s.replace(URL_PATTERN, ' _url_ ');
  if (s.includes('@')) s = replaceHandles(s);
  return normalizeRest(s);
}

/**
 * `normalizeNfc(text)` for a text whose `scanPost` bits are `flags` (without `POST_NEEDS_NFC`:
 * the text is its own NFC form). A URL replaced may take an "@" with it: the handle scan then
 * finds none and changes nothing, as `normalizeNfc` would not have run it.
 */
export function normalizeScanned(text: string, flags: number): string {
  let s = text;
  if ((flags & POST_URL) !== 0) s = s.replace(URL_PATTERN, ' _url_ ');
  if ((flags & POST_AT) !== 0) s = replaceHandles(s);
  return normalizeRest(s);
}

/** The steps of `normalizeNfc` after the URL and handle placeholders. */
function normalizeRest(text: string): string {
  const s = text.toLowerCase();
  // Most posts need none of the rewriting below (single spaces, nothing to drop or fold): one
  // scan says so, and the string is kept as it is.
  const clean = cleanAsIs(s);
  if (clean !== DIRTY) {
    if (clean === REPEATS && mayRepeat(s)) return s.replace(REPEAT, '$1$1');
    return s;
  }
  return rewrite(s);
}

/** Code units of the rewritten text (grown as needed). */
let units = new Uint16Array(1024);

/**
 * One pass over a lower-cased text: drops zero-width characters and nukta, folds candrabindu
 * and precomposed nukta letters, collapses white space (trimmed at both ends; a dropped unit
 * does not end a run of spaces, so "a \u200C b" is "a b"), and folds letter repeats (noticed
 * on the way, decided by the regular expression). The units are written to a buffer and made a
 * string once.
 */
function rewrite(s: string): string {
  const n = s.length;
  if (units.length < n) units = new Uint16Array(Math.max(n, units.length * 2));
  const u = units;
  let len = 0;
  let pendingSpace = false;
  let repeats = false;
  let removed = false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    const kind = UNIT_KIND[c]!;
    if (kind === WHITE) {
      if (len > 0) pendingSpace = true;
      continue;
    }
    if (kind === DROP) {
      removed = true;
      continue;
    }
    if (pendingSpace) {
      u[len++] = 0x20;
      pendingSpace = false;
    }
    u[len++] = kind === FOLD ? FOLD_TO[c]! : c;
    // Letters only (punctuation runs like "!!!" need no regex); below 0x41 are digits and symbols.
    if (!repeats && c >= 0x41) {
      if (i >= 2 && c === s.charCodeAt(i - 1) && c === s.charCodeAt(i - 2)) repeats = true;
      else if (i >= 5 && c === s.charCodeAt(i - 2) && c === s.charCodeAt(i - 4)) repeats = true;
    }
  }
  const out = unitsToString(u, len);
  // Removing a character can bring three equal letters together; the flags over-approximate,
  // the regex decides.
  return (repeats || removed) && mayRepeat(out) ? out.replace(REPEAT, '$1$1') : out;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The first `len` units of `u` as a string (lone surrogates kept as they are). */
function unitsToString(u: Uint16Array, len: number): string {
  if (LITTLE_ENDIAN) return Buffer.from(u.buffer, u.byteOffset, len * 2).toString('utf16le');
  let out = '';
  for (let i = 0; i < len; i += 4096) out += String.fromCharCode(...u.subarray(i, Math.min(len, i + 4096)));
  return out;
}
