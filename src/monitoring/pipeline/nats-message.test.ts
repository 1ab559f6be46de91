import { describe, expect, it } from 'vitest';
import type { IncomingMention } from '../mentions/incoming.js';
import { MAX_ITEMS_PER_MESSAGE, MAX_MESSAGE_BYTES, packMentions, unpackMentions } from './nats-message.js';

function mention(i: number, text = `post ${i}`): IncomingMention {
  return { platform: 'sandbox', externalId: `m-${i}`, text, createdAt: new Date(Date.UTC(2026, 10, 1) + i).toISOString() };
}

const enc = new TextEncoder();

describe('packMentions', () => {
  it('puts up to the item limit in a message, in order, and reads back the same items', () => {
    const items = Array.from({ length: 250 }, (_, i) => mention(i));
    const packed = packMentions(items);
    expect(packed.map((p) => p.items)).toEqual([MAX_ITEMS_PER_MESSAGE, MAX_ITEMS_PER_MESSAGE, 50]);
    expect(packed.flatMap((p) => unpackMentions(p.data).items)).toEqual(items);
  });

  it('cuts by bytes, and a mention larger than the limit goes alone', () => {
    const big = mention(1, 'x'.repeat(300 * 1024));
    const mid = Array.from({ length: 3 }, (_, i) => mention(10 + i, 'y'.repeat(100 * 1024)));
    const packed = packMentions([mention(0), big, ...mid, mention(2)]);
    expect(packed.map((p) => p.items)).toEqual([1, 1, 2, 2]);
    for (const p of packed.filter((p) => p.items > 1)) expect(p.data.byteLength).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
    expect(packed[1]!.data.byteLength).toBeGreaterThan(MAX_MESSAGE_BYTES);
  });

  it('counts bytes exactly: a chunk fills to the byte limit and not one byte over', () => {
    const items = Array.from({ length: 10 }, (_, i) => mention(i, 'é'.repeat(50)));
    const one = enc.encode(JSON.stringify(items[0])).byteLength;
    // Room for exactly three items: brackets, three items, two commas.
    const packed = packMentions(items, { maxItems: 100, maxBytes: 2 + 3 * one + 2 });
    expect(packed.map((p) => p.items)).toEqual([3, 3, 3, 1]);
    expect(packed[0]!.data.byteLength).toBe(2 + 3 * one + 2);
  });

  it('gives the same message ids for the same items, whatever the time they were received', () => {
    const items = Array.from({ length: 150 }, (_, i) => mention(i));
    const again = items.map((m) => ({ ...m, receivedAt: new Date().toISOString(), engagement: { likes: 3 } }));
    expect(packMentions(again).map((p) => p.id)).toEqual(packMentions(items).map((p) => p.id));
  });

  it('gives another id when an item is edited, and distinct ids to distinct chunks', () => {
    const items = Array.from({ length: 200 }, (_, i) => mention(i));
    const ids = packMentions(items).map((p) => p.id);
    expect(new Set(ids).size).toBe(2);
    const edited = items.map((m, i) => (i === 5 ? { ...m, text: 'edited' } : m));
    const editedIds = packMentions(edited).map((p) => p.id);
    expect(editedIds[0]).not.toBe(ids[0]);
    expect(editedIds[1]).toBe(ids[1]);
    const deleted = items.map((m, i) => (i === 5 ? { ...m, deleted: true } : m));
    expect(packMentions(deleted)[0]!.id).not.toBe(ids[0]);
  });

  it('names a message of one mention by that mention, as before several went in a message', () => {
    const [p] = packMentions([mention(7)]);
    expect(p!.id).toMatch(/^sandbox:m-7:/);
  });

  it('packs nothing into no message', () => {
    expect(packMentions([])).toEqual([]);
  });
});

describe('unpackMentions', () => {
  it('reads a message holding one mention object (the earlier form)', () => {
    expect(unpackMentions(enc.encode(JSON.stringify(mention(1))))).toEqual({ items: [mention(1)], malformed: [] });
  });

  it('keeps the good items of a message holding a bad one and says which is bad', () => {
    const list = [mention(0), null, { ...mention(2), externalId: 42 }, mention(3), 'text'];
    const r = unpackMentions(enc.encode(JSON.stringify(list)));
    expect(r.items).toEqual([mention(0), mention(3)]);
    expect(r.malformed).toEqual([
      { index: 1, reason: 'not an object' },
      { index: 2, reason: 'externalId is not a string' },
      { index: 4, reason: 'not an object' },
    ]);
  });

  it('throws on a message that is not JSON, not UTF-8, or neither a mention nor a list', () => {
    expect(() => unpackMentions(enc.encode('{"platform": '))).toThrow();
    expect(() => unpackMentions(new Uint8Array([0x5b, 0xff, 0x5d]))).toThrow();
    expect(() => unpackMentions(enc.encode('42'))).toThrow(/neither a mention nor a list/);
    expect(() => unpackMentions(enc.encode('null'))).toThrow(/neither a mention nor a list/);
  });
});
