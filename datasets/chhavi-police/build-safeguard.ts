// Writes datasets/chhavi-police/safeguard.test.jsonl from the hand-written posts in safeguard/.
// Every post was written for the project; none comes from a public dataset.
//
//   npx tsx datasets/chhavi-police/build-safeguard.ts          write the file
//   npx tsx datasets/chhavi-police/build-safeguard.ts --check  fail if the file differs
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LANG_OF_KEY, type Lang, type LangKey } from './lib.js';
import { complaint } from './safeguard/complaint.js';
import { criticism } from './safeguard/criticism.js';
import { journalism } from './safeguard/journalism.js';
import { protest } from './safeguard/protest.js';

export type SafeguardKind = 'criticism' | 'complaint' | 'protest' | 'journalism';

export interface SafeguardRow {
  id: string;
  text: string;
  labels: { kind: SafeguardKind; lang: Lang };
  split: 'test';
  source: 'chhavi-police';
}

const HERE = dirname(fileURLToPath(import.meta.url));
const KINDS: Record<SafeguardKind, Record<LangKey, string[]>> = { criticism, complaint, protest, journalism };
const LANG_KEYS: LangKey[] = ['hi', 'en', 'hil'];

export function buildSafeguardRows(): SafeguardRow[] {
  const rows: SafeguardRow[] = [];
  const seen = new Set<string>();
  for (const [kind, byLang] of Object.entries(KINDS) as [SafeguardKind, Record<LangKey, string[]>][]) {
    for (const key of LANG_KEYS) {
      byLang[key].forEach((text, i) => {
        const normalised = text.normalize('NFC').trim();
        if (seen.has(normalised)) throw new Error(`duplicate safeguard post: ${normalised}`);
        seen.add(normalised);
        rows.push({
          id: `chhavi-police:safeguard-${kind}-${key}-${i + 1}`,
          text: normalised,
          labels: { kind, lang: LANG_OF_KEY[key] },
          split: 'test',
          source: 'chhavi-police',
        });
      });
    }
  }
  return rows;
}

function main(): void {
  const rows = buildSafeguardRows();
  const body = rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
  const file = join(HERE, 'safeguard.test.jsonl');
  if (process.argv.includes('--check')) {
    let current: string;
    try {
      current = readFileSync(file, 'utf8');
    } catch {
      current = '';
    }
    if (current !== body) {
      console.error(`${file} is not what build-safeguard.ts makes; run it again`);
      process.exitCode = 1;
    }
  } else {
    writeFileSync(file, body);
  }
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(`${r.labels.kind} ${r.labels.lang}`, (counts.get(`${r.labels.kind} ${r.labels.lang}`) ?? 0) + 1);
  console.log(`${rows.length} rows`);
  for (const [k, n] of [...counts].sort()) console.log(`${k}: ${n}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
