/**
 * Tags a sequence of Latin-script words as romanised Hindi or English with the token model:
 * each word gets a stage-1 score (cached per word form), then the context layer mixes in the
 * scores of up to two neighbours on each side.
 */
import { latinForm, neighbourFeature, scoreWord } from './features.js';
import type { LangIdModel } from './model.js';

export interface Tagger {
  readonly version: string;
  /** Log-odds from the word alone that it is romanised Hindi. */
  wordScore(word: string): number;
  /**
   * Final log-odds for the `n` words of a post: `z[0..n)` holds their `wordScore`s on entry,
   * `words[0..n)` the words; the result is written to `out` (`z` is changed).
   */
  contextScores(words: readonly string[], z: Float64Array, n: number, out: Float64Array): void;
  /** Convenience for tests and evaluation: true = romanised Hindi. */
  tagWords(words: readonly string[]): boolean[];
}

const CACHE_LIMIT = 100_000;

export function createTagger(model: LangIdModel): Tagger {
  const cache = new Map<string, number>();
  const { weights, bias, context: c, clip } = model;
  const cl = (v: number): number => (v > clip ? clip : v < -clip ? -clip : v);
  // Per word: the weights of "the word before is w" and "the word after is w".
  const neighbourCache = new Map<string, [number, number]>();
  const startAfter = weights[neighbourFeature('', 1)]!;
  const endBefore = weights[neighbourFeature('', 2)]!;

  function neighbourWeights(word: string): [number, number] {
    let hit = neighbourCache.get(word);
    if (hit === undefined) {
      const form = latinForm(word);
      hit = [weights[neighbourFeature(form, 1)]!, weights[neighbourFeature(form, 2)]!];
      if (neighbourCache.size >= CACHE_LIMIT) neighbourCache.clear();
      neighbourCache.set(word, hit);
    }
    return hit;
  }

  function wordScore(word: string): number {
    const hit = cache.get(word);
    if (hit !== undefined) return hit;
    const form = latinForm(word);
    const z = form === '' ? 0 : scoreWord(form, weights) + bias;
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, z);
    return z;
  }

  function contextScores(words: readonly string[], z: Float64Array, n: number, out: Float64Array): void {
    // Stage 1: add the neighbour-word weights.
    let prevAsPrev = startAfter;
    for (let i = 0; i < n; i++) {
      const own = neighbourWeights(words[i]!);
      const nextAsNext = i + 1 < n ? neighbourWeights(words[i + 1]!)[1] : endBefore;
      out[i] = z[i]! + prevAsPrev + nextAsNext;
      prevAsPrev = own[0];
    }
    for (let i = 0; i < n; i++) z[i] = out[i]!;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += cl(z[i]!);
    for (let i = 0; i < n; i++) {
      const self = cl(z[i]!);
      let s = c.bias + c.self * self;
      if (n > 1) s += (c.mean * (sum - self)) / (n - 1);
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
    contextScores(words, z, n, out);
    return Array.from(out, (v) => v > 0);
  }

  return { version: model.version, wordScore, contextScores, tagWords };
}
