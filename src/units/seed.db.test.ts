import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, testDbKind, type TestDatabase } from '../test-support/db.js';
import { AuditLog } from '../audit/audit-log.js';
import { parseCsv } from './csv.js';
import { DEFAULT_SEED_DIR, readSeed, seedUnits } from './seed.js';

const csv = (file: string) => parseCsv(readFileSync(join(DEFAULT_SEED_DIR, file), 'utf8')).map((r) => r.record);
// A Hindi name has Devanagari letters and nothing Latin.
const DEVANAGARI_NAME = /^[\u0900-\u097F0-9 .()-]+$/;

describe(`seeding units on ${testDbKind}`, () => {
  let t: TestDatabase;
  let audit: AuditLog;
  beforeAll(async () => {
    t = await createTestDatabase();
    audit = new AuditLog(t.db);
  });
  afterAll(async () => {
    await t.drop();
  });

  it('inserts every unit and station of the seed once, audited once', async () => {
    const units = csv('units.csv');
    const stations = csv('stations.csv');
    const first = await seedUnits(t.db, audit);
    expect(first).toEqual({ units: units.length, stations: stations.length });
    const second = await seedUnits(t.db, audit);
    expect(second).toEqual({ units: 0, stations: 0 });
    const seeded = await audit.list({ scope: null, action: 'units.seeded' });
    expect(seeded.entries).toHaveLength(1);
    expect(seeded.entries[0]).toMatchObject({ actorId: null, actorLabel: 'seed', details: { units: units.length, stations: stations.length } });
    expect(await audit.verify()).toMatchObject({ ok: true });
  });

  it('has the Delhi table: 24 units and 210 stations, every one with a Hindi name in Devanagari', async () => {
    const units = await t.db.query<{ id: string; name_hi: string; kind: string }>('SELECT id, name_hi, kind FROM units');
    const stations = await t.db.query<{ id: string; unit_id: string; name_hi: string; aliases: string[] }>('SELECT id, unit_id, name_hi, aliases FROM stations');
    expect(units).toHaveLength(24);
    expect(stations).toHaveLength(210);
    for (const u of units) expect(u.name_hi, u.id).toMatch(DEVANAGARI_NAME);
    for (const s of stations) {
      expect(s.name_hi, s.id).toMatch(DEVANAGARI_NAME);
      expect(s.name_hi, s.id).toBe(s.name_hi.normalize('NFC'));
      expect(s.id.startsWith(s.unit_id), s.id).toBe(true);
      expect(s.id).toMatch(/^\d{7}$/);
    }
    expect(units.filter((u) => u.kind === 'district')).toHaveLength(16);
    expect(units.filter((u) => u.kind === 'special')).toHaveLength(8);
  });

  it('matches the CSV rows, aliases included, and fixes the source misspellings', async () => {
    const rows = await t.db.query<{ id: string; name_en: string; name_hi: string; aliases: string[] }>('SELECT id, name_en, name_hi, aliases FROM stations ORDER BY id');
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const r of csv('stations.csv')) {
      const got = byId.get(r.id!)!;
      expect(got.name_en).toBe(r.name_en);
      expect(got.name_hi).toBe(r.name_hi);
      expect(got.aliases).toEqual(r.aliases ? r.aliases.split('|') : []);
    }
    expect(byId.get('8165007')).toMatchObject({ name_en: 'Chanakya Puri' });
    expect(byId.get('8165007')!.aliases).toContain('Chankya Puri');
    expect(byId.get('8171068')).toMatchObject({ name_en: 'Sarojini Nagar' });
    expect(byId.get('8991003')).toMatchObject({ name_en: 'Bhalswa Dairy' });
    expect(byId.get('8167056')).toMatchObject({ name_en: 'Saket', name_hi: 'साकेत' });
    expect(byId.get('8167017')!.aliases).toContain('हौज खास');
    const [ne] = await t.db.query<{ name_en: string; name_hi: string }>("SELECT name_en, name_hi FROM units WHERE id = '8173'");
    expect(ne).toEqual({ name_en: 'North-East', name_hi: 'उत्तर-पूर्वी जिला' });
  });

  it('never overwrites an administrator edit, and adds rows that are missing', async () => {
    await t.db.execute("UPDATE stations SET name_en = 'Saket (edited)', active = false WHERE id = '8167056'");
    await t.db.execute("UPDATE units SET name_hi = 'दक्षिण जिला' WHERE id = '8167'");
    await t.db.execute("DELETE FROM stations WHERE id = '8167057'");
    const again = await seedUnits(t.db, audit);
    expect(again).toEqual({ units: 0, stations: 1 });
    const [saket] = await t.db.query<{ name_en: string; active: boolean }>("SELECT name_en, active FROM stations WHERE id = '8167056'");
    expect(saket).toEqual({ name_en: 'Saket (edited)', active: false });
    const [south] = await t.db.query<{ name_hi: string }>("SELECT name_hi FROM units WHERE id = '8167'");
    expect(south!.name_hi).toBe('दक्षिण जिला');
    expect((await audit.list({ scope: null, action: 'units.seeded' })).entries[0]!.details).toEqual({ units: 0, stations: 1 });
  });

  it('refuses a seed with a bad row, naming the file and line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chhavi-seed-'));
    writeFileSync(join(dir, 'units.csv'), 'id,kind,name_en,name_hi,parent_id\nX1,district,Xland,एक्स,\nX2,district,Yland,Yland,\n');
    writeFileSync(join(dir, 'stations.csv'), 'id,unit_id,name_en,name_hi,aliases\n');
    expect(() => readSeed(dir)).toThrow(/units\.csv line 3: name_hi must be written in Devanagari/);
    writeFileSync(join(dir, 'units.csv'), 'id,kind,name_en,name_hi,parent_id\nX1,district,"Xland, North",एक्स,\n');
    writeFileSync(join(dir, 'stations.csv'), 'id,unit_id,name_en,name_hi,aliases\nS1,X9,"The ""S""",एस,a|b| a \n');
    const seed = readSeed(dir);
    expect(seed.units[0]!.nameEn).toBe('Xland, North');
    expect(seed.stations[0]).toMatchObject({ nameEn: 'The "S"', aliases: ['a', 'b'] });
  });

  it('refuses a station of an unknown unit without inserting anything', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chhavi-seed-'));
    writeFileSync(join(dir, 'units.csv'), 'id,kind,name_en,name_hi,parent_id\nZ1,other,Zed,ज़ेड,\n');
    writeFileSync(join(dir, 'stations.csv'), 'id,unit_id,name_en,name_hi,aliases\nZS1,Z9,Zed Station,ज़ेड थाना,\n');
    await expect(seedUnits(t.db, audit, dir)).rejects.toThrow(/unknown unit Z9/);
    expect(await t.db.query("SELECT id FROM units WHERE id = 'Z1'")).toEqual([]);
  });
});
