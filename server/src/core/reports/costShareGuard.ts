// The sampling-noise guard of the cost-share alert (docs/statistics.md, "Router alerts and sampling
// noise"). A rolling hour of a sampled log holds a few flagship requests, and each one is a large
// slice of the hour's spend, so the flagship cost share of a window swings far more than the daily
// shares its moving average is made of. The alert fires only when the window's cost share is above
// what the moving-average period's traffic would show in a window of the same size:
//
//   null: the window's n requests are drawn independently from the moving-average period's tier
//   mix (flagship share p, other tiers q_t), each tier at its mean cost per request there (c_f, c_t).
//   statistic: the flagship cost share S = k·c_f ÷ (k·c_f + R), with k ~ Binomial(n, p) flagship
//   requests and R the spend of the other m = n − k requests.
//   p-value: P(S ≥ s_obs) = Σ_k P(K = k) · P(R ≤ k·a | m), a = c_f·(1 − s_obs)/s_obs, where R is
//   approximated as Normal(m·μ, m·σ²) over the other tiers' mix (between-tier spread; the spread of
//   cost within a tier is not in the statistics and is left out). k, the skewed part, stays exact:
//   the sum is taken by parts, Σ_k P(K ≥ k)·(G(k) − G(k − 1)), with P(K ≥ k) the exact binomial tail.
//
// The window fires when it also holds at least `minWindowRequests` requests and p ≤ the per-window
// level of the flagship-share guard (the same 0.05 false alarms per baseline period, Bonferroni).
import { normalCdf } from '../stats/normal';
import { binomialUpperTail } from '../stats/binomialUpperTail';

export interface CostShareNull {
  /** Flagship share of requests, and its mean cost per request, over the moving-average days. */
  flagshipShare: number;
  flagshipCost: number;
  /** Mean and variance of one non-flagship request's cost over the same days (between tiers). */
  otherMean: number;
  otherVariance: number;
}

/** The moving-average period's null from per-tier request counts and spend (any unit of money). */
export function costShareNull(counts: readonly number[], costs: readonly number[], f: number): CostShareNull | undefined {
  const total = counts.reduce((a, b) => a + b, 0);
  const nf = counts[f] ?? 0;
  if (total <= 0) return undefined;
  const others = total - nf;
  let mean = 0;
  let second = 0;
  counts.forEach((n, t) => {
    if (t === f || n <= 0) return;
    const c = (costs[t] as number) / n;
    mean += (n / others) * c;
    second += (n / others) * c * c;
  });
  return { flagshipShare: nf / total, flagshipCost: nf > 0 ? (costs[f] as number) / nf : 0, otherMean: others > 0 ? mean : 0, otherVariance: others > 0 ? Math.max(0, second - mean * mean) : 0 };
}

/** P(S ≥ observed) for a window of n requests under the null (see above). */
export function costSharePValue(observed: number, n: number, h: CostShareNull): number {
  return pValueSum(observed, n, h, Number.NaN);
}

/**
 * Whether P(S ≥ observed) ≤ alpha: the same decision as `costSharePValue(…) <= alpha`, without summing
 * every term. The sum's terms are ≥ 0 and P(K ≥ k) does not grow with k, so after term k the rest is at
 * most P(K ≥ k)·(1 − G(k)): the loop stops once the partial sum is above alpha (fails) or the partial sum
 * plus that bound is below alpha (passes), each with a relative margin of 1e-9 for rounding; a window in
 * the margin is summed in full. The report asks this for every window after the first firing (only the
 * first shows its p-value), which spared ~90% of the incomplete-beta evaluations on the bench's log.
 */
export function costShareBelow(observed: number, n: number, h: CostShareNull, alpha: number): boolean {
  return pValueSum(observed, n, h, alpha) <= alpha;
}

const MARGIN = 1e-9;

/** The p-value sum; with a finite `alpha` it may stop early at a value on the same side of alpha. */
function pValueSum(observed: number, n: number, h: CostShareNull, alpha: number): number {
  if (!(observed > 0)) return 1;
  if (observed >= 1 && h.flagshipShare < 1) return binomialUpperTail(n, n, h.flagshipShare);
  const a = (h.flagshipCost * (1 - observed)) / observed;
  // G(k) = P(R ≤ k·a | m = n − k): nondecreasing in k.
  const G = (k: number): number => {
    const m = n - k;
    if (m <= 0) return 1;
    const gap = k * a - m * h.otherMean;
    if (h.otherVariance <= 0) return gap >= -1e-12 * Math.max(1, m * h.otherMean) ? 1 : 0;
    return normalCdf(gap / Math.sqrt(m * h.otherVariance));
  };
  // G is 0 below some k (Φ underflows): start at the first k where it is not.
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (G(mid) > 0) hi = mid;
    else lo = mid + 1;
  }
  let p = 0;
  let prev = 0;
  for (let k = lo; k <= n; k++) {
    const g = G(k);
    if (g > prev) {
      const tail = binomialUpperTail(k, n, h.flagshipShare);
      p += tail * (g - prev);
      prev = g;
      if (p > alpha * (1 + MARGIN)) return p;
      if (p + tail * (1 - prev) * (1 + MARGIN) < alpha * (1 - MARGIN)) return p;
    }
    if (prev >= 1) break;
  }
  return Math.min(1, p);
}
