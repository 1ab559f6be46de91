import { describe, expect, it } from 'vitest';
import { languageOnlyEnricher, remembering, type Enricher } from './enricher.js';

/** The language-only enricher, counting the texts it is asked about. */
function counting(): { enrich: Enricher; asked: string[] } {
  const asked: string[] = [];
  return { asked, enrich: (text) => (asked.push(text), languageOnlyEnricher(text)) };
}

describe('remembering', () => {
  it('enriches a text met lately once, and gives the same answer as the enricher', () => {
    const { enrich, asked } = counting();
    const r = remembering(enrich, 10);
    const rumour = 'दंगा हो गया है पुलिस कहाँ है, forward karo';
    const first = r(rumour);
    expect(r(rumour)).toBe(first);
    expect(r('Traffic jam at ITO flyover')).toEqual(languageOnlyEnricher('Traffic jam at ITO flyover'));
    expect(first).toEqual(languageOnlyEnricher(rumour));
    expect(asked).toEqual([rumour, 'Traffic jam at ITO flyover']);
  });

  it('keeps a bounded number of texts: one not met for a while is enriched again', () => {
    const { enrich, asked } = counting();
    const r = remembering(enrich, 4);
    for (let i = 0; i < 10; i++) r(`post ${i} about the metro`);
    r('post 0 about the metro');
    expect(asked).toHaveLength(11);
    r('post 9 about the metro');
    expect(asked).toHaveLength(11);
  });
});
