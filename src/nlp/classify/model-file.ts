import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { FeatureConfig } from '../features/extract.js';

/**
 * The model file: gzip of
 *   "CHHVNLP1" | u32 header length | header JSON (UTF-8) | padding to 8 | Int8 weights
 * Weights are laid out bucket-major: `weights[bucket * outputs + output]`, so one feature touches
 * one contiguous run of bytes. Each output has its own scale (weight = q * scale) and bias.
 */
export const MAGIC = 'CHHVNLP1';

export interface BinaryHead {
  kind: 'binary';
  label: string;
  output: number;
  /** Platt scaling fitted on dev: p = sigmoid(a * logit + b). */
  platt: { a: number; b: number };
  /** Decision threshold on the calibrated probability, chosen on dev to maximise F1. */
  threshold: number;
}

export interface MulticlassHead {
  kind: 'multiclass';
  label: string;
  classes: string[];
  /** First output; class k is output `output + k`. */
  output: number;
  /** Temperature fitted on dev: p = softmax(logits / temperature). */
  temperature: number;
}

export type Head = BinaryHead | MulticlassHead;

export interface ModelHeader {
  format: 1;
  version: string;
  features: FeatureConfig;
  outputs: number;
  scales: number[];
  biases: number[];
  heads: Head[];
  /** Free-form provenance: seed, data sources and sizes. Not used for inference. */
  info: Record<string, unknown>;
}

export interface ModelData {
  header: ModelHeader;
  weights: Int8Array;
}

/** Version string from the weights and header: the same training gives the same version. */
export function modelVersion(header: Omit<ModelHeader, 'version'>, weights: Int8Array): string {
  const h = createHash('sha256');
  h.update(JSON.stringify({ ...header, info: undefined }));
  h.update(new Uint8Array(weights.buffer, weights.byteOffset, weights.byteLength));
  return 'chhavi-nlp-1-' + h.digest('hex').slice(0, 12);
}

/** The shipped file uses the smallest form (level 9); a scratch copy may trade size for time. */
export function encodeModel(model: ModelData, level = 9): Buffer {
  const headerBytes = Buffer.from(JSON.stringify(model.header), 'utf8');
  const pre = 8 + 4 + headerBytes.length;
  const pad = (8 - (pre % 8)) % 8;
  const buf = Buffer.alloc(pre + pad + model.weights.byteLength);
  buf.write(MAGIC, 0, 'latin1');
  buf.writeUInt32LE(headerBytes.length, 8);
  headerBytes.copy(buf, 12);
  Buffer.from(model.weights.buffer, model.weights.byteOffset, model.weights.byteLength).copy(buf, pre + pad);
  return gzipSync(buf, { level });
}

export function decodeModel(file: Buffer): ModelData {
  const buf = gunzipSync(file);
  if (buf.toString('latin1', 0, 8) !== MAGIC) throw new Error('not a Chhavi NLP model file');
  const len = buf.readUInt32LE(8);
  const header = JSON.parse(buf.toString('utf8', 12, 12 + len)) as ModelHeader;
  const pre = 12 + len;
  const start = pre + ((8 - (pre % 8)) % 8);
  const count = (1 << header.features.bits) * header.outputs;
  if (buf.length - start !== count) throw new Error(`model weights: expected ${count} bytes, found ${buf.length - start}`);
  const weights = new Int8Array(buf.buffer, buf.byteOffset + start, count);
  return { header, weights };
}

export function readModelFile(path: string): ModelData {
  return decodeModel(readFileSync(path));
}
