/**
 * Tags a sequence of Latin-script words as romanised Hindi or English with the token model:
 * each word gets a stage-1 score (cached per word form), then the context layer mixes in the
 * scores of up to two neighbours on each side.
 */
import { latinForm, neighbourFeature, scoreWord } from './features.js';
import type { LangIdModel } from './model.js';

/** What the model knows of one word, looked up once per word form. */
export interface WordEntry {
  /** Log-odds from the word's own features (and the bias) that it is romanised Hindi. */
  z: number;
  /** Weight of "the word before is this word" for the word after it. */
  asPrev: number;
  /** Weight of "the word after is this word" for the word before it. */
  asNext: number;
}

export interface Tagger {
  readonly version: string;
  /** The cached entry of a word. */
  wordEntry(word: string): WordEntry;
  /**
   * The entry of a word written to `out` at `at` (z, asPrev, asNext), computed without the
   * cache (for callers that keep entries themselves).
   */
  entryInto(word: string, out: Float64Array, at: number): void;
  /** Log-odds from the word alone that it is romanised Hindi. */
  wordScore(word: string): number;
  /** Final log-odds for the `n` words of a post, from their entries; written to `out`. */
  contextScores(entries: readonly WordEntry[], n: number, out: Float64Array): void;
  /** `contextScores` of entries packed three numbers each (z, asPrev, asNext) in `packed`. */
  contextScoresPacked(packed: Float64Array, n: number, out: Float64Array): void;
  /** Convenience for tests and evaluation: true = romanised Hindi. */
  tagWords(words: readonly string[]): boolean[];
}

const CACHE_LIMIT = 250_000;

export function createTagger(model: LangIdModel): Tagger {
  const { weights, bias, context: c, clip } = model;
  const cl = (v: number): number => (v > clip ? clip : v < -clip ? -clip : v);
  const cache = new Map<string, WordEntry>();
  const startAfter = weights[neighbourFeature('', 1)]!;
  const endBefore = weights[neighbourFeature('', 2)]!;
  let zs = new Float64Array(256);

  function entryInto(word: string, out: Float64Array, at: number): void {
    const form = latinForm(word);
    out[at] = form === '' ? 0 : scoreWord(form, weights) + bias;
    out[at + 1] = weights[neighbourFeature(form, 1)]!;
    out[at + 2] = weights[neighbourFeature(form, 2)]!;
  }

  const one = new Float64Array(3);
  function wordEntry(word: string): WordEntry {
    let e = cache.get(word);
    if (e === undefined) {
      entryInto(word, one, 0);
      e = { z: one[0]!, asPrev: one[1]!, asNext: one[2]! };
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(word, e);
    }
    return e;
  }

  let packedBuf = new Float64Array(768);

  function contextScores(entries: readonly WordEntry[], n: number, out: Float64Array): void {
    if (packedBuf.length < n * 3) packedBuf = new Float64Array(n * 6);
    for (let i = 0; i < n; i++) {
      const e = entries[i]!;
      packedBuf[i * 3] = e.z;
      packedBuf[i * 3 + 1] = e.asPrev;
      packedBuf[i * 3 + 2] = e.asNext;
    }
    contextScoresPacked(packedBuf, n, out);
  }

  function contextScoresPacked(packed: Float64Array, n: number, out: Float64Array): void {
    if (zs.length < n) zs = new Float64Array(n * 2);
    const z = zs;
    // Stage 1: the word's own score plus the neighbour-word weights.
    for (let i = 0; i < n; i++) {
      const prevAsPrev = i > 0 ? packed[(i - 1) * 3 + 1]! : startAfter;
      const nextAsNext = i + 1 < n ? packed[(i + 1) * 3 + 2]! : endBefore;
      z[i] = packed[i * 3]! + prevAsPrev + nextAsNext;
    }
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
    const out = new Float64Array(n);
    contextScores(
      words.map((w) => wordEntry(w)),
      n,
      out,
    );
    return Array.from(out, (v) => v > 0);
  }

  return { version: model.version, wordEntry, entryInto, wordScore: (w) => wordEntry(w).z, contextScores, contextScoresPacked, tagWords };
}
