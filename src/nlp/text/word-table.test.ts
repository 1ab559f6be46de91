import { describe, expect, it } from 'vitest';
import { NUMBER_LANG_ENTRY, SLOT_NUMBERS, WordTable } from './word-table.js';

describe('WordTable', () => {
  it('gives a word the same slot wherever it stands, and its text', () => {
    const t = new WordTable(4);
    const a = t.slotOf('delhi police', 0, 5);
    const b = t.slotOf('police delhi', 7, 12);
    expect(b).toBe(a);
    expect(t.word(a)).toBe('delhi');
    expect(t.slotOf('police delhi', 0, 6)).not.toBe(a);
  });

  it('numbers the words in the order they came', () => {
    const t = new WordTable(4);
    const a = t.slotOf('saket thana saket', 0, 5);
    const b = t.slotOf('saket thana saket', 6, 11);
    expect([t.index(a), t.index(b), t.index(t.slotOf('saket thana saket', 12, 17))]).toEqual([0, 1, 0]);
    expect(t.word(b)).toBe('thana');
  });

  it('keeps a reader’s numbers in the slot beside the hashes, without disturbing them', () => {
    const t = new WordTable(4);
    const s = t.slotOf('thana', 0, 5);
    t.numbers[s * SLOT_NUMBERS + NUMBER_LANG_ENTRY + 1] = -1.25;
    t.numbers[s * SLOT_NUMBERS + SLOT_NUMBERS - 1] = 3.5;
    expect(t.slotOf('thana', 0, 5)).toBe(s);
    expect(t.numbers[s * SLOT_NUMBERS + NUMBER_LANG_ENTRY + 1]).toBe(-1.25);
    expect(t.word(s)).toBe('thana');
    expect(t.index(s)).toBe(0);
  });

  it('clears every slot and its fields when it fills up, and says so by its generation', () => {
    const t = new WordTable(3); // 8 slots, cleared at 5 words
    const first = t.slotOf('w0', 0, 2);
    t.numbers[first * SLOT_NUMBERS + NUMBER_LANG_ENTRY] = 1;
    for (let i = 1; i < 5; i++) t.slotOf(`w${i}`, 0, 2);
    expect(t.generation).toBe(0);
    t.slotOf('w5', 0, 2);
    expect(t.generation).toBe(1);
    expect(t.index(t.slotOf('w5', 0, 2))).toBe(0);
    const again = t.slotOf('w0', 0, 2);
    expect(t.index(again)).toBe(1);
    expect(t.numbers[again * SLOT_NUMBERS + NUMBER_LANG_ENTRY]).toBe(0);
    expect(t.word(again)).toBe('w0');
  });
});
