// Anytime-valid confidence sequence for a pass rate watched run after run: the two-sided
// normal-mixture boundary (sub-Gaussian, σ = 0.5 for pass/fail), tuned for t_opt observations:
//   L = ln(1/α), ρ = t_opt·σ²/(2L + ln(1 + 2L))
//   radius(t) = √((tσ² + ρ)·(ln(1 + tσ²/ρ) + 2L)) / t
// mean_t ∓ radius(t) covers the true rate at every t simultaneously with probability ≥ 1 − α, so it
// may be re-checked after every run. The fixed-n radius z·σ/√t is valid only at one pre-set t.
//
// Reference: Howard, Ramdas, McAuliffe & Sekhon (2021), "Time-uniform, nonparametric,
// nonasymptotic confidence sequences", Ann. Statist. 49(2), eq. (14); confseq
// `normal_mixture_bound(..., is_one_sided=false)` with `best_rho` (README-v2 §9, `cases`).
// Rounding: none. Undefined: t ≤ 0.
import { defined, undefinedBecause, type Defined } from '../types';
import { zFromConfidence } from './normal';
import { requireOpenUnit, requirePositive } from './validate';

export interface ConfidenceSequenceInput {
  /** Sub-Gaussian scale: 0.5 for a pass/fail outcome. */
  sigma?: number;
  alpha?: number;
  /** Observations the boundary is tuned for (it is tightest near there). */
  tOpt: number;
}

export interface ConfidenceSequenceRadius {
  rho: number;
  radius: number;
  fixedNRadius: number;
  ratioToFixedN: number;
}

/** The mixture parameter ρ of confseq's best_rho. */
export function mixtureRho(tOpt: number, sigma: number, alpha: number): number {
  const L = Math.log(1 / alpha);
  return (tOpt * sigma * sigma) / (2 * L + Math.log1p(2 * L));
}

/** radius(t) for a given ρ (any real t > 0). */
export function mixtureRadius(t: number, sigma: number, alpha: number, rho: number): number {
  const v = t * sigma * sigma;
  return Math.sqrt((v + rho) * (Math.log1p(v / rho) + 2 * Math.log(1 / alpha))) / t;
}

/**
 * Half-width of the anytime-valid confidence sequence after t observations.
 * @throws {RangeError} for σ ≤ 0, α outside (0,1) or t_opt ≤ 0.
 */
export function confidenceSequence(input: ConfidenceSequenceInput, t: number): Defined<ConfidenceSequenceRadius> {
  const { sigma = 0.5, alpha = 0.05, tOpt } = input;
  requirePositive('confidenceSequence', 'sigma', sigma);
  requireOpenUnit('confidenceSequence', 'alpha', alpha);
  requirePositive('confidenceSequence', 't_opt', tOpt);
  if (!(t > 0)) return undefinedBecause(`t = ${t}: a confidence sequence needs at least one observation`);
  const rho = mixtureRho(tOpt, sigma, alpha);
  const radius = mixtureRadius(t, sigma, alpha, rho);
  const fixed = (zFromConfidence(1 - alpha) * sigma) / Math.sqrt(t);
  return defined({ rho, radius, fixedNRadius: fixed, ratioToFixedN: radius / fixed });
}
