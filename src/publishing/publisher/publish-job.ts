import { defineJob } from '../../jobs/define.js';

export interface PublishJobData {
  publicationId: string;
}

/**
 * One publication's attempt (or recovery). The publication row is the state machine: a duplicate
 * or late job finds it in a state it cannot act on and reports `skipped`. Retries after platform
 * errors are new jobs that the publisher sends with the right delay; pg-boss retries only cover
 * failures of Chhavi itself (database down), and the state machine makes those safe.
 */
export const publishJob = defineJob<PublishJobData>({
  name: 'publishing.publish',
  retry: { limit: 5, delaySeconds: 5, backoff: true },
  // An attempt mostly waits (on the platform, on the database), so many run at once: at 167 due a
  // second, 64 slots hide up to 0.38 s per attempt. Jobs are dispatched within 0.1 s of their time.
  concurrency: 64,
  dispatch: { pollMs: 100 },
  expireInSeconds: 300,
  handler: async (data, ctx) => ctx.delivery.publisher.run(data.publicationId),
});
