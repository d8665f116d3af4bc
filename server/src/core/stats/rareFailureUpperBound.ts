// One-sided exact (Clopper–Pearson) upper bound on a failure rate after x failures in n items:
//   U = the u with P(X ≤ x | n, u) = α, i.e. the Beta(x + 1, n − x) quantile at the confidence;
//   U = 1 when x = n. It equals the upper end of the two-sided interval at level 1 − 2α; the
//   two-sided upper bound at the same confidence (α/2 in the tail) is given for comparison.
//
// Reference: Clopper & Pearson (1934), Biometrika 26(4); scipy `beta.ppf`, statsmodels
// `proportion_confint(method='beta')` (README-v2 §7, `upper_bound_cases`).
// Rounding: none (beta quantile from @stdlib, relative error ~1e-15).
import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import { requireCountOfN, requireOpenUnit } from './validate';

export interface RareFailureUpperBound {
  oneSidedUpper: number;
  /** The same number through the two-sided interval at 1 − 2α (statsmodels' convention). */
  twoSidedAtDoubleAlphaUpper: number;
  twoSidedUpperSameConfidence: number;
  atBoundaryXEqualsN: boolean;
}

/** Exact one-sided upper bound on a rate after x events in n trials (x ≤ n; 1 when x = n). */
export function oneSidedUpperBound(x: number, n: number, confidence: number): number {
  return x >= n ? 1 : betaQuantile(confidence, x + 1, n - x);
}

/**
 * One-sided and two-sided exact upper bounds after x failures in n items.
 * @throws {RangeError} for a bad count or confidence outside (0, 1).
 */
export function rareFailureUpperBound(x: number, n: number, confidence = 0.95): RareFailureUpperBound {
  requireCountOfN('rareFailureUpperBound', x, n);
  requireOpenUnit('rareFailureUpperBound', 'confidence', confidence);
  const alpha = 1 - confidence;
  const upper = oneSidedUpperBound(x, n, confidence);
  return {
    oneSidedUpper: upper,
    twoSidedAtDoubleAlphaUpper: upper,
    twoSidedUpperSameConfidence: x >= n ? 1 : betaQuantile(1 - alpha / 2, x + 1, n - x),
    atBoundaryXEqualsN: x >= n,
  };
}
