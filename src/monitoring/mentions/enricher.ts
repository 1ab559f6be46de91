import { understand } from '../../nlp/enrich.js';
import { detectLanguage } from '../../nlp/lang/detect.js';
import { normalize } from '../../nlp/text/normalize.js';
import type { Logger } from '../../log/logger.js';
import { getClassifier } from '../../nlp/classify/load.js';
import { RecentMap } from '../dedupe/recent-map.js';
import { textKeys } from './text-keys.js';

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
  /** The words' search keys, space-separated (see `textKeys`). */
  searchKeys: string;
}

export type Enricher = (text: string) => MentionEnrichment;

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
    ...textKeys(normalized),
  };
};

/**
 * Everything the text-understanding capability gives: language, classifiers, geotag; the cluster
 * key is the monitoring's own (`textKeys`), so the text understanding's is not worked out.
 */
export const fullEnricher: Enricher = (text) => {
  const e = understand(text);
  const labels: string[] = [];
  for (const label in e.decisions) {
    const decision: unknown = e.decisions[label as keyof typeof e.decisions];
    if (decision === true) labels.push(label);
    else if (typeof decision === 'string' && !(label === 'aggression' && decision === 'none')) labels.push(`${label}:${decision}`);
  }
  const keys = textKeys(e.normalized);
  return {
    lang: e.lang,
    normalized: e.normalized,
    scores: e.scores,
    labels,
    geoDistrict: e.geo?.district ?? null,
    geoStation: e.geo?.station ?? null,
    model: e.model,
    clusterKey: keys.clusterKey,
    searchKeys: keys.searchKeys,
  };
};

/** Texts whose enrichment `remembering` keeps (at least half as many are kept, at most this many). */
export const REMEMBERED_TEXTS = 20_000;

/**
 * `enrich`, answering a text it met lately from memory. An enrichment is a function of the text
 * alone, and a stream repeats texts: a forwarded rumour, a retweet, a copied slogan arrive many
 * times within minutes, each worth understanding once. The answers are shared, so callers must
 * not change them.
 */
export function remembering(enrich: Enricher, max = REMEMBERED_TEXTS): Enricher {
  const known = new RecentMap<string, MentionEnrichment>(max);
  return (text) => {
    let e = known.get(text);
    if (e === undefined) known.set(text, (e = enrich(text)));
    return e;
  };
}

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

/** The enrichers a worker thread can run, by name (a thread cannot be handed a function). */
export type EnricherKind = 'default' | 'language';

export function enricherOfKind(kind: EnricherKind, logger?: Logger): Enricher {
  return kind === 'language' ? languageOnlyEnricher : defaultEnricher(logger);
}
