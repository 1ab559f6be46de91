import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { IncomingMention } from '../mentions/incoming.js';
import { FIRST_WAIT_MS, MORE_WAIT_MS, takeBatch, writeParts, type DeliveredMessage, type PullSource } from './nats-batch.js';
import { packMentions } from './nats-message.js';

function mention(i: number): IncomingMention {
  return { platform: 'sandbox', externalId: `m-${i}`, text: `post ${i}`, createdAt: new Date(Date.UTC(2026, 10, 1) + i).toISOString() };
}

class FakeMessage implements DeliveredMessage {
  terminated = false;
  constructor(
    readonly data: Uint8Array,
    readonly seq: number,
  ) {}
  term(): void {
    this.terminated = true;
  }
}

/**
 * A stream holding `messages` now; `arriving` are published while a pull waits on the empty
 * stream: the first ends that pull, the others come right after it.
 */
class FakeSource implements PullSource<FakeMessage> {
  /** Each pull's `n` and wait. */
  pulls: [number, number][] = [];
  constructor(
    private messages: FakeMessage[],
    private arriving: FakeMessage[] = [],
  ) {}
  pull(n: number, waitMs: number): Promise<FakeMessage[]> {
    this.pulls.push([n, waitMs]);
    if (this.messages.length === 0 && this.arriving.length) {
      const first = this.arriving.shift()!;
      this.messages.push(...this.arriving.splice(0));
      return Promise.resolve([first]);
    }
    return Promise.resolve(this.messages.splice(0, n));
  }
}

let seq = 0;
/** Messages of `perMessage` items each, `count` items in all, numbered from `from`. */
function messages(count: number, perMessage: number, from = 0): FakeMessage[] {
  const items = Array.from({ length: count }, (_, i) => mention(from + i));
  return packMentions(items, { maxItems: perMessage, maxBytes: 1 << 20 }).map((p) => new FakeMessage(p.data, ++seq));
}

const enc = new TextEncoder();
const opts = { batchSize: 1000, lingerMs: 0 };

describe('takeBatch', () => {
  it('takes a full batch of full messages in one fetch', async () => {
    const source = new FakeSource(messages(5000, 100));
    const batch = await takeBatch(source, opts);
    expect(batch.items).toHaveLength(1000);
    expect(batch.messages).toHaveLength(10);
    expect(source.pulls).toEqual([[10, FIRST_WAIT_MS]]);
  });

  it('counts items, not messages: small messages are fetched by as many as the batch lacks', async () => {
    const source = new FakeSource(messages(5000, 10));
    const batch = await takeBatch(source, opts);
    expect(source.pulls).toEqual([
      [10, FIRST_WAIT_MS],
      [90, MORE_WAIT_MS],
    ]);
    expect(batch.items.map((m) => m.externalId)).toEqual(Array.from({ length: 1000 }, (_, i) => `m-${i}`));
  });

  it('returns what is there without waiting for a full batch', async () => {
    const source = new FakeSource(messages(30, 10));
    const batch = await takeBatch(source, opts);
    expect(batch.items).toHaveLength(30);
    expect(source.pulls).toEqual([[10, FIRST_WAIT_MS]]);
  });

  it('waits for the first message when there is none, then lingers and takes what came with it', async () => {
    const source = new FakeSource([], [...messages(5, 5), ...messages(20, 10, 100)]);
    const batch = await takeBatch(source, { batchSize: 1000, lingerMs: 5 });
    expect(source.pulls).toEqual([
      [10, FIRST_WAIT_MS],
      [199, MORE_WAIT_MS],
    ]);
    expect(batch.items).toHaveLength(25);
    expect(batch.items[0]!.externalId).toBe('m-0');
  });

  it('ends with an empty batch when nothing comes', async () => {
    const source = new FakeSource([]);
    expect(await takeBatch(source, opts)).toEqual({ messages: [], items: [], counts: [] });
    expect(source.pulls).toEqual([[10, FIRST_WAIT_MS]]);
  });

  it('lingers once when the stream ran dry before the batch filled, and not without lingerMs', async () => {
    const lingering = new FakeSource([], messages(1, 1));
    const t0 = performance.now();
    await takeBatch(lingering, { batchSize: 1000, lingerMs: 30 });
    expect(performance.now() - t0).toBeGreaterThanOrEqual(25);
    expect(lingering.pulls).toEqual([
      [10, FIRST_WAIT_MS],
      [999, MORE_WAIT_MS],
    ]);
    const eager = new FakeSource([], messages(1, 1));
    await takeBatch(eager, { batchSize: 1000, lingerMs: 0 });
    expect(eager.pulls).toEqual([[10, FIRST_WAIT_MS]]);
  });

  it('fetches a batch of single-mention messages in two requests', async () => {
    const source = new FakeSource(messages(3000, 1));
    const batch = await takeBatch(source, { batchSize: 1000, lingerMs: 0 });
    expect(batch.items).toHaveLength(1000);
    expect(source.pulls.map(([n]) => n)).toEqual([10, 990]);
  });

  it('terminates an undecodable message, drops an item that is not a mention, and keeps the rest', async () => {
    const junk = new FakeMessage(enc.encode('not json'), ++seq);
    const mixed = new FakeMessage(enc.encode(JSON.stringify([mention(1), { platform: 'x' }, mention(2)])), ++seq);
    const good = messages(3, 3, 10)[0]!;
    const errors: unknown[] = [];
    const logger = pino({ level: 'error' }, { write: (line: string) => void errors.push(JSON.parse(line)) });
    const batch = await takeBatch(new FakeSource([junk, mixed, good]), opts, logger);
    expect(junk.terminated).toBe(true);
    expect(mixed.terminated).toBe(false);
    // The message with a bad item is acknowledged with the batch once its good items are written.
    expect(batch.messages).toEqual([mixed, good]);
    expect(batch.counts).toEqual([2, 3]);
    expect(batch.items.map((m) => m.externalId)).toEqual(['m-1', 'm-2', 'm-10', 'm-11', 'm-12']);
    expect(errors).toEqual([expect.objectContaining({ seq: junk.seq }), expect.objectContaining({ seq: mixed.seq, index: 1, reason: 'externalId is not a string' })]);
  });
});

describe('writeParts', () => {
  it('writes a batch of up to twice the batch size at once', async () => {
    const batch = await takeBatch(new FakeSource(messages(2000, 100)), { batchSize: 1000, lingerMs: 0 });
    expect(batch.items).toHaveLength(1000);
    expect(writeParts(batch, 500)).toEqual([batch]);
  });

  it('cuts a batch whose later messages were much fuller into parts of at most the batch size, never cutting a message', async () => {
    // Ten single-mention messages make the next fetch ask for 990 messages, which hold 100 each.
    const source = new FakeSource([...messages(10, 1), ...messages(5000, 100, 10)]);
    const batch = await takeBatch(source, { batchSize: 1000, lingerMs: 0 });
    expect(batch.items).toHaveLength(5010);
    const parts = writeParts(batch, 1000);
    expect(parts.map((p) => p.items.length)).toEqual([910, 1000, 1000, 1000, 1000, 100]);
    expect(parts.flatMap((p) => p.messages)).toEqual(batch.messages);
    expect(parts.flatMap((p) => p.items)).toEqual(batch.items);
    for (const p of parts) expect(p.counts.reduce((a, b) => a + b, 0)).toBe(p.items.length);
  });
});
