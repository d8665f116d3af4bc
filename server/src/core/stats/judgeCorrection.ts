// Judge-corrected pass rate (Rogan–Gladen) with a delta-method CI that includes the sampling
// uncertainty of all three inputs: the judge's pass rate on traffic, its sensitivity and its
// specificity (both measured on a human-labelled golden / calibration set).
//   p_obs = k/N, Se = s_pass/n_pass, Sp = s_fail/n_fail, J = Se + Sp − 1
//   θ_raw = (p_obs + Sp − 1)/J, θ = θ_raw clipped to [0, 1]
//   Var = [p_obs(1−p_obs)/N + θ_raw²·Se(1−Se)/n_pass + (1−θ_raw)²·Sp(1−Sp)/n_fail] / J²
//   CI = θ_raw ∓ z·√Var, clipped to [0, 1] (raw bounds kept)
// For comparison: the CI that treats Se/Sp as known (too narrow), epiR-style intervals (Wilson and
// Clopper–Pearson on p_obs mapped through (· + Sp − 1)/J, not clipped), and the SE without the
// p_obs term (what a golden-set-only bootstrap such as judgy's approximates).
//
// Reference: Rogan & Gladen (1978), "Estimating prevalence from the results of a screening test",
// Am J Epidemiol 107(1); delta method as in Greiner & Gardner (2000); epiR 2.0.57 `epi.prev`;
// judgy 0.1.0 `estimate_success_rate` (README-v2 §3).
//
// Rounding: none. Undefined: J ≤ 0 (the judge is no better than chance, the correction divides by
// J ≤ 0), or no human-pass / no human-fail item (Se or Sp is 0/0).
import { defined, undefinedBecause, type Defined } from '../types';
import { clopperPearsonBounds } from './clopperPearsonInterval';
import { zFromConfidence } from './normal';
import { clippedInterval, type ClippedInterval } from './pairedComparison';
import { Rational } from './rational';
import { requireCountOfN, requireInteger } from './validate';
import { wilsonBounds } from './wilsonInterval';

export interface JudgeCorrectionInput {
  /** Judge passes among N unlabelled (traffic) items. */
  k: number;
  N: number;
  /** Golden-set items a human passed, and how many of them the judge passed. */
  nPass: number;
  sPass: number;
  /** Golden-set items a human failed, and how many of them the judge failed. */
  nFail: number;
  sFail: number;
  confidence?: number;
}

export interface JudgeCorrected {
  theta: number;
  thetaRaw: number;
  thetaRawExact: string;
  clipped: 'low' | 'high' | 'none';
  seDelta: number;
  varianceComponents: { pObs: number; sensitivity: number; specificity: number };
  ci95: ClippedInterval;
  seKnownSeSp: number;
  ci95KnownSeSp: ClippedInterval;
  epirWilsonLower: number;
  epirWilsonUpper: number;
  epirCpLower: number;
  epirCpUpper: number;
  seWithoutPObsTerm: number;
}

export interface JudgeCorrection {
  pObs: number;
  sensitivity: Defined<number>;
  specificity: Defined<number>;
  youdenJ: Defined<number>;
  youdenJExact: Defined<string>;
  /** Everything from θ on; undefined when J ≤ 0 or Se / Sp is 0/0. */
  corrected: Defined<JudgeCorrected>;
}

/**
 * Rogan–Gladen corrected pass rate with a delta-method CI over p_obs, Se and Sp.
 * @throws {RangeError} for counts that are not integers or exceed their totals.
 */
export function judgeCorrection(input: JudgeCorrectionInput): JudgeCorrection {
  const { k, N, nPass, sPass, nFail, sFail, confidence = 0.95 } = input;
  requireCountOfN('judgeCorrection', k, N);
  requireInteger('judgeCorrection', 'n_pass', nPass, 0);
  requireInteger('judgeCorrection', 'n_fail', nFail, 0);
  if (nPass > 0) requireCountOfN('judgeCorrection', sPass, nPass);
  if (nFail > 0) requireCountOfN('judgeCorrection', sFail, nFail);
  const pObs = new Rational(BigInt(k), BigInt(N));
  const se = nPass > 0 ? new Rational(BigInt(sPass), BigInt(nPass)) : undefined;
  const sp = nFail > 0 ? new Rational(BigInt(sFail), BigInt(nFail)) : undefined;
  const noPass = 'the golden set has no human-pass item, so the judge sensitivity is 0/0';
  const noFail = 'the golden set has no human-fail item, so the judge specificity is 0/0';
  const j = se && sp ? se.add(sp).sub(new Rational(1n)) : undefined;
  const base = {
    pObs: pObs.toNumber(),
    sensitivity: se ? defined(se.toNumber()) : undefinedBecause<number>(noPass),
    specificity: sp ? defined(sp.toNumber()) : undefinedBecause<number>(noFail),
    youdenJ: j ? defined(j.toNumber()) : undefinedBecause<number>(se ? noFail : noPass),
    youdenJExact: j ? defined(j.toDecimalString()) : undefinedBecause<string>(se ? noFail : noPass),
  };
  if (!se || !sp || !j) return { ...base, corrected: undefinedBecause(se ? noFail : noPass) };
  if (j.num <= 0n) {
    const reason = `sensitivity + specificity = ${se.add(sp).toNumber().toFixed(4)} ≤ 1: the judge is no better than chance, so its verdicts cannot be corrected`;
    return { ...base, corrected: undefinedBecause(reason) };
  }
  return { ...base, corrected: defined(corrected(pObs, se, sp, j, { N, nPass, nFail, k }, zFromConfidence(confidence), 1 - confidence)) };
}

function corrected(
  pObsR: Rational,
  seR: Rational,
  spR: Rational,
  jR: Rational,
  sizes: { N: number; nPass: number; nFail: number; k: number },
  z: number,
  alpha: number,
): JudgeCorrected {
  const thetaR = pObsR.add(spR).sub(new Rational(1n)).div(jR);
  const [p, se, sp, j, t] = [pObsR, seR, spR, jR, thetaR].map((r) => r.toNumber()) as [number, number, number, number, number];
  const j2 = j * j;
  const comps = {
    pObs: (p * (1 - p)) / sizes.N / j2,
    sensitivity: (t * t * se * (1 - se)) / sizes.nPass / j2,
    specificity: ((1 - t) * (1 - t) * sp * (1 - sp)) / sizes.nFail / j2,
  };
  const seDelta = Math.sqrt(comps.pObs + comps.sensitivity + comps.specificity);
  const seKnown = Math.sqrt((p * (1 - p)) / sizes.N) / j;
  const map = (bound: number): number => (bound + sp - 1) / j;
  const [wl, wu] = wilsonBounds(p, sizes.N, z);
  const [cl, cu] = clopperPearsonBounds(sizes.k, sizes.N, alpha);
  return {
    theta: Math.min(1, Math.max(0, t)),
    thetaRaw: t,
    thetaRawExact: thetaR.toDecimalString(),
    clipped: t < 0 ? 'low' : t > 1 ? 'high' : 'none',
    seDelta,
    varianceComponents: comps,
    ci95: clippedInterval(t, seDelta, z, 0, 1),
    seKnownSeSp: seKnown,
    ci95KnownSeSp: clippedInterval(t, seKnown, z, 0, 1),
    epirWilsonLower: map(wl),
    epirWilsonUpper: map(wu),
    epirCpLower: map(cl),
    epirCpUpper: map(cu),
    seWithoutPObsTerm: Math.sqrt(comps.sensitivity + comps.specificity),
  };
}
