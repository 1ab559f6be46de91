import type { VariantDraft } from './types.js';

/**
 * The text that goes out for a variant: its text, then the hashtags the text does not already
 * contain, then the link when the text does not already contain it. Validation measures this
 * same text, so what is checked is what is published.
 */
export function composeText(v: Pick<VariantDraft, 'text' | 'hashtags' | 'link'>): string {
  let out = v.text.trim();
  const present = new Set((out.match(/#[\p{L}\p{M}\p{N}_]+/gu) ?? []).map((t) => t.toLowerCase()));
  const tags = (v.hashtags ?? [])
    .map((t) => t.trim().replace(/^#+/, ''))
    .filter((t) => t.length > 0)
    .map((t) => `#${t}`)
    .filter((t) => !present.has(t.toLowerCase()));
  if (tags.length) out = out ? `${out}\n\n${tags.join(' ')}` : tags.join(' ');
  const link = v.link?.trim();
  if (link && !out.includes(link)) out = out ? `${out}\n${link}` : link;
  return out;
}
