// Items needed to certify a failure rate ≤ p_max at the given confidence when none of them fails:
//   n_raw = ln(α)/ln(1 − p_max), n = ⌈n_raw⌉ (smallest n with (1 − p_max)ⁿ ≤ α), α = 1 − confidence
// with the rule-of-three style approximation ⌈−ln(α)/p_max⌉ and the one-sided Clopper–Pearson
// upper bound 1 − α^{1/n} after n (and n − 1) clean passes.
//
// Reference: Hanley & Lippman-Hand (1983), "If nothing goes wrong, is everything all right?",
// JAMA 249(13); Clopper & Pearson (1934) (README-v2 §7, `cases`).
// Rounding: ⌈·⌉ of the double quotient (log1p keeps it accurate for small p_max; the reference keeps
// every raw n ≥ 2.3e-4 from an integer). Undefined: p_max outside (0, 1).
import { defined, undefinedBecause, type Defined } from '../types';
import { requireFinite, requireOpenUnit } from './validate';

export interface RareFailureZeroN {
  alpha: number;
  nRaw: number;
  n: number;
  nPoissonApprox: number;
  upperBoundAtN: number;
  upperBoundAtNMinus1: number | null;
}

/** One-sided exact upper bound 1 − α^{1/n} on a failure rate after n passes and no failure. */
export function zeroFailureUpperBound(n: number, alpha: number): number {
  return -Math.expm1(Math.log(alpha) / n);
}

/**
 * Zero-failure n for p_max at `confidence`.
 * @throws {RangeError} when confidence is outside (0, 1).
 */
export function rareFailureZeroN(pMax: number, confidence = 0.95): Defined<RareFailureZeroN> {
  requireFinite('rareFailureZeroN', 'p_max', pMax);
  requireOpenUnit('rareFailureZeroN', 'confidence', confidence);
  if (!(pMax > 0 && pMax < 1)) return undefinedBecause(`the failure-rate bound p_max must lie strictly between 0 and 1, got ${pMax}`);
  const alpha = 1 - confidence;
  const nRaw = Math.log(alpha) / Math.log1p(-pMax);
  const n = Math.max(1, Math.ceil(nRaw));
  return defined({
    alpha,
    nRaw,
    n,
    nPoissonApprox: Math.ceil(-Math.log(alpha) / pMax),
    upperBoundAtN: zeroFailureUpperBound(n, alpha),
    upperBoundAtNMinus1: n > 1 ? zeroFailureUpperBound(n - 1, alpha) : null,
  });
}
