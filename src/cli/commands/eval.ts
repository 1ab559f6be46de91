import type { Command } from 'commander';
import { resolve } from 'node:path';
import { loadClassifier, defaultModelPath } from '../../nlp/classify/load.js';
import { evaluate, formatEval } from '../../nlp/eval/evaluate.js';
import { readJsonl } from '../../nlp/train/datasets.js';

export function register(program: Command): void {
  program
    .command('eval')
    .description('score the classifiers on a labelled JSON-lines file: per-label precision, recall, F1, confusion matrix')
    // `--data` is also the program's global option (the data folder), which commander gives to the
    // program first; the action reads it from the merged options.
    .option('--data <file>', 'JSON lines in the datasets\' format, or {"id","text","labels":{<label>: value}}')
    .option('--model <file>', 'model file (default: the shipped model or CHHAVI_NLP_MODEL)')
    .option('--json', 'print one JSON object')
    .action(async (_opts: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<{ data?: string; model?: string; json?: boolean }>();
      if (!opts.data) throw new Error('eval needs --data FILE.jsonl');
      const classifier = loadClassifier(opts.model ? resolve(opts.model) : defaultModelPath());
      const result = evaluate(classifier, readJsonl(resolve(opts.data)));
      if (result.labels.length === 0) throw new Error(`no labels of ours in ${opts.data}`);
      console.log(opts.json ? JSON.stringify(result) : formatEval(result));
    });
}
