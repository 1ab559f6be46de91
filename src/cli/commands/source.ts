import type { Command } from 'commander';
import { webhookPath } from '../../monitoring/sources/source-service.js';
import { withContext } from '../context.js';

interface AddOptions {
  url?: string;
  unit?: string[];
  poll?: string;
  platform?: string;
}

export function register(program: Command): void {
  const cmd = program.command('source').description('monitoring sources: feeds, webhooks, the Sandbox feed');

  cmd
    .command('add')
    .description('add a source (rss: --url; webhook: prints its signing secret once; sandbox: the Sandbox public feed)')
    .argument('<kind>', 'rss, webhook or sandbox')
    .argument('<name>', 'a name to tell it apart')
    .option('--url <url>', 'feed address (rss), or the Sandbox API base (sandbox; default this server)')
    .option('--unit <id...>', 'units its mentions concern')
    .option('--poll <seconds>', 'seconds between polls (pulled sources)', '300')
    .option('--platform <name>', 'platform recorded for webhook mentions that name none', 'webhook')
    .action(async (kind: string, name: string, opts: AddOptions) => {
      const config: Record<string, unknown> = {};
      if (opts.url) config.url = opts.url;
      if (kind === 'webhook' && opts.platform) config.platform = opts.platform;
      const { source, secret } = await withContext((ctx) =>
        ctx.ingestion.sources.create({ system: true, label: 'cli' }, { kind, name, unitIds: opts.unit ?? [], config, pollSeconds: Number(opts.poll) }),
      );
      console.log(`chhavi: added ${source.kind} source "${source.name}" (${source.id})`);
      if (secret) console.log(`chhavi: webhook URL path /api/v1${webhookPath(source.id)}; signing secret (shown once): ${secret}`);
    });

  cmd
    .command('list')
    .description('every source with its health')
    .option('--json', 'print JSON lines')
    .action(async (opts: { json?: boolean }) => {
      const rows = await withContext((ctx) => ctx.ingestion.sources.health(null));
      for (const r of rows) {
        if (opts.json) console.log(JSON.stringify(r));
        else {
          const ok = r.lastSuccessAt ? new Date(r.lastSuccessAt).toISOString() : 'never';
          const err = r.lastError ? `; last error: ${r.lastError}` : '';
          console.log(`${r.id}  ${r.kind.padEnd(8)} ${r.enabled ? 'on ' : 'off'} ${r.name}  items ${r.itemsTotal}, last success ${ok}${err}`);
        }
      }
    });
}
