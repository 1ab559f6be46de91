import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { signIn } from '../test-support/factories.js';
import { testDbKind } from '../test-support/db.js';
import { ensureFirstAdmin } from './bootstrap.js';

describe(`first admin on ${testDbKind}`, () => {
  let t: TestApp | null = null;
  afterEach(async () => {
    await t?.close();
    t = null;
  });

  it('creates admin once, with a generated password that must be changed', async () => {
    t = await createTestApp();
    const first = await ensureFirstAdmin(t.ctx);
    expect(first?.username).toBe('admin');
    expect(await ensureFirstAdmin(t.ctx)).toBeNull();
    const s = await signIn(t.app, 'admin', first!.password);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: s.cookie } });
    expect(me.json()).toMatchObject({ role: 'admin', mustChangePassword: true, allUnits: true });
    expect(me.json().permissions).toEqual(expect.arrayContaining(['users.manage', 'audit.read']));
    const created = (await t.ctx.audit.list({ action: 'user.created', scope: null })).entries;
    expect(created.map((e) => e.actorLabel)).toEqual(['first-start']);
  });

  it('uses a given password, checked against the policy', async () => {
    t = await createTestApp();
    await expect(ensureFirstAdmin(t.ctx, 'short')).rejects.toThrow(/first admin's password is refused: .*at least 12/);
    const first = await ensureFirstAdmin(t.ctx, 'a given admin password');
    expect(first).toEqual({ username: 'admin', password: 'a given admin password' });
    const s = await signIn(t.app, 'admin', 'a given admin password');
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: s.cookie } });
    expect(me.json().mustChangePassword).toBe(false);
  });
});
