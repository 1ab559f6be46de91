import { describe, expect, it } from 'vitest';
import { NULL_VALUE, SEPARATOR } from '../../db/list-params.js';
import { copyData, copyText, COPY_COLUMNS, encodeRows, formFor, COPY_AT, joinColumn, joinColumnBatches } from './insert-columns.js';
import type { MentionRow } from './mention-repository.js';

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
      lines: null,
      clusterKeys: [v],
      createdAt: [v],
      words: [v, 'common'],
      matches: [v === 'a' ? null : { watchIds: [`w-${v}`], unitIds: [] }],
    });
    const joined = joinColumnBatches([part('a'), part('b')]);
    expect(joined.columns![0]).toBe(joinColumn(['a', 'b']));
    expect(joined.columns![27]).toBe(joinColumn(['a', 'b']));
    expect(joined.lines).toBeNull();
    expect(joined.clusterKeys).toEqual(['a', 'b']);
    expect(joined.words).toEqual(['a', 'common', 'b']);
    expect(joined.matches).toEqual([null, { watchIds: ['w-b'], unitIds: [] }]);
  });

  it('joins COPY lines encoded in parts in order, and refuses parts of different forms', () => {
    const part = (v: string, form: 'columns' | 'lines') => ({
      columns: form === 'columns' ? [joinColumn([v])] : null,
      lines: form === 'lines' ? [bytes(v)] : null,
      clusterKeys: [v],
      createdAt: [v],
      words: [v],
      matches: [null],
    });
    expect(joinColumnBatches([part('a', 'lines'), part('b', 'lines')]).lines!.map(text)).toEqual(['a', 'b']);
    expect(() => joinColumnBatches([part('a', 'lines'), part('b', 'columns')])).toThrow(/different forms/);
  });
});

const bytes = (s: string) => new TextEncoder().encode(s);
const text = (chunks: Uint8Array | readonly Uint8Array[]) => Buffer.concat(chunks instanceof Uint8Array ? [chunks] : [...chunks]).toString('utf8');

function row(over: Partial<MentionRow> = {}): MentionRow {
  return {
    platform: 'sandbox', externalId: 'x1', sourceId: null, url: null, authorHandle: 'a', authorName: null, authorId: null,
    text: 't', normalized: 't', lang: 'en', replyTo: null, quoteOf: null, shareOf: null, media: '[]', engagement: '{}', raw: '{}',
    contentHash: 'h', deleted: false, scores: null, labels: [], geoDistrict: null, geoStation: null, model: null, clusterKey: null,
    searchKeys: 't', unitIds: [], watchIds: [], watchUnitIds: [], createdAt: '2026-11-01T00:00:00.000Z', receivedAt: '2026-11-01T00:00:01.000Z',
    ...over,
  };
}

describe('COPY lines', () => {
  it('escapes backslash, tab, newline and carriage return, and nothing else', () => {
    expect(copyText('a\\b\tc\nd\re "q" दिल्ली')).toBe('a\\\\b\\tc\\nd\\re "q" दिल्ली');
    expect(copyText('plain')).toBe('plain');
  });

  it('holds a row\'s columns in COPY_COLUMNS order: NULL as \\N, lists as array literals, a deletion as the time given', () => {
    const now = '2026-11-02T10:00:00.000Z';
    const chunk = text(encodeRows([row({ text: 'दंगा\tकी\nख़बर', labels: ['complaint', 'sentiment:negative'], unitIds: ['d1'], watchUnitIds: ['a"b'], deleted: true })], 'lines', now).lines!);
    expect(chunk.endsWith('\n')).toBe(true);
    expect(chunk.indexOf('\n')).toBe(chunk.length - 1);
    const values = chunk.slice(0, -1).split('\t');
    expect(values).toHaveLength(COPY_COLUMNS.length - 2);
    const at = (column: string) => values[COPY_COLUMNS.indexOf(column)];
    expect(at('text')).toBe('दंगा\\tकी\\nख़बर');
    expect(at('source_id')).toBe('\\N');
    expect(at('labels')).toBe('{"complaint","sentiment:negative"}');
    expect(at('unit_ids')).toBe('{"a\\\\"b","d1"}');
    expect(at('deleted_at')).toBe(now);
    expect(text(encodeRows([row()], 'lines', now).lines!).split('\t')[COPY_COLUMNS.indexOf('deleted_at')]).toBe('\\N');
  });

  it('cuts the lines into chunks of whole lines in UTF-8, each on a buffer of its own', () => {
    const rows = Array.from({ length: 600 }, (_, i) => row({ externalId: `x${i}`, text: 'दिल्ली '.repeat(40) }));
    const chunks = encodeRows(rows, 'lines').lines!;
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(c[c.length - 1]).toBe(0x0a);
    expect(new Set(chunks.map((c) => c.buffer)).size).toBe(chunks.length);
    const all = text(chunks).split('\n');
    expect(all).toHaveLength(601);
    expect(all[599]!.split('\t')[COPY_COLUMNS.indexOf('text')]).toBe('दिल्ली '.repeat(40));
  });

  it('chooses COPY for a batch of COPY_AT items or more', () => {
    expect(formFor(COPY_AT - 1)).toBe('columns');
    expect(formFor(COPY_AT)).toBe('lines');
  });

  it('appends each line\'s id and cluster, and refuses lines that are not one a row', () => {
    const long = 'x'.repeat(40_000);
    const chunks = copyData([bytes(`${long}\nदो\n`), bytes(`${long}\n`)], ['7', '8', '9'], [null, '3', null]);
    expect(chunks.map(text)).toEqual([`${long}\t7\t\\N\nदो\t8\t3\n`, `${long}\t9\t\\N\n`]);
    expect(() => copyData([bytes('a\nb\n')], ['1'], [null])).toThrow(/more lines than the 1 rows/);
    expect(() => copyData([bytes('a\n')], ['1', '2'], [null, null])).toThrow(/1 lines for 2 rows/);
  });
});
