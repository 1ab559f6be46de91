import { describe, expect, it } from 'vitest';
import { goldOf, inputText } from './gold.js';
import { evaluate, formatEval } from './evaluate.js';
import { getClassifier } from '../classify/load.js';

describe('gold labels per source', () => {
  it('maps each dataset\'s labels to ours', () => {
    expect(goldOf('hasoc2021-hindi', { hate_or_offensive: true, category: 'hate' })).toEqual({ abusive: true });
    expect(goldOf('constraint2021-hindi', { hostile: false, fake: false, hate: false, offensive: false, defamation: false })).toEqual({
      hostile: false,
      fake: false,
      hate: false,
      offensive: false,
      defamation: false,
    });
    expect(goldOf('trac1-hindi', { aggression: 'covert' })).toEqual({ aggression: 'covert' });
    expect(goldOf('sentimix2020-hinglish', { sentiment: 'Positive' })).toEqual({ sentiment: 'positive' });
    expect(goldOf(undefined, { praise: 1, complaint: 'false', sentiment: 'angry' })).toEqual({ praise: true, complaint: false });
    expect(goldOf('hatecheck', { label: 'hateful' })).toEqual({ hate: true });
    expect(goldOf('india-police-events', { any_action: true })).toEqual({});
  });
  it('puts SentiMix token text back together', () => {
    expect(inputText('sentimix2020-hinglish', '@ user bahut accha # tag')).toBe('@user bahut accha #tag');
    expect(inputText('macd-hindi', '@ user')).toBe('@ user');
  });
});

describe('evaluate', () => {
  it('scores only the labels the rows carry, with a confusion matrix over all rows', () => {
    const rows = [
      { text: 'साले कुत्ते हरामी तेरी माँ की', labels: { abusive: true }, source: 'macd-hindi' },
      { text: 'आज मौसम बहुत सुहावना है, बच्चे पार्क में खेल रहे हैं', labels: { abusive: false }, source: 'macd-hindi' },
      { text: 'no labels of ours here', labels: { any_action: false } },
    ];
    const r = evaluate(getClassifier(), rows);
    expect(r.labels.map((l) => l.label)).toEqual(['abusive']);
    const a = r.labels[0]!;
    expect(a.n).toBe(2);
    expect(a.confusion.flat().reduce((s, x) => s + x, 0)).toBe(2);
    expect(a.accuracy).toBe(1);
    expect(formatEval(r)).toContain('abusive');
  });
});
