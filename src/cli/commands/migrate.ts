import type { Command } from 'commander';
import { createContext, closeContext } from '../../app/create-context.js';
import { prepareDatabase } from '../../app/prepare.js';
import { createLogger } from '../../log/logger.js';
import { cliConfig } from '../context.js';

export function register(program: Command): void {
  program
    .command('migrate')
    .description('apply the database migrations (embedded database, or DATABASE_URL)')
    .action(async () => {
      const ctx = await createContext(cliConfig(), { logger: createLogger('warn') });
      try {
        const applied = await prepareDatabase(ctx);
        console.log(applied.length ? `chhavi: applied ${applied.join(', ')} (${ctx.db.kind})` : `chhavi: database is up to date (${ctx.db.kind})`);
      } finally {
        await closeContext(ctx);
      }
    });
}
