// Builds datasets/chhavi-police/police-events.{train,dev,test}.jsonl from the hand-written
// templates in templates/. Deterministic: the same sources always give the same bytes.
//
//   npx tsx datasets/chhavi-police/build.ts          write the files and print the counts
//   npx tsx datasets/chhavi-police/build.ts --check  fail if the files on disk differ
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashUnit, LANG_OF_KEY, makeRandom, pick, type EventLabels, type Lang, type LangKey, type TemplateSet } from './lib.js';
import { SLOTS } from './slots.js';
import { stylize } from './style.js';
import { accountabilitySets } from './templates/accountability.js';
import { accountabilityMoreSets } from './templates/accountability-more.js';
import { complaintSets } from './templates/complaint.js';
import { crimeSets } from './templates/crime.js';
import { dailyLifeSets } from './templates/daily-life.js';
import { everydaySets } from './templates/everyday.js';
import { hardNegativeSets } from './templates/hard-negatives.js';
import { longPostSets } from './templates/long-posts.js';
import { moreVoicesSets } from './templates/more-voices.js';
import { policeNeutralSets } from './templates/police-neutral.js';
import { praiseSets } from './templates/praise.js';

type Split = 'train' | 'dev' | 'test';

interface Row {
  id: string;
  text: string;
  lang: Lang;
  labels: EventLabels;
  split: Split;
  source: 'chhavi-police';
}

const HERE = dirname(fileURLToPath(import.meta.url));
const SEED = 'chhavi-police-events-v1';
/** Rows made from one template that has slots; a template without slots gives this many style variants. */
const SLOTTED_VARIANTS = 7;
const WHOLE_VARIANTS = 2;
const LANG_KEYS: LangKey[] = ['hi', 'en', 'hil'];

export const ALL_SETS: TemplateSet[] = [
  ...crimeSets,
  ...complaintSets,
  ...praiseSets,
  ...policeNeutralSets,
  ...accountabilitySets,
  ...everydaySets,
  ...dailyLifeSets,
  ...hardNegativeSets,
  ...longPostSets,
  ...accountabilityMoreSets,
  ...moreVoicesSets,
];

const SLOT = /\{(\w+)\}/g;

function fill(template: string, lang: LangKey, random: () => number): string {
  return template.replace(SLOT, (_, name: string) => {
    const values = SLOTS[name]?.[lang];
    if (!values) throw new Error(`unknown slot {${name}} in: ${template}`);
    return pick(random, values);
  });
}

/** Dedup key: letters and digits only, lower-case, so emoji or punctuation alone is no new row. */
function dedupKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim();
}

function splitOf(count: number, rank: number): Split {
  const dev = Math.max(1, Math.round(count * 0.15));
  const test = Math.max(1, Math.round(count * 0.15));
  if (rank < count - dev - test) return 'train';
  if (rank < count - test) return 'dev';
  return 'test';
}

export function buildRows(): Row[] {
  const rows: Row[] = [];
  const seen = new Set<string>();
  for (const set of ALL_SETS) {
    // Templates of one set (all languages) are ordered by hash and cut 70/15/15, so every
    // template and all its variants fall in one split.
    const entries = LANG_KEYS.flatMap((key) => set[key].map((template, index) => ({ key, template, index })));
    const ranked = [...entries].sort(
      (a, b) => hashUnit(`${SEED}:split:${set.name}:${a.key}:${a.index}`) - hashUnit(`${SEED}:split:${set.name}:${b.key}:${b.index}`),
    );
    const splitOfEntry = new Map(ranked.map((e, rank) => [e, splitOf(entries.length, rank)]));
    for (const entry of entries) {
      const { key, template, index: templateIndex } = entry;
      const split = splitOfEntry.get(entry) ?? 'train';
      const slotted = template.includes('{');
      const wanted = slotted ? (set.variants ?? SLOTTED_VARIANTS) : WHOLE_VARIANTS;
      const random = makeRandom(`${SEED}:rows:${set.name}:${key}:${templateIndex}`);
      const handles = set.name.includes('traffic') ? (SLOTS.traffic?.[key] ?? []) : (SLOTS.police?.[key] ?? []);
      let made = 0;
      for (let attempt = 0; made < wanted && attempt < wanted * 6; attempt++) {
        const filled = fill(template, key, random);
        // The first variant of a whole post is kept exactly as written.
        const text =
          !slotted && made === 0
            ? filled
            : stylize(filled, { lang: key, tone: set.tone, addressed: set.addressed === true, handles, tags: set.tags?.[key] ?? [] }, random);
        const dedup = dedupKey(text);
        if (seen.has(dedup)) continue;
        seen.add(dedup);
        rows.push({
          id: `chhavi-police:${set.name}-${key}-${templateIndex + 1}-${made + 1}`,
          text: text.normalize('NFC'),
          lang: LANG_OF_KEY[key],
          labels: { ...set.labels },
          split,
          source: 'chhavi-police',
        });
        made++;
      }
    }
  }
  return rows;
}

function toJsonl(rows: Row[]): string {
  return rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
}

function summarise(rows: Row[]): string {
  const labels: (keyof EventLabels)[] = ['police_related', 'crime_report', 'praise', 'complaint'];
  const langs: Lang[] = ['hi', 'en', 'hi-Latn'];
  const lines = ['| split | rows | hi | en | hi-Latn | police_related | crime_report | praise | complaint | none |', '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|'];
  for (const split of ['train', 'dev', 'test', 'all'] as const) {
    const part = split === 'all' ? rows : rows.filter((r) => r.split === split);
    const cells = [
      part.length,
      ...langs.map((l) => part.filter((r) => r.lang === l).length),
      ...labels.map((l) => part.filter((r) => r.labels[l]).length),
      part.filter((r) => !r.labels.police_related).length,
    ];
    lines.push(`| ${split} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

function main(): void {
  const check = process.argv.includes('--check');
  const rows = buildRows();
  let stale = false;
  for (const split of ['train', 'dev', 'test'] as const) {
    const file = join(HERE, `police-events.${split}.jsonl`);
    const body = toJsonl(rows.filter((r) => r.split === split));
    if (check) {
      let current: string;
      try {
        current = readFileSync(file, 'utf8');
      } catch {
        current = '';
      }
      if (current !== body) {
        stale = true;
        console.error(`${file} is not what build.ts makes; run it again`);
      }
    } else {
      writeFileSync(file, body);
    }
  }
  console.log(summarise(rows));
  if (stale) process.exitCode = 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
