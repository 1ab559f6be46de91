import type { Actor } from '../../auth/actor.js';
import { unitFilter } from '../../auth/actor.js';
import type { Database } from '../../db/database.js';
import { notFound } from '../../http/errors.js';
import type { JobOutcome } from '../../jobs/define.js';
import type { AccountCredentials, Connector } from '../../platforms/connector.js';
import { isPlatform, type Platform } from '../../platforms/types.js';
import type { Keyring } from '../../secrets/keyring.js';
import { findPublication } from '../publisher/publication-repository.js';
import { nextPull, pullMetricsJob, type MetricPull } from './metrics-job.js';
import type { JobQueue } from '../../jobs/queue.js';
import { insertMetrics, metricsOf, publishedRef, type MetricPoint } from './metrics-repository.js';

/**
 * Likes, shares, comments and views of published publications, pulled from the platform at 1 h,
 * 6 h, 24 h and 7 d and kept as a time series. A failed pull throws, so the job retries it.
 */
export class MetricsService {
  constructor(
    private readonly deps: { db: Database; jobs: JobQueue; keyring: Keyring; connectorFor: (platform: Platform) => Connector },
  ) {}

  async pull(publicationId: string, pull: MetricPull, now = new Date()): Promise<JobOutcome> {
    const ref = await publishedRef(this.deps.db, publicationId);
    if (!ref) return { status: 'skipped', reason: 'publication is not published' };
    if (!isPlatform(ref.platform) || !ref.credentialsEnc) return { status: 'skipped', reason: 'account cannot be read' };
    const credentials = JSON.parse(this.deps.keyring.decrypt(ref.credentialsEnc)) as AccountCredentials;
    const metrics = await this.deps.connectorFor(ref.platform).fetchMetrics(credentials, ref.remoteId);
    const next = nextPull(pull, ref.publishedAt);
    await this.deps.db.transaction(async (tx) => {
      await insertMetrics(tx, publicationId, pull, metrics, now);
      if (next) await this.deps.jobs.send(pullMetricsJob, { publicationId, pull: next.pull }, { tx, singletonKey: `${publicationId}:${next.pull}`, startAfter: next.at });
    });
    return { status: 'done', detail: { ...metrics, ...(next ? { next: next.pull } : {}) } };
  }

  /** The series of one publication, for a caller who may see its unit. */
  async series(actor: Actor, publicationId: string): Promise<MetricPoint[]> {
    const pub = await findPublication(this.deps.db, publicationId, unitFilter(actor));
    if (!pub) throw notFound(`publication ${publicationId}`);
    return metricsOf(this.deps.db, publicationId);
  }
}
