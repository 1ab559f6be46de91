import type { AuditLog } from '../../audit/audit-log.js';
import type { SystemActor } from '../../auth/actor.js';
import type { Database } from '../../db/database.js';
import { retireOldClusters } from '../dedupe/assign-clusters.js';
import { deleteExpired, setExpiries } from './retention-repository.js';
import type { SearchKeysService } from '../search/search-keys-service.js';
import type { Pseudonymiser } from './pseudonymiser.js';

/** Retention of mentions that no watch matched. */
export const DEFAULT_RETENTION_DAYS = 30;
const DELETE_BATCH = 5000;
const RETENTION_ACTOR: SystemActor = { system: true, label: 'monitoring-retention' };

export interface RetentionResult {
  expiriesSet: number;
  deleted: number;
  pseudonymised: number;
  /** Words of the search dictionary that no mention had any more. */
  wordsRemoved: number;
  /** Band rows of near-duplicate clusters past their window, which no lookup needs any more. */
  clusterBandsRetired: number;
}

/**
 * The nightly enforcement of DESIGN.md §3: expiries from the watches' retention, deletion of
 * expired mentions that no hold keeps (cases, evidence), and pseudonymisation of authors in the
 * units that ask for it. Each run is one audited transaction per step, so a crash loses no record
 * of what was done. Last, near-duplicate clusters past their window leave the band lookup (no
 * personal data: not audited; the job's result counts them).
 */
export class RetentionService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly pseudonymiser: Pseudonymiser,
    private readonly search: SearchKeysService,
    private readonly defaultDays = DEFAULT_RETENTION_DAYS,
  ) {}

  async run(now = new Date()): Promise<RetentionResult> {
    const expiriesSet = await this.db.transaction(async (tx) => {
      const n = await setExpiries(tx, this.defaultDays);
      if (n > 0) await this.audit.record(tx, { actor: RETENTION_ACTOR, action: 'monitoring.expiries_set', details: { mentions: n, defaultDays: this.defaultDays } });
      return n;
    });
    let deleted = 0;
    for (;;) {
      const n = await this.db.transaction(async (tx) => {
        const d = await deleteExpired(tx, now, DELETE_BATCH);
        if (d > 0) await this.audit.record(tx, { actor: RETENTION_ACTOR, action: 'monitoring.mentions_expired', details: { deleted: d, before: now.toISOString() } });
        return d;
      });
      deleted += n;
      if (n < DELETE_BATCH) break;
    }
    const pseudonymised = await this.db.transaction(async (tx) => {
      const n = await this.pseudonymiser.run(tx, null);
      if (n > 0) await this.audit.record(tx, { actor: RETENTION_ACTOR, action: 'monitoring.authors_pseudonymised', details: { mentions: n } });
      return n;
    });
    // Words only the deleted mentions had leave the search dictionary too.
    const wordsRemoved = deleted > 0 ? await this.search.prune() : 0;
    const clusterBandsRetired = await retireOldClusters(this.db, now);
    return { expiriesSet, deleted, pseudonymised, wordsRemoved, clusterBandsRetired };
  }
}
