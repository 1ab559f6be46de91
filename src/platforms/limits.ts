import { blueskyLimits, validateBluesky } from './bluesky/limits.js';
import { facebookLimits, validateFacebook } from './facebook/limits.js';
import { mastodonLimits, validateMastodon } from './mastodon/limits.js';
import { sandboxLimits, validateSandbox } from './sandbox/limits.js';
import type { Platform, PlatformLimits, ValidationIssue, VariantDraft } from './types.js';
import { validateX, xLimits } from './x/limits.js';
import { codePointLength, codePointLengthShortUrls, graphemeLength, utf8Length, xWeightedLength } from './text-length.js';
import { composeText } from './compose-text.js';
import { validateYoutube, youtubeLimits } from './youtube/limits.js';

const BY_PLATFORM: Record<Platform, { limits: PlatformLimits; validate: (v: VariantDraft) => ValidationIssue[] }> = {
  x: { limits: xLimits, validate: validateX },
  facebook: { limits: facebookLimits, validate: validateFacebook },
  youtube: { limits: youtubeLimits, validate: validateYoutube },
  bluesky: { limits: blueskyLimits, validate: validateBluesky },
  mastodon: { limits: mastodonLimits, validate: validateMastodon },
  sandbox: { limits: sandboxLimits, validate: validateSandbox },
};

/** The limits of a platform, for the composer's counters. */
export function limitsFor(platform: Platform): PlatformLimits {
  return BY_PLATFORM[platform].limits;
}

/** Validates a variant against its platform's limits; needs no credentials and no network. */
export function validateVariant(platform: Platform, v: VariantDraft): ValidationIssue[] {
  return BY_PLATFORM[platform].validate(v);
}

const MEASURE: Record<Platform, (text: string) => number> = {
  x: xWeightedLength,
  facebook: codePointLength,
  youtube: utf8Length,
  bluesky: graphemeLength,
  mastodon: codePointLengthShortUrls,
  sandbox: codePointLength,
};

/** The composer's counter for a variant: the published text's length in the platform's unit, and the limit. */
export function textCounter(platform: Platform, v: Pick<VariantDraft, 'text' | 'hashtags' | 'link'>): { used: number; limit: number; unit: PlatformLimits['textUnit'] } {
  const limits = BY_PLATFORM[platform].limits;
  return { used: MEASURE[platform](composeText(v)), limit: limits.maxText, unit: limits.textUnit };
}
