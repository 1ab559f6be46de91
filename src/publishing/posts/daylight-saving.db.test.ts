import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/app.js';
import { makeUnit, makeUser, signIn, type SignedIn } from '../../test-support/factories.js';
import { buildAccount } from './post-factories.js';

interface Refusal {
  error: { code: string; message: string; details: { field: string; reason: string; local: string; timeZone: string; choices: string[] } };
}

/**
 * One rule for a wall-clock time at a daylight-saving change, wherever a time is typed: the
 * composer (create and edit), the calendar (reschedule, which the drag sends) and CSV import. In
 * New York the clocks go forward at 02:00 on 14 March 2027 and back at 02:00 on 7 November 2027;
 * in London at 01:00 on 28 March and at 02:00 on 31 October 2027.
 */
describe('scheduled times at a daylight-saving change', () => {
  let t: TestApp;
  let unitId: string;
  let accountId: string;
  let handle: string;
  let editor: SignedIn;

  beforeAll(async () => {
    t = await createTestApp();
    unitId = (await makeUnit(t.ctx)).id;
    const account = await buildAccount(t.ctx, { unitId });
    accountId = account.id;
    handle = account.handle;
    const e = await makeUser(t.ctx, { role: 'agency_editor', unitIds: [unitId] });
    editor = await signIn(t.app, e.username, e.password);
  });
  afterAll(async () => {
    await t.close();
  });

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => t.app.inject({ method, url: `/api/v1${url}`, headers: editor.headers(), ...(payload ? { payload } : {}) });
  const create = (scheduledAt: string, timeZone: string) => call('POST', '/posts', { unitId, scheduledAt, timeZone, variants: [{ accountId, text: 'Road closed for the parade rehearsal.' }] });
  const draft = async (timeZone: string) => (await create('2027-06-01T10:00', timeZone)).json<{ post: { id: string; scheduledAt: string } }>().post;

  it('create: refuses the skipped hour, naming the times either side of it', async () => {
    const res = await create('2027-03-14T02:30', 'America/New_York');
    expect(res.statusCode).toBe(400);
    const { error } = res.json<Refusal>();
    expect(error.details).toEqual({
      field: 'scheduledAt',
      reason: 'nonexistent_local_time',
      local: '2027-03-14T02:30',
      timeZone: 'America/New_York',
      choices: ['2027-03-14T01:30-05:00', '2027-03-14T03:30-04:00'],
    });
    expect(error.message).toContain('2027-03-14T01:30-05:00 or 2027-03-14T03:30-04:00');
    // Either choice is taken as it is.
    const later = await create('2027-03-14T03:30-04:00', 'America/New_York');
    expect(later.statusCode, later.body).toBe(201);
    expect(later.json<{ post: { scheduledAt: string } }>().post.scheduledAt).toBe('2027-03-14T07:30:00.000Z');
  });

  it('create: refuses the repeated hour, naming both instants with their offsets', async () => {
    const res = await create('2027-11-07T01:30', 'America/New_York');
    expect(res.statusCode).toBe(400);
    expect(res.json<Refusal>().error.details).toMatchObject({ reason: 'ambiguous_local_time', choices: ['2027-11-07T01:30-04:00', '2027-11-07T01:30-05:00'] });
    const second = await create('2027-11-07T01:30-05:00', 'America/New_York');
    expect(second.json<{ post: { scheduledAt: string } }>().post.scheduledAt).toBe('2027-11-07T06:30:00.000Z');
  });

  it('edit: refuses both in London and leaves the post as it was', async () => {
    const post = await draft('Europe/London');
    const gap = await call('PATCH', `/posts/${post.id}`, { scheduledAt: '2027-03-28T01:15' });
    expect(gap.statusCode).toBe(400);
    expect(gap.json<Refusal>().error.details).toMatchObject({ field: 'scheduledAt', reason: 'nonexistent_local_time', choices: ['2027-03-28T00:15+00:00', '2027-03-28T02:15+01:00'] });
    const twice = await call('PATCH', `/posts/${post.id}`, { scheduledAt: '2027-10-31T01:15' });
    expect(twice.json<Refusal>().error.details).toMatchObject({ reason: 'ambiguous_local_time', choices: ['2027-10-31T01:15+01:00', '2027-10-31T01:15+00:00'] });
    expect((await call('GET', `/posts/${post.id}`)).json<{ post: { scheduledAt: string } }>().post.scheduledAt).toBe(post.scheduledAt);

    const chosen = await call('PATCH', `/posts/${post.id}`, { scheduledAt: '2027-10-31T01:15+00:00' });
    expect(chosen.statusCode, chosen.body).toBe(200);
    expect(chosen.json<{ post: { scheduledAt: string } }>().post.scheduledAt).toBe('2027-10-31T01:15:00.000Z');
  });

  it('reschedule: refuses the repeated hour in the given zone; the offset a person picks is kept', async () => {
    const post = await draft('America/New_York');
    const twice = await call('POST', `/posts/${post.id}/reschedule`, { scheduledAt: '2027-11-07T01:30', timeZone: 'America/New_York' });
    expect(twice.statusCode).toBe(400);
    expect(twice.json<Refusal>().error.details).toMatchObject({ field: 'scheduledAt', reason: 'ambiguous_local_time', choices: ['2027-11-07T01:30-04:00', '2027-11-07T01:30-05:00'] });
    // What the calendar sends when a post is dropped on another day: that day's time with its offset.
    const moved = await call('POST', `/posts/${post.id}/reschedule`, { scheduledAt: '2027-11-07T01:30-04:00' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json<{ post: { scheduledAt: string; scheduledLocal: string } }>().post).toMatchObject({ scheduledAt: '2027-11-07T05:30:00.000Z', scheduledLocal: '2027-11-07T01:30-04:00' });
  });

  it('CSV import: each refused row says why and names the choices on its scheduled_at column', async () => {
    const csv = [
      'account,scheduled_at,time_zone,text',
      `${handle},2027-03-14T02:30,America/New_York,Skipped hour`,
      `${handle},2027-10-31T01:30,Europe/London,Repeated hour`,
      `${handle},2027-10-31T01:30+00:00,Europe/London,Picked instant`,
    ].join('\n');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/posts/import?acceptGoodRows=true', headers: { ...editor.headers(), 'content-type': 'text/csv' }, payload: csv });
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json<{ imported: { line: number; postId: string }[]; errors: { line: number; column: string; message: string }[] }>();
    expect(result.errors.map((e) => [e.line, e.column])).toEqual([
      [2, 'scheduled_at'],
      [3, 'scheduled_at'],
    ]);
    expect(result.errors[0]!.message).toContain('does not exist in America/New_York');
    expect(result.errors[0]!.message).toContain('2027-03-14T01:30-05:00 or 2027-03-14T03:30-04:00');
    expect(result.errors[1]!.message).toContain('happens twice in Europe/London');
    expect(result.errors[1]!.message).toContain('2027-10-31T01:30+01:00 or 2027-10-31T01:30+00:00');
    expect(result.imported.map((i) => i.line)).toEqual([4]);
    const at = await t.ctx.db.query<{ scheduledAt: Date }>('SELECT scheduled_at AS "scheduledAt" FROM posts WHERE id = $1', [result.imported[0]!.postId]);
    expect(new Date(at[0]!.scheduledAt).toISOString()).toBe('2027-10-31T01:30:00.000Z');
  });
});
