import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../auth/actor.js';
import type { Role } from '../../auth/roles.js';
import { createTestApp, type TestApp } from '../../test-support/app.js';
import { makeUnit, makeUser, signIn } from '../../test-support/factories.js';
import { languageOnlyEnricher } from '../mentions/enricher.js';
import type { IncomingMention } from '../mentions/incoming.js';
import { ingestBatch } from '../mentions/ingest.js';

let t: TestApp;
let unitA: string;
let unitB: string;
let analystA: Actor;
let officerB: Actor;
let supervisor: Actor;
let leader: { username: string; password: string };
const DAY = 86_400_000;

async function actor(role: Role, unitIds?: string[]): Promise<Actor & { password: string }> {
  const u = await makeUser(t.ctx, unitIds ? { role, unitIds } : { role });
  return { userId: u.id, username: u.username, displayName: u.username, role, units: unitIds ?? 'all', via: 'session', password: u.password };
}

let seq = 0;
function mention(text: string, over: Partial<IncomingMention> = {}): IncomingMention {
  seq++;
  return { platform: 'sandbox', externalId: `s-${seq}-${Math.random().toString(36).slice(2)}`, text, createdAt: new Date().toISOString(), authorHandle: `person${seq}`, authorName: `Person ${seq}`, ...over };
}
const ingest = (items: IncomingMention[]) => ingestBatch({ db: t.ctx.db, monitoring: t.ctx.monitoring }, items, languageOnlyEnricher);

let ids: string[];
let watchId: string;

beforeAll(async () => {
  t = await createTestApp({ seed: false });
  unitA = (await makeUnit(t.ctx)).id;
  unitB = (await makeUnit(t.ctx)).id;
  analystA = await actor('analyst', [unitA]);
  officerB = await actor('district_officer', [unitB]);
  supervisor = await actor('sb_supervisor');
  leader = await makeUser(t.ctx, { role: 'leadership' });
  const w = await t.ctx.monitoring.watches.create(analystA, {
    name: 'water',
    query: 'pani OR पानी OR water',
    purpose: 'Complaints about water supply in the district, to pass them to the civic body.',
    legalBasis: 'Standing order on public grievances',
    unitIds: [unitA],
    expiresAt: new Date(Date.now() + 10 * DAY).toISOString(),
    retentionDays: 30,
  });
  watchId = w.id;
  const items = [
    mention('पानी नहीं आ रहा है तीन दिन से', { unitIds: [unitB] }),
    mention('<script>alert(1)</script> traffic jam at ITO', { unitIds: [unitA], platform: 'rss' }),
    mention('Seelampur mein dangaa ki afwaah, koi dhyan na de', { unitIds: [unitA] }),
    mention('Old news about the flyover', { unitIds: [unitA], createdAt: new Date(Date.now() - 10 * DAY).toISOString() }),
    mention('Unrelated post in another district', { unitIds: [unitB] }),
  ];
  await ingest(items);
  // In input order (the ingest result lists ids in no particular order).
  const stored = await t.ctx.db.query<{ id: string; external_id: string }>('SELECT id::text AS id, external_id FROM mentions');
  ids = items.map((i) => stored.find((s) => s.external_id === i.externalId)!.id);
});
afterAll(async () => {
  await t.close();
});

