import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDbKind, type TestDatabase } from '../../test-support/db.js';
import { buildServer, type App } from '../../http/server.js';
import { HttpMetrics } from '../../http/metrics.js';
import { silentLogger } from '../../log/logger.js';
import type { RequestAuthenticator } from '../../http/request-auth.js';
import type { Actor } from '../../auth/actor.js';
import type { AppContext } from '../../app/context.js';
import { AuditLog } from '../audit-log.js';
import { registerAuditRoutes } from './index.js';

const ADMIN_ID = '11111111-1111-4111-8111-111111111111';
const actors: Record<string, Actor> = {
  admin: { userId: ADMIN_ID, username: 'admin', displayName: 'Admin', role: 'admin', units: 'all', via: 'session' },
  sb: { userId: '33333333-3333-4333-8333-333333333333', username: 'sb', displayName: 'SB', role: 'sb_supervisor', units: 'all', via: 'session' },
  officer: { userId: '22222222-2222-4222-8222-222222222222', username: 'do', displayName: 'DO', role: 'district_officer', units: ['A'], via: 'session' },
};

const authenticator: RequestAuthenticator = {
  async authenticate(req) {
    const who = req.headers['x-test-actor'];
    const actor = typeof who === 'string' ? actors[who] : undefined;
    return actor ? { actor, session: { id: 's', csrfToken: 't', secondFactorPending: false } } : null;
  },
};

describe(`audit routes on ${testDbKind}`, () => {
  let t: TestDatabase;
  let app: App;
  let audit: AuditLog;

  beforeAll(async () => {
    t = await createTestDatabase();
    audit = new AuditLog(t.db);
    for (let i = 1; i <= 5; i++) {
      await audit.record(t.db, { actor: actors.admin!, action: i % 2 ? 'unit.updated' : 'user.created', targetType: 'unit', targetId: `U${i}`, unitId: 'A', details: { i } });
    }
    const ctx = { db: t.db, audit } as Partial<AppContext> as AppContext;
    app = await buildServer({
      logger: silentLogger, authenticator, metrics: new HttpMetrics(), secureCookies: false, version: 'test', ready: async () => undefined,
      routes: (api) => registerAuditRoutes(api, ctx),
    });
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  const get = (who: string, url: string) => app.inject({ url: `/api/v1${url}`, headers: { 'x-test-actor': who } });

  it('lists entries newest first with filters and a cursor', async () => {
    const page = await get('sb', '/audit?limit=2');
    expect(page.statusCode).toBe(200);
    const body = page.json<{ entries: { id: number; action: string; details: unknown }[]; nextBefore: number | null }>();
    expect(body.entries.map((e) => e.id)).toEqual([5, 4]);
    expect(body.entries[0]).toMatchObject({ actorId: ADMIN_ID, actorLabel: 'admin', action: 'unit.updated', targetType: 'unit', targetId: 'U5', unitId: 'A', details: { i: 5 } });
    expect(body.nextBefore).toBe(4);
    const next = (await get('sb', `/audit?limit=2&before=${body.nextBefore}`)).json<{ entries: { id: number }[] }>();
    expect(next.entries.map((e) => e.id)).toEqual([3, 2]);
    const filtered = (await get('admin', `/audit?action=user.created&actorId=${ADMIN_ID}`)).json<{ entries: { id: number }[] }>();
    expect(filtered.entries.map((e) => e.id)).toEqual([4, 2]);
    const future = (await get('admin', `/audit?from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).json<{ entries: unknown[] }>();
    expect(future.entries).toEqual([]);
  });

  it('refuses bad filters', async () => {
    expect((await get('admin', '/audit?actorId=not-a-uuid')).statusCode).toBe(400);
    expect((await get('admin', '/audit?limit=501')).statusCode).toBe(400);
    expect((await get('admin', '/audit?from=yesterday')).statusCode).toBe(400);
    expect((await get('admin', '/audit?sort=asc')).statusCode).toBe(400);
  });

  it('verifies the chain, and reports tampering', async () => {
    expect((await get('admin', '/audit/verify')).json()).toEqual({ ok: true, count: 5 });
    await t.db.transaction(async (tx) => {
      await tx.execute('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
      await tx.execute("UPDATE audit_log SET target_id = 'U9' WHERE id = 3");
      await tx.execute('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    });
    const broken = (await get('sb', '/audit/verify')).json<{ ok: boolean; brokenAt: number; reason: string }>();
    expect(broken).toMatchObject({ ok: false, brokenAt: 3, count: 2 });
    expect(broken.reason.length).toBeGreaterThan(10);
  });

  it('is closed to scoped roles and to anonymous callers', async () => {
    expect((await get('officer', '/audit')).statusCode).toBe(403);
    expect((await get('officer', '/audit/verify')).statusCode).toBe(403);
    expect((await get('nobody', '/audit')).statusCode).toBe(401);
  });
});
