/** Probability calibration on dev data: Platt scaling for binary outputs, a temperature for softmax. */

/**
 * Fits p = sigmoid(a*z + b) on Platt's smoothed targets: Newton steps with a backtracking line
 * search (Lin, Lin and Weng 2007), so separable data cannot make it diverge.
 */
export function fitPlatt(z: ArrayLike<number>, y: ArrayLike<number>): { a: number; b: number } {
  const n = z.length;
  let pos = 0;
  for (let i = 0; i < n; i++) pos += y[i]! > 0 ? 1 : 0;
  const neg = n - pos;
  if (pos === 0 || neg === 0) return { a: 1, b: 0 };
  const hi = (pos + 1) / (pos + 2);
  const lo = 1 / (neg + 2);
  const loss = (a: number, b: number): number => {
    let f = 0;
    for (let i = 0; i < n; i++) {
      const t = y[i]! > 0 ? hi : lo;
      const x = a * z[i]! + b;
      // log(1 + e^x) - t*x, computed stably
      f += (x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x))) - t * x;
    }
    return f;
  };
  let a = 1;
  let b = Math.log((pos + 1) / (neg + 1));
  let f = loss(a, b);
  for (let it = 0; it < 100; it++) {
    let ga = 0;
    let gb = 0;
    let haa = 1e-12;
    let hab = 0;
    let hbb = 1e-12;
    for (let i = 0; i < n; i++) {
      const t = y[i]! > 0 ? hi : lo;
      const x = a * z[i]! + b;
      const p = x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
      const d = p - t;
      const w = p * (1 - p);
      ga += d * z[i]!;
      gb += d;
      haa += w * z[i]! * z[i]!;
      hab += w * z[i]!;
      hbb += w;
    }
    if (Math.abs(ga) < 1e-7 && Math.abs(gb) < 1e-7) break;
    const det = haa * hbb - hab * hab;
    if (!(det > 0)) break;
    const da = -(hbb * ga - hab * gb) / det;
    const db = -(haa * gb - hab * ga) / det;
    let step = 1;
    let improved = false;
    while (step > 1e-10) {
      const fa = loss(a + step * da, b + step * db);
      if (fa < f + 1e-4 * step * (ga * da + gb * db)) {
        a += step * da;
        b += step * db;
        f = fa;
        improved = true;
        break;
      }
      step /= 2;
    }
    if (!improved) break;
  }
  return { a, b };
}

/** The temperature in [0.1, 10] that minimises the dev log-loss (golden-section search on log T). */
export function fitTemperature(logits: Float64Array[], y: ArrayLike<number>): number {
  const nll = (t: number): number => {
    let s = 0;
    for (let i = 0; i < logits.length; i++) {
      const z = logits[i]!;
      let max = -Infinity;
      for (const v of z) max = Math.max(max, v / t);
      let sum = 0;
      for (const v of z) sum += Math.exp(v / t - max);
      s -= z[y[i]!]! / t - max - Math.log(sum);
    }
    return s;
  };
  let lo = Math.log(0.1);
  let hi = Math.log(10);
  const g = (Math.sqrt(5) - 1) / 2;
  for (let it = 0; it < 60; it++) {
    const m1 = hi - g * (hi - lo);
    const m2 = lo + g * (hi - lo);
    if (nll(Math.exp(m1)) < nll(Math.exp(m2))) hi = m2;
    else lo = m1;
  }
  return Math.exp((lo + hi) / 2);
}
