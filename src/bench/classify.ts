/**
 * `chhavi bench classify`: the whole enrichment (language, normalisation, every classifier,
 * geotag, cluster key) over a file of mixed posts on one core, and Debian's fastText command-line
 * tool trained on the same training texts and predicting on the same file, in the same run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { packageRoot } from '../config/paths.js';
import { defaultModelPath, loadClassifier, setClassifier } from '../nlp/classify/load.js';
import { BINARY_LABELS } from '../nlp/classify/labels.js';
import { enrich } from '../nlp/enrich.js';
import { loadHeads } from '../nlp/train/heads.js';
import { rng, shuffled } from '../nlp/train/linear.js';
import { normalize } from '../nlp/text/normalize.js';
import { round } from './stats.js';

/** JSON null in a record typed as numbers and strings (the bench dispatcher's type). */
const NULL = null as unknown as number;
const FASTTEXT = process.env.FASTTEXT_BIN || '/usr/bin/fasttext';
/** fastText with the same feature space as ours: word bigrams, character 2–5-grams, 2^20 buckets. */
const FASTTEXT_ARGS = ['-dim', '16', '-epoch', '5', '-wordNgrams', '2', '-minn', '2', '-maxn', '5', '-bucket', '1048576', '-loss', 'ova', '-thread', '1'];

function datasetsDir(): string {
  return process.env.CHHAVI_DATASETS || join(packageRoot, '..', 'shared', 'datasets');
}

/** One line per post for fastText: no line breaks inside. */
function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function cpuSeconds(u: NodeJS.CpuUsage): number {
  return (u.user + u.system) / 1e6;
}

/** Children's user + system seconds from the second line of bash's `times` ("0m1.5s 0m0.1s"). */
function childCpuSeconds(out: string): number | null {
  const line = out.trim().split('\n').pop() ?? '';
  const m = /^(\d+)m([\d.]+)s (\d+)m([\d.]+)s$/.exec(line.trim());
  if (!m) return null;
  return Number(m[1]) * 60 + Number(m[2]) + Number(m[3]) * 60 + Number(m[4]);
}

