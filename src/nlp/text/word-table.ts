/**
 * The words seen in posts, found by hashing a range of a string in place, so a word seen before
 * costs no substring: open addressing over two FNV-1a hashes and the length (64 bits of hash
 * per word: a day's 130,000 distinct words collide with odds of about one in a billion), kept
 * together in one small typed array (16 bytes a slot) so a lookup touches one cache line and
 * not the stored string.
 *
 * Each word gets a number, 0, 1, 2 … in the order the words came (`indexOf`). It keeps it until
 * the table fills up and is cleared (then `generation` changes and the numbers start again), so
 * the readers of a post keep what they derive from a word (its match key, its language entry)
 * in arrays by number: dense, so they stay small and words first seen together sit together.
 * The enrichment asks for the same word once per reader: the last answer is remembered, so the
 * second reader does not hash it again.
 */
export class WordTable {
  /** Changes whenever the table is cleared: numbers from before mean nothing. */
  generation = 0;
  /** The most words a generation holds: numbers run below it. */
  readonly limit: number;
  private readonly mask: number;
  /** Per slot: hash a, hash b, length (0 = empty), the word's number. */
  private readonly meta: Int32Array;
  /** The words by number. */
  private readonly words: (string | undefined)[];
  private count = 0;
  private lastText = '';
  private lastStart = -1;
  private lastEnd = -1;
  private lastIndex = -1;

  constructor(bits: number) {
    const size = 1 << bits;
    this.mask = size - 1;
    this.limit = Math.floor(size * 0.7);
    this.meta = new Int32Array(size * 4);
    this.words = new Array<string | undefined>(this.limit).fill(undefined);
  }

  /** Number of the word `text[start, end)`, added if new. */
  indexOf(text: string, start: number, end: number): number {
    if (start === this.lastStart && end === this.lastEnd && text === this.lastText) return this.lastIndex;
    let h = 0x811c9dc5;
    let g = 0x01000193;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      h = Math.imul(h ^ c, 0x01000193);
      g = Math.imul(g ^ c, 0x5bd1e995);
    }
    const len = end - start;
    const meta = this.meta;
    let slot = h & this.mask;
    for (;;) {
      const m = slot << 2;
      const l = meta[m + 2]!;
      if (l === 0) break;
      if (meta[m] === h && meta[m + 1] === g && l === len) return this.remember(text, start, end, meta[m + 3]!);
      slot = (slot + 1) & this.mask;
    }
    if (this.count >= this.limit) {
      meta.fill(0);
      this.words.fill(undefined);
      this.count = 0;
      this.generation++;
      slot = h & this.mask;
    }
    const index = this.count++;
    meta[slot << 2] = h;
    meta[(slot << 2) + 1] = g;
    meta[(slot << 2) + 2] = len;
    meta[(slot << 2) + 3] = index;
    this.words[index] = text.slice(start, end);
    return this.remember(text, start, end, index);
  }

  /** The word with a number `indexOf` returned (in the current generation). */
  word(index: number): string {
    return this.words[index]!;
  }

  private remember(text: string, start: number, end: number, index: number): number {
    this.lastText = text;
    this.lastStart = start;
    this.lastEnd = end;
    this.lastIndex = index;
    return index;
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
