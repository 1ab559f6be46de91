import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/app.js';
import { makeUser, signIn, type SignedIn } from '../../test-support/factories.js';

let t: TestApp;
let admin: SignedIn;
let supervisor: SignedIn;
let supervisorId: string;
let analyst: SignedIn;
let editor: SignedIn;
let unitId: string;

beforeAll(async () => {
  t = await createTestApp();
  await t.ctx.ingestion.pipeline.startWorkers();
  unitId = (await t.ctx.db.query<{ id: string }>("SELECT id FROM units WHERE kind = 'district' ORDER BY id LIMIT 1"))[0]!.id;
  const a = await makeUser(t.ctx, { role: 'admin' });
  const s = await makeUser(t.ctx, { role: 'sb_supervisor' });
  const an = await makeUser(t.ctx, { role: 'analyst', unitIds: [unitId] });
  const e = await makeUser(t.ctx, { role: 'agency_editor', unitIds: [unitId] });
  supervisorId = s.id;
  admin = await signIn(t.app, a.username, a.password);
  supervisor = await signIn(t.app, s.username, s.password);
  analyst = await signIn(t.app, an.username, an.password);
  editor = await signIn(t.app, e.username, e.password);
});
afterAll(async () => {
  await t.ctx.ingestion.pipeline.stop();
  await t.close();
});

type Source = { id: string; kind: string; name: string; unitIds: string[]; enabled: boolean; pollSeconds: number | null; url: string | null; webhookPath: string | null };

function create(who: SignedIn, body: Record<string, unknown>) {
  return t.app.inject({ method: 'POST', url: '/api/v1/monitoring/sources', headers: who.headers(), payload: body });
}
function patch(who: SignedIn, id: string, body: Record<string, unknown>) {
  return t.app.inject({ method: 'PATCH', url: `/api/v1/monitoring/sources/${id}`, headers: who.headers(), payload: body });
}
function upload(who: SignedIn, body: string, contentType: string, query = '') {
  return t.app.inject({ method: 'POST', url: `/api/v1/monitoring/imports${query}`, headers: { ...who.headers(), 'content-type': contentType }, payload: body });
}
async function auditOf(targetId: string) {
  return t.ctx.db.query<{ action: string; actor_id: string | null; details: Record<string, unknown> }>(
    'SELECT action, actor_id, details FROM audit_log WHERE target_type = $1 AND target_id = $2 ORDER BY id',
    ['source', targetId],
  );
}

