import type { Queryable } from '../../db/database.js';
import { defineJob } from '../../jobs/define.js';
import type { JobQueue } from '../../jobs/queue.js';

/** When metrics are pulled after a publication goes out: at increasing intervals. */
export const METRIC_PULLS = [
  { pull: '1h', afterMs: 3_600_000 },
  { pull: '6h', afterMs: 6 * 3_600_000 },
  { pull: '24h', afterMs: 24 * 3_600_000 },
  { pull: '7d', afterMs: 7 * 24 * 3_600_000 },
] as const;

export type MetricPull = (typeof METRIC_PULLS)[number]['pull'] | 'manual';

export interface PullMetricsData {
  publicationId: string;
  pull: MetricPull;
}

export const pullMetricsJob = defineJob<PullMetricsData>({
  name: 'publishing.pull-metrics',
  retry: { limit: 4, delaySeconds: 300, backoff: true },
  concurrency: 4,
  expireInSeconds: 120,
  // Pulls fall due hours after a post goes out: a few seconds late is no loss.
  pollSeconds: 5,
  handler: async (data, ctx) => ctx.delivery.metrics.pull(data.publicationId, data.pull),
});

/**
 * Sends the first pull of a newly published publication, in the transaction that records it; each
 * pull sends the next one when it is done (`nextPull`), so publishing writes one job, not four.
 */
export async function scheduleMetricPulls(jobs: JobQueue, tx: Queryable, publicationId: string, now = Date.now()): Promise<void> {
  const first = METRIC_PULLS[0];
  await jobs.send(pullMetricsJob, { publicationId, pull: first.pull }, { tx, singletonKey: `${publicationId}:${first.pull}`, startAfter: new Date(now + first.afterMs) });
}

/** `scheduleMetricPulls` for publications published together, in one statement. */
export async function scheduleMetricPullsMany(jobs: JobQueue, tx: Queryable, publicationIds: readonly string[], now = Date.now()): Promise<void> {
  const first = METRIC_PULLS[0];
  await jobs.sendMany(
    pullMetricsJob,
    publicationIds.map((publicationId) => ({ data: { publicationId, pull: first.pull }, singletonKey: `${publicationId}:${first.pull}`, startAfter: new Date(now + first.afterMs) })),
    { tx },
  );
}

/** The pull after `pull` and when it is due, counted from the publication time; null after the last. */
export function nextPull(pull: MetricPull, publishedAt: Date): { pull: MetricPull; at: Date } | null {
  const i = METRIC_PULLS.findIndex((p) => p.pull === pull);
  const next = i >= 0 ? METRIC_PULLS[i + 1] : undefined;
  return next ? { pull: next.pull, at: new Date(publishedAt.getTime() + next.afterMs) } : null;
}
