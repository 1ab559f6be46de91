import { ALL_LABELS, MULTICLASS_LABELS, isBinaryLabel, isMulticlassLabel, type Label } from '../classify/labels.js';
import { detokenize } from '../text/detokenize.js';

/** Gold labels of one row, in our label names: booleans for binary labels, class names otherwise. */
export type Gold = Partial<Record<Label, boolean | string>>;

/** Source-specific label names that mean one of ours. */
const RENAMES: Record<string, Record<string, Label>> = {
  'hasoc2021-hindi': { hate_or_offensive: 'abusive' },
};

function asBool(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (v === 1 || v === '1' || v === 'true' || v === 'yes') return true;
  if (v === 0 || v === '0' || v === 'false' || v === 'no') return false;
  return undefined;
}

/**
 * Our labels in a row of the datasets' format (`labels` per source, e.g. HASOC's
 * `hate_or_offensive` is `abusive`) or of our own (`labels: {<our label>: value}`). HateCheck-style
 * rows (`label: "hateful"|"non-hateful"` or `hateful: bool`) count as `hate`.
 */
export function goldOf(source: string | undefined, labels: Record<string, unknown>): Gold {
  const gold: Gold = {};
  const renames = (source && RENAMES[source]) || {};
  for (const [key, value] of Object.entries(labels)) {
    const label = renames[key] ?? (ALL_LABELS as readonly string[]).find((l) => l === key);
    if (label === undefined) continue;
    if (isBinaryLabel(label)) {
      const b = asBool(value);
      if (b !== undefined) gold[label] = b;
    } else if (isMulticlassLabel(label)) {
      const v = String(value).toLowerCase();
      if ((MULTICLASS_LABELS[label] as readonly string[]).includes(v)) gold[label] = v;
    }
  }
  if (gold.hate === undefined) {
    const h = labels['hateful'] ?? labels['label'] ?? labels['label_gold'];
    if (typeof h === 'boolean') gold.hate = h;
    else if (h === 'hateful' || h === 'non-hateful') gold.hate = h === 'hateful';
  }
  return gold;
}

/** The text a row should be classified as: SentiMix's token-joined text is put back together. */
export function inputText(source: string | undefined, text: string): string {
  return source === 'sentimix2020-hinglish' ? detokenize(text) : text;
}