describe('sources over HTTP', () => {
  it('adds each kind of source, audited; a webhook secret is answered once and stored encrypted', async () => {
    const rss = await create(supervisor, { kind: 'rss', name: 'Delhi news feed', url: 'https://news.example.org/feed.xml', pollSeconds: 120, unitIds: [unitId] });
    expect(rss.statusCode, rss.body).toBe(201);
    const rssSource = rss.json<{ source: Source; secret: string | null }>();
    expect(rssSource).toMatchObject({ source: { kind: 'rss', name: 'Delhi news feed', url: 'https://news.example.org/feed.xml', pollSeconds: 120, enabled: true, unitIds: [unitId], webhookPath: null }, secret: null });
    const [created] = await auditOf(rssSource.source.id);
    expect(created).toMatchObject({ action: 'source.created', actor_id: supervisorId, details: { kind: 'rss', pollSeconds: 120, config: { url: 'https://news.example.org/feed.xml' } } });

    const sandbox = await create(admin, { kind: 'sandbox', name: 'Sandbox public feed (test)' });
    expect(sandbox.statusCode, sandbox.body).toBe(201);
    expect(sandbox.json<{ source: Source }>().source).toMatchObject({ kind: 'sandbox', pollSeconds: 60, url: null });

    const hook = await create(admin, { kind: 'webhook', name: 'Partner desk', platform: 'partner' });
    expect(hook.statusCode, hook.body).toBe(201);
    const { source, secret } = hook.json<{ source: Source; secret: string }>();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(source).toMatchObject({ kind: 'webhook', pollSeconds: null, webhookPath: `/monitoring/webhooks/${source.id}` });
    const [row] = await t.ctx.db.query<{ secret_enc: string; config: Record<string, unknown> }>('SELECT secret_enc, config FROM sources WHERE id = $1', [source.id]);
    expect(row!.secret_enc).not.toContain(secret);
    expect(row!.config).toEqual({ platform: 'partner' });
    expect(JSON.stringify(await auditOf(source.id))).not.toContain(secret);

    // The list shows each with its address and abilities, and never the secret.
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/monitoring/sources', headers: supervisor.headers() });
    expect(list.body).not.toContain(secret);
    const listed = list.json<{ sources: (Source & { abilities: { manage: boolean } })[] }>().sources;
    expect(listed.find((s) => s.id === source.id)).toMatchObject({ webhookPath: `/monitoring/webhooks/${source.id}`, url: null, abilities: { manage: true } });
    expect(listed.find((s) => s.id === rssSource.source.id)).toMatchObject({ url: 'https://news.example.org/feed.xml', abilities: { manage: true } });
    const asAnalyst = await t.app.inject({ method: 'GET', url: '/api/v1/monitoring/sources', headers: analyst.headers() });
    expect(asAnalyst.json<{ sources: { id: string; abilities: { manage: boolean } }[] }>().sources.find((s) => s.id === rssSource.source.id)).toMatchObject({ abilities: { manage: false } });
  });

  it('answers bad input with 400 and the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ kind: 'rss', name: 'ftp feed', url: 'ftp://example.org/feed' }, 'url'],
      [{ kind: 'rss', name: 'secret feed', url: 'https://user:pw@example.org/feed' }, 'url'],
      [{ kind: 'rss', name: 'no feed' }, 'url'],
      [{ kind: 'rss', name: 'garbled', url: 'not an address' }, 'url'],
      [{ kind: 'rss', name: 'unknown unit', url: 'https://example.org/a', unitIds: ['no-such-unit'] }, 'unitIds'],
    ];
    for (const [body, field] of cases) {
      const res = await create(admin, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json(), JSON.stringify(body)).toMatchObject({ error: { code: 'validation_failed', details: { field } } });
    }
    // Schema errors name the field in the message and in details.issues.
    const schemaCases: [Record<string, unknown>, string][] = [
      [{ kind: 'ftp', name: 'x' }, 'body.kind'],
      [{ kind: 'rss', name: '   ', url: 'https://example.org/feed' }, 'body.name'],
      [{ kind: 'rss', name: 'too often', url: 'https://example.org/feed', pollSeconds: 1 }, 'body.pollSeconds'],
      [{ kind: 'rss', name: 'extra', url: 'https://example.org/feed', secret: 'mine' }, 'body'],
    ];
    for (const [body, path] of schemaCases) {
      const res = await create(admin, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      const err = res.json<{ error: { code: string; message: string; details: { issues: { path: string }[] } } }>().error;
      expect(err.code).toBe('validation_failed');
      expect(err.details.issues[0]!.path.replace(/\//g, '.')).toBe(path);
    }
    const once = await create(admin, { kind: 'rss', name: 'Twice', url: 'https://example.org/twice' });
    expect(once.statusCode).toBe(201);
    const twice = await create(admin, { kind: 'rss', name: 'twice', url: 'https://example.org/twice' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ error: { code: 'conflict', details: { field: 'name' } } });
  });

  it('edits, disables and enables a source, auditing before and after', async () => {
    const { source } = (await create(admin, { kind: 'rss', name: 'Editable feed', url: 'http://feeds.example.org/a', pollSeconds: 300 })).json<{ source: Source }>();
    const res = await patch(supervisor, source.id, { name: 'Edited feed', pollSeconds: 600, url: 'https://feeds.example.org/b' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ source: { name: 'Edited feed', pollSeconds: 600, url: 'https://feeds.example.org/b', enabled: true } });
    expect((await patch(supervisor, source.id, { enabled: false })).json()).toMatchObject({ source: { enabled: false } });
    expect((await patch(admin, source.id, { enabled: true })).json()).toMatchObject({ source: { enabled: true } });
    // Nothing changed: nothing audited.
    expect((await patch(admin, source.id, { enabled: true, name: 'Edited feed' })).statusCode).toBe(200);
    const audit = await auditOf(source.id);
    expect(audit.map((a) => a.action)).toEqual(['source.created', 'source.updated', 'source.disabled', 'source.enabled']);
    expect(audit[1]).toMatchObject({
      actor_id: supervisorId,
      details: { changed: ['name', 'pollSeconds', 'url'], before: { name: 'Editable feed', pollSeconds: 300, url: 'http://feeds.example.org/a' }, after: { name: 'Edited feed', pollSeconds: 600, url: 'https://feeds.example.org/b' } },
    });

    expect((await patch(admin, source.id, { url: 'javascript:alert(1)' })).json()).toMatchObject({ error: { code: 'validation_failed', details: { field: 'url' } } });
    expect((await patch(admin, source.id, {})).statusCode).toBe(400);
    const { source: hook } = (await create(admin, { kind: 'webhook', name: 'Not polled' })).json<{ source: Source }>();
    expect((await patch(admin, hook.id, { pollSeconds: 60 })).json()).toMatchObject({ error: { code: 'validation_failed', details: { field: 'pollSeconds' } } });
    expect((await patch(admin, hook.id, { url: 'https://example.org' })).json()).toMatchObject({ error: { code: 'validation_failed', details: { field: 'url' } } });
    expect((await patch(admin, '00000000-0000-4000-8000-000000000000', { enabled: false })).statusCode).toBe(404);
  });

  it('refuses analysts and editors', async () => {
    const { source } = (await create(admin, { kind: 'rss', name: 'Guarded feed', url: 'https://example.org/guarded' })).json<{ source: Source }>();
    for (const who of [analyst, editor]) {
      expect((await create(who, { kind: 'rss', name: 'Mine', url: 'https://example.org/mine' })).statusCode).toBe(403);
      expect((await patch(who, source.id, { enabled: false })).statusCode).toBe(403);
      expect((await upload(who, 'text\nhello\n', 'text/csv')).statusCode).toBe(403);
    }
    const [row] = await t.ctx.db.query<{ enabled: boolean }>('SELECT enabled FROM sources WHERE id = $1', [source.id]);
    expect(row!.enabled).toBe(true);
    const [n] = await t.ctx.db.query<{ n: number }>("SELECT count(*)::int AS n FROM sources WHERE name = 'Mine'");
    expect(n!.n).toBe(0);
  });
});

describe('importing a file of mentions over HTTP', () => {
  const csv = [
    'external_id,author,text,created_at',
    'imp-1,@one,first good row,2026-11-20T10:00:00Z',
    'imp-2,@two,"second, with a comma",2026-11-20T11:00:00Z',
    'imp-3,@three,too,many,fields',
    'imp-4,@four,,2026-11-20T12:00:00Z',
    'imp-5,@five,"<img src=x onerror=alert(1)> पाँचवीं",2026-11-20T13:00:00Z',
    '',
  ].join('\n');

  it('reports every bad row by line and reason, keeps the good rows, audits, and stores nothing twice', async () => {
    const res = await upload(supervisor, csv, 'text/csv', `?name=november.csv&platform=partner&unitId=${unitId}`);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json<{ file: string; format: string; sourceId: string; rows: number; accepted: number; resumedAfterLine: number; rejected: { line: number; message: string }[] }>();
    expect(report).toMatchObject({ file: 'november.csv', format: 'csv', rows: 5, accepted: 3, resumedAfterLine: 0 });
    expect(report.rejected).toEqual([
      { line: 4, message: 'expected 4 fields, found 5' },
      { line: 5, message: 'text is missing' },
    ]);
    const stored = await t.ctx.db.query<{ external_id: string; text: string; platform: string; unit_ids: string[]; source_id: string }>(
      "SELECT external_id, text, platform, unit_ids, source_id FROM mentions WHERE external_id LIKE 'imp-%' ORDER BY external_id",
    );
    expect(stored.map((r) => r.external_id)).toEqual(['imp-1', 'imp-2', 'imp-5']);
    expect(stored[1]!.text).toBe('second, with a comma');
    expect(stored[2]!.text).toBe('<img src=x onerror=alert(1)> पाँचवीं');
    expect(stored.every((r) => r.platform === 'partner' && r.unit_ids.includes(unitId) && r.source_id === report.sourceId)).toBe(true);
    const health = await t.app.inject({ method: 'GET', url: '/api/v1/monitoring/sources', headers: supervisor.headers() });
    expect(health.json<{ sources: { id: string }[] }>().sources.find((s) => s.id === report.sourceId)).toMatchObject({ kind: 'import', state: 'ok', itemsTotal: 3, abilities: { manage: false } });
    const audit = await auditOf(report.sourceId);
    expect(audit.map((a) => a.action)).toEqual(['source.created', 'mentions.imported']);
    expect(audit[1]).toMatchObject({ actor_id: supervisorId, details: { file: 'november.csv', format: 'csv', rows: 5, accepted: 3, rejected: 2 } });

    // The same file again resumes after its last line: nothing new to hand over.
    const again = await upload(supervisor, csv, 'text/csv', `?name=november.csv&platform=partner&unitId=${unitId}`);
    expect(again.json()).toMatchObject({ sourceId: report.sourceId, accepted: 0, resumedAfterLine: 6 });
    // Started over (or under another name), the unique key keeps each mention once.
    const restarted = await upload(admin, csv, 'text/csv', `?name=copy.csv&platform=partner&unitId=${unitId}&restart=true`);
    expect(restarted.json()).toMatchObject({ accepted: 3, resumedAfterLine: 0 });
    const [n] = await t.ctx.db.query<{ n: number }>("SELECT count(*)::int AS n FROM mentions WHERE external_id LIKE 'imp-%'");
    expect(n!.n).toBe(3);
  });

  it('reads JSON lines by content type, and refuses an unknown format, an empty file and a file too large', async () => {
    const jsonl = ['{"externalId":"jl-1","text":"one"}', 'not json', '[1,2]', '', '{"externalId":"jl-2","text":"two","createdAt":"yesterday"}', '{"externalId":"jl-3","text":"three"}'].join('\n');
    const res = await upload(admin, jsonl, 'application/x-ndjson', '?name=lines.jsonl');
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json<{ format: string; rows: number; accepted: number; rejected: { line: number; message: string }[] }>();
    expect(report).toMatchObject({ format: 'jsonl', rows: 5, accepted: 2 });
    expect(report.rejected.map((r) => r.line)).toEqual([2, 3, 5]);
    expect(report.rejected[0]!.message).toBe('not valid JSON');
    expect(report.rejected[1]!.message).toBe('not a JSON object');
    expect(report.rejected[2]!.message).toMatch(/createdAt/);
    // The format may come from the name, or be said outright.
    expect((await upload(admin, '{"externalId":"jl-4","text":"four"}', 'application/octet-stream', '?name=more.ndjson')).json()).toMatchObject({ format: 'jsonl', accepted: 1 });
    expect((await upload(admin, 'text\nfive\n', 'text/plain', '?format=csv')).json()).toMatchObject({ format: 'csv', accepted: 1 });

    const unknown = await upload(admin, 'text\nx\n', 'text/plain', '?name=notes.txt');
    expect(unknown.statusCode).toBe(415);
    expect(unknown.json()).toMatchObject({ error: { code: 'unsupported_media_type', details: { field: 'format' } } });
    const empty = await upload(admin, '\n\n', 'text/csv');
    expect(empty.json()).toMatchObject({ error: { code: 'validation_failed', details: { field: 'body' } } });
    const badUnit = await upload(admin, 'text\nx\n', 'text/csv', '?unitId=no-such-unit');
    expect(badUnit.json()).toMatchObject({ error: { code: 'validation_failed', details: { field: 'unitIds' } } });
    const huge = await upload(admin, `text\n${'x'.repeat(21 * 1024 * 1024)}\n`, 'text/csv');
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toMatchObject({ error: { code: 'payload_too_large' } });
  });
});
