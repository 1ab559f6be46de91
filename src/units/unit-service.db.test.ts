import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDbKind, type TestDatabase } from '../test-support/db.js';
import { AuditLog } from '../audit/audit-log.js';
import type { Actor } from '../auth/actor.js';
import { UnitService } from './unit-service.js';

const admin: Actor = { userId: '11111111-1111-4111-8111-111111111111', username: 'admin', displayName: 'Admin', role: 'admin', units: 'all', via: 'session' };
const officerA: Actor = { userId: '22222222-2222-4222-8222-222222222222', username: 'do-a', displayName: 'DO A', role: 'district_officer', units: ['UA'], via: 'session' };
const unscoped: Actor = { ...officerA, username: 'nobody', units: [] };
const readOnlyToken: Actor = { ...admin, via: 'token', tokenScopes: ['units.read'] };

const code = (p: Promise<unknown>) => p.then(() => 'ok', (err: { code?: string; message?: string }) => err.code ?? `error: ${err.message}`);

describe(`unit service on ${testDbKind}`, () => {
  let t: TestDatabase;
  let audit: AuditLog;
  let units: UnitService;

  beforeAll(async () => {
    t = await createTestDatabase();
    audit = new AuditLog(t.db);
    units = new UnitService(t.db, audit);
    await units.createUnit(admin, { id: 'UA', kind: 'district', nameEn: 'Unit A', nameHi: 'इकाई ए' });
    await units.createUnit(admin, { id: 'UB', kind: 'district', nameEn: 'Unit B', nameHi: 'इकाई बी' });
    await units.createStation(admin, 'UA', { id: 'SA1', nameEn: 'Alpha', nameHi: 'अल्फ़ा', aliases: ['Alfa', ' alfa ', 'अल्फा'] });
    await units.createStation(admin, 'UB', { id: 'SB1', nameEn: 'Bravo', nameHi: 'ब्रावो' });
  });
  afterAll(async () => {
    await t.drop();
  });

  it('lists only the units in the actor scope', async () => {
    expect((await units.list(admin)).map((u) => u.id).sort()).toEqual(['UA', 'UB']);
    expect((await units.list(officerA)).map((u) => u.id)).toEqual(['UA']);
    expect(await units.list(unscoped)).toEqual([]);
    const [a] = await units.list(officerA);
    expect(a).toEqual({ id: 'UA', kind: 'district', nameEn: 'Unit A', nameHi: 'इकाई ए', parentId: null, active: true, stationCount: 1 });
  });

  it('gets a unit with its stations, and answers not found outside the scope', async () => {
    const got = await units.get(officerA, 'UA');
    expect(got.stations).toEqual([{ id: 'SA1', unitId: 'UA', nameEn: 'Alpha', nameHi: 'अल्फ़ा', aliases: ['Alfa', 'अल्फा'], active: true }]);
    expect(await code(units.get(officerA, 'UB'))).toBe('not_found');
    expect(await code(units.get(admin, 'NOPE'))).toBe('not_found');
    expect((await units.listStations(officerA)).map((s) => s.id)).toEqual(['SA1']);
    expect(await code(units.getStation(officerA, 'SB1'))).toBe('not_found');
  });

  it('audits a created unit with its content', async () => {
    await units.createUnit(admin, { id: 'UC', kind: 'special', nameEn: '  Cyber   Cell ', nameHi: 'साइबर सेल', parentId: 'UA' });
    const { entries } = await audit.list({ scope: null, action: 'unit.created', targetId: 'UC' });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorId: admin.userId, actorLabel: 'admin', targetType: 'unit', unitId: 'UC', details: { after: { kind: 'special', nameEn: 'Cyber Cell', nameHi: 'साइबर सेल', active: true, parentId: 'UA' } } });
  });

  it('updates a unit and audits only what changed, before and after', async () => {
    const unit = await units.updateUnit(admin, 'UB', { nameEn: 'Unit Bravo', active: false, kind: 'district' });
    expect(unit).toMatchObject({ id: 'UB', nameEn: 'Unit Bravo', active: false, kind: 'district' });
    const { entries } = await audit.list({ scope: null, action: 'unit.updated', targetId: 'UB' });
    expect(entries).toHaveLength(1);
    expect(entries[0]!.details).toEqual({ before: { nameEn: 'Unit B', active: true }, after: { nameEn: 'Unit Bravo', active: false } });
    await units.updateUnit(admin, 'UB', { nameEn: 'Unit Bravo' });
    expect((await audit.list({ scope: null, action: 'unit.updated', targetId: 'UB' })).entries).toHaveLength(1);
  });

  it('creates and updates stations with audit rows', async () => {
    const s = await units.createStation(admin, 'UA', { id: 'SA2', nameEn: 'Charlie', nameHi: 'चार्ली' });
    expect(s).toEqual({ id: 'SA2', unitId: 'UA', nameEn: 'Charlie', nameHi: 'चार्ली', aliases: [], active: true });
    const updated = await units.updateStation(admin, 'SA2', { aliases: ['Charly'], active: false });
    expect(updated).toMatchObject({ aliases: ['Charly'], active: false, nameEn: 'Charlie' });
    const created = await audit.list({ scope: null, action: 'station.created', targetId: 'SA2' });
    expect(created.entries[0]).toMatchObject({ unitId: 'UA', targetType: 'station' });
    const changed = await audit.list({ scope: null, action: 'station.updated', targetId: 'SA2' });
    expect(changed.entries[0]!.details).toEqual({ before: { aliases: [], active: true }, after: { aliases: ['Charly'], active: false } });
    expect(await audit.verify()).toMatchObject({ ok: true });
  });

  it('validates ids, kinds and Hindi names, and refuses duplicates', async () => {
    expect(await code(units.createUnit(admin, { id: 'bad id!', kind: 'district', nameEn: 'X', nameHi: 'एक्स' }))).toBe('validation_failed');
    expect(await code(units.createUnit(admin, { id: 'X'.repeat(33), kind: 'district', nameEn: 'X', nameHi: 'एक्स' }))).toBe('validation_failed');
    expect(await code(units.createUnit(admin, { id: 'UX', kind: 'zone' as 'district', nameEn: 'X', nameHi: 'एक्स' }))).toBe('validation_failed');
    expect(await code(units.createUnit(admin, { id: 'UX', kind: 'district', nameEn: 'X', nameHi: '   ' }))).toBe('validation_failed');
    expect(await code(units.createUnit(admin, { id: 'UX', kind: 'district', nameEn: 'X', nameHi: 'Ex' }))).toBe('validation_failed');
    expect(await code(units.createUnit(admin, { id: 'UX', kind: 'district', nameEn: 'X', nameHi: 'एक्स', parentId: 'NOPE' }))).toBe('validation_failed');
    expect(await code(units.createUnit(admin, { id: 'UA', kind: 'district', nameEn: 'X', nameHi: 'एक्स' }))).toBe('conflict');
    expect(await code(units.createStation(admin, 'UB', { id: 'SA1', nameEn: 'X', nameHi: 'एक्स' }))).toBe('conflict');
    expect(await code(units.createStation(admin, 'NOPE', { id: 'SX', nameEn: 'X', nameHi: 'एक्स' }))).toBe('not_found');
    expect(await code(units.updateUnit(admin, 'UA', { nameHi: 'Latin only' }))).toBe('validation_failed');
    expect(await code(units.updateStation(admin, 'NOPE', { active: false }))).toBe('not_found');
    expect((await audit.list({ scope: null, targetId: 'UX' })).entries).toEqual([]);
  });

  it('refuses changes from actors without units.manage', async () => {
    expect(await code(units.createUnit(officerA, { id: 'UY', kind: 'district', nameEn: 'Y', nameHi: 'वाई' }))).toBe('forbidden');
    expect(await code(units.updateUnit(officerA, 'UA', { nameEn: 'Mine' }))).toBe('forbidden');
    expect(await code(units.updateStation(readOnlyToken, 'SA1', { active: false }))).toBe('forbidden');
    expect((await units.get(admin, 'UA')).unit.nameEn).toBe('Unit A');
  });
});
