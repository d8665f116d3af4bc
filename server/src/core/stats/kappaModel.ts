// The two-rater binary κ model of Donner & Eliasziw (1992) used by kappaSize: for κ and prevalence
// p the probabilities of (both negative, one positive, both positive) are
//   P0 = (1 − p)² + κp(1 − p), P1 = 2(1 − κ)p(1 − p), P2 = p² + κp(1 − p)
// and the per-subject goodness-of-fit χ² between κa and κb (denominator at κb) is
//   x2 = Σ_i (P_i(κa) − P_i(κb))² / P_i(κb).
// Reference: Donner & Eliasziw (1992), Statistics in Medicine 11; kappaSize 1.2. Exact rationals.
import { Rational } from './rational';

export function kappaCellProbabilities(kappa: Rational, prevalence: Rational): [Rational, Rational, Rational] {
  const one = new Rational(1n);
  const q = one.sub(prevalence);
  const kpq = kappa.mul(prevalence).mul(q);
  return [q.mul(q).add(kpq), new Rational(2n).mul(one.sub(kappa)).mul(prevalence).mul(q), prevalence.mul(prevalence).add(kpq)];
}

/** Per-subject χ² of κa against κb (denominator at κb), exact. */
export function kappaChiSquarePerSubject(kappaA: Rational, kappaB: Rational, prevalence: Rational): Rational {
  const a = kappaCellProbabilities(kappaA, prevalence);
  const b = kappaCellProbabilities(kappaB, prevalence);
  let sum = new Rational(0n);
  for (let i = 0; i < 3; i++) {
    const d = a[i]!.sub(b[i]!);
    sum = sum.add(d.mul(d).div(b[i]!));
  }
  return sum;
}
