import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALL_LABELS, BINARY_LABELS } from './labels.js';
import { defaultModelPath, getClassifier, lastLoadMs } from './load.js';
import { classify, enrich, explain } from '../enrich.js';
import { Classifier } from './classifier.js';
import { readModelFile } from './model-file.js';
import { matchKey } from '../text/match-key.js';
import { normalize } from '../text/normalize.js';

describe('the shipped model', () => {
  it('loads quickly from a compact file', () => {
    const c = getClassifier();
    expect(c.version).toMatch(/^chhavi-nlp-1-[0-9a-f]{12}$/);
    expect(statSync(defaultModelPath()).size).toBeLessThan(20 * 1024 * 1024);
    // Generous bound for a busy test machine; the benchmark reports the real figure.
    expect(lastLoadMs()).toBeLessThan(3000);
  });

  it('gives the DESIGN.md §5 output shape', () => {
    const out = classify('दिल्ली पुलिस ने साकेत में चोर को पकड़ा, शाबाश! @DelhiPolice');
    expect(Object.keys(out)).toEqual(['lang', 'scores', 'decisions', 'geo', 'model']);
    expect(Object.keys(out.scores).sort()).toEqual([...ALL_LABELS].sort());
    expect(Object.keys(out.decisions).sort()).toEqual([...ALL_LABELS].sort());
    for (const l of ALL_LABELS) {
      expect(out.scores[l]).toBeGreaterThanOrEqual(0);
      expect(out.scores[l]).toBeLessThanOrEqual(1);
    }
    for (const l of BINARY_LABELS) expect(typeof out.decisions[l]).toBe('boolean');
    expect(['overt', 'covert', 'none']).toContain(out.decisions.aggression);
    expect(['positive', 'negative', 'neutral']).toContain(out.decisions.sentiment);
    expect(['hi', 'en', 'hi-Latn', 'other']).toContain(out.lang);
    expect(out.model).toBe(getClassifier().version);
    if (out.geo !== null) expect(Object.keys(out.geo)).toEqual(['district', 'station', 'confidence']);
  });

  it('separates an obviously abusive post from a neutral one', () => {
    const abusive = enrich('साले कुत्ते हरामी तेरी माँ की');
    const neutral = enrich('आज मौसम बहुत सुहावना है, बच्चे पार्क में खेल रहे हैं');
    expect(abusive.scores.abusive).toBeGreaterThan(neutral.scores.abusive);
    expect(abusive.decisions.abusive).toBe(true);
    expect(neutral.decisions.abusive).toBe(false);
    expect(abusive.clusterKey).toMatch(/^[0-9a-f]{16}$/);
  });

  it('explains each positive decision with n-grams from the post', () => {
    const text = 'साले कुत्ते हरामी तेरी माँ की';
    const why = explain(text);
    expect(why.abusive).toBeDefined();
    expect(why.abusive!.length).toBeGreaterThan(0);
    for (const c of why.abusive!) {
      expect(c.weight).toBeGreaterThan(0);
      // Every n-gram is text of the post (edges marked with < >, spelling keys with ~).
      const bare = c.ngram.replace(/^~.*/, '').replace(/[<>]/g, '');
      if (bare !== '') expect(text.normalize('NFC').replace(/\u0901/g, '\u0902')).toContain(bare.split(' ')[0]!);
    }
    const weights = why.abusive!.map((c) => c.weight);
    expect([...weights].sort((a, b) => b - a)).toEqual(weights);
  });

  it('predicts the shipped layout as the general path does, to the key order', () => {
    const model = readModelFile(defaultModelPath());
    const fast = new Classifier(model, matchKey);
    // One head more (praise again, at the end) takes the model off the literal-object path
    // without changing any number or the order of the keys.
    const heads = [...model.header.heads, model.header.heads[BINARY_LABELS.length - 1]!];
    const general = new Classifier({ ...model, header: { ...model.header, heads } }, matchKey);
    const texts = [
      'साले कुत्ते हरामी तेरी माँ की',
      'Delhi Police ne bahut accha kaam kiya, thank you @DelhiPolice',
      'FAKE NEWS!!! ye video purana hai, mat failao',
      'आज मौसम बहुत सुहावना है',
      '',
      '🙏🙏',
    ];
    for (const t of texts) {
      const n = normalize(t);
      expect(JSON.stringify(fast.predict(n))).toBe(JSON.stringify(general.predict(n)));
    }
  });
});
