import type { Command } from 'commander';
import { resolve } from 'node:path';
import { importMentionsFile, type ImportFormat } from '../../monitoring/sources/file-import.js';
import { withContext } from '../context.js';

interface ImportMentionsOptions {
  format?: string;
  platform?: string;
  unit?: string[];
  restart?: boolean;
  json?: boolean;
}

export function register(program: Command): void {
  const cmd = program.command('import').description('bring data into Chhavi from files');

  cmd
    .command('mentions')
    .description('import mentions from a CSV or JSON-lines file; bad rows are reported by line and skipped, a stopped import resumes')
    .argument('<file>', 'a .csv file with a header row, or a .jsonl file with one object per line')
    .option('--format <format>', 'csv or jsonl (default: from the file extension)')
    .option('--platform <name>', 'platform of rows that do not name one', 'import')
    .option('--unit <id...>', 'units the mentions concern (for scoping)')
    .option('--restart', 'start from the first line even if an earlier run of this file stopped part-way')
    .option('--json', 'print the report as one JSON object')
    .action(async (file: string, opts: ImportMentionsOptions) => {
      if (opts.format !== undefined && opts.format !== 'csv' && opts.format !== 'jsonl') throw new Error('--format must be csv or jsonl');
      const report = await withContext(async (ctx) => {
        const { pipeline, sources } = ctx.ingestion;
        // In process, this command writes what it reads; on NATS, the workers do.
        if (pipeline.mode === 'memory') await pipeline.startWorkers();
        try {
          const r = await importMentionsFile(
            { db: ctx.db, audit: ctx.audit, sources, publish: (items) => pipeline.publish(items) },
            resolve(file),
            { system: true, label: 'cli import' },
            {
              ...(opts.format ? { format: opts.format as ImportFormat } : {}),
              ...(opts.platform ? { platform: opts.platform } : {}),
              ...(opts.unit ? { unitIds: opts.unit } : {}),
              restart: Boolean(opts.restart),
            },
          );
          const stats = pipeline.stats;
          return { ...r, mode: pipeline.mode, stored: stats?.stored ?? null, duplicates: stats?.duplicates ?? null, edited: stats?.edited ?? null };
        } finally {
          await pipeline.stop();
        }
      });
      if (opts.json) {
        console.log(JSON.stringify(report));
      } else {
        for (const r of report.rejected) console.error(`${report.file}:${r.line}: ${r.message}`);
        const resumed = report.resumedAfterLine ? ` (resumed after line ${report.resumedAfterLine})` : '';
        const counts = report.stored === null ? 'handed to the stream' : `${report.stored} stored, ${report.duplicates} already stored, ${report.edited} edited`;
        console.log(`chhavi: ${report.file}: ${report.rows} rows, ${report.accepted} imported${resumed}: ${counts}; ${report.rejected.length} rejected`);
      }
      if (report.rows > 0 && report.rejected.length === report.rows) process.exitCode = 1;
    });
}
