// Smallest n (> x_allowed) that certifies a failure rate ≤ p_max at the given confidence when up to
// x_allowed failures are allowed: the first n with P(X ≤ x_allowed | n, p_max) ≤ α, X ~ Bin(n, p_max).
// Equivalently the smallest n whose one-sided exact upper bound with x_allowed failures is ≤ p_max.
// The cdf decreases in n, so an integer bisection finds n; its bracket grows by doubling from the
// zero-failure n and stops at 1e12 — an answer beyond that is reported, not searched (≤ 80 cdf
// evaluations in all).
//
// Reference: exact binomial (Clopper & Pearson 1934); scipy `binom.cdf`, R `pbinom`
// (README-v2 §7, `certify_cases`). Rounding: none; the integer is decided on the exact-beta cdf.
import { defined, undefinedBecause, type Defined } from '../types';
import { binomialCdf } from './binomialTail';
import { oneSidedUpperBound } from './rareFailureUpperBound';
import { requireInteger, requireOpenUnit } from './validate';

export const SEARCH_LIMIT = 1e12;

export interface RareFailureCertifyN {
  n: number;
  binomCdfAtN: number;
  binomCdfAtNMinus1: number;
  upperBoundAtN: number;
  upperBoundAtNMinus1: number;
  expectedFailuresAtN: number;
}

/**
 * n that certifies p_max with up to xAllowed failures.
 * @throws {RangeError} for p_max or confidence outside (0,1) or a negative x_allowed.
 */
export function rareFailureCertifyN(pMax: number, xAllowed: number, confidence = 0.95): Defined<RareFailureCertifyN> {
  requireOpenUnit('rareFailureCertifyN', 'p_max', pMax);
  requireInteger('rareFailureCertifyN', 'x_allowed', xAllowed, 0);
  requireOpenUnit('rareFailureCertifyN', 'confidence', confidence);
  const alpha = 1 - confidence;
  const ok = (n: number): boolean => binomialCdf(xAllowed, n, pMax) <= alpha;
  let lo = xAllowed; // cdf = 1 > α here
  let hi = Math.max(xAllowed + 1, Math.ceil(Math.log(alpha) / Math.log1p(-pMax)));
  while (!ok(hi)) {
    if (hi >= SEARCH_LIMIT) return undefinedBecause(`more than ${SEARCH_LIMIT.toExponential(0)} items would be needed to certify ${pMax} with ${xAllowed} failures allowed`);
    lo = hi;
    hi = Math.min(SEARCH_LIMIT, hi * 2);
  }
  while (hi - lo > 1) {
    const mid = Math.floor(lo + (hi - lo) / 2);
    if (ok(mid)) hi = mid;
    else lo = mid;
  }
  const n = hi;
  return defined({
    n,
    binomCdfAtN: binomialCdf(xAllowed, n, pMax),
    binomCdfAtNMinus1: binomialCdf(xAllowed, n - 1, pMax),
    upperBoundAtN: oneSidedUpperBound(xAllowed, n, confidence),
    upperBoundAtNMinus1: oneSidedUpperBound(xAllowed, n - 1, confidence),
    expectedFailuresAtN: n * pMax,
  });
}
