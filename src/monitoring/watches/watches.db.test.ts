import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../auth/actor.js';
import type { Role } from '../../auth/roles.js';
import { createTestApp, type TestApp } from '../../test-support/app.js';
import { makeUnit, makeUser, signIn, type SignedIn } from '../../test-support/factories.js';
import { languageOnlyEnricher } from '../mentions/enricher.js';
import type { IncomingMention } from '../mentions/incoming.js';
import { ingestBatch } from '../mentions/ingest.js';

let t: TestApp;
let unitA: string;
let unitB: string;
let analystA: Actor;
let analystSession: SignedIn;
let supervisor: Actor;
const DAY = 86_400_000;

async function actor(role: Role, unitIds?: string[]): Promise<{ actor: Actor; password: string; username: string }> {
  const u = await makeUser(t.ctx, unitIds ? { role, unitIds } : { role });
  return {
    actor: { userId: u.id, username: u.username, displayName: u.username, role, units: unitIds ?? 'all', via: 'session' },
    password: u.password,
    username: u.username,
  };
}

function watchInput(over: Record<string, unknown> = {}) {
  return {
    name: 'Rumours of riots in the north-east',
    query: '(danga OR दंगा OR riot*) NOT cricket',
    purpose: 'Early warning of communal rumours after the 2020 riots, to counter them with facts.',
    legalBasis: 'Delhi Police Act 1978 s.4; order of the Special CP (Intelligence)',
    unitIds: [unitA],
    expiresAt: new Date(Date.now() + 30 * DAY).toISOString(),
    retentionDays: 90,
    ...over,
  };
}

let seq = 0;
function mention(text: string, over: Partial<IncomingMention> = {}): IncomingMention {
  seq++;
  return { platform: 'sandbox', externalId: `w-${seq}-${Math.random().toString(36).slice(2)}`, text, createdAt: new Date().toISOString(), authorHandle: `author${seq}`, ...over };
}
const ingest = (items: IncomingMention[]) => ingestBatch({ db: t.ctx.db, monitoring: t.ctx.monitoring }, items, languageOnlyEnricher);

beforeAll(async () => {
  t = await createTestApp({ seed: false });
  unitA = (await makeUnit(t.ctx)).id;
  unitB = (await makeUnit(t.ctx)).id;
  const a = await actor('analyst', [unitA]);
  analystA = a.actor;
  analystSession = await signIn(t.app, a.username, a.password);
  supervisor = (await actor('sb_supervisor')).actor;
});
afterAll(async () => {
  await t.close();
});

