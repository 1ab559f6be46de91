import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDbKind, type TestDatabase } from '../../test-support/db.js';
import { buildServer, type App } from '../../http/server.js';
import { HttpMetrics } from '../../http/metrics.js';
import { silentLogger } from '../../log/logger.js';
import type { RequestAuthenticator } from '../../http/request-auth.js';
import type { Actor } from '../../auth/actor.js';
import type { AppContext } from '../../app/context.js';
import { AuditLog } from '../../audit/audit-log.js';
import { UnitService } from '../unit-service.js';
import { seedUnits } from '../seed.js';
import { registerUnitRoutes } from './index.js';

// South (8167) is in the officer's scope, East (8168) is not.
const actors: Record<string, Actor> = {
  admin: { userId: '11111111-1111-4111-8111-111111111111', username: 'admin', displayName: 'Admin', role: 'admin', units: 'all', via: 'session' },
  officer: { userId: '22222222-2222-4222-8222-222222222222', username: 'do-south', displayName: 'DO South', role: 'district_officer', units: ['8167'], via: 'session' },
};

// Test double for sign-in: the caller names an actor in a header; sessions carry CSRF token "t".
const authenticator: RequestAuthenticator = {
  async authenticate(req) {
    const who = req.headers['x-test-actor'];
    const actor = typeof who === 'string' ? actors[who] : undefined;
    return actor ? { actor, session: { id: 's', csrfToken: 't', secondFactorPending: false } } : null;
  },
};

describe(`unit routes on ${testDbKind}`, () => {
  let t: TestDatabase;
  let app: App;
  let audit: AuditLog;

  beforeAll(async () => {
    t = await createTestDatabase();
    audit = new AuditLog(t.db);
    await seedUnits(t.db, audit);
    const ctx = { db: t.db, audit, units: new UnitService(t.db, audit) } as Partial<AppContext> as AppContext;
    app = await buildServer({
      logger: silentLogger, authenticator, metrics: new HttpMetrics(), secureCookies: false, version: 'test', ready: async () => undefined,
      routes: (api) => registerUnitRoutes(api, ctx),
    });
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  const get = (who: string, url: string) => app.inject({ url: `/api/v1${url}`, headers: { 'x-test-actor': who } });
  const send = (who: string, method: 'POST' | 'PATCH', url: string, body: unknown) =>
    app.inject({ method, url: `/api/v1${url}`, payload: body as object, headers: { 'x-test-actor': who, 'x-csrf-token': 't' } });

  it('lists every unit for the admin and only its own for a district officer', async () => {
    const all = (await get('admin', '/units')).json<{ units: { id: string }[] }>();
    expect(all.units).toHaveLength(24);
    const mine = await get('officer', '/units');
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toEqual({ units: [{ id: '8167', kind: 'district', nameEn: 'South', nameHi: 'दक्षिणी जिला', parentId: null, active: true, stationCount: 15 }] });
  });

  it('shows a unit in scope with its stations and answers 404 outside it', async () => {
    const south = await get('officer', '/units/8167');
    expect(south.statusCode).toBe(200);
    const body = south.json<{ unit: { id: string }; stations: { id: string; nameHi: string }[] }>();
    expect(body.unit.id).toBe('8167');
    expect(body.stations).toHaveLength(15);
    expect(body.stations.find((s) => s.id === '8167056')?.nameHi).toBe('साकेत');
    const east = await get('officer', '/units/8168');
    expect(east.statusCode).toBe(404);
    expect(east.json<{ error: { code: string } }>().error.code).toBe('not_found');
    expect((await get('officer', '/units/bad%20id')).statusCode).toBe(400);
  });

  it('lets the admin create and update units and stations, each audited', async () => {
    const created = await send('admin', 'POST', '/units', { id: 'CYB', kind: 'special', nameEn: 'Cyber Cell', nameHi: 'साइबर सेल' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({ unit: { id: 'CYB', kind: 'special', nameEn: 'Cyber Cell', nameHi: 'साइबर सेल', parentId: null, active: true, stationCount: 0 } });
    const renamed = await send('admin', 'PATCH', '/units/CYB', { nameEn: 'IFSO', active: false });
    expect(renamed.json<{ unit: { nameEn: string; active: boolean } }>().unit).toMatchObject({ nameEn: 'IFSO', active: false });
    const station = await send('admin', 'POST', '/units/CYB/stations', { id: 'CYB001', nameEn: 'Cyber PS', nameHi: 'साइबर थाना', aliases: ['Cyber Police Station'] });
    expect(station.statusCode).toBe(201);
    expect(station.json<{ station: { unitId: string; aliases: string[] } }>().station).toMatchObject({ unitId: 'CYB', aliases: ['Cyber Police Station'] });
    const changed = await send('admin', 'PATCH', '/stations/CYB001', { aliases: [] });
    expect(changed.json<{ station: { aliases: string[] } }>().station.aliases).toEqual([]);
    const actions = (await audit.list({ scope: null, limit: 4 })).entries.map((e) => `${e.action} ${e.targetId} ${e.actorLabel}`);
    expect(actions).toEqual(['station.updated CYB001 admin', 'station.created CYB001 admin', 'unit.updated CYB admin', 'unit.created CYB admin']);
  });

  it('refuses bad bodies and duplicates with clear errors', async () => {
    expect((await send('admin', 'POST', '/units', { id: '8167', kind: 'district', nameEn: 'South', nameHi: 'दक्षिण' })).statusCode).toBe(409);
    const noHindi = await send('admin', 'POST', '/units', { id: 'NEW', kind: 'district', nameEn: 'New', nameHi: 'New' });
    expect(noHindi.statusCode).toBe(400);
    expect(noHindi.json<{ error: { message: string } }>().error.message).toMatch(/Devanagari/);
    expect((await send('admin', 'POST', '/units', { id: 'NEW', kind: 'zone', nameEn: 'New', nameHi: 'नया' })).statusCode).toBe(400);
    expect((await send('admin', 'PATCH', '/units/8167', { nameEn: 'X', admin: true })).statusCode).toBe(400);
    expect((await send('admin', 'PATCH', '/stations/NOPE', { active: false })).statusCode).toBe(404);
  });

  it('refuses writes to a district officer, even in its own unit', async () => {
    expect((await send('officer', 'PATCH', '/units/8167', { nameEn: 'Mine' })).statusCode).toBe(403);
    expect((await send('officer', 'POST', '/units/8167/stations', { id: 'X1', nameEn: 'X', nameHi: 'एक्स' })).statusCode).toBe(403);
    expect((await send('officer', 'PATCH', '/stations/8167056', { active: false })).statusCode).toBe(403);
    expect((await get('admin', '/units/8167')).json<{ unit: { nameEn: string } }>().unit.nameEn).toBe('South');
  });
});
