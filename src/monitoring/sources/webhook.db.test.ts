import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/app.js';
import { signWebhook } from './webhook.js';

let t: TestApp;
let sourceId: string;
let secret: string;
beforeAll(async () => {
  t = await createTestApp();
  const made = await t.ctx.ingestion.sources.create({ system: true, label: 'test' }, { kind: 'webhook', name: 'partner feed', unitIds: ['8162'] });
  sourceId = made.source.id;
  secret = made.secret!;
  await t.ctx.ingestion.pipeline.startWorkers();
});
afterAll(async () => {
  await t.ctx.ingestion.pipeline.stop();
  await t.close();
});

function send(body: string, opts: { ts?: number; sig?: string; id?: string } = {}) {
  const ts = opts.ts ?? Math.floor(Date.now() / 1000);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/monitoring/webhooks/${opts.id ?? sourceId}`,
    headers: { 'content-type': 'application/json', 'x-chhavi-timestamp': String(ts), 'x-chhavi-signature': opts.sig ?? signWebhook(secret, ts, body) },
    payload: body,
  });
}

describe('signed webhook source', () => {
  it('stores signed mentions once, raw, with the source units; reports bad items by index', async () => {
    const body = JSON.stringify({
      mentions: [
        { externalId: 'w1', text: '<script>alert(1)</script><img src=x onerror=alert(1)> दिल्ली', createdAt: '2026-11-02T10:00:00Z', authorHandle: '@a' },
        { externalId: 'w2', text: 'second' },
        { text: 42 },
      ],
    });
    const res = await send(body);
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toEqual({ accepted: 2, rejected: [{ index: 2, message: 'text is missing' }] });
    const rows = await t.ctx.db.query<{ external_id: string; text: string; unit_ids: string[]; platform: string; source_id: string }>(
      "SELECT external_id, text, unit_ids, platform, source_id FROM mentions WHERE platform = 'webhook' ORDER BY external_id",
    );
    expect(rows.map((r) => r.external_id)).toEqual(['w1', 'w2']);
    expect(rows[0]!.text).toBe('<script>alert(1)</script><img src=x onerror=alert(1)> दिल्ली');
    expect(rows[0]!.unit_ids).toContain('8162');
    expect(rows[0]!.source_id).toBe(sourceId);
    // The same delivery again (a sender's retry) stores nothing new.
    expect((await send(body)).statusCode).toBe(202);
    const [n] = await t.ctx.db.query<{ n: number }>("SELECT count(*)::int AS n FROM mentions WHERE platform = 'webhook'");
    expect(n!.n).toBe(2);
    const health = await t.ctx.ingestion.sources.health(null);
    expect(health.find((h) => h.id === sourceId)).toMatchObject({ itemsTotal: 4, consecutiveFailures: 0 });
  });

  it('refuses a wrong signature, a stale timestamp and an unknown source', async () => {
    const body = JSON.stringify({ mentions: [{ externalId: 'x1', text: 'forged' }] });
    const wrong = await send(body, { sig: signWebhook('not-the-secret', Math.floor(Date.now() / 1000), body) });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ error: { code: 'unauthenticated', details: { reason: 'bad_signature' } } });
    const old = Math.floor(Date.now() / 1000) - 3600;
    expect((await send(body, { ts: old })).json()).toMatchObject({ error: { details: { reason: 'stale_timestamp' } } });
    // A body changed after signing fails too.
    const ts = Math.floor(Date.now() / 1000);
    const tampered = await send(body.replace('forged', 'changed'), { ts, sig: signWebhook(secret, ts, body) });
    expect(tampered.statusCode).toBe(401);
    expect((await send(body, { id: '00000000-0000-4000-8000-000000000000' })).statusCode).toBe(404);
    const [n] = await t.ctx.db.query<{ n: number }>("SELECT count(*)::int AS n FROM mentions WHERE external_id = 'x1'");
    expect(n!.n).toBe(0);
  });
});
