import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/database.js';
import type { JobQueue } from '../jobs/queue.js';
import { notFound } from '../http/errors.js';
import type { AuditLog } from './audit-log.js';
import { verifyChainJob } from './verification-job.js';
import { findVerification, insertVerification, recentVerifications, type VerificationRow } from './verification-repository.js';

/** Requests and results of audit chain verification runs, done in the background by a worker. */
export class AuditVerifications {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly jobs: JobQueue,
  ) {}

  /** Creates the run, its job and its audit entry in one transaction. */
  async request(actor: Actor): Promise<VerificationRow> {
    return this.db.transaction(async (tx) => {
      const row = await insertVerification(tx, actor.userId);
      await this.jobs.send(verifyChainJob, { verificationId: row.id }, { tx, singletonKey: row.id });
      await this.audit.record(tx, { actor, action: 'audit.verification_requested', targetType: 'audit_verification', targetId: row.id });
      return row;
    });
  }

  async get(id: string): Promise<VerificationRow> {
    const row = await findVerification(this.db, id);
    if (!row) throw notFound('verification');
    return row;
  }

  recent(limit = 20): Promise<VerificationRow[]> {
    return recentVerifications(this.db, limit);
  }
}
