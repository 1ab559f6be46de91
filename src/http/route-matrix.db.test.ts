import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../auth/roles.js';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { makeUser, signIn } from '../test-support/factories.js';

/**
 * Who may call each route, written here independently of the permission table, from the roles of
 * DESIGN.md §1. A route registered by the server but missing here fails the test, so every new
 * route states its expected roles. `unit` marks routes about one unit (`:id` is a unit, or a
 * station of a unit), checked in and out of the caller's scope.
 */
const EVERYONE: readonly Role[] = ROLES;
// Publishing: who writes posts and who may stand in an approval chain.
const WRITERS: readonly Role[] = ['admin', 'sb_supervisor', 'district_officer', 'agency_editor'];
const APPROVERS: readonly Role[] = ['admin', 'sb_supervisor', 'leadership', 'district_officer'];
// Publishing delivery: who sees the calendar, and who stops a crisis.
const CALENDAR: readonly Role[] = ['admin', 'sb_supervisor', 'leadership', 'district_officer', 'agency_editor'];
const PAUSERS: readonly Role[] = ['admin', 'sb_supervisor'];
const EXPECTED: Record<string, { roles: readonly Role[] | 'public'; unit?: 'unit' | 'station' }> = {
  'POST /api/v1/auth/login': { roles: 'public' },
  'POST /api/v1/auth/logout': { roles: EVERYONE },
  'POST /api/v1/auth/totp/verify': { roles: EVERYONE },
  'GET /api/v1/auth/me': { roles: EVERYONE },
  'PATCH /api/v1/auth/me': { roles: EVERYONE },
  'POST /api/v1/auth/password': { roles: EVERYONE },
  'POST /api/v1/auth/totp/setup': { roles: EVERYONE },
  'POST /api/v1/auth/totp/enable': { roles: EVERYONE },
  'POST /api/v1/auth/totp/disable': { roles: EVERYONE },
  'GET /api/v1/auth/tokens': { roles: EVERYONE },
  'POST /api/v1/auth/tokens': { roles: EVERYONE },
  'DELETE /api/v1/auth/tokens/:id': { roles: EVERYONE },
  'GET /api/v1/users': { roles: ['admin'] },
  'POST /api/v1/users': { roles: ['admin'] },
  'GET /api/v1/users/:id': { roles: ['admin'] },
  'PATCH /api/v1/users/:id': { roles: ['admin'] },
  'POST /api/v1/users/:id/reset-password': { roles: ['admin'] },
  'POST /api/v1/users/:id/unlock': { roles: ['admin'] },
  'GET /api/v1/units': { roles: EVERYONE },
  'POST /api/v1/units': { roles: ['admin'] },
  'GET /api/v1/units/:id': { roles: EVERYONE, unit: 'unit' },
  'PATCH /api/v1/units/:id': { roles: ['admin'], unit: 'unit' },
  'POST /api/v1/units/:id/stations': { roles: ['admin'], unit: 'unit' },
  'PATCH /api/v1/stations/:id': { roles: ['admin'], unit: 'station' },
  'GET /api/v1/audit': { roles: ['admin', 'sb_supervisor'] },
  'GET /api/v1/audit/verify': { roles: ['admin', 'sb_supervisor'] },
  'POST /api/v1/audit/verifications': { roles: ['admin', 'sb_supervisor'] },
  'GET /api/v1/audit/verifications': { roles: ['admin', 'sb_supervisor'] },
  'GET /api/v1/audit/verifications/:id': { roles: ['admin', 'sb_supervisor'] },
  'GET /api/v1/accounts': { roles: EVERYONE },
  'GET /api/v1/accounts/:id': { roles: EVERYONE },
  'POST /api/v1/accounts': { roles: ['admin'] },
  'PATCH /api/v1/accounts/:id': { roles: ['admin'] },
  'GET /api/v1/posts': { roles: EVERYONE },
  'POST /api/v1/posts/check': { roles: WRITERS },
  'GET /api/v1/posts/:id': { roles: EVERYONE },
  'POST /api/v1/posts': { roles: WRITERS },
  'PATCH /api/v1/posts/:id': { roles: WRITERS },
  'POST /api/v1/posts/:id/submit': { roles: WRITERS },
  'POST /api/v1/posts/:id/cancel': { roles: WRITERS },
  'POST /api/v1/posts/:id/approve': { roles: APPROVERS },
  'POST /api/v1/posts/:id/reject': { roles: APPROVERS },
  'POST /api/v1/posts/:id/request-changes': { roles: APPROVERS },
  'GET /api/v1/approvals/inbox': { roles: APPROVERS },
  'POST /api/v1/media': { roles: WRITERS },
  'GET /api/v1/media': { roles: EVERYONE },
  'GET /api/v1/media/:sha256': { roles: EVERYONE },
  'GET /api/v1/media/:sha256/file': { roles: EVERYONE },
  'PATCH /api/v1/media/:sha256': { roles: WRITERS },
  'GET /api/v1/templates': { roles: EVERYONE },
  'GET /api/v1/templates/:id': { roles: EVERYONE },
  'POST /api/v1/templates': { roles: ['admin', 'sb_supervisor'] },
  'PATCH /api/v1/templates/:id': { roles: ['admin', 'sb_supervisor'] },
  'POST /api/v1/templates/:id/posts': { roles: WRITERS },
  // Monitoring (docs/monitoring.md): the cell and district desks read; the cell manages watches;
  // leadership sees counts only; the agency never sees monitoring data.
  'GET /api/v1/monitoring/watches': { roles: ['sb_supervisor', 'analyst', 'district_officer'] },
  'POST /api/v1/monitoring/watches': { roles: ['sb_supervisor', 'analyst'] },
  'GET /api/v1/monitoring/watches/:id': { roles: ['sb_supervisor', 'analyst', 'district_officer'] },
  'PATCH /api/v1/monitoring/watches/:id': { roles: ['sb_supervisor', 'analyst'] },
  'POST /api/v1/monitoring/watches/:id/expire': { roles: ['sb_supervisor', 'analyst'] },
  'POST /api/v1/monitoring/watches/test': { roles: ['sb_supervisor', 'analyst'] },
  'GET /api/v1/monitoring/mentions': { roles: ['sb_supervisor', 'analyst', 'district_officer'] },
  'GET /api/v1/monitoring/mentions/updates': { roles: ['sb_supervisor', 'analyst', 'district_officer'] },
  'GET /api/v1/monitoring/mentions/:id': { roles: ['sb_supervisor', 'analyst', 'district_officer'] },
  'GET /api/v1/monitoring/mentions/:id/labels': { roles: ['sb_supervisor', 'analyst', 'district_officer'] },
  // Analysts' labels: the cell confirms or corrects the model; district desks see the judgements.
  'POST /api/v1/monitoring/mentions/:id/labels': { roles: ['sb_supervisor', 'analyst'] },
  'GET /api/v1/monitoring/sources': { roles: ['admin', 'sb_supervisor', 'analyst'] },
  'POST /api/v1/monitoring/sources': { roles: ['admin', 'sb_supervisor'] },
  'PATCH /api/v1/monitoring/sources/:id': { roles: ['admin', 'sb_supervisor'] },
  'POST /api/v1/monitoring/imports': { roles: ['admin', 'sb_supervisor'] },
  'GET /api/v1/monitoring/summary': { roles: ['sb_supervisor', 'leadership', 'analyst', 'district_officer'] },
  'GET /api/v1/monitoring/units/:id/privacy': { roles: ['admin', 'sb_supervisor'], unit: 'unit' },
  'PUT /api/v1/monitoring/units/:id/privacy': { roles: ['admin', 'sb_supervisor'], unit: 'unit' },
  'POST /api/v1/monitoring/webhooks/:id': { roles: 'public' },
  'GET /api/v1/nlp/models': { roles: ['admin', 'sb_supervisor', 'analyst'] },
  'POST /api/v1/nlp/models/:version/activate': { roles: ['admin'] },
  'GET /api/v1/openapi.json': { roles: 'public' },
  'GET /healthz': { roles: 'public' },
  'GET /readyz': { roles: 'public' },
  'GET /metrics': { roles: 'public' },
  'POST /sandbox/v1/posts': { roles: 'public' },
  'GET /sandbox/v1/posts/by-key/:key': { roles: 'public' },
  'GET /sandbox/v1/posts/:id': { roles: 'public' },
  'DELETE /sandbox/v1/posts/:id': { roles: 'public' },
  'GET /sandbox/v1/posts/:id/metrics': { roles: 'public' },
  'GET /sandbox/v1/posts/:id/comments': { roles: 'public' },
  'POST /sandbox/v1/posts/:id/comments': { roles: 'public' },
  'POST /sandbox/v1/posts/:id/likes': { roles: 'public' },
  'POST /sandbox/v1/posts/:id/engagement': { roles: 'public' },
  'GET /api/v1/calendar': { roles: CALENDAR },
  'GET /api/v1/calendar/export': { roles: CALENDAR },
  'POST /api/v1/posts/import': { roles: WRITERS },
  'POST /api/v1/posts/:id/reschedule': { roles: WRITERS },
  'POST /api/v1/posts/:id/publish-now': { roles: WRITERS },
  'GET /api/v1/posts/:id/publications': { roles: CALENDAR },
  'GET /api/v1/publications/:id': { roles: CALENDAR },
  'POST /api/v1/publications/:id/retry': { roles: WRITERS },
  'POST /api/v1/publications/:id/cancel': { roles: WRITERS },
  'POST /api/v1/publications/:id/publish-now': { roles: WRITERS },
  'POST /api/v1/publications/:id/mark-published': { roles: WRITERS },
  'GET /api/v1/publications/:id/metrics': { roles: CALENDAR },
  'GET /api/v1/publishing/pause': { roles: EVERYONE },
  'POST /api/v1/publishing/pause': { roles: PAUSERS },
  'POST /api/v1/publishing/pause/:id/end': { roles: PAUSERS },
  'GET /api/v1/publishing/notices': { roles: CALENDAR },
  'POST /api/v1/publishing/notices/:id/read': { roles: CALENDAR },
  'GET /sandbox/v1/feed': { roles: 'public' },
  'GET /sandbox/v1/comments': { roles: 'public' },
  'POST /sandbox/v1/faults': { roles: 'public' },
  'DELETE /sandbox/v1/faults': { roles: 'public' },
};

