import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { makeUser, sessionCookie, signIn } from '../test-support/factories.js';
import { testDbKind } from '../test-support/db.js';
import { totpCode } from './totp.js';

const T0 = Date.parse('2027-04-01T09:00:10Z');

describe(`two-factor sign-in on ${testDbKind}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const post = (url: string, headers: Record<string, string>, payload?: object) => t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
  const audit = async (action: string, targetId: string) => (await t.ctx.audit.list({ action, targetId, scope: null })).entries;

  it('sets up, confirms, then asks every sign-in for a fresh code; a used code is refused', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0);
    const u = await makeUser(t.ctx, { role: 'sb_supervisor' });
    const s = await signIn(t.app, u.username, u.password);

    const setup = await post('/auth/totp/setup', s.headers());
    expect(setup.statusCode).toBe(200);
    const { secret, otpauthUrl } = setup.json();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUrl).toContain(`secret=${secret}`);
    // Stored encrypted, never as the base32 text.
    const stored = await t.ctx.db.query<{ enc: string }>('SELECT totp_secret_enc AS enc FROM users WHERE id = $1', [u.id]);
    expect(stored[0]!.enc).toMatch(/^v1:/);
    expect(stored[0]!.enc).not.toContain(secret);

    expect((await post('/auth/totp/enable', s.headers(), { code: '000000' === totpCode(secret, T0) ? '111111' : '000000' })).statusCode).toBe(400);
    expect((await post('/auth/totp/enable', s.headers(), { code: totpCode(secret, T0) })).statusCode).toBe(204);
    expect(await audit('auth.totp_enabled', u.id)).toHaveLength(1);
    expect((await post('/auth/totp/setup', s.headers())).statusCode).toBe(409);

    // A password alone now gives a session that waits for the second factor.
    const login = await post('/auth/login', {}, { username: u.username, password: u.password });
    expect(login.statusCode).toBe(200);
    expect(login.json().secondFactorRequired).toBe(true);
    // The password alone shows neither units nor permissions.
    expect(login.json().user).toMatchObject({ username: u.username, units: [], permissions: [] });
    const pendingCookie = sessionCookie(login.headers['set-cookie'])!;
    const pendingCsrf = login.json().user.csrfToken as string;
    const pending = { cookie: pendingCookie, 'x-csrf-token': pendingCsrf };
    const blocked = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: pendingCookie } });
    expect(blocked.statusCode).toBe(401);
    expect(blocked.json().error.code).toBe('second_factor_required');

    // The code that enabled TOTP was seen once: replaying it (same step) is refused.
    const replay = await post('/auth/totp/verify', pending, { code: totpCode(secret, T0) });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('invalid_credentials');
    expect((await post('/auth/totp/verify', { cookie: pendingCookie }, { code: totpCode(secret, T0 + 30_000) })).statusCode).toBe(403);

    vi.setSystemTime(T0 + 30_000);
    const verified = await post('/auth/totp/verify', pending, { code: totpCode(secret, T0 + 30_000) });
    expect(verified.statusCode).toBe(200);
    expect(verified.json().user.totpEnabled).toBe(true);
    const fullCookie = sessionCookie(verified.headers['set-cookie'])!;
    expect(fullCookie).not.toBe(pendingCookie);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: fullCookie } })).statusCode).toBe(200);
    // The pending session was replaced, not upgraded.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: pendingCookie } })).statusCode).toBe(401);
    expect(await audit('auth.second_factor_verified', u.id)).toHaveLength(1);

    // Another sign-in within the same 30 s cannot reuse that code either, not even a step earlier.
    const again = await post('/auth/login', {}, { username: u.username, password: u.password });
    const againHeaders = { cookie: sessionCookie(again.headers['set-cookie'])!, 'x-csrf-token': again.json().user.csrfToken as string };
    expect((await post('/auth/totp/verify', againHeaders, { code: totpCode(secret, T0 + 30_000) })).statusCode).toBe(401);
    expect((await post('/auth/totp/verify', againHeaders, { code: totpCode(secret, T0) })).statusCode).toBe(401);
    vi.setSystemTime(T0 + 60_000);
    expect((await post('/auth/totp/verify', againHeaders, { code: totpCode(secret, T0 + 60_000) })).statusCode).toBe(200);
  });

  it('locks the account after five wrong codes', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0 + 3_600_000);
    const u = await makeUser(t.ctx, { role: 'analyst', allUnits: true });
    const s = await signIn(t.app, u.username, u.password);
    const { secret } = (await post('/auth/totp/setup', s.headers())).json();
    expect((await post('/auth/totp/enable', s.headers(), { code: totpCode(secret, Date.now()) })).statusCode).toBe(204);

    const login = await post('/auth/login', {}, { username: u.username, password: u.password });
    const pending = { cookie: sessionCookie(login.headers['set-cookie'])!, 'x-csrf-token': login.json().user.csrfToken as string };
    const wrong = totpCode(secret, Date.now() + 10 * 60_000);
    const codes = [];
    for (let i = 0; i < 5; i++) codes.push((await post('/auth/totp/verify', pending, { code: wrong })).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 423]);
    expect(await audit('auth.account_locked', u.id)).toHaveLength(1);
    // The pending session ended with the lock.
    vi.setSystemTime(Date.now() + 30_000);
    expect((await post('/auth/totp/verify', pending, { code: totpCode(secret, Date.now()) })).statusCode).toBe(401);
  });

  it('accepts a code once even when two sign-ins send it at the same moment', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0 + 5_400_000);
    const u = await makeUser(t.ctx, { role: 'leadership' });
    const s = await signIn(t.app, u.username, u.password);
    const { secret } = (await post('/auth/totp/setup', s.headers())).json();
    expect((await post('/auth/totp/enable', s.headers(), { code: totpCode(secret, Date.now()) })).statusCode).toBe(204);
    vi.setSystemTime(Date.now() + 30_000);

    const pendings = [];
    for (let i = 0; i < 2; i++) {
      const login = await post('/auth/login', {}, { username: u.username, password: u.password });
      pendings.push({ cookie: sessionCookie(login.headers['set-cookie'])!, 'x-csrf-token': login.json().user.csrfToken as string });
    }
    const code = totpCode(secret, Date.now());
    const results = await Promise.all(pendings.map((h) => post('/auth/totp/verify', h, { code })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 401]);
  });

  it('turns off with the password only', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0 + 7_200_000);
    const u = await makeUser(t.ctx, { role: 'district_officer' });
    const s = await signIn(t.app, u.username, u.password);
    const { secret } = (await post('/auth/totp/setup', s.headers())).json();
    expect((await post('/auth/totp/enable', s.headers(), { code: totpCode(secret, Date.now()) })).statusCode).toBe(204);

    const wrong = await post('/auth/totp/disable', s.headers(), { password: 'not my password' });
    expect(wrong.statusCode).toBe(400);
    expect((await post('/auth/totp/disable', s.headers(), { password: u.password })).statusCode).toBe(204);
    expect(await audit('auth.totp_disabled', u.id)).toHaveLength(1);
    const login = await post('/auth/login', {}, { username: u.username, password: u.password });
    expect(login.json().secondFactorRequired).toBe(false);
    expect(login.json().user.totpEnabled).toBe(false);
  });
});
