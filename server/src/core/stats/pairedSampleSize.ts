// Items needed to compare two models on the SAME items (McNemar test, two-sided), Connor (1987):
//   δ = p2 − p1, ψ = P(the two models disagree on an item)
//   n_raw = [z_{α/2}·√ψ + z_β·√(ψ − δ²)]² / δ²,  n = ⌈n_raw⌉ items, each scored by both models
// beside the independent-groups n it replaces (pooled normal formula, per group, 2 groups):
//   n_ind_raw = ([z_{α/2}·√(2p̄(1 − p̄)) + z_β·√(p1(1 − p1) + p2(1 − p2))]/δ)²,  p̄ = (p1 + p2)/2
//
// Reference: Connor (1987), "Sample size for testing differences in proportions for the
// paired-sample design", Biometrics 43(1):207–211; independent n as statsmodels 0.13.5
// `samplesize_proportions_2indep_onetail` / R `power.prop.test` (README-v2 §2).
//
// Rounding: ⌈·⌉ of the double value; the reference guarantees every raw n is ≥ 2.3e-4 from an
// integer, far above double error. Undefined: δ = 0 (no finite n); ψ < |δ| or
// ψ > min(p1 + p2, 2 − p1 − p2) (a cell probability would be negative: no such pair of models).
import { defined, undefinedBecause, type Defined } from '../types';
import { normalQuantile } from './normal';
import { Rational } from './rational';
import { requireOpenUnit, requireClosedUnit } from './validate';

export interface PairedSampleSizeInput {
  p1: number;
  p2: number;
  /** Discordance ψ: the probability that the two models disagree on an item. */
  psi: number;
  alpha?: number;
  power?: number;
}

export interface PairedSampleSize {
  delta: number;
  deltaExact: string;
  pAPassBFail: number;
  pAFailBPass: number;
  zAlpha2: number;
  zBeta: number;
  nRaw: Defined<number>;
  n: Defined<number>;
  nIndependentRaw: Defined<number>;
  nIndependentPerGroup: Defined<number>;
  nIndependentTotal: Defined<number>;
  pairedOverIndependentTotal: Defined<number>;
  psiIfIndependent: number;
  psiIfIndependentExact: string;
}

/**
 * Connor (1987) paired n for p1 → p2 with discordance psi, beside the independent-groups n.
 * @throws {RangeError} when a rate is outside its domain.
 */
export function pairedSampleSize(input: PairedSampleSizeInput): PairedSampleSize {
  const { p1, p2, psi, alpha = 0.05, power = 0.8 } = input;
  requireOpenUnit('pairedSampleSize', 'p1', p1);
  requireOpenUnit('pairedSampleSize', 'p2', p2);
  requireClosedUnit('pairedSampleSize', 'discordance', psi);
  requireOpenUnit('pairedSampleSize', 'alpha', alpha);
  requireOpenUnit('pairedSampleSize', 'power', power);
  const r1 = Rational.from(p1);
  const r2 = Rational.from(p2);
  const one = new Rational(1n);
  const deltaR = r2.sub(r1);
  const delta = deltaR.toNumber();
  const zAlpha2 = normalQuantile(1 - alpha / 2);
  const zBeta = normalQuantile(power);
  const indep = independentN(p1, p2, delta, zAlpha2, zBeta);
  const paired = connorN(p1, p2, psi, delta, zAlpha2, zBeta);
  const psiInd = r1.mul(one.sub(r2)).add(r2.mul(one.sub(r1)));
  const ratio =
    paired.defined && indep.defined ? defined(paired.value.n / (2 * indep.value.perGroup)) : undefinedBecause<number>(paired.defined ? 'no independent-groups n' : paired.reason);
  return {
    delta,
    deltaExact: deltaR.toDecimalString(),
    pAPassBFail: (psi - delta) / 2,
    pAFailBPass: (psi + delta) / 2,
    zAlpha2,
    zBeta,
    nRaw: mapDefined(paired, (v) => v.raw),
    n: mapDefined(paired, (v) => v.n),
    nIndependentRaw: mapDefined(indep, (v) => v.raw),
    nIndependentPerGroup: mapDefined(indep, (v) => v.perGroup),
    nIndependentTotal: mapDefined(indep, (v) => 2 * v.perGroup),
    pairedOverIndependentTotal: ratio,
    psiIfIndependent: psiInd.toNumber(),
    psiIfIndependentExact: psiInd.toDecimalString(),
  };
}

function mapDefined<T, U>(d: Defined<T>, f: (v: T) => U): Defined<U> {
  return d.defined ? defined(f(d.value)) : d;
}

function connorN(p1: number, p2: number, psi: number, delta: number, zA: number, zB: number): Defined<{ raw: number; n: number }> {
  if (delta === 0) return undefinedBecause('p1 = p2: no finite number of items detects a zero difference');
  if (psi < Math.abs(delta)) return undefinedBecause(`discordance ${psi} is below |p2 − p1| = ${Math.abs(delta)}: a discordant-cell probability would be negative (impossible design)`);
  if (psi > Math.min(p1 + p2, 2 - p1 - p2)) {
    return undefinedBecause(`discordance ${psi} exceeds min(p1 + p2, 2 − p1 − p2): a concordant-cell probability would be negative (impossible design)`);
  }
  const raw = (zA * Math.sqrt(psi) + zB * Math.sqrt(psi - delta * delta)) ** 2 / (delta * delta);
  return defined({ raw, n: Math.ceil(raw) });
}

function independentN(p1: number, p2: number, delta: number, zA: number, zB: number): Defined<{ raw: number; perGroup: number }> {
  if (delta === 0) return undefinedBecause('p1 = p2: no finite number of items detects a zero difference');
  const pbar = (p1 + p2) / 2;
  const raw = ((zA * Math.sqrt(2 * pbar * (1 - pbar)) + zB * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))) / delta) ** 2;
  return defined({ raw, perGroup: Math.ceil(raw) });
}
