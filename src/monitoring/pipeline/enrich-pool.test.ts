import { afterAll, describe, expect, it } from 'vitest';
import { languageOnlyEnricher } from '../mentions/enricher.js';
import type { IncomingMention } from '../mentions/incoming.js';
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
    const { rows } = await pool.prepare(batch);
    expect(pool.size).toBeGreaterThan(0);
    expect(rows).toEqual(prepareBatch(batch, languageOnlyEnricher).rows);
    // Once the threads are ready a batch is cut into one chunk per thread.
    const again = await pool.prepare(batch);
    expect(pool.size).toBe(2);
    expect(again.rows).toEqual(rows);
  });

  it('fails a chunk whose enrichment throws with EnrichFailed, so the writer can split the batch', async () => {
    const batch = items(300);
    (batch[123] as { text: unknown }).text = 42;
    await expect(pool.prepare(batch)).rejects.toBeInstanceOf(EnrichFailed);
    // The threads are still there and work.
    expect((await pool.prepare(items(200))).rows).toHaveLength(200);
  });

  it('enriches on this thread while no thread is ready, and starts threads for a backed-up batch', async () => {
    const idle = new EnrichPool({ enricher: 'language', threads: 2, local: languageOnlyEnricher });
    expect((await idle.prepare(items(10))).rows).toHaveLength(10);
    expect((await idle.prepare(items(300))).rows).toHaveLength(300);
    expect(idle.size).toBe(0);
    const batch = items(600);
    expect((await idle.prepare(batch)).rows).toEqual(prepareBatch(batch, languageOnlyEnricher).rows);
    expect(idle.size).toBe(2);
    await idle.close();
    await expect(idle.prepare(items(10))).rejects.toThrow(/closed/);
  });
});
