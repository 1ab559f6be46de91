// The safeguard of DESIGN.md §3: criticism of the police, complaints, protest and journalism
// must not be labelled hostile, hate, offensive or abusive. Every post of the project-made
// safeguard set goes through the shipped model (the same enrichment the monitoring pipeline
// runs) and the false-positive rate of each safeguarded label must stay under a floor, overall
// and per language.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { SAFEGUARDED_LABELS } from '../../src/nlp/classify/labels.js';
import { defaultModelPath } from '../../src/nlp/classify/load.js';
import { enrich } from '../../src/nlp/enrich.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SAFEGUARD_FILE = join(ROOT, 'datasets', 'chhavi-police', 'safeguard.test.jsonl');

/** Highest share of safeguard posts that may get a safeguarded label, over the whole set. */
const MAX_FALSE_POSITIVE_RATE = 0.05;
/** Highest share within one language (Hindi, English, Hinglish). */
const MAX_FALSE_POSITIVE_RATE_PER_LANGUAGE = 0.1;

interface SafeguardRow {
  id: string;
  text: string;
  labels: { kind: string; lang: string };
}

interface Flagged {
  row: SafeguardRow;
  score: number;
}

function readRows(): SafeguardRow[] {
  return readFileSync(SAFEGUARD_FILE, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as SafeguardRow);
}

function report(label: string, flagged: Flagged[], total: number): string {
  const lines = flagged.map((f) => `  ${f.score.toFixed(3)} [${f.row.labels.lang} ${f.row.labels.kind}] ${f.row.id}: ${f.row.text}`);
  return `${label}: ${flagged.length}/${total} safeguard posts flagged\n${lines.join('\n')}`;
}

describe('safeguard: criticism, complaints, protest and journalism are not labelled objectionable', () => {
  const rows = readRows();
  const flaggedByLabel = new Map<string, Flagged[]>();

  beforeAll(() => {
    const model = defaultModelPath();
    if (!existsSync(model)) throw new Error(`no model at ${model}: run \`npx chhavi train\` first`);
    for (const label of SAFEGUARDED_LABELS) flaggedByLabel.set(label, []);
    for (const row of rows) {
      const e = enrich(row.text);
      for (const label of SAFEGUARDED_LABELS) {
        if (e.decisions[label]) flaggedByLabel.get(label)?.push({ row, score: e.scores[label] });
      }
    }
  });

  it('has the four labels the safeguard covers', () => {
    expect([...SAFEGUARDED_LABELS].sort()).toEqual(['abusive', 'hate', 'hostile', 'offensive']);
  });

  it.each([...SAFEGUARDED_LABELS])(`%s: at most ${MAX_FALSE_POSITIVE_RATE * 100}% of all safeguard posts`, (label) => {
    const flagged = flaggedByLabel.get(label) ?? [];
    const rate = flagged.length / rows.length;
    expect(rate, report(label, flagged, rows.length)).toBeLessThanOrEqual(MAX_FALSE_POSITIVE_RATE);
  });

  const languages = ['hi', 'en', 'hi-Latn'] as const;
  it.each(SAFEGUARDED_LABELS.flatMap((label) => languages.map((lang) => [label, lang] as const)))(
    `%s in %s: at most ${MAX_FALSE_POSITIVE_RATE_PER_LANGUAGE * 100}% of that language's posts`,
    (label, lang) => {
      const total = rows.filter((r) => r.labels.lang === lang).length;
      const flagged = (flaggedByLabel.get(label) ?? []).filter((f) => f.row.labels.lang === lang);
      expect(total).toBeGreaterThan(0);
      expect(flagged.length / total, report(`${label} (${lang})`, flagged, total)).toBeLessThanOrEqual(
        MAX_FALSE_POSITIVE_RATE_PER_LANGUAGE,
      );
    },
  );
});
