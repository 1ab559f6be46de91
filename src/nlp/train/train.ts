import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_FEATURES, FeatureExtractor, type FeatureConfig } from '../features/extract.js';
import { Classifier } from '../classify/classifier.js';
import { encodeModel, modelVersion, type Head, type ModelData, type ModelHeader } from '../classify/model-file.js';
import { binaryReport, bestThreshold, report, type LabelReport } from '../eval/metrics.js';
import { matchKey } from '../text/match-key.js';
import { normalize } from '../text/normalize.js';
import { fitPlatt, fitTemperature } from './calibrate.js';
import { loadHeads, SAFE_DEV_MAX_RATE, type DataOptions, type Example, type HeadData } from './heads.js';
import { trainLinear, type LinearModel, type LinearOptions } from './linear.js';
import { SparseBuilder } from './sparse-builder.js';

export const MODEL_FILE = 'chhavi-nlp.bin.gz';
export const REPORT_FILE = 'chhavi-nlp.report.json';

export interface TrainOptions extends DataOptions {
  seed: number;
  outDir: string;
  features?: Partial<FeatureConfig>;
  linear?: Partial<Omit<LinearOptions, 'seed'>>;
  log?: (line: string) => void;
}

export interface TrainResult {
  version: string;
  modelPath: string;
  reportPath: string;
  report: TrainReport;
}

export interface HeadReport {
  label: string;
  sources: string[];
  trainRows: number;
  tuneRows: number;
  threshold?: number;
  platt?: { a: number; b: number };
  temperature?: number;
  /** Scores at the tuned threshold (binary) or argmax (multi-class), per dev set. */
  dev: Record<string, LabelReport>;
  /** Safeguarded labels: share of the project's dev posts about the police flagged at the threshold. */
  safeDevFlaggedAtThreshold?: number;
  /** Binary labels: the same dev sets at a calibrated probability of 0.5. */
  devAtHalf?: Record<string, LabelReport>;
  /**
   * Binary labels: an estimate free of threshold-selection optimism: the F1-best threshold of
   * each half of the dev set (alternate rows) applied to the other half.
   */
  devCrossFit?: Record<string, LabelReport>;
}

export interface TrainReport {
  version: string;
  seed: number;
  features: FeatureConfig;
  linear: Omit<LinearOptions, 'seed'>;
  heads: HeadReport[];
  anchors: Record<string, number | null>;
}

const DEFAULT_LINEAR: Omit<LinearOptions, 'seed'> = { epochs: 6, lr: 0.1, l2: 1e-4 };