const SCOPED: readonly Role[] = ['analyst', 'district_officer', 'agency_editor'];

describe('route × role × unit scope', () => {
  let t: TestApp;
  let inUnit: string;
  let outUnit: string;
  let inStation: string;
  let outStation: string;
  let someUserId: string;
  const creds: Partial<Record<Role, { username: string; password: string }>> = {};

  beforeAll(async () => {
    t = await createTestApp();
    const units = await t.ctx.db.query<{ id: string }>("SELECT id FROM units WHERE kind = 'district' ORDER BY id LIMIT 2");
    inUnit = units[0]!.id;
    outUnit = units[1]!.id;
    inStation = (await t.ctx.db.query<{ id: string }>('SELECT id FROM stations WHERE unit_id = $1 ORDER BY id LIMIT 1', [inUnit]))[0]!.id;
    outStation = (await t.ctx.db.query<{ id: string }>('SELECT id FROM stations WHERE unit_id = $1 ORDER BY id LIMIT 1', [outUnit]))[0]!.id;
    for (const role of ROLES) {
      const u = await makeUser(t.ctx, SCOPED.includes(role) ? { role, unitIds: [inUnit] } : { role });
      creds[role] = u;
    }
    // The user that /users/:id routes act on: never one of the callers, whose password a reset would change.
    someUserId = (await makeUser(t.ctx, { role: 'analyst', unitIds: [inUnit] })).id;
  });
  afterAll(async () => {
    await t.close();
  });

  function pathFor(url: string, unit: 'in' | 'out', kind?: 'unit' | 'station'): string {
    let id: string = someUserId;
    if (kind === 'unit') id = unit === 'in' ? inUnit : outUnit;
    if (kind === 'station') id = unit === 'in' ? inStation : outStation;
    if (url.startsWith('/api/v1/auth/tokens/')) id = '00000000-0000-4000-8000-000000000000';
    return url.replace(':id', id);
  }

  it('knows every registered route, and every route it knows is registered', () => {
    const registered = t.app.registeredRoutes.map((r) => `${r.method} ${r.url}`).sort();
    expect(registered).toEqual(Object.keys(EXPECTED).sort());
  });

  it('refuses anonymous callers on every non-public route', async () => {
    for (const r of t.app.registeredRoutes) {
      const exp = EXPECTED[`${r.method} ${r.url}`];
      if (!exp || exp.roles === 'public') continue;
      const res = await t.app.inject({ method: r.method as 'GET', url: pathFor(r.url, 'in', exp.unit), payload: r.method === 'GET' ? undefined : {} });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
    }
  });

  for (const role of ROLES) {
    it(`gives ${role} exactly the routes of its role, within its units`, async () => {
      const { username, password } = creds[role]!;
      let session = await signIn(t.app, username, password);
      for (const r of t.app.registeredRoutes) {
        const key = `${r.method} ${r.url}`;
        const exp = EXPECTED[key]!;
        if (exp.roles === 'public') continue;
        const send = (unit: 'in' | 'out') =>
          t.app.inject({ method: r.method as 'GET', url: pathFor(r.url, unit, exp.unit), headers: session.headers(), payload: r.method === 'GET' || r.method === 'DELETE' ? undefined : {} });
        const res = await send('in');
        if (exp.roles.includes(role)) {
          expect([401, 403], `${role} ${key} → ${res.statusCode} ${res.body}`).not.toContain(res.statusCode);
          if (exp.unit && SCOPED.includes(role)) {
            const out = await send('out');
            expect([403, 404], `${role} ${key} out of scope → ${out.statusCode}`).toContain(out.statusCode);
          }
        } else {
          expect(res.statusCode, `${role} ${key} → ${res.body}`).toBe(403);
        }
        // Logging out ends the session: sign in again for the routes after it.
        if ((await t.app.inject({ url: '/api/v1/auth/me', headers: session.headers() })).statusCode === 401) {
          session = await signIn(t.app, username, password);
        }
      }
    }, 300_000);
  }
});
