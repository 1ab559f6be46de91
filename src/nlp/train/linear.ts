/**
 * Linear models on hashed sparse features, trained with Adagrad: logistic regression (one
 * output) and multinomial softmax (K outputs). Every feature of a row has the value
 * 1/sqrt(number of features), the same as at inference. Deterministic: the only randomness is
 * the row order, drawn from a seeded generator.
 */

/** Rows of bucket indices in compressed form: row r is `idx[off[r] .. off[r+1])`. */
export interface SparseSet {
  idx: Int32Array;
  off: Int32Array;
}

export interface LinearOptions {
  epochs: number;
  /** Adagrad step size. */
  lr: number;
  /** L2 penalty, applied to the weights a row touches. */
  l2: number;
  seed: number;
}

export interface LinearModel {
  /** Outputs per bucket. */
  k: number;
  /** `w[bucket * k + output]`. */
  w: Float32Array;
  b: Float64Array;
}

/** mulberry32: a small seeded generator. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled(n: number, rand: () => number): Int32Array {
  const a = new Int32Array(n);
  for (let i = 0; i < n; i++) a[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = a[i]!;
    a[i] = a[j]!;
    a[j] = t;
  }
  return a;
}

/**
 * Trains K outputs. With `k === 1`, `y` holds 0/1 and the loss is logistic; otherwise `y` holds
 * class numbers and the loss is softmax cross-entropy. `rowWeight` scales each row's gradient
 * (class weights and down-weighting of extra data).
 */
export function trainLinear(
  set: SparseSet,
  rows: Int32Array,
  y: Int32Array,
  rowWeight: Float32Array,
  k: number,
  bits: number,
  opts: LinearOptions,
): LinearModel {
  const dim = 1 << bits;
  const w = new Float32Array(dim * k);
  const g2 = new Float32Array(dim * k);
  const b = new Float64Array(k);
  const gb2 = new Float64Array(k);
  const z = new Float64Array(k);
  const grad = new Float64Array(k);
  const rand = rng(opts.seed);
  const { lr, l2 } = opts;
  const eps = 1e-8;
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    const order = shuffled(rows.length, rand);
    for (let t = 0; t < order.length; t++) {
      const ri = order[t]!;
      const r = rows[ri]!;
      const s = set.off[r]!;
      const e = set.off[r + 1]!;
      const n = e - s;
      const v = n > 0 ? 1 / Math.sqrt(n) : 0;
      for (let o = 0; o < k; o++) z[o] = 0;
      for (let f = s; f < e; f++) {
        const base = set.idx[f]! * k;
        for (let o = 0; o < k; o++) z[o]! += w[base + o]!;
      }
      const rw = rowWeight[ri]!;
      if (k === 1) {
        const zz = z[0]! * v + b[0]!;
        const p = zz >= 0 ? 1 / (1 + Math.exp(-zz)) : Math.exp(zz) / (1 + Math.exp(zz));
        grad[0] = (p - y[ri]!) * rw;
      } else {
        let max = -Infinity;
        for (let o = 0; o < k; o++) {
          z[o] = z[o]! * v + b[o]!;
          if (z[o]! > max) max = z[o]!;
        }
        let sum = 0;
        for (let o = 0; o < k; o++) {
          z[o] = Math.exp(z[o]! - max);
          sum += z[o]!;
        }
        for (let o = 0; o < k; o++) grad[o] = (z[o]! / sum - (y[ri] === o ? 1 : 0)) * rw;
      }
      for (let o = 0; o < k; o++) {
        const gb = grad[o]!;
        gb2[o]! += gb * gb;
        b[o]! -= (lr * gb) / Math.sqrt(gb2[o]! + eps);
      }
      for (let f = s; f < e; f++) {
        const base = set.idx[f]! * k;
        for (let o = 0; o < k; o++) {
          const j = base + o;
          const g = grad[o]! * v + l2 * w[j]!;
          g2[j]! += g * g;
          w[j]! -= (lr * g) / Math.sqrt(g2[j]! + eps);
        }
      }
    }
  }
  return { k, w, b };
}

/** Raw logits of one row under float weights. */
export function rowLogits(set: SparseSet, r: number, m: LinearModel, out: Float64Array): Float64Array {
  const s = set.off[r]!;
  const e = set.off[r + 1]!;
  const n = e - s;
  const v = n > 0 ? 1 / Math.sqrt(n) : 0;
  for (let o = 0; o < m.k; o++) out[o] = 0;
  for (let f = s; f < e; f++) {
    const base = set.idx[f]! * m.k;
    for (let o = 0; o < m.k; o++) out[o]! += m.w[base + o]!;
  }
  for (let o = 0; o < m.k; o++) out[o] = out[o]! * v + m.b[o]!;
  return out;
}
