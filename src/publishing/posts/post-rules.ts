import { AppError } from '../../http/errors.js';
import type { VariantInput } from './post-types.js';

export const VARIANTS_MAX = 30;
export const CAMPAIGN_MAX = 80;
export const HASHTAGS_MAX = 30;
/** How far in the past a scheduled time may be when saved (clock skew, a slow form). */
export const PAST_GRACE_MS = 5 * 60_000;

export function cleanCampaign(value: string | null | undefined): string | null {
  const v = (value ?? '').trim();
  if (!v) return null;
  if (v.length > CAMPAIGN_MAX) throw new AppError('validation_failed', `campaign: at most ${CAMPAIGN_MAX} characters`, { field: 'campaign' });
  return v;
}

export interface CleanVariant {
  accountId: string;
  text: string;
  link: string | null;
  hashtags: string[];
  mediaIds: string[];
  title: string | null;
}

/** Normalises what the composer sent: trimmed texts, hashtags without '#', no duplicate accounts. */
export function cleanVariants(variants: readonly VariantInput[]): CleanVariant[] {
  if (variants.length === 0) throw new AppError('validation_failed', 'variants: choose at least one account', { field: 'variants' });
  if (variants.length > VARIANTS_MAX) throw new AppError('validation_failed', `variants: at most ${VARIANTS_MAX}`, { field: 'variants' });
  const seen = new Set<string>();
  return variants.map((v, i) => {
    if (seen.has(v.accountId)) throw new AppError('validation_failed', `variants[${i}].accountId: this account already has a variant`, { field: `variants[${i}].accountId` });
    seen.add(v.accountId);
    const hashtags = [...new Set((v.hashtags ?? []).map((t) => t.trim().replace(/^#+/, '')).filter(Boolean))];
    if (hashtags.length > HASHTAGS_MAX) throw new AppError('validation_failed', `variants[${i}].hashtags: at most ${HASHTAGS_MAX}`, { field: `variants[${i}].hashtags` });
    const bad = hashtags.find((t) => !/^[\p{L}\p{M}\p{N}_]+$/u.test(t));
    if (bad) throw new AppError('validation_failed', `variants[${i}].hashtags: "${bad}" may hold only letters, digits and _`, { field: `variants[${i}].hashtags` });
    return {
      accountId: v.accountId,
      text: v.text.normalize('NFC').trim(),
      link: v.link?.trim() || null,
      hashtags,
      mediaIds: [...new Set(v.mediaIds ?? [])],
      title: v.title?.trim() || null,
    };
  });
}

/** Whether two variant sets say the same thing (a change to any of them needs a new review). */
export function sameContent(a: readonly CleanVariant[], b: readonly CleanVariant[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
