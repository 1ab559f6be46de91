import { describe, expect, it } from 'vitest';
import { recordToIncoming, type ImportDefaults } from './file-import.js';

const defaults = (now: string): ImportDefaults => ({ platform: 'x', sourceId: null, unitIds: [], now });

function idOf(record: Record<string, unknown>, now = '2026-11-29T00:00:00.000Z'): string {
  const r = recordToIncoming(record, defaults(now));
  if (!r.ok) throw new Error(r.message);
  return r.value.externalId;
}

describe('file import ids', () => {
  it('gives a row without an id the same id every time it is imported, whenever that is', () => {
    const row = { author: 'rumour_bot', text: 'सीलमपुर में दंगा, घर से मत निकलो', created_at: '2026-11-28T10:00:00Z' };
    expect(idOf(row)).toMatch(/^import-[0-9a-f]{32}$/);
    expect(idOf({ ...row })).toBe(idOf(row, '2026-12-01T00:00:00.000Z'));
    // Without a time of its own, the import's time does not enter the id either.
    const timeless = { author: 'rumour_bot', text: 'same words' };
    expect(idOf(timeless)).toBe(idOf(timeless, '2026-12-01T00:00:00.000Z'));
  });

  it('keeps the same words posted again at another time, or at another address, as another post', () => {
    const first = { author: 'rumour_bot', text: 'सीलमपुर में दंगा, घर से मत निकलो', created_at: '2026-11-28T10:00:00Z' };
    const again = { ...first, created_at: '2026-11-28T10:05:00Z' };
    expect(idOf(again)).not.toBe(idOf(first));
    expect(idOf({ ...first, url: 'https://x.example/status/2' })).not.toBe(idOf({ ...first, url: 'https://x.example/status/1' }));
    expect(idOf({ ...first, author: 'someone_else' })).not.toBe(idOf(first));
    // A given id is kept as it is.
    expect(idOf({ ...first, id: 'tweet-42' })).toBe('tweet-42');
  });
});