describe('watch safeguards', () => {
  it('creates a watch with owner, purpose, legal basis, units, expiry and retention, and audits it', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/monitoring/watches', headers: analystSession.headers(), payload: watchInput() });
    expect(res.statusCode, res.body).toBe(201);
    const { watch } = res.json<{ watch: { id: string; ownerId: string; status: string; unitIds: string[]; abilities: { edit: boolean } } }>();
    expect(watch).toMatchObject({ ownerId: analystA.userId, status: 'active', unitIds: [unitA], abilities: { edit: true } });
    const audit = await t.ctx.db.query<{ action: string; details: { after: { purpose: string; legalBasis: string } } }>(
      "SELECT action, details FROM audit_log WHERE target_type = 'watch' AND target_id = $1",
      [watch.id],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.action).toBe('watch.created');
    expect(audit[0]!.details.after.legalBasis).toContain('Delhi Police Act');
  });

  for (const field of ['name', 'query', 'purpose', 'legalBasis', 'unitIds', 'expiresAt', 'retentionDays']) {
    it(`cannot be saved without ${field}`, async () => {
      const body: Record<string, unknown> = watchInput();
      delete body[field];
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/monitoring/watches', headers: analystSession.headers(), payload: body });
      expect(res.statusCode).toBe(400);
      expect(res.json<{ error: { code: string; message: string } }>().error).toMatchObject({ code: 'validation_failed' });
    });
  }

  it('refuses a purpose that is not written out, an expiry in the past or too far ahead, no units, a retention of 0', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ purpose: 'watch      ' }, /purpose/],
      [{ expiresAt: new Date(Date.now() - 1000).toISOString() }, /expiresAt: must be in the future/],
      [{ expiresAt: new Date(Date.now() + 400 * DAY).toISOString() }, /expiresAt: must be within 180 days/],
      [{ unitIds: [] }, /unitIds/],
      [{ retentionDays: 0 }, /retentionDays/],
      [{ unitIds: ['no-such-unit'] }, /outside your scope/],
    ];
    for (const [over, why] of cases) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/monitoring/watches', headers: analystSession.headers(), payload: watchInput(over) });
      expect([400, 403], res.body).toContain(res.statusCode);
      expect(res.json<{ error: { message: string } }>().error.message).toMatch(why);
    }
    await expect(t.ctx.monitoring.watches.create(supervisor, watchInput({ unitIds: ['no-such-unit'] }))).rejects.toThrow(/not found/);
  });

  it('answers a bad query with query_syntax and the position', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/monitoring/watches', headers: analystSession.headers(), payload: watchInput({ query: 'danga police AND' }) });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      error: { code: 'query_syntax', message: 'expected a term after AND (the query ends) at 16', details: { field: 'query', position: 16, reason: 'expected a term after AND (the query ends)' } },
    });
  });

  it('keeps a scoped analyst to watches of their units', async () => {
    const other = await t.ctx.monitoring.watches.create(supervisor, watchInput({ unitIds: [unitB], name: 'B only' }));
    await expect(t.ctx.monitoring.watches.get(analystA, other.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(t.ctx.monitoring.watches.update(analystA, other.id, { name: 'mine now' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(t.ctx.monitoring.watches.create(analystA, watchInput({ unitIds: [unitA, unitB] }))).rejects.toMatchObject({ code: 'forbidden' });
    const listed = await t.ctx.monitoring.watches.list(analystA);
    expect(listed.map((w) => w.id)).not.toContain(other.id);
    // A watch that also concerns another unit is visible but not editable.
    const both = await t.ctx.monitoring.watches.create(supervisor, watchInput({ unitIds: [unitA, unitB], name: 'A and B' }));
    expect((await t.ctx.monitoring.watches.get(analystA, both.id)).abilities.edit).toBe(false);
    await expect(t.ctx.monitoring.watches.update(analystA, both.id, { name: 'x' })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('refuses an owner who cannot own watches or does not cover its units', async () => {
    const editor = await actor('agency_editor', [unitA]);
    await expect(t.ctx.monitoring.watches.create(supervisor, watchInput({ ownerId: editor.actor.userId }))).rejects.toThrow(/cannot own a watch/);
    const analystB = await actor('analyst', [unitB]);
    await expect(t.ctx.monitoring.watches.create(supervisor, watchInput({ ownerId: analystB.actor.userId }))).rejects.toThrow(/not all in the owner's units/);
    const ok = await t.ctx.monitoring.watches.create(supervisor, watchInput({ ownerId: analystA.userId }));
    expect(ok.ownerId).toBe(analystA.userId);
  });

  it('audits an edit with before and after, and refuses a stale version', async () => {
    const w = await t.ctx.monitoring.watches.create(analystA, watchInput());
    const edited = await t.ctx.monitoring.watches.update(analystA, w.id, { query: 'danga NEAR/3 police', retentionDays: 30, version: w.version });
    expect(edited).toMatchObject({ query: 'danga NEAR/3 police', retentionDays: 30, version: w.version + 1 });
    const [row] = await t.ctx.db.query<{ details: { before: Record<string, unknown>; after: Record<string, unknown> } }>(
      "SELECT details FROM audit_log WHERE action = 'watch.updated' AND target_id = $1",
      [w.id],
    );
    expect(row!.details).toEqual({ before: { query: w.query, retentionDays: 90 }, after: { query: 'danga NEAR/3 police', retentionDays: 30 } });
    await expect(t.ctx.monitoring.watches.update(analystA, w.id, { name: 'late', version: w.version })).rejects.toMatchObject({ code: 'conflict' });
    await expect(t.ctx.monitoring.watches.update(analystA, w.id, { query: 'NOT danga' })).rejects.toMatchObject({ code: 'query_syntax' });
  });
});

describe('matching after ingest', () => {
  it('records matches across scripts, adds the watch units to the mention, and an expired watch stops matching', async () => {
    const w = await t.ctx.monitoring.watches.create(analystA, watchInput({ name: 'matching', query: '(danga OR riot*) NOT cricket', unitIds: [unitA] }));
    const first = await ingest([
      mention('सीलमपुर में दंगा शुरू हो गया है, सब घर में रहो', { unitIds: [unitB] }),
      mention('Rioters seen near the flyover'),
      mention('danga over a cricket match'),
      mention('traffic is slow at ITO'),
    ]);
    expect(first.stored).toBe(4);
    const matched = await t.ctx.db.query<{ mention_id: string }>('SELECT mention_id::text FROM watch_matches WHERE watch_id = $1 ORDER BY mention_id', [w.id]);
    expect(matched.map((m) => m.mention_id)).toEqual([first.ids[0], first.ids[1]].sort());
    const [units] = await t.ctx.db.query<{ unit_ids: string[] }>('SELECT unit_ids FROM mentions WHERE id = $1', [first.ids[0]]);
    expect(units!.unit_ids.sort()).toEqual([unitA, unitB].sort());
    expect((await t.ctx.monitoring.watches.get(analystA, w.id)).matchCount).toBe(2);

    const ended = await t.ctx.monitoring.watches.expire(analystA, w.id, 'purpose served: the situation is calm');
    expect(ended.status).toBe('expired');
    expect(ended.abilities.edit).toBe(false);
    const later = await ingest([mention('phir se danga ki afwaah')]);
    const after = await t.ctx.db.query('SELECT 1 FROM watch_matches WHERE watch_id = $1 AND mention_id = $2', [w.id, later.ids[0]]);
    expect(after).toHaveLength(0);
    const expiredList = await t.ctx.monitoring.watches.list(analystA, { status: 'expired' });
    expect(expiredList.map((x) => x.id)).toContain(w.id);
    const [audit] = await t.ctx.db.query<{ details: { reason: string } }>("SELECT details FROM audit_log WHERE action = 'watch.expired' AND target_id = $1", [w.id]);
    expect(audit!.details.reason).toBe('purpose served: the situation is calm');
  });

  it('a watch stops matching the moment its expiry passes, with its compiled form still cached', async () => {
    const w = await t.ctx.monitoring.watches.create(analystA, watchInput({ name: 'seconds', query: 'mustafabad', expiresAt: new Date(Date.now() + 1500).toISOString() }));
    expect(await t.ctx.monitoring.matching.matchMention({ text: 'mustafabad', platform: 'sandbox' })).toContain(w.id);
    await new Promise((r) => setTimeout(r, 1600));
    expect(await t.ctx.monitoring.matching.matchMention({ text: 'mustafabad', platform: 'sandbox' })).not.toContain(w.id);
    const r = await ingest([mention('Mustafabad mein bheed')]);
    expect(await t.ctx.db.query('SELECT 1 FROM watch_matches WHERE watch_id = $1 AND mention_id = $2', [w.id, r.ids[0]])).toHaveLength(0);
  });

  it('a watch ended by another process stops matching at once, and its units are not left on the mention', async () => {
    const w = await t.ctx.monitoring.watches.create(analystA, watchInput({ name: 'short-lived', query: 'jahangirpuri' }));
    const still = await t.ctx.monitoring.watches.create(supervisor, watchInput({ name: 'still on', query: 'jahangirpuri NEAR/2 tension', unitIds: [unitB] }));
    // This process loads its watches now, with the expiry still ahead.
    expect(await t.ctx.monitoring.matching.matchMention({ text: 'jahangirpuri', platform: 'sandbox' })).toContain(w.id);
    await t.ctx.db.execute("UPDATE watches SET expires_at = now() - interval '1 second' WHERE id = $1", [w.id]);
    // Another process's change: this one's cached watches still hold the old expiry, and the
    // batch is prepared (matched, given units) with them.
    const r = await ingest([mention('Jahangirpuri mein tension'), mention('Jahangirpuri ka bazaar')]);
    expect(await t.ctx.db.query('SELECT 1 FROM watch_matches WHERE watch_id = $1 AND mention_id = ANY($2::bigint[])', [w.id, r.ids])).toHaveLength(0);
    const kept = await t.ctx.db.query<{ mention_id: string }>('SELECT mention_id::text FROM watch_matches WHERE watch_id = $1', [still.id]);
    expect(kept.map((k) => k.mention_id)).toEqual([r.ids[0]]);
    const units = await t.ctx.db.query<{ id: string; unit_ids: string[] }>('SELECT id::text, unit_ids FROM mentions WHERE id = ANY($1::bigint[]) ORDER BY id', [r.ids]);
    expect(units.map((u) => u.unit_ids)).toEqual([[unitB], []]);
    expect((await t.ctx.monitoring.watches.get(analystA, w.id)).status).toBe('expired');
  });

  it('a paused watch does not match; resumed, it does', async () => {
    const w = await t.ctx.monitoring.watches.create(analystA, watchInput({ name: 'pausable', query: '#SeelampurAlert' }));
    await t.ctx.monitoring.watches.update(analystA, w.id, { paused: true });
    const a = await ingest([mention('sab log dhyan do #SeelampurAlert')]);
    await t.ctx.monitoring.watches.update(analystA, w.id, { paused: false });
    const b = await ingest([mention('फिर से #seelampuralert')]);
    const rows = await t.ctx.db.query<{ mention_id: string }>('SELECT mention_id::text FROM watch_matches WHERE watch_id = $1', [w.id]);
    expect(rows.map((r) => r.mention_id)).toEqual([b.ids[0]]);
    expect(a.ids[0]).toBeDefined();
  });

  it('calls the alert hook with the new matches only', async () => {
    const seen: { watchId: string; mentionId: string }[][] = [];
    t.ctx.monitoring.matching.setAlertHook({ onMatched: async (_q, m) => void seen.push([...m]) });
    try {
      const w = await t.ctx.monitoring.watches.create(analystA, watchInput({ name: 'hooked', query: '"pathar baazi"' }));
      const item = mention('Yahan pathar baazi ho rahi hai');
      await ingest([item]);
      await ingest([{ ...item, text: 'Yahan pathar baazi ho rahi hai, police aa gayi' }]);
      const forWatch = seen.flat().filter((m) => m.watchId === w.id);
      expect(forWatch).toHaveLength(1);
    } finally {
      t.ctx.monitoring.matching.setAlertHook({ onMatched: async () => undefined });
    }
  });
});

describe('the process pipeline', () => {
  it('matches mentions published to the ingestion pipeline of the process', async () => {
    const w = await t.ctx.monitoring.watches.create(analystA, watchInput({ name: 'pipeline', query: 'bhajanpura NEAR/3 (pathar OR पत्थर)' }));
    const pipeline = t.ctx.ingestion.pipeline;
    await pipeline.startWorkers();
    try {
      const item = mention('भजनपुरा में पत्थर चले, सब घर में रहें');
      await pipeline.publish([item]);
      let rows: { mention_id: string }[] = [];
      for (let i = 0; i < 100 && rows.length === 0; i++) {
        await new Promise((r) => setTimeout(r, 200));
        rows = await t.ctx.db.query('SELECT m.mention_id::text FROM watch_matches m JOIN mentions x ON x.id = m.mention_id WHERE m.watch_id = $1 AND x.external_id = $2', [w.id, item.externalId]);
      }
      expect(rows).toHaveLength(1);
    } finally {
      await pipeline.stop();
    }
  });
});
