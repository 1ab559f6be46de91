/** Int32 entries per slot (one 64-byte cache line). */
const SLOT_INTS = 16;
/** Float64 entries per slot (the same line). */
export const SLOT_NUMBERS = 8;
/** `ints[16 × slot + INT_INDEX]`: the word's number, 0 for the first word of a generation. */
const INT_INDEX = 3;
/**
 * `numbers[8 × slot + NUMBER_LANG_ENTRY …+ 3]`: the language tagger's entry of the word: 1 once
 * filled, z, asPrev, asNext.
 */
export const NUMBER_LANG_ENTRY = 2;

/**
 * The words seen in posts, found by hashing a range of a string in place, so a word seen before
 * costs no substring: open addressing over two FNV-1a hashes and the length (64 bits of hash
 * per word: a day's 130,000 distinct words collide with odds of about one in a billion), kept
 * together in one typed array so a lookup touches one cache line and not the stored string.
 * A word keeps its slot until the table fills up and is cleared (then `generation` changes).
 * The readers of a post keep what they derive from a word in its slot, in the same cache line
 * as the word's hashes (`ints` and `numbers`, two views of one buffer; see the field offsets
 * above), as the language tagger does its entry, or in arrays by the word's number (`index`:
 * the order in which the words came, dense, so such arrays are small), as the geotagger does
 * its match key. Clearing the table clears the slots and starts the numbers again. The
 * enrichment asks for the same word once per reader: the last answer is remembered, so the
 * second reader does not hash it again.
 */
export class WordTable {
  readonly size: number;
  /** Changes whenever the table is cleared: slots from before mean nothing. */
  generation = 0;
  private readonly mask: number;
  /** The most words a generation holds (numbers run below it). */
  readonly limit: number;
  /**
   * Per slot 16 int32 (64 bytes): hash a, hash b, length (0 = empty), the word's number, then
   * the readers' fields. Read as float64 (`numbers`), the slot is 8 numbers, the readers'
   * from `NUMBER_LANG_ENTRY` on.
   */
  private readonly ints: Int32Array;
  /** The same buffer as `ints`, as 8 float64 per slot. */
  readonly numbers: Float64Array;
  /** The words by number. */
  private readonly words: (string | undefined)[];
  private count = 0;
  private lastText = '';
  private lastStart = -1;
  private lastEnd = -1;
  private lastSlot = -1;

  constructor(bits: number) {
    this.size = 1 << bits;
    this.mask = this.size - 1;
    this.limit = Math.floor(this.size * 0.7);
    this.ints = new Int32Array(this.size * SLOT_INTS);
    this.numbers = new Float64Array(this.ints.buffer);
    this.words = new Array<string | undefined>(this.limit).fill(undefined);
  }

  /** Slot of the word `text[start, end)`, added if new. */
  slotOf(text: string, start: number, end: number): number {
    if (start === this.lastStart && end === this.lastEnd && text === this.lastText) return this.lastSlot;
    let h = 0x811c9dc5;
    let g = 0x01000193;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      h = Math.imul(h ^ c, 0x01000193);
      g = Math.imul(g ^ c, 0x5bd1e995);
    }
    const len = end - start;
    const meta = this.ints;
    let slot = h & this.mask;
    for (;;) {
      const m = slot << 4;
      const l = meta[m + 2]!;
      if (l === 0) break;
      if (meta[m] === h && meta[m + 1] === g && l === len) return this.remember(text, start, end, slot);
      slot = (slot + 1) & this.mask;
    }
    if (this.count >= this.limit) {
      meta.fill(0);
      this.words.fill(undefined);
      this.count = 0;
      this.generation++;
      slot = h & this.mask;
    }
    meta[slot << 4] = h;
    meta[(slot << 4) + 1] = g;
    meta[(slot << 4) + 2] = len;
    meta[(slot << 4) + INT_INDEX] = this.count;
    this.words[this.count] = text.slice(start, end);
    this.count++;
    return this.remember(text, start, end, slot);
  }

  /** The word in a slot returned by `slotOf` (in the current generation). */
  word(slot: number): string {
    return this.words[this.ints[(slot << 4) + INT_INDEX]!]!;
  }

  /** The number of the word in a slot returned by `slotOf`: 0, 1, 2 … in the order words came, below `limit`. */
  index(slot: number): number {
    return this.ints[(slot << 4) + INT_INDEX]!;
  }

  private remember(text: string, start: number, end: number, slot: number): number {
    this.lastText = text;
    this.lastStart = start;
    this.lastEnd = end;
    this.lastSlot = slot;
    return slot;
  }

  /** Forgets the remembered answer (so a finished post's text is not held). */
  release(): void {
    this.lastText = '';
    this.lastStart = -1;
    this.lastEnd = -1;
  }
}

/** Sized for a day's vocabulary (about 130,000 distinct words per 100,000 posts). */
export const postWords = new WordTable(18);
