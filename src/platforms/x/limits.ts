import type { PlatformLimits, ValidationIssue, VariantDraft } from '../types.js';
import { xWeightedLength } from '../text-length.js';
import { IMAGE_TYPES, MB, VIDEO_TYPES, validateCommon } from '../validate.js';

/** X: 280 weighted characters (links count 23, Devanagari 2 per code point), 4 images or 1 video. */
export const xLimits: PlatformLimits = {
  maxText: 280,
  textUnit: 'weighted',
  maxMedia: 4,
  mediaTypes: [...IMAGE_TYPES, ...VIDEO_TYPES],
  maxImageBytes: 5 * MB,
  maxVideoBytes: 512 * MB,
  requiresVideo: false,
  maxTitle: null,
};

export function validateX(v: VariantDraft): ValidationIssue[] {
  return validateCommon({ limits: xLimits, measure: xWeightedLength, unitName: 'weighted characters', videoAlone: true }, v);
}
