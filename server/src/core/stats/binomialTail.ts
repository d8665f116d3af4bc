// Binomial lower tail P(X ≤ k) for X ~ Binomial(m, p).
//
// For p = 1/2 (McNemar's exact test) the tail is summed exactly in BigInt, Σ_{i≤k} C(m, i) / 2^m,
// while m ≤ 20 000 (a few hundred microseconds); beyond that, and for any other p, it is the
// regularized incomplete beta I_{1−p}(m − k, k + 1) from `@stdlib/stats-base-dists-beta-cdf`
// (relative error near 1e-15), the identity scipy's `binom.cdf` uses.
//
// Reference: Johnson, Kemp & Kotz (2005), "Univariate Discrete Distributions", 3rd ed., §3.8.
// Rounding: none.
import betaCdf from '@stdlib/stats-base-dists-beta-cdf';

const EXACT_LIMIT = 20000;

/** P(X ≤ k) and P(X = k) for X ~ Binomial(m, 1/2), exactly summed while m ≤ 20 000. */
export function halfBinomialTail(m: number, k: number): { cdf: number; pmf: number } {
  if (k < 0) return { cdf: 0, pmf: 0 };
  if (k >= m) return { cdf: 1, pmf: m === k ? 2 ** -m : 0 };
  if (m <= EXACT_LIMIT) {
    let term = 1n;
    let sum = 1n;
    for (let i = 1; i <= k; i++) {
      term = (term * BigInt(m - i + 1)) / BigInt(i);
      sum += term;
    }
    return { cdf: ratioOfBig(sum, m), pmf: ratioOfBig(term, m) };
  }
  const cdf = binomialCdf(k, m, 0.5);
  return { cdf, pmf: cdf - binomialCdf(k - 1, m, 0.5) };
}

/** x / 2^m as a double, scaled so huge BigInts never overflow Number. */
function ratioOfBig(x: bigint, m: number): number {
  const bits = x.toString(2).length;
  const shift = Math.max(0, bits - 60);
  return Number(x >> BigInt(shift)) * 2 ** (shift - m);
}

/** P(X ≤ k) for X ~ Binomial(n, p), 0 ≤ p ≤ 1, any real n ≥ 0 (k integer). */
export function binomialCdf(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  if (p <= 0) return 1;
  if (p >= 1) return 0;
  return betaCdf(1 - p, n - k, k + 1);
}