describe('the stream', () => {
  it('pages newest first within the caller’s units, with filters', async () => {
    const all = await t.ctx.monitoring.stream.list(analystA, {});
    // Mention 0 concerns unit B but the water watch (unit A) matched it, so unit A sees it too.
    expect(all.mentions.map((m) => m.id)).toEqual([ids[3], ids[2], ids[1], ids[0]]);
    expect(all.latest).toBe(ids[3]);
    const page1 = await t.ctx.monitoring.stream.list(analystA, { limit: 2 });
    expect(page1.mentions.map((m) => m.id)).toEqual([ids[3], ids[2]]);
    const page2 = await t.ctx.monitoring.stream.list(analystA, { limit: 2, before: page1.nextBefore! });
    expect(page2.mentions.map((m) => m.id)).toEqual([ids[1], ids[0]]);
    expect(page2.nextBefore).toBeNull();
    expect((await t.ctx.monitoring.stream.list(analystA, { watchId })).mentions.map((m) => m.id)).toEqual([ids[0]]);
    expect((await t.ctx.monitoring.stream.list(analystA, { platform: 'rss' })).mentions.map((m) => m.id)).toEqual([ids[1]]);
    expect((await t.ctx.monitoring.stream.list(analystA, { lang: 'hi' })).mentions.map((m) => m.id)).toEqual([ids[0]]);
    expect((await t.ctx.monitoring.stream.list(officerB, {})).mentions.map((m) => m.id)).toEqual([ids[4], ids[0]]);
  });

  it('keeps text raw (the UI escapes it)', async () => {
    const { mentions } = await t.ctx.monitoring.stream.list(analystA, { platform: 'rss' });
    expect(mentions[0]!.text).toBe('<script>alert(1)</script> traffic jam at ITO');
  });

  it('searches full text and tolerates Hinglish spellings', async () => {
    const exact = await t.ctx.monitoring.stream.list(analystA, { q: 'afwaah' });
    expect(exact.mentions.map((m) => m.id)).toEqual([ids[2]]);
    const spelling = await t.ctx.monitoring.stream.list(analystA, { q: 'afwah' });
    expect(spelling.mentions.map((m) => m.id)).toEqual([ids[2]]);
    const hindi = await t.ctx.monitoring.stream.list(supervisor, { q: 'पानी' });
    expect(hindi.mentions.map((m) => m.id)).toEqual([ids[0]]);
    expect((await t.ctx.monitoring.stream.list(analystA, { q: 'cricket' })).mentions).toEqual([]);
  });

  it('searches across scripts, beyond the spelling keys by the dictionary, and every word must occur', async () => {
    const ids0 = async (actor: Actor, q: string) => (await t.ctx.monitoring.stream.list(actor, { q })).mentions.map((m) => m.id);
    // Romanised query, Devanagari post; and the other way round.
    expect(await ids0(supervisor, 'paani')).toEqual([ids[0]]);
    expect(await ids0(analystA, 'अफवाह')).toEqual([ids[2]]);
    // Spellings the keys do not fold (an inflected form, a dropped letter) meet the stored words by trigrams.
    expect(await ids0(analystA, 'afwahein')).toEqual([ids[2]]);
    expect(await ids0(analystA, 'Seelampr')).toEqual([ids[2]]);
    // All words of the query: one unknown word and nothing matches.
    expect(await ids0(analystA, 'afwaah seelampur')).toEqual([ids[2]]);
    expect(await ids0(analystA, 'afwaah cricket')).toEqual([]);
    // A query without a word matches nothing (and is no error).
    expect(await ids0(analystA, '!!! ...')).toEqual([]);
    // The live poll searches the same way.
    expect((await t.ctx.monitoring.stream.poll(analystA, { after: '0', q: 'afwahein' }, 0)).mentions.map((m) => m.id)).toEqual([ids[2]]);
  });

  it('long-polls: waits for a new mention and returns it with the next cursor', async () => {
    const start = Date.now();
    const empty = await t.ctx.monitoring.stream.poll(analystA, { after: ids[4]! }, 1);
    expect(empty).toEqual({ mentions: [], cursor: ids[4], more: false });
    expect(Date.now() - start).toBeGreaterThanOrEqual(900);
    const waiting = t.ctx.monitoring.stream.poll(analystA, { after: ids[4]! }, 10);
    await new Promise((r) => setTimeout(r, 300));
    const r = await ingest([mention('naya post about water', { unitIds: [unitA] })]);
    const got = await waiting;
    expect(got.mentions.map((m) => m.id)).toEqual(r.ids);
    expect(got.cursor).toBe(r.ids[0]);
    // Another unit's new mention does not wake this caller.
    await ingest([mention('somewhere else entirely', { unitIds: [unitB] })]);
    expect((await t.ctx.monitoring.stream.poll(analystA, { after: got.cursor }, 0)).mentions).toEqual([]);
  });

  it('serves the long poll over HTTP', async () => {
    const u = await makeUser(t.ctx, { role: 'analyst', unitIds: [unitA] });
    const s = await signIn(t.app, u.username, u.password);
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/monitoring/mentions/updates?after=${ids[0]}&wait=0`, headers: s.headers() });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ mentions: { id: string }[] }>().mentions.length).toBeGreaterThan(0);
  });
});

describe('geotags', () => {
  it('name the police station in both languages, over HTTP too, and keep the id of one not in the table', async () => {
    await t.ctx.db.execute("INSERT INTO stations (id, unit_id, name_en, name_hi) VALUES ('st-geo-1', $1, 'Mukherjee Nagar', 'मुखर्जी नगर')", [unitA]);
    const r = await ingest([mention('Curfew ki afwaah hai kya?', { unitIds: [unitA] }), mention('Koi aur jagah', { unitIds: [unitA] })]);
    await t.ctx.db.execute("UPDATE mentions SET geo_district = $2, geo_station = 'st-geo-1' WHERE id = $1", [r.ids[0], unitA]);
    await t.ctx.db.execute("UPDATE mentions SET geo_station = 'st-unknown' WHERE id = $1", [r.ids[1]]);
    const listed = (await t.ctx.monitoring.stream.list(analystA, {})).mentions;
    const named = listed.find((m) => m.id === r.ids[0])!;
    expect(named).toMatchObject({ geoStation: 'st-geo-1', geoStationName: { nameEn: 'Mukherjee Nagar', nameHi: 'मुखर्जी नगर' }, geoDistrict: unitA });
    expect(listed.find((m) => m.id === r.ids[1])).toMatchObject({ geoStation: 'st-unknown', geoStationName: null });
    expect((await t.ctx.monitoring.stream.detail(analystA, r.ids[0]!)).mention.geoStationName).toEqual({ nameEn: 'Mukherjee Nagar', nameHi: 'मुखर्जी नगर' });

    const u = await makeUser(t.ctx, { role: 'analyst', unitIds: [unitA] });
    const s = await signIn(t.app, u.username, u.password);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/monitoring/mentions', headers: s.headers() });
    expect(res.statusCode, res.body).toBe(200);
    const overHttp = res.json<{ mentions: { id: string; geoStationName: unknown }[] }>().mentions.find((m) => m.id === r.ids[0]);
    expect(overHttp?.geoStationName).toEqual({ nameEn: 'Mukherjee Nagar', nameHi: 'मुखर्जी नगर' });
  });
});

describe('mention detail', () => {
  it('shows raw payload, versions, cluster and watches, and audits the view', async () => {
    const item = mention('पानी की सप्लाई बंद है कई घंटों से सेक्टर दस में', { unitIds: [unitA], raw: { id: 'x1', user: { screen_name: 'someone' } } });
    const [id] = (await ingest([item])).ids;
    await ingest([{ ...item, text: 'पानी की सप्लाई बंद है कई घंटों से सेक्टर दस में, टैंकर भेजो' }]);
    const d = await t.ctx.monitoring.stream.detail(analystA, id!);
    expect(d.mention.raw).toEqual({ id: 'x1', user: { screen_name: 'someone' } });
    expect(d.mention.version).toBe(2);
    expect(d.versions.map((v) => v.text)).toEqual([item.text]);
    expect(d.watches.map((w) => w.id)).toEqual([watchId]);
    const audit = await t.ctx.db.query<{ actor_id: string }>("SELECT actor_id FROM audit_log WHERE action = 'mention.viewed' AND target_id = $1", [id]);
    expect(audit.map((a) => a.actor_id)).toEqual([analystA.userId]);
    await expect(t.ctx.monitoring.stream.detail(officerB, ids[2]!)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('shows the near-duplicate cluster with its size and members', async () => {
    const base = 'कल सीलमपुर में दंगा होगा सब लोग तैयार रहो यह मैसेज आगे भेजो';
    const r = await ingest([mention(base, { unitIds: [unitA] }), mention(`${base}!!`, { unitIds: [unitA] }), mention(`${base} जल्दी`, { unitIds: [unitA] })]);
    const d = await t.ctx.monitoring.stream.detail(analystA, r.ids[1]!);
    expect(d.cluster).not.toBeNull();
    expect(d.cluster!.size).toBeGreaterThanOrEqual(2);
    expect(d.cluster!.members.map((m) => m.id)).toContain(r.ids[1]);
  });

  it('names the stored post a mention answers, when the caller may see it', async () => {
    const post = mention('Traffic advisory: Ring Road closed near ITO', { unitIds: [unitA], externalId: `post-${seq}` });
    const hidden = mention('A post of another district', { unitIds: [unitB], externalId: `hidden-${seq}` });
    await ingest([post, hidden]);
    const reply = mention('ITO पर तो सुबह से जाम है', { unitIds: [unitA], replyTo: post.externalId, quoteOf: hidden.externalId, shareOf: 'never-stored' });
    const r = await ingest([reply]);
    const [postRow] = await t.ctx.db.query<{ id: string }>("SELECT id::text AS id FROM mentions WHERE platform = 'sandbox' AND external_id = $1", [post.externalId]);
    const d = await t.ctx.monitoring.stream.detail(analystA, r.ids[0]!);
    expect(d.mention).toMatchObject({ replyTo: post.externalId, quoteOf: hidden.externalId, shareOf: 'never-stored' });
    // The quoted post is of a unit the analyst does not see: its id is not given away.
    expect(d.mention.related).toEqual({ replyTo: postRow!.id, quoteOf: null, shareOf: null });
    const all = await t.ctx.monitoring.stream.detail(supervisor, r.ids[0]!);
    expect(all.mention.related.quoteOf).not.toBeNull();
  });
});

describe('test this watch', () => {
  it('shows what a query would have matched in the last 7 days, within scope', async () => {
    const res = await t.ctx.monitoring.stream.test(supervisor, 'flyover OR dangaa OR पानी');
    const matchedIds = res.mentions.map((m) => m.id);
    expect(matchedIds).toContain(ids[2]);
    expect(matchedIds).toContain(ids[0]);
    expect(matchedIds).not.toContain(ids[3]); // ten days old
    expect(res.matched).toBe(res.byDay.reduce((s, d) => s + d.n, 0));
    expect(res.days).toBe(7);
    const scoped = await t.ctx.monitoring.stream.test(officerB, 'flyover OR dangaa');
    expect(scoped.matched).toBe(0);
    await expect(t.ctx.monitoring.stream.test(supervisor, '(danga')).rejects.toMatchObject({ code: 'query_syntax', details: { position: 0 } });
  });
});

describe('aggregates and sources', () => {
  it('give leadership counts and no mentions', async () => {
    const s = await signIn(t.app, leader.username, leader.password);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/monitoring/summary?days=30', headers: s.headers() });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ total: number; byPlatform: { key: string; n: number }[]; byWatch: { key: string; label?: string; n: number }[] }>();
    expect(body.total).toBeGreaterThanOrEqual(5);
    expect(body.byPlatform.find((p) => p.key === 'rss')?.n).toBe(1);
    expect(body.byWatch.find((w) => w.key === watchId)).toMatchObject({ label: 'water' });
    expect(body.byWatch.find((w) => w.key === watchId)!.n).toBeGreaterThanOrEqual(2);
    expect(res.body).not.toContain('script');
    const denied = await t.app.inject({ method: 'GET', url: '/api/v1/monitoring/mentions', headers: s.headers() });
    expect(denied.statusCode).toBe(403);
  });

  it('list sources with health', async () => {
    await t.ctx.db.execute(
      `WITH s AS (INSERT INTO sources (kind, name, unit_ids) VALUES ('rss', 'Feed of A', $1::text[]) RETURNING id)
       INSERT INTO source_health (source_id, last_run_at, last_error_at, last_error, consecutive_failures) SELECT id, now(), now(), 'HTTP 503', 2 FROM s`,
      [[unitA]],
    );
    await t.ctx.db.execute(`INSERT INTO sources (kind, name, unit_ids) VALUES ('rss', 'Feed of B', $1::text[])`, [[unitB]]);
    const mine = await t.ctx.monitoring.stream.sources(analystA);
    expect(mine.map((s) => [s.name, s.state, s.lastError])).toEqual([['Feed of A', 'failing', 'HTTP 503']]);
    expect((await t.ctx.monitoring.stream.sources(supervisor)).map((s) => s.name).sort()).toEqual(['Feed of A', 'Feed of B']);
  });
});

describe('over HTTP', () => {
  it('serves every monitoring route with its documented shape', async () => {
    const u = await makeUser(t.ctx, { role: 'sb_supervisor' });
    const s = await signIn(t.app, u.username, u.password);
    const get = async (url: string) => {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: s.headers() });
      expect(res.statusCode, `${url} ${res.body}`).toBe(200);
      return res.json<Record<string, unknown>>();
    };
    const send = async (method: 'POST' | 'PATCH' | 'PUT', url: string, payload: object, status = 200) => {
      const res = await t.app.inject({ method, url: `/api/v1${url}`, headers: s.headers(), payload });
      expect(res.statusCode, `${method} ${url} ${res.body}`).toBe(status);
      return res.json<Record<string, unknown>>();
    };
    const list = await get('/monitoring/watches');
    expect((list.watches as { id: string }[]).map((w) => w.id)).toContain(watchId);
    expect(((await get(`/monitoring/watches/${watchId}`)).watch as { purpose: string }).purpose).toMatch(/water supply/);
    const created = (await send('POST', '/monitoring/watches', {
      name: 'http watch',
      query: '"traffic jam" OR जाम',
      purpose: 'Traffic jams reported by the public, to send traffic staff where needed.',
      legalBasis: 'Delhi Police Act 1978 s.28',
      unitIds: [unitA],
      expiresAt: new Date(Date.now() + 5 * DAY).toISOString(),
      retentionDays: 7,
    }, 201)).watch as { id: string; version: number };
    const patched = (await send('PATCH', `/monitoring/watches/${created.id}`, { paused: true, version: created.version })).watch as { status: string };
    expect(patched.status).toBe('paused');
    const ended = (await send('POST', `/monitoring/watches/${created.id}/expire`, { reason: 'no longer needed' })).watch as { status: string };
    expect(ended.status).toBe('expired');
    const test = await send('POST', '/monitoring/watches/test', { query: '"traffic jam"', limit: 5 });
    expect(test.matched).toBe(1);
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/monitoring/watches/test', headers: s.headers(), payload: { query: 'jam NEAR/ x' } });
    expect(bad.json()).toMatchObject({ error: { code: 'query_syntax', details: { position: 4 } } });
    const page = await get('/monitoring/mentions?limit=3');
    expect((page.mentions as unknown[]).length).toBe(3);
    const detail = await get(`/monitoring/mentions/${ids[1]}`);
    expect((detail.mention as { text: string; raw: unknown }).text).toBe('<script>alert(1)</script> traffic jam at ITO');
    expect(Array.isArray(detail.versions)).toBe(true);
    expect((await get('/monitoring/sources')).sources).toBeDefined();
    expect((await get('/monitoring/summary')).total).toBeGreaterThan(0);
    const admin = await makeUser(t.ctx, { role: 'admin' });
    const as = await signIn(t.app, admin.username, admin.password);
    const privacy = await t.app.inject({ method: 'PUT', url: `/api/v1/monitoring/units/${unitB}/privacy`, headers: as.headers(), payload: { pseudonymiseAuthors: false } });
    expect(privacy.statusCode, privacy.body).toBe(200);
    expect(privacy.json()).toMatchObject({ unitId: unitB, pseudonymiseAuthors: false });
    const notMentions = await t.app.inject({ method: 'GET', url: '/api/v1/monitoring/mentions', headers: as.headers() });
    expect(notMentions.statusCode).toBe(403);
  });
});
