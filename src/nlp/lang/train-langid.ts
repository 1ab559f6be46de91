/**
 * Trains the token language model from SentiMix train word tags and writes models/langid/.
 * Deterministic: the same data and seed give the same file byte for byte.
 *
 *   npx tsx src/nlp/lang/train-langid.ts [--data DIR] [--seed N] [--out DIR]
 *
 * Stage 1 is a hashed character n-gram logistic regression on single words. Stage 2 is a small
 * logistic layer over a word's stage-1 score and its neighbours' scores; it is fitted on
 * out-of-fold stage-1 scores (two folds), so it learns how far to trust an unseen word.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { packageRoot } from '../../config/paths.js';
import { tokenize } from '../text/tokenize.js';
import { LANGID_BITS, LANGID_DIM, forEachFeature, latinForm, neighbourFeature, scoreWord } from './features.js';
import { encodeWeights, decodeModel, type ContextWeights, type LangIdFile } from './model.js';
import { latinWords, readSentiMix } from './sentimix.js';
import { evaluateTagger } from './evaluate.js';
import { createTagger } from './tagger.js';

const WORDLIST_FILES = ['trac1-hindi.train.jsonl', 'mumbai-police-tweets.train.jsonl', 'india-police-events.train.jsonl'];

interface Seq {
  forms: string[];
  hindi: boolean[];
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(xs: T[], rand: () => number): T[] {
  const a = xs.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** AdaGrad logistic regression on hashed word features. Returns weights and bias. */
function trainWords(seqs: Seq[], seed: number, epochs: number, lr: number, l2: number): { w: Float32Array; b: number } {
  const w = new Float32Array(LANGID_DIM);
  const g2 = new Float32Array(LANGID_DIM).fill(1e-6);
  let b = 0;
  let gb = 1e-6;
  const items: { form: string; prev: number; next: number; y: number }[] = [];
  for (const s of seqs) {
    s.forms.forEach((form, i) =>
      items.push({ form, prev: neighbourFeature(s.forms[i - 1] ?? '', 1), next: neighbourFeature(s.forms[i + 1] ?? '', 2), y: s.hindi[i] ? 1 : 0 }),
    );
  }
  const rand = mulberry32(seed);
  const idx: number[] = [];
  for (let e = 0; e < epochs; e++) {
    const order = shuffle(items, rand);
    for (const { form, prev, next, y } of order) {
      idx.length = 0;
      forEachFeature(form, (k) => idx.push(k));
      idx.push(prev, next);
      let z = b;
      for (const k of idx) z += w[k]!;
      const g = sigmoid(z) - y;
      for (const k of idx) {
        const gk = g + l2 * w[k]!;
        g2[k]! += gk * gk;
        w[k]! -= (lr * gk) / Math.sqrt(g2[k]!);
      }
      gb += g * g;
      b -= (lr * g) / Math.sqrt(gb);
    }
  }
  return { w, b };
}

/** Stage-1 scores of a post's Latin words: the word's own features and its neighbours. */
function stage1(forms: string[], w: Float32Array, b: number): number[] {
  return forms.map(
    (f, i) => scoreWord(f, w) + b + w[neighbourFeature(forms[i - 1] ?? '', 1)]! + w[neighbourFeature(forms[i + 1] ?? '', 2)]!,
  );
}

const CLIP = 8;
const clip = (z: number): number => (z > CLIP ? CLIP : z < -CLIP ? -CLIP : z);

/** Stage 2: logistic regression on [self, prev, next, prev2, next2, mean of the others] clipped scores. */
function trainContext(scored: { z: number[]; hindi: boolean[] }[], seed: number): ContextWeights {
  const rows: { x: number[]; y: number }[] = [];
  for (const s of scored) {
    const n = s.z.length;
    const at = (i: number): number => (i >= 0 && i < n ? clip(s.z[i]!) : 0);
    let sum = 0;
    for (let i = 0; i < n; i++) sum += clip(s.z[i]!);
    for (let i = 0; i < n; i++) {
      const mean = n > 1 ? (sum - clip(s.z[i]!)) / (n - 1) : 0;
      rows.push({ x: [at(i), at(i - 1), at(i + 1), at(i - 2), at(i + 2), mean], y: s.hindi[i] ? 1 : 0 });
    }
  }
  const w = [1, 0, 0, 0, 0, 0];
  let b = 0;
  const rand = mulberry32(seed + 1);
  for (let e = 0; e < 4; e++) {
    const lr = 0.02 / (1 + e);
    for (const { x, y } of shuffle(rows, rand)) {
      let z = b;
      for (let j = 0; j < 6; j++) z += w[j]! * x[j]!;
      const g = sigmoid(z) - y;
      for (let j = 0; j < 6; j++) w[j]! -= lr * g * x[j]!;
      b -= lr * g;
    }
  }
  const r = (v: number): number => Math.round(v * 1e6) / 1e6;
  return { self: r(w[0]!), prev: r(w[1]!), next: r(w[2]!), prev2: r(w[3]!), next2: r(w[4]!), mean: r(w[5]!), bias: r(b) };
}

