import type { AuditLog } from '../../audit/audit-log.js';
import { can, inScope, unitFilter, type Actor } from '../../auth/actor.js';
import { roleHas } from '../../auth/permissions.js';
import { isForceWide, type Role } from '../../auth/roles.js';
import type { Database, Queryable } from '../../db/database.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import * as repo from './watch-repository.js';
import {
  checkExpiry,
  checkQuery,
  checkRetention,
  checkUnits,
  cleanParagraph,
  cleanText,
  LEGAL_BASIS_MAX,
  LEGAL_BASIS_MIN,
  NAME_MAX,
  PURPOSE_MAX,
  PURPOSE_MIN,
} from './watch-rules.js';
import type { NewWatch, Watch, WatchFilter, WatchPatch, WatchStatus } from './watch-types.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Purpose-bound watches. A watch is seen by actors whose units overlap its units, and managed by
 * those (with watches.manage) whose scope covers all of them. Every change is audited with what
 * changed, in the transaction of the change; matching reloads the active watches after it.
 */
export class WatchService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    /** Called after a committed change, so the matcher reloads its watches. */
    private readonly onChange: () => void = () => undefined,
  ) {}

  async list(actor: Actor, filter: WatchFilter = {}): Promise<Watch[]> {
    const rows = await repo.listWatches(this.db, unitFilter(actor), filter);
    return rows.map((r) => this.view(actor, r));
  }

  async get(actor: Actor, id: string): Promise<Watch> {
    const row = UUID.test(id) ? await repo.findWatch(this.db, id, unitFilter(actor)) : null;
    if (!row) throw notFound(`watch ${id}`);
    return this.view(actor, row);
  }

  async create(actor: Actor, input: NewWatch): Promise<Watch> {
    this.mayManage(actor);
    const now = new Date();
    const values: repo.WatchValues = {
      name: cleanText('name', input.name, 1, NAME_MAX),
      query: checkQuery(input.query).source.trim(),
      ownerId: input.ownerId ?? actor.userId,
      purpose: cleanParagraph('purpose', input.purpose, PURPOSE_MIN, PURPOSE_MAX),
      legalBasis: cleanText('legalBasis', input.legalBasis, LEGAL_BASIS_MIN, LEGAL_BASIS_MAX),
      unitIds: checkUnits(input.unitIds),
      expiresAt: checkExpiry(input.expiresAt, now),
      retentionDays: checkRetention(input.retentionDays),
      paused: false,
    };
    this.unitsInScope(actor, values.unitIds);
    const watch = await this.db.transaction(async (tx) => {
      await this.checkUnitsExist(tx, values.unitIds);
      await this.checkOwner(tx, values.ownerId, values.unitIds);
      const id = await repo.insertWatch(tx, values, actor.userId);
      const row = (await repo.findWatch(tx, id, null))!;
      await this.audit.record(tx, {
        actor,
        action: 'watch.created',
        targetType: 'watch',
        targetId: id,
        unitId: values.unitIds.length === 1 ? values.unitIds[0]! : null,
        details: { after: auditFields(row) },
      });
      return row;
    });
    this.onChange();
    return this.view(actor, watch);
  }

  async update(actor: Actor, id: string, patch: WatchPatch): Promise<Watch> {
    this.mayManage(actor);
    if (!UUID.test(id)) throw notFound(`watch ${id}`);
    const now = new Date();
    const result = await this.db.transaction(async (tx) => {
      const before = await repo.findWatch(tx, id, unitFilter(actor), true);
      if (!before) throw notFound(`watch ${id}`);
      this.unitsInScope(actor, before.unitIds);
      if (patch.version !== undefined && patch.version !== before.version) {
        throw new AppError('conflict', `the watch was changed by someone else (version ${before.version}); reload it`, { version: before.version });
      }
      const next: repo.WatchValues = {
        name: patch.name === undefined ? before.name : cleanText('name', patch.name, 1, NAME_MAX),
        query: patch.query === undefined ? before.query : checkQuery(patch.query).source.trim(),
        ownerId: patch.ownerId ?? before.ownerId,
        purpose: patch.purpose === undefined ? before.purpose : cleanParagraph('purpose', patch.purpose, PURPOSE_MIN, PURPOSE_MAX),
        legalBasis: patch.legalBasis === undefined ? before.legalBasis : cleanText('legalBasis', patch.legalBasis, LEGAL_BASIS_MIN, LEGAL_BASIS_MAX),
        unitIds: patch.unitIds === undefined ? before.unitIds : checkUnits(patch.unitIds),
        expiresAt: patch.expiresAt === undefined ? before.expiresAt : checkExpiry(patch.expiresAt, now),
        retentionDays: patch.retentionDays === undefined ? before.retentionDays : checkRetention(patch.retentionDays),
        paused: patch.paused ?? before.paused,
      };
      if (patch.unitIds !== undefined) {
        this.unitsInScope(actor, next.unitIds);
        await this.checkUnitsExist(tx, next.unitIds);
      }
      if (patch.ownerId !== undefined || patch.unitIds !== undefined) await this.checkOwner(tx, next.ownerId, next.unitIds);
      const change = diff(auditFields(before), auditFields({ ...before, ...next }));
      if (!change) return { row: before, changed: false };
      await repo.updateWatch(tx, id, next);
      const after = (await repo.findWatch(tx, id, null))!;
      await this.audit.record(tx, { actor, action: 'watch.updated', targetType: 'watch', targetId: id, unitId: after.unitIds.length === 1 ? after.unitIds[0]! : null, details: change });
      return { row: after, changed: true };
    });
    if (result.changed) this.onChange();
    return this.view(actor, result.row);
  }

  /** Ends a watch now (it stops matching at once and shows as expired); audited with the reason. */
  async expire(actor: Actor, id: string, reason: string): Promise<Watch> {
    this.mayManage(actor);
    if (!UUID.test(id)) throw notFound(`watch ${id}`);
    const why = cleanText('reason', reason, 5, 500);
    const row = await this.db.transaction(async (tx) => {
      const before = await repo.findWatch(tx, id, unitFilter(actor), true);
      if (!before) throw notFound(`watch ${id}`);
      this.unitsInScope(actor, before.unitIds);
      if (before.expiresAt.getTime() <= Date.now()) throw new AppError('conflict', 'the watch has already expired');
      await tx.execute('UPDATE watches SET expires_at = now(), version = version + 1, updated_at = now() WHERE id = $1', [id]);
      const after = (await repo.findWatch(tx, id, null))!;
      await this.audit.record(tx, {
        actor,
        action: 'watch.expired',
        targetType: 'watch',
        targetId: id,
        unitId: after.unitIds.length === 1 ? after.unitIds[0]! : null,
        details: { reason: why, expiresAt: { before: before.expiresAt.toISOString(), after: after.expiresAt.toISOString() } },
      });
      return after;
    });
    this.onChange();
    return this.view(actor, row);
  }

  private view(actor: Actor, r: repo.WatchRow): Watch {
    return {
      id: r.id,
      name: r.name,
      query: r.query,
      ownerId: r.ownerId,
      ownerName: r.ownerName,
      purpose: r.purpose,
      legalBasis: r.legalBasis,
      unitIds: r.unitIds,
      expiresAt: r.expiresAt.toISOString(),
      retentionDays: r.retentionDays,
      paused: r.paused,
      status: statusOf(r),
      version: r.version,
      createdBy: r.createdBy,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      matchCount: r.matchCount,
      abilities: { edit: can(actor, 'watches.manage') && r.unitIds.every((u) => inScope(actor, u)) && statusOf(r) !== 'expired' },
    };
  }

  private mayManage(actor: Actor): void {
    if (!can(actor, 'watches.manage')) throw forbidden('managing watches needs watches.manage');
  }

  private unitsInScope(actor: Actor, unitIds: readonly string[]): void {
    const outside = unitIds.filter((u) => !inScope(actor, u));
    if (outside.length) throw new AppError('forbidden', `unit ${outside.join(', ')} is outside your scope`, { field: 'unitIds' });
  }

  private async checkUnitsExist(tx: Queryable, unitIds: string[]): Promise<void> {
    const found = new Set(await repo.existingUnits(tx, unitIds));
    const missing = unitIds.filter((u) => !found.has(u));
    if (missing.length) throw new AppError('validation_failed', `unitIds: unit ${missing.join(', ')} not found`, { field: 'unitIds' });
  }

  /** The owner must be an active user who may manage watches and whose scope covers the watch's units. */
  private async checkOwner(tx: Queryable, ownerId: string, unitIds: readonly string[]): Promise<void> {
    const owner = UUID.test(ownerId) ? await repo.findOwnerCandidate(tx, ownerId) : null;
    if (!owner) throw new AppError('validation_failed', 'ownerId: no active user with this id', { field: 'ownerId' });
    const role = owner.role as Role;
    if (!roleHas(role, 'watches.manage')) throw new AppError('validation_failed', `ownerId: a ${role} cannot own a watch`, { field: 'ownerId' });
    if (!isForceWide(role) && !owner.allUnits && !unitIds.every((u) => owner.unitIds.includes(u))) {
      throw new AppError('validation_failed', "ownerId: the watch's units are not all in the owner's units", { field: 'ownerId' });
    }
  }
}

export function statusOf(r: { expiresAt: Date; paused: boolean }, now = Date.now()): WatchStatus {
  if (r.expiresAt.getTime() <= now) return 'expired';
  return r.paused ? 'paused' : 'active';
}

function auditFields(r: repo.WatchValues): Record<string, unknown> {
  return {
    name: r.name,
    query: r.query,
    ownerId: r.ownerId,
    purpose: r.purpose,
    legalBasis: r.legalBasis,
    unitIds: r.unitIds,
    expiresAt: r.expiresAt.toISOString(),
    retentionDays: r.retentionDays,
    paused: r.paused,
  };
}

function diff(before: Record<string, unknown>, after: Record<string, unknown>): { before: Record<string, unknown>; after: Record<string, unknown> } | null {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const k of Object.keys(after)) {
    if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) {
      b[k] = before[k];
      a[k] = after[k];
    }
  }
  return Object.keys(a).length ? { before: b, after: a } : null;
}
