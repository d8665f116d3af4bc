// Per-cohort gates tested together: Bonferroni and Holm levels across k cohorts at family-wise α,
// and the two-proportion n per group (pooled normal formula, two-sided) at each level:
//   Bonferroni a = α/k; Holm thresholds α/k, α/(k − 1), …, α/1 (for the i-th smallest p-value)
//   n_raw(a) = ([z_{1−a/2}·√(2p̄(1 − p̄)) + z_β·√(p1(1 − p1) + p2(1 − p2))]/(p2 − p1))², n = ⌈n_raw⌉
//
// Reference: Bonferroni (1936); Holm (1979), Scand J Statist 6(2); n as statsmodels
// `samplesize_proportions_2indep_onetail` / R `power.prop.test` (README-v2 §8, `multiplicity_cases`).
// Rounding: ⌈·⌉ of the double value. Undefined: p1 = p2.
import { defined, undefinedBecause, type Defined } from '../types';
import { normalQuantile } from './normal';
import { Rational } from './rational';
import { requireInteger, requireOpenUnit } from './validate';

export interface Multiplicity {
  bonferroniAlpha: number;
  bonferroniAlphaExact: string;
  zAlpha2Bonferroni: number;
  holmThresholds: number[];
  holmThresholdsExact: string[];
  sizes: Defined<{
    nPerGroupUnadjusted: number;
    nRawBonferroni: number;
    nPerGroupBonferroni: number;
    nPerGroupHolmSteps: number[];
    nTotalAllCohortsBonferroni: number;
  }>;
}

/** Pooled two-proportion n_raw per group at two-sided level a. */
function pooledRaw(p1: number, p2: number, a: number, power: number): number {
  const pbar = (p1 + p2) / 2;
  const za = normalQuantile(1 - a / 2);
  const zb = normalQuantile(power);
  return ((za * Math.sqrt(2 * pbar * (1 - pbar)) + zb * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))) / (p2 - p1)) ** 2;
}

/**
 * Bonferroni / Holm levels for k cohorts and the per-group n each implies for p1 → p2.
 * @throws {RangeError} for α, power or rates outside (0,1), or k not a positive integer.
 */
export function multiplicity(alpha: number, k: number, p1: number, p2: number, power = 0.8): Multiplicity {
  requireOpenUnit('multiplicity', 'alpha', alpha);
  requireInteger('multiplicity', 'k_cohorts', k, 1);
  requireOpenUnit('multiplicity', 'p1', p1);
  requireOpenUnit('multiplicity', 'p2', p2);
  requireOpenUnit('multiplicity', 'power', power);
  const ra = Rational.from(alpha);
  const holm = Array.from({ length: k }, (_, i) => ra.div(new Rational(BigInt(k - i))));
  const levels = holm.map((h) => h.toNumber());
  const base = {
    bonferroniAlpha: levels[0]!,
    bonferroniAlphaExact: holm[0]!.toDecimalString(),
    zAlpha2Bonferroni: normalQuantile(1 - levels[0]! / 2),
    holmThresholds: levels,
    holmThresholdsExact: holm.map((h) => h.toDecimalString()),
  };
  if (p1 === p2) return { ...base, sizes: undefinedBecause('p1 = p2: no finite n detects a zero difference') };
  const rawB = pooledRaw(p1, p2, levels[0]!, power);
  const nB = Math.ceil(rawB);
  return {
    ...base,
    sizes: defined({
      nPerGroupUnadjusted: Math.ceil(pooledRaw(p1, p2, alpha, power)),
      nRawBonferroni: rawB,
      nPerGroupBonferroni: nB,
      nPerGroupHolmSteps: levels.map((a) => Math.ceil(pooledRaw(p1, p2, a, power))),
      nTotalAllCohortsBonferroni: 2 * k * nB,
    }),
  };
}

/**
 * Holm's step-down decisions for k p-values at family-wise α: sorted ascending, the i-th is
 * compared with α/(k − i); testing stops at the first that fails. Returns rejections in input order.
 */
export function holmRejections(pValues: readonly number[], alpha: number): boolean[] {
  const order = pValues.map((p, i) => [p, i] as const).sort((a, b) => a[0] - b[0]);
  const out = pValues.map(() => false);
  for (let i = 0; i < order.length; i++) {
    if (order[i]![0] > alpha / (order.length - i)) break;
    out[order[i]![1]] = true;
  }
  return out;
}
