import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/app.js';
import { seedDemoPublishing } from './demo-posts.js';

describe('demo publishing seed', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    // The Sandbox is served by the app itself, as in `npm start`; jobs are sent, not worked.
    t.ctx.config.sandboxUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
    await t.ctx.jobs.start({ work: false, schedule: false, timeZone: t.ctx.config.timeZone }, () => Promise.resolve({ status: 'done' }));
  });
  afterAll(async () => {
    await t.close();
  });

  const count = async (sql: string, params: unknown[] = []) => (await t.ctx.db.query<{ n: number }>(sql, params))[0]!.n;

  it('opens a Sandbox account per unit, adds templates and posts at every stage, once', async () => {
    const before = Date.now();
    // Due already (the last one just now), so the test need not wait for the seconds a real
    // start leaves itself to listen.
    const first = await seedDemoPublishing(t.ctx, { goingOutAfterMs: -25_000 });
    const units = await t.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM units WHERE active');
    expect(first.accounts).toBe(units[0]!.n);
    expect(first.templates).toBe(5);
    expect(first.posts).toBeGreaterThanOrEqual(10);

    const missing = await t.ctx.db.query(`SELECT id FROM units u WHERE active AND NOT EXISTS (SELECT 1 FROM social_accounts a WHERE a.unit_id = u.id AND a.platform = 'sandbox')`);
    expect(missing).toEqual([]);
    const statuses = await t.ctx.db.query<{ status: string; step: number; n: number }>('SELECT status, approval_step AS step, count(*)::int AS n FROM posts GROUP BY 1, 2 ORDER BY 1, 2');
    expect(statuses).toEqual([
      { status: 'approved', step: 2, n: 5 },
      { status: 'changes_requested', step: 0, n: 1 },
      { status: 'draft', step: 0, n: 2 },
      { status: 'in_review', step: 0, n: 2 },
      { status: 'in_review', step: 1, n: 1 },
    ]);
    // Three approved posts are due around the seeding, two more in the days ahead.
    const approved = await t.ctx.db.query<{ scheduledAt: Date }>("SELECT scheduled_at AS \"scheduledAt\" FROM posts WHERE status = 'approved' ORDER BY scheduled_at");
    const due = approved.map((p) => new Date(p.scheduledAt).getTime());
    expect(due.slice(0, 3).every((at) => at >= before - 25_000 && at <= Date.now())).toBe(true);
    expect(due.slice(3).every((at) => at > Date.now() + 3_600_000)).toBe(true);
    // Every post was made through the services: audited, and the demo cast cannot sign in.
    expect(await count("SELECT count(*)::int AS n FROM audit_log WHERE action = 'post.created'")).toBe(first.posts);
    const cast = await t.ctx.db.query<{ disabled: boolean }>("SELECT disabled FROM users WHERE username LIKE 'demo.%'");
    expect(cast).toHaveLength(3);
    expect(cast.every((u) => u.disabled)).toBe(true);
    // Nothing went out yet: delivery sends the posts that fall due, the seed does not.
    expect(await count('SELECT count(*)::int AS n FROM publications')).toBe(0);

    const again = await seedDemoPublishing(t.ctx);
    expect(again).toEqual({ accounts: 0, templates: 0, posts: 0 });
  });

  it('has three posts that the scheduler and the publisher send to the Sandbox at first start', async () => {
    const swept = await t.ctx.delivery.scheduler.sweep();
    expect(swept.scheduled).toBe(3);
    const pubs = await t.ctx.db.query<{ id: string; postId: string }>('SELECT id, post_id AS "postId" FROM publications ORDER BY due_at');
    expect(pubs).toHaveLength(3);
    for (const p of pubs) expect(await t.ctx.delivery.publisher.run(p.id)).toMatchObject({ status: 'done', detail: { state: 'published' } });

    const published = await t.ctx.db.query<{ state: string; remoteUrl: string | null; key: string; status: string }>(
      `SELECT pb.state, pb.remote_url AS "remoteUrl", pb.idempotency_key AS key, p.status FROM publications pb JOIN posts p ON p.id = pb.post_id ORDER BY pb.due_at`,
    );
    expect(published.map((p) => [p.state, p.status])).toEqual([
      ['published', 'published'],
      ['published', 'published'],
      ['published', 'published'],
    ]);
    expect(published.every((p) => p.remoteUrl?.startsWith(t.ctx.config.sandboxUrl))).toBe(true);
    // On the Sandbox network, once each, under the publication's idempotency key.
    expect(await count('SELECT count(*)::int AS n FROM sandbox_posts WHERE idempotency_key = ANY($1::text[])', [published.map((p) => p.key)])).toBe(3);
    expect(await count("SELECT count(*)::int AS n FROM audit_log WHERE action = 'publication.published'")).toBe(3);
    // The publisher sent each publication's first metrics pull; running one records a point.
    const pulls = await count(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'publishing.pull-metrics' AND data->>'publicationId' = ANY($1::text[])`, [pubs.map((p) => p.id)]);
    expect(pulls).toBe(3);
    expect(await t.ctx.delivery.metrics.pull(pubs[0]!.id, '1h')).toMatchObject({ status: 'done' });
    expect(await count('SELECT count(*)::int AS n FROM publication_metrics WHERE publication_id = $1', [pubs[0]!.id])).toBe(1);

    // A second start seeds nothing and sends nothing again.
    expect(await seedDemoPublishing(t.ctx)).toEqual({ accounts: 0, templates: 0, posts: 0 });
    expect((await t.ctx.delivery.scheduler.sweep()).scheduled).toBe(0);
  });
});
