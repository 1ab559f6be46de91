/**
 * Language and script of a post and of each of its tokens. Devanagari words are `hi`; Latin
 * words are `hi-Latn` (romanised Hindi) or `en` by the token model in models/langid (trained on
 * SentiMix word tags) with the context of neighbouring Latin words; other scripts, numbers,
 * punctuation, URLs, handles and emoji are `other`. The post's language is the largest share of
 * its word tokens (words and hashtags), and `mix` gives the shares.
 */
import { scanTokens, type Token, type TokenKind } from '../text/tokenize.js';
import { postWords } from '../text/word-table.js';
import { langIdModel } from './model.js';
import { createTagger, type Tagger } from './tagger.js';

export type Lang = 'hi' | 'en' | 'hi-Latn' | 'other';

export interface LanguageResult {
  lang: Lang;
  mix: { hi: number; en: number; 'hi-Latn': number; other: number };
  tokens: { text: string; lang: Lang }[];
}

let tagger: Tagger | undefined;
function getTagger(): Tagger {
  tagger ??= createTagger(langIdModel());
  return tagger;
}

/** Version of the token model in use (recorded with stored predictions). */
export function languageModelVersion(): string {
  return getTagger().version;
}

const SCRIPT_DEVANAGARI = 1;
const SCRIPT_LATIN = 2;
const SCRIPT_OTHER = 3;

/** Script of the first letter of a word (skipping a leading `#`). */
function scriptOf(word: string): number {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c === 0x23 || (c >= 0x30 && c <= 0x39) || c === 0x5f) continue; // '#', digits, '_'
    const s = scriptOfUnit(c);
    if (s !== 0) return s;
  }
  return SCRIPT_OTHER;
}

/** Script of a code unit that is not '#', an ASCII digit or '_'; 0 to skip it (Devanagari digits). */
function scriptOfUnit(c: number): number {
  if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7)) {
    return SCRIPT_LATIN;
  }
  if (c >= 0x0900 && c <= 0x097f) return SCRIPT_DEVANAGARI;
  if (c >= 0xa8e0 && c <= 0xa8ff) return SCRIPT_DEVANAGARI; // Devanagari Extended
  if (c >= 0x0966 && c <= 0x096f) return 0;
  return SCRIPT_OTHER;
}

// Per-call state, reused across calls: the scanner's visitor fills it.
let outBuf = new Float64Array(256);
let idxBuf = new Int32Array(256);
/** The Latin words' tagger entries, three numbers each (z, asPrev, asNext). */
let packedBuf = new Float64Array(768);
let tokens: { text: string; lang: Lang }[] = [];
let hi = 0;
let other = 0;
let latin = 0;
let tagger_: Tagger | undefined;

function grow(): void {
  outBuf = new Float64Array(idxBuf.length * 2);
  const idx = new Int32Array(idxBuf.length * 2);
  idx.set(idxBuf);
  idxBuf = idx;
  const packed = new Float64Array(idx.length * 3);
  packed.set(packedBuf);
  packedBuf = packed;
}

function addToken(kind: TokenKind, text: string): void {
  let lang: Lang = 'other';
  if (kind === 'word' || kind === 'hashtag') {
    const script = scriptOf(text);
    if (script === SCRIPT_DEVANAGARI) {
      lang = 'hi';
      hi++;
    } else if (script === SCRIPT_LATIN) {
      const w = kind === 'hashtag' ? text.slice(1) : text;
      if (latin === idxBuf.length) grow();
      const e = tagger_!.wordEntry(w);
      packedBuf[latin * 3] = e.z;
      packedBuf[latin * 3 + 1] = e.asPrev;
      packedBuf[latin * 3 + 2] = e.asNext;
      idxBuf[latin] = tokens.length;
      latin++;
      lang = 'en'; // decided in finish()
    } else {
      other++;
    }
  }
  tokens.push({ text, lang });
}

let scanned = '';
function visit(kind: TokenKind, start: number, end: number): void {
  addToken(kind, scanned.slice(start, end));
}

