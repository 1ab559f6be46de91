import { describe, expect, it } from 'vitest';
import { csvField, csvLine, CsvSyntaxError, parseCsv } from './csv-format.js';

describe('CSV', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, and keeps each record’s first line', () => {
    const text = 'a,b,c\r\n1,"two, too","say ""hi"""\n2,"line one\nline two",x\n\n3,,\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', 'two, too', 'say "hi"'] },
      { line: 3, fields: ['2', 'line one\nline two', 'x'] },
      { line: 6, fields: ['3', '', ''] },
    ]);
  });

  it('reads Devanagari and a byte-order mark, and a last record without a line break', () => {
    expect(parseCsv('\ufeffटेक्स्ट,b\nसाइबर ठगी से बचें,2')).toEqual([
      { line: 1, fields: ['टेक्स्ट', 'b'] },
      { line: 2, fields: ['साइबर ठगी से बचें', '2'] },
    ]);
  });

  it('reports an unclosed quote and text after a closing quote with the line', () => {
    expect(() => parseCsv('a\n"open\n')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('a\n"open\n')).toThrow(/line 2/);
    expect(() => parseCsv('a,b\n"x"y,1\n')).toThrow(/line 2: text after a closing quote/);
  });

  it('writes fields that read back the same, and defuses spreadsheet formulas', () => {
    const values = ['plain', 'with, comma', 'with "quote"', 'two\nlines', 'हिन्दी'];
    expect(parseCsv(csvLine(values))[0]!.fields).toEqual(values);
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('@cmd')).toBe("'@cmd");
    expect(csvField(null)).toBe('');
  });
});
