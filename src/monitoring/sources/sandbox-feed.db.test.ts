import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../log/logger.js';
import { createTestApp, type TestApp } from '../../test-support/app.js';
import { languageOnlyEnricher } from '../mentions/enricher.js';
import type { IncomingMention } from '../mentions/incoming.js';
import { ingestBatch } from '../mentions/ingest.js';
import { SourceRunner } from './runner.js';
import { insertSource, saveCursor, type SourceRow } from './source-repository.js';

/**
 * The Sandbox source over the Sandbox's own HTTP API: its public posts and the comments on them,
 * the replies to the force's own posts among them, each read once after its cursor.
 */
let t: TestApp;
let base: string;
let source: SourceRow;
const published: IncomingMention[] = [];

function runner(): SourceRunner {
  return new SourceRunner({
    db: t.ctx.db,
    logger: silentLogger,
    publish: async (items) => {
      published.push(...items);
      await ingestBatch({ db: t.ctx.db }, items, languageOnlyEnricher);
    },
    poll: { fetch: globalThis.fetch, sandboxUrl: base },
  });
}

async function comment(token: string, postId: string, text: string): Promise<void> {
  const res = await fetch(`${base}/sandbox/v1/posts/${postId}/comments`, { method: 'POST', headers: { authorization: `Sandbox ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ text }) });
  expect(res.status).toBe(201);
}

async function post(handle: string, text: string, key: string): Promise<string> {
  const r = await t.ctx.sandbox.publish(handle, { text }, key);
  if (!r.post) throw new Error('the Sandbox did not publish');
  return r.post.id;
}

let force: { handle: string; token: string };
let resident: { handle: string; token: string };
let postId: string;

beforeAll(async () => {
  t = await createTestApp({ seed: false });
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  force = await t.ctx.sandbox.registerAccount(t.ctx.db, 'dcp_north_test', 'DCP North');
  resident = await t.ctx.sandbox.registerAccount(t.ctx.db, 'resident_test', 'A resident');
  postId = await post(force.handle, 'Traffic advisory: Ring Road closed near ITO till 6 pm', 'adv-1');
  source = await insertSource(t.ctx.db, { kind: 'sandbox', name: 'Sandbox test feed', unitIds: [], config: { url: base }, secretEnc: null, pollSeconds: 60, createdBy: null });
});
afterAll(async () => {
  await t?.close();
});

describe('the Sandbox source', () => {
  it("stores the replies to the force's posts as mentions that answer their post, each once", async () => {
    await comment(resident.token, postId, 'ITO पर तो सुबह से जाम है, कोई पुलिस वाला नहीं दिखा');
    expect((await runner().runSource(source)).error).toBeNull();
    const post = published.find((m) => m.externalId === postId);
    expect(post).toMatchObject({ platform: 'sandbox', authorHandle: force.handle });
    const reply = published.find((m) => m.externalId.startsWith('comment-'));
    expect(reply).toMatchObject({ platform: 'sandbox', replyTo: postId, authorHandle: resident.handle, authorName: 'A resident', text: 'ITO पर तो सुबह से जाम है, कोई पुलिस वाला नहीं दिखा' });
    expect(reply!.url).toBe(`${t.ctx.config.sandboxUrl}/sandbox/v1/posts/${postId}#comment-${reply!.externalId.slice('comment-'.length)}`);
    const [stored] = await t.ctx.db.query<{ reply_to: string; author_handle: string }>('SELECT reply_to, author_handle FROM mentions WHERE platform = $1 AND external_id = $2', ['sandbox', reply!.externalId]);
    expect(stored).toEqual({ reply_to: postId, author_handle: resident.handle });

    // The next run reads only what came since: one new comment, no post again.
    published.length = 0;
    await comment(resident.token, postId, '<script>alert(1)</script> thank you for the update');
    expect((await runner().runSource(source)).error).toBeNull();
    expect(published.map((m) => m.text)).toEqual(['<script>alert(1)</script> thank you for the update']);
  });

  it('reads the comments from the first after a cursor written when only posts were read', async () => {
    // A cursor of one post id, as the source wrote before it read comments.
    const [last] = await t.ctx.db.query<{ id: string }>('SELECT max(id)::text AS id FROM sandbox_posts');
    await saveCursor(t.ctx.db, source.id, last!.id);
    published.length = 0;
    expect((await runner().runSource(source)).error).toBeNull();
    expect(published.filter((m) => m.externalId.startsWith('comment-'))).toHaveLength(2);
    expect(published.filter((m) => !m.externalId.startsWith('comment-'))).toHaveLength(0);
    const [n] = await t.ctx.db.query<{ n: number }>("SELECT count(*)::int AS n FROM mentions WHERE external_id LIKE 'comment-%'");
    expect(n!.n).toBe(2);
  });

  it('leaves out the comments of a post taken down', async () => {
    const gone = await post(force.handle, 'posted by mistake', 'adv-2');
    await comment(resident.token, gone, 'what was this?');
    await t.ctx.sandbox.deletePost(force.handle, gone);
    const feed = (await (await fetch(`${base}/sandbox/v1/comments?limit=500`)).json()) as { comments: { text: string; post: { id: string; account: string } }[] };
    expect(feed.comments.map((c) => c.text)).not.toContain('what was this?');
    expect(feed.comments.every((c) => c.post.account === force.handle)).toBe(true);
  });
});
