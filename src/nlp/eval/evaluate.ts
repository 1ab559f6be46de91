import type { Classifier } from '../classify/classifier.js';
import { BINARY_LABELS, MULTICLASS_LABELS, isBinaryLabel, type Label } from '../classify/labels.js';
import { normalize } from '../text/normalize.js';
import { goldOf, inputText } from './gold.js';
import { binaryReport, report, type LabelReport } from './metrics.js';

export interface EvalRow {
  id?: unknown;
  text: string;
  labels: Record<string, unknown>;
  source?: string;
}

export interface EvalResult {
  model: string;
  rows: number;
  labels: LabelReport[];
  /** CONSTRAINT-style figures when the data has those labels. */
  summary: Record<string, number>;
}

/** Classifies every row and scores each of our labels that the rows carry. */
export function evaluate(classifier: Classifier, rows: EvalRow[]): EvalResult {
  const gold = new Map<Label, string[]>();
  const pred = new Map<Label, string[]>();
  for (const row of rows) {
    const g = goldOf(row.source, row.labels);
    const keys = Object.keys(g) as Label[];
    if (keys.length === 0) continue;
    const d = classifier.predict(normalize(inputText(row.source, row.text))).decisions;
    for (const label of keys) {
      if (!gold.has(label)) {
        gold.set(label, []);
        pred.set(label, []);
      }
      gold.get(label)!.push(String(g[label]));
      pred.get(label)!.push(String(d[label]));
    }
  }
  const labels: LabelReport[] = [];
  const order: Label[] = [...BINARY_LABELS, 'aggression', 'sentiment'];
  for (const label of order) {
    const gs = gold.get(label);
    if (gs === undefined) continue;
    const ps = pred.get(label)!;
    labels.push(
      isBinaryLabel(label)
        ? binaryReport(label, gs.map((x) => x === 'true'), ps.map((x) => x === 'true'))
        : report(label, [...MULTICLASS_LABELS[label]], gs, ps),
    );
  }
  const summary: Record<string, number> = {};
  const hostile = labels.find((l) => l.label === 'hostile');
  if (hostile) summary['coarse_weighted_f1'] = hostile.weightedF1;
  let num = 0;
  let den = 0;
  for (const l of labels) {
    if (!['fake', 'hate', 'offensive', 'defamation'].includes(l.label)) continue;
    const t = l.perClass['true']!;
    num += t.f1 * t.support;
    den += t.support;
  }
  if (den > 0 && labels.filter((l) => ['fake', 'hate', 'offensive', 'defamation'].includes(l.label)).length === 4)
    summary['fine_grained_weighted_f1'] = num / den;
  if (labels.length > 0) {
    summary['mean_macro_f1'] = labels.reduce((s, l) => s + l.macroF1, 0) / labels.length;
  }
  return { model: classifier.version, rows: rows.length, labels, summary };
}

/** A plain-text rendering of an evaluation. */
export function formatEval(r: EvalResult): string {
  const lines: string[] = [`model ${r.model}, ${r.rows} rows`];
  const f = (x: number): string => x.toFixed(3);
  for (const l of r.labels) {
    lines.push('', `${l.label}  (n=${l.n}, accuracy ${f(l.accuracy)}, macro F1 ${f(l.macroF1)}, weighted F1 ${f(l.weightedF1)})`);
    lines.push(`  ${'class'.padEnd(10)} ${'precision'.padStart(9)} ${'recall'.padStart(7)} ${'F1'.padStart(6)} ${'support'.padStart(8)}`);
    for (const c of l.classes) {
      const m = l.perClass[c]!;
      lines.push(`  ${c.padEnd(10)} ${f(m.precision).padStart(9)} ${f(m.recall).padStart(7)} ${f(m.f1).padStart(6)} ${String(m.support).padStart(8)}`);
    }
    lines.push(`  confusion (rows gold, columns predicted): ${l.classes.join(' ')}`);
    l.confusion.forEach((row, i) => lines.push(`  ${l.classes[i]!.padEnd(10)} ${row.map((x) => String(x).padStart(7)).join(' ')}`));
  }
  if (Object.keys(r.summary).length > 0) {
    lines.push('');
    for (const [k, v] of Object.entries(r.summary)) lines.push(`${k} ${f(v)}`);
  }
  return lines.join('\n');
}
