import { defineJob } from '../../jobs/define.js';

/**
 * Every ten minutes: search keys for mentions that have none (stored before keys existed, or by a
 * worker of an older version during an upgrade). Finding none is one look at an index of nothing.
 */
export const searchKeysJob = defineJob<Record<string, never>>({
  name: 'monitoring.search-keys',
  retry: { limit: 3, delaySeconds: 60, backoff: true },
  concurrency: 1,
  expireInSeconds: 3600,
  cron: '*/10 * * * *',
  pollSeconds: 30,
  async handler(_data, ctx) {
    const mentions = await ctx.monitoring.search.backfill();
    return { status: 'done', detail: { mentions } };
  },
});
