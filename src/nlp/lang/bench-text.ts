/**
 * Speed of the text layer on real posts: normalise, tokenise, language identification and
 * geotagging, each on its own, over the dev splits of the datasets (SentiMix detokenised),
 * repeated to `--posts` posts. Prints one JSON object of posts per CPU-second (one core). Not a
 * test: timings depend on the machine.
 *
 *   npx tsx src/nlp/lang/bench-text.ts [--data DIR] [--posts 100000]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { packageRoot } from '../../config/paths.js';
import { geotag } from '../geo/geotag.js';
import { detokenize } from '../text/detokenize.js';
import { normalize } from '../text/normalize.js';
import { tokenize } from '../text/tokenize.js';
import { detectLanguage } from './detect.js';

const FILES = [
  'sentimix2020-hinglish.dev.jsonl',
  'constraint2021-hindi.dev.jsonl',
  'hasoc2021-hindi.dev.jsonl',
  'macd-hindi.dev.jsonl',
  'mumbai-police-tweets.train.jsonl',
];

function main(): void {
  const { values } = parseArgs({
    options: {
      data: { type: 'string', default: join(packageRoot, '..', 'shared', 'datasets') },
      posts: { type: 'string', default: '100000' },
    },
  });
  const texts: string[] = [];
  for (const f of FILES) {
    const path = join(values.data, f);
    if (!existsSync(path)) continue;
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const row = JSON.parse(line) as { text: string; source: string };
      texts.push(row.source.startsWith('sentimix') ? detokenize(row.text) : row.text);
    }
  }
  if (texts.length === 0) throw new Error(`no dataset files found in ${values.data}`);
  const n = Number(values.posts);
  const posts = Array.from({ length: n }, (_, i) => texts[i % texts.length]!);
  const run = (f: (s: string) => unknown): number => {
    for (let i = 0; i < Math.min(n, 5000); i++) f(posts[i]!); // warm-up and lazy loading
    // CPU time of this process, not wall time: "per core" even when the machine is busy.
    const c0 = process.cpuUsage();
    for (const p of posts) f(p);
    const c = process.cpuUsage(c0);
    return Math.round(n / ((c.user + c.system) / 1e6));
  };
  const result = {
    posts: n,
    distinct_texts: texts.length,
    normalize_posts_per_s: run(normalize),
    tokenize_posts_per_s: run(tokenize),
    detect_language_posts_per_s: run(detectLanguage),
    geotag_posts_per_s: run(geotag),
    text_layer_posts_per_s: run((s) => {
      normalize(s);
      detectLanguage(s);
      geotag(s);
    }),
    geotagged_share: posts.slice(0, 20000).filter((p) => geotag(p) !== null).length / Math.min(n, 20000),
  };
  process.stdout.write(JSON.stringify(result) + '\n');
}

main();
