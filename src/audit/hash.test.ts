import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, canonicalJson, entryHash, formatAt, storableDetails, storableText, type HashedFields } from './hash.js';

const base: HashedFields = {
  id: 1, at: '2026-01-02T03:04:05.678000Z', actorId: null, actorLabel: 'seed', action: 'units.seeded',
  targetType: null, targetId: null, unitId: null, ip: null, details: { b: 1, a: [1, { d: 2, c: 3 }] }, prevHash: GENESIS_HASH,
};

describe('canonical hashing', () => {
  it('sorts keys at every level and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: [2, 1, { z: null, y: 'x' }] })).toBe('{"a":[2,1,{"y":"x","z":null}],"b":1}');
    expect(canonicalJson({ a: undefined, b: [undefined] })).toBe('{"b":[null]}');
  });

  it('gives the same hash whatever the key order of the details', () => {
    const reordered = { ...base, details: { a: [1, { c: 3, d: 2 }], b: 1 } };
    expect(entryHash(reordered)).toBe(entryHash(base));
    expect(entryHash(base)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes the hash when any field changes', () => {
    const variants: Partial<HashedFields>[] = [
      { id: 2 }, { at: '2026-01-02T03:04:05.678001Z' }, { actorId: '11111111-1111-4111-8111-111111111111' }, { actorLabel: 'x' },
      { action: 'x' }, { targetType: 'x' }, { targetId: 'x' }, { unitId: 'x' }, { ip: '1.2.3.4' }, { details: { b: 2, a: [1, { d: 2, c: 3 }] } },
      { prevHash: 'f'.repeat(64) },
    ];
    const hashes = new Set(variants.map((v) => entryHash({ ...base, ...v })));
    expect(hashes.size).toBe(variants.length);
    expect(hashes.has(entryHash(base))).toBe(false);
  });

  it('writes the time with microseconds', () => {
    expect(formatAt(new Date('2026-01-02T03:04:05.678Z'))).toBe('2026-01-02T03:04:05.678000Z');
  });

  it('replaces what PostgreSQL cannot store, in keys and values', () => {
    expect(storableText('a\u0000b\uD800c👮')).toBe('a\uFFFDb\uFFFDc👮');
    expect(storableDetails({ 'k\u0000': ['\uDC00'], d: new Date('2026-01-02T00:00:00Z'), n: Number.NaN, u: undefined })).toEqual({
      'k\uFFFD': ['\uFFFD'], d: '2026-01-02T00:00:00.000Z', n: null,
    });
    expect(storableDetails(undefined)).toEqual({});
  });
});
