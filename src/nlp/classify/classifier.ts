import { FeatureExtractor, type KeyFunction } from '../features/extract.js';
import {
  ALL_LABELS,
  BINARY_LABELS,
  MULTICLASS_LABELS,
  type Decisions,
  type Label,
  type Scores,
} from './labels.js';
import type { BinaryHead, Head, ModelData, ModelHeader, MulticlassHead } from './model-file.js';
import { WordSums } from './word-sums.js';

export interface Prediction {
  scores: Scores;
  decisions: Decisions;
  /** Per-class probabilities of the multi-class labels. */
  classes: { aggression: Record<string, number>; sentiment: Record<string, number> };
}

export interface Contribution {
  /** The n-gram as it appears in the normalised text (`<`/`>` mark word edges, `~` a spelling key). */
  ngram: string;
  weight: number;
}

/**
 * Inference over a loaded model. One instance per process: it keeps reusable buffers, so it is
 * not re-entrant (Node runs one call at a time, which is all it needs).
 */
export class Classifier {
  readonly header: ModelHeader;
  readonly version: string;
  private readonly weights: Int8Array;
  private readonly outputs: number;
  private readonly scales: Float64Array;
  private readonly biases: Float64Array;
  private readonly acc: Float64Array;
  private readonly probs: Float64Array;
  private readonly binaryProbs = new Float64Array(BINARY_LABELS.length);
  private readonly extractor: FeatureExtractor;
  private readonly headByLabel = new Map<string, Head>();
  /** The fast path, when the model's layout allows it. */
  private readonly wordSums: WordSums | null;
  /** The heads in the order of `ALL_LABELS`, when the model has exactly those (the shipped layout). */
  private readonly standard: StandardHeads | null;

  constructor(model: ModelData, keyFn: KeyFunction | null) {
    this.header = model.header;
    this.version = model.header.version;
    this.weights = model.weights;
    this.outputs = model.header.outputs;
    this.scales = Float64Array.from(model.header.scales);
    this.biases = Float64Array.from(model.header.biases);
    this.acc = new Float64Array(this.outputs);
    this.probs = new Float64Array(this.outputs);
    this.extractor = new FeatureExtractor(model.header.features, keyFn);
    this.wordSums = WordSums.supports(model.header.features, this.outputs) ? new WordSums(this.extractor, this.weights) : null;
    for (const h of model.header.heads) this.headByLabel.set(h.label, h);
    for (const l of ALL_LABELS) if (!this.headByLabel.has(l)) throw new Error(`model has no head for ${l}`);
    this.standard = standardHeads(model.header.heads);
  }

  /** Raw logits of every output for a normalised text (a shared buffer: copy to keep). */
  logits(norm: string): Float64Array {
    if (this.wordSums !== null) return this.scaled(this.wordSums.sum(norm, this.acc));
    const n = this.extractor.extract(norm);
    return this.logitsOf(this.extractor.buffer, n);
  }

  /** `logits` by the plain route: the feature array, then a sum over it. */
  referenceLogits(norm: string): Float64Array {
    const n = this.extractor.extract(norm);
    return this.logitsOf(this.extractor.buffer, n);
  }

  /** The plain sum over a feature array (models whose layout the fast path does not serve). */
  private logitsOf(idx: Int32Array, n: number): Float64Array {
    const O = this.outputs;
    const acc = this.acc;
    const w = this.weights;
    acc.fill(0);
    for (let f = 0; f < n; f++) {
      const b = idx[f]! * O;
      for (let o = 0; o < O; o++) acc[o]! += w[b + o]!;
    }
    return this.scaled(n);
  }

  /** The integer sums in `acc` of a text with `n` features, turned into logits in place. */
  private scaled(n: number): Float64Array {
    const acc = this.acc;
    const v = n > 0 ? 1 / Math.sqrt(n) : 0;
    for (let o = 0; o < this.outputs; o++) acc[o] = acc[o]! * this.scales[o]! * v + this.biases[o]!;
    return acc;
  }

