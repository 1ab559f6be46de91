import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../config/paths.js';
import { FeatureExtractor } from '../features/extract.js';
import { matchKey } from '../text/match-key.js';
import { normalize } from '../text/normalize.js';
import { Classifier } from './classifier.js';
import { defaultModelPath } from './load.js';
import { readModelFile } from './model-file.js';

const model = readModelFile(defaultModelPath());
const O = model.header.outputs;
const fx = new FeatureExtractor(model.header.features, matchKey);

/** The logits written out from the model file's definition: features, plain sums, scale, bias. */
function reference(norm: string): number[] {
  const n = fx.extract(norm);
  const out: number[] = [];
  for (let o = 0; o < O; o++) {
    let sum = 0;
    for (let f = 0; f < n; f++) sum += model.weights[fx.buffer[f]! * O + o]!;
    const v = n > 0 ? 1 / Math.sqrt(n) : 0;
    out.push(sum * model.header.scales[o]! * v + model.header.biases[o]!);
  }
  return out;
}

const SAMPLES = [
  '',
  '   ',
  'दिल्ली पुलिस ने साकेत में चोर को पकड़ा, शाबाश! @DelhiPolice',
  'साले कुत्ते हरामी तेरी माँ की',
  'Bhai police wale kuch nahi karte, FIR bhi nahi likhi 😡😡 #DelhiPolice',
  'Thanks @DCPSouthDelhi for the quick help!!! 🙏🙏 https://t.co/abc',
  // A word longer than the 24 units that give character n-grams, and the same word again.
  'supercalifragilisticexpialidocious-antidisestablishmentarianism supercalifragilisticexpialidocious',
  // Astral characters, a lone high surrogate at the end, currency and digits.
  '₹500 का चालान 👮‍♂️🚓 १२३ 123 \uD83D',
  'a a a a a b b b b ! ? ! ?',
  // Longer than the 2,000 units that features read.
  'पुलिस '.repeat(500),
];

function posts(): string[] {
  const file = join(packageRoot, 'datasets', 'chhavi-police', 'police-events.train.jsonl');
  const rows = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '');
  return rows.slice(0, 600).map((l) => (JSON.parse(l) as { text: string }).text);
}

describe('the classifier fast path (cached word sums)', () => {
  it('serves the shipped layout', () => {
    expect(O).toBe(16);
  });

  it('gives exactly the logits of the plain computation, on samples and on project posts', () => {
    const c = new Classifier(model, matchKey);
    const texts = [...SAMPLES, ...posts()];
    // Twice: the first pass fills the word cache, the second reads from it.
    for (let pass = 0; pass < 2; pass++) {
      for (const t of texts) {
        const norm = normalize(t);
        expect(Array.from(c.logits(norm)), t).toEqual(reference(norm));
        expect(Array.from(c.referenceLogits(norm)), t).toEqual(reference(norm));
      }
    }
  });

  it('stays exact when its word cache fills up and starts again', () => {
    const c = new Classifier(model, matchKey);
    // About 200,000 distinct words, more than the cache holds, then words from the start again.
    const letters = 'abcdefghijklmnopqrstuvwxyzकखगघचछजझटठडढतथदधनपफबभमयरलवशसह';
    const word = (k: number): string => {
      let s = '';
      for (let x = k + 1; x > 0; x = Math.floor(x / letters.length)) s += letters[x % letters.length];
      return s;
    };
    let checked = 0;
    for (let k = 0; k < 200_000; k += 100) {
      const norm = Array.from({ length: 100 }, (_, j) => word(k + j)).join(' ');
      const z = Array.from(c.logits(norm));
      if (k % 5_000 === 0) {
        expect(z).toEqual(reference(norm));
        checked++;
      }
    }
    const again = Array.from({ length: 100 }, (_, j) => word(j)).join(' ');
    expect(Array.from(c.logits(again))).toEqual(reference(again));
    expect(checked).toBe(40);
  });

  it('reads a weight table that is not 4-byte aligned (a copy for the packed reads)', () => {
    const shifted = new Int8Array(model.weights.length + 1);
    shifted.set(model.weights, 1);
    const c = new Classifier({ ...model, weights: shifted.subarray(1) }, matchKey);
    for (const t of SAMPLES) {
      const norm = normalize(t);
      expect(Array.from(c.logits(norm)), t).toEqual(reference(norm));
    }
  });
});
