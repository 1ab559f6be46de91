import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/app.js';
import { makeUnit, makeUser, signIn, type SignedIn } from '../../test-support/factories.js';
import { buildAccount } from './post-factories.js';

interface Issue {
  field: string;
  code: string;
  limit?: number;
  actual?: number;
  message: string;
}
interface PostBody {
  id: string;
  status: string;
  version: number;
  scheduledAt: string | null;
  timeZone: string;
  issues: Issue[];
  variants: { id: string; accountId: string; text: string; hashtags: string[]; publishedText: string; counter: { used: number } }[];
  can: Record<string, boolean>;
}

describe('composer', () => {
  let t: TestApp;
  let unitId: string;
  let otherUnit: string;
  let x: string;
  let bsky: string;
  let sandbox: string;
  let foreign: string;
  let editor: SignedIn;
  let analyst: SignedIn;

  beforeAll(async () => {
    t = await createTestApp();
    unitId = (await makeUnit(t.ctx)).id;
    otherUnit = (await makeUnit(t.ctx)).id;
    x = (await buildAccount(t.ctx, { unitId, platform: 'x' })).id;
    bsky = (await buildAccount(t.ctx, { unitId, platform: 'bluesky' })).id;
    sandbox = (await buildAccount(t.ctx, { unitId })).id;
    foreign = (await buildAccount(t.ctx, { unitId: otherUnit })).id;
    const e = await makeUser(t.ctx, { role: 'agency_editor', unitIds: [unitId] });
    editor = await signIn(t.app, e.username, e.password);
    const a = await makeUser(t.ctx, { role: 'analyst', unitIds: [unitId] });
    analyst = await signIn(t.app, a.username, a.password);
  });
  afterAll(async () => {
    await t.close();
  });

  const call = (who: SignedIn, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: who.headers(), ...(payload ? { payload } : {}) });

  it('saves a draft with variants over the limit, shows the issue on the field, and refuses to submit it', async () => {
    const res = await call(editor, 'POST', '/posts', {
      unitId,
      campaign: 'Cyber safety week',
      variants: [
        { accountId: x, text: 'a'.repeat(290) },
        { accountId: bsky, text: 'ok', hashtags: ['#CyberSafety', 'CyberSafety'] },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const post = res.json<{ post: PostBody }>().post;
    expect(post.status).toBe('draft');
    expect(post.issues).toEqual([{ field: 'variants[0].text', code: 'too_long', limit: 280, actual: 290, message: expect.stringContaining('280') as string }]);
    expect(post.variants[1]!.hashtags).toEqual(['CyberSafety']);
    expect(post.variants[0]).toMatchObject({ counter: { used: 290, limit: 280, unit: 'weighted' } });
    expect(post.variants[1]).toMatchObject({ publishedText: 'ok\n\n#CyberSafety', counter: { used: 16, limit: 300, unit: 'graphemes' } });
    expect(post.can).toMatchObject({ edit: true, submit: false, cancel: true, approve: false });
    const submit = await call(editor, 'POST', `/posts/${post.id}/submit`);
    expect(submit.statusCode).toBe(400);
    const err = submit.json<{ error: { code: string; message: string; details: { field: string; issues: Issue[] } } }>().error;
    expect(err.code).toBe('validation_failed');
    expect(err.details.field).toBe('variants[0].text');
    expect(err.details.issues[0]).toMatchObject({ field: 'variants[0].text', code: 'too_long', limit: 280, actual: 290 });

    const fixed = (await call(editor, 'PATCH', `/posts/${post.id}`, { variants: [{ accountId: x, text: 'a'.repeat(280) }, { accountId: bsky, text: 'ok' }] })).json<{ post: PostBody }>().post;
    expect(fixed.issues).toEqual([]);
    expect(fixed.version).toBe(2);
    // The variant of the same account keeps its id.
    expect(fixed.variants[0]!.id).toBe(post.variants[0]!.id);
    expect((await call(editor, 'POST', `/posts/${post.id}/submit`)).json<{ post: PostBody }>().post.status).toBe('in_review');
  });

  it('counts Devanagari, links and emoji as each platform does', async () => {
    const res = await call(editor, 'POST', '/posts/check', {
      unitId,
      variants: [
        { accountId: x, text: 'साइबर ठगी से सावधान! '.repeat(14), link: `https://cybercrime.gov.in/${'x'.repeat(100)}` },
        { accountId: bsky, text: '👮🏽‍♀️'.repeat(301) },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const issues = res.json<{ issues: Issue[] }>().issues;
    expect(issues).toEqual([
      expect.objectContaining({ field: 'variants[0].text', code: 'too_long', actual: [...'साइबर ठगी से सावधान! '.repeat(14).trim()].length + 1 + 23 }),
      expect.objectContaining({ field: 'variants[1].text', code: 'too_long', limit: 300, actual: 301 }),
    ]);
  });

  it('refuses an account of another unit, an unknown account or media, and duplicate accounts', async () => {
    const foreignRes = await call(editor, 'POST', '/posts', { unitId, variants: [{ accountId: foreign, text: 'x' }] });
    expect(foreignRes.statusCode).toBe(400);
    expect(foreignRes.json<{ error: { details: { field: string } } }>().error.details.field).toBe('variants[0].accountId');
    expect((await call(editor, 'POST', '/posts', { unitId, variants: [{ accountId: '00000000-0000-4000-8000-000000000000', text: 'x' }] })).statusCode).toBe(400);
    expect((await call(editor, 'POST', '/posts', { unitId, variants: [{ accountId: sandbox, text: 'x', mediaIds: ['a'.repeat(64)] }] })).statusCode).toBe(400);
    expect((await call(editor, 'POST', '/posts', { unitId, variants: [{ accountId: sandbox, text: 'x' }, { accountId: sandbox, text: 'y' }] })).statusCode).toBe(400);
    // A unit outside the editor's scope.
    expect((await call(editor, 'POST', '/posts', { unitId: otherUnit, variants: [{ accountId: foreign, text: 'x' }] })).statusCode).toBe(403);
  });

  it('stores a wall time in the force’s zone as UTC, and a time with an offset as given', async () => {
    const local = (await call(editor, 'POST', '/posts', { unitId, scheduledAt: '2099-01-15T10:30', variants: [{ accountId: sandbox, text: 'x' }] })).json<{ post: PostBody }>().post;
    expect(local).toMatchObject({ scheduledAt: '2099-01-15T05:00:00.000Z', timeZone: 'Asia/Kolkata' });
    const ny = (await call(editor, 'POST', '/posts', { unitId, scheduledAt: '2099-07-04T09:00', timeZone: 'America/New_York', variants: [{ accountId: sandbox, text: 'x' }] })).json<{ post: PostBody }>().post;
    expect(ny.scheduledAt).toBe('2099-07-04T13:00:00.000Z');
    const utc = (await call(editor, 'POST', '/posts', { unitId, scheduledAt: '2099-01-15T10:30:00Z', variants: [{ accountId: sandbox, text: 'x' }] })).json<{ post: PostBody }>().post;
    expect(utc.scheduledAt).toBe('2099-01-15T10:30:00.000Z');
    expect((await call(editor, 'POST', '/posts', { unitId, scheduledAt: '2020-01-01T10:00', variants: [{ accountId: sandbox, text: 'x' }] })).statusCode).toBe(400);
    expect((await call(editor, 'POST', '/posts', { unitId, scheduledAt: 'tomorrow', variants: [{ accountId: sandbox, text: 'x' }] })).statusCode).toBe(400);
    expect((await call(editor, 'POST', '/posts', { unitId, timeZone: 'Mars/Olympus', variants: [{ accountId: sandbox, text: 'x' }] })).statusCode).toBe(400);
  });

  it('lets an analyst read but not write, lists by status and pages, and cancels', async () => {
    const created = (await call(editor, 'POST', '/posts', { unitId, variants: [{ accountId: sandbox, text: 'list me' }] })).json<{ post: PostBody }>().post;
    const seen = await call(analyst, 'GET', `/posts/${created.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json<{ post: PostBody }>().post.can).toEqual({ edit: false, submit: false, approve: false, reject: false, requestChanges: false, cancel: false, publishNow: false });
    expect((await call(analyst, 'PATCH', `/posts/${created.id}`, { campaign: 'x' })).statusCode).toBe(403);

    const page1 = (await call(editor, 'GET', '/posts?status=draft&limit=2')).json<{ posts: PostBody[]; nextBefore: string | null }>();
    expect(page1.posts).toHaveLength(2);
    expect(page1.posts.every((p) => p.status === 'draft')).toBe(true);
    const page2 = (await call(editor, 'GET', `/posts?status=draft&limit=2&before=${encodeURIComponent(page1.nextBefore!)}`)).json<{ posts: PostBody[] }>();
    expect(page2.posts.map((p) => p.id)).not.toContain(page1.posts[0]!.id);

    const cancelled = (await call(editor, 'POST', `/posts/${created.id}/cancel`, { reason: 'duplicate' })).json<{ post: PostBody }>().post;
    expect(cancelled.status).toBe('cancelled');
    expect((await call(editor, 'PATCH', `/posts/${created.id}`, { campaign: 'x' })).statusCode).toBe(409);
    const audit = await t.ctx.db.query<{ details: { reason: string } }>("SELECT details FROM audit_log WHERE action = 'post.cancelled' AND target_id = $1", [created.id]);
    expect(audit[0]!.details.reason).toBe('duplicate');
  });

  it('refuses an edit made on a stale version', async () => {
    const p = (await call(editor, 'POST', '/posts', { unitId, variants: [{ accountId: sandbox, text: 'v1' }] })).json<{ post: PostBody }>().post;
    expect((await call(editor, 'PATCH', `/posts/${p.id}`, { version: 1, variants: [{ accountId: sandbox, text: 'v2' }] })).statusCode).toBe(200);
    expect((await call(editor, 'PATCH', `/posts/${p.id}`, { version: 1, variants: [{ accountId: sandbox, text: 'v3' }] })).statusCode).toBe(409);
  });
});

describe('publishing in the API description', () => {
  it('documents every publishing route in openapi.json', async () => {
    const t = await createTestApp({ seed: false });
    try {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
      expect(res.statusCode).toBe(200);
      const paths = Object.keys(res.json<{ paths: Record<string, unknown> }>().paths);
      for (const p of ['/api/v1/posts', '/api/v1/posts/{id}/approve', '/api/v1/approvals/inbox', '/api/v1/accounts', '/api/v1/media', '/api/v1/templates/{id}/posts', '/sandbox/v1/posts']) {
        expect(paths, p).toContain(p);
      }
    } finally {
      await t.close();
    }
  });
});