  predict(norm: string): Prediction {
    const z = this.logits(norm);
    if (this.standard !== null) return this.predictStandard(z, this.standard);
    const scores = {} as Scores;
    const decisions = {} as Record<string, boolean | string>;
    const classes = {} as Prediction['classes'];
    for (const head of this.header.heads) {
      if (head.kind === 'binary') {
        const p = sigmoid(head.platt.a * z[head.output]! + head.platt.b);
        scores[head.label as Label] = round4(p);
        decisions[head.label] = p >= head.threshold;
      } else {
        const probs = softmaxInto(z, head, this.probs);
        const K = head.classes.length;
        let best = 0;
        for (let k = 1; k < K; k++) if (probs[k]! > probs[best]!) best = k;
        const byClass: Record<string, number> = {};
        for (let k = 0; k < K; k++) byClass[head.classes[k]!] = round4(probs[k]!);
        classes[head.label as 'aggression' | 'sentiment'] = byClass;
        decisions[head.label] = head.classes[best]!;
        // One number per label: for aggression the probability of any aggression, for
        // sentiment the probability of the class decided.
        scores[head.label as Label] =
          head.label === 'aggression' ? round4(1 - (byClass['none'] ?? 0)) : round4(probs[best]!);
      }
    }
    return { scores, decisions: decisions as unknown as Decisions, classes };
  }

  /**
   * `predict` for a model whose heads are those of `ALL_LABELS` in that order: the same numbers,
   * into objects written as literals (one fixed shape each, keys in head order as `predict` adds
   * them) instead of properties added by computed names.
   */
  private predictStandard(z: Float64Array, s: StandardHeads): Prediction {
    const p = this.binaryProbs;
    for (let i = 0; i < p.length; i++) p[i] = sigmoid(s.a[i]! * z[s.output[i]!]! + s.b[i]!);
    const t = s.threshold;
    const ag = softmaxInto(z, s.aggression, this.probs);
    const overt = ag[0]!;
    const covert = ag[1]!;
    const none = ag[2]!;
    const aggression = { overt: round4(overt), covert: round4(covert), none: round4(none) };
    const agBest = argmax3(overt, covert, none);
    const se = softmaxInto(z, s.sentiment, this.probs);
    const positive = se[0]!;
    const negative = se[1]!;
    const neutral = se[2]!;
    const seBest = argmax3(positive, negative, neutral);
    const scores: Scores = {
      hostile: round4(p[0]!),
      fake: round4(p[1]!),
      hate: round4(p[2]!),
      offensive: round4(p[3]!),
      defamation: round4(p[4]!),
      abusive: round4(p[5]!),
      police_related: round4(p[6]!),
      complaint: round4(p[7]!),
      crime_report: round4(p[8]!),
      praise: round4(p[9]!),
      aggression: round4(1 - aggression.none),
      sentiment: round4(seBest === 0 ? positive : seBest === 1 ? negative : neutral),
    };
    const decisions: Decisions = {
      hostile: p[0]! >= t[0]!,
      fake: p[1]! >= t[1]!,
      hate: p[2]! >= t[2]!,
      offensive: p[3]! >= t[3]!,
      defamation: p[4]! >= t[4]!,
      abusive: p[5]! >= t[5]!,
      police_related: p[6]! >= t[6]!,
      complaint: p[7]! >= t[7]!,
      crime_report: p[8]! >= t[8]!,
      praise: p[9]! >= t[9]!,
      aggression: MULTICLASS_LABELS.aggression[agBest],
      sentiment: MULTICLASS_LABELS.sentiment[seBest],
    };
    const sentiment = { positive: round4(positive), negative: round4(negative), neutral: round4(neutral) };
    return { scores, decisions, classes: { aggression, sentiment } };
  }

