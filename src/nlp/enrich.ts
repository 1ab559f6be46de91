/**
 * The whole enrichment of one post: language and script, normalisation, every classifier,
 * geotag and a near-duplicate cluster key. The monitoring pipeline calls `enrich`; the CLI's
 * `classify --jsonl` prints `toClassifyOutput` of it (the shape of DESIGN.md §5).
 */
import { clusterKey } from './features/cluster-key.js';
import type { Contribution, Prediction } from './classify/classifier.js';
import type { Decisions, Label, Scores } from './classify/labels.js';
import { getClassifier } from './classify/load.js';
import { geotag, geotagBegin, geotagFinish, geotagReadsAsIs, geotagVisit, type GeoResult } from './geo/geotag.js';
import { detectLanguage, languageBegin, languageFinish, languageVisit, type LanguageResult } from './lang/detect.js';
import { normalize, normalizeNfc, normalizeScanned, POST_NEEDS_NFC, POST_ZERO_WIDTH, scanPost, toNfc } from './text/normalize.js';
import { scanTokens, type TokenKind } from './text/tokenize.js';

export interface Enrichment {
  lang: LanguageResult['lang'];
  mix: LanguageResult['mix'];
  normalized: string;
  scores: Scores;
  decisions: Decisions;
  /** Per-class probabilities of aggression and sentiment. */
  classes: Prediction['classes'];
  geo: GeoResult | null;
  clusterKey: string;
  /** Version of the classifier model that made the scores and decisions. */
  model: string;
}

export interface ClassifyOutput {
  id: unknown;
  lang: LanguageResult['lang'];
  scores: Scores;
  decisions: Decisions;
  geo: { district: string; station: string | null; confidence: number } | null;
  model: string;
}

function visitBoth(kind: TokenKind, start: number, end: number): void {
  languageVisit(kind, start, end);
  geotagVisit(kind, start, end);
}

/** `enrich` of one post, apart from the cluster key: what a caller that keys near-duplicates its own way needs. */
export function understand(text: string): Omit<Enrichment, 'clusterKey'> {
  const classifier = getClassifier();
  // One pass says whether the text is its own NFC form and what normalisation and geotag will
  // look for in it (nearly every post); otherwise the general steps.
  const flags = scanPost(text);
  let normalized: string;
  let asIs: boolean;
  if ((flags & POST_NEEDS_NFC) === 0) {
    normalized = normalizeScanned(text, flags);
    asIs = (flags & POST_ZERO_WIDTH) === 0; // geotagReadsAsIs(text)
  } else {
    const nfc = toNfc(text);
    normalized = normalizeNfc(nfc);
    asIs = nfc === text && geotagReadsAsIs(text);
  }
  let language: LanguageResult;
  let geo: GeoResult | null;
  // Language and geotag read the same tokens when the text is already what geotag reads (NFC,
  // no zero-width characters: nearly every post): one scan feeds both.
  if (asIs) {
    languageBegin(text);
    geotagBegin(text);
    scanTokens(text, visitBoth);
    language = languageFinish();
    geo = geotagFinish(text);
  } else {
    language = detectLanguage(text);
    geo = geotag(text);
  }
  const p = classifier.predict(normalized);
  return {
    lang: language.lang,
    mix: language.mix,
    normalized,
    scores: p.scores,
    decisions: p.decisions,
    classes: p.classes,
    geo,
    model: classifier.version,
  };
}

export function enrich(text: string): Enrichment {
  const e = understand(text);
  return { ...e, clusterKey: clusterKey(e.normalized) };
}

/** The classify output of DESIGN.md §5, keys in that order. */
export function toClassifyOutput(id: unknown, e: Enrichment): ClassifyOutput {
  return {
    id,
    lang: e.lang,
    scores: e.scores,
    decisions: e.decisions,
    geo: e.geo === null ? null : { district: e.geo.district, station: e.geo.station, confidence: e.geo.confidence },
    model: e.model,
  };
}

/** `classify(text)`: the DESIGN.md §5 fields of one post (without an id). */
export function classify(text: string): Omit<ClassifyOutput, 'id'> {
  const { id: _id, ...rest } = toClassifyOutput(undefined, enrich(text));
  return rest;
}

/** The n-grams that contributed most to each positive decision of a post, for the analyst. */
export function explain(text: string, limit = 8): Partial<Record<Label, Contribution[]>> {
  const classifier = getClassifier();
  const normalized = normalize(text);
  return classifier.explainDecisions(normalized, classifier.predict(normalized), limit);
}

/** The top n-grams behind one label of a post (for a multi-class label, behind `cls`). */
export function explainLabel(text: string, label: Label, limit = 8, cls?: string): Contribution[] {
  return getClassifier().explain(normalize(text), label, limit, cls);
}
