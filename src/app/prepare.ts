import { migrate } from '../db/migrate.js';
import { installJobSchema } from '../jobs/queue.js';
import type { AppContext } from './context.js';

/** Brings the database schema up to date: our migrations, then the job queue's own tables. */
export async function prepareDatabase(ctx: AppContext): Promise<string[]> {
  const result = await migrate(ctx.db);
  await installJobSchema(ctx.db);
  return result.applied;
}
