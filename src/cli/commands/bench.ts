import type { Command } from 'commander';
import { runApiBench } from '../../bench/api.js';
import { runClassifyBench } from '../../bench/classify.js';
import { runPublishBench } from '../../bench/publish.js';
import { runIngestBench } from '../../bench/ingest.js';

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
    .command('publish')
    .description('scheduled posts across Sandbox accounts: due → published delay (p50/p99) and posts/s; on the server when DATABASE_URL is set')
    .option('--posts <n>', 'number of scheduled posts', '10000')
    .option('--accounts <n>', 'number of Sandbox accounts', '30')
    .option('--window <seconds>', 'seconds over which the posts fall due', '60')
    .option('--lead <seconds>', 'seconds from seeding to the first due time', '20')
    .option('--database <kind>', 'pglite or postgres (default: postgres when DATABASE_URL is set)')
    .option('--json', 'print one JSON object')
    .action(async (opts: { posts: string; accounts: string; window: string; lead: string; database?: string; json?: boolean }) => {
      const server = process.env.DATABASE_URL || undefined;
      if (opts.database === 'postgres' && !server) throw new Error('--database postgres needs DATABASE_URL');
      const result = await runPublishBench({
        posts: Number(opts.posts),
        accounts: Number(opts.accounts),
        windowSeconds: Number(opts.window),
        leadSeconds: Number(opts.lead),
        databaseUrl: opts.database === 'pglite' ? undefined : server,
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

  bench
    .command('ingest')
    .description('mentions per second into a PostgreSQL server (in process and NATS JetStream) beside a plain COPY, and latency at a fixed rate')
    .option('--mentions <n>', 'mentions per throughput phase', '50000')
    .option('--rate <n>', 'mentions per second for the latency phase', '1000')
    .option('--seconds <n>', 'seconds of the latency phase', '10')
    .option('--json', 'print one JSON object')
    .action(async (opts: { mentions: string; rate: string; seconds: string; json?: boolean }) => {
      const result = await runIngestBench({
        mentions: Number(opts.mentions),
        rate: Number(opts.rate),
        latencySeconds: Number(opts.seconds),
        databaseUrl: process.env.DATABASE_URL || undefined,
        natsUrl: process.env.NATS_URL || undefined,
      });
      print(result, Boolean(opts.json));
    });
}
