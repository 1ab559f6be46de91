import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { makeUser, sessionCookie, signIn } from '../test-support/factories.js';
import { testDbKind } from '../test-support/db.js';
import { LOGIN_POLICY } from './login-policy.js';
import { purgeSessionsJob } from './purge-sessions-job.js';

describe(`sign-in and sessions on ${testDbKind}`, () => {
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

  const login = (username: string, password: string, ip = '192.0.2.1') =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress: ip });
  const audit = async (action: string, targetId?: string) => (await t.ctx.audit.list({ action, targetId, scope: null, limit: 500 })).entries;

  it('signs in with a hashed session cookie, answers /auth/me and signs out', async () => {
    const u = await makeUser(t.ctx, { role: 'district_officer' });
    const res = await login(u.username.toUpperCase(), u.password);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.secondFactorRequired).toBe(false);
    expect(body.user).toMatchObject({ id: u.id, username: u.username, role: 'district_officer', allUnits: false, locale: 'en', totpEnabled: false, mustChangePassword: false });
    expect(body.user.units).toHaveLength(1);
    expect(body.user.permissions).toContain('self');
    expect(body.user.permissions).not.toContain('users.read');
    expect(body.user.csrfToken).toMatch(/^[\w-]{20,}$/);

    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/^chhavi_session=[\w-]{43};/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).not.toMatch(/Secure/);

    // Only the SHA-256 of the cookie value is stored.
    const cookie = sessionCookie(res.headers['set-cookie'])!;
    const value = cookie.slice('chhavi_session='.length);
    const rows = await t.ctx.db.query<{ id: string; csrf: string }>('SELECT id, csrf_token AS csrf FROM sessions WHERE user_id = $1', [u.id]);
    expect(rows).toEqual([{ id: createHash('sha256').update(value).digest('hex'), csrf: body.user.csrfToken }]);

    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json().username).toBe(u.username);
    expect(me.json().csrfToken).toBe(body.user.csrfToken);

    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie, 'x-csrf-token': body.user.csrfToken } });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/chhavi_session=;/);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('unauthenticated');

    expect((await audit('auth.login', u.id)).map((e) => e.ip)).toEqual(['192.0.2.1']);
    expect(await audit('auth.logout', u.id)).toHaveLength(1);
  });

  it('answers 401 to an unknown user and to a wrong password alike, and audits both', async () => {
    const u = await makeUser(t.ctx, { role: 'analyst', allUnits: true });
    const unknown = await login('nobody-here', 'whatever-password', '192.0.2.2');
    const wrong = await login(u.username, 'not the password', '192.0.2.2');
    expect([unknown.statusCode, wrong.statusCode]).toEqual([401, 401]);
    expect(unknown.json()).toEqual(wrong.json());
    expect(wrong.json().error.code).toBe('invalid_credentials');
    const failures = await audit('auth.login_failed');
    expect(failures.some((e) => e.details.username === 'nobody-here' && e.details.reason === 'unknown_user')).toBe(true);
    expect(failures.some((e) => e.targetId === u.id && e.details.reason === 'wrong_password' && e.actorLabel === 'anonymous')).toBe(true);
  });

  it('locks an account after five wrong passwords until an admin unlocks it', async () => {
    const admin = await makeUser(t.ctx, { role: 'admin' });
    const u = await makeUser(t.ctx, { role: 'analyst', allUnits: true });
    const ip = '192.0.2.3';
    for (let i = 1; i < LOGIN_POLICY.accountFailureLimit; i++) expect((await login(u.username, `wrong password ${i}`, ip)).statusCode).toBe(401);
    const locking = await login(u.username, 'wrong password 5', ip);
    expect(locking.statusCode).toBe(423);
    expect(locking.json().error.code).toBe('account_locked');
    expect(Number(locking.headers['retry-after'])).toBeGreaterThan(14 * 60);

    // Even the right password is refused while locked.
    const right = await login(u.username, u.password, '192.0.2.4');
    expect(right.statusCode).toBe(423);
    expect(await audit('auth.account_locked', u.id)).toHaveLength(1);

    const s = await signIn(t.app, admin.username, admin.password);
    const listed = await t.app.inject({ method: 'GET', url: `/api/v1/users/${u.id}`, headers: s.headers() });
    expect(listed.json().user.locked).toBe(true);
    const unlock = await t.app.inject({ method: 'POST', url: `/api/v1/users/${u.id}/unlock`, headers: s.headers() });
    expect(unlock.statusCode).toBe(200);
    expect(unlock.json().user.locked).toBe(false);
    expect((await audit('user.unlocked', u.id)).map((e) => e.actorId)).toEqual([admin.id]);

    expect((await login(u.username, u.password, '192.0.2.4')).statusCode).toBe(200);
  });

  it('unlocks by itself when the lock expires, and a success resets the count', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2027-02-01T10:00:00Z'));
    const u = await makeUser(t.ctx, { role: 'leadership' });
    const ip = '192.0.2.5';
    for (let i = 0; i < LOGIN_POLICY.accountFailureLimit; i++) await login(u.username, 'wrong password!!', ip);
    expect((await login(u.username, u.password, '192.0.2.6')).statusCode).toBe(423);
    vi.setSystemTime(new Date(Date.now() + LOGIN_POLICY.lockMs + 1000));
    expect((await login(u.username, u.password, '192.0.2.6')).statusCode).toBe(200);
    for (let i = 0; i < LOGIN_POLICY.accountFailureLimit - 1; i++) await login(u.username, 'wrong password!!', '192.0.2.7');
    expect((await login(u.username, u.password, '192.0.2.8')).statusCode).toBe(200);
    expect((await login(u.username, 'wrong password!!', '192.0.2.8')).statusCode).toBe(401);
  });

  it('answers 429 with Retry-After to an address after ten failures, whatever the account', async () => {
    const u = await makeUser(t.ctx, { role: 'analyst', allUnits: true });
    const ip = '198.51.100.7';
    for (let i = 0; i < LOGIN_POLICY.ip.limit; i++) expect((await login(`ghost-${i}`, 'some password here', ip)).statusCode).toBe(401);
    const blocked = await login(u.username, u.password, ip);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('too_many_requests');
    const retry = Number(blocked.headers['retry-after']);
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(LOGIN_POLICY.ip.windowMs / 1000);
    // Another address is not affected.
    expect((await login(u.username, u.password, '198.51.100.8')).statusCode).toBe(200);
  });

  it('refuses a cookie request without the right CSRF token, while an API token needs none', async () => {
    const u = await makeUser(t.ctx, { role: 'analyst', allUnits: true });
    const s = await signIn(t.app, u.username, u.password);
    const patch = (headers: Record<string, string>) => t.app.inject({ method: 'PATCH', url: '/api/v1/auth/me', headers, payload: { locale: 'hi' } });

    const none = await patch({ cookie: s.cookie });
    expect(none.statusCode).toBe(403);
    expect(none.json().error.code).toBe('csrf_failed');
    const wrong = await patch({ cookie: s.cookie, 'x-csrf-token': 'not-the-token' });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.code).toBe('csrf_failed');
    const other = await signIn(t.app, u.username, u.password);
    expect((await patch({ cookie: s.cookie, 'x-csrf-token': other.csrfToken })).statusCode).toBe(403);

    const ok = await patch(s.headers());
    expect(ok.statusCode).toBe(200);
    expect(ok.json().locale).toBe('hi');
    expect(await audit('auth.profile_updated', u.id)).toHaveLength(1);

    const created = await t.app.inject({ method: 'POST', url: '/api/v1/auth/tokens', headers: s.headers(), payload: { name: 'script', scopes: ['self'] } });
    expect(created.statusCode).toBe(201);
    const viaToken = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/auth/me',
      headers: { authorization: `Bearer ${created.json().token}` },
      payload: { displayName: 'Renamed by script' },
    });
    expect(viaToken.statusCode).toBe(200);
    expect(viaToken.json().displayName).toBe('Renamed by script');
    expect(viaToken.json().csrfToken).toBe('');
  });

  it('refuses a disabled user: existing sessions end and a correct password gets 403', async () => {
    const admin = await makeUser(t.ctx, { role: 'admin' });
    const u = await makeUser(t.ctx, { role: 'agency_editor' });
    const userSession = await signIn(t.app, u.username, u.password);
    const adminSession = await signIn(t.app, admin.username, admin.password);
    const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${u.id}`, headers: adminSession.headers(), payload: { disabled: true } });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.disabled).toBe(true);

    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: userSession.cookie } })).statusCode).toBe(401);
    const again = await login(u.username, u.password, '192.0.2.9');
    expect(again.statusCode).toBe(403);
    expect(again.json().error.code).toBe('account_disabled');
    // A wrong password still says only "wrong username or password".
    expect((await login(u.username, 'not the password', '192.0.2.9')).statusCode).toBe(401);
  });

  it('changes the password, keeping this session and ending the others', async () => {
    const u = await makeUser(t.ctx, { role: 'analyst', allUnits: true });
    const a = await signIn(t.app, u.username, u.password);
    const b = await signIn(t.app, u.username, u.password);
    const change = (payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: a.headers(), payload });

    const wrongCurrent = await change({ currentPassword: 'not it at all', newPassword: 'a brand new passphrase' });
    expect(wrongCurrent.statusCode).toBe(400);
    const weak = await change({ currentPassword: u.password, newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.message).toMatch(/at least 12/);
    const same = await change({ currentPassword: u.password, newPassword: u.username });
    expect(same.statusCode).toBe(400);

    expect((await change({ currentPassword: u.password, newPassword: 'a brand new passphrase' })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: a.cookie } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: b.cookie } })).statusCode).toBe(401);
    expect((await login(u.username, u.password, '192.0.2.10')).statusCode).toBe(401);
    expect((await login(u.username, 'a brand new passphrase', '192.0.2.10')).statusCode).toBe(200);
    expect(await audit('auth.password_changed', u.id)).toHaveLength(1);
  });

  it('ends idle and expired sessions, and the hourly job deletes them', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2027-03-01T08:00:00Z'));
    const u = await makeUser(t.ctx, { role: 'analyst', allUnits: true });
    const active = await signIn(t.app, u.username, u.password);
    const idle = await signIn(t.app, u.username, u.password);
    const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });

    // Use one session every hour: it slides; the other goes idle.
    for (let h = 1; h <= 3; h++) {
      vi.setSystemTime(new Date(Date.parse('2027-03-01T08:00:00Z') + h * 3_600_000));
      expect((await me(active.cookie)).statusCode).toBe(200);
    }
    expect((await me(idle.cookie)).statusCode).toBe(401);

    // The absolute limit holds however active the session is.
    const limit = t.ctx.config.sessionHours * 3_600_000;
    for (let at = 4 * 3_600_000; at < limit; at += 3_600_000) {
      vi.setSystemTime(new Date(Date.parse('2027-03-01T08:00:00Z') + at));
      expect((await me(active.cookie)).statusCode).toBe(200);
    }
    const forgotten = await signIn(t.app, u.username, u.password);
    vi.setSystemTime(new Date(Date.parse('2027-03-01T08:00:00Z') + limit + 1000));
    expect((await me(active.cookie)).statusCode).toBe(401);

    // The forgotten session goes idle, but stays stored until the job runs.
    vi.setSystemTime(new Date(Date.now() + LOGIN_POLICY.idleMs));
    const before = await t.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM sessions WHERE user_id = $1', [u.id]);
    expect(before[0]!.n).toBe(1);
    const outcome = await purgeSessionsJob.handler({}, t.ctx);
    expect(outcome).toMatchObject({ status: 'done', detail: { sessions: expect.any(Number) } });
    const left = await t.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM sessions WHERE user_id = $1', [u.id]);
    expect(left[0]!.n).toBe(0);
    expect((await me(forgotten.cookie)).statusCode).toBe(401);
  });
});
