import { createInstance, type i18n } from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MentionExplanation } from '../api/monitoring.js';
import en from '../i18n/en.json' with { type: 'json' };
import hi from '../i18n/hi.json' with { type: 'json' };
import { LabelExplanations } from './LabelExplanations.js';

const explanation: MentionExplanation = {
  model: 'chhavi-nlp-test',
  labels: [
    { label: 'aggression:covert', ngrams: [{ ngram: '<script>', weight: 0.21 }, { ngram: '<mull', weight: 0.0586 }, { ngram: '~bk', weight: 0.04 }] },
    { label: 'sentiment:negative', ngrams: [] },
  ],
};

async function i18nIn(lng: 'en' | 'hi'): Promise<i18n> {
  const instance = createInstance();
  await instance.use(initReactI18next).init({ resources: { en: { translation: en }, hi: { translation: hi } }, lng, fallbackLng: 'en', interpolation: { escapeValue: false } });
  return instance;
}

const render = (instance: i18n) =>
  renderToStaticMarkup(createElement(I18nextProvider, { i18n: instance }, createElement(LabelExplanations, { explanation, labelText: (l: string) => `[${l}]` })));

describe('label explanations on the mention page', () => {
  let english: i18n;
  let hindi: i18n;
  beforeAll(async () => {
    english = await i18nIn('en');
    hindi = await i18nIn('hi');
  });

  it('shows each label with its n-grams and weights, strongest first, as text', () => {
    const html = render(english);
    expect(html).toContain('Why these labels');
    expect(html).toContain('chhavi-nlp-test');
    expect(html).toContain('data-label="aggression:covert"');
    expect(html).toContain('[aggression:covert]');
    // An n-gram is whatever the post held: escaped, never markup.
    expect(html).toContain('<code data-testid="ngram">&lt;script&gt;</code>');
    expect(html).not.toContain('<script>');
    expect(html.indexOf('&lt;script&gt;')).toBeLessThan(html.indexOf('&lt;mull'));
    expect(html).toContain('0.210');
    // A label with nothing positive to show says so.
    expect(html).toMatch(/data-label="sentiment:negative"><td>\[sentiment:negative\]<\/td><td><span class="muted">None<\/span>/);
  });

  it('speaks Hindi', () => {
    const html = render(hindi);
    expect(html).toContain('ये लेबल क्यों');
    expect(html).toContain('शब्द और अक्षर-समूह');
    expect(html).toContain('&lt;mull');
  });
});
