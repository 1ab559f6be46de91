import type { PlatformLimits, ValidationIssue, VariantDraft } from '../types.js';
import { codePointLength } from '../text-length.js';
import { IMAGE_TYPES, MB, VIDEO_TYPES, validateCommon } from '../validate.js';

/** The Sandbox: 1,000 characters and 4 media items. */
export const sandboxLimits: PlatformLimits = {
  maxText: 1000,
  textUnit: 'characters',
  maxMedia: 4,
  mediaTypes: [...IMAGE_TYPES, ...VIDEO_TYPES],
  maxImageBytes: 10 * MB,
  maxVideoBytes: 200 * MB,
  requiresVideo: false,
  maxTitle: null,
};

export function validateSandbox(v: VariantDraft): ValidationIssue[] {
  return validateCommon({ limits: sandboxLimits, measure: codePointLength, unitName: 'characters', videoAlone: false }, v);
}
