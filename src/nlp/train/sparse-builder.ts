import type { FeatureExtractor } from '../features/extract.js';
import type { SparseSet } from './linear.js';

/** Extracts each distinct text once and keeps its features as one row of a growing sparse set. */
export class SparseBuilder {
  private idx = new Int32Array(1 << 22);
  private off: number[] = [0];
  private used = 0;
  private readonly rows = new Map<string, number>();

  constructor(
    private readonly extractor: FeatureExtractor,
    private readonly prepare: (text: string) => string,
  ) {}

  /** The row of `text`, extracting its features the first time it is seen. */
  row(text: string): number {
    const known = this.rows.get(text);
    if (known !== undefined) return known;
    const n = this.extractor.extract(this.prepare(text));
    if (this.used + n > this.idx.length) {
      const bigger = new Int32Array(Math.max(this.idx.length * 2, this.used + n));
      bigger.set(this.idx.subarray(0, this.used));
      this.idx = bigger;
    }
    this.idx.set(this.extractor.buffer.subarray(0, n), this.used);
    this.used += n;
    this.off.push(this.used);
    const r = this.off.length - 2;
    this.rows.set(text, r);
    return r;
  }

  get set(): SparseSet {
    return { idx: this.idx.subarray(0, this.used), off: Int32Array.from(this.off) };
  }
}
