import { composeText } from './compose-text.js';
import type { PlatformLimits, ValidationIssue, VariantDraft } from './types.js';

const MB = 1024 * 1024;
export { MB };

export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'] as const;
export const VIDEO_TYPES = ['video/mp4'] as const;

export interface TextRule {
  limits: PlatformLimits;
  /** Measures the composed text in the platform's own unit. */
  measure: (text: string) => number;
  /** The unit's name in messages ("weighted characters", "graphemes"...). */
  unitName: string;
  /** At most one video, and then nothing else (X, Bluesky, Mastodon). */
  videoAlone: boolean;
}

function isVideo(mime: string): boolean {
  return mime.startsWith('video/');
}

/** The checks every platform shares: text length, media count, types and sizes, the link's form. */
export function validateCommon(rule: TextRule, v: VariantDraft): ValidationIssue[] {
  const { limits } = rule;
  const issues: ValidationIssue[] = [];
  const media = v.media ?? [];
  const text = composeText(v);
  const length = rule.measure(text);
  if (length > limits.maxText) {
    issues.push({ field: 'text', code: 'too_long', limit: limits.maxText, actual: length, message: `text is ${length} ${rule.unitName} with hashtags and link; the limit is ${limits.maxText}` });
  }
  if (text.trim() === '' && media.length === 0) {
    issues.push({ field: 'text', code: 'empty', message: 'write a text or attach media' });
  }
  if (media.length > limits.maxMedia) {
    issues.push({ field: 'media', code: 'too_many_media', limit: limits.maxMedia, actual: media.length, message: `at most ${limits.maxMedia} media items; this variant has ${media.length}` });
  }
  const videos = media.filter((m) => isVideo(m.mime)).length;
  if (rule.videoAlone && videos > 0 && media.length > 1) {
    issues.push({ field: 'media', code: 'too_many_media', limit: 1, actual: media.length, message: 'a video must be the only media item of the post' });
  }
  if (limits.requiresVideo && videos !== 1) {
    issues.push({ field: 'media', code: 'required', limit: 1, actual: videos, message: 'attach exactly one video' });
  }
  media.forEach((m, i) => {
    if (!limits.mediaTypes.includes(m.mime)) {
      issues.push({ field: `media[${i}]`, code: 'media_type', message: `${m.mime} is not accepted here (accepted: ${limits.mediaTypes.join(', ')})` });
      return;
    }
    const max = isVideo(m.mime) ? limits.maxVideoBytes : limits.maxImageBytes;
    if (m.bytes > max) {
      issues.push({ field: `media[${i}]`, code: 'media_too_large', limit: max, actual: m.bytes, message: `the file is ${m.bytes} bytes; the limit is ${max}` });
    }
  });
  if (v.link) {
    let ok: boolean;
    try {
      const u = new URL(v.link);
      ok = u.protocol === 'https:' || u.protocol === 'http:';
    } catch {
      ok = false;
    }
    if (!ok) issues.push({ field: 'link', code: 'invalid_link', message: 'the link must be a full http:// or https:// address' });
  }
  return issues;
}
