/**
 * How each platform counts the length of a post's text. Every count starts from the NFC form, as
 * the platforms do, so a Devanagari text typed with combining sequences counts the same as its
 * composed form.
 */

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** URLs as the platforms that shorten links recognise them: with a scheme, or starting www. */
export const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s<>"]+[^\s<>".,;:!?)\]'}]/giu;

/** X and Mastodon count every link as this many characters, whatever its real length. */
export const SHORT_URL_LENGTH = 23;

/** Code point ranges that X weighs 1; every other code point weighs 2 (twitter-text v3). */
const X_LIGHT_RANGES: readonly (readonly [number, number])[] = [
  [0, 4351],
  [8192, 8205],
  [8208, 8223],
  [8242, 8247],
];

const PICTOGRAPHIC = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3/u;

function xCodePointWeight(cp: number): number {
  for (const [lo, hi] of X_LIGHT_RANGES) if (cp >= lo && cp <= hi) return 1;
  return 2;
}

/** Splits text into the stretches between URLs and the URLs themselves. */
function splitUrls(text: string): { parts: string[]; urls: number } {
  const parts = text.split(URL_PATTERN);
  const urls = (text.match(URL_PATTERN) ?? []).length;
  return { parts, urls };
}

/**
 * X's weighted length: each URL counts 23; an emoji (one grapheme, however many code points)
 * counts 2; other code points count 1 in the Latin and general-punctuation ranges and 2
 * elsewhere, so Devanagari counts 2 per code point.
 */
export function xWeightedLength(input: string): number {
  const text = input.normalize('NFC');
  const { parts, urls } = splitUrls(text);
  let total = urls * SHORT_URL_LENGTH;
  for (const part of parts) {
    for (const { segment } of graphemes.segment(part)) {
      if (PICTOGRAPHIC.test(segment)) {
        total += 2;
        continue;
      }
      for (const ch of segment) total += xCodePointWeight(ch.codePointAt(0)!);
    }
  }
  return total;
}

/** User-perceived characters (Bluesky's unit): an emoji with skin tone or a ZWJ family is one. */
export function graphemeLength(input: string): number {
  let n = 0;
  for (const _ of graphemes.segment(input.normalize('NFC'))) n++;
  return n;
}

/** Unicode code points, with every URL counted as 23 (Mastodon). */
export function codePointLengthShortUrls(input: string): number {
  const text = input.normalize('NFC');
  const { parts, urls } = splitUrls(text);
  return urls * SHORT_URL_LENGTH + parts.reduce((n, p) => n + [...p].length, 0);
}

/** Unicode code points (Facebook, Sandbox, YouTube titles). */
export function codePointLength(input: string): number {
  return [...input.normalize('NFC')].length;
}

/** Bytes of the UTF-8 encoding (YouTube descriptions). */
export function utf8Length(input: string): number {
  return Buffer.byteLength(input.normalize('NFC'), 'utf8');
}
