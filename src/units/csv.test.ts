import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.js';

describe('parseCsv', () => {
  it('reads quoted fields with commas, quotes and line breaks, CRLF and a BOM', () => {
    const rows = parseCsv('\uFEFFid,name\r\n1,"a, ""b"""\r\n2,"two\nlines"\r\n\r\n3,plain');
    expect(rows).toEqual([
      { line: 2, record: { id: '1', name: 'a, "b"' } },
      { line: 3, record: { id: '2', name: 'two\nlines' } },
      { line: 6, record: { id: '3', name: 'plain' } },
    ]);
  });

  it('names the line of a row with the wrong number of fields', () => {
    expect(() => parseCsv('a,b\n1,2\n3\n')).toThrow(/line 3: expected 2 fields, found 1/);
    expect(() => parseCsv('a\n"open')).toThrow(/unterminated/);
  });

  it('keeps Devanagari text as written', () => {
    expect(parseCsv('id,name_hi\n1,हौज़ ख़ास\n')[0]!.record.name_hi).toBe('हौज़ ख़ास');
  });
});