  /**
   * The n-grams that pushed `label` (or, for a multi-class label, `cls`) up the most, strongest
   * first, with their share of the logit. Only features with a positive contribution are listed.
   */
  explain(norm: string, label: Label, limit = 8, cls?: string): Contribution[] {
    const head = this.headByLabel.get(label);
    if (head === undefined) throw new Error(`unknown label ${label}`);
    const names: string[] = [];
    const n = this.extractor.extract(norm, names);
    const idx = this.extractor.buffer;
    const O = this.outputs;
    const v = n > 0 ? 1 / Math.sqrt(n) : 0;
    const byName = new Map<string, number>();
    for (let f = 0; f < n; f++) {
      const base = idx[f]! * O;
      let c: number;
      if (head.kind === 'binary') {
        c = this.weights[base + head.output]! * this.scales[head.output]! * v * head.platt.a;
      } else {
        const k = Math.max(0, head.classes.indexOf(cls ?? head.classes[0]!));
        // Contribution to the chosen class relative to the mean of all classes.
        let mean = 0;
        for (let j = 0; j < head.classes.length; j++) mean += this.weights[base + head.output + j]! * this.scales[head.output + j]!;
        mean /= head.classes.length;
        c = ((this.weights[base + head.output + k]! * this.scales[head.output + k]! - mean) * v) / head.temperature;
      }
      const name = names[f]!;
      byName.set(name, (byName.get(name) ?? 0) + c);
    }
    return [...byName.entries()]
      .filter(([, c]) => c > 0)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, limit)
      .map(([ngram, weight]) => ({ ngram, weight: round4(weight) }));
  }

  /** Explanations for every positive decision of a prediction. */
  explainDecisions(norm: string, prediction: Prediction, limit = 8): Partial<Record<Label, Contribution[]>> {
    const out: Partial<Record<Label, Contribution[]>> = {};
    for (const label of BINARY_LABELS) if (prediction.decisions[label]) out[label] = this.explain(norm, label, limit);
    if (prediction.decisions.aggression !== 'none')
      out.aggression = this.explain(norm, 'aggression', limit, prediction.decisions.aggression);
    out.sentiment = this.explain(norm, 'sentiment', limit, prediction.decisions.sentiment);
    return out;
  }

  binaryHead(label: string): BinaryHead | undefined {
    const h = this.headByLabel.get(label);
    return h?.kind === 'binary' ? h : undefined;
  }
}

export function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

/** Class probabilities of a multi-class head into `out` (reused; at least as long as the outputs). */
function softmaxInto(z: Float64Array, head: MulticlassHead, out: Float64Array): Float64Array {
  const K = head.classes.length;
  let max = -Infinity;
  for (let k = 0; k < K; k++) max = Math.max(max, z[head.output + k]! / head.temperature);
  let sum = 0;
  for (let k = 0; k < K; k++) {
    const x = Math.exp(z[head.output + k]! / head.temperature - max);
    out[k] = x;
    sum += x;
  }
  for (let k = 0; k < K; k++) out[k] = out[k]! / sum;
  return out;
}

/** The parameters of the heads of a model laid out as `ALL_LABELS`, for `predictStandard`. */
interface StandardHeads {
  output: Int32Array;
  a: Float64Array;
  b: Float64Array;
  threshold: Float64Array;
  aggression: MulticlassHead;
  sentiment: MulticlassHead;
}

/** The heads as `StandardHeads` if they are the binary labels, then aggression and sentiment with their classes, in order; else null. */
function standardHeads(heads: readonly Head[]): StandardHeads | null {
  const n = BINARY_LABELS.length;
  if (heads.length !== n + 2) return null;
  const out: StandardHeads = {
    output: new Int32Array(n),
    a: new Float64Array(n),
    b: new Float64Array(n),
    threshold: new Float64Array(n),
    aggression: heads[n] as MulticlassHead,
    sentiment: heads[n + 1] as MulticlassHead,
  };
  for (let i = 0; i < n; i++) {
    const h = heads[i]!;
    if (h.kind !== 'binary' || h.label !== BINARY_LABELS[i]) return null;
    out.output[i] = h.output;
    out.a[i] = h.platt.a;
    out.b[i] = h.platt.b;
    out.threshold[i] = h.threshold;
  }
  const sameClasses = (h: Head, label: 'aggression' | 'sentiment'): boolean =>
    h.kind === 'multiclass' &&
    h.label === label &&
    h.classes.length === 3 &&
    h.classes.every((c, k) => c === MULTICLASS_LABELS[label][k]);
  if (!sameClasses(heads[n]!, 'aggression') || !sameClasses(heads[n + 1]!, 'sentiment')) return null;
  return out;
}

/** Index of the largest of three (the first of equals), as `predict` picks a class. */
function argmax3(x0: number, x1: number, x2: number): 0 | 1 | 2 {
  let best: 0 | 1 | 2 = 0;
  let max = x0;
  if (x1 > max) {
    best = 1;
    max = x1;
  }
  if (x2 > max) best = 2;
  return best;
}

function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}
