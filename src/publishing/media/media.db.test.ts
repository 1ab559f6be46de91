import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/app.js';
import { makeUnit, makeUser, signIn, type SignedIn } from '../../test-support/factories.js';
import { buildAccount } from '../posts/post-factories.js';

/** A valid 3×2 PNG header (IHDR carries the size) followed by filler bytes. */
function png(width: number, height: number, filler = 'x'): Buffer {
  const head = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const size = Buffer.alloc(8);
  size.writeUInt32BE(width, 0);
  size.writeUInt32BE(height, 4);
  return Buffer.concat([head, size, Buffer.from(filler)]);
}
const gif = () => Buffer.concat([Buffer.from('GIF89a', 'latin1'), Buffer.from([10, 0, 20, 0]), Buffer.from('rest')]);
const mp4 = () => Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypisom', 'latin1'), Buffer.alloc(200, 1)]);
function jpeg(width: number, height: number): Buffer {
  // SOI, APP0 (16 bytes), SOF0 with height and width.
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, ...Buffer.from('JFIF\0', 'latin1'), 1, 1, 0, 0, 1, 0, 1, 0, 0]);
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x11, 8, height >> 8, height & 0xff, width >> 8, width & 0xff, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof, Buffer.from([0xff, 0xd9])]);
}

interface MediaBody {
  sha256: string;
  mime: string;
  bytes: number;
  width: number | null;
  height: number | null;
  altEn: string;
  altHi: string;
  url: string;
}

