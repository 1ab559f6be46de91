import { describe, expect, it } from 'vitest';
import type { IncomingMention } from '../mentions/incoming.js';
import { MemoryStream } from './memory-stream.js';

const item = (i: number): IncomingMention => ({ platform: 'sandbox', externalId: String(i), text: `t ${i}`, createdAt: '2026-11-01T00:00:00.000Z' });
const tick = () => new Promise((r) => setTimeout(r, 5));

describe('MemoryStream', () => {
  it('resolves publish only after the write of its items, in batches of at most batchSize', async () => {
    const s = new MemoryStream(100);
    const batches: number[] = [];
    const c = s.consume(async (items) => {
      batches.push(items.length);
      await tick();
    }, { batchSize: 7, lingerMs: 1, concurrency: 1 });
    let done = false;
    const p = s.publish(Array.from({ length: 20 }, (_, i) => item(i))).then(() => (done = true));
    await tick();
    expect(done).toBe(false);
    await p;
    expect(batches.reduce((a, b) => a + b, 0)).toBe(20);
    expect(Math.max(...batches)).toBeLessThanOrEqual(7);
    await c.stop();
  });

  it('holds publishers back when the writer is slow instead of buffering without bound', async () => {
    const s = new MemoryStream(10);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let maxDepth = 0;
    const c = s.consume(async () => {
      await gate;
    }, { batchSize: 5, lingerMs: 0, concurrency: 1 });
    const p = s.publish(Array.from({ length: 200 }, (_, i) => item(i)));
    for (let i = 0; i < 20; i++) {
      await tick();
      maxDepth = Math.max(maxDepth, s.depth);
    }
    expect(maxDepth).toBeLessThanOrEqual(10);
    expect(s.depth).toBe(10);
    release();
    await p;
    expect(s.depth).toBe(0);
    await c.stop();
  });

  it('fails the publish of items whose batch could not be written', async () => {
    const s = new MemoryStream(10);
    const c = s.consume(() => Promise.reject(new Error('boom')), { batchSize: 5, lingerMs: 0, concurrency: 1 });
    await expect(s.publish([item(1)])).rejects.toThrow('boom');
    await c.stop();
  });
});
