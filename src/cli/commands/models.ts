import type { Command } from 'commander';
import { resolve } from 'node:path';
import { withContext } from '../context.js';

export function register(program: Command): void {
  const models = program.command('models').description('text models: list them, register one that chhavi train made (an admin activates it in the web UI)');

  models
    .command('list')
    .description('registered models, the active one marked')
    .option('--json', 'one JSON object')
    .action(async (opts: { json?: boolean }) => {
      await withContext(async (ctx) => {
        await ctx.models.ensureShipped();
        const rows = await ctx.models.list();
        if (opts.json) {
          console.log(JSON.stringify({ models: rows.map((m) => ({ version: m.version, active: m.active, registeredBy: m.registeredBy, anchors: m.report.anchors ?? {} })) }));
          return;
        }
        for (const m of rows) console.log(`${m.active ? '*' : ' '} ${m.version}  registered ${new Date(m.registeredAt).toISOString()} by ${m.registeredBy}`);
      });
    });

  models
    .command('register <file>')
    .description('copy a model file (with the chhavi-nlp.report.json beside it) into the data folder and register it, inactive')
    .action(async (file: string) => {
      await withContext(async (ctx) => {
        await ctx.models.ensureShipped();
        const row = await ctx.models.register({ system: true, label: 'cli' }, resolve(file));
        console.log(`chhavi: registered model ${row.version}; an admin can compare and activate it under Administration → Text models`);
      });
    });
}
