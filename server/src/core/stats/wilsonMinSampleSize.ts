// The smallest n whose Wilson interval half-width is at most h when the observed rate is p
// (count = p·n, fractional counts allowed: the planning convention of the reference's
// `wilson_min_n_cases`, statsmodels `proportion_confint(method='wilson')`).
//
// Reference: Wilson (1927); Brown, Cai & DasGupta (2001). The Wilson half-width at rate p,
//   w(n) = z·√(n·p(1−p) + z²/4) / (n + z²),
// is strictly decreasing in n for every p (d ln w/dn has the sign of −p(1−p)·n − z²(½ − p(1−p)) < 0),
// so w(n) ≤ h has a threshold solution: n* is the positive root of
//   h²n² + z²(2h² − p(1−p))·n + z⁴(h² − ¼) = 0.
// The answer is ⌈n*⌉, then corrected by stepping ±1 with the half-width evaluated exactly as
// statsmodels does, so float noise at the boundary cannot make it differ from a search upward from 1.
//
// Beyond 10^12 (sampleSizeBound.ts) n is the root n* itself, rounded up, and `beyond` is set: no
// stepping happens there (steps of 1 at n ~ 10^18 are below one ulp).
//
// Rounding: n is an integer, the smallest with w(n) ≤ h in double arithmetic.
import { zFromConfidence } from './normal';
import { beyondSearch, largeSampleHalfWidth, MAX_CORRECTION_STEPS, requireFiniteSize } from './sampleSizeBound';
import { requireOpenUnit } from './validate';
import { wilsonBounds } from './wilsonInterval';

export interface MinimumSampleSize {
  /** Smallest n meeting the target. */
  n: number;
  /** Half-width (upper − lower)/2 at n (≤ h). */
  halfWidthAtN: number;
  /** Half-width at n − 1 (> h); undefined when n = 1. */
  halfWidthAtNMinus1: number | undefined;
  /** ⌈z²p(1−p)/h²⌉ with the exact z: the Wald size, for comparison. */
  waldN: number;
  /** Set when n is past 10^12: n is then the closed-form estimate, not a searched threshold. */
  beyond?: true;
  /** Set when n is an estimate from another method (Clopper-Pearson past 10^9 reports Wilson's n). */
  estimated?: true;
}

function wilsonHalfWidth(p: number, n: number, z: number): number {
  const [lo, hi] = wilsonBounds(p, n, z);
  return (hi - lo) / 2;
}

/**
 * Smallest n with Wilson half-width ≤ halfWidth at observed rate p.
 * @throws {RangeError} when p or halfWidth is not strictly between 0 and 1, or confidence outside (0,1).
 */
export function wilsonMinSampleSize(p: number, halfWidth: number, confidence = 0.95): MinimumSampleSize {
  requireOpenUnit('wilsonMinSampleSize', 'p', p);
  requireOpenUnit('wilsonMinSampleSize', 'halfWidth', halfWidth);
  requireOpenUnit('wilsonMinSampleSize', 'confidence', confidence);
  const z = zFromConfidence(confidence);
  const h = halfWidth;
  const pq = p * (1 - p);
  const z2 = z * z;
  const a = h * h;
  const b = z2 * (2 * h * h - pq);
  const c = z2 * z2 * (h * h - 0.25);
  const waldRaw = (z2 * pq) / (h * h);
  requireFiniteSize('wilsonMinSampleSize', waldRaw, `halfWidth ${h}`);
  const root = (-b + Math.sqrt(b * b - 4 * a * c)) / (2 * a);
  const waldN = Math.ceil(waldRaw);
  if (beyondSearch(Number.isFinite(root) ? root : waldRaw)) {
    const n = Math.ceil(Number.isFinite(root) ? root : waldRaw);
    return { n, halfWidthAtN: largeSampleHalfWidth(p, n, z), halfWidthAtNMinus1: undefined, waldN, beyond: true };
  }
  let n = Math.max(1, Math.ceil(Number.isFinite(root) ? root : 1));
  let steps = 0;
  const step = () => {
    if (++steps > MAX_CORRECTION_STEPS) throw new RangeError(`wilsonMinSampleSize: no threshold near n = ${n} for half-width ${h} at p ${p}`);
  };
  while (n > 1 && wilsonHalfWidth(p, n - 1, z) <= h) (step(), n--);
  while (wilsonHalfWidth(p, n, z) > h) (step(), n++);
  return {
    n,
    halfWidthAtN: wilsonHalfWidth(p, n, z),
    halfWidthAtNMinus1: n > 1 ? wilsonHalfWidth(p, n - 1, z) : undefined,
    waldN,
  };
}
