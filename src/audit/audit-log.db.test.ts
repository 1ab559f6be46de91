import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, testDbKind, type TestDatabase } from '../test-support/db.js';
import { openPostgres } from '../db/postgres.js';
import type { Actor, SystemActor } from '../auth/actor.js';
import { AuditLog } from './audit-log.js';
import { GENESIS_HASH, entryHash } from './hash.js';
import { entriesAfter } from './audit-repository.js';

const USER_ID = '11111111-1111-4111-8111-111111111111';
const OTHER_ID = '22222222-2222-4222-8222-222222222222';
const admin: Actor = { userId: USER_ID, username: 'asha', displayName: 'Asha', role: 'admin', units: 'all', via: 'session', ip: '10.0.0.9' };
const other: Actor = { userId: OTHER_ID, username: 'ravi', displayName: 'Ravi', role: 'admin', units: 'all', via: 'session' };
const system: SystemActor = { system: true, label: 'scheduler' };

describe(`audit log on ${testDbKind}`, () => {
  let t: TestDatabase;
  let audit: AuditLog;

  beforeAll(async () => {
    t = await createTestDatabase();
    audit = new AuditLog(t.db);
  });
  afterAll(async () => {
    await t.drop();
  });

  // Tampering needs the append-only trigger off; each test starts from an empty log.
  async function asTamperer(sql: string, params: unknown[] = []): Promise<void> {
    await t.db.transaction(async (tx) => {
      await tx.execute('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
      await tx.execute(sql, params);
      await tx.execute('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    });
  }
  beforeEach(async () => {
    await asTamperer('DELETE FROM audit_log');
  });

  async function recordMany(n: number): Promise<void> {
    for (let i = 1; i <= n; i++) {
      await t.db.transaction((tx) => audit.record(tx, { actor: i % 2 ? admin : other, action: 'thing.done', targetType: 'thing', targetId: `t${i}`, unitId: i % 3 ? 'A' : 'B', details: { i } }));
    }
  }

  it('appends entries with sequential ids linked from the genesis hash, and verifies them', async () => {
    await recordMany(5);
    const rows = await t.db.query<{ id: number; prev_hash: string; hash: string }>('SELECT id, prev_hash, hash FROM audit_log ORDER BY id');
    expect(rows.map((r) => Number(r.id))).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0]!.prev_hash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
    expect(new Set(rows.map((r) => r.hash)).size).toBe(5);
    expect(await audit.verify()).toEqual({ ok: true, count: 5 });
  });

  it('appends a batch in order under one lock, linked to the entry before it, and verifies it', async () => {
    await recordMany(2);
    await t.db.transaction((tx) =>
      audit.recordMany(tx, [
        { actor: system, action: 'publication.published', targetType: 'publication', targetId: 'p1', unitId: 'A', details: { remoteId: 'r1', attempt: 1, text: 'दंगा "quoted" \\ back' } },
        { actor: admin, action: 'publication.published', targetType: 'publication', targetId: 'p2', details: { nested: { b: 2, a: [1.5, null] } } },
        { actor: other, action: 'thing.done' },
      ]),
    );
    await recordMany(1);
    const rows = await entriesAfter(t.db, 0, 100);
    expect(rows.map((r) => [r.id, r.targetId])).toEqual([
      [1, 't1'],
      [2, 't2'],
      [3, 'p1'],
      [4, 'p2'],
      [5, null],
      [6, 't1'],
    ]);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
    expect(rows[2]!.details).toEqual({ remoteId: 'r1', attempt: 1, text: 'दंगा "quoted" \\ back' });
    expect(rows[3]!.ip).toBe('10.0.0.9');
    expect(await audit.verify()).toEqual({ ok: true, count: 6 });
    await audit.recordMany(t.db, []);
    expect(await audit.verify()).toEqual({ ok: true, count: 6 });
  });

  it('verifies an empty log', async () => {
    expect(await audit.verify()).toEqual({ ok: true, count: 0 });
  });

  it('keeps details whose jsonb form differs from the JSON written (key order, numbers, Unicode)', async () => {
    await audit.record(t.db, {
      actor: admin,
      action: 'post.created',
      details: {
        zeta: 1, a: { longer_key: [3, 2.5, -0, 1e21, 0.1], b: null }, text: 'दंगा\u0000 "quoted" \uD800 emoji 👮', when: new Date('2026-01-02T03:04:05.678Z'), skipped: undefined,
      },
    });
    await recordMany(2);
    expect(await audit.verify()).toEqual({ ok: true, count: 3 });
    const { entries } = await audit.list({ scope: null, action: 'post.created' });
    expect(entries[0]!.details).toEqual({ zeta: 1, a: { longer_key: [3, 2.5, 0, 1e21, 0.1], b: null }, text: 'दंगा\uFFFD "quoted" \uFFFD emoji 👮', when: '2026-01-02T03:04:05.678Z' });
  });

  it('stores a system actor with no actor id and its label', async () => {
    await audit.record(t.db, { actor: system, action: 'retention.swept', details: { removed: 3 } });
    const { entries } = await audit.list({ scope: null });
    expect(entries[0]).toMatchObject({ actorId: null, actorLabel: 'scheduler', action: 'retention.swept', ip: null, unitId: null, details: { removed: 3 } });
  });

  it('takes the ip from the actor unless the entry gives one', async () => {
    await audit.record(t.db, { actor: admin, action: 'a.one' });
    await audit.record(t.db, { actor: admin, action: 'a.two', ip: '192.0.2.1' });
    const { entries } = await audit.list({ scope: null });
    expect(entries.map((e) => e.ip)).toEqual(['192.0.2.1', '10.0.0.9']);
  });

  it('rolls the entry back with the transaction that recorded it', async () => {
    await recordMany(2);
    await expect(
      t.db.transaction(async (tx) => {
        await audit.record(tx, { actor: admin, action: 'doomed' });
        throw new Error('change failed');
      }),
    ).rejects.toThrow('change failed');
    await recordMany(1);
    expect(await audit.verify()).toEqual({ ok: true, count: 3 });
  });

  it('refuses UPDATE and DELETE while the trigger is on', async () => {
    await recordMany(1);
    await expect(t.db.execute("UPDATE audit_log SET action = 'x'")).rejects.toThrow(/append-only/);
    await expect(t.db.execute('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
  });

  it('reports a changed entry at its id', async () => {
    await recordMany(6);
    await asTamperer(`UPDATE audit_log SET details = '{"i": 99}'::jsonb WHERE id = 4`);
    const res = await audit.verify();
    expect(res).toMatchObject({ ok: false, brokenAt: 4, count: 3 });
    expect(!res.ok && res.reason).toMatch(/does not match its hash/);
  });

  it('reports a changed timestamp, even by one microsecond', async () => {
    await recordMany(3);
    await asTamperer(`UPDATE audit_log SET at = at + interval '1 microsecond' WHERE id = 2`);
    expect(await audit.verify()).toMatchObject({ ok: false, brokenAt: 2 });
  });

  it('reports a changed entry whose hash was recomputed at the next entry', async () => {
    await recordMany(4);
    // The tamperer rewrites entry 2 and gives it a correct fresh hash: entry 3 no longer links to it.
    const [row] = await entriesAfter(t.db, 1, 1);
    const forged = { ...row!, action: 'hidden' };
    const { hash: _old, ...fields } = forged;
    await asTamperer(`UPDATE audit_log SET action = 'hidden', hash = $1 WHERE id = 2`, [entryHash(fields)]);
    const res = await audit.verify();
    expect(res).toMatchObject({ ok: false, brokenAt: 3, count: 2 });
    expect(!res.ok && res.reason).toMatch(/link does not match the hash of entry #2/);
  });

  it('reports a broken link', async () => {
    await recordMany(4);
    await asTamperer(`UPDATE audit_log SET prev_hash = repeat('b', 64) WHERE id = 3`);
    expect(await audit.verify()).toMatchObject({ ok: false, brokenAt: 3 });
  });

  it('reports a deleted middle entry at the entry after the gap', async () => {
    await recordMany(5);
    await asTamperer('DELETE FROM audit_log WHERE id = 3');
    const res = await audit.verify();
    expect(res).toMatchObject({ ok: false, brokenAt: 4, count: 2 });
    expect(!res.ok && res.reason).toMatch(/#3 is missing/);
  });

  it('reports a deleted first entry', async () => {
    await recordMany(3);
    await asTamperer('DELETE FROM audit_log WHERE id = 1');
    expect(await audit.verify()).toMatchObject({ ok: false, brokenAt: 2, count: 0 });
  });

  it('reports two entries whose ids were swapped at the first of them', async () => {
    await recordMany(5);
    await asTamperer('UPDATE audit_log SET id = CASE id WHEN 2 THEN -3 ELSE -2 END WHERE id IN (2, 3)');
    await asTamperer('UPDATE audit_log SET id = -id WHERE id < 0');
    const res = await audit.verify();
    expect(res).toMatchObject({ ok: false, brokenAt: 2, count: 1 });
  });

  it('reports a row slipped in before the first entry', async () => {
    await recordMany(2);
    await asTamperer(`INSERT INTO audit_log (id, at, actor_label, action, prev_hash, hash) VALUES (0, now(), 'x', 'x', $1, $2)`, [GENESIS_HASH, 'c'.repeat(64)]);
    expect(await audit.verify()).toMatchObject({ ok: false, brokenAt: 0, count: 0 });
  });

  it('walks the chain across pages', async () => {
    await recordMany(7);
    const { verifyChain } = await import('./verify.js');
    expect(await verifyChain(t.db, 2)).toEqual({ ok: true, count: 7 });
    await asTamperer(`UPDATE audit_log SET actor_label = 'someone' WHERE id = 6`);
    expect(await verifyChain(t.db, 2)).toMatchObject({ ok: false, brokenAt: 6, count: 5 });
  });

  it('keeps the chain valid under many concurrent transactions', async () => {
    const writers = Array.from({ length: 30 }, (_, i) =>
      t.db.transaction(async (tx) => {
        await tx.query('SELECT 1');
        await audit.record(tx, { actor: i % 2 ? admin : system, action: 'race.entry', targetId: String(i), details: { i } });
      }),
    );
    await Promise.all(writers);
    expect(await audit.verify()).toEqual({ ok: true, count: 30 });
    const ids = await t.db.query<{ target_id: string }>('SELECT target_id FROM audit_log');
    expect(new Set(ids.map((r) => r.target_id)).size).toBe(30);
  });

  it.runIf(testDbKind === 'postgres')('keeps the chain valid with writers in several processes (connection pools)', async () => {
    const pools = await Promise.all([openPostgres(t.url!, 4), openPostgres(t.url!, 4), openPostgres(t.url!, 4)]);
    try {
      const logs = pools.map((db) => new AuditLog(db));
      const writers = logs.flatMap((log, p) =>
        Array.from({ length: 15 }, (_, i) =>
          pools[p]!.transaction(async (tx) => {
            await tx.query('SELECT pg_sleep(0.001)');
            await log.record(tx, { actor: admin, action: 'race.pool', targetId: `${p}-${i}` });
          }),
        ),
      );
      await Promise.all(writers);
    } finally {
      await Promise.all(pools.map((db) => db.close()));
    }
    expect(await audit.verify()).toEqual({ ok: true, count: 45 });
  });

  describe('list', () => {
    beforeEach(async () => {
      await recordMany(9);
      await audit.record(t.db, { actor: system, action: 'units.seeded' });
    });

    it('lists newest first with keyset pages', async () => {
      const first = await audit.list({ scope: null, limit: 4 });
      expect(first.entries.map((e) => e.id)).toEqual([10, 9, 8, 7]);
      expect(first.nextBefore).toBe(7);
      const second = await audit.list({ scope: null, limit: 4, before: first.nextBefore! });
      expect(second.entries.map((e) => e.id)).toEqual([6, 5, 4, 3]);
      const third = await audit.list({ scope: null, limit: 4, before: second.nextBefore! });
      expect(third.entries.map((e) => e.id)).toEqual([2, 1]);
      expect(third.nextBefore).toBeNull();
    });

    it('filters by action, actor, target, unit scope and time', async () => {
      expect((await audit.list({ scope: null, action: 'units.seeded' })).entries.map((e) => e.id)).toEqual([10]);
      expect((await audit.list({ scope: null, actorId: OTHER_ID })).entries.map((e) => e.id)).toEqual([8, 6, 4, 2]);
      expect((await audit.list({ scope: null, targetType: 'thing', targetId: 't5' })).entries.map((e) => e.id)).toEqual([5]);
      expect((await audit.list({ scope: ['B'] })).entries.map((e) => e.id)).toEqual([9, 6, 3]);
      expect((await audit.list({ scope: [] })).entries).toEqual([]);
      expect((await audit.list({ scope: null, to: new Date(Date.now() - 3_600_000) })).entries).toEqual([]);
      expect((await audit.list({ scope: null, from: new Date(Date.now() - 3_600_000) })).entries).toHaveLength(10);
      const [e] = (await audit.list({ scope: null, limit: 1 })).entries;
      expect(e!.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    });
  });
});
