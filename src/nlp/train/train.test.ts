import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { trainModel } from './train.js';
import { trainLinear, rowLogits } from './linear.js';
import { loadClassifier } from '../classify/load.js';
import { normalize } from '../text/normalize.js';
import { sameTextKey, holdOut } from './datasets.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'chhavi-train-'));
  dirs.push(d);
  return d;
}

/** A small synthetic world: hostile posts say "gaddar"/"गद्दार", others talk about weather and trains. */
function writeSynthetic(dir: string): void {
  const rows = (name: string, split: string, make: (i: number) => { text: string; labels: Record<string, unknown> }, n: number): void => {
    const lines = Array.from({ length: n }, (_, i) => JSON.stringify({ id: `${name}:${split}-${i}`, ...make(i), split, source: name }));
    writeFileSync(join(dir, `${name}.${split}.jsonl`), lines.join('\n') + '\n');
  };
  const hostile = (i: number): { text: string; labels: Record<string, unknown> } => {
    const h = i % 2 === 0;
    const text = h ? `ye neta gaddar hai ${i} गद्दार देशद्रोही` : `aaj mausam accha hai ${i} बारिश होगी`;
    return { text, labels: { hostile: h, fake: false, hate: h, offensive: h, defamation: false } };
  };
  rows('constraint2021-hindi', 'train', hostile, 120);
  rows('constraint2021-hindi', 'dev', (i) => hostile(i + 1000), 40);
  const senti = (i: number): { text: string; labels: Record<string, unknown> } => {
    const k = i % 3;
    const text = [`bahut accha laga ${i} love it`, `bekar hai ${i} hate this`, `kal milte hai ${i}`][k]!;
    return { text, labels: { sentiment: ['positive', 'negative', 'neutral'][k] } };
  };
  rows('sentimix2020-hinglish', 'train', senti, 90);
  rows('sentimix2020-hinglish', 'dev', (i) => senti(i + 1000), 30);
}

describe('linear training', () => {
  it('learns a separable synthetic set', () => {
    // Rows: bucket 1 → class 1, bucket 2 → class 0, bucket 3 is noise on both.
    const idx = Int32Array.from([1, 3, 2, 3, 1, 2]);
    const off = Int32Array.from([0, 2, 4, 5, 6]);
    const y = Int32Array.from([1, 0, 1, 0]);
    const m = trainLinear({ idx, off }, Int32Array.from([0, 1, 2, 3]), y, new Float32Array(4).fill(1), 1, 4, {
      epochs: 30,
      lr: 0.5,
      l2: 0,
      seed: 3,
    });
    const z = new Float64Array(1);
    expect(rowLogits({ idx, off }, 0, m, z)[0]).toBeGreaterThan(0);
    expect(rowLogits({ idx, off }, 1, m, z)[0]).toBeLessThan(0);
    expect(m.w[1]).toBeGreaterThan(0);
    expect(m.w[2]).toBeLessThan(0);
  });
});

describe('trainModel', () => {
  const data = tmp();
  writeSynthetic(data);
  const project = tmp();
  mkdirSync(join(project, 'chhavi-police'));
  const train = (seed: number, out: string): ReturnType<typeof trainModel> =>
    trainModel({ seed, outDir: out, datasetsDir: data, projectDir: project, features: { bits: 14 }, linear: { epochs: 4 } });

  it('is byte-identical for the same seed, and the result classifies the synthetic pattern', () => {
    const a = train(5, tmp());
    const b = train(5, tmp());
    const c = train(6, tmp());
    expect(readFileSync(a.modelPath).equals(readFileSync(b.modelPath))).toBe(true);
    expect(a.version).toBe(b.version);
    expect(a.version).toMatch(/^chhavi-nlp-1-[0-9a-f]{12}$/);
    expect(c.version).not.toBe(a.version);

    const clf = loadClassifier(a.modelPath);
    const hostile = clf.predict(normalize('ye aadmi gaddar hai गद्दार'));
    const calm = clf.predict(normalize('aaj mausam accha hai बारिश'));
    expect(hostile.scores.hostile).toBeGreaterThan(calm.scores.hostile);
    expect(hostile.decisions.hostile).toBe(true);
    expect(calm.decisions.hostile).toBe(false);
    expect(clf.predict(normalize('bekar hai hate this')).decisions.sentiment).toBe('negative');
    const why = clf.explain(normalize('ye aadmi gaddar hai'), 'hostile');
    expect(why.length).toBeGreaterThan(0);
    expect(why.some((c) => c.ngram.includes('gad') || c.ngram.includes('dar'))).toBe(true);
    const rep = JSON.parse(readFileSync(a.reportPath, 'utf8')) as { version: string; anchors: Record<string, number> };
    expect(rep.version).toBe(a.version);
    expect(rep.anchors['constraint_coarse_weighted_f1']).toBeGreaterThan(0.9);
  });

  it('adds analysts\' labels to training', () => {
    const labels = join(tmp(), 'analyst.jsonl');
    const rows = Array.from({ length: 30 }, (_, i) => JSON.stringify({ id: `a${i}`, text: `thana ${i} mein praise zindabad shukriya`, labels: { praise: true } }));
    writeFileSync(labels, rows.join('\n'));
    const r = trainModel({ seed: 1, outDir: tmp(), datasetsDir: data, projectDir: project, analystLabels: labels, features: { bits: 14 }, linear: { epochs: 4 } });
    const without = train(1, tmp());
    const rows0 = without.report.heads.find((h) => h.label === 'praise')!.trainRows;
    expect(r.report.heads.find((h) => h.label === 'praise')!.trainRows).toBe(rows0 + 30);
  });
});

describe('dataset helpers', () => {
  it('treats retweets, links and case as the same text', () => {
    expect(sameTextKey('RT @abc: Hello   World https://t.co/x…')).toBe(sameTextKey('hello world'));
    expect(sameTextKey('https://t.co/x')).toBe('https://t.co/x');
  });
  it('holds out whole groups deterministically', () => {
    const rows = Array.from({ length: 200 }, (_, i) => ({ id: `d${i % 50}-${i}`, text: `t${i}`, labels: {} }));
    const a = holdOut(rows, 0.2, 's', (r) => r.id.split('-')[0]!);
    const b = holdOut(rows, 0.2, 's', (r) => r.id.split('-')[0]!);
    expect(a.dev.map((r) => r.id)).toEqual(b.dev.map((r) => r.id));
    const devGroups = new Set(a.dev.map((r) => r.id.split('-')[0]));
    expect(a.train.every((r) => !devGroups.has(r.id.split('-')[0]))).toBe(true);
    expect(a.dev.length).toBeGreaterThan(0);
  });
});
