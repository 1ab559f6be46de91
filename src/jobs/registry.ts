import type { JobKind } from './define.js';
import { purgeSessionsJob } from '../auth/purge-sessions-job.js';
import { verifyChainJob } from '../audit/verification-job.js';
import { publishJob } from '../publishing/publisher/publish-job.js';
import { pullMetricsJob } from '../publishing/metrics/metrics-job.js';
import { retentionJob } from '../monitoring/retention/retention-job.js';
import { searchKeysJob } from '../monitoring/search/search-keys-job.js';

/**
 * Every job kind Chhavi runs, each with its retry policy and concurrency (see `defineJob`).
 * A name appears once; the queue refuses duplicates at start.
 */
export const JOB_KINDS: JobKind<object>[] = [verifyChainJob, purgeSessionsJob, publishJob, pullMetricsJob, retentionJob, searchKeysJob];
