import { describe, expect, it } from 'vitest';
import { NULL_VALUE, SEPARATOR } from '../../db/list-params.js';
import { joinColumn, joinColumnBatches } from './insert-columns.js';

describe('insert columns', () => {
  it('ends every value with the separator and writes NULL as its own mark', () => {
    expect(joinColumn(['a', null, '', 'b "q" \\ ,{}'])).toBe(`a${SEPARATOR}${NULL_VALUE}${SEPARATOR}${SEPARATOR}b "q" \\ ,{}${SEPARATOR}`);
    expect(joinColumn([''])).toBe(SEPARATOR);
    expect(joinColumn([])).toBe('');
  });

  it('refuses a value holding a separator, which would shift the rows after it', () => {
    expect(() => joinColumn(['ok', `bad${SEPARATOR}value`])).toThrow(/U\+001D or U\+001E/);
    expect(() => joinColumn([`bad${NULL_VALUE}`])).toThrow(/U\+001D or U\+001E/);
  });

  it('joins batches encoded in parts in order', () => {
    const part = (v: string) => ({
      columns: Array.from({ length: 28 }, () => joinColumn([v])),
      clusterKeys: [v],
      createdAt: [v],
      words: [v, 'common'],
      matches: [v === 'a' ? null : { watchIds: [`w-${v}`], unitIds: [] }],
    });
    const joined = joinColumnBatches([part('a'), part('b')]);
    expect(joined.columns[0]).toBe(joinColumn(['a', 'b']));
    expect(joined.columns[27]).toBe(joinColumn(['a', 'b']));
    expect(joined.clusterKeys).toEqual(['a', 'b']);
    expect(joined.words).toEqual(['a', 'common', 'b']);
    expect(joined.matches).toEqual([null, { watchIds: ['w-b'], unitIds: [] }]);
  });
});
