import { can, inScope, unitFilter, type Actor } from '../../auth/actor.js';
import type { AuditLog } from '../../audit/audit-log.js';
import type { Database } from '../../db/database.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import { findUnit } from '../../units/unit-repository.js';
import { activePauses, endPause, insertPause, lockActivePause, lockPauses, pauseCovering, type Pause } from './pause-repository.js';

export const REASON_MAX = 500;

export interface PauseView {
  id: string;
  unitId: string | null;
  reason: string;
  startedBy: string;
  startedByName: string;
  startedAt: string;
  can: { end: boolean };
}

/**
 * The crisis pause: sb_supervisor or admin holds publishing force-wide or for chosen units, with a
 * reason. While a pause covers a unit, no publication of it starts: due posts are held and wait
 * for a person (reschedule or publish now); posts not yet due go out as usual after the pause ends.
 */
export class PauseService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
  ) {}

  /** The pauses that concern the actor (force-wide ones and those of the actor's units), for the banner. */
  async active(actor: Actor): Promise<PauseView[]> {
    return (await activePauses(this.db, unitFilter(actor))).map((p) => this.view(actor, p));
  }

  async start(actor: Actor, input: { unitIds?: string[] | null; reason: string }): Promise<PauseView[]> {
    if (!can(actor, 'publishing.pause')) throw forbidden('pausing publishing needs publishing.pause');
    const reason = input.reason.trim();
    if (reason.length < 3) throw new AppError('validation_failed', 'reason: say why publishing is paused', { field: 'reason' });
    if (reason.length > REASON_MAX) throw new AppError('validation_failed', `reason: at most ${REASON_MAX} characters`, { field: 'reason' });
    const unitIds = input.unitIds && input.unitIds.length ? [...new Set(input.unitIds)] : null;
    if (unitIds === null && actor.units !== 'all') throw forbidden('a force-wide pause needs a force-wide role');
    return this.db.transaction(async (tx) => {
      await lockPauses(tx);
      const targets: (string | null)[] = unitIds ?? [null];
      const ids: string[] = [];
      for (const unitId of targets) {
        if (unitId !== null && (!inScope(actor, unitId) || !(await findUnit(tx, unitId, unitFilter(actor))))) throw notFound(`unit ${unitId}`);
        const existing = unitId === null ? null : await pauseCovering(tx, unitId);
        if (existing && existing.unitId === unitId) continue;
        ids.push(await insertPause(tx, { unitId, reason, startedBy: actor.userId }));
      }
      const all = await activePauses(tx, null);
      for (const id of ids) {
        const p = all.find((x) => x.id === id)!;
        await this.audit.record(tx, { actor, action: 'publishing.paused', targetType: 'publishing_pause', targetId: id, unitId: p.unitId, details: { reason, scope: p.unitId ?? 'force' } });
      }
      return all.filter((p) => ids.includes(p.id) || (unitIds ?? []).includes(p.unitId ?? '')).map((p) => this.view(actor, p));
    });
  }

  async end(actor: Actor, pauseId: string): Promise<void> {
    if (!can(actor, 'publishing.pause')) throw forbidden('ending a pause needs publishing.pause');
    await this.db.transaction(async (tx) => {
      await lockPauses(tx);
      const p = await lockActivePause(tx, pauseId);
      if (!p || (p.unitId !== null && !inScope(actor, p.unitId))) throw notFound(`active pause ${pauseId}`);
      if (p.unitId === null && actor.units !== 'all') throw forbidden('a force-wide pause is ended by a force-wide role');
      await endPause(tx, pauseId, actor.userId);
      await this.audit.record(tx, { actor, action: 'publishing.resumed', targetType: 'publishing_pause', targetId: pauseId, unitId: p.unitId, details: { reason: p.reason, scope: p.unitId ?? 'force' } });
    });
  }

  private view(actor: Actor, p: Pause): PauseView {
    return {
      id: p.id,
      unitId: p.unitId,
      reason: p.reason,
      startedBy: p.startedBy,
      startedByName: p.startedByName,
      startedAt: new Date(p.startedAt).toISOString(),
      can: { end: can(actor, 'publishing.pause') && (p.unitId === null ? actor.units === 'all' : inScope(actor, p.unitId)) },
    };
  }
}