/** Trains every head, quantises, calibrates on dev, writes the model file and its report. */
export function trainModel(opts: TrainOptions): TrainResult {
  const log = opts.log ?? (() => undefined);
  const features: FeatureConfig = { ...DEFAULT_FEATURES, ...opts.features };
  const linear = { ...DEFAULT_LINEAR, ...opts.linear };
  const heads = loadHeads(opts);
  const extractor = new FeatureExtractor(features, matchKey);
  const builder = new SparseBuilder(extractor, normalize);

  // Outputs in head order: one per binary label, K per multi-class label.
  const floatHeads: { head: HeadData; model: LinearModel; output: number }[] = [];
  let outputs = 0;
  for (const [hi, head] of heads.entries()) {
    const k = head.classes === null ? 1 : head.classes.length;
    const rows = Int32Array.from(head.train.map((e) => builder.row(e.text)));
    const y = Int32Array.from(head.train.map((e) => e.y));
    const w = balancedWeights(head.train, head.classes === null ? 2 : k);
    const t0 = Date.now();
    const model = trainLinear(builder.set, rows, y, w, k, features.bits, { ...linear, seed: opts.seed + hi });
    log(`trained ${head.label}: ${head.train.length} rows in ${Date.now() - t0} ms`);
    floatHeads.push({ head, model, output: outputs });
    outputs += k;
  }

  // Quantise to Int8, one scale per output, clipping the rare largest weights.
  const dim = 1 << features.bits;
  const weights = new Int8Array(dim * outputs);
  const scales: number[] = [];
  const biases: number[] = [];
  for (const { model, output } of floatHeads) {
    for (let o = 0; o < model.k; o++) {
      const scale = clipScale(model.w, model.k, o) / 127;
      scales.push(scale);
      biases.push(model.b[o]!);
      for (let bucket = 0; bucket < dim; bucket++) {
        const q = Math.round(model.w[bucket * model.k + o]! / scale);
        weights[bucket * outputs + output + o] = q > 127 ? 127 : q < -127 ? -127 : q;
      }
    }
  }

  // Calibrate on the quantised model, exactly as inference computes logits.
  const provisional: Head[] = floatHeads.map(({ head, output }) =>
    head.classes === null
      ? { kind: 'binary', label: head.label, output, platt: { a: 1, b: 0 }, threshold: 0.5 }
      : { kind: 'multiclass', label: head.label, classes: head.classes, output, temperature: 1 },
  );
  const base: Omit<ModelHeader, 'version'> = {
    format: 1,
    features,
    outputs,
    scales,
    biases,
    heads: provisional,
    info: {},
  };
  const raw = new Classifier({ header: { ...base, version: 'provisional' }, weights }, matchKey);
  const normCache = new Map<string, string>();
  const norm = (t: string): string => {
    let n = normCache.get(t);
    if (n === undefined) {
      n = normalize(t);
      normCache.set(t, n);
    }
    return n;
  };
  const logitsOf = (ex: Example[], from: number, k: number): Float64Array[] =>
    ex.map((e) => raw.logits(norm(e.text)).slice(from, from + k));

  const finalHeads: Head[] = [];
  const headReports: HeadReport[] = [];
  for (const { head, output, model } of floatHeads) {
    const hr: HeadReport = {
      label: head.label,
      sources: head.sources,
      trainRows: head.train.length,
      tuneRows: head.tune.length,
      dev: {},
    };
    if (head.classes === null) {
      const z = logitsOf(head.tune, output, 1).map((v) => v[0]!);
      const y = head.tune.map((e) => e.y);
      const platt = fitPlatt(z, y);
      const probs = z.map((v) => sigmoid(platt.a * v + platt.b));
      let { threshold } = y.some((v) => v > 0) ? bestThreshold(probs, y) : { threshold: 0.5 };
      if (head.safeTune !== undefined && head.safeTune.length > 0) {
        // The safeguard: raise the threshold until few of the dev posts about the police get the label.
        const safe = logitsOf(head.safeTune, output, 1)
          .map((v) => sigmoid(platt.a * v[0]! + platt.b))
          .sort((p, q) => q - p);
        const allowed = Math.floor(safe.length * SAFE_DEV_MAX_RATE);
        const cut = safe[allowed];
        if (cut !== undefined && cut >= threshold) threshold = Math.min(1, cut + 1e-6);
        hr.safeDevFlaggedAtThreshold = safe.filter((p) => p >= threshold).length / safe.length;
      }
      finalHeads.push({ kind: 'binary', label: head.label, output, platt, threshold });
      hr.platt = platt;
      hr.threshold = threshold;
      hr.devAtHalf = {};
      hr.devCrossFit = {};
      for (const r of head.reports) {
        const p = logitsOf(r.examples, output, 1).map((v) => sigmoid(platt.a * v[0]! + platt.b));
        const gold = r.examples.map((e) => e.y > 0);
        hr.dev[r.name] = binaryReport(head.label, gold, p.map((x) => x >= threshold));
        hr.devAtHalf[r.name] = binaryReport(head.label, gold, p.map((x) => x >= 0.5));
        hr.devCrossFit[r.name] = crossFit(head.label, p, gold);
      }
    } else {
      const classes = head.classes;
      const z = logitsOf(head.tune, output, model.k);
      const temperature = fitTemperature(z, head.tune.map((e) => e.y));
      finalHeads.push({ kind: 'multiclass', label: head.label, classes, output, temperature });
      hr.temperature = temperature;
      for (const r of head.reports) {
        const pred = logitsOf(r.examples, output, model.k).map((v) => classes[argmax(v)]!);
        hr.dev[r.name] = report(head.label, classes, r.examples.map((e) => classes[e.y]!), pred);
      }
    }
    log(`calibrated ${head.label}: ${summary(hr)}`);
    headReports.push(hr);
  }

  const info = {
    seed: opts.seed,
    linear,
    heads: headReports.map((h) => ({ label: h.label, sources: h.sources, trainRows: h.trainRows })),
  };
  const header0: Omit<ModelHeader, 'version'> = { ...base, heads: finalHeads, info };
  const version = modelVersion(header0, weights);
  const model: ModelData = { header: { ...header0, version }, weights };
  const rep: TrainReport = {
    version,
    seed: opts.seed,
    features,
    linear,
    heads: headReports,
    anchors: anchors(headReports),
  };
  mkdirSync(opts.outDir, { recursive: true });
  const modelPath = join(opts.outDir, MODEL_FILE);
  const reportPath = join(opts.outDir, REPORT_FILE);
  writeFileSync(modelPath, encodeModel(model));
  writeFileSync(reportPath, JSON.stringify(rep, null, 2) + '\n');
  return { version, modelPath, reportPath, report: rep };
}

