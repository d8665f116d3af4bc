// Two-proportion power on the arcsine scale (Cohen's h), equal groups, two-sided test.
//
// Power with n per group: statsmodels `NormalIndPower().power(h, n, alpha)`, which counts BOTH tails:
//   power(n) = Φ(|h|·√(n/2) − z_{α/2}) + Φ(−z_{α/2} − |h|·√(n/2)).
// Per-group n: the root of power(n) = 1 − β (statsmodels `solve_power(nobs1=None)` via brentq; here
// bisection to ~1e-15). Because the opposite tail adds a little power, that root is slightly below the
// closed form 2·((z_{α/2} + z_β)/h)² (Cohen 1988, eq. 6.3.1), which is also returned.
// Minimum detectable difference: the h solving power(h) = 1 − β at the given n, mapped back to
// p2 = sin²(asin√p1 ± h/2) in each direction.
//
// Reference: Cohen (1988), ch. 6; statsmodels 0.13.5 `NormalIndPower`, `proportion_effectsize`.
// Rounding: per-group n = ⌈raw⌉ (no epsilon); total = 2·n; achieved power is evaluated at ⌈raw⌉.
import { cohensH } from './cohensH';
import { normalCdf } from './normal';
import { beyondSearch, requireFiniteSize } from './sampleSizeBound';
import { bisectRoot, bisectRootExpanding } from './solve';
import { criticalValues, type PowerOptions } from './twoProportionOptions';
import { defined, undefinedBecause, type Defined } from '../types';
import { requireOpenUnit, requirePositive } from './validate';

/**
 * Two-sided power of the arcsine (Cohen's h) test with n per group, both tails counted.
 * @throws {RangeError} when h is not finite, n ≤ 0, or alpha outside (0,1).
 */
export function arcsinePower(h: number, nPerGroup: number, alpha = 0.05): number {
  requirePositive('arcsinePower', 'nPerGroup', nPerGroup);
  requireOpenUnit('arcsinePower', 'alpha', alpha);
  if (!Number.isFinite(h)) throw new RangeError(`arcsinePower: h must be a finite number, got ${h}`);
  const z = criticalValues('arcsinePower', { alpha, power: 0.5 }).zAlpha2;
  const shift = Math.abs(h) * Math.sqrt(nPerGroup / 2);
  return normalCdf(shift - z) + normalCdf(-z - shift);
}

export interface ArcsineSampleSize {
  /** Cohen's h = 2·asin√p2 − 2·asin√p1. */
  h: number;
  /** Root of power(n) = target, both tails counted (statsmodels solve_power). */
  raw: number;
  nPerGroup: number;
  total: number;
  /** 2·((z_{α/2} + z_β)/h)². */
  closedFormRaw: number;
  closedFormNPerGroup: number;
  /** Power at ⌈raw⌉ per group. */
  achievedPower: number;
  zAlpha2: number;
  zBeta: number;
}

/**
 * Per-group sample size to detect p1 → p2 with the arcsine test (equal groups, two-sided).
 * @throws {RangeError} when p1 or p2 is outside (0,1), p1 = p2, or alpha/power are invalid.
 */
export function arcsineSampleSize(p1: number, p2: number, options: PowerOptions = {}): ArcsineSampleSize {
  requireOpenUnit('arcsineSampleSize', 'p1', p1);
  requireOpenUnit('arcsineSampleSize', 'p2', p2);
  if (p1 === p2) throw new RangeError(`arcsineSampleSize: p1 and p2 must differ, both are ${p1}`);
  const cv = criticalValues('arcsineSampleSize', options);
  const h = cohensH(p1, p2);
  const closedFormRaw = 2 * ((cv.zAlpha2 + cv.zBeta) / h) ** 2;
  requireFiniteSize('arcsineSampleSize', closedFormRaw, `the change ${p1} → ${p2}`);
  const f = (n: number): number => arcsinePower(h, n, cv.alpha) - cv.power;
  // Past 10^12 the opposite tail's share of power is nil: the closed form is the root (sampleSizeBound.ts).
  const raw = beyondSearch(closedFormRaw) ? closedFormRaw : bisectRootExpanding(f, 1e-9, Math.max(1, closedFormRaw), 'arcsineSampleSize');
  const nPerGroup = Math.ceil(raw);
  return {
    h,
    raw,
    nPerGroup,
    total: 2 * nPerGroup,
    closedFormRaw,
    closedFormNPerGroup: Math.ceil(closedFormRaw),
    achievedPower: arcsinePower(h, nPerGroup, cv.alpha),
    zAlpha2: cv.zAlpha2,
    zBeta: cv.zBeta,
  };
}

export interface DetectableChange {
  /** The other proportion, p1 ± difference. */
  p2: number;
  /** |p2 − p1| */
  difference: number;
}

export interface ArcsineMinDetectableDifference {
  /** Smallest |h| reaching the target power with n per group. */
  h: number;
  up: Defined<DetectableChange>;
  down: Defined<DetectableChange>;
}

/**
 * Smallest change from p1, upward and downward, that the arcsine test detects with the target power
 * given n per group (statsmodels `solve_power(effect_size=None)` mapped back to proportions).
 * A direction is undefined when the required h would push p2 past 0 or 1.
 * @throws {RangeError} when p1 is outside (0,1), n ≤ 0, or alpha/power are invalid.
 */
export function arcsineMinDetectableDifference(p1: number, nPerGroup: number, options: PowerOptions = {}): ArcsineMinDetectableDifference {
  requireOpenUnit('arcsineMinDetectableDifference', 'p1', p1);
  requirePositive('arcsineMinDetectableDifference', 'nPerGroup', nPerGroup);
  const cv = criticalValues('arcsineMinDetectableDifference', options);
  const guess = (cv.zAlpha2 + cv.zBeta) * Math.sqrt(2 / nPerGroup);
  const f = (h: number): number => arcsinePower(h, nPerGroup, cv.alpha) - cv.power;
  const h = bisectRoot(f, 0, Math.max(2 * guess, 1e-6) * 2, 'arcsineMinDetectableDifference');
  const theta = Math.asin(Math.sqrt(p1));
  const side = (sign: 1 | -1): Defined<DetectableChange> => {
    const t = theta + (sign * h) / 2;
    if (t > Math.PI / 2 || t < 0) {
      return undefinedBecause(
        `no ${sign > 0 ? 'increase' : 'decrease'} from ${p1} is detectable with ${nPerGroup} per group: Cohen's h of ${h.toFixed(4)} would need a rate ${sign > 0 ? 'above 1' : 'below 0'}`,
      );
    }
    const p2 = Math.sin(t) ** 2;
    return defined({ p2, difference: Math.abs(p2 - p1) });
  };
  return { h, up: side(1), down: side(-1) };
}
