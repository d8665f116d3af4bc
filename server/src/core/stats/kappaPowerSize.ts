// Subjects needed to reject κ = kappa0 when κ = kappa1 with the given power (two raters, binary):
// kappaSize::PowerBinary with the non-centrality solved EXACTLY.
//   chi_crit = χ²₁ quantile at 1 − α; λ solves P(χ²₁(λ) > chi_crit) = power, i.e. with s = √λ:
//   Φ(√crit − s) − Φ(−√crit − s) = 1 − power   (strictly decreasing in s: bisection on [0, √crit + 40])
//   x2 = Σ (P_i(κ1) − P_i(κ0))²/P_i(κ0) (denominator at κ0), n_raw = λ/x2, n = ⌈n_raw⌉
//
// Reference: Donner & Eliasziw (1992); kappaSize 1.2 PowerBinary (README-v2 §6,
// `power_size_cases`). kappaSize's own `.hichi` bisection stops at |Δ| ≤ 1e-5, so its λ is a
// root-finder's approximation (`library_kappasize_*`, informational); this returns the exact root.
// Rounding: ⌈·⌉ of the double quotient. Undefined: κ0 or κ1 outside (0,1) (kappaSize stops);
// κ1 = κ0 (x2 = 0, infinite n).
import { defined, undefinedBecause, type Defined } from '../types';
import { kappaChiSquarePerSubject } from './kappaModel';
import { normalCdf, normalQuantile } from './normal';
import { Rational } from './rational';
import { bisectRoot } from './solve';
import { requireFinite, requireOpenUnit } from './validate';

export interface KappaPowerSize {
  chiCrit: number;
  lambda: Defined<number>;
  x2PerSubject: Defined<number>;
  x2PerSubjectExact: Defined<string>;
  nRaw: Defined<number>;
  n: Defined<number>;
}

/** Non-centrality λ of χ²₁ with P(χ²₁(λ) > crit) = power (exact root, bounded bisection). */
export function noncentralityForPower(crit: number, power: number): number {
  const c = Math.sqrt(crit);
  const f = (s: number): number => normalCdf(c - s) - normalCdf(-c - s) - (1 - power);
  const s = bisectRoot(f, 0, c + 40, 'noncentralityForPower');
  return s * s;
}

/**
 * kappaSize PowerBinary for two raters.
 * @throws {RangeError} for non-numeric inputs, alpha or power outside (0, 1).
 */
export function kappaPowerSize(kappa0: number, kappa1: number, prevalence: number, alpha = 0.05, power = 0.8): KappaPowerSize {
  requireFinite('kappaPowerSize', 'kappa0', kappa0);
  requireFinite('kappaPowerSize', 'kappa1', kappa1);
  requireFinite('kappaPowerSize', 'prevalence', prevalence);
  requireOpenUnit('kappaPowerSize', 'alpha', alpha);
  requireOpenUnit('kappaPowerSize', 'power', power);
  const z = normalQuantile(1 - alpha / 2);
  const chiCrit = z * z;
  const invalid =
    !(kappa0 > 0 && kappa0 < 1 && kappa1 > 0 && kappa1 < 1)
      ? 'kappa0 and kappa1 must lie strictly between 0 and 1 (kappaSize stops with an error)'
      : !(prevalence > 0 && prevalence < 1)
        ? `prevalence ${prevalence} must lie strictly between 0 and 1`
        : undefined;
  if (invalid) {
    const u = undefinedBecause<never>(invalid);
    return { chiCrit, lambda: u, x2PerSubject: u, x2PerSubjectExact: u, nRaw: u, n: u };
  }
  const lambda = noncentralityForPower(chiCrit, power);
  const x2 = kappaChiSquarePerSubject(Rational.from(kappa1), Rational.from(kappa0), Rational.from(prevalence));
  const base = { chiCrit, lambda: defined(lambda), x2PerSubject: defined(x2.toNumber()), x2PerSubjectExact: defined(x2.toDecimalString()) };
  if (x2.num === 0n) {
    const u = undefinedBecause<number>('kappa1 = kappa0: no finite number of subjects detects a zero difference');
    return { ...base, nRaw: u, n: u };
  }
  const nRaw = lambda / x2.toNumber();
  return { ...base, nRaw: defined(nRaw), n: defined(Math.ceil(nRaw)) };
}
