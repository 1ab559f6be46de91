import { describe, expect, it } from 'vitest';
import { limitsFor } from '../../../src/platforms/limits.js';
import * as server from '../../../src/platforms/text-length.js';
import { PLATFORMS } from '../api/publishing.js';
import { codePointLength, codePointLengthShortUrls, composeText, countTitle, countVariant, graphemeLength, parseHashtags, TEXT_LIMITS, utf8Length, xWeightedLength } from './text-count.js';

const SAMPLES = [
  '',
  'Beware of fake KYC calls. Call 1930.',
  'साइबर ठगी से सावधान! हेल्पलाइन 1930 पर कॉल करें।',
  'Report at https://cybercrime.gov.in/ and www.delhipolice.gov.in today.',
  'Family 👨‍👩‍👧‍👦 and flag 🇮🇳 and keycap 1️⃣ with skin tone 👍🏽',
  'क्षत्रिय कि ॐ\u0915\u093c (nukta as a sequence)',
  'Mixed हिन्दी and English, “quotes” — dashes… and tabs\tend',
];

describe('composer counters', () => {
  it('use the same limits as the server', () => {
    for (const p of PLATFORMS) {
      const s = limitsFor(p);
      expect({ p, ...TEXT_LIMITS[p] }).toEqual({ p, maxText: s.maxText, unit: s.textUnit, maxMedia: s.maxMedia, maxTitle: s.maxTitle });
    }
  });

  it('measure text exactly as the server does', () => {
    for (const text of SAMPLES) {
      expect(xWeightedLength(text), text).toBe(server.xWeightedLength(text));
      expect(graphemeLength(text), text).toBe(server.graphemeLength(text));
      expect(codePointLength(text), text).toBe(server.codePointLength(text));
      expect(codePointLengthShortUrls(text), text).toBe(server.codePointLengthShortUrls(text));
      expect(utf8Length(text), text).toBe(server.utf8Length(text));
    }
  });

  it('count the composed text: hashtags not in the text, then the link', () => {
    const v = { text: 'Stay safe #CyberSafety', hashtags: ['cybersafety', '#DelhiPolice', ' '], link: 'https://example.org/a' };
    expect(composeText(v)).toBe('Stay safe #CyberSafety\n\n#DelhiPolice\nhttps://example.org/a');
    // X counts the link as 23 whatever its length.
    expect(countVariant('x', v).used).toBe('Stay safe #CyberSafety\n\n#DelhiPolice\n'.length + 23);
  });

  it('weigh emoji double on X and flag the variant over 280', () => {
    const text = '🚨'.repeat(140);
    expect(countVariant('x', { text })).toMatchObject({ used: 280, max: 280, left: 0, over: false });
    expect(countVariant('x', { text: `${text}!` })).toMatchObject({ used: 281, over: true, left: -1 });
    // Devanagari lies in X's light range: one per code point.
    expect(countVariant('x', { text: 'सावधान' }).used).toBe([...'सावधान'].length);
    // The same emoji text is far inside the Sandbox's 1,000 characters.
    expect(countVariant('sandbox', { text })).toMatchObject({ used: 140, max: 1000, over: false });
  });

  it('count Bluesky in graphemes and YouTube descriptions in bytes', () => {
    expect(countVariant('bluesky', { text: '👨‍👩‍👧‍👦'.repeat(300) })).toMatchObject({ used: 300, over: false });
    expect(countVariant('youtube', { text: 'क'.repeat(1667) })).toMatchObject({ used: 5001, unit: 'bytes', over: true });
  });

  it('count a title only where the platform has one', () => {
    expect(countTitle('youtube', 'x'.repeat(101))).toMatchObject({ used: 101, max: 100, over: true });
    expect(countTitle('x', 'anything')).toBeNull();
  });

  it('read hashtags typed in one box', () => {
    expect(parseHashtags(' #CyberSafety, DelhiPolice  ##Fraud ,, ')).toEqual(['CyberSafety', 'DelhiPolice', 'Fraud']);
  });
});