function begin(): void {
  tagger_ = getTagger();
  tokens = [];
  hi = 0;
  other = 0;
  latin = 0;
}

function finish(): LanguageResult {
  const out = tokens;
  tokens = [];
  let hiLatn = 0;
  if (latin > 0) {
    tagger_!.contextScoresPacked(packedBuf, latin, outBuf);
    const collected = out.length > 0;
    for (let k = 0; k < latin; k++) {
      if (outBuf[k]! > 0) {
        if (collected) out[idxBuf[k]!]!.lang = 'hi-Latn';
        hiLatn++;
      }
    }
  }
  const en = latin - hiLatn;
  const words = hi + latin + other;
  if (words === 0) return { lang: 'other', mix: { hi: 0, en: 0, 'hi-Latn': 0, other: 0 }, tokens: out };
  // Ties go to Hindi over romanised Hindi over English over other.
  let lang: Lang = 'hi';
  let best = hi;
  if (hiLatn > best) {
    lang = 'hi-Latn';
    best = hiLatn;
  }
  if (en > best) {
    lang = 'en';
    best = en;
  }
  if (other > best) lang = 'other';
  return { lang, mix: { hi: hi / words, en: en / words, 'hi-Latn': hiLatn / words, other: other / words }, tokens: out };
}

export function detectLanguage(text: string): LanguageResult {
  begin();
  scanned = text;
  scanTokens(text, visit);
  scanned = '';
  return finish();
}

/** The same as `detectLanguage`, for callers that already tokenised the text. */
export function detectTokens(toks: readonly Token[]): LanguageResult {
  begin();
  for (const t of toks) addToken(t.kind, t.text);
  return finish();
}

/**
 * For `enrich`, which scans a post once for several consumers: `languageBegin(text)`, then
 * `languageVisit` for every token of `text` in order (as `scanTokens` reports them), then
 * `languageFinish()` gives what `detectLanguage(text)` gives.
 */
export function languageBegin(text: string): void {
  begin();
  scanned = text;
}

/** Counts the token's language without building the per-token list (`languageFinish` has none). */
export function languageVisit(kind: TokenKind, start: number, end: number): void {
  if (kind !== 'word' && kind !== 'hashtag') return;
  const text = scanned;
  let script = SCRIPT_OTHER;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x23 || (c >= 0x30 && c <= 0x39) || c === 0x5f) continue;
    script = scriptOfUnit(c);
    if (script !== 0) break;
    script = SCRIPT_OTHER;
  }
  if (script === SCRIPT_DEVANAGARI) hi++;
  else if (script === SCRIPT_LATIN) {
    if (latin === idxBuf.length) grow();
    packEntry(text, kind === 'hashtag' ? start + 1 : start, end, latin * 3);
    latin++;
  } else other++;
}

// Tagger entries of the words seen so far, four numbers at 4 × the word's number in the shared
// word table: 1 once filled, z, asPrev, asNext (32 bytes, no object to follow).
let entryByIndex = new Float64Array(0);
let entryGeneration = -1;

/** Copies the entry of the word `text[start, end)` to `packedBuf` at `at`. */
function packEntry(text: string, start: number, end: number, at: number): void {
  const index = postWords.indexOf(text, start, end);
  if (entryGeneration !== postWords.generation) {
    if (entryByIndex.length === postWords.limit * 4) entryByIndex.fill(0);
    else entryByIndex = new Float64Array(postWords.limit * 4);
    entryGeneration = postWords.generation;
  }
  const b = index * 4;
  if (entryByIndex[b] === 0) {
    tagger_!.entryInto(postWords.word(index), entryByIndex, b + 1);
    entryByIndex[b] = 1;
  }
  packedBuf[at] = entryByIndex[b + 1]!;
  packedBuf[at + 1] = entryByIndex[b + 2]!;
  packedBuf[at + 2] = entryByIndex[b + 3]!;
}

/** The language and mix of the tokens visited since `languageBegin` (`tokens` is left empty). */
export function languageFinish(): LanguageResult {
  scanned = '';
  return finish();
}
