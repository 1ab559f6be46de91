import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../log/logger.js';
import type { Connector } from '../../platforms/connector.js';
import { getConnector } from '../../platforms/registry.js';
import type { SandboxFaultMode } from '../../platforms/sandbox/network/sandbox-network.js';
import { createTestApp, type TestApp } from '../../test-support/app.js';
import { makeUnit, makeUser } from '../../test-support/factories.js';
import { createDelivery, type Delivery } from './delivery.js';
import { insertPost, makeSandboxAccount, type FixtureAccount } from './delivery-fixtures.js';

/**
 * The publication state machine against the Sandbox platform served over HTTP by the app itself,
 * with the Sandbox's fault injection standing in for a platform's bad days.
 */
describe('publisher', () => {
  let t: TestApp;
  let sandboxUrl: string;
  let delivery: Delivery;
  let seq = 0;

  beforeAll(async () => {
    t = await createTestApp();
    sandboxUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
    await t.ctx.jobs.start({ work: false, schedule: false, timeZone: 'Asia/Kolkata' }, () => Promise.resolve({ status: 'done' }));
    delivery = build((p) => getConnector(p, { sandboxUrl }));
  });
  afterAll(async () => {
    await t.close();
  });

  function build(connectorFor: (p: 'sandbox') => Connector): Delivery {
    return createDelivery({
      db: t.ctx.db,
      audit: t.ctx.audit,
      jobs: t.ctx.jobs,
      keyring: t.ctx.keyring,
      logger: silentLogger,
      config: { timeZone: 'Asia/Kolkata' },
      leaseSeconds: 30,
      connectorFor: connectorFor as (p: string) => Connector,
      publisher: { backoff: { baseMs: 20, maxMs: 200, maxAttempts: 3 }, callTimeoutMs: 5_000 },
    });
  }

  async function setup(accounts = 1): Promise<{ unitId: string; authorId: string; accounts: FixtureAccount[] }> {
    const unitId = (await makeUnit(t.ctx)).id;
    const author = await makeUser(t.ctx, { role: 'agency_editor', unitIds: [unitId] });
    const made: FixtureAccount[] = [];
    for (let i = 0; i < accounts; i++) made.push(await makeSandboxAccount(t.ctx, unitId, `pub_${process.pid}_${++seq}`));
    return { unitId, authorId: author.id, accounts: made };
  }

  async function duePost(s: Awaited<ReturnType<typeof setup>>, at = new Date(Date.now() - 1_000)): Promise<{ postId: string; pubIds: string[] }> {
    const { postId } = await insertPost(t.ctx.db, { unitId: s.unitId, authorId: s.authorId, accountIds: s.accounts.map((a) => a.accountId), scheduledAt: at });
    await delivery.scheduler.sweep();
    const rows = await t.ctx.db.query<{ id: string }>('SELECT id FROM publications WHERE post_id = $1 ORDER BY created_at, id', [postId]);
    return { postId, pubIds: rows.map((r) => r.id) };
  }

  const pub = async (id: string) =>
    (
      await t.ctx.db.query<{ state: string; attempts: number; errorKind: string | null; errorMessage: string | null; stateReason: string | null; remoteId: string | null; nextAttemptAt: Date; idempotencyKey: string }>(
        `SELECT state, attempts, error_kind AS "errorKind", error_message AS "errorMessage", state_reason AS "stateReason", remote_id AS "remoteId",
           next_attempt_at AS "nextAttemptAt", idempotency_key AS "idempotencyKey" FROM publications WHERE id = $1`,
        [id],
      )
    )[0]!;
  const postStatus = async (id: string) => (await t.ctx.db.query<{ status: string }>('SELECT status FROM posts WHERE id = $1', [id]))[0]!.status;
  const sandboxPosts = async (key: string) => (await t.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM sandbox_posts WHERE idempotency_key = $1', [key]))[0]!.n;
  const makeDueNow = (id: string) => t.ctx.db.execute('UPDATE publications SET next_attempt_at = now() WHERE id = $1', [id]);
  const fault = (a: FixtureAccount, mode: SandboxFaultMode, count = 1, resetSeconds = 60) =>
    t.ctx.sandbox.injectFault(a.handle, { mode, count, resetSeconds, operations: ['publish'] });

  it('publishes a due approved post once per account, and a second sweep creates nothing', async () => {
    const s = await setup(2);
    const { postId, pubIds } = await duePost(s);
    expect(pubIds).toHaveLength(2);
    const jobs = await t.ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'publishing.publish' AND data->>'publicationId' = ANY($1::text[])`, [pubIds]);
    expect(jobs[0]!.n).toBe(2);
    expect((await delivery.scheduler.sweep()).scheduled).toBe(0);

    for (const id of pubIds) expect((await delivery.publisher.run(id)).status).toBe('done');
    for (const id of pubIds) {
      const p = await pub(id);
      expect(p.state).toBe('published');
      expect(p.remoteId).toBeTruthy();
      expect(await sandboxPosts(p.idempotencyKey)).toBe(1);
    }
    expect(await postStatus(postId)).toBe('published');
    // A duplicate job finds nothing to do and posts nothing.
    expect(await delivery.publisher.run(pubIds[0]!)).toEqual({ status: 'skipped', reason: 'publication is published' });
    const metricJobs = await t.ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'publishing.pull-metrics' AND data->>'publicationId' = $1`, [pubIds[0]]);
    expect(metricJobs[0]!.n).toBe(1);
    const audit = await t.ctx.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE target_id = ANY($1::text[])`, [pubIds]);
    expect(audit.map((a) => a.action)).toEqual(['publication.published', 'publication.published']);
  });

  it('waits for the reset time when rate limited, then publishes', async () => {
    const s = await setup();
    await fault(s.accounts[0]!, 'rate_limited', 1, 90);
    const { postId, pubIds } = await duePost(s);
    const id = pubIds[0]!;
    await delivery.publisher.run(id);
    let p = await pub(id);
    expect(p.state).toBe('scheduled');
    expect(p.errorKind).toBe('rate_limited');
    expect(p.errorMessage).toBe('Sandbox: rate limit exceeded');
    const wait = p.nextAttemptAt.getTime() - Date.now();
    expect(wait).toBeGreaterThan(80_000);
    expect(wait).toBeLessThan(95_000);
    expect(await delivery.publisher.run(id)).toEqual({ status: 'skipped', reason: 'not due yet' });
    await makeDueNow(id);
    await delivery.publisher.run(id);
    p = await pub(id);
    expect(p.state).toBe('published');
    expect(p.attempts).toBe(2);
    expect(await sandboxPosts(p.idempotencyKey)).toBe(1);
    expect(await postStatus(postId)).toBe('published');
  });

  it('fails at once on an expired sign-in, keeps the platform text and tells the author', async () => {
    const s = await setup();
    await fault(s.accounts[0]!, 'unauthorized');
    const { postId, pubIds } = await duePost(s);
    await delivery.publisher.run(pubIds[0]!);
    const p = await pub(pubIds[0]!);
    expect(p.state).toBe('failed');
    expect(p.errorKind).toBe('auth_expired');
    expect(p.errorMessage).toBe('Sandbox: the access token has expired');
    expect(p.stateReason).toMatch(/reconnect the account/);
    expect(await postStatus(postId)).toBe('failed');
    const notices = await delivery.notices.list({ userId: s.authorId } as never, { unreadOnly: true, limit: 10 });
    expect(notices.map((n) => n.kind)).toEqual(['auth_expired']);
    expect(await delivery.publisher.run(pubIds[0]!)).toMatchObject({ status: 'skipped' });
  });

  it('never retries content the platform rejected', async () => {
    const s = await setup();
    await fault(s.accounts[0]!, 'reject');
    const { pubIds } = await duePost(s);
    await delivery.publisher.run(pubIds[0]!);
    const p = await pub(pubIds[0]!);
    expect(p.state).toBe('failed');
    expect(p.errorKind).toBe('rejected');
    expect(p.errorMessage).toBe('Sandbox: this content violates the community rules');
    expect(p.attempts).toBe(1);
    const jobs = await t.ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'publishing.publish' AND data->>'publicationId' = $1`, [pubIds[0]]);
    expect(jobs[0]!.n).toBe(1);
  });

  it('backs off on server errors and gives up after the last attempt', async () => {
    const s = await setup();
    await fault(s.accounts[0]!, 'server_error', 3);
    const { postId, pubIds } = await duePost(s);
    const id = pubIds[0]!;
    const before = Date.now();
    await delivery.publisher.run(id);
    let p = await pub(id);
    expect(p.state).toBe('scheduled');
    expect(p.errorKind).toBe('transient');
    // Attempt 1: between half and all of the 20 ms base.
    expect(p.nextAttemptAt.getTime() - before).toBeLessThan(1_000);
    const retryJobs = await t.ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'publishing.publish' AND data->>'publicationId' = $1`, [id]);
    expect(retryJobs[0]!.n).toBe(2);
    await makeDueNow(id);
    await delivery.publisher.run(id);
    await makeDueNow(id);
    await delivery.publisher.run(id);
    p = await pub(id);
    expect(p.state).toBe('failed');
    expect(p.attempts).toBe(3);
    expect(p.stateReason).toBe('gave up after 3 attempts: Sandbox: internal error, try again later');
    expect(await sandboxPosts(p.idempotencyKey)).toBe(0);
    expect(await postStatus(postId)).toBe('failed');
  });

  it('after the platform accepted and dropped the connection, the retry finds the post instead of posting again', async () => {
    const s = await setup();
    await fault(s.accounts[0]!, 'drop_after_accept');
    const { pubIds } = await duePost(s);
    const id = pubIds[0]!;
    await delivery.publisher.run(id);
    let p = await pub(id);
    expect(p.state).toBe('scheduled');
    expect(p.errorKind).toBe('transient');
    expect(await sandboxPosts(p.idempotencyKey)).toBe(1);
    await makeDueNow(id);
    await delivery.publisher.run(id);
    p = await pub(id);
    expect(p.state).toBe('published');
    expect(await sandboxPosts(p.idempotencyKey)).toBe(1);
    const history = await delivery.calendar.publication({ userId: s.authorId, units: 'all', role: 'admin', via: 'session' } as never, id);
    expect(history.history.map((h) => h.outcome)).toEqual(['retry', 'found']);
  });

  it('recovers a publication left publishing by a dead worker: finds the post it made, or publishes once', async () => {
    const s = await setup(2);
    const { postId, pubIds } = await duePost(s);
    // A worker claimed both, posted the first, and died; both leases have run out.
    const first = await pub(pubIds[0]!);
    // The post must be made on the account of that publication (the order of publications is not the order of accounts).
    const accountId = (await t.ctx.db.query<{ accountId: string }>('SELECT account_id AS "accountId" FROM publications WHERE id = $1', [pubIds[0]!]))[0]!.accountId;
    const handle = s.accounts.find((a) => a.accountId === accountId)!.handle;
    await t.ctx.sandbox.createPost(handle, { text: 'made before the crash' }, first.idempotencyKey);
    await t.ctx.db.execute(
      `UPDATE publications SET state = 'publishing', attempts = 1, lease_until = now() - interval '1 second', started_at = now() - interval '40 seconds',
         enqueued_at = now() - interval '41 seconds' WHERE post_id = $1`,
      [postId],
    );
    const sweep = await delivery.scheduler.sweep();
    expect(sweep.resent).toBe(2);
    expect((await delivery.scheduler.sweep()).resent).toBe(0);
    for (const id of pubIds) await delivery.publisher.run(id);
    for (const id of pubIds) {
      const p = await pub(id);
      expect(p.state).toBe('published');
      expect(await sandboxPosts(p.idempotencyKey)).toBe(1);
    }
    expect(await postStatus(postId)).toBe('published');
  });

  it('re-sends the job of a late scheduled publication only when the queue holds none for it', async () => {
    const s = await setup();
    const { pubIds } = await duePost(s);
    const id = pubIds[0]!;
    // Long overdue, but its job still waits in the queue (a backlog): nothing is re-sent.
    await t.ctx.db.execute(`UPDATE publications SET next_attempt_at = now() - interval '1 hour', enqueued_at = now() - interval '1 hour' WHERE id = $1`, [id]);
    expect((await delivery.scheduler.sweep()).resent).toBe(0);
    // A worker took the job moments ago and is about to claim the publication: left alone.
    await t.ctx.db.execute(`UPDATE pgboss.job SET state = 'active', started_on = now() WHERE name = 'publishing.publish' AND singleton_key = $1`, [id]);
    expect((await delivery.scheduler.sweep()).resent).toBe(0);
    // The job has been active for minutes and the publication was never claimed: its worker died.
    await t.ctx.db.execute(`UPDATE pgboss.job SET started_on = now() - interval '1 hour' WHERE name = 'publishing.publish' AND singleton_key = $1`, [id]);
    expect((await delivery.scheduler.sweep()).resent).toBe(1);
    expect((await delivery.scheduler.sweep()).resent).toBe(0);
    await t.ctx.db.execute(`UPDATE publications SET enqueued_at = now() - interval '1 hour' WHERE id = $1`, [id]);
    // The job is gone (e.g. it failed for good in the queue): the reconciler sends it again.
    await t.ctx.db.execute(`DELETE FROM pgboss.job WHERE name = 'publishing.publish' AND singleton_key = $1`, [id]);
    expect((await delivery.scheduler.sweep()).resent).toBe(1);
    expect((await delivery.scheduler.sweep()).resent).toBe(0);
    await delivery.publisher.run(id);
    expect((await pub(id)).state).toBe('published');
  });

  it('leaves a live attempt alone and hands an unknown outcome to a person where the platform cannot be asked', async () => {
    const s = await setup();
    const { pubIds } = await duePost(s);
    const id = pubIds[0]!;
    await t.ctx.db.execute(`UPDATE publications SET state = 'publishing', attempts = 1, lease_until = now() + interval '30 seconds' WHERE id = $1`, [id]);
    expect(await delivery.publisher.run(id)).toEqual({ status: 'skipped', reason: 'another attempt holds it' });
    await t.ctx.db.execute(`UPDATE publications SET lease_until = now() - interval '1 second' WHERE id = $1`, [id]);
    // The same platform, minus the lookup by key.
    const blind = build((p) => {
      const c = getConnector(p, { sandboxUrl });
      const withoutLookup: Connector = {
        platform: c.platform,
        limits: c.limits,
        validate: (v) => c.validate(v),
        publish: (a, v, o) => c.publish(a, v, o),
        delete: (a, r) => c.delete(a, r),
        fetchMetrics: (a, r) => c.fetchMetrics(a, r),
        fetchComments: (a, r, cur) => c.fetchComments(a, r, cur),
      };
      return withoutLookup;
    });
    await blind.publisher.run(id);
    const p = await pub(id);
    expect(p.state).toBe('needs_verification');
    expect(p.errorKind).toBe('crash');
    expect(p.stateReason).toMatch(/cannot be asked/);
    expect(await sandboxPosts(p.idempotencyKey)).toBe(0);
  });

  it('cancels a publication whose post was edited after it was scheduled', async () => {
    const s = await setup();
    const { postId, pubIds } = await duePost(s);
    await t.ctx.db.execute(`UPDATE posts SET version = version + 1, status = 'in_review' WHERE id = $1`, [postId]);
    expect(await delivery.publisher.run(pubIds[0]!)).toEqual({ status: 'skipped', reason: 'the post was edited after it was scheduled' });
    expect((await pub(pubIds[0]!)).state).toBe('cancelled');
    expect(await sandboxPosts((await pub(pubIds[0]!)).idempotencyKey)).toBe(0);
  });

  it('creates publications ahead of time with jobs that start at the due time', async () => {
    const s = await setup();
    const at = new Date(Date.now() + 60_000);
    const { pubIds } = await duePost(s, at);
    expect(pubIds).toHaveLength(1);
    const job = await t.ctx.db.query<{ startAfter: Date }>(`SELECT start_after AS "startAfter" FROM pgboss.job WHERE name = 'publishing.publish' AND data->>'publicationId' = $1`, [pubIds[0]]);
    expect(Math.abs(new Date(job[0]!.startAfter).getTime() - at.getTime())).toBeLessThan(1_000);
    expect(await delivery.publisher.run(pubIds[0]!)).toEqual({ status: 'skipped', reason: 'not due yet' });
    // Beyond the horizon: nothing yet.
    const far = await insertPost(t.ctx.db, { unitId: s.unitId, authorId: s.authorId, accountIds: [s.accounts[0]!.accountId], scheduledAt: new Date(Date.now() + 3_600_000) });
    await delivery.scheduler.sweep();
    expect(await t.ctx.db.query('SELECT id FROM publications WHERE post_id = $1', [far.postId])).toEqual([]);
  });

  it('tells the author once when a post comes due without approval, and does not publish it', async () => {
    const s = await setup();
    const { postId } = await insertPost(t.ctx.db, { unitId: s.unitId, authorId: s.authorId, accountIds: [s.accounts[0]!.accountId], scheduledAt: new Date(Date.now() - 5_000), status: 'in_review' });
    const first = await delivery.scheduler.sweep();
    expect(first.dueNotApproved).toBeGreaterThanOrEqual(1);
    await delivery.scheduler.sweep();
    const notices = await t.ctx.db.query<{ kind: string; message: string }>('SELECT kind, message FROM publishing_notices WHERE post_id = $1', [postId]);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.message).toMatch(/in review, not approved/);
    expect(await t.ctx.db.query('SELECT id FROM publications WHERE post_id = $1', [postId])).toEqual([]);
  });

  it('pulls metrics of a published publication into its time series', async () => {
    const s = await setup();
    const { pubIds } = await duePost(s);
    await delivery.publisher.run(pubIds[0]!);
    const p = await pub(pubIds[0]!);
    await t.ctx.db.execute('UPDATE sandbox_posts SET likes = 7, shares = 2, views = 40 WHERE id = $1', [p.remoteId]);
    expect((await delivery.metrics.pull(pubIds[0]!, '1h', new Date('2026-01-01T01:00:00Z'))).status).toBe('done');
    await t.ctx.db.execute('UPDATE sandbox_posts SET likes = 9 WHERE id = $1', [p.remoteId]);
    await delivery.metrics.pull(pubIds[0]!, '6h', new Date('2026-01-01T06:00:00Z'));
    // Each pull sends the next, timed from the publication: 1h → 6h → 24h → 7d.
    const pulls = await t.ctx.db.query<{ pull: string }>(`SELECT data->>'pull' AS pull FROM pgboss.job WHERE name = 'publishing.pull-metrics' AND data->>'publicationId' = $1 ORDER BY start_after`, [pubIds[0]]);
    expect(pulls.map((j) => j.pull)).toEqual(['1h', '6h', '24h']);
    const series = await delivery.metrics.series({ userId: s.authorId, units: [s.unitId], role: 'agency_editor', via: 'session' } as never, pubIds[0]!);
    expect(series.map((m) => [m.pull, m.likes, m.shares, m.views])).toEqual([
      ['1h', 7, 2, 40],
      ['6h', 9, 2, 40],
    ]);
    await expect(delivery.metrics.series({ userId: s.authorId, units: ['elsewhere'], role: 'agency_editor', via: 'session' } as never, pubIds[0]!)).rejects.toThrow(/not found/);
  });
});
