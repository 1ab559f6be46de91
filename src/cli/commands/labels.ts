import type { Command } from 'commander';
import { createWriteStream } from 'node:fs';
import { resolve } from 'node:path';
import { once } from 'node:events';
import { exportAnalystLabels } from '../../monitoring/labels/training-rows.js';
import { withContext } from '../context.js';

export function register(program: Command): void {
  const labels = program.command('labels').description('analysts\' labels of mentions (given on the mention page)');

  labels
    .command('export')
    .description('write every labelled mention as JSON lines {"id","text","labels":{<label>: value}}, the format chhavi train --analyst-labels reads (audited)')
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (opts: { out?: string }) => {
      await withContext(async (ctx) => {
        const rows = await exportAnalystLabels(ctx, 'export');
        const out = opts.out ? createWriteStream(resolve(opts.out)) : process.stdout;
        for (const r of rows) {
          if (!out.write(`${JSON.stringify(r)}\n`)) await once(out, 'drain');
        }
        if (opts.out) {
          out.end();
          await once(out, 'finish');
        }
        console.error(`chhavi: exported ${rows.length} labelled ${rows.length === 1 ? 'mention' : 'mentions'}`);
      });
    });
}
