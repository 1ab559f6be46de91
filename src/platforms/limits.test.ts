import { describe, expect, it } from 'vitest';
import { composeText } from './compose-text.js';
import { limitsFor, validateVariant } from './limits.js';
import { codePointLengthShortUrls, graphemeLength, utf8Length, xWeightedLength } from './text-length.js';
import type { VariantMedia } from './types.js';

const img = (i: number, bytes = 1000): VariantMedia => ({ sha256: String(i).padStart(64, '0'), mime: 'image/jpeg', bytes });
const video = (bytes = 10_000): VariantMedia => ({ sha256: 'f'.repeat(64), mime: 'video/mp4', bytes });

describe('X weighted length', () => {
  it('counts Latin letters 1 each', () => {
    expect(xWeightedLength('Stay safe online')).toBe(16);
  });

  it('counts Devanagari 1 per code point: U+0900–U+097F lies in the light range 0–4351', () => {
    // न म स ् त े: six code points, each weight 1 (as twitter-text v3 counts them)
    expect(xWeightedLength('नमस्ते')).toBe(6);
    expect(xWeightedLength('साइबर ठगी से सावधान')).toBe([...'साइबर ठगी से सावधान'].length);
  });

  it('counts CJK and other code points above 4351 as 2', () => {
    expect(xWeightedLength('日本')).toBe(4);
    expect(xWeightedLength('\u10ff')).toBe(1);
    expect(xWeightedLength('\u1100')).toBe(2);
    expect(xWeightedLength('\u1200')).toBe(2);
  });

  it('counts every URL as 23 whatever its length', () => {
    expect(xWeightedLength('see https://example.com')).toBe(4 + 23);
    expect(xWeightedLength(`see https://delhipolice.gov.in/${'x'.repeat(200)}?a=1`)).toBe(4 + 23);
    expect(xWeightedLength('a https://a.in b www.cybercrime.gov.in')).toBe(2 + 23 + 3 + 23);
  });

  it('counts an emoji as 2, even a sequence of several code points', () => {
    expect(xWeightedLength('👍')).toBe(2);
    expect(xWeightedLength('👍🏽')).toBe(2);
    expect(xWeightedLength('👨‍👩‍👧')).toBe(2);
    expect(xWeightedLength('🇮🇳')).toBe(2);
  });

  it('counts general punctuation as 1 (the light ranges)', () => {
    expect(xWeightedLength('\u2014\u2019')).toBe(2);
    expect(xWeightedLength('\u2030')).toBe(2);
    expect(xWeightedLength('\u3042')).toBe(2);
  });

  it('normalises to NFC first', () => {
    expect(xWeightedLength('e\u0301')).toBe(1);
  });

  it('accepts 280 and refuses 281 weighted characters, with the numbers on the field', () => {
    expect(validateVariant('x', { text: 'a'.repeat(280) })).toEqual([]);
    expect(validateVariant('x', { text: 'a'.repeat(281) })).toEqual([expect.objectContaining({ field: 'text', code: 'too_long', limit: 280, actual: 281 })]);
    expect(validateVariant('x', { text: 'क्ष'.repeat(93) + 'a' })).toEqual([]);
    expect(validateVariant('x', { text: 'क्ष'.repeat(94) })).toEqual([expect.objectContaining({ code: 'too_long', actual: 282 })]);
    expect(validateVariant('x', { text: '日'.repeat(140) })).toEqual([]);
    expect(validateVariant('x', { text: '日'.repeat(141) })).toEqual([expect.objectContaining({ code: 'too_long', actual: 282 })]);
  });

  it('a long link does not push a short text over the limit', () => {
    expect(validateVariant('x', { text: 'a'.repeat(250), link: `https://delhipolice.gov.in/${'p'.repeat(300)}` })).toEqual([]);
    // 250 + newline + 23 = 274; 7 more letters of hashtag (# + 5 + space separator) push it to 281
    expect(validateVariant('x', { text: 'a'.repeat(250), link: 'https://a.in/x', hashtags: ['abcde'] })[0]).toMatchObject({ code: 'too_long', actual: 250 + 2 + 6 + 1 + 23 });
  });

  it('allows 4 images or one video alone', () => {
    expect(validateVariant('x', { text: 'x', media: [img(1), img(2), img(3), img(4)] })).toEqual([]);
    expect(validateVariant('x', { text: 'x', media: [img(1), img(2), img(3), img(4), img(5)] })[0]).toMatchObject({ field: 'media', code: 'too_many_media', limit: 4, actual: 5 });
    expect(validateVariant('x', { text: 'x', media: [video(), img(1)] })[0]).toMatchObject({ field: 'media', code: 'too_many_media' });
    expect(validateVariant('x', { text: 'x', media: [img(1, 6 * 1024 * 1024)] })[0]).toMatchObject({ field: 'media[0]', code: 'media_too_large' });
  });
});

describe('Bluesky graphemes', () => {
  it('counts an emoji with skin tone or ZWJ as one grapheme', () => {
    expect(graphemeLength('👍🏽')).toBe(1);
    expect(graphemeLength('👨‍👩‍👧 ok')).toBe(4);
    expect(graphemeLength('e\u0301')).toBe(1);
  });

  it('accepts 300 emoji graphemes (1,200 UTF-16 units) and refuses 301', () => {
    expect('👍🏽'.repeat(300).length).toBe(1200);
    expect(validateVariant('bluesky', { text: '👍🏽'.repeat(300) })).toEqual([]);
    expect(validateVariant('bluesky', { text: '👍🏽'.repeat(301) })).toEqual([expect.objectContaining({ field: 'text', code: 'too_long', limit: 300, actual: 301 })]);
  });

  it('counts a link at its full length (no shortening)', () => {
    const link = `https://example.org/${'a'.repeat(290)}`;
    expect(validateVariant('bluesky', { text: 'hi', link })[0]).toMatchObject({ code: 'too_long', actual: 2 + 1 + link.length });
  });

  it('refuses GIFs and images over 1 MB', () => {
    expect(validateVariant('bluesky', { text: 'x', media: [{ ...img(1), mime: 'image/gif' }] })[0]).toMatchObject({ field: 'media[0]', code: 'media_type' });
    expect(validateVariant('bluesky', { text: 'x', media: [img(1, 1_000_001)] })[0]).toMatchObject({ field: 'media[0]', code: 'media_too_large', limit: 1_000_000 });
  });
});

