import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../log/logger.js';
import { createTestApp, type TestApp } from '../../test-support/app.js';
import { makeUnit } from '../../test-support/factories.js';
import { DemoStream, type DemoPost } from './demo-stream.js';

let t: TestApp;
const POSTS: DemoPost[] = [
  { author: 'demo.one', text: 'Rohini sector 3 mein street lights band hain' },
  { author: 'demo.two', text: 'ITO पर तो सुबह से जाम है' },
  { author: 'demo.three', text: 'Thank you Delhi Police for the quick help at Lajpat Nagar' },
];

const count = async (sql: string) => (await t.ctx.db.query<{ n: number }>(sql))[0]!.n;

beforeAll(async () => {
  t = await createTestApp({ seed: false });
});
afterAll(async () => {
  await t?.close();
});

describe('the demo stream', () => {
  it('posts every text while the force has no Sandbox post to answer', async () => {
    const demo = new DemoStream(t.ctx.sandbox, t.ctx.db, silentLogger, 4000, POSTS);
    for (let i = 0; i < 3; i++) await demo.postOne();
    expect(await count("SELECT count(*)::int AS n FROM sandbox_posts WHERE account_handle LIKE 'demo_%'")).toBe(3);
    expect(await count('SELECT count(*)::int AS n FROM sandbox_comments')).toBe(0);
  });

  it("answers the force's latest post with every third text, as the public replies to the police", async () => {
    const unit = await makeUnit(t.ctx);
    await t.ctx.sandbox.registerAccount(t.ctx.db, 'dcp_demo_unit', 'DCP Demo');
    await t.ctx.db.execute("INSERT INTO social_accounts (unit_id, platform, handle, display_name) VALUES ($1, 'sandbox', 'dcp_demo_unit', 'DCP Demo')", [unit.id]);
    const older = (await t.ctx.sandbox.createPost('dcp_demo_unit', { text: 'Road closed near ITO' }, null)).post;
    const latest = (await t.ctx.sandbox.createPost('dcp_demo_unit', { text: 'Ring Road open again' }, null)).post;
    const demo = new DemoStream(t.ctx.sandbox, t.ctx.db, silentLogger, 4000, POSTS);
    for (let i = 0; i < 6; i++) await demo.postOne();
    const replies = await t.ctx.db.query<{ post_id: string; text: string }>('SELECT post_id::text AS post_id, text FROM sandbox_comments ORDER BY id');
    expect(replies).toHaveLength(2);
    expect(replies.every((r) => r.post_id === latest.id)).toBe(true);
    expect(replies.map((r) => r.post_id)).not.toContain(older.id);
    expect(replies.every((r) => POSTS.some((p) => p.text === r.text))).toBe(true);
    expect(await count("SELECT count(*)::int AS n FROM sandbox_posts WHERE account_handle LIKE 'demo_%'")).toBe(3 + 4);
  });
});
