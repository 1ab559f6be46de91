// Shared pieces of the project-made data generators: types, a seeded generator and hashing.
// Everything here is deterministic so that `npx tsx datasets/chhavi-police/build.ts` always
// writes the same bytes.
import { createHash } from 'node:crypto';

export type Lang = 'hi' | 'en' | 'hi-Latn';
/** Key used in the template files for each language: `hil` is romanised Hindi / Hinglish. */
export type LangKey = 'hi' | 'en' | 'hil';

export const LANG_OF_KEY: Record<LangKey, Lang> = { hi: 'hi', en: 'en', hil: 'hi-Latn' };

export interface EventLabels {
  police_related: boolean;
  crime_report: boolean;
  praise: boolean;
  complaint: boolean;
}

export type Tone = 'angry' | 'worried' | 'thanks' | 'neutral' | 'happy';

/**
 * One family of posts with the same labels. Each string is either a template with `{slot}`
 * placeholders (expanded several times with different fillers) or a whole hand-written post
 * (used once). Every string is its own split group, so its variants never straddle splits.
 */
export interface TemplateSet {
  name: string;
  labels: EventLabels;
  tone: Tone;
  /** Rows per template with slots (default 7); long posts use fewer so they do not repeat. */
  variants?: number;
  /** Whether a police handle may be added by the styler (only for police-related sets). */
  addressed?: boolean;
  /** Hashtags the styler may append, per language. */
  tags?: Partial<Record<LangKey, string[]>>;
  hi: string[];
  en: string[];
  hil: string[];
}

const label = (police_related: boolean, crime_report: boolean, praise: boolean, complaint: boolean): EventLabels => ({
  police_related,
  crime_report,
  praise,
  complaint,
});

export const CRIME = label(true, true, false, false);
export const CRIME_COMPLAINT = label(true, true, false, true);
export const COMPLAINT = label(true, false, false, true);
export const PRAISE = label(true, false, true, false);
export const POLICE = label(true, false, false, false);
export const NONE = label(false, false, false, false);

/** A number in [0, 1) from the SHA-256 of a string. */
export function hashUnit(s: string): number {
  const h = createHash('sha256').update(s).digest();
  return h.readUInt32BE(0) / 0x1_0000_0000;
}

/** mulberry32, seeded from the SHA-256 of `seed`. */
export function makeRandom(seed: string): () => number {
  let a = createHash('sha256').update(seed).digest().readUInt32BE(4);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}
