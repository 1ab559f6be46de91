import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/app.js';
import { seedDemoPublishing } from './demo-posts.js';

describe('demo publishing seed', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('opens a Sandbox account per unit, adds templates and posts at every stage, once', async () => {
    const first = await seedDemoPublishing(t.ctx);
    const units = await t.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM units WHERE active');
    expect(first.accounts).toBe(units[0]!.n);
    expect(first.templates).toBe(5);
    expect(first.posts).toBeGreaterThanOrEqual(7);

    const missing = await t.ctx.db.query(`SELECT id FROM units u WHERE active AND NOT EXISTS (SELECT 1 FROM social_accounts a WHERE a.unit_id = u.id AND a.platform = 'sandbox')`);
    expect(missing).toEqual([]);
    const statuses = await t.ctx.db.query<{ status: string; step: number; n: number }>('SELECT status, approval_step AS step, count(*)::int AS n FROM posts GROUP BY 1, 2 ORDER BY 1, 2');
    expect(statuses).toEqual([
      { status: 'approved', step: 2, n: 2 },
      { status: 'changes_requested', step: 0, n: 1 },
      { status: 'draft', step: 0, n: 2 },
      { status: 'in_review', step: 0, n: 2 },
      { status: 'in_review', step: 1, n: 1 },
    ]);
    const approved = await t.ctx.db.query<{ scheduledAt: Date }>("SELECT scheduled_at AS \"scheduledAt\" FROM posts WHERE status = 'approved'");
    expect(approved.every((p) => new Date(p.scheduledAt).getTime() > Date.now())).toBe(true);
    // Every post was made through the services: audited, and the demo cast cannot sign in.
    const created = await t.ctx.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'post.created'");
    expect(created[0]!.n).toBe(first.posts);
    const cast = await t.ctx.db.query<{ disabled: boolean }>("SELECT disabled FROM users WHERE username LIKE 'demo.%'");
    expect(cast).toHaveLength(3);
    expect(cast.every((u) => u.disabled)).toBe(true);

    const again = await seedDemoPublishing(t.ctx);
    expect(again).toEqual({ accounts: 0, templates: 0, posts: 0 });
  });
});
