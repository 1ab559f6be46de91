import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test-support/db.js';
import { assignClusters } from './assign-clusters.js';
import { encode, similarity } from './minhash.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

const seenAt = () => new Date().toISOString();
/** 16 distinct values from a base. */
const values = (base: number) => Array.from({ length: 16 }, (_, i) => (base + i * 7919) >>> 0);

describe('assignClusters', () => {
  it('keeps copies of one text in one batch together, even when a more similar cluster starts between them', async () => {
    const a = values(0x10000000);
    // k agrees with a in positions 0-10 (11 of 16: joins a's cluster).
    const k = [...a.slice(0, 11), ...values(0x20000000).slice(11)];
    // k2 agrees with k in positions 4-15 (12 of 16, more similar) and with a in 4-10 only (7: starts its own).
    const k2 = [...values(0x30000000).slice(0, 4), ...k.slice(4)];
    expect([similarity(k, a), similarity(k2, a), similarity(k2, k)]).toEqual([11 / 16, 7 / 16, 12 / 16]);
    const [stored] = await assignClusters(t.db, [{ key: encode(a), seenAt: seenAt() }]);
    const ids = await assignClusters(t.db, [k, k2, k].map((sig) => ({ key: encode(sig), seenAt: seenAt() })));
    expect(ids[0]).toBe(stored);
    expect(ids[1]).not.toBe(stored);
    // Compared anew, the second copy would join k2's cluster (12 of 16 against 11).
    expect(ids[2]).toBe(stored);
  });
});
