import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { makeUser, signIn, type SignedIn } from '../test-support/factories.js';
import { testDbKind } from '../test-support/db.js';

describe(`API tokens on ${testDbKind}`, () => {
  let t: TestApp;
  let admin: { id: string; username: string; password: string };
  let s: SignedIn;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await makeUser(t.ctx, { role: 'admin' });
    s = await signIn(t.app, admin.username, admin.password);
  });
  afterAll(async () => {
    await t.close();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const create = (headers: Record<string, string>, payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/auth/tokens', headers, payload });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const get = (url: string, headers: Record<string, string>) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers });

  it('limits a token to its scopes, even for an admin', async () => {
    const res = await create(s.headers(), { name: 'self only', scopes: ['self'] });
    expect(res.statusCode).toBe(201);
    const { token, apiToken } = res.json();
    expect(token).toMatch(/^chv_[a-z0-9]{8}_[0-9a-f]{64}$/);
    expect(apiToken).toMatchObject({ name: 'self only', scopes: ['self'], prefix: token.slice(4, 12), revokedAt: null, expiresAt: null, lastUsedAt: null });

    const users = await get('/users', bearer(token));
    expect(users.statusCode).toBe(403);
    expect(users.json().error.message).toMatch(/lacks the scope users\.read/);
    const me = await get('/auth/me', bearer(token));
    expect(me.statusCode).toBe(200);
    expect(me.json().permissions).toEqual(['self']);

    const readUsers = (await create(s.headers(), { name: 'user report', scopes: ['users.read', 'self'] })).json().token as string;
    expect((await get('/users', bearer(readUsers))).statusCode).toBe(200);
    // A scope for reading is no scope for writing.
    const write = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: bearer(readUsers), payload: { username: 'by-token', displayName: 'x', role: 'leadership' } });
    expect(write.statusCode).toBe(403);

    // Only the hash of the secret part is stored, and use is recorded.
    const rows = await t.ctx.db.query<{ hash: string; used: Date | null }>('SELECT token_hash AS hash, last_used_at AS used FROM api_tokens WHERE id = $1', [apiToken.id]);
    expect(rows[0]!.hash).toBe(createHash('sha256').update(token.slice(13)).digest('hex'));
    expect(rows[0]!.used).not.toBeNull();
    const created = (await t.ctx.audit.list({ action: 'auth.token_created', targetId: apiToken.id, scope: null })).entries;
    expect(created).toHaveLength(1);
    expect(created[0]!.details).toMatchObject({ scopes: ['self'], prefix: apiToken.prefix });
    expect(JSON.stringify(created[0]!.details)).not.toContain(token.slice(13));
  });

  it('refuses unknown scopes, scopes beyond the role, and tokens minted by tokens', async () => {
    expect((await create(s.headers(), { name: 'bad', scopes: ['everything'] })).statusCode).toBe(400);
    expect((await create(s.headers(), { name: 'bad', scopes: [] })).statusCode).toBe(400);
    expect((await create(s.headers(), { name: 'bad', scopes: ['self'], extra: 1 })).statusCode).toBe(400);

    const analyst = await makeUser(t.ctx, { role: 'analyst', allUnits: true });
    const a = await signIn(t.app, analyst.username, analyst.password);
    const beyond = await create(a.headers(), { name: 'too much', scopes: ['users.read'] });
    expect(beyond.statusCode).toBe(400);
    expect(beyond.json().error.message).toMatch(/role does not hold users\.read/);

    const token = (await create(s.headers(), { name: 'self', scopes: ['self'] })).json().token as string;
    const minted = await create(bearer(token), { name: 'child', scopes: ['self'] });
    expect(minted.statusCode).toBe(403);
  });

  it('lists without secrets and stops working once revoked', async () => {
    const { token, apiToken } = (await create(s.headers(), { name: 'to revoke', scopes: ['users.read'] })).json();
    const list = await get('/auth/tokens', s.headers());
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(token.slice(13));
    expect(list.json().tokens.map((x: { id: string }) => x.id)).toContain(apiToken.id);

    const del = await t.app.inject({ method: 'DELETE', url: `/api/v1/auth/tokens/${apiToken.id}`, headers: s.headers() });
    expect(del.statusCode).toBe(204);
    const after = await get('/users', bearer(token));
    expect(after.statusCode).toBe(401);
    expect(after.json().error.message).toMatch(/revoked/);
    expect((await t.ctx.audit.list({ action: 'auth.token_revoked', targetId: apiToken.id, scope: null })).entries).toHaveLength(1);

    // Someone else's token id is not found; a made-up token is refused.
    const other = await makeUser(t.ctx, { role: 'admin' });
    const o = await signIn(t.app, other.username, other.password);
    const mine = (await create(s.headers(), { name: 'mine', scopes: ['self'] })).json().apiToken.id as string;
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/auth/tokens/${mine}`, headers: o.headers() })).statusCode).toBe(404);
    expect((await get('/auth/me', bearer(`chv_abcdefgh_${'0'.repeat(64)}`))).statusCode).toBe(401);
    expect((await get('/auth/me', bearer('not-a-token'))).statusCode).toBe(401);
  });

  it('expires after its days, and dies with a disabled account', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.parse('2027-05-01T12:00:00Z'));
    const leader = await makeUser(t.ctx, { role: 'leadership' });
    const l = await signIn(t.app, leader.username, leader.password);
    const { token, apiToken } = (await create(l.headers(), { name: 'one day', scopes: ['self'], expiresInDays: 1 })).json();
    expect(apiToken.expiresAt).toBe('2027-05-02T12:00:00.000Z');
    expect((await get('/auth/me', bearer(token))).statusCode).toBe(200);
    vi.setSystemTime(Date.parse('2027-05-02T12:00:01Z'));
    const expired = await get('/auth/me', bearer(token));
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.message).toMatch(/expired/);

    const lasting = (await create(await signIn(t.app, leader.username, leader.password).then((x) => x.headers()), { name: 'lasting', scopes: ['self'] })).json().token as string;
    expect((await get('/auth/me', bearer(lasting))).statusCode).toBe(200);
    const disable = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${leader.id}`, headers: (await signIn(t.app, admin.username, admin.password)).headers(), payload: { disabled: true } });
    expect(disable.statusCode).toBe(200);
    const refused = await get('/auth/me', bearer(lasting));
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('account_disabled');
  });
});
