import { AppError } from '../../http/errors.js';
import { ALL_LABELS, isBinaryLabel, isMulticlassLabel, MULTICLASS_LABELS, type Label } from '../../nlp/classify/labels.js';

/** An analyst's value for a label: true/false for a binary label, a class for a multi-class one. */
export type LabelValue = boolean | string;

export interface JudgementInput {
  label: string;
  value: LabelValue;
  note?: string | undefined;
}

export const NOTE_MAX = 1000;
export const JUDGEMENTS_MAX = ALL_LABELS.length;

/** Stored form of a value: 'true'/'false' or the class. */
export function encodeValue(v: LabelValue): string {
  return typeof v === 'boolean' ? String(v) : v;
}

export function decodeValue(label: string, stored: string): LabelValue {
  return isBinaryLabel(label) ? stored === 'true' : stored;
}

/**
 * Checks one request's judgements: known labels, each at most once, a boolean for a binary label
 * and one of its classes for a multi-class one. The error names the field that is wrong.
 */
export function checkJudgements(items: readonly JudgementInput[]): { label: Label; value: string; note: string | null }[] {
  if (items.length === 0) throw new AppError('validation_failed', 'judge at least one label', { field: 'judgements' });
  const seen = new Set<string>();
  return items.map((j, i) => {
    const field = `judgements[${i}]`;
    if (!(ALL_LABELS as readonly string[]).includes(j.label))
      throw new AppError('validation_failed', `unknown label ${j.label}; the labels are ${ALL_LABELS.join(', ')}`, { field: `${field}.label` });
    if (seen.has(j.label)) throw new AppError('validation_failed', `the label ${j.label} is judged twice`, { field: `${field}.label` });
    seen.add(j.label);
    const label = j.label as Label;
    if (isMulticlassLabel(label)) {
      const classes: readonly string[] = MULTICLASS_LABELS[label];
      if (typeof j.value !== 'string' || !classes.includes(j.value))
        throw new AppError('validation_failed', `${label} takes one of ${classes.join(', ')}`, { field: `${field}.value` });
    } else if (typeof j.value !== 'boolean') {
      throw new AppError('validation_failed', `${label} takes true or false`, { field: `${field}.value` });
    }
    const note = j.note?.trim() || null;
    if (note !== null && note.length > NOTE_MAX) throw new AppError('validation_failed', `a note has at most ${NOTE_MAX} characters`, { field: `${field}.note` });
    return { label, value: encodeValue(j.value), note };
  });
}

/**
 * The model's decision for a label as stored on the mention (`hostile`, `aggression:covert`;
 * aggression `none` is not listed), in the stored encoding; null when no model classified it.
 */
export function predictedValue(label: Label, mentionLabels: readonly string[], model: string | null): string | null {
  if (model === null) return null;
  if (!isMulticlassLabel(label)) return String(mentionLabels.includes(label));
  const carried = mentionLabels.find((l) => l.startsWith(`${label}:`));
  if (carried) return carried.slice(label.length + 1);
  return label === 'aggression' ? 'none' : null;
}

/**
 * Analysts may disagree: for training, a mention's value of a label is the one most of its
 * analysts hold now (their latest judgement each); a tie goes to the most recent judgement.
 * `values` are the analysts' latest values, newest first.
 */
export function consensus(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | undefined;
  let bestN = 0;
  for (const v of values) {
    const n = counts.get(v)!;
    if (n > bestN) {
      best = v;
      bestN = n;
    }
  }
  return best;
}
