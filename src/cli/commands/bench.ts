import type { Command } from 'commander';
import { runApiBench } from '../../bench/api.js';
import { runClassifyBench } from '../../bench/classify.js';

function print(result: Record<string, unknown>, json: boolean): void {
  if (json) {
    console.log(JSON.stringify(result));
    return;
  }
  for (const [k, v] of Object.entries(result)) console.log(`${k.padEnd(32)} ${String(v)}`);
}

export function register(program: Command): void {
  const bench = program.command('bench').description('measure speed and memory; prints one JSON object with --json');

  bench
    .command('api')
    .description('load an authenticated read route from a second process over loopback')
    .option('--seconds <n>', 'seconds of closed-loop load', '10')
    .option('--connections <n>', 'concurrent keep-alive connections', '32')
    .option('--rate <n>', 'requests per second for the fixed-rate phase', '500')
    .option('--json', 'print one JSON object')
    .action(async (opts: { seconds: string; connections: string; rate: string; json?: boolean }) => {
      const result = await runApiBench({
        seconds: Number(opts.seconds),
        connections: Number(opts.connections),
        rate: Number(opts.rate),
        databaseUrl: process.env.DATABASE_URL || undefined,
      });
      print(result, Boolean(opts.json));
    });

  bench
    .command('classify')
    .description('enrichment throughput on one core, beside fastText on the same file')
    .option('--posts <n>', 'number of posts', '100000')
    .option('--json', 'print one JSON object')
    .action(async (opts: { posts: string; json?: boolean }) => {
      const result = await runClassifyBench({ posts: Number(opts.posts), json: Boolean(opts.json) });
      print(result, Boolean(opts.json));
    });
}
