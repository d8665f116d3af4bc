// Fisher-z confidence interval for a correlation (Bonett–Wright factor for Spearman / Kendall):
//   z_r = atanh(r), se_z = c/√(n − b), [tanh(z_r − z·se_z), tanh(z_r + z·se_z)], z = Φ⁻¹(1 − α/2)
//
// Reference: Fisher (1921); Bonett & Wright (2000), Psychometrika 65(1); R presize::prec_cor
// (README-v2 §5, `cases`). Rounding: none.
// Undefined: |r| = 1 (atanh is infinite) or n ≤ b (no degrees of freedom).
import { defined, undefinedBecause, type Defined } from '../types';
import { correlationFactor, type CorrelationMethod } from './correlationFactor';
import { zFromConfidence } from './normal';
import { requireFinite, requireOpenUnit } from './validate';

export interface CorrelationCi {
  c: number;
  b: number;
  zR: number;
  seZ: number;
  lower: number;
  upper: number;
  width: number;
}

/**
 * Fisher-z CI on a correlation r from n pairs.
 * @throws {RangeError} when r is outside [−1, 1] or confidence outside (0,1).
 */
export function correlationCi(method: CorrelationMethod, r: number, n: number, confidence = 0.95): Defined<CorrelationCi> {
  requireFinite('correlationCi', 'r', r);
  requireFinite('correlationCi', 'n', n);
  requireOpenUnit('correlationCi', 'confidence', confidence);
  if (Math.abs(r) > 1) throw new RangeError(`correlationCi: r must lie in [−1, 1], got ${r}`);
  const { c, b } = correlationFactor(method, r);
  if (Math.abs(r) === 1) return undefinedBecause(`|r| = 1: the Fisher z of a perfect correlation is infinite`);
  if (n <= b) return undefinedBecause(`n = ${n} pairs is not above ${b}: the ${method} interval needs at least ${b + 1}`);
  const zR = Math.atanh(r);
  const seZ = c / Math.sqrt(n - b);
  const zc = zFromConfidence(confidence);
  const lower = Math.tanh(zR - zc * seZ);
  const upper = Math.tanh(zR + zc * seZ);
  return defined({ c, b, zR, seZ, lower, upper, width: upper - lower });
}
