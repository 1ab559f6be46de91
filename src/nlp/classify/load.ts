import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { packageRoot } from '../../config/paths.js';
import { computeMatchKey } from '../text/match-key.js';
import { Classifier } from './classifier.js';
import { readModelFile } from './model-file.js';

export const MODEL_FILE_NAME = 'chhavi-nlp.bin.gz';

/** The model in use: CHHAVI_NLP_MODEL, or the shipped models/chhavi-nlp.bin.gz. */
export function defaultModelPath(): string {
  return process.env.CHHAVI_NLP_MODEL || join(packageRoot, 'models', MODEL_FILE_NAME);
}

let current: Classifier | undefined;
let loadMs = 0;

/**
 * Loads a model file into a classifier (features use the project's spelling key; the feature
 * extractor keeps the key of every word it has seen, so it takes the key without `matchKey`'s
 * own cache).
 */
export function loadClassifier(path: string = defaultModelPath()): Classifier {
  const t0 = performance.now();
  const c = new Classifier(readModelFile(path), computeMatchKey);
  loadMs = performance.now() - t0;
  return c;
}

/** The process-wide classifier, loaded on first use. */
export function getClassifier(): Classifier {
  current ??= loadClassifier();
  return current;
}

/** Replaces the process-wide classifier (after an admin activates a new model). */
export function setClassifier(c: Classifier): void {
  current = c;
}

/** Milliseconds the last load took. */
export function lastLoadMs(): number {
  return loadMs;
}
