import { enrich } from '../../nlp/enrich.js';
import { detectLanguage } from '../../nlp/lang/detect.js';
import { normalize } from '../../nlp/text/normalize.js';
import type { Logger } from '../../log/logger.js';
import { getClassifier } from '../../nlp/classify/load.js';
import { encode, signature } from '../dedupe/minhash.js';

/** What the pipeline stores from the text-understanding step. */
export interface MentionEnrichment {
  lang: string;
  normalized: string;
  scores: Record<string, number> | null;
  /** Positive decisions (`complaint`, `hostile`) and class labels (`sentiment:negative`, `aggression:covert`). */
  labels: string[];
  geoDistrict: string | null;
  geoStation: string | null;
  model: string | null;
  /** Near-duplicate key (MinHash signature) of the normalised text, or null when it has too few words. */
  clusterKey: string | null;
}

export type Enricher = (text: string) => MentionEnrichment;

/**
 * The near-duplicate key: a MinHash signature over the words' spelling keys, so a rumour in
 * Devanagari and its romanised copy (दंगा / danga) fall together; null for too few words.
 */
export function nearDuplicateKey(normalized: string): string | null {
  const sig = signature(normalized);
  return sig ? encode(sig) : null;
}

/** Language, script folding and the cluster key only: the enrichment when no classifier model is available. */
export const languageOnlyEnricher: Enricher = (text) => {
  const normalized = normalize(text);
  return {
    lang: detectLanguage(text).lang,
    normalized,
    scores: null,
    labels: [],
    geoDistrict: null,
    geoStation: null,
    model: null,
    clusterKey: nearDuplicateKey(normalized),
  };
};

/** Everything the text-understanding capability gives: language, classifiers, geotag, cluster key. */
export const fullEnricher: Enricher = (text) => {
  const e = enrich(text);
  const labels: string[] = [];
  for (const [label, decision] of Object.entries(e.decisions)) {
    if (decision === true) labels.push(label);
    else if (typeof decision === 'string' && !(label === 'aggression' && decision === 'none')) labels.push(`${label}:${decision}`);
  }
  return {
    lang: e.lang,
    normalized: e.normalized,
    scores: e.scores,
    labels,
    geoDistrict: e.geo?.district ?? null,
    geoStation: e.geo?.station ?? null,
    model: e.model,
    clusterKey: nearDuplicateKey(e.normalized),
  };
};

let chosen: Enricher | undefined;

/** The full enricher when the classifier model loads, else language only (logged once). */
export function defaultEnricher(logger?: Logger): Enricher {
  if (chosen) return chosen;
  try {
    getClassifier();
    chosen = fullEnricher;
  } catch (err) {
    logger?.warn({ err }, 'classifier model not available: mentions get language and script only');
    chosen = languageOnlyEnricher;
  }
  return chosen;
}
