// Error rates of a calibration gate "block when the observed correlation < threshold" at n pairs,
// on the Fisher z scale with the variance at the TRUE correlation:
//   se_z = c(ρ)/√(n − b), z_score = (atanh(threshold) − atanh(ρ))/se_z, P(block) = Φ(z_score)
// For ρ ≥ threshold P(block) is the false-block rate; for ρ < threshold it is the power to block.
//
// Reference: Fisher (1921); Bonett & Wright (2000) factor c (README-v2 §5, `gate_cases`).
// Rounding: none. Undefined: n ≤ b, or |ρ| = 1 / |threshold| = 1 (infinite z).
import { defined, undefinedBecause, type Defined } from '../types';
import { correlationFactor, type CorrelationMethod } from './correlationFactor';
import { normalCdf } from './normal';
import { requireFinite } from './validate';

export interface CorrelationGate {
  c: number;
  b: number;
  seZ: number;
  zScore: number;
  pBlock: number;
  pPass: number;
}

/**
 * P(block | true ρ) for the gate "block when ρ̂ < threshold" at n pairs.
 * @throws {RangeError} when ρ or the threshold is outside [−1, 1].
 */
export function correlationGate(method: CorrelationMethod, n: number, rhoTrue: number, threshold: number): Defined<CorrelationGate> {
  requireFinite('correlationGate', 'n', n);
  for (const [name, v] of [['rho', rhoTrue], ['threshold', threshold]] as const) {
    requireFinite('correlationGate', name, v);
    if (Math.abs(v) > 1) throw new RangeError(`correlationGate: ${name} must lie in [−1, 1], got ${v}`);
  }
  const { c, b } = correlationFactor(method, rhoTrue);
  if (n <= b) return undefinedBecause(`n = ${n} pairs is not above ${b}: the Fisher-z standard error is undefined`);
  if (Math.abs(rhoTrue) === 1 || Math.abs(threshold) === 1) return undefinedBecause('a correlation of ±1 has an infinite Fisher z');
  const seZ = c / Math.sqrt(n - b);
  const zScore = (Math.atanh(threshold) - Math.atanh(rhoTrue)) / seZ;
  return defined({ c, b, seZ, zScore, pBlock: normalCdf(zScore), pPass: normalCdf(-zScore) });
}
