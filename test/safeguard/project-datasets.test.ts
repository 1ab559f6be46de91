// The project-made data: the files on disk are exactly what the build scripts make, rows have
// the shared shape, labels are consistent, near-identical rows never straddle splits, and the
// safeguard set shares no post with the training data.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildRows } from '../../datasets/chhavi-police/build.js';
import { buildSafeguardRows } from '../../datasets/chhavi-police/build-safeguard.js';
import { buildDemoMentions } from '../../datasets/demo/build-demo-mentions.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIR = join(ROOT, 'datasets', 'chhavi-police');
const SPLITS = ['train', 'dev', 'test'] as const;
const LANGS = ['hi', 'en', 'hi-Latn'];

function readJsonl(path: string): Record<string, unknown>[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

interface EventRow {
  id: string;
  text: string;
  lang: string;
  labels: Record<string, unknown>;
  split: string;
  source: string;
}

const events = SPLITS.flatMap((split) => readJsonl(join(DIR, `police-events.${split}.jsonl`)) as unknown as EventRow[]);
const safeguard = readJsonl(join(DIR, 'safeguard.test.jsonl')) as unknown as { id: string; text: string; labels: { kind: string; lang: string }; split: string }[];

const key = (t: string): string => t.toLowerCase().replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ').trim();

describe('police-events', () => {
  it('is exactly what build.ts makes', () => {
    const built = buildRows();
    const inFileOrder = SPLITS.flatMap((split) => built.filter((r) => r.split === split));
    expect(events).toEqual(inFileOrder.map((r) => JSON.parse(JSON.stringify(r)) as unknown));
  });

  it('has at least 3,000 rows, about a third in each language, and a 70/15/15 split', () => {
    expect(events.length).toBeGreaterThanOrEqual(3000);
    for (const lang of LANGS) {
      const share = events.filter((r) => r.lang === lang).length / events.length;
      expect(share, lang).toBeGreaterThan(0.25);
      expect(share, lang).toBeLessThan(0.42);
    }
    const train = events.filter((r) => r.split === 'train').length / events.length;
    expect(train).toBeGreaterThan(0.62);
    expect(train).toBeLessThan(0.78);
  });

  it('rows have the shared shape and consistent labels', () => {
    for (const r of events) {
      expect(Object.keys(r).sort()).toEqual(['id', 'labels', 'lang', 'source', 'split', 'text']);
      expect(r.source).toBe('chhavi-police');
      expect(Object.keys(r.labels).sort()).toEqual(['complaint', 'crime_report', 'police_related', 'praise']);
      for (const v of Object.values(r.labels)) expect(typeof v).toBe('boolean');
      const { police_related, crime_report, praise, complaint } = r.labels;
      if (crime_report === true || praise === true || complaint === true) expect(police_related, r.id).toBe(true);
      expect(r.text).toBe(r.text.normalize('NFC'));
    }
  });

  it('every label has positives and negatives in every split', () => {
    for (const split of SPLITS) {
      const part = events.filter((r) => r.split === split);
      for (const label of ['police_related', 'crime_report', 'praise', 'complaint']) {
        const pos = part.filter((r) => r.labels[label] === true).length;
        expect(pos, `${label} in ${split}`).toBeGreaterThan(20);
        expect(part.length - pos, `${label} in ${split}`).toBeGreaterThan(20);
      }
    }
  });

  it('keeps all variants of one template in one split, and no text twice', () => {
    const splitOfGroup = new Map<string, string>();
    for (const r of events) {
      const group = r.id.replace(/-\d+$/, '');
      const seen = splitOfGroup.get(group);
      if (seen !== undefined) expect(r.split, r.id).toBe(seen);
      splitOfGroup.set(group, r.split);
    }
    expect(new Set(events.map((r) => key(r.text))).size).toBe(events.length);
    expect(new Set(events.map((r) => r.id)).size).toBe(events.length);
  });
});

describe('safeguard set', () => {
  it('is exactly what build-safeguard.ts makes', () => {
    expect(safeguard).toEqual(buildSafeguardRows().map((r) => JSON.parse(JSON.stringify(r)) as unknown));
  });

  it('has at least 300 test rows covering the four kinds in the three languages', () => {
    expect(safeguard.length).toBeGreaterThanOrEqual(300);
    for (const r of safeguard) expect(r.split).toBe('test');
    for (const kind of ['criticism', 'complaint', 'protest', 'journalism']) {
      for (const lang of LANGS) {
        const n = safeguard.filter((r) => r.labels.kind === kind && r.labels.lang === lang).length;
        expect(n, `${kind} ${lang}`).toBeGreaterThanOrEqual(20);
      }
    }
  });

  it('shares no post with police-events', () => {
    const eventKeys = new Set(events.map((r) => key(r.text)));
    const shared = safeguard.filter((r) => eventKeys.has(key(r.text))).map((r) => r.id);
    expect(shared).toEqual([]);
  });
});

describe('demo mentions', () => {
  it('are 300 sandbox posts with text, lang and author, as the build script makes them', () => {
    const rows = readJsonl(join(ROOT, 'seed', 'demo', 'mentions.jsonl'));
    expect(rows).toEqual(buildDemoMentions().map((r) => JSON.parse(JSON.stringify(r)) as unknown));
    expect(rows).toHaveLength(300);
    for (const r of rows) {
      expect(Object.keys(r).sort()).toEqual(['author', 'lang', 'platform', 'text']);
      expect(r['platform']).toBe('sandbox');
      expect(LANGS).toContain(r['lang']);
    }
  });
});
