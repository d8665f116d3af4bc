// Golden-set size for a precision target: the n whose Wald half-width z·√(p(1−p)/n) equals h,
// summed over cohorts that each need that precision on their own:
//   total = ⌈ z²·p(1−p)/h² · cohorts ⌉        (multiply BEFORE the ceiling: 6147 at p=.8, h=.02, 4 cohorts, z=1.96)
//   perCohort = ⌈ z²·p(1−p)/h² ⌉             (what one cohort needs on its own)
// perCohort·cohorts (6148 in that example) can exceed total by up to cohorts − 1; both are reported.
//
// Reference: the normal-approximation sample size (e.g. Cochran 1977, "Sampling Techniques", §4.4);
// statsmodels `samplesize_confint_proportion(p, h, alpha)` × cohorts equals `raw` for the exact z.
//
// Rounding (the ceiling must be exact, because an epsilon either way moves n by one):
// * rounded z ('conventional': 1.645 / 1.96 / 2.576): computed in exact BigInt rationals from the
//   decimal strings of p, h and z, so 1.96²·0.25/0.01² is exactly 9604, never 9605.
// * exact z (Φ⁻¹, irrational): computed in doubles; if the double lands within 1e-9 (relative) of an
//   integer, the ceiling is decided again with an 80-digit z (zHighPrecision.ts) and 80-digit
//   arithmetic on the decimal p and h. (The reference vectors guarantee no raw value within 1e-6 of an
//   integer; the guard is for everything else.)
import { conventionalZ, exactZ, type CriticalValue } from './normal';
import { Rational } from './rational';
import type { ZRule } from './waldHalfWidth';
import { beyondSearch, requireFiniteSize } from './sampleSizeBound';
import { requireInteger, requireOpenUnit } from './validate';
import { HighPrecisionDecimal, zFromConfidenceHighPrecision } from './zHighPrecision';

export interface GoldenSetSizeInput {
  /** Expected pass rate, 0 < p < 1. */
  p: number;
  /** Target CI half-width (e.g. 0.02 for ±2 pp), 0 < h < 1. */
  halfWidth: number;
  /** Two-sided confidence level, default 0.95. */
  confidence?: number;
  /** Number of cohorts that each need the precision, default 1. */
  cohorts?: number;
}

export interface GoldenSetSize {
  /** ⌈raw⌉: the spec formula, multiplied by cohorts before the ceiling. */
  total: number;
  /** ⌈rawPerCohort⌉: what each cohort needs on its own. */
  perCohort: number;
  /** perCohort × cohorts: the figure you get by ceiling per cohort first (≥ total). */
  perCohortTimesCohorts: number;
  /** z²·p(1−p)/h²·cohorts before the ceiling (nearest double). */
  raw: number;
  /** z²·p(1−p)/h² before the ceiling. */
  rawPerCohort: number;
  /** Exact value of `raw` for a rounded z: terminating decimal, or "p/q". Absent for the exact z. */
  rawExact?: string;
  cohorts: number;
  z: CriticalValue;
  /** How the ceiling of `total` was decided. */
  ceiling: 'exact-rational' | 'double' | 'high-precision';
  /** Set when total is past 10^12 (beyond any golden set; sampleSizeBound.ts). */
  beyond?: true;
}

export interface GoldenSetSizeOptions {
  /** Decide every exact-z ceiling in 80-digit arithmetic, not only near integers (for tests). */
  alwaysHighPrecision?: boolean;
}

const NEAR_INTEGER = 1e-9;

function nearInteger(x: number): boolean {
  return Math.abs(x - Math.round(x)) <= NEAR_INTEGER * Math.max(1, Math.abs(x));
}

function highPrecisionCeil(confidence: number, p: number, h: number, cohorts: number): number {
  const z = zFromConfidenceHighPrecision(confidence);
  const P = new HighPrecisionDecimal(String(p));
  const H = new HighPrecisionDecimal(String(h));
  const raw = z.times(z).times(P).times(new HighPrecisionDecimal(1).minus(P)).div(H.times(H)).times(cohorts);
  return raw.ceil().toNumber();
}

/**
 * Golden-set size for a target half-width h at expected pass rate p, in total and per cohort.
 * `zRule` 'exact' (default) uses Φ⁻¹(1 − α/2); 'conventional' uses 1.645 / 1.96 / 2.576 for
 * 90 / 95 / 99 % and the exact z for any other confidence.
 * @throws {RangeError} when p or h is not strictly between 0 and 1, cohorts is not a positive
 *   integer, or confidence is outside (0,1).
 */
export function goldenSetSize(input: GoldenSetSizeInput, zRule: ZRule = 'exact', options: GoldenSetSizeOptions = {}): GoldenSetSize {
  const { p, halfWidth: h, confidence = 0.95, cohorts = 1 } = input;
  requireOpenUnit('goldenSetSize', 'p', p);
  requireOpenUnit('goldenSetSize', 'halfWidth', h);
  requireOpenUnit('goldenSetSize', 'confidence', confidence);
  requireInteger('goldenSetSize', 'cohorts', cohorts, 1);
  const z = zRule === 'conventional' ? conventionalZ(confidence) : exactZ(confidence);

  if (z.decimal !== undefined) {
    const Z = Rational.from(z.decimal);
    const P = Rational.from(p);
    const H = Rational.from(h);
    const perCohortExact = Z.mul(Z).mul(P).mul(new Rational(1n).sub(P)).div(H.mul(H));
    const totalExact = perCohortExact.mul(new Rational(BigInt(cohorts)));
    const perCohort = Number(perCohortExact.ceil());
    const total = Number(totalExact.ceil());
    requireFiniteSize('goldenSetSize', total, `halfWidth ${h}`);
    return {
      ...(beyondSearch(total) ? { beyond: true as const } : {}),
      total,
      perCohort,
      perCohortTimesCohorts: perCohort * cohorts,
      raw: totalExact.toNumber(),
      rawPerCohort: perCohortExact.toNumber(),
      rawExact: totalExact.toDecimalString(),
      cohorts,
      z,
      ceiling: 'exact-rational',
    };
  }

  const rawPerCohort = (z.z * z.z * p * (1 - p)) / (h * h);
  const raw = rawPerCohort * cohorts;
  requireFiniteSize('goldenSetSize', raw, `halfWidth ${h}`);
  if (beyondSearch(raw)) {
    // Past 10^12 one unit is below the estimate's own precision: the double ceiling is the figure.
    const perCohort = Math.ceil(rawPerCohort);
    return { total: Math.ceil(raw), perCohort, perCohortTimesCohorts: perCohort * cohorts, raw, rawPerCohort, cohorts, z, ceiling: 'double', beyond: true };
  }
  const hp = options.alwaysHighPrecision === true;
  const totalHp = hp || nearInteger(raw);
  const total = totalHp ? highPrecisionCeil(confidence, p, h, cohorts) : Math.ceil(raw);
  const perCohort = hp || nearInteger(rawPerCohort) ? highPrecisionCeil(confidence, p, h, 1) : Math.ceil(rawPerCohort);
  return {
    total,
    perCohort,
    perCohortTimesCohorts: perCohort * cohorts,
    raw,
    rawPerCohort,
    cohorts,
    z,
    ceiling: totalHp ? 'high-precision' : 'double',
  };
}
