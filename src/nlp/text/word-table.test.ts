import { describe, expect, it } from 'vitest';
import { INT_GEO_KEY, NUMBER_LANG_ENTRY, SLOT_INTS, SLOT_NUMBERS, WordTable } from './word-table.js';

describe('WordTable', () => {
  it('gives a word the same slot wherever it stands, and its text', () => {
    const t = new WordTable(4);
    const a = t.slotOf('delhi police', 0, 5);
    const b = t.slotOf('police delhi', 7, 12);
    expect(b).toBe(a);
    expect(t.word(a)).toBe('delhi');
    expect(t.slotOf('police delhi', 0, 6)).not.toBe(a);
  });

  it('keeps the readers’ fields in the slot beside the hashes, apart from each other', () => {
    const t = new WordTable(4);
    const s = t.slotOf('thana', 0, 5);
    t.ints[s * SLOT_INTS + INT_GEO_KEY] = 42;
    t.numbers[s * SLOT_NUMBERS + NUMBER_LANG_ENTRY + 1] = -1.25;
    expect(t.slotOf('thana', 0, 5)).toBe(s);
    expect(t.ints[s * SLOT_INTS + INT_GEO_KEY]).toBe(42);
    expect(t.numbers[s * SLOT_NUMBERS + NUMBER_LANG_ENTRY + 1]).toBe(-1.25);
    // The fields do not overlap the hashes and length (ints 0–2, bytes 0–11).
    expect(NUMBER_LANG_ENTRY * 8).toBeGreaterThanOrEqual((INT_GEO_KEY + 1) * 4);
    expect(t.ints[s * SLOT_INTS + 2]).toBe(5);
  });

  it('clears every slot and its fields when it fills up, and says so by its generation', () => {
    const t = new WordTable(3); // 8 slots, cleared at 5 words
    const first = t.slotOf('w0', 0, 2);
    t.ints[first * SLOT_INTS + INT_GEO_KEY] = 7;
    t.numbers[first * SLOT_NUMBERS + NUMBER_LANG_ENTRY] = 1;
    for (let i = 1; i < 5; i++) t.slotOf(`w${i}`, 0, 2);
    expect(t.generation).toBe(0);
    t.slotOf('w5', 0, 2);
    expect(t.generation).toBe(1);
    const again = t.slotOf('w0', 0, 2);
    expect(t.ints[again * SLOT_INTS + INT_GEO_KEY]).toBe(0);
    expect(t.numbers[again * SLOT_NUMBERS + NUMBER_LANG_ENTRY]).toBe(0);
    expect(t.word(again)).toBe('w0');
  });
});
