// Per-group n for p1 → p2 with the unpooled (Wald) variance under both hypotheses:
//   n = (z_{α/2} + z_β)²·(p1(1−p1) + p2(1−p2)) / (p2 − p1)².
//
// Reference: the hand formula found in most online calculators (e.g. Chow, Shao & Wang 2008,
// "Sample Size Calculations in Clinical Research", §4.2); recorded by the reference as `unpooled_*`.
// Rounding: n per group = ⌈raw⌉, total = 2·n.
import { criticalValues, type PowerOptions } from './twoProportionOptions';
import { requireFiniteSize } from './sampleSizeBound';
import { requireOpenUnit } from './validate';

export interface SimpleSampleSize {
  raw: number;
  nPerGroup: number;
  total: number;
}

/**
 * Unpooled two-proportion sample size per group.
 * @throws {RangeError} when p1 or p2 is outside (0,1), p1 = p2, or alpha/power are invalid.
 */
export function unpooledSampleSize(p1: number, p2: number, options: PowerOptions = {}): SimpleSampleSize {
  requireOpenUnit('unpooledSampleSize', 'p1', p1);
  requireOpenUnit('unpooledSampleSize', 'p2', p2);
  if (p1 === p2) throw new RangeError(`unpooledSampleSize: p1 and p2 must differ, both are ${p1}`);
  const cv = criticalValues('unpooledSampleSize', options);
  const raw = ((cv.zAlpha2 + cv.zBeta) ** 2 * (p1 * (1 - p1) + p2 * (1 - p2))) / (p2 - p1) ** 2;
  requireFiniteSize('unpooledSampleSize', raw, `the change ${p1} → ${p2}`);
  const nPerGroup = Math.ceil(raw);
  return { raw, nPerGroup, total: 2 * nPerGroup };
}
