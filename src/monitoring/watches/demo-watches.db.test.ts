import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/app.js';
import { languageOnlyEnricher } from '../mentions/enricher.js';
import { ingestBatch } from '../mentions/ingest.js';
import { seedDemoWatches } from './demo-watches.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('demo watches', () => {
  it('are seeded once, with every safeguard, audited, and match the demo stream', async () => {
    expect(await seedDemoWatches(t.ctx)).toBe(3);
    expect(await seedDemoWatches(t.ctx)).toBe(0);
    const rows = await t.ctx.db.query<{ id: string; owner: string; purpose: string; legal_basis: string; unit_ids: string[] }>(
      'SELECT w.id, u.username AS owner, w.purpose, w.legal_basis, w.unit_ids FROM watches w JOIN users u ON u.id = w.owner_id',
    );
    expect(rows).toHaveLength(3);
    for (const r of rows) {
      expect(r.owner).toBe('monitoring-demo');
      expect(r.purpose.length).toBeGreaterThan(20);
      expect(r.unit_ids.length).toBeGreaterThan(0);
    }
    const audited = await t.ctx.db.query("SELECT 1 FROM audit_log WHERE action = 'watch.created'");
    expect(audited).toHaveLength(3);
    const r = await ingestBatch(
      { db: t.ctx.db, monitoring: t.ctx.monitoring },
      [{ platform: 'sandbox', externalId: 'demo-1', text: 'sun raha hu sarojini me dange shuru ho gaye, koi batao sach hai kya', createdAt: new Date().toISOString() }],
      languageOnlyEnricher,
    );
    const matched = await t.ctx.db.query<{ name: string }>('SELECT w.name FROM watch_matches m JOIN watches w ON w.id = m.watch_id WHERE m.mention_id = $1', [r.ids[0]]);
    expect(matched.map((m) => m.name)).toEqual(['Riot and curfew rumours / दंगे और कर्फ्यू की अफवाहें']);
  });
});
