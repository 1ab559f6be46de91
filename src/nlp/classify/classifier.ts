import { FeatureExtractor, type KeyFunction } from '../features/extract.js';
import {
  ALL_LABELS,
  BINARY_LABELS,
  type Decisions,
  type Label,
  type Scores,
} from './labels.js';
import type { BinaryHead, Head, ModelData, ModelHeader, MulticlassHead } from './model-file.js';

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
  private readonly extractor: FeatureExtractor;
  private readonly headByLabel = new Map<string, Head>();

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
    for (const h of model.header.heads) this.headByLabel.set(h.label, h);
    for (const l of ALL_LABELS) if (!this.headByLabel.has(l)) throw new Error(`model has no head for ${l}`);
  }

  /** Raw logits of every output for a normalised text (a shared buffer: copy to keep). */
  logits(norm: string): Float64Array {
    const n = this.extractor.extract(norm);
    return this.logitsOf(this.extractor.buffer, n);
  }

  private logitsOf(idx: Int32Array, n: number): Float64Array {
    const O = this.outputs;
    const acc = this.acc;
    const w = this.weights;
    if (O !== 16) acc.fill(0);
    if (O === 16) {
      // The shipped layout, unrolled into integer locals: V8 keeps them in registers, where an
      // array of doubles would be loaded and stored for every feature.
      let a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0;
      let a8 = 0, a9 = 0, a10 = 0, a11 = 0, a12 = 0, a13 = 0, a14 = 0, a15 = 0;
      for (let f = 0; f < n; f++) {
        const b = idx[f]! << 4;
        a0 = (a0 + w[b]!) | 0; a1 = (a1 + w[b + 1]!) | 0; a2 = (a2 + w[b + 2]!) | 0; a3 = (a3 + w[b + 3]!) | 0;
        a4 = (a4 + w[b + 4]!) | 0; a5 = (a5 + w[b + 5]!) | 0; a6 = (a6 + w[b + 6]!) | 0; a7 = (a7 + w[b + 7]!) | 0;
        a8 = (a8 + w[b + 8]!) | 0; a9 = (a9 + w[b + 9]!) | 0; a10 = (a10 + w[b + 10]!) | 0; a11 = (a11 + w[b + 11]!) | 0;
        a12 = (a12 + w[b + 12]!) | 0; a13 = (a13 + w[b + 13]!) | 0; a14 = (a14 + w[b + 14]!) | 0; a15 = (a15 + w[b + 15]!) | 0;
      }
      acc[0] = a0; acc[1] = a1; acc[2] = a2; acc[3] = a3; acc[4] = a4; acc[5] = a5; acc[6] = a6; acc[7] = a7;
      acc[8] = a8; acc[9] = a9; acc[10] = a10; acc[11] = a11; acc[12] = a12; acc[13] = a13; acc[14] = a14; acc[15] = a15;
    } else {
      for (let f = 0; f < n; f++) {
        const b = idx[f]! * O;
        for (let o = 0; o < O; o++) acc[o]! += w[b + o]!;
      }
    }
    const v = n > 0 ? 1 / Math.sqrt(n) : 0;
    for (let o = 0; o < O; o++) acc[o] = acc[o]! * this.scales[o]! * v + this.biases[o]!;
    return acc;
  }

  predict(norm: string): Prediction {
    const z = this.logits(norm);
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

function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}
