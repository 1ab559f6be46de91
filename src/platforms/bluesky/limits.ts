import type { PlatformLimits, ValidationIssue, VariantDraft } from '../types.js';
import { graphemeLength } from '../text-length.js';
import { MB, VIDEO_TYPES, validateCommon } from '../validate.js';

/** Bluesky: 300 graphemes, 4 images (under 1 MB each) or 1 video. */
export const blueskyLimits: PlatformLimits = {
  maxText: 300,
  textUnit: 'graphemes',
  maxMedia: 4,
  mediaTypes: ['image/jpeg', 'image/png', 'image/webp', ...VIDEO_TYPES],
  maxImageBytes: 1_000_000,
  maxVideoBytes: 100 * MB,
  requiresVideo: false,
  maxTitle: null,
};

export function validateBluesky(v: VariantDraft): ValidationIssue[] {
  return validateCommon({ limits: blueskyLimits, measure: graphemeLength, unitName: 'graphemes', videoAlone: true }, v);
}
