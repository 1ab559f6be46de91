import { defineJob } from '../../jobs/define.js';

/** Nightly at 02:30 in the force's time zone: expiries, deletion of expired mentions, pseudonyms. */
export const retentionJob = defineJob<Record<string, never>>({
  name: 'monitoring.retention',
  retry: { limit: 3, delaySeconds: 300, backoff: true },
  concurrency: 1,
  expireInSeconds: 3600,
  cron: '30 2 * * *',
  // Nightly: nobody waits for it.
  pollSeconds: 30,
  async handler(_data, ctx) {
    const result = await ctx.monitoring.retention.run();
    return { status: 'done', detail: { ...result } };
  },
});
