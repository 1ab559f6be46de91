import { defineJob } from '../jobs/define.js';

/** Hourly: deletes sessions past their absolute or idle expiry, and closed sign-in throttle windows. */
export const purgeSessionsJob = defineJob<object>({
  name: 'auth.purge-sessions',
  retry: { limit: 2, delaySeconds: 60, backoff: true },
  concurrency: 1,
  expireInSeconds: 300,
  cron: '7 * * * *',
  // Hourly: nobody waits for it.
  pollSeconds: 30,
  handler: async (_data, ctx) => {
    const purged = await ctx.auth.purgeExpired();
    return { status: 'done', detail: purged };
  },
});
