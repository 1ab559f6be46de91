import type { Command } from 'commander';
import { join, resolve } from 'node:path';
import { packageRoot } from '../../config/paths.js';
import { exportAnalystLabels, type AnalystRow } from '../../monitoring/labels/training-rows.js';
import { trainModel } from '../../nlp/train/train.js';
import { withContext } from '../context.js';

/** The shared datasets: CHHAVI_DATASETS, or `../shared/datasets` beside the package. */
export function defaultDatasetsDir(): string {
  return process.env.CHHAVI_DATASETS || join(packageRoot, '..', 'shared', 'datasets');
}

export function register(program: Command): void {
  program
    .command('train')
    .description('train the text classifiers from the datasets (deterministic for a seed) and write the model and its dev report')
    .option('--seed <n>', 'random seed', '1')
    .option('--out <dir>', 'output folder (default: the package\'s models/)')
    .option('--datasets <dir>', 'shared datasets folder (default ../shared/datasets or CHHAVI_DATASETS)')
    .option('--project-data <dir>', 'project-made datasets folder (default: the package\'s datasets/)')
    .option('--with-analyst-labels', 'also train on analysts\' labels: read from the database (--data or DATABASE_URL), or from --analyst-labels FILE')
    .option('--analyst-labels <file>', 'JSON lines {"id","text","labels":{<label>: value}}, as chhavi labels export writes them')
    .option('--subsample <n>', 'keep every n-th training row (quick runs)')
    .action(
      async (opts: {
        seed: string;
        out?: string;
        datasets?: string;
        projectData?: string;
        withAnalystLabels?: boolean;
        analystLabels?: string;
        subsample?: string;
      }) => {
        const seed = Number(opts.seed);
        if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
        // Without a file, the labels come from the database, read before training starts so the
        // database is not held open while the model trains.
        let fromDatabase: AnalystRow[] | undefined;
        if (opts.withAnalystLabels && !opts.analystLabels) {
          fromDatabase = await withContext((ctx) => exportAnalystLabels(ctx, 'train'));
          console.error(`chhavi: ${fromDatabase.length} labelled ${fromDatabase.length === 1 ? 'mention' : 'mentions'} read from the database`);
        }
        const result = trainModel({
          seed,
          outDir: resolve(opts.out ?? join(packageRoot, 'models')),
          datasetsDir: resolve(opts.datasets ?? defaultDatasetsDir()),
          projectDir: resolve(opts.projectData ?? join(packageRoot, 'datasets')),
          analystLabels: opts.analystLabels ? resolve(opts.analystLabels) : fromDatabase,
          subsample: opts.subsample ? Number(opts.subsample) : undefined,
          log: (line) => console.error(line),
        });
        console.log(JSON.stringify({ version: result.version, model: result.modelPath, report: result.reportPath, anchors: result.report.anchors }));
      },
    );
}
