// Pairs needed to tell ρ1 from ρ0 with a one-sided Fisher-z test at level α and the given power,
// with ONE variance factor evaluated at ρ0:
//   Δz = |atanh(ρ1) − atanh(ρ0)|, n_raw = ((z_α + z_β)·c(ρ0)/Δz)² + b, n = ⌈n_raw⌉
// Alternatives for comparison: c(ρ1) throughout; z_α·c(ρ0) + z_β·c(ρ1); plain Fisher (c = 1, b = 3).
// threshold_at_n = tanh(atanh(ρ0) ± z_α·c(ρ0)/√(n − b)): the gate threshold with false-block
// rate α at ρ0 (+ when ρ1 > ρ0).
//
// Reference: Bonett & Wright (2000); Fisher (1921) (README-v2 §5, `n_detect_cases`).
// Rounding: ⌈·⌉ on the double value (the reference keeps every raw n ≥ 2.3e-4 from an integer).
// Undefined: ρ0 = ρ1 (no finite n).
import { defined, undefinedBecause, type Defined } from '../types';
import { correlationFactor, type CorrelationMethod } from './correlationFactor';
import { normalQuantile } from './normal';
import { requireFinite, requireOpenUnit } from './validate';

export interface CorrelationDetectSize {
  b: number;
  cRho0: number;
  cRho1: number;
  zAlpha: number;
  zBeta: number;
  deltaZ: number;
  nRaw: Defined<number>;
  n: Defined<number>;
  nCAtRho1: Defined<number>;
  nSeparateC: Defined<number>;
  nPlainFisher: Defined<number>;
  thresholdAtN: Defined<number>;
}

/**
 * One-sided n to tell rho1 from rho0 at level alpha with the given power.
 * @throws {RangeError} when ρ is outside (−1, 1) or alpha / power outside (0, 1).
 */
export function correlationDetectSize(method: CorrelationMethod, rho0: number, rho1: number, alpha = 0.05, power = 0.8): CorrelationDetectSize {
  for (const [name, v] of [['rho0', rho0], ['rho1', rho1]] as const) {
    requireFinite('correlationDetectSize', name, v);
    if (!(Math.abs(v) < 1)) throw new RangeError(`correlationDetectSize: ${name} must lie strictly between −1 and 1, got ${v}`);
  }
  requireOpenUnit('correlationDetectSize', 'alpha', alpha);
  requireOpenUnit('correlationDetectSize', 'power', power);
  const f0 = correlationFactor(method, rho0);
  const f1 = correlationFactor(method, rho1);
  const b = f0.b;
  const zAlpha = normalQuantile(1 - alpha);
  const zBeta = normalQuantile(power);
  const deltaZ = Math.abs(Math.atanh(rho1) - Math.atanh(rho0));
  const base = { b, cRho0: f0.c, cRho1: f1.c, zAlpha, zBeta, deltaZ };
  if (deltaZ === 0) {
    const u = undefinedBecause<number>('rho0 = rho1: no finite number of pairs tells a value from itself');
    return { ...base, nRaw: u, n: u, nCAtRho1: u, nSeparateC: u, nPlainFisher: u, thresholdAtN: u };
  }
  const nRaw = ((zAlpha + zBeta) * f0.c / deltaZ) ** 2 + b;
  const n = Math.ceil(nRaw);
  const s = rho1 > rho0 ? 1 : -1;
  return {
    ...base,
    nRaw: defined(nRaw),
    n: defined(n),
    nCAtRho1: defined(Math.ceil(((zAlpha + zBeta) * f1.c / deltaZ) ** 2 + b)),
    nSeparateC: defined(Math.ceil(((zAlpha * f0.c + zBeta * f1.c) / deltaZ) ** 2 + b)),
    nPlainFisher: defined(Math.ceil(((zAlpha + zBeta) / deltaZ) ** 2 + 3)),
    thresholdAtN: defined(Math.tanh(Math.atanh(rho0) + (s * zAlpha * f0.c) / Math.sqrt(n - b))),
  };
}