function crossFit(label: string, probs: number[], gold: boolean[]): LabelReport {
  const pred: boolean[] = new Array<boolean>(probs.length).fill(false);
  for (const part of [0, 1]) {
    const fitP: number[] = [];
    const fitY: number[] = [];
    probs.forEach((p, i) => {
      if (i % 2 !== part) {
        fitP.push(p);
        fitY.push(gold[i] ? 1 : 0);
      }
    });
    const { threshold } = fitY.some((y) => y > 0) ? bestThreshold(fitP, fitY) : { threshold: 0.5 };
    probs.forEach((p, i) => {
      if (i % 2 === part) pred[i] = p >= threshold;
    });
  }
  return binaryReport(label, gold, pred);
}

/** Row weights that give every class the same total weight. */
function balancedWeights(ex: Example[], classes: number): Float32Array {
  const total = new Float64Array(classes);
  let all = 0;
  for (const e of ex) {
    total[e.y]! += e.w;
    all += e.w;
  }
  const present = total.filter((t) => t > 0).length || 1;
  return Float32Array.from(ex.map((e) => (e.w * all) / (present * total[e.y]!)));
}

/** The 99.99th percentile of |w| for one output (at least the tiniest non-zero value). */
function clipScale(w: Float32Array, k: number, o: number): number {
  const abs: number[] = [];
  for (let i = o; i < w.length; i += k) if (w[i] !== 0) abs.push(Math.abs(w[i]!));
  if (abs.length === 0) return 1;
  abs.sort((a, b) => a - b);
  return abs[Math.min(abs.length - 1, Math.floor(abs.length * 0.9999))]! || 1;
}

function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

function argmax(v: Float64Array): number {
  let best = 0;
  for (let i = 1; i < v.length; i++) if (v[i]! > v[best]!) best = i;
  return best;
}

function summary(h: HeadReport): string {
  return Object.entries(h.dev)
    .map(([name, r]) => `${name} F1+ ${fmt(r.positiveF1)} macro ${fmt(r.macroF1)} weighted ${fmt(r.weightedF1)}`)
    .join('; ');
}

function fmt(x: number | undefined): string {
  return x === undefined ? '-' : x.toFixed(3);
}

/** The figures the published anchors report, on our dev sets. */
export function anchors(heads: HeadReport[]): Record<string, number | null> {
  const get = (label: string, set: string): LabelReport | undefined => heads.find((h) => h.label === label)?.dev[set];
  const hostile = get('hostile', 'constraint2021-hindi.dev');
  let fineNum = 0;
  let fineDen = 0;
  for (const l of ['fake', 'hate', 'offensive', 'defamation']) {
    const r = get(l, 'constraint2021-hindi.dev');
    if (r === undefined) continue;
    const support = r.perClass['true']!.support;
    fineNum += r.perClass['true']!.f1 * support;
    fineDen += support;
  }
  return {
    constraint_coarse_weighted_f1: hostile?.weightedF1 ?? null,
    constraint_fine_weighted_f1: fineDen > 0 ? fineNum / fineDen : null,
    hasoc_macro_f1: get('abusive', 'hasoc2021-hindi.dev')?.macroF1 ?? null,
    macd_macro_f1: get('abusive', 'macd-hindi.dev')?.macroF1 ?? null,
    sentimix_macro_f1: get('sentiment', 'sentimix2020-hinglish.dev')?.macroF1 ?? null,
    sentimix_weighted_f1: get('sentiment', 'sentimix2020-hinglish.dev')?.weightedF1 ?? null,
    trac_weighted_f1: get('aggression', 'trac1-hindi.heldout')?.weightedF1 ?? null,
    mumbai_complaint_f1: get('complaint', 'mumbai-police-tweets.heldout')?.positiveF1 ?? null,
  };
}
