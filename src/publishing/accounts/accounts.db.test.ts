import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/app.js';
import { makeUnit, makeUser, signIn, type SignedIn } from '../../test-support/factories.js';
import { buildAccount } from '../posts/post-factories.js';

interface AccountBody {
  id: string;
  unitId: string;
  handle: string;
  platform: string;
  approvalChain: string[];
  hasCredentials: boolean;
  publishable: boolean;
  active: boolean;
  can: { edit: boolean; compose: boolean };
}

describe('social accounts', () => {
  let t: TestApp;
  let admin: SignedIn;
  let units: string[];

  beforeAll(async () => {
    t = await createTestApp();
    const a = await makeUser(t.ctx, { role: 'admin' });
    admin = await signIn(t.app, a.username, a.password);
    units = [(await makeUnit(t.ctx)).id, (await makeUnit(t.ctx)).id, (await makeUnit(t.ctx)).id];
  });
  afterAll(async () => {
    await t.close();
  });

  const call = (who: SignedIn, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: who.headers(), ...(payload ? { payload } : {}) });

  it('creates a Sandbox account by opening it on the Sandbox; the token is stored encrypted and never returned', async () => {
    const res = await call(admin, 'POST', '/accounts', { unitId: units[0]!, platform: 'sandbox', handle: 'dp_test_one', displayName: 'Test One Police' });
    expect(res.statusCode, res.body).toBe(201);
    const account = res.json<{ account: AccountBody }>().account;
    expect(account).toMatchObject({ unitId: units[0], platform: 'sandbox', handle: 'dp_test_one', approvalChain: ['district_officer', 'sb_supervisor'], hasCredentials: true, publishable: true, can: { edit: true, compose: true } });
    expect(res.body).not.toMatch(/sbx_|token|credentials/);
    const stored = await t.ctx.db.query<{ enc: string }>('SELECT credentials_enc AS enc FROM social_accounts WHERE id = $1', [account.id]);
    expect(stored[0]!.enc).toMatch(/^v1:/);
    expect(stored[0]!.enc).not.toMatch(/sbx_/);
    const creds = await t.ctx.socialAccounts.credentialsFor(t.ctx.db, account.id);
    expect(creds).toMatchObject({ handle: 'dp_test_one', token: expect.stringMatching(/^sbx_/) });
    // The token works on the Sandbox.
    expect(await t.ctx.sandbox.authenticate(creds!.token)).toBe('dp_test_one');
    const audit = await t.ctx.db.query<{ details: Record<string, unknown> }>("SELECT details FROM audit_log WHERE action = 'social_account.created' AND target_id = $1", [account.id]);
    expect(audit[0]!.details).toMatchObject({ platform: 'sandbox', credentials: true, openedSandbox: true });
    expect(JSON.stringify(audit[0]!.details)).not.toMatch(/sbx_/);
  });

  it('stores given credentials encrypted for other platforms, and refuses a second account with the same handle', async () => {
    const res = await call(admin, 'POST', '/accounts', { unitId: units[0]!, platform: 'x', handle: '@DelhiTestPolice', displayName: 'Delhi Test', credentials: { token: 'secret-x-token' } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<{ account: AccountBody }>().account).toMatchObject({ handle: 'DelhiTestPolice', hasCredentials: true, publishable: false });
    expect(res.body).not.toContain('secret-x-token');
    const enc = await t.ctx.db.query<{ enc: string }>("SELECT credentials_enc AS enc FROM social_accounts WHERE handle = 'DelhiTestPolice'");
    expect(enc[0]!.enc).not.toContain('secret-x-token');
    const dup = await call(admin, 'POST', '/accounts', { unitId: units[1]!, platform: 'x', handle: 'delhitestpolice', displayName: 'Dup' });
    expect(dup.statusCode).toBe(409);
  });

  it('validates approval chains against the roles that may approve', async () => {
    const bad = await call(admin, 'POST', '/accounts', { unitId: units[0]!, platform: 'mastodon', handle: 'x1', displayName: 'x', approvalChain: ['agency_editor'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { message: string } }>().error.message).toMatch(/agency_editor cannot approve/);
    const twice = await call(admin, 'POST', '/accounts', { unitId: units[0]!, platform: 'mastodon', handle: 'x2', displayName: 'x', approvalChain: ['district_officer', 'district_officer'] });
    expect(twice.statusCode).toBe(400);
    const empty = await call(admin, 'POST', '/accounts', { unitId: units[0]!, platform: 'mastodon', handle: 'x3', displayName: 'x', approvalChain: [] });
    expect(empty.statusCode).toBe(400);
    const ok = await call(admin, 'POST', '/accounts', { unitId: units[0]!, platform: 'mastodon', handle: 'x4', displayName: 'x', approvalChain: ['sb_supervisor'] });
    expect(ok.json<{ account: AccountBody }>().account).toMatchObject({ approvalChain: ['sb_supervisor'], hasCredentials: false });
  });

  it('shows an agency editor scoped to two districts only their accounts, and nothing to edit', async () => {
    const mine = [await buildAccount(t.ctx, { unitId: units[1]! }), await buildAccount(t.ctx, { unitId: units[2]! })];
    const other = await buildAccount(t.ctx, { unitId: units[0]! });
    const u = await makeUser(t.ctx, { role: 'agency_editor', unitIds: [units[1]!, units[2]!] });
    const editor = await signIn(t.app, u.username, u.password);
    const list = (await call(editor, 'GET', '/accounts')).json<{ accounts: AccountBody[] }>().accounts;
    expect(list.map((a) => a.id).sort()).toEqual(mine.map((a) => a.id).sort());
    expect(list.every((a) => !a.can.edit && a.can.compose)).toBe(true);
    expect((await call(editor, 'GET', `/accounts/${other.id}`)).statusCode).toBe(404);
    expect((await call(editor, 'GET', `/accounts/${mine[0]!.id}`)).statusCode).toBe(200);
    expect((await call(editor, 'PATCH', `/accounts/${mine[0]!.id}`, { active: false })).statusCode).toBe(403);
    expect((await call(editor, 'GET', `/accounts?unitId=${units[0]}`)).json<{ accounts: AccountBody[] }>().accounts).toEqual([]);
  });

  it('updates the chain and deactivates, audited with before and after; replacing credentials is audited without them', async () => {
    const acct = await buildAccount(t.ctx, { unitId: units[0]! });
    const res = await call(admin, 'PATCH', `/accounts/${acct.id}`, { approvalChain: ['district_officer'], active: false, credentials: { token: 'new-secret' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ account: AccountBody }>().account).toMatchObject({ approvalChain: ['district_officer'], active: false });
    const audit = await t.ctx.db.query<{ details: Record<string, unknown> }>("SELECT details FROM audit_log WHERE action = 'social_account.updated' AND target_id = $1", [acct.id]);
    expect(audit[0]!.details).toMatchObject({ approvalChain: { before: ['district_officer', 'sb_supervisor'], after: ['district_officer'] }, active: { before: true, after: false } });
    expect(JSON.stringify(audit[0]!.details)).not.toContain('new-secret');
    expect((await t.ctx.socialAccounts.credentialsFor(t.ctx.db, acct.id))!.token).toBe('new-secret');
  });

  it('refuses unknown body fields and a unit that does not exist', async () => {
    expect((await call(admin, 'POST', '/accounts', { unitId: units[0]!, platform: 'sandbox', handle: 'abc_def', displayName: 'x', credentialsEnc: 'x' })).statusCode).toBe(400);
    expect((await call(admin, 'POST', '/accounts', { unitId: 'no-such-unit', platform: 'sandbox', handle: 'abc_def', displayName: 'x' })).statusCode).toBe(400);
  });
});
