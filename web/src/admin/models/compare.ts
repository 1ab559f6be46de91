import type { ModelSummary } from '../../api/models.js';

export interface ComparedFigure {
  name: string;
  active: number | null;
  candidate: number | null;
  /** candidate − active, when both exist. */
  change: number | null;
}

/** Lines up two models' figures (benchmark anchors, then each label's dev F1) by name. */
export function compareSummaries(active: ModelSummary | null, candidate: ModelSummary): ComparedFigure[] {
  const rows: ComparedFigure[] = [];
  const push = (name: string, a: number | null, c: number | null) =>
    rows.push({ name, active: a, candidate: c, change: a !== null && c !== null ? c - a : null });
  const anchorNames = new Set([...Object.keys(active?.anchors ?? {}), ...Object.keys(candidate.anchors)]);
  for (const name of [...anchorNames].sort()) push(name, active?.anchors[name] ?? null, candidate.anchors[name] ?? null);
  const labels = new Map<string, { a: number | null; c: number | null }>();
  for (const l of active?.labels ?? []) labels.set(l.label, { a: l.devF1, c: null });
  for (const l of candidate.labels) labels.set(l.label, { a: labels.get(l.label)?.a ?? null, c: l.devF1 });
  for (const [label, v] of labels) push(`${label} F1`, v.a, v.c);
  return rows;
}
