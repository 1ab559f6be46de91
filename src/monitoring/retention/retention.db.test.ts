import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../auth/actor.js';
import { createTestApp, type TestApp } from '../../test-support/app.js';
import { makeUnit, makeUser } from '../../test-support/factories.js';
import { languageOnlyEnricher } from '../mentions/enricher.js';
import type { IncomingMention } from '../mentions/incoming.js';
import { ingestBatch } from '../mentions/ingest.js';
import { queryKeys } from '../search/search-terms.js';
import { DEFAULT_RETENTION_DAYS } from './retention-service.js';

let t: TestApp;
let unitA: string;
let unitP: string;
let analyst: Actor;
let admin: Actor;
const DAY = 86_400_000;

let seq = 0;
function mention(text: string, over: Partial<IncomingMention> = {}): IncomingMention {
  seq++;
  return { platform: 'sandbox', externalId: `r-${seq}-${Math.random().toString(36).slice(2)}`, text, createdAt: new Date().toISOString(), authorHandle: `@Handle${seq}`, authorName: `Real Name ${seq}`, authorId: `uid-${seq}`, raw: { user: { name: `Real Name ${seq}` } }, ...over };
}
const ingest = (items: IncomingMention[]) => ingestBatch({ db: t.ctx.db, monitoring: t.ctx.monitoring }, items, languageOnlyEnricher);
const age = (id: string, days: number) => t.ctx.db.execute(`UPDATE mentions SET ingested_at = now() - make_interval(days => $2::int) WHERE id = $1`, [id, days]);
const exists = async (id: string) => (await t.ctx.db.query('SELECT 1 FROM mentions WHERE id = $1', [id])).length === 1;

beforeAll(async () => {
  t = await createTestApp({ seed: false });
  unitA = (await makeUnit(t.ctx)).id;
  unitP = (await makeUnit(t.ctx)).id;
  const u = await makeUser(t.ctx, { role: 'analyst', unitIds: [unitA, unitP] });
  analyst = { userId: u.id, username: u.username, displayName: u.username, role: 'analyst', units: [unitA, unitP], via: 'session' };
  const a = await makeUser(t.ctx, { role: 'admin' });
  admin = { userId: a.id, username: a.username, displayName: a.username, role: 'admin', units: 'all', via: 'session' };
});
afterAll(async () => {
  await t.close();
});

const watch = (name: string, query: string, retentionDays: number) =>
  t.ctx.monitoring.watches.create(analyst, {
    name,
    query,
    purpose: 'Testing the retention of matched mentions for this unit.',
    legalBasis: 'Standing order on monitoring',
    unitIds: [unitA],
    expiresAt: new Date(Date.now() + 30 * DAY).toISOString(),
    retentionDays,
  });

