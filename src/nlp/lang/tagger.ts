/**
 * Tags a sequence of Latin-script words as romanised Hindi or English with the token model:
 * each word gets a stage-1 score (cached per word form), then the context layer mixes in the
 * scores of up to two neighbours on each side.
 */
import { latinForm, scoreWord } from './features.js';
import type { LangIdModel } from './model.js';

export interface Tagger {
  readonly version: string;
  /** Stage-1 log-odds that the word is romanised Hindi. */
  wordScore(word: string): number;
  /**
   * Final log-odds for each of `n` words whose stage-1 scores are in `z[0..n)`; written to `out`.
   */
  contextScores(z: Float64Array, n: number, out: Float64Array): void;
  /** Convenience for tests and evaluation: true = romanised Hindi. */
  tagWords(words: readonly string[]): boolean[];
}

const CACHE_LIMIT = 100_000;

export function createTagger(model: LangIdModel): Tagger {
  const cache = new Map<string, number>();
  const { weights, bias, context: c, clip } = model;
  const cl = (v: number): number => (v > clip ? clip : v < -clip ? -clip : v);

  function wordScore(word: string): number {
    const hit = cache.get(word);
    if (hit !== undefined) return hit;
    const form = latinForm(word);
    const z = form === '' ? 0 : scoreWord(form, weights) + bias;
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, z);
    return z;
  }

  function contextScores(z: Float64Array, n: number, out: Float64Array): void {
    for (let i = 0; i < n; i++) {
      let s = c.bias + c.self * cl(z[i]!);
      if (i > 0) s += c.prev * cl(z[i - 1]!);
      if (i + 1 < n) s += c.next * cl(z[i + 1]!);
      if (i > 1) s += c.prev2 * cl(z[i - 2]!);
      if (i + 2 < n) s += c.next2 * cl(z[i + 2]!);
      out[i] = s;
    }
  }

  function tagWords(words: readonly string[]): boolean[] {
    const n = words.length;
    const z = new Float64Array(n);
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) z[i] = wordScore(words[i]!);
    contextScores(z, n, out);
    return Array.from(out, (v) => v > 0);
  }

  return { version: model.version, wordScore, contextScores, tagWords };
}