describe('Mastodon', () => {
  it('allows 500 characters with links counted as 23', () => {
    expect(codePointLengthShortUrls(`x https://example.com/${'a'.repeat(100)}`)).toBe(2 + 23);
    expect(validateVariant('mastodon', { text: 'a'.repeat(500) })).toEqual([]);
    expect(validateVariant('mastodon', { text: 'a'.repeat(501) })[0]).toMatchObject({ code: 'too_long', limit: 500, actual: 501 });
    expect(validateVariant('mastodon', { text: 'a'.repeat(470), link: `https://example.com/${'b'.repeat(200)}` })).toEqual([]);
  });

  it('allows at most 4 images', () => {
    expect(validateVariant('mastodon', { text: 'x', media: [img(1), img(2), img(3), img(4)] })).toEqual([]);
    expect(validateVariant('mastodon', { text: 'x', media: [img(1), img(2), img(3), img(4), img(5)] })).toEqual([
      expect.objectContaining({ field: 'media', code: 'too_many_media', limit: 4, actual: 5 }),
    ]);
  });
});

describe('YouTube', () => {
  const ok = { title: 'Cyber fraud: how to stay safe', text: 'Call 1930', media: [video()] };

  it('accepts a video with a title and a short description', () => {
    expect(validateVariant('youtube', ok)).toEqual([]);
  });

  it('refuses < and > in title and description', () => {
    expect(validateVariant('youtube', { ...ok, title: 'Safety <live>' })).toEqual([expect.objectContaining({ field: 'title', code: 'forbidden_characters' })]);
    expect(validateVariant('youtube', { ...ok, text: 'a > b' })).toEqual([expect.objectContaining({ field: 'text', code: 'forbidden_characters' })]);
  });

  it('limits the title to 100 characters and requires it', () => {
    expect(validateVariant('youtube', { ...ok, title: 'स'.repeat(100) })).toEqual([]);
    expect(validateVariant('youtube', { ...ok, title: 't'.repeat(101) })).toEqual([expect.objectContaining({ field: 'title', code: 'too_long', limit: 100, actual: 101 })]);
    expect(validateVariant('youtube', { ...ok, title: '  ' })).toEqual([expect.objectContaining({ field: 'title', code: 'required' })]);
  });

  it('limits the description to 5,000 bytes of UTF-8, so Devanagari gets a third of that', () => {
    expect(utf8Length('अ')).toBe(3);
    expect(validateVariant('youtube', { ...ok, text: 'अ'.repeat(1666) })).toEqual([]);
    expect(validateVariant('youtube', { ...ok, text: 'अ'.repeat(1667) })).toEqual([expect.objectContaining({ field: 'text', code: 'too_long', limit: 5000, actual: 5001 })]);
    expect(validateVariant('youtube', { ...ok, text: 'a'.repeat(5000) })).toEqual([]);
  });

  it('requires exactly one video and refuses images', () => {
    expect(validateVariant('youtube', { ...ok, media: [] })).toEqual([expect.objectContaining({ field: 'media', code: 'required' })]);
    expect(validateVariant('youtube', { ...ok, media: [img(1)] }).map((i) => i.code).sort()).toEqual(['media_type', 'required']);
  });
});

describe('Facebook and Sandbox', () => {
  it('Facebook allows 63,206 characters', () => {
    expect(limitsFor('facebook').maxText).toBe(63_206);
    expect(validateVariant('facebook', { text: 'a'.repeat(63_206) })).toEqual([]);
    expect(validateVariant('facebook', { text: 'a'.repeat(63_207) })[0]).toMatchObject({ code: 'too_long', actual: 63_207 });
  });

  it('Sandbox allows 1,000 characters', () => {
    expect(validateVariant('sandbox', { text: 'अ'.repeat(1000) })).toEqual([]);
    expect(validateVariant('sandbox', { text: 'अ'.repeat(1001) })[0]).toMatchObject({ code: 'too_long', limit: 1000, actual: 1001 });
  });

  it('every platform refuses an empty variant and a link that is not http(s)', () => {
    for (const p of ['x', 'facebook', 'bluesky', 'mastodon', 'sandbox'] as const) {
      expect(validateVariant(p, { text: '  ' })).toEqual([expect.objectContaining({ field: 'text', code: 'empty' })]);
      expect(validateVariant(p, { text: 'hi', link: 'javascript:alert(1)' })).toEqual([expect.objectContaining({ field: 'link', code: 'invalid_link' })]);
    }
  });
});

describe('composeText', () => {
  it('appends missing hashtags and the link, once', () => {
    expect(composeText({ text: 'Stay safe #CyberSafety', hashtags: ['cybersafety', '#DelhiPolice'], link: 'https://a.in' })).toBe('Stay safe #CyberSafety\n\n#DelhiPolice\nhttps://a.in');
    expect(composeText({ text: 'See https://a.in', link: 'https://a.in' })).toBe('See https://a.in');
    expect(composeText({ text: '', hashtags: ['साइबर_सुरक्षा'] })).toBe('#साइबर_सुरक्षा');
  });
});
