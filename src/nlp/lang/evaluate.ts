/**
 * Token accuracy of the language tagger on SentiMix word tags. The tweets are pre-tokenised, so
 * the run-time rules are applied to the given tokens: a handle after `@` and the pieces of a URL
 * (`https // t . co / x`) are left out of both figures, because the run time sees them as one
 * mention or URL token and never as words, while SentiMix tags them Hin or Eng. Any other token
 * with no letter is `other`.
 */
import type { Gold, SentiMixRow } from './sentimix.js';
import { goldOf, nonWordMask } from './sentimix.js';
import type { Tagger } from './tagger.js';

export interface LangIdScores {
  /** Hin and Eng tokens (handles and URL pieces excluded). */
  word_tokens: number;
  word_accuracy: number;
  hin_recall: number;
  eng_recall: number;
  /** All tokens (handles and URL pieces excluded), with O and EMT as `other`. */
  all_tokens: number;
  overall_accuracy: number;
}

const LATIN_LETTER = /[a-zA-Z\u00C0-\u024F]/;
const DEVANAGARI = /[\u0900-\u097F]/;

type Pred = 'hi' | 'en' | 'hi-Latn' | 'other';

export function predictRow(tagger: Tagger, row: SentiMixRow): { pred: Pred[]; skip: boolean[] } {
  const toks = row.tokens.map((t) => t[0]);
  const n = toks.length;
  const pred: Pred[] = new Array<Pred>(n).fill('other');
  const { handle, url } = nonWordMask(toks);
  const latinIdx: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = toks[i]!;
    if (handle[i] || url[i]) continue;
    if (DEVANAGARI.test(t)) pred[i] = 'hi';
    else if (LATIN_LETTER.test(t)) latinIdx.push(i);
  }
  const tags = tagger.tagWords(latinIdx.map((i) => toks[i]!));
  latinIdx.forEach((i, k) => (pred[i] = tags[k] ? 'hi-Latn' : 'en'));
  return { pred, skip: handle.map((h, i) => h || url[i]!) };
}

export function evaluateTagger(tagger: Tagger, rows: SentiMixRow[]): LangIdScores {
  let words = 0;
  let wordsRight = 0;
  let hin = 0;
  let hinRight = 0;
  let eng = 0;
  let engRight = 0;
  let all = 0;
  let allRight = 0;
  for (const row of rows) {
    const { pred, skip } = predictRow(tagger, row);
    row.tokens.forEach(([, tag], i) => {
      if (skip[i]) return;
      const gold: Gold = goldOf(tag);
      const ok = pred[i] === gold;
      all++;
      if (ok) allRight++;
      if (gold === 'other') return;
      words++;
      if (ok) wordsRight++;
      if (gold === 'hi-Latn') {
        hin++;
        if (ok) hinRight++;
      } else {
        eng++;
        if (ok) engRight++;
      }
    });
  }
  const r = (a: number, b: number): number => (b === 0 ? 0 : Math.round((a / b) * 10000) / 10000);
  return {
    word_tokens: words,
    word_accuracy: r(wordsRight, words),
    hin_recall: r(hinRight, hin),
    eng_recall: r(engRight, eng),
    all_tokens: all,
    overall_accuracy: r(allRight, all),
  };
}
