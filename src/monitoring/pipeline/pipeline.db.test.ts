import { randomBytes } from 'node:crypto';
import { connect } from 'nats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDbKind, type TestDatabase } from '../../test-support/db.js';
import { silentLogger } from '../../log/logger.js';
import { languageOnlyEnricher } from '../mentions/enricher.js';
import type { IncomingMention } from '../mentions/incoming.js';
import type { Queryable } from '../../db/database.js';
import { WatchIndex } from '../matching/watch-index.js';
import type { WrittenMentions } from '../mentions/ingest.js';
import { compileQuery } from '../query/compile.js';
import { IngestPipeline } from './pipeline.js';
import { MAX_ITEMS_PER_MESSAGE } from './nats-message.js';
import { NatsStream } from './nats-stream.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

function items(prefix: string, n: number): IncomingMention[] {
  return Array.from({ length: n }, (_, i) => ({
    platform: 'sandbox',
    externalId: `${prefix}-${i}`,
    text: `message ${i} from the ${prefix} run about a jam at the ITO crossing`,
    createdAt: new Date(Date.UTC(2026, 10, 1) + i * 1000).toISOString(),
  }));
}

async function count(prefix: string): Promise<number> {
  const [r] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM mentions WHERE external_id LIKE $1', [`${prefix}-%`]);
  return r!.n;
}

describe('in-process pipeline', () => {
  it('writes every published item once, matched while prepared, and calls the matcher with the new ids in the same transaction', async () => {
    const matched: string[] = [];
    // Every item mentions ITO; the watch's unit is stored with it.
    const ito = new WatchIndex([{ id: 'w-ito', unitIds: ['unit-ito'], expiresAt: new Date(Date.now() + 3_600_000), query: compileQuery('ITO') }]);
    const monitoring = {
      activeWatches: async () => ito,
      afterWrite: async (tx: Queryable, written: WrittenMentions) => {
        const rows = await tx.query<{ n: number }>("SELECT count(*)::int AS n FROM mentions WHERE id = ANY($1::bigint[]) AND 'unit-ito' = ANY(unit_ids)", [written.stored]);
        expect(rows[0]!.n).toBe(written.stored.length);
        expect(written.matched.map((m) => m.mentionId).sort()).toEqual([...written.stored].sort());
        expect(written.matched.every((m) => m.watchIds.length === 1 && m.watchIds[0] === 'w-ito' && m.unitIds.length === 0)).toBe(true);
        matched.push(...written.stored);
      },
    };
    const p = new IngestPipeline({ db: t.db, logger: silentLogger, monitoring }, { enrich: languageOnlyEnricher, consume: { batchSize: 200 } });
    await p.startWorkers();
    const batch = items('mem', 1500);
    await Promise.all([p.publish(batch.slice(0, 700)), p.publish(batch.slice(700))]);
    expect(await count('mem')).toBe(1500);
    expect(new Set(matched).size).toBe(1500);
    await p.publish(batch);
    expect(await count('mem')).toBe(1500);
    expect(matched).toHaveLength(1500);
    expect(p.stats).toMatchObject({ stored: 1500, duplicates: 1500, rejected: 0 });
    await p.stop();
  });

  it('waits out a database failure while the watches are read for a batch, and drops nothing', async () => {
    let failures = 0;
    const none = new WatchIndex([]);
    const monitoring = {
      activeWatches: async () => {
        // The connection is refused twice, as in an outage.
        if (failures < 2) {
          failures++;
          throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
        }
        return none;
      },
      afterWrite: async () => undefined,
    };
    const p = new IngestPipeline({ db: t.db, logger: silentLogger, monitoring }, { enrich: languageOnlyEnricher, consume: { batchSize: 50 } });
    await p.startWorkers();
    await p.publish(items('watch-outage', 30));
    expect(await count('watch-outage')).toBe(30);
    expect(failures).toBe(2);
    expect(p.stats).toMatchObject({ stored: 30, rejected: 0 });
    expect(p.stats!.retries).toBeGreaterThanOrEqual(2);
    await p.stop();
  });

  it('drops only the item that cannot be stored and writes the rest of its batch', async () => {
    const p = new IngestPipeline({ db: t.db, logger: silentLogger }, { enrich: languageOnlyEnricher, consume: { batchSize: 50 } });
    await p.startWorkers();
    const batch = items('poison', 20);
    // A reference to a source that does not exist violates a foreign key: not transient.
    batch[7] = { ...batch[7]!, sourceId: '00000000-0000-4000-8000-000000000000' };
    await p.publish(batch);
    expect(await count('poison')).toBe(19);
    expect(p.stats?.rejected).toBe(1);
    await p.stop();
  });
});

describe.skipIf(testDbKind !== 'postgres')('NATS JetStream pipeline (server suite only: needs NATS and a second connection)', () => {
  it('publishes to JetStream, writes through the durable consumer and acknowledges after commit', async () => {
    const stream = `CHHAVI_TEST_${randomBytes(4).toString('hex')}`;
    const natsUrl = process.env.NATS_URL || 'nats://127.0.0.1:4222';
    const p = new IngestPipeline({ db: t.db, logger: silentLogger }, { natsUrl, natsStream: stream, enrich: languageOnlyEnricher });
    try {
      await p.publish(items('nats', 3000));
      await p.publish(items('nats', 3000)); // the same items again: JetStream's duplicate window drops them
      const s = (await p.getStream()) as NatsStream;
      // 3,000 mentions in messages of up to 100, stored once.
      expect(await s.backlog()).toBe(3000 / MAX_ITEMS_PER_MESSAGE);
      await p.startWorkers();
      const deadline = Date.now() + 30_000;
      while ((await count('nats')) < 3000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(await count('nats')).toBe(3000);
      while ((await s.backlog()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(await s.backlog()).toBe(0);
      await s.destroy();
    } finally {
      await p.stop();
    }
  });

  it('writes the good items of a message holding a bad one, terminates an undecodable message, and leaves nothing pending', async () => {
    const stream = `CHHAVI_TEST_${randomBytes(4).toString('hex')}`;
    const natsUrl = process.env.NATS_URL || 'nats://127.0.0.1:4222';
    const p = new IngestPipeline({ db: t.db, logger: silentLogger }, { natsUrl, natsStream: stream, enrich: languageOnlyEnricher });
    const nc = await connect({ servers: natsUrl });
    try {
      const s = (await p.getStream()) as NatsStream;
      const js = nc.jetstream();
      const subject = `${stream.toLowerCase()}.in`;
      const [a, b, c] = items('mixed', 3);
      // As another publisher might send them: a list with an item that is not a mention, and a message that is not JSON.
      await js.publish(subject, new TextEncoder().encode(JSON.stringify([a, { platform: 'sandbox', text: 'no id' }, b])));
      await js.publish(subject, new TextEncoder().encode('{"platform": "sandbox", "exter'));
      await js.publish(subject, new TextEncoder().encode(JSON.stringify(c)));
      await p.startWorkers();
      const deadline = Date.now() + 30_000;
      while (((await count('mixed')) < 3 || (await s.backlog()) > 0) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(await count('mixed')).toBe(3);
      expect(await s.backlog()).toBe(0);
      const info = await (await nc.jetstreamManager()).consumers.info(stream, 'ingest');
      expect(info.num_ack_pending).toBe(0);
      expect(info.num_redelivered).toBe(0);
      await s.destroy();
    } finally {
      await nc.close();
      await p.stop();
    }
  });
});
