/**
 * Writes the training, tuning and dev rows of every label exactly as `chhavi train` builds them,
 * so that the scikit-learn baseline trains and scores on the same splits.
 * Usage: npx tsx bench/export-heads.ts OUT.json
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../src/config/paths.js';
import { loadHeads } from '../src/nlp/train/heads.js';

const out = process.argv[2];
if (!out) throw new Error('usage: export-heads.ts OUT.json');
const heads = loadHeads({
  datasetsDir: process.env.CHHAVI_DATASETS || join(packageRoot, '..', 'shared', 'datasets'),
  projectDir: join(packageRoot, 'datasets'),
});
writeFileSync(
  out,
  JSON.stringify(
    heads.map((h) => ({
      label: h.label,
      classes: h.classes,
      train: h.train,
      tune: h.tune,
      reports: Object.fromEntries(h.reports.map((r) => [r.name, r.examples])),
    })),
  ),
);
console.error(`wrote ${heads.length} labels to ${out}`);
