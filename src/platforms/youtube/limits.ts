import type { PlatformLimits, ValidationIssue, VariantDraft } from '../types.js';
import { codePointLength, utf8Length } from '../text-length.js';
import { MB, VIDEO_TYPES, validateCommon } from '../validate.js';

/** YouTube: one video, a title of at most 100 characters and a description of at most 5,000 bytes, neither with `<` or `>`. */
export const youtubeLimits: PlatformLimits = {
  maxText: 5000,
  textUnit: 'bytes',
  maxMedia: 1,
  mediaTypes: [...VIDEO_TYPES],
  maxImageBytes: 0,
  maxVideoBytes: 256 * 1024 * MB,
  requiresVideo: true,
  maxTitle: 100,
};

const ANGLE = /[<>]/;

export function validateYoutube(v: VariantDraft): ValidationIssue[] {
  const issues = validateCommon({ limits: youtubeLimits, measure: utf8Length, unitName: 'bytes (UTF-8)', videoAlone: true }, v)
    // A video without a description is fine on YouTube.
    .filter((i) => i.code !== 'empty');
  const title = (v.title ?? '').trim();
  if (!title) {
    issues.push({ field: 'title', code: 'required', message: 'a YouTube video needs a title' });
  } else {
    const n = codePointLength(title);
    if (n > youtubeLimits.maxTitle!) issues.push({ field: 'title', code: 'too_long', limit: youtubeLimits.maxTitle!, actual: n, message: `the title is ${n} characters; the limit is ${youtubeLimits.maxTitle}` });
    if (ANGLE.test(title)) issues.push({ field: 'title', code: 'forbidden_characters', message: 'the title may not contain < or >' });
  }
  if (ANGLE.test(v.text)) issues.push({ field: 'text', code: 'forbidden_characters', message: 'the description may not contain < or >' });
  return issues;
}
