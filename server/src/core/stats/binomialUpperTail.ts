// Binomial upper tail P(X ≥ k) for X ~ Binomial(n, p): the one-sided exact binomial test's p-value
// for "more successes than p explains". Computed as the regularized incomplete beta I_p(k, n − k + 1)
// (`@stdlib/stats-base-dists-beta-cdf`), not as 1 − P(X ≤ k − 1), so tiny p-values keep their digits.
// Reference: Johnson, Kemp & Kotz (2005), "Univariate Discrete Distributions", 3rd ed., §3.8.
import betaCdf from '@stdlib/stats-base-dists-beta-cdf';

export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  return betaCdf(p, k, n - k + 1);
}
