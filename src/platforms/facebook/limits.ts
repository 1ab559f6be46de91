import type { PlatformLimits, ValidationIssue, VariantDraft } from '../types.js';
import { codePointLength } from '../text-length.js';
import { IMAGE_TYPES, MB, VIDEO_TYPES, validateCommon } from '../validate.js';

/** Facebook Pages: 63,206 characters, up to 10 images or one video. */
export const facebookLimits: PlatformLimits = {
  maxText: 63_206,
  textUnit: 'characters',
  maxMedia: 10,
  mediaTypes: [...IMAGE_TYPES, ...VIDEO_TYPES],
  maxImageBytes: 10 * MB,
  maxVideoBytes: 1024 * MB,
  requiresVideo: false,
  maxTitle: null,
};

export function validateFacebook(v: VariantDraft): ValidationIssue[] {
  return validateCommon({ limits: facebookLimits, measure: codePointLength, unitName: 'characters', videoAlone: true }, v);
}