function main(): void {
  const { values } = parseArgs({
    options: {
      data: { type: 'string', default: join(packageRoot, '..', 'shared', 'datasets') },
      seed: { type: 'string', default: '42' },
      out: { type: 'string', default: join(packageRoot, 'models', 'langid') },
    },
  });
  const seed = Number(values.seed);
  const trainPath = join(values.data, 'sentimix2020-hinglish.train.jsonl');
  const devPath = join(values.data, 'sentimix2020-hinglish.dev.jsonl');
  const train = readSentiMix(trainPath);
  const seqs: Seq[] = train.map((r) => {
    const ws = latinWords(r);
    return { forms: ws.map((x) => x.form), hindi: ws.map((x) => x.hindi) };
  });
  const EPOCHS = 4;
  const LR = 0.2;
  const L2 = 1e-5;

  // Out-of-fold stage-1 scores for fitting stage 2.
  const folded = shuffle(
    seqs.map((s, i) => ({ s, i })),
    mulberry32(seed + 7),
  );
  const foldA = folded.filter((_, k) => k % 2 === 0).map((x) => x.s);
  const foldB = folded.filter((_, k) => k % 2 === 1).map((x) => x.s);
  const scored: { z: number[]; hindi: boolean[] }[] = [];
  for (const [fit, held] of [
    [foldA, foldB],
    [foldB, foldA],
  ] as const) {
    const m = trainWords(fit, seed, EPOCHS, LR, L2);
    for (const s of held) scored.push({ z: stage1(s.forms, m.w, m.b), hindi: s.hindi });
  }
  const context = trainContext(scored, seed);
  const full = trainWords(seqs, seed, EPOCHS, LR, L2);
  const enc = encodeWeights(full.w);
  const file: LangIdFile = {
    format: 'chhavi-langid/1',
    version: `langid-sentimix-s${seed}`,
    bits: LANGID_BITS,
    weights: enc.weights,
    scale: enc.scale,
    bias: Math.round(full.b * 1e6) / 1e6,
    context,
    clip: CLIP,
    training: {
      data: 'sentimix2020-hinglish.train.jsonl (word tags Hin → hi-Latn, Eng → en)',
      tweets: train.length,
      words: seqs.reduce((n, s) => n + s.forms.length, 0),
      seed,
      epochs: EPOCHS,
      learning_rate: LR,
      l2: L2,
    },
  };
  // Score dev with the model exactly as it will be loaded (after quantisation).
  const tagger = createTagger(decodeModel(file));
  const dev = evaluateTagger(tagger, readSentiMix(devPath));
  file.training.dev = dev;
  mkdirSync(values.out, { recursive: true });
  writeFileSync(join(values.out, 'langid.json'), JSON.stringify(file) + '\n');

  // Word frequencies for hashtag segmentation: Latin words of every training split (SentiMix,
  // TRAC-1 and the Mumbai tweets for Hinglish and English, IndiaPoliceEvents for news English).
  const counts = new Map<string, number>();
  const count = (w: string): void => {
    if (/^[a-z]+$/.test(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
  };
  for (const sq of seqs) for (const f of sq.forms) count(f);
  for (const name of WORDLIST_FILES) {
    const path = join(values.data, name);
    if (!existsSync(path)) continue;
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const text = (JSON.parse(line) as { text: string }).text.toLowerCase();
      for (const t of tokenize(text)) if (t.kind === 'word') count(latinForm(t.text));
    }
  }
  const words = [...counts].filter(([, c]) => c >= 2).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  writeFileSync(join(values.out, 'words.tsv'), words.map(([w, c]) => `${w}\t${c}`).join('\n') + '\n');
  process.stdout.write(JSON.stringify({ context, dev, words: words.length }, null, 2) + '\n');
}

main();
