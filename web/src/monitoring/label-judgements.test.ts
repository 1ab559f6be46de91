import { createInstance, type i18n } from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Judgement, MentionLabels } from '../api/mention-labels.js';
import en from '../i18n/en.json' with { type: 'json' };
import hi from '../i18n/hi.json' with { type: 'json' };
import { LabelJudgementsView } from './LabelJudgements.js';

const judgement = (id: string, label: string, value: boolean | string, predicted: boolean | string | null, name: string, note: string | null = null): Judgement => ({
  id,
  label,
  value,
  predicted,
  model: 'chhavi-nlp-test',
  analyst: { id: `u-${name}`, name },
  at: '2026-11-28T10:00:00.000Z',
  note,
});

const sentimentNow = judgement('3', 'sentiment', 'neutral', 'negative', '<img src=x onerror=alert(1)>', '<b>sarcasm</b>');
const hostileNow = judgement('2', 'hostile', true, true, 'Asha');
const hostileBefore = judgement('1', 'hostile', false, true, 'Asha');

function data(canLabel: boolean): MentionLabels {
  return {
    mentionId: '42',
    model: 'chhavi-nlp-test',
    labels: [
      { label: 'hostile', predicted: true, current: [hostileNow] },
      { label: 'praise', predicted: false, current: [] },
      { label: 'sentiment', predicted: 'negative', current: [sentimentNow] },
    ],
    history: [sentimentNow, hostileNow, hostileBefore],
    abilities: { label: canLabel },
  };
}

async function i18nIn(lng: 'en' | 'hi'): Promise<i18n> {
  const instance = createInstance();
  await instance.use(initReactI18next).init({ resources: { en: { translation: en }, hi: { translation: hi } }, lng, fallbackLng: 'en', interpolation: { escapeValue: false } });
  return instance;
}

const render = (instance: i18n, canLabel: boolean) =>
  renderToStaticMarkup(
    createElement(
      I18nextProvider,
      { i18n: instance },
      createElement(LabelJudgementsView, {
        data: data(canLabel),
        labelText: (l: string) => `[${l}]`,
        formatTime: (iso: string) => `at:${iso}`,
        onJudge: () => undefined,
        note: '',
        onNote: () => undefined,
      }),
    ),
  );

const row = (html: string, label: string) => html.slice(html.indexOf(`data-label="${label}"`), html.indexOf('</tr>', html.indexOf(`data-label="${label}"`)));

describe('analysts\' judgements on the mention page', () => {
  let english: i18n;
  let hindi: i18n;
  beforeAll(async () => {
    english = await i18nIn('en');
    hindi = await i18nIn('hi');
  });

  it('shows per label the model\'s decision and who judged it when, with the earlier judgements', () => {
    const html = render(english, true);
    expect(html).toContain('Analysts&#x27; judgements');
    const hostile = row(html, 'hostile');
    expect(hostile).toContain('[hostile]');
    expect(hostile).toContain('<td data-testid="predicted">yes</td>');
    expect(hostile).toContain('yes, by Asha at at:2026-11-28T10:00:00.000Z');
    expect(hostile).toContain('1 earlier judgement');
    expect(hostile).toContain('no, by Asha at');
    expect(row(html, 'praise')).toContain('Not judged yet.');
    // A correction is marked as one.
    expect(row(html, 'sentiment')).toContain('corrected');
    expect(hostile).not.toContain('corrected');
  });

  it('offers a confirm button for the model\'s decision and a correct button for each other value', () => {
    const html = render(english, true);
    const hostile = row(html, 'hostile');
    expect(hostile).toMatch(/data-testid="confirm"[^>]*>Confirm: yes<\/button>/);
    expect(hostile).toMatch(/data-testid="correct"[^>]*>Correct to no<\/button>/);
    const sentiment = row(html, 'sentiment');
    expect(sentiment).toContain('Confirm: negative');
    expect(sentiment).toContain('Correct to positive');
    expect(sentiment).toContain('Correct to neutral');
    expect(html).toContain('data-testid="judge-note"');
  });

  it('shows a reader who may not label the judgements without buttons', () => {
    const html = render(english, false);
    expect(html).toContain('yes, by Asha');
    expect(html).not.toContain('<button');
    expect(html).not.toContain('judge-note');
    expect(html).toContain('The monitoring cell and Special Branch confirm or correct labels');
  });

  it('shows names and notes as text, never markup', () => {
    const html = render(english, true);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;b&gt;sarcasm&lt;/b&gt;');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
  });

  it('speaks Hindi', () => {
    const html = render(hindi, true);
    expect(html).toContain('विश्लेषकों के निर्णय');
    expect(row(html, 'hostile')).toContain('हाँ, Asha द्वारा');
    expect(row(html, 'hostile')).toContain('सुधारकर नहीं');
    expect(row(html, 'sentiment')).toContain('पुष्टि: नकारात्मक');
  });
});