describe('media library', () => {
  let t: TestApp;
  let editor: SignedIn;
  let analyst: SignedIn;

  beforeAll(async () => {
    t = await createTestApp();
    const e = await makeUser(t.ctx, { role: 'agency_editor' });
    editor = await signIn(t.app, e.username, e.password);
    const a = await makeUser(t.ctx, { role: 'analyst' });
    analyst = await signIn(t.app, a.username, a.password);
  });
  afterAll(async () => {
    await t.close();
  });

  const upload = (who: SignedIn, body: Buffer, query = '', contentType = 'application/octet-stream') =>
    t.app.inject({ method: 'POST', url: `/api/v1/media${query}`, headers: { ...who.headers(), 'content-type': contentType }, payload: body });

  it('stores by content under media/<first two>/<sha256>, sniffing the type from the bytes', async () => {
    const body = png(3, 2);
    const res = await upload(editor, body, `?altEn=${encodeURIComponent('Helpline poster')}&altHi=${encodeURIComponent('हेल्पलाइन पोस्टर')}`, 'image/jpeg');
    expect(res.statusCode, res.body).toBe(201);
    const media = res.json<{ media: MediaBody }>().media;
    const sha = createHash('sha256').update(body).digest('hex');
    expect(media).toMatchObject({ sha256: sha, mime: 'image/png', bytes: body.length, width: 3, height: 2, altEn: 'Helpline poster', altHi: 'हेल्पलाइन पोस्टर', url: `/api/v1/media/${sha}/file`, can: { edit: true } });
    const path = join(t.ctx.config.dataDir, 'media', sha.slice(0, 2), sha);
    expect(existsSync(path)).toBe(true);
    expect(readFileSync(path).equals(body)).toBe(true);
    // The same bytes again: the same item, not a second one.
    const again = await upload(editor, body);
    expect(again.statusCode).toBe(200);
    expect(again.json<{ media: MediaBody }>().media.altEn).toBe('Helpline poster');
    const file = await t.app.inject({ method: 'GET', url: media.url, headers: analyst.headers() });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.rawPayload.equals(body)).toBe(true);
  });

  it('recognises GIF, JPEG (with its size) and MP4, and refuses anything else', async () => {
    expect((await upload(editor, gif())).json<{ media: MediaBody }>().media).toMatchObject({ mime: 'image/gif', width: 10, height: 20 });
    expect((await upload(editor, jpeg(640, 480))).json<{ media: MediaBody }>().media).toMatchObject({ mime: 'image/jpeg', width: 640, height: 480 });
    expect((await upload(editor, mp4())).json<{ media: MediaBody }>().media).toMatchObject({ mime: 'video/mp4', width: null });
    const html = await upload(editor, Buffer.from('<html><script>alert(1)</script></html>'), '', 'image/png');
    expect(html.statusCode).toBe(415);
    const svg = await upload(editor, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), '', 'image/svg+xml');
    expect(svg.statusCode).toBe(415);
    // Nothing of the refused files stays in the store.
    const rows = await t.ctx.db.query<{ n: number }>("SELECT count(*)::int AS n FROM media WHERE mime NOT IN ('image/png', 'image/gif', 'image/jpeg', 'video/mp4')");
    expect(rows[0]!.n).toBe(0);
  });

  it('accepts an image larger than the JSON body limit, and refuses one over the size limit', async () => {
    const ok = await upload(editor, png(1, 1, 'y'.repeat(3 * 1024 * 1024)));
    expect(ok.statusCode, ok.body).toBe(201);
    const big = png(1, 1, 'x'.repeat(15 * 1024 * 1024));
    const res = await upload(editor, big);
    expect(res.statusCode).toBe(413);
  });

  it('searches alt text in English and Hindi, and edits it (audited); analysts read but do not upload', async () => {
    const a = (await upload(editor, png(5, 5, 'traffic'), `?altEn=${encodeURIComponent('Wear a helmet')}`)).json<{ media: MediaBody }>().media;
    await upload(editor, png(6, 6, 'women'), `?altHi=${encodeURIComponent('महिला सुरक्षा हेल्पलाइन 1091')}`);
    const en = (await t.app.inject({ method: 'GET', url: '/api/v1/media?q=helmet', headers: analyst.headers() })).json<{ media: MediaBody[] }>().media;
    expect(en.map((m) => m.sha256)).toEqual([a.sha256]);
    const hi = (await t.app.inject({ method: 'GET', url: `/api/v1/media?q=${encodeURIComponent('महिला')}`, headers: analyst.headers() })).json<{ media: MediaBody[] }>().media;
    expect(hi).toHaveLength(1);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/media?kind=video', headers: analyst.headers() })).json<{ media: MediaBody[] }>().media.every((m) => m.mime === 'video/mp4')).toBe(true);
    const pct = (await t.app.inject({ method: 'GET', url: '/api/v1/media?q=%25', headers: analyst.headers() })).json<{ media: MediaBody[] }>().media;
    expect(pct).toEqual([]);
    const edited = await t.app.inject({ method: 'PATCH', url: `/api/v1/media/${a.sha256}`, headers: editor.headers(), payload: { altHi: 'हेलमेट पहनें' } });
    expect(edited.json<{ media: MediaBody }>().media).toMatchObject({ altEn: 'Wear a helmet', altHi: 'हेलमेट पहनें' });
    const audit = await t.ctx.db.query("SELECT 1 FROM audit_log WHERE action = 'media.alt_updated' AND target_id = $1", [a.sha256]);
    expect(audit).toHaveLength(1);
    expect((await upload(analyst, png(9, 9))).statusCode).toBe(403);
  });

  it('feeds media sizes and types into platform validation', async () => {
    const unitId = (await makeUnit(t.ctx)).id;
    const u = await makeUser(t.ctx, { role: 'agency_editor', unitIds: [unitId] });
    const scoped = await signIn(t.app, u.username, u.password);
    const masto = await buildAccount(t.ctx, { unitId, platform: 'mastodon' });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await upload(editor, png(2, 2, `img-${i}`))).json<{ media: MediaBody }>().media.sha256);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/posts/check', headers: scoped.headers(), payload: { unitId, variants: [{ accountId: masto.id, text: 'five images', mediaIds: ids }] } });
    expect(res.json<{ issues: unknown[] }>().issues).toEqual([expect.objectContaining({ field: 'variants[0].media', code: 'too_many_media', limit: 4, actual: 5 })]);
    const four = await t.app.inject({ method: 'POST', url: '/api/v1/posts/check', headers: scoped.headers(), payload: { unitId, variants: [{ accountId: masto.id, text: 'four', mediaIds: ids.slice(0, 4) }] } });
    expect(four.json<{ issues: unknown[] }>().issues).toEqual([]);
  });
});
