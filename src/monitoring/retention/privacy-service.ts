import type { AuditLog } from '../../audit/audit-log.js';
import { inScope, type Actor } from '../../auth/actor.js';
import type { Database } from '../../db/database.js';
import { notFound } from '../../http/errors.js';
import { findUnitPrivacy, upsertUnitPrivacy } from './privacy-repository.js';
import type { Pseudonymiser } from './pseudonymiser.js';

export interface UnitPrivacy {
  unitId: string;
  /** Authors of the unit's mentions outside any case are replaced by pseudonyms on ingest and nightly. */
  pseudonymiseAuthors: boolean;
  updatedBy: string | null;
  updatedAt: string | null;
}

/** The monitoring privacy setting of each unit; changes are audited. */
export class PrivacyService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly pseudonymiser: Pseudonymiser,
  ) {}

  async get(actor: Actor, unitId: string): Promise<UnitPrivacy> {
    const row = inScope(actor, unitId) ? await findUnitPrivacy(this.db, unitId) : null;
    if (!row) throw notFound(`unit ${unitId}`);
    return view(row);
  }

  async set(actor: Actor, unitId: string, pseudonymiseAuthors: boolean): Promise<UnitPrivacy> {
    const row = await this.db.transaction(async (tx) => {
      const before = inScope(actor, unitId) ? await findUnitPrivacy(tx, unitId) : null;
      if (!before) throw notFound(`unit ${unitId}`);
      if (before.pseudonymiseAuthors === pseudonymiseAuthors) return before;
      await upsertUnitPrivacy(tx, unitId, pseudonymiseAuthors, actor.userId);
      await this.audit.record(tx, {
        actor,
        action: 'monitoring.privacy_changed',
        targetType: 'unit',
        targetId: unitId,
        unitId,
        details: { before: { pseudonymiseAuthors: before.pseudonymiseAuthors }, after: { pseudonymiseAuthors } },
      });
      return (await findUnitPrivacy(tx, unitId))!;
    });
    this.pseudonymiser.invalidate();
    return view(row);
  }
}

function view(r: { unitId: string; pseudonymiseAuthors: boolean; updatedBy: string | null; updatedAt: Date | null }): UnitPrivacy {
  return { unitId: r.unitId, pseudonymiseAuthors: r.pseudonymiseAuthors, updatedBy: r.updatedBy, updatedAt: r.updatedAt ? r.updatedAt.toISOString() : null };
}
