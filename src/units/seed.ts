import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { AuditLog } from '../audit/audit-log.js';
import type { SystemActor } from '../auth/actor.js';
import type { Database } from '../db/database.js';
import { forceSeedDir } from '../config/force.js';
import { parseCsv } from './csv.js';
import { insertMissingStations, insertMissingUnits } from './unit-repository.js';
import { checkId, checkKind, cleanAliases, cleanHindiName, cleanName } from './unit-rules.js';
import type { UnitKind } from './unit-types.js';

/** The force's seed folder shipped with Chhavi. */
export const DEFAULT_SEED_DIR = forceSeedDir();

const SEEDER: SystemActor = { system: true, label: 'seed' };

export interface SeedRows {
  units: { id: string; kind: UnitKind; nameEn: string; nameHi: string; parentId: string | null }[];
  stations: { id: string; unitId: string; nameEn: string; nameHi: string; aliases: string[] }[];
}

/**
 * Reads and checks `units.csv` (id,kind,name_en,name_hi,parent_id) and `stations.csv`
 * (id,unit_id,name_en,name_hi,aliases with `|` between aliases). Any bad row stops the seed with
 * the file and line.
 */
export function readSeed(dir: string): SeedRows {
  const units = rowsOf(dir, 'units.csv', (r) => ({
    id: checkId('id', r.id ?? ''),
    kind: checkKind(r.kind ?? ''),
    nameEn: cleanName('name_en', r.name_en ?? ''),
    nameHi: cleanHindiName(r.name_hi ?? '', 'name_hi'),
    parentId: r.parent_id ? checkId('parent_id', r.parent_id) : null,
  }));
  const stations = rowsOf(dir, 'stations.csv', (r) => ({
    id: checkId('id', r.id ?? ''),
    unitId: checkId('unit_id', r.unit_id ?? ''),
    nameEn: cleanName('name_en', r.name_en ?? ''),
    nameHi: cleanHindiName(r.name_hi ?? '', 'name_hi'),
    aliases: cleanAliases((r.aliases ?? '').split('|')),
  }));
  duplicates('units.csv', units.map((u) => u.id));
  duplicates('stations.csv', stations.map((s) => s.id));
  return { units, stations };
}

function rowsOf<T>(dir: string, file: string, map: (r: Record<string, string>) => T): T[] {
  const text = readFileSync(join(dir, file), 'utf8');
  return parseCsv(text).map(({ line, record }) => {
    try {
      return map(record);
    } catch (err) {
      throw new Error(`${file} line ${line}: ${(err as Error).message}`, { cause: err });
    }
  });
}

function duplicates(file: string, ids: string[]): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) throw new Error(`${file}: id ${id} appears twice`);
    seen.add(id);
  }
}

/**
 * Inserts the seed's units and stations that are not in the database yet, and nothing else: a
 * unit or station an administrator renamed or deactivated stays as they left it. Safe to run on
 * every start and from several processes at once. Writes one `units.seeded` audit entry with the
 * counts when it inserted anything.
 */
export async function seedUnits(db: Database, audit: AuditLog, dir: string = DEFAULT_SEED_DIR): Promise<{ units: number; stations: number }> {
  const seed = readSeed(dir);
  return db.transaction(async (tx) => {
    const known = new Set((await tx.query<{ id: string }>('SELECT id FROM units')).map((r) => r.id));
    for (const u of seed.units) known.add(u.id);
    for (const u of seed.units) {
      if (u.parentId && !known.has(u.parentId)) throw new Error(`units.csv: unit ${u.id} has unknown parent ${u.parentId}`);
    }
    for (const s of seed.stations) {
      if (!known.has(s.unitId)) throw new Error(`stations.csv: station ${s.id} has unknown unit ${s.unitId}`);
    }
    const units = await insertMissingUnits(tx, seed.units);
    const stations = await insertMissingStations(tx, seed.stations);
    if (units || stations) {
      await audit.record(tx, { actor: SEEDER, action: 'units.seeded', targetType: 'seed', targetId: basename(dir), details: { units, stations } });
    }
    return { units, stations };
  });
}
