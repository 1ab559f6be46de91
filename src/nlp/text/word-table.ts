/**
 * The words seen in posts, found by hashing a range of a string in place, so a word seen before
 * costs no substring: open addressing over two FNV-1a hashes and the length (64 bits of hash
 * per word: a day's 130,000 distinct words collide with odds of about one in a billion), kept
 * together in one typed array so a lookup touches one cache line and not the stored string.
 * A word keeps its slot until the table fills up and is cleared (then `generation` changes).
 * The readers of a post keep what they derive from a word in its slot, in the same cache line
 * as the word's hashes (`ints` and `numbers`, two views of one buffer; see the field offsets
 * below): the language tagger's entry and the geotagger's match-key id. Clearing the table
 * clears them too. The enrichment asks for the same word once per reader: the last answer is
 * remembered, so the second reader does not hash it again.
 */
/** Int32 entries per slot (one 64-byte cache line). */
export const SLOT_INTS = 16;
/** Float64 entries per slot (the same line). */
export const SLOT_NUMBERS = 8;
/** `ints[16 × slot + INT_GEO_KEY]`: the geotagger's id of the word's match key + 1 (0 = not yet). */
export const INT_GEO_KEY = 3;
/**
 * `numbers[8 × slot + NUMBER_LANG_ENTRY …+ 3]`: the language tagger's entry of the word: 1 once
 * filled, z, asPrev, asNext.
 */
export const NUMBER_LANG_ENTRY = 2;

export class WordTable {
  readonly size: number;
  /** Changes whenever the table is cleared: slots from before mean nothing. */
  generation = 0;
  private readonly mask: number;
  private readonly limit: number;
  /**
   * Per slot 16 int32 (64 bytes): hash a, hash b, length (0 = empty), then the readers' fields
   * from `INT_GEO_KEY` on. Read as float64 (`numbers`), the slot is 8 numbers, the readers'
   * from `NUMBER_LANG_ENTRY` on.
   */
  readonly ints: Int32Array;
  /** The same buffer as `ints`, as 8 float64 per slot. */
  readonly numbers: Float64Array;
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
    this.words = new Array<string | undefined>(this.size).fill(undefined);
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
    this.words[slot] = text.slice(start, end);
    this.count++;
    return this.remember(text, start, end, slot);
  }

  /** The word in a slot returned by `slotOf` (in the current generation). */
  word(slot: number): string {
    return this.words[slot]!;
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
