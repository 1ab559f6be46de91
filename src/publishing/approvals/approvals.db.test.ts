import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/app.js';
import { makeUnit, makeUser, signIn, type SignedIn } from '../../test-support/factories.js';
import { buildAccount } from '../posts/post-factories.js';

interface PostBody {
  id: string;
  status: string;
  version: number;
  approvalStep: number;
  nextApproverRole: string | null;
  approvalChain: string[];
  approvals: { decision: string; role: string; step: number; postVersion: number; comment: string | null }[];
  can: Record<string, boolean>;
}

describe('approval chains', () => {
  let t: TestApp;
  let unitId: string;
  let otherUnit: string;
  let accountId: string;
  let editor: SignedIn;
  let officer: SignedIn;
  let officerB: SignedIn;
  let outsideOfficer: SignedIn;
  let sb: SignedIn;
  let admin: SignedIn;
  let adminId: string;

  async function as(u: { username: string; password: string }) {
    return signIn(t.app, u.username, u.password);
  }

  beforeAll(async () => {
    t = await createTestApp();
    unitId = (await makeUnit(t.ctx)).id;
    otherUnit = (await makeUnit(t.ctx)).id;
    accountId = (await buildAccount(t.ctx, { unitId })).id;
    editor = await as(await makeUser(t.ctx, { role: 'agency_editor', unitIds: [unitId] }));
    officer = await as(await makeUser(t.ctx, { role: 'district_officer', unitIds: [unitId] }));
    officerB = await as(await makeUser(t.ctx, { role: 'district_officer', unitIds: [unitId] }));
    outsideOfficer = await as(await makeUser(t.ctx, { role: 'district_officer', unitIds: [otherUnit] }));
    sb = await as(await makeUser(t.ctx, { role: 'sb_supervisor' }));
    const a = await makeUser(t.ctx, { role: 'admin' });
    adminId = a.id;
    admin = await as(a);
  });
  afterAll(async () => {
    await t.close();
  });

  async function call(who: SignedIn, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) {
    return t.app.inject({ method, url: `/api/v1${url}`, headers: who.headers(), ...(payload === undefined ? {} : { payload: payload as object }) });
  }

  async function draft(who: SignedIn = editor, text = 'Beware of fake KYC calls. Dial 1930.'): Promise<PostBody> {
    const res = await call(who, 'POST', '/posts', { unitId, variants: [{ accountId, text }] });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ post: PostBody }>().post;
  }

  async function submitted(who: SignedIn = editor): Promise<PostBody> {
    const p = await draft(who);
    const res = await call(who, 'POST', `/posts/${p.id}/submit`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ post: PostBody }>().post;
  }

  async function auditActions(postId: string): Promise<string[]> {
    const rows = await t.ctx.db.query<{ action: string }>("SELECT action FROM audit_log WHERE target_type = 'post' AND target_id = $1 ORDER BY id", [postId]);
    return rows.map((r) => r.action);
  }

  it('runs the full default chain: district officer, then SB supervisor, then approved; every step audited', async () => {
    const p = await submitted();
    expect(p).toMatchObject({ status: 'in_review', approvalStep: 0, nextApproverRole: 'district_officer', approvalChain: ['district_officer', 'sb_supervisor'] });
    expect(p.can).toMatchObject({ approve: false, edit: true, cancel: true });

    // The officer sees it in the inbox with the approve ability; the SB supervisor does not yet.
    const inbox = (await call(officer, 'GET', '/approvals/inbox')).json<{ posts: PostBody[] }>().posts;
    expect(inbox.map((x) => x.id)).toContain(p.id);
    expect(inbox.find((x) => x.id === p.id)!.can).toMatchObject({ approve: true, reject: true, requestChanges: true });
    expect((await call(sb, 'GET', '/approvals/inbox')).json<{ posts: PostBody[] }>().posts.map((x) => x.id)).not.toContain(p.id);

    const step1 = await call(officer, 'POST', `/posts/${p.id}/approve`, { version: p.version });
    expect(step1.statusCode, step1.body).toBe(200);
    expect(step1.json<{ post: PostBody }>().post).toMatchObject({ status: 'in_review', approvalStep: 1, nextApproverRole: 'sb_supervisor' });
    expect((await call(sb, 'GET', '/approvals/inbox')).json<{ posts: PostBody[] }>().posts.map((x) => x.id)).toContain(p.id);
    expect((await call(officer, 'GET', '/approvals/inbox')).json<{ posts: PostBody[] }>().posts.map((x) => x.id)).not.toContain(p.id);

    const step2 = await call(sb, 'POST', `/posts/${p.id}/approve`, {});
    expect(step2.statusCode, step2.body).toBe(200);
    const done = step2.json<{ post: PostBody }>().post;
    expect(done).toMatchObject({ status: 'approved', approvalStep: 2, nextApproverRole: null });
    expect(done.approvals.map((a) => [a.role, a.decision, a.step, a.postVersion])).toEqual([
      ['district_officer', 'approved', 0, 1],
      ['sb_supervisor', 'approved', 1, 1],
    ]);
    expect(await auditActions(p.id)).toEqual(['post.created', 'post.submitted', 'post.step_approved', 'post.approved']);
  });

  it('never lets the author approve their own post, not even an admin', async () => {
    const account = await buildAccount(t.ctx, { unitId, approvalChain: ['admin'] });
    const res = await call(admin, 'POST', '/posts', { unitId, variants: [{ accountId: account.id, text: 'Admin wrote this' }] });
    const p = res.json<{ post: PostBody }>().post;
    expect((await call(admin, 'POST', `/posts/${p.id}/submit`)).statusCode).toBe(200);
    const own = await call(admin, 'POST', `/posts/${p.id}/approve`, {});
    expect(own.statusCode).toBe(403);
    expect(own.json<{ error: { message: string } }>().error.message).toMatch(/you wrote this post/);
    expect((await call(admin, 'GET', `/posts/${p.id}`)).json<{ post: PostBody }>().post.can.approve).toBe(false);
    expect((await call(admin, 'GET', '/approvals/inbox')).json<{ posts: PostBody[] }>().posts.map((x) => x.id)).not.toContain(p.id);
    // Another admin may.
    const otherAdmin = await makeUser(t.ctx, { role: 'admin' });
    const other = await signIn(t.app, otherAdmin.username, otherAdmin.password);
    expect((await call(other, 'POST', `/posts/${p.id}/approve`, {})).json<{ post: PostBody }>().post.status).toBe('approved');
    expect(adminId).toBeTruthy();
  });

  it('refuses a role that is not the step’s role', async () => {
    const p = await submitted();
    const res = await call(sb, 'POST', `/posts/${p.id}/approve`, {});
    expect(res.statusCode).toBe(403);
    expect(res.json<{ error: { message: string } }>().error.message).toMatch(/waits for district_officer/);
    expect((await call(admin, 'POST', `/posts/${p.id}/approve`, {})).statusCode).toBe(403);
    // An agency editor holds no approval permission at all.
    expect((await call(editor, 'POST', `/posts/${p.id}/approve`, {})).statusCode).toBe(403);
    const after = (await call(officer, 'GET', `/posts/${p.id}`)).json<{ post: PostBody }>().post;
    expect(after).toMatchObject({ status: 'in_review', approvalStep: 0, approvals: [] });
  });

  it('refuses a district officer of another unit, who does not even see the post', async () => {
    const p = await submitted();
    const res = await call(outsideOfficer, 'POST', `/posts/${p.id}/approve`, {});
    expect(res.statusCode).toBe(404);
    expect((await call(outsideOfficer, 'GET', `/posts/${p.id}`)).statusCode).toBe(404);
    expect((await call(outsideOfficer, 'GET', '/approvals/inbox')).json<{ posts: PostBody[] }>().posts.map((x) => x.id)).not.toContain(p.id);
  });

  it('sends an edited post back to the start of the chain, with a new version', async () => {
    const p = await submitted();
    await call(officer, 'POST', `/posts/${p.id}/approve`, {});
    const edited = await call(editor, 'PATCH', `/posts/${p.id}`, { version: p.version, variants: [{ accountId, text: 'Beware of fake KYC calls. Dial 1930 or visit cybercrime.gov.in' }] });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json<{ post: PostBody }>().post).toMatchObject({ status: 'in_review', approvalStep: 0, version: p.version + 1, nextApproverRole: 'district_officer' });
    // The SB supervisor's step is gone; an approval of the old version is refused.
    expect((await call(sb, 'POST', `/posts/${p.id}/approve`, {})).statusCode).toBe(403);
    const stale = await call(officerB, 'POST', `/posts/${p.id}/approve`, { version: p.version });
    expect(stale.statusCode).toBe(409);
    expect((await call(officerB, 'POST', `/posts/${p.id}/approve`, { version: p.version + 1 })).json<{ post: PostBody }>().post.approvalStep).toBe(1);
    const details = await t.ctx.db.query<{ details: { approvalsReset?: boolean } }>("SELECT details FROM audit_log WHERE action = 'post.updated' AND target_id = $1", [p.id]);
    expect(details[0]!.details.approvalsReset).toBe(true);
  });

  it('an edit of an approved post returns it to review', async () => {
    const p = await submitted();
    await call(officer, 'POST', `/posts/${p.id}/approve`, {});
    await call(sb, 'POST', `/posts/${p.id}/approve`, {});
    const edited = (await call(editor, 'PATCH', `/posts/${p.id}`, { campaign: 'Cyber safety week' })).json<{ post: PostBody }>().post;
    expect(edited).toMatchObject({ status: 'in_review', approvalStep: 0, version: 2 });
  });

  it('a change of time alone keeps the approvals', async () => {
    const p = await submitted();
    await call(officer, 'POST', `/posts/${p.id}/approve`, {});
    const at = new Date(Date.now() + 86_400_000).toISOString();
    const moved = (await call(editor, 'PATCH', `/posts/${p.id}`, { scheduledAt: at })).json<{ post: PostBody & { scheduledAt: string } }>().post;
    expect(moved).toMatchObject({ status: 'in_review', approvalStep: 1, version: 1, scheduledAt: at });
  });

  it('reject needs a comment and ends the review; request changes hands it back to the author', async () => {
    const p = await submitted();
    expect((await call(officer, 'POST', `/posts/${p.id}/reject`, {})).statusCode).toBe(400);
    const rejected = (await call(officer, 'POST', `/posts/${p.id}/reject`, { comment: 'Wrong helpline number' })).json<{ post: PostBody }>().post;
    expect(rejected).toMatchObject({ status: 'rejected' });
    expect(rejected.approvals[0]).toMatchObject({ decision: 'rejected', comment: 'Wrong helpline number' });
    expect((await call(officer, 'POST', `/posts/${p.id}/approve`, {})).statusCode).toBe(409);
    expect((await call(editor, 'POST', `/posts/${p.id}/submit`)).statusCode).toBe(409);

    const q = await submitted();
    const changes = (await call(officer, 'POST', `/posts/${q.id}/request-changes`, { comment: 'Add the Hindi text' })).json<{ post: PostBody }>().post;
    expect(changes).toMatchObject({ status: 'changes_requested', approvalStep: 0 });
    // Unchanged, it cannot go back to review.
    expect(changes.can.submit).toBe(false);
    expect((await call(editor, 'POST', `/posts/${q.id}/submit`)).statusCode).toBe(409);
    const fixed = (await call(editor, 'PATCH', `/posts/${q.id}`, { variants: [{ accountId, text: 'फर्जी केवाईसी कॉल से सावधान। Beware of fake KYC calls.' }] })).json<{ post: PostBody }>().post;
    expect(fixed).toMatchObject({ status: 'draft', version: 2 });
    expect(fixed.can.submit).toBe(true);
    const again = (await call(editor, 'POST', `/posts/${q.id}/submit`)).json<{ post: PostBody }>().post;
    expect(again).toMatchObject({ status: 'in_review', approvalStep: 0, version: 2 });
    expect(await auditActions(q.id)).toEqual(['post.created', 'post.submitted', 'post.changes_requested', 'post.updated', 'post.submitted']);
  });

  it('records one decision when two officers approve the same step at once', async () => {
    const p = await submitted();
    const [a, b] = await Promise.all([call(officer, 'POST', `/posts/${p.id}/approve`, { version: 1 }), call(officerB, 'POST', `/posts/${p.id}/approve`, { version: 1 })]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 403]);
    const rows = await t.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM post_approvals WHERE post_id = $1', [p.id]);
    expect(rows[0]!.n).toBe(1);
    expect((await call(sb, 'GET', `/posts/${p.id}`)).json<{ post: PostBody }>().post).toMatchObject({ approvalStep: 1, nextApproverRole: 'sb_supervisor' });
  });

  it('merges the chains of several accounts in order', async () => {
    const extra = await buildAccount(t.ctx, { unitId, approvalChain: ['district_officer', 'leadership'] });
    const res = await call(editor, 'POST', '/posts', { unitId, variants: [{ accountId, text: 'one' }, { accountId: extra.id, text: 'two' }] });
    expect(res.json<{ post: PostBody }>().post.approvalChain).toEqual(['district_officer', 'sb_supervisor', 'leadership']);
  });
});
