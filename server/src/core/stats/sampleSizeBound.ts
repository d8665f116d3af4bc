// How far a sample-size search goes. No golden set, and no pair of model runs, is larger than 10^12
// examples; a target that needs more is reported as "beyond any golden set" with its closed-form
// estimate (the normal-approximation size), never searched for: a search at n ~ 10^18 steps by
// amounts below one ulp and would not end. A size that does not even fit in a double (the target is
// smaller than ~1e-154) is refused with a RangeError naming the input.

/** Largest n any search in the statistics module evaluates. */
export const MAX_SEARCHED_SAMPLE_SIZE = 1e12;

/**
 * Largest n the Clopper-Pearson search evaluates: one beta quantile costs ~20 ms at 10^9 and ~120 ms
 * at 10^11, and a search makes ~40. Past it the Wilson size is reported (`estimated`); the two agree
 * there to ~10^-5 relative (6,146,434,110 vs 6,146,334,112 at h = 1e-5, p = 0.8).
 */
export const MAX_EXACT_SEARCHED_SAMPLE_SIZE = 1e9;

/** Most half-width evaluations one stepping correction makes (it needs one or two). */
export const MAX_CORRECTION_STEPS = 10_000;

/**
 * Throws unless a closed-form size estimate is a finite number.
 * @throws {RangeError} naming the function and the input that makes the size overflow.
 */
export function requireFiniteSize(fn: string, estimate: number, input: string): void {
  if (!Number.isFinite(estimate)) {
    throw new RangeError(`${fn}: ${input} is so small that the sample size it needs exceeds 10^308 (beyond any golden set)`);
  }
}

/**
 * The normal-approximation half-width z·√(p(1−p)/n): what a size past 10^12 is reported with (exact
 * intervals at such n cost seconds and lose their digits to cancellation; all methods agree there).
 */
export function largeSampleHalfWidth(p: number, n: number, z: number): number {
  return z * Math.sqrt((p * (1 - p)) / n);
}

/** True when a size is past what any search evaluates. */
export function beyondSearch(n: number): boolean {
  return n > MAX_SEARCHED_SAMPLE_SIZE;
}
