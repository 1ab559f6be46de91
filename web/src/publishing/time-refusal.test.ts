import { createInstance, type i18n } from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { readScheduledAt } from '../../../src/publishing/scheduler/zoned-time.js';
import en from '../i18n/en.json' with { type: 'json' };
import hi from '../i18n/hi.json' with { type: 'json' };
import { TimeRefusal } from './TimeRefusal.js';

async function i18nIn(lng: 'en' | 'hi'): Promise<i18n> {
  const instance = createInstance();
  await instance.use(initReactI18next).init({ resources: { en: { translation: en }, hi: { translation: hi } }, lng, fallbackLng: 'en', interpolation: { escapeValue: false } });
  return instance;
}

function refusal(wall: string, zone: string) {
  const read = readScheduledAt(wall, zone);
  if (!('refused' in read) || !('choices' in read.refused)) throw new Error(`${wall} in ${zone} is not refused at a clock change`);
  return read.refused;
}

const render = (instance: i18n, wall: string, zone: string) =>
  renderToStaticMarkup(createElement(I18nextProvider, { i18n: instance }, createElement(TimeRefusal, { refused: refusal(wall, zone), onPick: () => undefined })));

describe('a scheduled time refused at a clock change, on its field', () => {
  let english: i18n;
  let hindi: i18n;
  beforeAll(async () => {
    english = await i18nIn('en');
    hindi = await i18nIn('hi');
  });

  it('says the time does not exist and offers the times either side of the gap', () => {
    const html = render(english, '2027-03-14T02:30', 'America/New_York');
    expect(html).toContain('data-reason="nonexistent_local_time"');
    expect(html).toContain('2027-03-14 02:30 does not exist in America/New_York');
    expect([...html.matchAll(/data-choice="([^"]+)"/g)].map((m) => m[1])).toEqual(['2027-03-14T01:30-05:00', '2027-03-14T03:30-04:00']);
    expect(html).toContain('(UTC−05:00)');
    expect(html).toContain('(UTC−04:00)');
  });

  it('says the time happens twice and offers both instants, in Hindi too', () => {
    const html = render(hindi, '2027-10-31T01:30', 'Europe/London');
    expect(html).toContain('data-reason="ambiguous_local_time"');
    expect(html).toContain('Europe/London में 2027-10-31 01:30 दो बार आता है');
    expect([...html.matchAll(/data-choice="([^"]+)"/g)].map((m) => m[1])).toEqual(['2027-10-31T01:30+01:00', '2027-10-31T01:30+00:00']);
  });
});
