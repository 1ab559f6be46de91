import { can, inScope, unitFilter, type Actor } from '../auth/actor.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { Database } from '../db/database.js';
import { AppError, forbidden, notFound } from '../http/errors.js';
import * as repo from './unit-repository.js';
import { checkId, checkKind, cleanAliases, cleanHindiName, cleanName } from './unit-rules.js';
import type { NewStation, NewUnit, Station, StationPatch, Unit, UnitPatch } from './unit-types.js';

/**
 * Units (districts and special units) and their police stations. Reads are limited to the actor's
 * units inside the SQL; a unit outside the scope is "not found", never "forbidden", so its
 * existence does not leak. Changes need units.manage and are audited with before and after.
 */
export class UnitService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
  ) {}

  list(actor: Actor): Promise<Unit[]> {
    return repo.listUnits(this.db, unitFilter(actor));
  }

  async get(actor: Actor, id: string): Promise<{ unit: Unit; stations: Station[] }> {
    const scope = unitFilter(actor);
    const unit = await repo.findUnit(this.db, id, scope);
    if (!unit) throw notFound(`unit ${id}`);
    return { unit, stations: await repo.listStations(this.db, { unitId: id, units: scope }) };
  }

  /** Every station the actor may see, with aliases (for pickers and the geotagger). */
  listStations(actor: Actor): Promise<Station[]> {
    return repo.listStations(this.db, { units: unitFilter(actor) });
  }

  async getStation(actor: Actor, id: string): Promise<Station> {
    const station = await repo.findStation(this.db, id, unitFilter(actor));
    if (!station) throw notFound(`station ${id}`);
    return station;
  }

  async createUnit(actor: Actor, input: NewUnit): Promise<Unit> {
    this.mayManage(actor);
    const row = {
      id: checkId('id', input.id),
      kind: checkKind(input.kind),
      nameEn: cleanName('nameEn', input.nameEn),
      nameHi: cleanHindiName(input.nameHi),
      parentId: input.parentId ? checkId('parentId', input.parentId) : null,
    };
    return this.db.transaction(async (tx) => {
      if (row.parentId && !(await repo.findUnit(tx, row.parentId, unitFilter(actor)))) {
        throw new AppError('validation_failed', `parentId: unit ${row.parentId} not found`, { field: 'parentId' });
      }
      if (!(await repo.insertUnit(tx, row))) throw new AppError('conflict', `a unit with id ${row.id} exists`);
      const unit = (await repo.findUnit(tx, row.id, null))!;
      await this.audit.record(tx, { actor, action: 'unit.created', targetType: 'unit', targetId: unit.id, unitId: unit.id, details: { after: unitFields(unit) } });
      return unit;
    });
  }

  async updateUnit(actor: Actor, id: string, patch: UnitPatch): Promise<Unit> {
    this.mayManage(actor);
    return this.db.transaction(async (tx) => {
      const before = await repo.findUnit(tx, id, unitFilter(actor), true);
      if (!before) throw notFound(`unit ${id}`);
      const next = {
        kind: patch.kind === undefined ? before.kind : checkKind(patch.kind),
        nameEn: patch.nameEn === undefined ? before.nameEn : cleanName('nameEn', patch.nameEn),
        nameHi: patch.nameHi === undefined ? before.nameHi : cleanHindiName(patch.nameHi),
        active: patch.active ?? before.active,
      };
      const change = diff(unitFields(before), next);
      if (!change) return before;
      await repo.updateUnit(tx, id, next);
      await this.audit.record(tx, { actor, action: 'unit.updated', targetType: 'unit', targetId: id, unitId: id, details: change });
      return (await repo.findUnit(tx, id, null))!;
    });
  }

  async createStation(actor: Actor, unitId: string, input: NewStation): Promise<Station> {
    this.mayManage(actor);
    const row = {
      id: checkId('id', input.id),
      unitId,
      nameEn: cleanName('nameEn', input.nameEn),
      nameHi: cleanHindiName(input.nameHi),
      aliases: cleanAliases(input.aliases ?? []),
    };
    return this.db.transaction(async (tx) => {
      if (!(await repo.findUnit(tx, unitId, unitFilter(actor)))) throw notFound(`unit ${unitId}`);
      if (!(await repo.insertStation(tx, row))) throw new AppError('conflict', `a station with id ${row.id} exists`);
      const station = (await repo.findStation(tx, row.id, null))!;
      await this.audit.record(tx, { actor, action: 'station.created', targetType: 'station', targetId: station.id, unitId, details: { after: stationFields(station) } });
      return station;
    });
  }

  async updateStation(actor: Actor, id: string, patch: StationPatch): Promise<Station> {
    this.mayManage(actor);
    return this.db.transaction(async (tx) => {
      const before = await repo.findStation(tx, id, unitFilter(actor), true);
      if (!before || !inScope(actor, before.unitId)) throw notFound(`station ${id}`);
      const next = {
        nameEn: patch.nameEn === undefined ? before.nameEn : cleanName('nameEn', patch.nameEn),
        nameHi: patch.nameHi === undefined ? before.nameHi : cleanHindiName(patch.nameHi),
        aliases: patch.aliases === undefined ? before.aliases : cleanAliases(patch.aliases),
        active: patch.active ?? before.active,
      };
      const change = diff(stationFields(before), next);
      if (!change) return before;
      await repo.updateStation(tx, id, next);
      await this.audit.record(tx, { actor, action: 'station.updated', targetType: 'station', targetId: id, unitId: before.unitId, details: change });
      return (await repo.findStation(tx, id, null))!;
    });
  }

  private mayManage(actor: Actor): void {
    if (!can(actor, 'units.manage')) throw forbidden('managing units needs units.manage');
  }
}

function unitFields(u: Unit) {
  return { kind: u.kind, nameEn: u.nameEn, nameHi: u.nameHi, active: u.active, ...(u.parentId ? { parentId: u.parentId } : {}) };
}

function stationFields(s: Station) {
  return { unitId: s.unitId, nameEn: s.nameEn, nameHi: s.nameHi, aliases: s.aliases, active: s.active };
}

/** The fields that change, as { before, after }; null when nothing does. */
function diff<T extends Record<string, unknown>>(before: T, after: Partial<T>): { before: Partial<T>; after: Partial<T> } | null {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return Object.keys(a).length ? { before: b, after: a } : null;
}
