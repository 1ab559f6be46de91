import type { Platform } from '../api/publishing.js';

/**
 * The composer's live counters: each platform's text limit measured in the platform's own unit,
 * on the text that actually goes out (text, then missing hashtags, then the link). These mirror
 * the server's rules in src/platforms (a test holds them to the same answers); the server's
 * check stays the authority and its issues are shown on the fields they name.
 */

export type TextUnit = 'weighted' | 'graphemes' | 'characters' | 'bytes';

export interface TextLimit {
  maxText: number;
  unit: TextUnit;
  maxMedia: number;
  /** Largest title, for platforms with titles (YouTube). */
  maxTitle: number | null;
}

export const TEXT_LIMITS: Readonly<Record<Platform, TextLimit>> = {
  x: { maxText: 280, unit: 'weighted', maxMedia: 4, maxTitle: null },
  facebook: { maxText: 63_206, unit: 'characters', maxMedia: 10, maxTitle: null },
  youtube: { maxText: 5000, unit: 'bytes', maxMedia: 1, maxTitle: 100 },
  bluesky: { maxText: 300, unit: 'graphemes', maxMedia: 4, maxTitle: null },
  mastodon: { maxText: 500, unit: 'characters', maxMedia: 4, maxTitle: null },
  sandbox: { maxText: 1000, unit: 'characters', maxMedia: 4, maxTitle: null },
};

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s<>"]+[^\s<>".,;:!?)\]'}]/giu;
const SHORT_URL_LENGTH = 23;
const X_LIGHT_RANGES: readonly (readonly [number, number])[] = [
  [0, 4351],
  [8192, 8205],
  [8208, 8223],
  [8242, 8247],
];
const PICTOGRAPHIC = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3/u;

// The text that goes out is the server's own rule, bundled into the page.
export { composeText } from '../../../src/platforms/compose-text.js';
import { composeText } from '../../../src/platforms/compose-text.js';

function splitUrls(text: string): { parts: string[]; urls: number } {
  return { parts: text.split(URL_PATTERN), urls: (text.match(URL_PATTERN) ?? []).length };
}

/** X: links count 23, an emoji 2, Latin and general punctuation 1 per code point, everything else 2. */
export function xWeightedLength(input: string): number {
  const { parts, urls } = splitUrls(input.normalize('NFC'));
  let total = urls * SHORT_URL_LENGTH;
  for (const part of parts) {
    for (const { segment } of graphemes.segment(part)) {
      if (PICTOGRAPHIC.test(segment)) {
        total += 2;
        continue;
      }
      for (const ch of segment) {
        const cp = ch.codePointAt(0)!;
        total += X_LIGHT_RANGES.some(([lo, hi]) => cp >= lo && cp <= hi) ? 1 : 2;
      }
    }
  }
  return total;
}

export function graphemeLength(input: string): number {
  let n = 0;
  for (const _ of graphemes.segment(input.normalize('NFC'))) n++;
  return n;
}

export function codePointLength(input: string): number {
  return [...input.normalize('NFC')].length;
}

export function codePointLengthShortUrls(input: string): number {
  const { parts, urls } = splitUrls(input.normalize('NFC'));
  return urls * SHORT_URL_LENGTH + parts.reduce((n, p) => n + [...p].length, 0);
}

const encoder = new TextEncoder();
export function utf8Length(input: string): number {
  return encoder.encode(input.normalize('NFC')).length;
}

/** Measures a composed text in the platform's unit. */
export function measure(platform: Platform, text: string): number {
  switch (platform) {
    case 'x':
      return xWeightedLength(text);
    case 'bluesky':
      return graphemeLength(text);
    case 'mastodon':
      return codePointLengthShortUrls(text);
    case 'youtube':
      return utf8Length(text);
    case 'facebook':
    case 'sandbox':
      return codePointLength(text);
  }
}

export interface Count {
  used: number;
  max: number;
  unit: TextUnit;
  /** Left before the limit; negative when over. */
  left: number;
  over: boolean;
}

/** The counter of one variant: the composed text measured against its platform's limit. */
export function countVariant(platform: Platform, v: { text: string; hashtags?: readonly string[]; link?: string | null }): Count {
  const limit = TEXT_LIMITS[platform];
  const used = measure(platform, composeText(v));
  return { used, max: limit.maxText, unit: limit.unit, left: limit.maxText - used, over: used > limit.maxText };
}

/** The counter of a YouTube title (code points). */
export function countTitle(platform: Platform, title: string): Count | null {
  const max = TEXT_LIMITS[platform].maxTitle;
  if (max === null) return null;
  const used = codePointLength(title.trim());
  return { used, max, unit: 'characters', left: max - used, over: used > max };
}

/** Hashtags as typed in one box ("#a, b #c") → ['a', 'b', 'c']. */
export function parseHashtags(input: string): string[] {
  return input
    .split(/[\s,]+/)
    .map((t) => t.replace(/^#+/, '').trim())
    .filter((t) => t.length > 0);
}
