// Observations until the anytime-valid confidence sequence (confidenceSequence.ts) is no wider
// than ∓h: the smallest integer t ≥ 1 with radius(t) ≤ h. radius decreases strictly in t, so
// t_min = ⌈t_raw⌉ with radius(t_raw) = h, found by bisection on real t (bracket doubled from
// t_opt, at most to 1e12 — beyond that the answer is reported, not searched), then checked at the
// integers t_min and t_min − 1. For comparison the fixed-n size ⌈(z·σ/h)²⌉.
//
// Reference: Howard et al. (2021); confseq (README-v2 §9, `min_t_cases`). t_raw in the reference is
// the exact (50-digit) root; bisection reaches it to double precision. Undefined: h ≤ 0, or t > 1e12.
import { defined, undefinedBecause, type Defined } from '../types';
import { mixtureRadius, mixtureRho, type ConfidenceSequenceInput } from './confidenceSequence';
import { zFromConfidence } from './normal';
import { bisectRoot } from './solve';
import { requireFinite, requireOpenUnit, requirePositive } from './validate';

const LIMIT = 1e12;

export interface ConfidenceSequenceMinT {
  tRaw: number;
  tMin: number;
  radiusAtTMin: number;
  radiusAtTMinMinus1: number | null;
  fixedNMin: number;
}

/**
 * Smallest t with radius(t) ≤ h.
 * @throws {RangeError} for σ ≤ 0, α outside (0,1) or t_opt ≤ 0.
 */
export function confidenceSequenceMinT(input: ConfidenceSequenceInput, h: number): Defined<ConfidenceSequenceMinT> {
  const { sigma = 0.5, alpha = 0.05, tOpt } = input;
  requirePositive('confidenceSequenceMinT', 'sigma', sigma);
  requireOpenUnit('confidenceSequenceMinT', 'alpha', alpha);
  requirePositive('confidenceSequenceMinT', 't_opt', tOpt);
  requireFinite('confidenceSequenceMinT', 'h', h);
  if (!(h > 0)) return undefinedBecause(`half-width h = ${h} must be positive`);
  const rho = mixtureRho(tOpt, sigma, alpha);
  const f = (t: number): number => mixtureRadius(t, sigma, alpha, rho) - h;
  const fixedNMin = Math.ceil(((zFromConfidence(1 - alpha) * sigma) / h) ** 2);
  let hi = Math.max(1, tOpt);
  while (f(hi) > 0) {
    if (hi >= LIMIT) return undefinedBecause(`more than ${LIMIT.toExponential(0)} observations would be needed for ±${h}`);
    hi = Math.min(LIMIT, hi * 2);
  }
  const tRaw = f(Number.MIN_VALUE) <= 0 ? 0 : bisectRoot(f, Number.MIN_VALUE, hi, 'confidenceSequenceMinT');
  let tMin = Math.max(1, Math.ceil(tRaw));
  if (f(tMin) > 0) tMin += 1;
  else if (tMin > 1 && f(tMin - 1) <= 0) tMin -= 1;
  return defined({
    tRaw,
    tMin,
    radiusAtTMin: mixtureRadius(tMin, sigma, alpha, rho),
    radiusAtTMinMinus1: tMin > 1 ? mixtureRadius(tMin - 1, sigma, alpha, rho) : null,
    fixedNMin,
  });
}
