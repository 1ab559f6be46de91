import { describe, expect, it } from 'vitest';
import { bestThreshold, binaryReport, report } from './metrics.js';
import { fitPlatt, fitTemperature } from '../train/calibrate.js';

describe('report', () => {
  it('matches a hand-computed three-class example', () => {
    // gold:  a a a b b c
    // pred:  a a b b c c
    const r = report('x', ['a', 'b', 'c'], ['a', 'a', 'a', 'b', 'b', 'c'], ['a', 'a', 'b', 'b', 'c', 'c']);
    expect(r.confusion).toEqual([
      [2, 1, 0],
      [0, 1, 1],
      [0, 0, 1],
    ]);
    // a: P 2/2, R 2/3, F1 0.8 · b: P 1/2, R 1/2, F1 0.5 · c: P 1/2, R 1, F1 2/3
    expect(r.perClass['a']!.f1).toBeCloseTo(0.8, 10);
    expect(r.perClass['b']!.precision).toBeCloseTo(0.5, 10);
    expect(r.perClass['c']!.f1).toBeCloseTo(2 / 3, 10);
    expect(r.macroF1).toBeCloseTo((0.8 + 0.5 + 2 / 3) / 3, 10);
    expect(r.weightedF1).toBeCloseTo((0.8 * 3 + 0.5 * 2 + (2 / 3) * 1) / 6, 10);
    expect(r.accuracy).toBeCloseTo(4 / 6, 10);
  });

  it('scores a binary label with the positive class first', () => {
    const r = binaryReport('hostile', [true, true, false, false], [true, false, true, false]);
    expect(r.classes).toEqual(['true', 'false']);
    expect(r.positiveF1).toBeCloseTo(0.5, 10);
    expect(r.confusion).toEqual([
      [1, 1],
      [1, 1],
    ]);
  });

  it('rejects classes it does not know', () => {
    expect(() => report('x', ['a'], ['a'], ['b'])).toThrow(/unknown class/);
  });
});

describe('bestThreshold', () => {
  it('finds the cut that separates the classes', () => {
    const { threshold, f1 } = bestThreshold([0.9, 0.8, 0.3, 0.2], [1, 1, 0, 0]);
    expect(f1).toBe(1);
    expect(threshold).toBeCloseTo(0.55, 10);
  });
});

describe('calibration', () => {
  it('Platt scaling keeps the order and fits the rate', () => {
    const z: number[] = [];
    const y: number[] = [];
    for (let i = 0; i < 200; i++) {
      z.push(i / 50 - 2);
      y.push(i % 4 === 0 ? 0 : i >= 100 ? 1 : 0);
    }
    const { a, b } = fitPlatt(z, y);
    expect(a).toBeGreaterThan(0);
    expect(Number.isFinite(b)).toBe(true);
  });
  it('a temperature above 1 softens over-confident logits', () => {
    const logits = [Float64Array.from([5, 0]), Float64Array.from([5, 0]), Float64Array.from([0, 5]), Float64Array.from([5, 0])];
    const t = fitTemperature(logits, [0, 1, 1, 0]);
    expect(t).toBeGreaterThan(1);
  });
});
