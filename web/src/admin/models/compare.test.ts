import { describe, expect, it } from 'vitest';
import { compareSummaries } from './compare.js';

describe('compareSummaries', () => {
  it('lines up anchors and labels and computes the change', () => {
    const rows = compareSummaries(
      { anchors: { hasoc_macro_f1: 0.7 }, labels: [{ label: 'hate', devF1: 0.5, threshold: 0.4 }] },
      { anchors: { hasoc_macro_f1: 0.75, trac_weighted_f1: 0.6 }, labels: [{ label: 'hate', devF1: 0.55, threshold: 0.5 }, { label: 'praise', devF1: 0.7, threshold: 0.5 }] },
    );
    expect(rows.map((r) => r.name)).toEqual(['hasoc_macro_f1', 'trac_weighted_f1', 'hate F1', 'praise F1']);
    expect(rows[0]!.change).toBeCloseTo(0.05);
    expect(rows[1]).toMatchObject({ active: null, candidate: 0.6, change: null });
    expect(rows[3]).toMatchObject({ active: null, candidate: 0.7 });
  });

  it('works with no active model', () => {
    const rows = compareSummaries(null, { anchors: { a: 1 }, labels: [] });
    expect(rows).toEqual([{ name: 'a', active: null, candidate: 1, change: null }]);
  });
});
