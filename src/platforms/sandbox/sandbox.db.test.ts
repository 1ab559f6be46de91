import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/app.js';
import type { Connector } from '../connector.js';
import { ConnectorError } from '../errors.js';
import { getConnector } from '../registry.js';
import type { AccountCredentials } from '../types.js';

describe('Sandbox platform over HTTP', () => {
  let t: TestApp;
  let connector: Connector;
  let alice: AccountCredentials;
  let bob: AccountCredentials;
  let base: string;

  beforeAll(async () => {
    t = await createTestApp();
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    connector = getConnector('sandbox', { sandboxUrl: base });
    alice = { handle: 'alice_unit', token: (await t.ctx.sandbox.registerAccount(t.ctx.db, 'alice_unit', 'Alice')).token };
    bob = { handle: 'bob_unit', token: (await t.ctx.sandbox.registerAccount(t.ctx.db, 'bob_unit', 'Bob')).token };
  });
  afterAll(async () => {
    await t.close();
  });

  async function fault(account: AccountCredentials, body: Record<string, unknown>) {
    const res = await fetch(`${base}/sandbox/v1/faults`, { method: 'POST', headers: { authorization: `Sandbox ${account.token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(res.status).toBe(204);
  }

  async function caught(p: Promise<unknown>): Promise<ConnectorError> {
    try {
      await p;
    } catch (err) {
      if (err instanceof ConnectorError) return err;
      throw err;
    }
    throw new Error('expected a ConnectorError');
  }

  it('publishes once per idempotency key, and finds the post by its key', async () => {
    const first = await connector.publish(alice, { text: 'साइबर ठगी से सावधान रहें', hashtags: ['CyberSafety'], link: 'https://cybercrime.gov.in' }, { idempotencyKey: 'k-1' });
    const again = await connector.publish(alice, { text: 'साइबर ठगी से सावधान रहें', hashtags: ['CyberSafety'], link: 'https://cybercrime.gov.in' }, { idempotencyKey: 'k-1' });
    expect(again).toEqual(first);
    expect(first.url).toBe(`${t.ctx.config.sandboxUrl}/sandbox/v1/posts/${first.remoteId}`);
    const rows = await t.ctx.db.query<{ n: number }>("SELECT count(*)::int AS n FROM sandbox_posts WHERE idempotency_key = 'k-1'");
    expect(rows[0]!.n).toBe(1);
    expect(await connector.findPublished!(alice, 'k-1')).toEqual(first);
    expect(await connector.findPublished!(alice, 'k-unknown')).toBeNull();
    // Another account neither sees the key nor can reuse it.
    expect(await connector.findPublished!(bob, 'k-1')).toBeNull();
    expect((await caught(connector.publish(bob, { text: 'x' }, { idempotencyKey: 'k-1' }))).kind).toBe('rejected');
    const stored = await (await fetch(`${base}/sandbox/v1/posts/${first.remoteId}`)).json();
    expect(stored).toMatchObject({ text: 'साइबर ठगी से सावधान रहें\n\n#CyberSafety\nhttps://cybercrime.gov.in', account: { handle: 'alice_unit' } });
  });

  it('answers metrics and comments, with likes and audience engagement counted', async () => {
    const { remoteId } = await connector.publish(alice, { text: 'Traffic advisory' }, { idempotencyKey: 'k-metrics' });
    const as = (a: AccountCredentials) => ({ authorization: `Sandbox ${a.token}`, 'content-type': 'application/json' });
    expect((await fetch(`${base}/sandbox/v1/posts/${remoteId}/likes`, { method: 'POST', headers: { authorization: `Sandbox ${bob.token}` } })).status).toBe(204);
    expect((await fetch(`${base}/sandbox/v1/posts/${remoteId}/likes`, { method: 'POST', headers: { authorization: `Sandbox ${bob.token}` } })).status).toBe(204);
    expect((await fetch(`${base}/sandbox/v1/posts/${remoteId}/engagement`, { method: 'POST', headers: as(bob), body: JSON.stringify({ likes: 10, shares: 3, views: 500 }) })).status).toBe(204);
    for (const text of ['Thank you', 'धन्यवाद', '<script>alert(1)</script>']) {
      expect((await fetch(`${base}/sandbox/v1/posts/${remoteId}/comments`, { method: 'POST', headers: as(bob), body: JSON.stringify({ text }) })).status).toBe(201);
    }
    expect(await connector.fetchMetrics(alice, remoteId)).toEqual({ likes: 11, shares: 3, comments: 3, views: 500 });
    // Metrics are the owner's: another account gets not found (a rejected call).
    expect((await caught(connector.fetchMetrics(bob, remoteId))).kind).toBe('rejected');
    const page = await connector.fetchComments(alice, remoteId);
    expect(page.comments.map((c) => c.text)).toEqual(['Thank you', 'धन्यवाद', '<script>alert(1)</script>']);
    expect(page.comments[0]).toMatchObject({ author: 'bob_unit' });
  });

  it('deletes only the owner’s posts and hides them from the public feed', async () => {
    const { remoteId } = await connector.publish(alice, { text: 'to delete' }, { idempotencyKey: 'k-delete' });
    expect((await caught(connector.delete(bob, remoteId))).kind).toBe('rejected');
    await connector.delete(alice, remoteId);
    expect((await fetch(`${base}/sandbox/v1/posts/${remoteId}`)).status).toBe(404);
    const feed = (await (await fetch(`${base}/sandbox/v1/feed?limit=500`)).json()) as { posts: { id: string; text: string }[]; cursor: string };
    expect(feed.posts.some((p) => p.id === remoteId)).toBe(false);
    expect(feed.posts.some((p) => p.text === 'Traffic advisory')).toBe(true);
    const next = (await (await fetch(`${base}/sandbox/v1/feed?cursor=${feed.cursor}`)).json()) as { posts: unknown[] };
    expect(next.posts).toEqual([]);
  });

  it('refuses a missing or wrong token as an expired authorisation', async () => {
    const err = await caught(connector.publish({ handle: 'alice_unit', token: 'sbx_wrong' }, { text: 'x' }, { idempotencyKey: 'k-bad' }));
    expect(err.kind).toBe('auth_expired');
    expect(err.platformMessage).toMatch(/invalid access token/);
    expect((await fetch(`${base}/sandbox/v1/posts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"x"}' })).status).toBe(401);
  });

  it('refuses text over its own limit with its own message', async () => {
    const err = await caught(connector.publish(alice, { text: 'a'.repeat(1001) }, { idempotencyKey: 'k-long' }));
    expect(err).toMatchObject({ kind: 'rejected', platformCode: 'too_long' });
    expect(err.platformMessage).toContain('1001 characters');
  });

  it('injects faults: rate limit with reset time, expired token, server error, rejection', async () => {
    await fault(alice, { mode: 'rate_limited', count: 1, resetSeconds: 120, operations: ['publish'] });
    const limited = await caught(connector.publish(alice, { text: 'x' }, { idempotencyKey: 'k-rl' }));
    expect(limited.kind).toBe('rate_limited');
    expect(limited.resetAt!.getTime()).toBeGreaterThan(Date.now() + 100_000);
    expect(limited.retryable).toBe(true);
    // The fault answered instead of the platform: nothing was posted.
    expect(await connector.findPublished!(alice, 'k-rl')).toBeNull();

    await fault(alice, { mode: 'unauthorized', count: 1 });
    expect((await caught(connector.publish(alice, { text: 'x' }, { idempotencyKey: 'k-401' }))).kind).toBe('auth_expired');
    await fault(alice, { mode: 'server_error', count: 2 });
    expect((await caught(connector.publish(alice, { text: 'x' }, { idempotencyKey: 'k-500' }))).kind).toBe('transient');
    expect((await caught(connector.fetchMetrics(alice, '1'))).kind).toBe('transient');
    await fault(alice, { mode: 'reject', count: 1 });
    const rejected = await caught(connector.publish(alice, { text: 'x' }, { idempotencyKey: 'k-422' }));
    expect(rejected).toMatchObject({ kind: 'rejected', platformCode: 'content_rejected' });
    expect(rejected.retryable).toBe(false);
    // Faults are used up; the next call goes through, and bob was never affected.
    expect((await connector.publish(alice, { text: 'x' }, { idempotencyKey: 'k-ok' })).remoteId).toMatch(/^\d+$/);
  });

  it('accepts a post and drops the connection: the caller sees a transient error, the key finds the post', async () => {
    await fault(bob, { mode: 'drop_after_accept', count: 1, operations: ['publish'] });
    const err = await caught(connector.publish(bob, { text: 'lost answer' }, { idempotencyKey: 'k-drop' }));
    expect(err.kind).toBe('transient');
    const found = await connector.findPublished!(bob, 'k-drop');
    expect(found).not.toBeNull();
    // Publishing again with the same key does not post twice.
    expect(await connector.publish(bob, { text: 'lost answer' }, { idempotencyKey: 'k-drop' })).toEqual(found);
    const rows = await t.ctx.db.query<{ n: number }>("SELECT count(*)::int AS n FROM sandbox_posts WHERE account_handle = 'bob_unit' AND text = 'lost answer'");
    expect(rows[0]!.n).toBe(1);
  });

  it('answers a fault before looking at the content, and a delayed publish still posts once', async () => {
    await fault(alice, { mode: 'rate_limited', count: 1, operations: ['publish'] });
    // Too long, but the rate limit answers first and is used up by this call.
    expect((await caught(connector.publish(alice, { text: 'a'.repeat(1001) }, { idempotencyKey: 'k-rl-long' }))).kind).toBe('rate_limited');
    expect(await caught(connector.publish(alice, { text: 'a'.repeat(1001) }, { idempotencyKey: 'k-rl-long' }))).toMatchObject({ kind: 'rejected', platformCode: 'too_long' });

    await fault(alice, { mode: 'delay', count: 1, delayMs: 20, operations: ['publish'] });
    const delayed = await connector.publish(alice, { text: 'slow network' }, { idempotencyKey: 'k-delay' });
    expect(delayed.remoteId).toMatch(/^\d+$/);
    expect(await connector.publish(alice, { text: 'slow network' }, { idempotencyKey: 'k-delay' })).toEqual(delayed);
    const rows = await t.ctx.db.query<{ n: number; remaining: number }>(
      "SELECT (SELECT count(*)::int FROM sandbox_posts WHERE idempotency_key = 'k-delay') AS n, (SELECT coalesce(sum(remaining), 0)::int FROM sandbox_faults WHERE account_handle = 'alice_unit') AS remaining",
    );
    expect(rows[0]).toEqual({ n: 1, remaining: 0 });
  });

  it('stores publish calls that arrive together in one statement, each answered with its own post', async () => {
    const sandbox = t.ctx.sandbox;
    await sandbox.publish('alice_unit', { text: 'already there' }, 'k-batch-0');
    const query = vi.spyOn(t.ctx.db, 'query');
    try {
      const calls = Array.from({ length: 20 }, (_, i) => sandbox.publish(i % 2 ? 'bob_unit' : 'alice_unit', { text: `batch ${i}` }, `k-batch-${i}`));
      const answers = await Promise.all(calls);
      // One statement for the lot, and the one replay read for the key used before.
      expect(query.mock.calls.length).toBeLessThanOrEqual(3);
      expect(answers[0]).toMatchObject({ fault: null, replay: true, post: { text: 'already there' } });
      for (let i = 1; i < 20; i++) expect(answers[i]).toMatchObject({ fault: null, replay: false, post: { text: `batch ${i}`, account: { handle: i % 2 ? 'bob_unit' : 'alice_unit' } } });
    } finally {
      query.mockRestore();
    }
    const rows = await t.ctx.db.query<{ n: number }>("SELECT count(*)::int AS n FROM sandbox_posts WHERE idempotency_key LIKE 'k-batch-%'");
    expect(rows[0]!.n).toBe(20);
  });

  it('looks up tokens that arrive together in one statement, and knows no unknown token', async () => {
    const fresh = [];
    for (let i = 0; i < 5; i++) fresh.push({ handle: `tok_${i}`, token: (await t.ctx.sandbox.registerAccount(t.ctx.db, `tok_${i}`, `Token ${i}`)).token });
    const query = vi.spyOn(t.ctx.db, 'query');
    try {
      const handles = await Promise.all([...fresh.map((a) => t.ctx.sandbox.authenticate(a.token)), t.ctx.sandbox.authenticate('sbx_not_a_token')]);
      expect(handles).toEqual(['tok_0', 'tok_1', 'tok_2', 'tok_3', 'tok_4', null]);
      expect(query.mock.calls.length).toBe(1);
    } finally {
      query.mockRestore();
    }
  });

  it('takes a pending fault once when publish calls arrive together, and posts the others', async () => {
    await fault(bob, { mode: 'server_error', count: 1, operations: ['publish'] });
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => t.ctx.sandbox.publish(i % 2 ? 'bob_unit' : 'alice_unit', { text: `faulted batch ${i}` }, `k-fb-${i}`)));
    const faulted = answers.filter((a) => a.fault);
    expect(faulted).toHaveLength(1);
    expect(faulted[0]!.fault!.mode).toBe('server_error');
    expect(answers.indexOf(faulted[0]!) % 2).toBe(1);
    const rows = await t.ctx.db.query<{ n: number }>("SELECT count(*)::int AS n FROM sandbox_posts WHERE idempotency_key LIKE 'k-fb-%'");
    expect(rows[0]!.n).toBe(5);
  });

  it('answers a new post with its full view, as a read of the post does', async () => {
    const res = await fetch(`${base}/sandbox/v1/posts`, {
      method: 'POST',
      headers: { authorization: `Sandbox ${alice.token}`, 'content-type': 'application/json', 'idempotency-key': 'k-view' },
      body: JSON.stringify({ text: 'पूरा दृश्य', link: 'https://delhipolice.gov.in', media: [{ sha256: 'a'.repeat(64), mime: 'image/png', bytes: 10 }] }),
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('idempotent-replayed')).toBe('false');
    const created = (await res.json()) as { id: string };
    const read = await fetch(`${base}/sandbox/v1/posts/${created.id}`, { headers: { authorization: `Sandbox ${alice.token}` } });
    expect(await read.json()).toEqual(created);
  });

  it('clears pending faults', async () => {
    await fault(bob, { mode: 'server_error', count: 5 });
    const res = await fetch(`${base}/sandbox/v1/faults`, { method: 'DELETE', headers: { authorization: `Sandbox ${bob.token}` } });
    expect(res.status).toBe(204);
    expect((await connector.publish(bob, { text: 'fine' }, { idempotencyKey: 'k-clear' })).remoteId).toBeTruthy();
  });

  it('has no connector for platforms that are not implemented yet', () => {
    expect(() => getConnector('x', { sandboxUrl: base })).toThrow(ConnectorError);
  });
});
