/** Classification metrics: per-class precision, recall, F1 and support, macro and weighted F1, confusion matrix. */

export interface ClassMetrics {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface LabelReport {
  label: string;
  classes: string[];
  perClass: Record<string, ClassMetrics>;
  /** Unweighted mean of the per-class F1s. */
  macroF1: number;
  /** Mean of the per-class F1s weighted by support. */
  weightedF1: number;
  accuracy: number;
  /** `confusion[gold][predicted]`, in the order of `classes`. */
  confusion: number[][];
  n: number;
  /** For a binary label: the F1 of the positive class. */
  positiveF1?: number;
}

export function f1Of(p: number, r: number): number {
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

/** Metrics from gold and predicted class names over a fixed list of classes. */
export function report(label: string, classes: string[], gold: string[], pred: string[]): LabelReport {
  if (gold.length !== pred.length) throw new Error('gold and predicted differ in length');
  const index = new Map(classes.map((c, i) => [c, i]));
  const K = classes.length;
  const confusion = classes.map(() => new Array<number>(K).fill(0));
  let correct = 0;
  for (let i = 0; i < gold.length; i++) {
    const g = index.get(gold[i]!);
    const p = index.get(pred[i]!);
    if (g === undefined || p === undefined) throw new Error(`unknown class ${gold[i]} / ${pred[i]} for ${label}`);
    confusion[g]![p]!++;
    if (g === p) correct++;
  }
  const perClass: Record<string, ClassMetrics> = {};
  let macro = 0;
  let weighted = 0;
  const n = gold.length;
  for (let c = 0; c < K; c++) {
    const tp = confusion[c]![c]!;
    let predicted = 0;
    let support = 0;
    for (let j = 0; j < K; j++) {
      predicted += confusion[j]![c]!;
      support += confusion[c]![j]!;
    }
    const precision = predicted === 0 ? 0 : tp / predicted;
    const recall = support === 0 ? 0 : tp / support;
    const f1 = f1Of(precision, recall);
    perClass[classes[c]!] = { precision, recall, f1, support };
    macro += f1;
    weighted += f1 * support;
  }
  return {
    label,
    classes,
    perClass,
    macroF1: K === 0 ? 0 : macro / K,
    weightedF1: n === 0 ? 0 : weighted / n,
    accuracy: n === 0 ? 0 : correct / n,
    confusion,
    n,
  };
}

/** A binary label as the two classes "true" and "false". */
export function binaryReport(label: string, gold: boolean[], pred: boolean[]): LabelReport {
  const r = report(
    label,
    ['true', 'false'],
    gold.map((g) => String(g)),
    pred.map((p) => String(p)),
  );
  r.positiveF1 = r.perClass['true']!.f1;
  return r;
}

/** Best F1 threshold over the candidate probabilities (ties: the higher threshold). */
export function bestThreshold(probs: ArrayLike<number>, gold: ArrayLike<number>): { threshold: number; f1: number } {
  const n = probs.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => probs[b]! - probs[a]! || a - b);
  let positives = 0;
  for (let i = 0; i < n; i++) positives += gold[i]! > 0 ? 1 : 0;
  let tp = 0;
  let bestF1 = 0;
  let best = 0.5;
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    if (gold[i]! > 0) tp++;
    // Predicting the top k+1 rows positive: only a valid cut where the next probability differs.
    const next = order[k + 1];
    if (next !== undefined && probs[next] === probs[i]) continue;
    const precision = tp / (k + 1);
    const recall = positives === 0 ? 0 : tp / positives;
    const f1 = f1Of(precision, recall);
    if (f1 > bestF1) {
      bestF1 = f1;
      // Midway to the next lower probability, so the cut does not sit exactly on a dev score.
      best = next === undefined ? probs[i]! : (probs[i]! + probs[next]!) / 2;
    }
  }
  return { threshold: best, f1: bestF1 };
}
