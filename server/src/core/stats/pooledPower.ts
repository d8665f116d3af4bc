// Two-proportion z-test with the pooled variance under the null and the unpooled variance under the
// alternative (equal groups, two-sided α), with d = p2 − p1, p̄ = (p1 + p2)/2:
//   σ0 = √(2·p̄(1−p̄)),  σ1 = √(p1(1−p1) + p2(1−p2))
//   n per group (one tail) = ((z_{α/2}·σ0 + z_β·σ1) / d)²
//   power(n) (both tails)  = Φ((−z_{α/2}σ0 + |d|√n)/σ1) + Φ((−z_{α/2}σ0 − |d|√n)/σ1)
//
// Reference: Fleiss, Levin & Paik (2003), "Statistical Methods for Rates and Proportions", 3rd ed.,
// eq. 4.14; statsmodels 0.13.5 `samplesize_proportions_2indep_onetail` (n) and
// `power_proportions_2indep` (power, opposite tail included); R `power.prop.test`.
// Minimum detectable difference: the d (up: p2 = p1 + d, down: p2 = p1 − d) that solves
// n(d) = n ("one-tail", inverts the sample-size formula, = R power.prop.test default) or
// power(d) = 1 − β ("both-tails", = R power.prop.test(strict = TRUE)), by bisection on
// (0, 1 − p1] or (0, p1]; n(d) and power(d) are monotone there for the rates a spec plans with.
//
// Rounding: per-group n = ⌈raw⌉; total = 2·n; achieved power at ⌈raw⌉.
import { defined, undefinedBecause, type Defined } from '../types';
import { normalCdf } from './normal';
import { bisectRoot } from './solve';
import { criticalValues, type CriticalValues, type PowerOptions } from './twoProportionOptions';
import { requireFiniteSize } from './sampleSizeBound';
import { requireClosedUnit, requireOpenUnit, requirePositive } from './validate';

function sigmas(p1: number, p2: number): { s0: number; s1: number } {
  const pbar = (p1 + p2) / 2;
  return { s0: Math.sqrt(2 * pbar * (1 - pbar)), s1: Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2)) };
}

function pooledRaw(p1: number, p2: number, cv: CriticalValues): number {
  const { s0, s1 } = sigmas(p1, p2);
  return (Math.max(cv.zAlpha2 * s0 + cv.zBeta * s1, 0) / (p2 - p1)) ** 2;
}

function pooledPowerAt(p1: number, p2: number, n: number, zAlpha2: number): number {
  const { s0, s1 } = sigmas(p1, p2);
  const shift = Math.abs(p2 - p1) * Math.sqrt(n);
  return normalCdf((shift - zAlpha2 * s0) / s1) + normalCdf((-zAlpha2 * s0 - shift) / s1);
}

export interface PooledSampleSize {
  raw: number;
  nPerGroup: number;
  total: number;
  /** Power (both tails) at ⌈raw⌉ per group. */
  achievedPower: number;
}

/**
 * Per-group n for p1 → p2 with the pooled-variance two-proportion z-test (one-tail formula).
 * @throws {RangeError} when p1 or p2 is outside (0,1), p1 = p2, or alpha/power are invalid.
 */
export function pooledSampleSize(p1: number, p2: number, options: PowerOptions = {}): PooledSampleSize {
  requireOpenUnit('pooledSampleSize', 'p1', p1);
  requireOpenUnit('pooledSampleSize', 'p2', p2);
  if (p1 === p2) throw new RangeError(`pooledSampleSize: p1 and p2 must differ, both are ${p1}`);
  const cv = criticalValues('pooledSampleSize', options);
  const raw = pooledRaw(p1, p2, cv);
  requireFiniteSize('pooledSampleSize', raw, `the change ${p1} → ${p2}`);
  const nPerGroup = Math.ceil(raw);
  return { raw, nPerGroup, total: 2 * nPerGroup, achievedPower: pooledPowerAt(p1, p2, nPerGroup, cv.zAlpha2) };
}

/**
 * Two-sided power of the pooled two-proportion z-test with n per group (statsmodels
 * `power_proportions_2indep`, both tails counted).
 * @throws {RangeError} when p1 or p2 is outside [0,1], n ≤ 0, or alpha outside (0,1).
 */
export function pooledPower(p1: number, p2: number, nPerGroup: number, alpha = 0.05): number {
  requireClosedUnit('pooledPower', 'p1', p1);
  requireClosedUnit('pooledPower', 'p2', p2);
  requirePositive('pooledPower', 'nPerGroup', nPerGroup);
  const cv = criticalValues('pooledPower', { alpha, power: 0.5 });
  return pooledPowerAt(p1, p2, nPerGroup, cv.zAlpha2);
}

export type PooledPowerRule = 'one-tail' | 'both-tails';

export interface PooledMinDetectableDifference {
  /** p2 = p1 + d */
  up: Defined<number>;
  /** p2 = p1 − d */
  down: Defined<number>;
  rule: PooledPowerRule;
}

/**
 * Smallest difference d from p1 (each direction) detectable with n per group by the pooled test.
 * 'one-tail' (default) solves pooledSampleSize(d) = n; 'both-tails' solves pooledPower(d) = power.
 * A direction is undefined when even p2 = 1 (or 0) is not detectable with that n.
 * @throws {RangeError} when p1 is outside (0,1), n ≤ 0, or alpha/power are invalid.
 */
export function pooledMinDetectableDifference(
  p1: number,
  nPerGroup: number,
  options: PowerOptions = {},
  rule: PooledPowerRule = 'one-tail',
): PooledMinDetectableDifference {
  requireOpenUnit('pooledMinDetectableDifference', 'p1', p1);
  requirePositive('pooledMinDetectableDifference', 'nPerGroup', nPerGroup);
  const cv = criticalValues('pooledMinDetectableDifference', options);
  const side = (sign: 1 | -1): Defined<number> => {
    const dMax = sign > 0 ? 1 - p1 : p1;
    const g =
      rule === 'one-tail'
        ? (d: number): number => nPerGroup - pooledRaw(p1, p1 + sign * d, cv)
        : (d: number): number => pooledPowerAt(p1, p1 + sign * d, nPerGroup, cv.zAlpha2) - cv.power;
    if (g(dMax) < 0) {
      return undefinedBecause(
        `no ${sign > 0 ? 'increase' : 'decrease'} from ${p1} reaches power ${cv.power} with ${nPerGroup} per group, not even to ${sign > 0 ? 1 : 0}`,
      );
    }
    return defined(bisectRoot(g, Math.min(1e-12, dMax / 2), dMax, 'pooledMinDetectableDifference'));
  };
  return { up: side(1), down: side(-1), rule };
}
