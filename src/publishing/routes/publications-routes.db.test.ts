import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../log/logger.js';
import { getConnector } from '../../platforms/registry.js';
import { createTestApp, type TestApp } from '../../test-support/app.js';
import { makeUnit, makeUser, signIn, type SignedIn } from '../../test-support/factories.js';
import { insertPost, makeSandboxAccount, type FixtureAccount } from '../publisher/delivery-fixtures.js';
import { createDelivery, type Delivery } from '../publisher/delivery.js';

/** The delivery API as callers see it: pause banner and control, calendar, reschedule, retry, CSV. */
describe('delivery routes', () => {
  let t: TestApp;
  let delivery: Delivery;
  let unitA: string;
  let unitB: string;
  let accountA: FixtureAccount;
  let accountB: FixtureAccount;
  let editorA: { id: string; s: SignedIn };
  let officerB: SignedIn;
  let supervisor: SignedIn;
  let seq = 0;

  beforeAll(async () => {
    t = await createTestApp();
    const url = await t.app.listen({ port: 0, host: '127.0.0.1' });
    t.ctx.config.sandboxUrl = url;
    await t.ctx.jobs.start({ work: false, schedule: false, timeZone: 'Asia/Kolkata' }, () => Promise.resolve({ status: 'done' }));
    // The same services the routes use, with a short lease, to drive the scheduler and publisher by hand.
    delivery = createDelivery({
      db: t.ctx.db,
      audit: t.ctx.audit,
      jobs: t.ctx.jobs,
      keyring: t.ctx.keyring,
      logger: silentLogger,
      config: { timeZone: 'Asia/Kolkata' },
      leaseSeconds: 30,
      connectorFor: (p) => getConnector(p, { sandboxUrl: url }),
    });
    unitA = (await makeUnit(t.ctx)).id;
    unitB = (await makeUnit(t.ctx)).id;
    accountA = await makeSandboxAccount(t.ctx, unitA, `routes_a_${process.pid}`);
    accountB = await makeSandboxAccount(t.ctx, unitB, `routes_b_${process.pid}`);
    const e = await makeUser(t.ctx, { role: 'agency_editor', unitIds: [unitA] });
    editorA = { id: e.id, s: await signIn(t.app, e.username, e.password) };
    const o = await makeUser(t.ctx, { role: 'district_officer', unitIds: [unitB] });
    officerB = await signIn(t.app, o.username, o.password);
    const sv = await makeUser(t.ctx, { role: 'sb_supervisor' });
    supervisor = await signIn(t.app, sv.username, sv.password);
  });
  afterAll(async () => {
    await t.close();
  });

  const inject = (s: SignedIn, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: s.headers(), ...(payload === undefined ? {} : { payload: payload as object }) });
  const post = (unitId: string, account: FixtureAccount, at: Date, status = 'approved') =>
    insertPost(t.ctx.db, { unitId, authorId: editorA.id, accountIds: [account.accountId], scheduledAt: at, status, text: `Route test ${++seq}` });
  const pubOf = async (postId: string) => (await t.ctx.db.query<{ id: string; state: string }>('SELECT id, state FROM publications WHERE post_id = $1', [postId]))[0]!;
  const range = () => `from=${encodeURIComponent(new Date(Date.now() - 86_400_000).toISOString())}&to=${encodeURIComponent(new Date(Date.now() + 30 * 86_400_000).toISOString())}`;

  it('pauses a unit: the banner shows it to that unit only, due posts are held, resume leaves them for a person', async () => {
    expect((await inject(editorA.s, 'POST', '/publishing/pause', { reason: 'law and order situation' })).statusCode).toBe(403);
    const started = await inject(supervisor, 'POST', '/publishing/pause', { reason: 'law and order situation', unitIds: [unitA] });
    expect(started.statusCode, started.body).toBe(201);
    const pauseId = started.json<{ pauses: { id: string; unitId: string }[] }>().pauses[0]!.id;

    const bannerA = await inject(editorA.s, 'GET', '/publishing/pause');
    expect(bannerA.json<{ pauses: { id: string; reason: string; can: { end: boolean } }[] }>().pauses).toMatchObject([{ id: pauseId, reason: 'law and order situation', can: { end: false } }]);
    expect((await inject(officerB, 'GET', '/publishing/pause')).json<{ pauses: unknown[] }>().pauses).toEqual([]);

    const due = await post(unitA, accountA, new Date(Date.now() - 1_000));
    const later = await post(unitA, accountA, new Date(Date.now() + 90_000));
    const other = await post(unitB, accountB, new Date(Date.now() - 1_000));
    const sweep = await delivery.scheduler.sweep();
    expect(sweep.held).toBe(1);
    expect((await pubOf(due.postId)).state).toBe('held');
    expect(await t.ctx.db.query('SELECT id FROM publications WHERE post_id = $1', [later.postId])).toEqual([]);
    expect((await pubOf(other.postId)).state).toBe('scheduled');

    const cal = await inject(editorA.s, 'GET', `/calendar?${range()}`);
    const entry = cal.json<{ posts: { id: string; paused: boolean; targets: { state: string; can: { publishNow: boolean } }[] }[] }>().posts.find((p) => p.id === due.postId)!;
    expect(entry.paused).toBe(true);
    expect(entry.targets[0]).toMatchObject({ state: 'held', can: { publishNow: false } });
    const pubId = (await pubOf(due.postId)).id;
    expect((await inject(editorA.s, 'POST', `/publications/${pubId}/publish-now`, {})).statusCode).toBe(409);

    expect((await inject(supervisor, 'POST', `/publishing/pause/${pauseId}/end`, {})).statusCode).toBe(204);
    expect((await inject(editorA.s, 'GET', '/publishing/pause')).json<{ pauses: unknown[] }>().pauses).toEqual([]);
    await delivery.scheduler.sweep();
    expect((await pubOf(due.postId)).state).toBe('held');
    expect((await pubOf(later.postId)).state).toBe('scheduled');

    const now = await inject(editorA.s, 'POST', `/publications/${pubId}/publish-now`, {});
    expect(now.statusCode, now.body).toBe(200);
    expect(now.json<{ publication: { state: string } }>().publication.state).toBe('scheduled');
    await delivery.publisher.run(pubId);
    expect((await pubOf(due.postId)).state).toBe('published');

    const audit = await t.ctx.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE target_id = $1 OR target_id = $2 ORDER BY id`, [pauseId, pubId]);
    expect(audit.map((a) => a.action)).toEqual(['publishing.paused', 'publishing.resumed', 'publication.publish_now', 'publication.published']);
  });

  it('shows each caller only their units, with the platform’s own error text and what they may do', async () => {
    await t.ctx.sandbox.injectFault(accountA.handle, { mode: 'reject', count: 1, operations: ['publish'] });
    const failing = await post(unitA, accountA, new Date(Date.now() - 1_000));
    await delivery.scheduler.sweep();
    await delivery.publisher.run((await pubOf(failing.postId)).id);

    const mine = (await inject(editorA.s, 'GET', `/calendar?${range()}`)).json<{ posts: { id: string; unitId: string; targets: { errorMessage: string | null; state: string; can: { retry: boolean } }[] }[] }>().posts;
    expect(mine.every((p) => p.unitId === unitA)).toBe(true);
    const failed = mine.find((p) => p.id === failing.postId)!;
    expect(failed.targets[0]).toMatchObject({ state: 'failed', errorMessage: 'Sandbox: this content violates the community rules', can: { retry: true } });
    expect((await inject(editorA.s, 'GET', `/calendar?${range()}&unitId=${unitB}`)).statusCode).toBe(403);
    expect((await inject(officerB, 'GET', `/posts/${failing.postId}/publications`)).statusCode).toBe(404);

    const detail = await inject(editorA.s, 'GET', `/posts/${failing.postId}/publications`);
    expect(detail.json<{ publications: { errorKind: string; history: { outcome: string }[] }[] }>().publications[0]).toMatchObject({ errorKind: 'rejected', history: [{ outcome: 'failed' }] });

    const pubId = (await pubOf(failing.postId)).id;
    const retried = await inject(editorA.s, 'POST', `/publications/${pubId}/retry`, {});
    expect(retried.statusCode, retried.body).toBe(200);
    await delivery.publisher.run(pubId);
    expect((await pubOf(failing.postId)).state).toBe('published');
    expect((await t.ctx.db.query<{ status: string }>('SELECT status FROM posts WHERE id = $1', [failing.postId]))[0]!.status).toBe('published');
  });

  it('reschedules in a zone with daylight saving, refusing a time that does not exist, and never a post that went out', async () => {
    const p = await post(unitA, accountA, new Date(Date.now() + 7 * 86_400_000));
    const gap = await inject(editorA.s, 'POST', `/posts/${p.postId}/reschedule`, { scheduledAt: '2027-03-14T02:30', timeZone: 'America/New_York' });
    expect(gap.statusCode).toBe(400);
    expect(gap.json<{ error: { details: { reason: string } } }>().error.details.reason).toBe('nonexistent_local_time');
    const ok = await inject(editorA.s, 'POST', `/posts/${p.postId}/reschedule`, { scheduledAt: '2027-03-14T03:30', timeZone: 'America/New_York' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<{ post: { scheduledAt: string; scheduledLocal: string } }>().post).toMatchObject({ scheduledAt: '2027-03-14T07:30:00.000Z', scheduledLocal: '2027-03-14T03:30-04:00' });
    const audit = await t.ctx.db.query<{ details: { after: string } }>(`SELECT details FROM audit_log WHERE action = 'post.rescheduled' AND target_id = $1`, [p.postId]);
    expect(audit[0]!.details.after).toBe('2027-03-14T07:30:00.000Z');

    const gone = await post(unitA, accountA, new Date(Date.now() - 1_000));
    await delivery.scheduler.sweep();
    await delivery.publisher.run((await pubOf(gone.postId)).id);
    const refused = await inject(editorA.s, 'POST', `/posts/${gone.postId}/reschedule`, { scheduledAt: '2030-01-01T10:00' });
    expect(refused.statusCode).toBe(409);
  });

  it('imports CSV only when every row is good (or the good rows are accepted), reporting lines; exports the calendar', async () => {
    const future = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 16);
    const csv = [
      'account,scheduled_at,time_zone,text,hashtags,campaign',
      `${accountA.handle},${future},UTC,"Cyber safety week: never share your OTP, not even with ""bank staff"".",#CyberSafety,cyber-week`,
      `nobody_here,${future},UTC,Text,,`,
      `${accountA.handle},2020-01-01T10:00,,Old,,`,
      `${accountB.handle},${future},,Not my unit,,`,
    ].join('\n');
    const send = (accept: boolean) =>
      t.app.inject({ method: 'POST', url: `/api/v1/posts/import${accept ? '?acceptGoodRows=true' : ''}`, headers: { ...editorA.s.headers(), 'content-type': 'text/csv' }, payload: csv });
    const before = (await t.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM posts'))[0]!.n;
    const bad = await send(false);
    expect(bad.statusCode).toBe(400);
    const errors = bad.json<{ error: { details: { errors: { line: number; column: string }[] } } }>().error.details.errors;
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [3, 'account'],
      [4, 'scheduled_at'],
      [5, 'account'],
    ]);
    expect((await t.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM posts'))[0]!.n).toBe(before);

    const good = await send(true);
    expect(good.statusCode, good.body).toBe(200);
    const result = good.json<{ rows: number; imported: { line: number; postId: string }[]; errors: unknown[] }>();
    expect(result.rows).toBe(4);
    expect(result.imported.map((i) => i.line)).toEqual([2]);
    const imported = (await t.ctx.db.query<{ status: string; authorId: string; campaign: string }>('SELECT status, author_id AS "authorId", campaign FROM posts WHERE id = $1', [result.imported[0]!.postId]))[0]!;
    expect(imported).toEqual({ status: 'in_review', authorId: editorA.id, campaign: 'cyber-week' });

    const exported = await inject(editorA.s, 'GET', `/calendar/export?${range()}`);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toMatch(/^text\/csv/);
    const lines = exported.body.trim().split('\r\n');
    expect(lines[0]).toBe('post_id,unit,status,scheduled_at_utc,scheduled_local,time_zone,campaign,author,platform,account,publication_state,published_at,remote_url,error,text');
    expect(lines.some((l) => l.startsWith(result.imported[0]!.postId) && l.includes('in_review') && l.includes('cyber-week'))).toBe(true);
    expect(lines.every((l) => !l.includes(accountB.handle))).toBe(true);
  });
});
