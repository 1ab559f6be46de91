import { defineJob } from '../jobs/define.js';
import { finishVerification, insertVerification, startVerification } from './verification-repository.js';

/**
 * Walks the audit chain in a worker: nightly from the scheduler (no id: the run creates its own
 * row) and on demand (the row was created with the request). A broken chain is logged as an error
 * and recorded, so the result is on the audit page the next morning.
 */
export const verifyChainJob = defineJob<{ verificationId?: string }>({
  name: 'audit.verify-chain',
  retry: { limit: 3, delaySeconds: 30, backoff: true },
  concurrency: 1,
  expireInSeconds: 3600,
  cron: '30 2 * * *',
  async handler(data, ctx) {
    const id = data.verificationId ?? (await insertVerification(ctx.db, null)).id;
    if (!(await startVerification(ctx.db, id))) return { status: 'skipped', reason: `verification ${id} already finished` };
    const result = await ctx.audit.verify();
    await finishVerification(ctx.db, id, {
      ok: result.ok,
      entries: result.count,
      brokenAt: result.ok ? null : result.brokenAt,
      reason: result.ok ? null : result.reason,
    });
    if (!result.ok) ctx.logger.error({ verificationId: id, brokenAt: result.brokenAt, reason: result.reason }, 'audit chain is broken');
    return { status: 'done', detail: { ok: result.ok, entries: result.count } };
  },
});
