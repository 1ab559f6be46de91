import { describe, expect, it } from 'vitest';
import { WordTable } from './word-table.js';

describe('WordTable', () => {
  it('numbers the words in the order they came, the same number wherever a word stands', () => {
    const t = new WordTable(4);
    const text = 'saket thana saket';
    expect([t.indexOf(text, 0, 5), t.indexOf(text, 6, 11), t.indexOf(text, 12, 17)]).toEqual([0, 1, 0]);
    expect(t.indexOf('police saket', 7, 12)).toBe(0);
    expect(t.word(1)).toBe('thana');
    // A prefix of a known word is another word.
    expect(t.indexOf(text, 0, 4)).toBe(2);
    expect(t.word(2)).toBe('sake');
  });

  it('clears every word when it fills up, says so by its generation and numbers from 0 again', () => {
    const t = new WordTable(3); // 8 slots, cleared at the sixth word
    for (let i = 0; i < 5; i++) expect(t.indexOf(`w${i}`, 0, 2)).toBe(i);
    expect(t.generation).toBe(0);
    expect(t.indexOf('w5', 0, 2)).toBe(0);
    expect(t.generation).toBe(1);
    expect(t.indexOf('w0', 0, 2)).toBe(1);
    expect([t.word(0), t.word(1)]).toEqual(['w5', 'w0']);
    expect(t.limit).toBe(5);
  });
});
