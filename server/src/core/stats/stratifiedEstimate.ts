// Stratified (population-weighted) pass rate for cohorts sampled out of proportion:
//   p_h = x_h/n_h, p_st = Σ W_h·p_h, se_st = √(Σ W_h²·p_h(1 − p_h)/n_h), CI = p_st ∓ z·se_st
// (clipped to [0, 1], raw bounds kept), beside the naive pooled mean Σx/Σn that ignores the W_h,
// the Kish design effect of the unequal weights (Σn)·Σ W_h²/n_h and n_effective = 1/Σ(W_h²/n_h).
//
// Reference: Cochran (1977), "Sampling Techniques", ch. 5; Kish (1965) (README-v2 §8,
// `stratified_cases`). Rounding: none; p_st and the naive mean are exact rationals.
// Undefined: the W_h do not sum to exactly 1, or a stratum has n_h = 0.
import { defined, undefinedBecause, type Defined } from '../types';
import { zFromConfidence } from './normal';
import { clippedInterval, type ClippedInterval } from './pairedComparison';
import { Rational } from './rational';

export interface Stratum {
  name: string;
  /** Population share (decimal or exact string). */
  W: number | string;
  n: number;
  /** Passes (may be fractional in planning: p_h·n_h). */
  x: number | string;
}

export interface StratifiedEstimate {
  pH: number[];
  pSt: number;
  pStExact: string;
  seSt: number;
  ci95HalfWidth: number;
  ci95: ClippedInterval;
  naiveMean: number;
  naiveMeanExact: string;
  naiveSe: number;
  kishDeff: number;
  nEffective: number;
}

/**
 * Population-weighted pass rate across strata.
 * @throws {RangeError} for shares or counts that are not decimal numbers.
 */
export function stratifiedEstimate(strata: readonly Stratum[], confidence = 0.95): Defined<StratifiedEstimate> {
  if (strata.length === 0) return undefinedBecause('no strata');
  const W = strata.map((s) => Rational.from(s.W));
  const x = strata.map((s) => Rational.from(s.x));
  const total = W.reduce((a, b) => a.add(b), new Rational(0n));
  if (!(total.num === 1n && total.den === 1n)) return undefinedBecause(`the population shares W_h sum to ${total.toDecimalString(6, true)}, not exactly 1`);
  if (strata.some((s) => !(s.n > 0))) return undefinedBecause('every stratum needs n_h > 0 labelled items');
  const p = strata.map((s, i) => x[i]!.div(new Rational(BigInt(s.n))));
  const pSt = p.reduce((acc, ph, i) => acc.add(W[i]!.mul(ph)), new Rational(0n));
  const pn = p.map((r) => r.toNumber());
  const wn = W.map((r) => r.toNumber());
  const varSt = strata.reduce((acc, s, i) => acc + (wn[i]! ** 2 * pn[i]! * (1 - pn[i]!)) / s.n, 0);
  const sumW2overN = strata.reduce((acc, s, i) => acc + wn[i]! ** 2 / s.n, 0);
  const sumN = strata.reduce((acc, s) => acc + s.n, 0);
  const naive = x.reduce((a, b) => a.add(b), new Rational(0n)).div(new Rational(BigInt(sumN)));
  const nv = naive.toNumber();
  const seSt = Math.sqrt(varSt);
  const z = zFromConfidence(confidence);
  return defined({
    pH: pn,
    pSt: pSt.toNumber(),
    pStExact: pSt.toDecimalString(),
    seSt,
    ci95HalfWidth: z * seSt,
    ci95: clippedInterval(pSt.toNumber(), seSt, z, 0, 1),
    naiveMean: nv,
    naiveMeanExact: naive.toDecimalString(),
    naiveSe: Math.sqrt((nv * (1 - nv)) / sumN),
    kishDeff: sumN * sumW2overN,
    nEffective: 1 / sumW2overN,
  });
}
