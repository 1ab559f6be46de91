import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { makeUnit, makeUser, signIn, type SignedIn } from '../test-support/factories.js';
import { testDbKind } from '../test-support/db.js';

describe(`user administration on ${testDbKind}`, () => {
  let t: TestApp;
  let admin: { id: string; username: string; password: string };
  let s: SignedIn;
  let unitA: string;
  let unitB: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await makeUser(t.ctx, { role: 'admin' });
    s = await signIn(t.app, admin.username, admin.password);
    unitA = (await makeUnit(t.ctx)).id;
    unitB = (await makeUnit(t.ctx)).id;
  });
  afterAll(async () => {
    await t.close();
  });

  const api = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, headers = s.headers()) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
  const audit = async (action: string, targetId: string) => (await t.ctx.audit.list({ action, targetId, scope: null })).entries;

  it('is for admins only', async () => {
    const analyst = await makeUser(t.ctx, { role: 'analyst', allUnits: true });
    const a = await signIn(t.app, analyst.username, analyst.password);
    expect((await api('GET', '/users', undefined, a.headers())).statusCode).toBe(403);
    expect((await api('POST', '/users', { username: 'x1', displayName: 'x', role: 'leadership' }, a.headers())).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/users' })).statusCode).toBe(401);
  });

  it('creates a user with a generated password that must be changed', async () => {
    const res = await api('POST', '/users', { username: 'Priya.Sharma', displayName: 'Priya Sharma', role: 'district_officer', unitIds: [unitA] });
    expect(res.statusCode).toBe(201);
    const { user, initialPassword } = res.json();
    expect(user).toMatchObject({ username: 'Priya.Sharma', role: 'district_officer', allUnits: false, unitIds: [unitA], disabled: false, locked: false, totpEnabled: false });
    expect(typeof initialPassword).toBe('string');
    const created = await audit('user.created', user.id);
    expect(created[0]!.details).toMatchObject({ role: 'district_officer', unitIds: [unitA], passwordGenerated: true });
    expect(JSON.stringify(created[0]!.details)).not.toContain(initialPassword);

    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'priya.sharma', password: initialPassword } });
    expect(login.statusCode).toBe(200);
    expect(login.json().user).toMatchObject({ mustChangePassword: true, units: [{ id: unitA }] });

    // Usernames are unique without regard to case.
    const dup = await api('POST', '/users', { username: 'PRIYA.SHARMA', displayName: 'Other', role: 'leadership' });
    expect(dup.statusCode).toBe(409);
    // A chosen password follows the policy and is not echoed back.
    expect((await api('POST', '/users', { username: 'weak1', displayName: 'W', role: 'leadership', password: 'short' })).statusCode).toBe(400);
    const chosen = await api('POST', '/users', { username: 'chosen1', displayName: 'C', role: 'leadership', password: 'a long chosen password' });
    expect(chosen.statusCode).toBe(201);
    expect(chosen.json().initialPassword).toBeUndefined();
  });

  it.each([
    ['a scoped role without units', { role: 'district_officer' }, /needs at least one unit/],
    ['an agency editor with all units', { role: 'agency_editor', allUnits: true }, /must be given its units/],
    ['a district officer with all units', { role: 'district_officer', allUnits: true }, /must be given its units/],
    ['a force-wide role with units', { role: 'sb_supervisor', unitIds: ['X'] }, /takes no units/],
    ['both units and all units', { role: 'analyst', allUnits: true, unitIds: ['X'] }, /not both/],
    ['an unknown unit', { role: 'agency_editor', unitIds: ['no-such-unit'] }, /unknown unit no-such-unit/],
    ['a bad username', { role: 'leadership', username: 'has space' }, /username/],
  ])('refuses %s', async (_name, body, message) => {
    const res = await api('POST', '/users', { username: `u-${Math.random().toString(36).slice(2, 8)}`, displayName: 'Someone', ...body });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    expect(res.json().error.message).toMatch(message);
  });

  it('lets the monitoring cell see all units', async () => {
    const res = await api('POST', '/users', { username: 'cell-1', displayName: 'Cell', role: 'analyst', allUnits: true });
    expect(res.statusCode).toBe(201);
    expect(res.json().user).toMatchObject({ allUnits: true, unitIds: [] });
  });

  it('audits a view of one user, and changes of role and units with before and after', async () => {
    const u = await makeUser(t.ctx, { role: 'agency_editor', unitIds: [unitA] });
    const view = await api('GET', `/users/${u.id}`);
    expect(view.statusCode).toBe(200);
    expect(view.json().user.unitIds).toEqual([unitA]);
    expect((await audit('user.viewed', u.id)).map((e) => e.actorId)).toEqual([admin.id]);
    expect((await api('GET', '/users/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await api('GET', '/users/not-a-uuid')).statusCode).toBe(400);

    const moved = await api('PATCH', `/users/${u.id}`, { unitIds: [unitB, unitA] });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().user.unitIds).toEqual([unitA, unitB].sort());
    const promoted = await api('PATCH', `/users/${u.id}`, { role: 'leadership' });
    expect(promoted.json().user).toMatchObject({ role: 'leadership', unitIds: [], allUnits: false });
    expect((await api('PATCH', `/users/${u.id}`, { role: 'district_officer' })).statusCode).toBe(400);
    expect((await api('PATCH', `/users/${u.id}`, { role: 'analyst', allUnits: true })).json().user).toMatchObject({ role: 'analyst', allUnits: true });
    expect((await api('PATCH', `/users/${u.id}`, { unitIds: [unitB] })).json().user).toMatchObject({ allUnits: false, unitIds: [unitB] });
    expect((await api('PATCH', `/users/${u.id}`, { displayName: 'x', nope: 1 })).statusCode).toBe(400);

    const updates = (await audit('user.updated', u.id)).reverse();
    expect(updates.map((e) => [e.details.before, e.details.after].map((x) => (x as { role: string }).role))).toEqual([
      ['agency_editor', 'agency_editor'],
      ['agency_editor', 'leadership'],
      ['leadership', 'analyst'],
      ['analyst', 'analyst'],
    ]);
    expect(updates[0]!.details).toMatchObject({ before: { unitIds: [unitA] }, after: { unitIds: [unitA, unitB].sort() }, permissionsChanged: true });
  });

  it('never leaves the force without an active admin', async () => {
    // Its own database, so that exactly one admin exists.
    const t2 = await createTestApp();
    try {
      const only = await makeUser(t2.ctx, { role: 'admin' });
      const o = await signIn(t2.app, only.username, only.password);
      const patch = (payload: object) => t2.app.inject({ method: 'PATCH', url: `/api/v1/users/${only.id}`, headers: o.headers(), payload });
      const disable = await patch({ disabled: true });
      expect(disable.statusCode).toBe(409);
      expect(disable.json().error.message).toMatch(/last active admin/);
      expect((await patch({ role: 'analyst', allUnits: true })).statusCode).toBe(409);

      const second = await makeUser(t2.ctx, { role: 'admin' });
      await t2.ctx.users.update({ system: true, label: 'test' }, second.id, { disabled: true });
      // A disabled admin does not count.
      expect((await patch({ role: 'leadership' })).statusCode).toBe(409);
      await t2.ctx.users.update({ system: true, label: 'test' }, second.id, { disabled: false });
      const demoted = await patch({ role: 'leadership' });
      expect(demoted.statusCode).toBe(200);
      await expect(t2.ctx.users.update({ system: true, label: 'test' }, second.id, { disabled: true })).rejects.toThrow(/last active admin/);
    } finally {
      await t2.close();
    }
  });

  it('keeps one admin when two admins demote each other at the same moment', async () => {
    const t2 = await createTestApp();
    try {
      const a = await makeUser(t2.ctx, { role: 'admin' });
      const b = await makeUser(t2.ctx, { role: 'admin' });
      const actor = (id: string, username: string) => ({ userId: id, username, displayName: username, role: 'admin' as const, units: 'all' as const, via: 'session' as const });
      const results = await Promise.allSettled([
        t2.ctx.users.update(actor(a.id, a.username), b.id, { role: 'leadership' }),
        t2.ctx.users.update(actor(b.id, b.username), a.id, { role: 'leadership' }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      const failure = results.find((r) => r.status === 'rejected');
      expect(String(failure?.reason)).toMatch(/last active admin/);
      const admins = await t2.ctx.db.query<{ n: number }>("SELECT count(*)::int AS n FROM users WHERE role = 'admin' AND NOT disabled");
      expect(admins[0]!.n).toBe(1);
    } finally {
      await t2.close();
    }
  });

  it('resets a password: a temporary one that must be changed, old sessions ended', async () => {
    const u = await makeUser(t.ctx, { role: 'leadership' });
    const old = await signIn(t.app, u.username, u.password);
    const res = await api('POST', `/users/${u.id}/reset-password`);
    expect(res.statusCode).toBe(200);
    const { temporaryPassword } = res.json();
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: old.cookie } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: u.username, password: u.password } })).statusCode).toBe(401);
    const fresh = await signIn(t.app, u.username, temporaryPassword);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: fresh.cookie } });
    expect(me.json().mustChangePassword).toBe(true);
    const reset = await audit('user.password_reset', u.id);
    expect(reset).toHaveLength(1);
    expect(JSON.stringify(reset[0]!.details)).not.toContain(temporaryPassword);
  });

  it('lists users with their scope and lock state', async () => {
    const res = await api('GET', '/users');
    expect(res.statusCode).toBe(200);
    const users = res.json().users as { username: string; role: string }[];
    expect(users.find((u) => u.username === admin.username)).toMatchObject({ role: 'admin', unitIds: [], locked: false });
    expect(res.body).not.toMatch(/scrypt|password_hash|passwordHash/);
  });
});
