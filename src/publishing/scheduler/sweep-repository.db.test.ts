import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/app.js';
import { makeUnit, makeUser } from '../../test-support/factories.js';
import { insertPost, makeSandboxAccount } from '../publisher/delivery-fixtures.js';
import { claimDuePosts, createPublications, createScheduledPublications } from './sweep-repository.js';

describe('the sweep of posts to schedule', () => {
  let t: TestApp;
  let unitId: string;
  let authorId: string;
  let accountIds: string[];

  beforeAll(async () => {
    t = await createTestApp();
    unitId = (await makeUnit(t.ctx)).id;
    authorId = (await makeUser(t.ctx, { role: 'agency_editor', unitIds: [unitId] })).id;
    accountIds = [(await makeSandboxAccount(t.ctx, unitId, 'sweep_a')).accountId, (await makeSandboxAccount(t.ctx, unitId, 'sweep_b')).accountId];
  });
  afterAll(async () => {
    await t.close();
  });

  const due = () => new Date(Date.now() + 30_000);
  const claimed = async (): Promise<string[]> => t.ctx.db.transaction(async (tx) => (await claimDuePosts(tx, 120, 1000)).map((p) => p.id));

  it('takes an approved post until its version has publications, and again after an edit makes a new version', async () => {
    const { postId } = await insertPost(t.ctx.db, { unitId, authorId, accountIds, scheduledAt: due() });
    expect(await claimed()).toContain(postId);

    const created = await t.ctx.db.transaction(async (tx) => {
      const [post] = (await claimDuePosts(tx, 120, 1000)).filter((p) => p.id === postId);
      return createScheduledPublications(tx, [post!]);
    });
    expect(created).toHaveLength(2);
    expect(await claimed()).not.toContain(postId);

    // An edit approved again: the new version has no publications yet.
    await t.ctx.db.execute('UPDATE posts SET version = version + 1 WHERE id = $1', [postId]);
    expect(await claimed()).toContain(postId);
  });

  it('counts held publications as made, and leaves posts without variants to be looked at again', async () => {
    const held = await insertPost(t.ctx.db, { unitId, authorId, accountIds, scheduledAt: due() });
    const empty = await insertPost(t.ctx.db, { unitId, authorId, accountIds: [], scheduledAt: due() });
    await t.ctx.db.transaction(async (tx) => {
      const posts = await claimDuePosts(tx, 120, 1000);
      expect(await createPublications(tx, posts.find((p) => p.id === held.postId)!, 'held', 'publishing is paused force-wide: drill')).toHaveLength(2);
      expect(await createScheduledPublications(tx, [posts.find((p) => p.id === empty.postId)!])).toEqual([]);
    });
    const again = await claimed();
    expect(again).not.toContain(held.postId);
    expect(again).toContain(empty.postId);
  });

  it('makes nothing twice when a post is given to the insert again', async () => {
    const { postId } = await insertPost(t.ctx.db, { unitId, authorId, accountIds: accountIds.slice(0, 1), scheduledAt: due() });
    const post = await t.ctx.db.transaction(async (tx) => (await claimDuePosts(tx, 120, 1000)).find((p) => p.id === postId)!);
    expect(await t.ctx.db.transaction((tx) => createScheduledPublications(tx, [post]))).toHaveLength(1);
    expect(await t.ctx.db.transaction((tx) => createScheduledPublications(tx, [post]))).toEqual([]);
    const [row] = await t.ctx.db.query<{ n: number; v: number }>('SELECT (SELECT count(*)::int FROM publications WHERE post_id = $1) AS n, publications_version AS v FROM posts WHERE id = $1', [postId]);
    expect(row).toEqual({ n: 1, v: 1 });
  });
});
