/**
 * The shipped token language model (models/langid/langid.json): hashed character n-gram
 * logistic regression for one Latin word (positive = romanised Hindi, negative = English), and
 * a second small logistic layer that combines a word's score with its neighbours' scores.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../config/paths.js';
import { LANGID_BITS, LANGID_DIM } from './features.js';

export interface ContextWeights {
  self: number;
  prev: number;
  next: number;
  prev2: number;
  next2: number;
  /** Weight of the mean score of the other Latin words of the post. */
  mean: number;
  bias: number;
}

export interface LangIdFile {
  format: 'chhavi-langid/1';
  version: string;
  bits: number;
  /** Int16 little-endian weights, base64; weight = value * scale. */
  weights: string;
  scale: number;
  bias: number;
  context: ContextWeights;
  /** Clip applied to a word score before it is used as a neighbour's context. */
  clip: number;
  training: Record<string, unknown>;
}

export interface LangIdModel {
  version: string;
  weights: Float32Array;
  bias: number;
  context: ContextWeights;
  clip: number;
}

export const LANGID_PATH = join(packageRoot, 'models', 'langid', 'langid.json');

export function encodeWeights(w: Float32Array): { weights: string; scale: number } {
  let max = 0;
  for (const v of w) max = Math.max(max, Math.abs(v));
  const scale = max === 0 ? 1 : max / 32767;
  const q = new Int16Array(w.length);
  for (let i = 0; i < w.length; i++) q[i] = Math.round(w[i]! / scale);
  return { weights: Buffer.from(q.buffer, q.byteOffset, q.byteLength).toString('base64'), scale };
}

export function decodeModel(file: LangIdFile): LangIdModel {
  if (file.format !== 'chhavi-langid/1') throw new Error(`unknown language model format: ${String(file.format)}`);
  if (file.bits !== LANGID_BITS) throw new Error(`language model has ${file.bits} bits, code expects ${LANGID_BITS}`);
  const buf = Buffer.from(file.weights, 'base64');
  if (buf.byteLength !== LANGID_DIM * 2) throw new Error('language model weights have the wrong size');
  const q = new Int16Array(LANGID_DIM);
  for (let i = 0; i < LANGID_DIM; i++) q[i] = buf.readInt16LE(i * 2);
  const weights = new Float32Array(LANGID_DIM);
  for (let i = 0; i < LANGID_DIM; i++) weights[i] = q[i]! * file.scale;
  return { version: file.version, weights, bias: file.bias, context: file.context, clip: file.clip };
}

let loaded: LangIdModel | undefined;

/** The shipped model, read once on first use. */
export function langIdModel(): LangIdModel {
  loaded ??= decodeModel(JSON.parse(readFileSync(LANGID_PATH, 'utf8')) as LangIdFile);
  return loaded;
}
