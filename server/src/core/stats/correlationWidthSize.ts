// Smallest number of pairs whose Fisher-z CI on a correlation (planning value r) has full width
// upper − lower ≤ w. The width decreases strictly in n, and has a closed-form inverse:
//   Z = atanh(r), y = [w²·cosh(2Z) + 2√(4 + w²·sinh²(2Z))]/(4 − w²), A* = acosh(y)/2
//   n_raw = b + (c·z/A*)², n_min = max(b + 1, ⌈n_raw⌉)
// (tanh(Z + A) − tanh(Z − A) = w solved for the half-width A on the z scale.)
//
// Reference: Bonett & Wright (2000); R presize::prec_cor solves the same equation with uniroot, so
// its n is a root-finder's approximation of this exact root (README-v2 §5, `width_cases`).
// Rounding: ⌈·⌉, re-checked against the width at the integer (no search).
// Undefined: |r| = 1 (the width is 0 at every n).
import { defined, undefinedBecause, type Defined } from '../types';
import { correlationCi, type CorrelationCi } from './correlationCi';
import { correlationFactor, type CorrelationMethod } from './correlationFactor';
import { zFromConfidence } from './normal';
import { requireFinite, requireOpenUnit } from './validate';

export interface CorrelationWidthSize {
  c: number;
  b: number;
  nRaw: number;
  nMin: number;
  ciAtNMin: CorrelationCi;
  /** Width at n_min − 1, null when n_min − 1 ≤ b. */
  widthAtNMinMinus1: number | null;
}

/**
 * Pairs needed for a CI of full width ≤ `width` at planning correlation r.
 * @throws {RangeError} when width is not in (0, 2), r outside [−1, 1], or confidence outside (0,1).
 */
export function correlationWidthSize(method: CorrelationMethod, r: number, width: number, confidence = 0.95): Defined<CorrelationWidthSize> {
  requireFinite('correlationWidthSize', 'r', r);
  if (Math.abs(r) > 1) throw new RangeError(`correlationWidthSize: r must lie in [−1, 1], got ${r}`);
  requireFinite('correlationWidthSize', 'width', width);
  if (!(width > 0 && width < 2)) throw new RangeError(`correlationWidthSize: width must lie strictly between 0 and 2, got ${width}`);
  requireOpenUnit('correlationWidthSize', 'confidence', confidence);
  if (Math.abs(r) === 1) return undefinedBecause('|r| = 1: a perfect correlation has a zero-width interval at every n');
  const { c, b } = correlationFactor(method, r);
  const Z = Math.atanh(r);
  const w2 = width * width;
  const y = (w2 * Math.cosh(2 * Z) + 2 * Math.sqrt(4 + w2 * Math.sinh(2 * Z) ** 2)) / (4 - w2);
  const aStar = Math.acosh(y) / 2;
  const zc = zFromConfidence(confidence);
  const nRaw = b + ((c * zc) / aStar) ** 2;
  let nMin = Math.max(b + 1, Math.ceil(nRaw));
  const widthAt = (n: number): number => {
    const ci = correlationCi(method, r, n, confidence);
    return ci.defined ? ci.value.width : Number.POSITIVE_INFINITY;
  };
  // Guard the ceiling against one ulp of error in acosh (at most one step either way).
  if (widthAt(nMin) > width) nMin += 1;
  else if (nMin - 1 > b && widthAt(nMin - 1) <= width) nMin -= 1;
  const ci = correlationCi(method, r, nMin, confidence);
  if (!ci.defined) return ci;
  return defined({ c, b, nRaw, nMin, ciAtNMin: ci.value, widthAtNMinMinus1: nMin - 1 > b ? widthAt(nMin - 1) : null });
}