export async function runClassifyBench(opts: { posts?: number; json: boolean }): Promise<Record<string, number | string>> {
  const posts = opts.posts ?? 100_000;
  const log = (s: string): void => {
    if (!opts.json) console.error(s);
  };
  const heads = loadHeads({ datasetsDir: datasetsDir(), projectDir: join(packageRoot, 'datasets') });

  // Training texts with all their positive labels (for fastText), and the pool of bench posts.
  const labelsOf = new Map<string, Set<string>>();
  for (const h of heads) {
    for (const e of h.train) {
      let set = labelsOf.get(e.text);
      if (!set) labelsOf.set(e.text, (set = new Set()));
      if (h.classes === null) {
        if (e.y === 1) set.add(h.label);
      } else set.add(`${h.label}_${h.classes[e.y]}`);
    }
  }
  const pool = [...labelsOf.keys()];
  const order = shuffled(pool.length, rng(7));
  const file: string[] = [];
  for (let i = 0; file.length < posts; i++) file.push(pool[order[i % pool.length]!]!);
  log(`bench classify: ${file.length} posts from a pool of ${pool.length} distinct training texts`);

  const modelPath = defaultModelPath();
  const t0 = performance.now();
  const classifier = loadClassifier(modelPath);
  const modelLoadMs = performance.now() - t0;
  setClassifier(classifier);

  // The machine's load beside the figures: on a shared machine it explains most of their spread.
  const loadBefore = loadavg()[0]!;
  // Warm up the JIT on a slice, then time the whole file.
  for (let i = 0; i < Math.min(5000, file.length); i++) enrich(file[i]!);
  // CPU time of this process is the one-core figure; wall time is shown beside it because a
  // busy machine stretches it.
  let sink = 0;
  const c1 = process.cpuUsage();
  const t1 = performance.now();
  for (const text of file) sink += enrich(text).clusterKey.length;
  const enrichWallS = (performance.now() - t1) / 1000;
  const enrichS = cpuSeconds(process.cpuUsage(c1));
  const c2 = process.cpuUsage();
  for (const text of file) sink += classifier.predict(normalize(text)).scores.hostile;
  const classifyS = cpuSeconds(process.cpuUsage(c2));

  const result: Record<string, number | string> = {
    posts: file.length,
    timing: 'posts_per_cpu_s, posts_per_s and fasttext_posts_per_s are per CPU second of one process (the primary figures); *_wall are per wall-clock second on a shared machine',
    posts_per_cpu_s: round(file.length / enrichS, 0),
    posts_per_s: round(file.length / enrichS, 0),
    posts_per_s_wall: round(file.length / enrichWallS, 0),
    enrich_cpu_us_per_post: round((enrichS * 1e6) / file.length, 2),
    classify_only_posts_per_s: round(file.length / classifyS, 0),
    model_load_ms: round(modelLoadMs, 1),
    model_file_bytes: statSync(modelPath).size,
    model_version: classifier.version,
    node_version: process.version,
    loadavg_1min_before: round(loadBefore, 2),
  };

  if (!existsSync(FASTTEXT)) {
    return { ...result, fasttext_posts_per_s: NULL, fasttext_error: `${FASTTEXT} not found (apt-get install fasttext)` };
  }
  const dir = mkdtempSync(join(tmpdir(), 'chhavi-bench-'));
  try {
    const trainLines: string[] = [];
    for (const [text, labels] of labelsOf) {
      const tags = labels.size > 0 ? [...labels].map((l) => `__label__${l}`).join(' ') : '__label__none';
      const line = oneLine(text);
      if (line !== '') trainLines.push(`${tags} ${line}`);
    }
    writeFileSync(join(dir, 'train.txt'), trainLines.join('\n') + '\n');
    writeFileSync(join(dir, 'posts.txt'), file.map(oneLine).join('\n') + '\n');
    const t3 = performance.now();
    const trained = spawnSync(FASTTEXT, ['supervised', '-input', join(dir, 'train.txt'), '-output', join(dir, 'ft'), '-verbose', '0', ...FASTTEXT_ARGS], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const trainS = (performance.now() - t3) / 1000;
    if (trained.status !== 0) throw new Error(`fasttext supervised failed: ${trained.stderr.toString().slice(0, 300)}`);
    const k = String(BINARY_LABELS.length + 6);
    // bash's `times` reports the CPU time of the fastText child, the same measure as ours.
    const t4 = performance.now();
    const pred = spawnSync(
      'bash',
      ['-c', '"$0" predict-prob "$1" "$2" "$3" 0.5 > /dev/null || exit 1; times', FASTTEXT, join(dir, 'ft.bin'), join(dir, 'posts.txt'), k],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const predictWallS = (performance.now() - t4) / 1000;
    if (pred.status !== 0) throw new Error(`fasttext predict failed: ${pred.stderr.toString().slice(0, 300)}`);
    // The fixed cost (loading the model) from a one-post run, so both figures are throughput.
    writeFileSync(join(dir, 'one.txt'), oneLine(file[0]!) + '\n');
    const once = spawnSync(
      'bash',
      ['-c', '"$0" predict-prob "$1" "$2" "$3" 0.5 > /dev/null || exit 1; times', FASTTEXT, join(dir, 'ft.bin'), join(dir, 'one.txt'), k],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const loadS = childCpuSeconds(once.stdout.toString()) ?? 0;
    const totalS = childCpuSeconds(pred.stdout.toString()) ?? predictWallS;
    const predictS = Math.max(1e-6, totalS - loadS);
    const ftRate = file.length / predictS;
    Object.assign(result, {
      fasttext_posts_per_cpu_s: round(ftRate, 0),
      fasttext_posts_per_s: round(ftRate, 0),
      fasttext_posts_per_s_wall: round(file.length / predictWallS, 0),
      fasttext_load_cpu_ms: round(loadS * 1000, 0),
      fasttext_posts_per_s_with_load: round(file.length / totalS, 0),
      fasttext_train_s: round(trainS, 1),
      fasttext_model_file_bytes: statSync(join(dir, 'ft.bin')).size,
      fasttext_args: FASTTEXT_ARGS.join(' '),
      ratio_vs_fasttext: round(result['posts_per_s'] as number / ftRate, 2),
    });
  } catch (err) {
    Object.assign(result, { fasttext_posts_per_s: NULL, fasttext_error: (err as Error).message });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (sink === -1) log('');
  result['loadavg_1min_after'] = round(loadavg()[0]!, 2);
  return result;
}
