// Planned precision of Cohen's κ for two raters on a binary label, before any data: the standard
// error κ̂ will have at n subjects when the true agreement is κ and the share of positives is p, and
// how often a batch of n falls below a threshold t.
//   Expected table under the Donner–Eliasziw model (kappaModel.ts): both positive p² + κp(1 − p),
//   each discordant cell (1 − κ)p(1 − p), both negative (1 − p)² + κp(1 − p);
//   n·Var(κ̂) is the Fleiss–Cohen–Everitt variance of that table (kappaPrecision.ts), which reduces to
//   Bloch & Kraemer's (1 − κ)[(1 − κ)(1 − 2κ) + κ(2 − κ)/(2p(1 − p))];
//   P(κ̂ < t | κ) ≈ Φ((t − κ)/SE(κ)).
// Reference: Fleiss, Cohen & Everitt (1969); Bloch & Kraemer (1989), Biometrics 45:269–287.
// Rounding: none; the per-subject variance is an exact rational of κ and p.
// Undefined: κ outside (0, 1) or p outside (0, 1) (the model's cells leave [0, 1]).
import { defined, undefinedBecause, type Defined } from '../types';
import { kappaCellProbabilities } from './kappaModel';
import { kappaPerSubjectVariance } from './kappaPrecision';
import { normalCdf, zFromConfidence } from './normal';
import { Rational } from './rational';
import { requireFinite, requireInteger } from './validate';

export interface KappaPlannedPrecision {
  n: number;
  kappa: number;
  prevalence: number;
  /** n·Var(κ̂), exact. */
  perSubjectVarianceExact: string;
  se: number;
  /** Half-width of the 95% Wald interval at n. */
  halfWidth95: number;
}

/**
 * The standard error κ̂ will have at n subjects.
 * @throws {RangeError} for a non-finite κ or p, or n not a whole number ≥ 1.
 */
export function kappaPlannedPrecision(kappa: number, prevalence: number, n: number): Defined<KappaPlannedPrecision> {
  requireFinite('kappaPlannedPrecision', 'kappa', kappa);
  requireFinite('kappaPlannedPrecision', 'prevalence', prevalence);
  requireInteger('kappaPlannedPrecision', 'n', n, 1);
  if (!(kappa > 0 && kappa < 1)) return undefinedBecause(`κ ${kappa} must lie strictly between 0 and 1`);
  if (!(prevalence > 0 && prevalence < 1)) return undefinedBecause(`prevalence ${prevalence} must lie strictly between 0 and 1`);
  const [both0, discordant, both1] = kappaCellProbabilities(Rational.from(kappa), Rational.from(prevalence));
  const half = discordant.div(new Rational(2n));
  const v = kappaPerSubjectVariance([
    [both1, half],
    [half, both0],
  ]).varK;
  const se = Math.sqrt(v.toNumber() / n);
  return defined({ n, kappa, prevalence, perSubjectVarianceExact: v.toDecimalString(), se, halfWidth95: zFromConfidence(0.95) * se });
}

/** P(κ̂ < threshold) at n subjects when the true κ is `kappa` (normal approximation). */
export function kappaBelowProbability(threshold: number, kappa: number, prevalence: number, n: number): Defined<number> {
  requireFinite('kappaBelowProbability', 'threshold', threshold);
  const plan = kappaPlannedPrecision(kappa, prevalence, n);
  if (!plan.defined) return plan;
  return defined(normalCdf((threshold - kappa) / plan.value.se));
}
