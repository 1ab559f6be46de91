import { describe, expect, it } from 'vitest';
import type { MentionSummary } from '../api/monitoring.js';
import { appendOlder, compareIds, EMPTY_STREAM_FILTER, laterCursor, mergeNewer, retryDelayMs, toMentionFilters, watchFromAddress } from './stream-state.js';

const mention = (id: string, version = 1): MentionSummary => ({
  id,
  platform: 'sandbox',
  externalId: `x${id}`,
  url: null,
  authorHandle: 'a',
  authorName: null,
  authorPseudonymised: false,
  text: `text ${id} v${version}`,
  lang: 'hi',
  labels: [],
  geoDistrict: null,
  geoStation: null,
  geoStationName: null,
  unitIds: [],
  clusterId: null,
  clusterSize: null,
  version,
  deleted: false,
  createdAt: '2026-01-01T00:00:00Z',
  ingestedAt: '2026-01-01T00:00:00Z',
});

describe('stream filters', () => {
  it('drop blanks and trim the search', () => {
    expect(toMentionFilters({ ...EMPTY_STREAM_FILTER, unitId: 'north', q: '  दंगा  ', lang: '' })).toEqual({ unitId: 'north', q: 'दंगा' });
    expect(toMentionFilters(EMPTY_STREAM_FILTER)).toEqual({});
  });

  it('take a watch from the address only when it is a uuid', () => {
    expect(watchFromAddress('?watch=6f1c2a3b-1d2e-4f50-8a9b-0c1d2e3f4a5b')).toBe('6f1c2a3b-1d2e-4f50-8a9b-0c1d2e3f4a5b');
    expect(watchFromAddress('?watch=1%27%20OR%201=1')).toBe('');
    expect(watchFromAddress('')).toBe('');
  });
});

describe('mention ids', () => {
  it('compare as numbers beyond the safe integer range', () => {
    expect(compareIds('9', '10')).toBeLessThan(0);
    expect(compareIds('900719925474099312', '900719925474099311')).toBeGreaterThan(0);
    expect(compareIds('42', '42')).toBe(0);
    expect(laterCursor('99', '100')).toBe('100');
    expect(laterCursor(null, '5')).toBe('5');
    expect(laterCursor('5', null)).toBe('5');
  });
});

describe('live merging', () => {
  it('puts new mentions on top, newest first, once each', () => {
    const merged = mergeNewer([mention('10'), mention('9')], [mention('11'), mention('12'), mention('10')]);
    expect(merged.map((m) => m.id)).toEqual(['12', '11', '10', '9']);
  });

  it('replaces a row by a later version and never by an older one', () => {
    expect(mergeNewer([mention('5', 2)], [mention('5', 3)])[0]!.version).toBe(3);
    expect(mergeNewer([mention('5', 3)], [mention('5', 2)])[0]!.version).toBe(3);
  });

  it('keeps at most the given number of rows, dropping the oldest', () => {
    const merged = mergeNewer([mention('1'), mention('2')], [mention('3')], 2);
    expect(merged.map((m) => m.id)).toEqual(['3', '2']);
  });

  it('appends older pages without repeating rows', () => {
    expect(appendOlder([mention('9'), mention('8')], [mention('8'), mention('7')]).map((m) => m.id)).toEqual(['9', '8', '7']);
  });

  it('backs off after failures up to a minute', () => {
    expect([1, 2, 3, 10].map(retryDelayMs)).toEqual([2000, 4000, 8000, 60000]);
  });
});
