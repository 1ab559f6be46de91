import type { PlatformLimits, ValidationIssue, VariantDraft } from '../types.js';
import { codePointLengthShortUrls } from '../text-length.js';
import { IMAGE_TYPES, MB, VIDEO_TYPES, validateCommon } from '../validate.js';

/** Mastodon (default instance settings): 500 characters with links counted 23, 4 images or 1 video. */
export const mastodonLimits: PlatformLimits = {
  maxText: 500,
  textUnit: 'characters',
  maxMedia: 4,
  mediaTypes: [...IMAGE_TYPES, ...VIDEO_TYPES],
  maxImageBytes: 16 * MB,
  maxVideoBytes: 99 * MB,
  requiresVideo: false,
  maxTitle: null,
};

export function validateMastodon(v: VariantDraft): ValidationIssue[] {
  return validateCommon({ limits: mastodonLimits, measure: codePointLengthShortUrls, unitName: 'characters', videoAlone: true }, v);
}