describe('retention', () => {
  it('expires mentions after the longest retention of their watches, keeps held ones, audits the run', async () => {
    await watch('short', 'chori', 5);
    await watch('long', 'chori NEAR/2 bike', 60);
    const r = await ingest([
      mention('bike chori ho gayi', { unitIds: [unitA] }), // both watches: 60 days
      mention('phone chori ho gaya', { unitIds: [unitA] }), // short only: 5 days
      mention('mobile chori in market', { unitIds: [unitA] }), // short, but held by a case
      mention('nothing matches this one', { unitIds: [unitA] }), // default retention
      mention('fresh chori report', { unitIds: [unitA] }),
    ]);
    const byText = new Map((await t.ctx.db.query<{ id: string; text: string }>('SELECT id::text AS id, text FROM mentions WHERE id = ANY($1::bigint[])', [r.ids])).map((x) => [x.text, x.id]));
    const [both, short, held, none, fresh] = ['bike chori ho gayi', 'phone chori ho gaya', 'mobile chori in market', 'nothing matches this one', 'fresh chori report'].map((x) => byText.get(x)!) as [string, string, string, string, string];
    for (const id of [both, short, held]) await age(id, 10);
    await age(none, DEFAULT_RETENTION_DAYS + 1);
    await t.ctx.db.execute("INSERT INTO mention_holds (mention_id, reason) VALUES ($1, 'case 2026/17')", [held]);

    const matchesOf = async (id: string) => (await t.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM watch_matches WHERE mention_id = $1', [id]))[0]!.n;
    expect(await matchesOf(short)).toBe(1);
    expect(await matchesOf(both)).toBe(2);

    const result = await t.ctx.monitoring.retention.run();
    expect(result.deleted).toBe(2);
    // The deleted mention's match went with it; the kept ones keep theirs.
    expect(await matchesOf(short)).toBe(0);
    expect(await matchesOf(both)).toBe(2);
    expect(await matchesOf(held)).toBe(1);
    expect(await exists(both)).toBe(true);
    expect(await exists(short)).toBe(false);
    expect(await exists(held)).toBe(true);
    expect(await exists(none)).toBe(false);
    expect(await exists(fresh)).toBe(true);
    const [exp] = await t.ctx.db.query<{ days: number }>('SELECT round(extract(epoch FROM expires_at - ingested_at) / 86400)::int AS days FROM mentions WHERE id = $1', [both]);
    expect(exp!.days).toBe(60);
    const audit = await t.ctx.db.query<{ action: string; details: Record<string, unknown> }>("SELECT action, details FROM audit_log WHERE action LIKE 'monitoring.%' ORDER BY id");
    expect(audit.map((a) => a.action)).toEqual(['monitoring.expiries_set', 'monitoring.mentions_expired']);
    expect(audit[1]!.details.deleted).toBe(2);
    // Words only the deleted mentions had left the search dictionary; the others stay.
    const inDictionary = async (word: string) => (await t.ctx.db.query('SELECT 1 FROM search_words WHERE word = $1', queryKeys(word))).length === 1;
    expect(result.wordsRemoved).toBeGreaterThanOrEqual(3);
    for (const gone of ['phone', 'nothing', 'matches']) expect(await inDictionary(gone)).toBe(false);
    for (const kept of ['bike', 'chori', 'mobile', 'fresh']) expect(await inDictionary(kept)).toBe(true);

    const again = await t.ctx.monitoring.retention.run();
    expect(again).toEqual({ expiriesSet: 0, deleted: 0, pseudonymised: 0, wordsRemoved: 0, clusterBandsRetired: 0 });
  });
});

describe('retention after a watch changes', () => {
  it('follows a shortened retention on the next run', async () => {
    const w = await watch('shortened', 'gaddi NEAR/2 jali', 60);
    const [id] = (await ingest([mention('gaddi jali market mein', { unitIds: [unitA] })])).ids as [string];
    await age(id, 10);
    await t.ctx.monitoring.retention.run();
    expect(await exists(id)).toBe(true);
    await t.ctx.monitoring.watches.update(analyst, w.id, { retentionDays: 5 });
    const r = await t.ctx.monitoring.retention.run();
    expect(r.deleted).toBe(1);
    expect(await exists(id)).toBe(false);
  });
});

describe('retention and near-duplicate clusters', () => {
  it('lowers the cluster size and clears its first mention when that mention expires', async () => {
    const text = 'water logging near minto bridge underpass again today';
    const [first] = (await ingest([mention(text, { unitIds: [unitA], createdAt: new Date(Date.now() - 60_000).toISOString() })])).ids as [string];
    const [second] = (await ingest([mention(text, { unitIds: [unitA] })])).ids as [string];
    const cluster = async () =>
      (await t.ctx.db.query<{ id: string; size: number; first: string | null }>(
        'SELECT c.id::text AS id, c.size, c.first_mention_id::text AS first FROM clusters c JOIN mentions m ON m.cluster_id = c.id WHERE m.id = $1',
        [second],
      ))[0]!;
    expect(await cluster()).toMatchObject({ size: 2, first });
    await age(first, DEFAULT_RETENTION_DAYS + 1);
    await t.ctx.monitoring.retention.run();
    expect(await exists(first)).toBe(false);
    expect(await cluster()).toMatchObject({ size: 1, first: null });
  });

  it('takes clusters past their window out of the band lookup, and only those', async () => {
    const old = 'pani ki pipeline phati rohini sector nine mein subah se';
    const recent = 'metro station ke bahar bheed lagi hai janakpuri west mein';
    const [o] = (await ingest([mention(old, { unitIds: [unitA] })])).ids as [string];
    const [r] = (await ingest([mention(recent, { unitIds: [unitA] })])).ids as [string];
    const clusterOf = async (id: string) => (await t.ctx.db.query<{ c: string }>('SELECT cluster_id::text AS c FROM mentions WHERE id = $1', [id]))[0]!.c;
    const bands = async (c: string) => (await t.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM cluster_bands WHERE cluster_id = $1', [c]))[0]!.n;
    const [oc, rc] = [await clusterOf(o), await clusterOf(r)];
    expect(await bands(oc)).toBeGreaterThan(0);
    // Last seen nine days ago: past the seven-day window and the day of margin.
    await t.ctx.db.execute("UPDATE clusters SET last_seen_at = now() - interval '9 days' WHERE id = $1", [oc]);
    const result = await t.ctx.monitoring.retention.run();
    expect(result.clusterBandsRetired).toBeGreaterThan(0);
    expect(await bands(oc)).toBe(0);
    expect(await bands(rc)).toBeGreaterThan(0);
    // A copy of the recent text still joins its cluster through the bands; one of the old starts a new cluster.
    const [r2, o2] = (await ingest([mention(`${recent} abhi`, { unitIds: [unitA] }), mention(`${old} abhi`, { unitIds: [unitA] })])).ids as [string, string];
    expect(await clusterOf(r2)).toBe(rc);
    expect(await clusterOf(o2)).not.toBe(oc);
  });
});

describe('pseudonymisation', () => {
  it('is a unit setting changed by admin or sb_supervisor, audited', async () => {
    const before = await t.ctx.monitoring.privacy.get(admin, unitP);
    expect(before.pseudonymiseAuthors).toBe(false);
    const after = await t.ctx.monitoring.privacy.set(admin, unitP, true);
    expect(after).toMatchObject({ unitId: unitP, pseudonymiseAuthors: true, updatedBy: admin.userId });
    const [row] = await t.ctx.db.query<{ details: unknown }>("SELECT details FROM audit_log WHERE action = 'monitoring.privacy_changed' AND target_id = $1", [unitP]);
    expect(row!.details).toEqual({ before: { pseudonymiseAuthors: false }, after: { pseudonymiseAuthors: true } });
  });

  it('replaces authors on ingest in that unit, the same author by the same pseudonym, and leaves other units alone', async () => {
    const r = await ingest([
      mention('post one in P', { unitIds: [unitP], authorHandle: '@SameAuthor' }),
      mention('post two in P', { unitIds: [unitP], authorHandle: 'sameauthor' }),
      mention('post in A', { unitIds: [unitA], authorHandle: '@NamedAuthor' }),
    ]);
    const rows = await t.ctx.db.query<{ id: string; author_handle: string; author_name: string | null; author_external_id: string | null; author_pseudonymised: boolean; raw: unknown }>(
      'SELECT id::text AS id, author_handle, author_name, author_external_id, author_pseudonymised, raw FROM mentions WHERE id = ANY($1::bigint[]) ORDER BY text DESC',
      [r.ids],
    );
    const [p1, p2, a] = rows;
    expect(p1!.author_handle).toMatch(/^anon-[0-9a-f]{12}$/);
    expect(p1!.author_handle).toBe(p2!.author_handle);
    expect(p1).toMatchObject({ author_name: null, author_pseudonymised: true, raw: { pseudonymised: true } });
    expect(p1!.author_external_id).toMatch(/^anon-/);
    expect(a).toMatchObject({ author_handle: '@NamedAuthor', author_pseudonymised: false });
  });

  it('the nightly run catches mentions that entered the unit later, but not held ones', async () => {
    const r = await ingest([mention('later moved into P', { unitIds: [unitA] }), mention('held and moved into P', { unitIds: [unitA] })]);
    const byText = new Map((await t.ctx.db.query<{ id: string; text: string }>('SELECT id::text AS id, text FROM mentions WHERE id = ANY($1::bigint[])', [r.ids])).map((x) => [x.text, x.id]));
    const later = byText.get('later moved into P')!;
    const held = byText.get('held and moved into P')!;
    await t.ctx.db.execute('UPDATE mentions SET unit_ids = unit_ids || $2::text[] WHERE id = ANY($1::bigint[])', [r.ids, [unitP]]);
    await t.ctx.db.execute("INSERT INTO mention_holds (mention_id, reason) VALUES ($1, 'evidence preserved')", [held]);
    const result = await t.ctx.monitoring.retention.run();
    expect(result.pseudonymised).toBe(1);
    const rows = await t.ctx.db.query<{ id: string; author_pseudonymised: boolean }>('SELECT id::text AS id, author_pseudonymised FROM mentions WHERE id = ANY($1::bigint[])', [r.ids]);
    expect(new Map(rows.map((x) => [x.id, x.author_pseudonymised]))).toEqual(new Map([[later, true], [held, false]]));
    const [audit] = await t.ctx.db.query<{ details: unknown }>("SELECT details FROM audit_log WHERE action = 'monitoring.authors_pseudonymised' ORDER BY id DESC LIMIT 1");
    expect(audit!.details).toEqual({ mentions: 1 });
  });
});
