import { afterAll, describe, expect, it } from 'vitest';
import { languageOnlyEnricher, type Enricher } from '../mentions/enricher.js';
import type { IncomingMention } from '../mentions/incoming.js';
import type { ColumnBatch } from '../mentions/insert-columns.js';
import { prepareBatch } from '../mentions/ingest.js';
import { EnrichFailed, EnrichPool } from './enrich-pool.js';

function items(n: number): IncomingMention[] {
  return Array.from({ length: n }, (_, i) => ({
    platform: 'sandbox',
    externalId: `pool-${i}`,
    text: i % 2 ? `ITO पर जाम है, message ${i} about the crossing near the flyover` : `traffic jam at ITO crossing number ${i}, please send help`,
    createdAt: new Date(Date.UTC(2026, 10, 1) + i * 1000).toISOString(),
    receivedAt: '2026-11-01T00:00:00.000Z',
    engagement: { likes: i },
  }));
}

// Without a local enricher every batch goes to the threads.
const pool = new EnrichPool({ enricher: 'language', threads: 2 });
afterAll(async () => {
  await pool.close();
});

describe('enrichment pool', () => {
  it('prepares a batch on threads exactly as on this thread, in the batch order', async () => {
    const batch = items(600);
    const here = prepareBatch(batch, languageOnlyEnricher);
    // COPY's lines (a batch this big) as one text: each thread cuts its part into chunks of its own.
    const whole = (c: ColumnBatch) => ({ ...c, lines: c.lines && Buffer.concat(c.lines).toString('utf8') });
    expect(here.columns.lines).not.toBeNull();
    const first = await pool.prepare(batch);
    expect(pool.size).toBeGreaterThan(0);
    expect(whole(first.columns)).toEqual(whole(here.columns));
    expect(first.keys).toEqual(here.keys);
    // The whole row of an item, asked for by the writer, is the row this thread prepares.
    expect(first.row(123)).toEqual(here.row(123));
    // Once the threads are ready a batch is cut into one chunk per thread, and the parts joined in order.
    const again = await pool.prepare(batch);
    expect(pool.size).toBe(2);
    expect(whole(again.columns)).toEqual(whole(here.columns));
  });

  it('fails a chunk whose enrichment throws with EnrichFailed, so the writer can split the batch', async () => {
    const batch = items(300);
    (batch[123] as { text: unknown }).text = 42;
    await expect(pool.prepare(batch)).rejects.toBeInstanceOf(EnrichFailed);
    // The threads are still there and work.
    expect((await pool.prepare(items(200))).keys).toHaveLength(200);
  });

  it('enriches on this thread while no thread is ready, and starts threads for a backed-up batch', async () => {
    const idle = new EnrichPool({ enricher: 'language', threads: 2, local: languageOnlyEnricher });
    expect((await idle.prepare(items(10))).keys).toHaveLength(10);
    expect((await idle.prepare(items(300))).keys).toHaveLength(300);
    expect(idle.size).toBe(0);
    const batch = items(600);
    expect((await idle.prepare(batch)).columns).toEqual(prepareBatch(batch, languageOnlyEnricher).columns);
    expect(idle.size).toBe(2);
    await idle.close();
    await expect(idle.prepare(items(10))).rejects.toThrow(/closed/);
  });

  it('starts its threads ahead of a backlog, so that no batch is enriched on this thread', async () => {
    let here = 0;
    const counting: Enricher = (text) => {
      here++;
      return languageOnlyEnricher(text);
    };
    const warmed = new EnrichPool({ enricher: 'language', threads: 2, local: counting });
    await warmed.warm();
    expect(warmed.size).toBe(2);
    const batch = items(50);
    expect((await warmed.prepare(batch)).columns).toEqual(prepareBatch(batch, languageOnlyEnricher).columns);
    expect(here).toBe(0);
    await warmed.close();
    await expect(warmed.warm()).rejects.toThrow(/closed/);
  });
});
