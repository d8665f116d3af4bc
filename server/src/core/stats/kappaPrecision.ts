// Cohen's κ for two raters on a binary label from a 2×2 table, with the large-sample (non-null)
// standard error of Fleiss, Cohen & Everitt (1969) and a Wald 95% CI:
//   p_ij = n_ij/n, r_i / c_j the row / column marginals, p_o = p11 + p22, p_e = r1c1 + r2c2
//   κ = (p_o − p_e)/(1 − p_e)
//   Var(κ) = [Σ_i p_ii(1 − (r_i + c_i)(1 − κ))² + (1 − κ)² Σ_{i≠j} p_ij(c_i + r_j)² − (κ − p_e(1 − κ))²]
//            / ((1 − p_e)²·n)
//   Var0(κ) = [p_e + p_e² − Σ_i r_i c_i (r_i + c_i)] / ((1 − p_e)²·n)  (under κ = 0)
//   z = κ/√Var0, p = 2Φ(−|z|); Cohen's (1960) se √(p_o(1 − p_o)/n)/(1 − p_e) for comparison.
//
// Reference: Fleiss, Cohen & Everitt (1969), Psychological Bulletin 72(5):323–327; equals
// statsmodels 0.13.5 `cohens_kappa(table).var_kappa` and R psych::cohen.kappa (README-v2 §6).
// Rounding: none; κ, p_e and both variances are exact rationals of the counts.
// Undefined: p_e = 1 (both raters constant in the same category: κ is 0/0); Var0 = 0 (one rater
// constant: z is 0/0).
import { defined, undefinedBecause, type Defined } from '../types';
import { normalCdf, zFromConfidence } from './normal';
import { clippedInterval, type ClippedInterval } from './pairedComparison';
import { Rational } from './rational';
import { requireInteger } from './validate';

export interface KappaPrecision {
  n: number;
  pO: number;
  pE: number;
  pEExact: string;
  seCohen1960: Defined<number>;
  kappa: Defined<KappaEstimate>;
}

export interface KappaEstimate {
  kappa: number;
  kappaExact: string;
  varKappa: number;
  varKappaExact: string;
  seKappa: number;
  ci95: ClippedInterval;
  varKappa0: number;
  seKappa0: number;
  zKappa0: Defined<number>;
  pValueKappa0: Defined<number>;
}

const R = (x: number): Rational => new Rational(BigInt(x));

/**
 * κ, its FCE standard error and CI, and the test of κ = 0 from [[n11, n12], [n21, n22]].
 * @throws {RangeError} for counts that are not non-negative integers or an empty table.
 */
export function kappaPrecision(table: readonly (readonly number[])[]): KappaPrecision {
  if (table.length !== 2 || table.some((row) => row.length !== 2)) throw new RangeError('kappaPrecision: the table must be 2×2');
  table.flat().forEach((v, i) => requireInteger('kappaPrecision', `cell ${i + 1}`, v, 0));
  const n = table.flat().reduce((s, v) => s + v, 0);
  requireInteger('kappaPrecision', 'n', n, 1);
  const p = table.map((row) => row.map((v) => new Rational(BigInt(v), BigInt(n))));
  const rows = [p[0]![0]!.add(p[0]![1]!), p[1]![0]!.add(p[1]![1]!)];
  const cols = [p[0]![0]!.add(p[1]![0]!), p[0]![1]!.add(p[1]![1]!)];
  const pO = p[0]![0]!.add(p[1]![1]!);
  const pE = rows[0]!.mul(cols[0]!).add(rows[1]!.mul(cols[1]!));
  const one = R(1);
  const q = one.sub(pE);
  const base = {
    n,
    pO: pO.toNumber(),
    pE: pE.toNumber(),
    pEExact: pE.toDecimalString(),
  };
  if (q.num === 0n) {
    const reason = 'both raters put every item in the same category (p_e = 1), so κ is 0/0';
    return { ...base, seCohen1960: undefinedBecause(reason), kappa: undefinedBecause(reason) };
  }
  const seCohen = Math.sqrt((pO.toNumber() * (1 - pO.toNumber())) / n) / q.toNumber();
  return { ...base, seCohen1960: defined(seCohen), kappa: defined(estimate(p, n)) };
}

/** κ and n·Var(κ̂), n·Var0(κ̂) (FCE) from a 2×2 table of proportions: exact rationals. */
export function kappaPerSubjectVariance(p: readonly (readonly Rational[])[]): { kappa: Rational; pE: Rational; varK: Rational; var0: Rational } {
  const one = R(1);
  const rows = [p[0]![0]!.add(p[0]![1]!), p[1]![0]!.add(p[1]![1]!)];
  const cols = [p[0]![0]!.add(p[1]![0]!), p[0]![1]!.add(p[1]![1]!)];
  const pO = p[0]![0]!.add(p[1]![1]!);
  const pE = rows[0]!.mul(cols[0]!).add(rows[1]!.mul(cols[1]!));
  const q = one.sub(pE);
  const k = pO.sub(pE).div(q);
  const omk = one.sub(k);
  let diag = R(0);
  let off = R(0);
  for (let i = 0; i < 2; i++) {
    for (let j = 0; j < 2; j++) {
      if (i === j) {
        const t = one.sub(rows[i]!.add(cols[i]!).mul(omk));
        diag = diag.add(p[i]![i]!.mul(t).mul(t));
      } else {
        const t = cols[i]!.add(rows[j]!);
        off = off.add(p[i]![j]!.mul(t).mul(t));
      }
    }
  }
  const last = k.sub(pE.mul(omk));
  const q2 = q.mul(q);
  const varK = diag.add(omk.mul(omk).mul(off)).sub(last.mul(last)).div(q2);
  const sumRC = rows[0]!.mul(cols[0]!).mul(rows[0]!.add(cols[0]!)).add(rows[1]!.mul(cols[1]!).mul(rows[1]!.add(cols[1]!)));
  const var0 = pE.add(pE.mul(pE)).sub(sumRC).div(q2);
  return { kappa: k, pE, varK, var0 };
}

function estimate(p: Rational[][], n: number): KappaEstimate {
  const { kappa: k, varK: varPerSubject, var0: var0PerSubject } = kappaPerSubjectVariance(p);
  const varK = varPerSubject.div(R(n));
  const var0 = var0PerSubject.div(R(n));
  const kv = k.toNumber();
  const se = Math.sqrt(Math.max(0, varK.toNumber()));
  const se0 = Math.sqrt(Math.max(0, var0.toNumber()));
  const zero0 = 'the variance under κ = 0 is 0 (one rater is constant), so z is 0/0';
  const z = var0.num === 0n ? undefinedBecause<number>(zero0) : defined(kv / se0);
  return {
    kappa: kv,
    kappaExact: k.toDecimalString(),
    varKappa: varK.toNumber(),
    varKappaExact: varK.toDecimalString(),
    seKappa: se,
    ci95: clippedInterval(kv, se, zFromConfidence(0.95), -1, 1),
    varKappa0: var0.toNumber(),
    seKappa0: se0,
    zKappa0: z,
    pValueKappa0: z.defined ? defined(2 * normalCdf(-Math.abs(z.value))) : z,
  };
}
