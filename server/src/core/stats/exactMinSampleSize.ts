// The smallest n whose Clopper–Pearson ("exact") interval half-width is at most h at observed
// rate p.
//
// Convention (our choice; no reference vector exists): the count is p·n, NOT rounded to an integer,
// exactly as for `wilsonMinSampleSize`. The beta quantiles B⁻¹(α/2; x, n−x+1) and
// B⁻¹(1−α/2; x+1, n−x) are defined for real x, and keeping x = p·n makes the half-width a smooth,
// decreasing function of n, so "the smallest n" is a threshold. Rounding the count instead makes the
// half-width zig-zag (for p = 0.99 over windows of ~50 consecutive n), and "smallest n" would then
// depend on where a search starts.
//
// Reference: Clopper & Pearson (1934); beta quantiles from stdlib (see clopperPearsonInterval.ts).
// Search: start from the Wilson size (usually close; near 0 and 1 either can be larger), halve
// downward while the target is still met and double upward until it is, bisect to the threshold,
// then step ±1 so the result satisfies w(n) ≤ h and w(n − 1) > h.
//
// Past 10^9 (sampleSizeBound.ts) nothing is searched: n is the Wilson size, flagged `estimated`
// (and `beyond` past 10^12).
//
// Rounding: n is an integer.
import { clopperPearsonHalfWidthAtRate } from './clopperPearsonInterval';
import { zFromConfidence } from './normal';
import { beyondSearch, largeSampleHalfWidth, MAX_CORRECTION_STEPS, MAX_EXACT_SEARCHED_SAMPLE_SIZE } from './sampleSizeBound';
import type { MinimumSampleSize } from './wilsonMinSampleSize';
import { wilsonMinSampleSize } from './wilsonMinSampleSize';
import { requireOpenUnit } from './validate';

/**
 * Smallest n with Clopper–Pearson half-width ≤ halfWidth at observed rate p (count p·n).
 * @throws {RangeError} when p or halfWidth is not strictly between 0 and 1, or confidence outside (0,1).
 */
export function exactMinSampleSize(p: number, halfWidth: number, confidence = 0.95): MinimumSampleSize {
  requireOpenUnit('exactMinSampleSize', 'p', p);
  requireOpenUnit('exactMinSampleSize', 'halfWidth', halfWidth);
  requireOpenUnit('exactMinSampleSize', 'confidence', confidence);
  const w = (n: number): number => clopperPearsonHalfWidthAtRate(p, n, confidence);
  const h = halfWidth;
  const wilson = wilsonMinSampleSize(p, h, confidence);
  const beyond = (n: number): MinimumSampleSize => ({ n, halfWidthAtN: largeSampleHalfWidth(p, n, zFromConfidence(confidence)), halfWidthAtNMinus1: undefined, waldN: wilson.waldN, beyond: true });
  if (wilson.beyond) return beyond(wilson.n);
  if (wilson.n > MAX_EXACT_SEARCHED_SAMPLE_SIZE / 2) return { ...wilson, estimated: true };
  let lo = Math.max(1, Math.floor(wilson.n / 2));
  while (lo > 1 && w(lo) <= h) lo = Math.max(1, Math.floor(lo / 2));
  let hi = Math.max(lo + 1, wilson.n);
  while (w(hi) > h) {
    lo = hi;
    hi *= 2;
    if (hi > MAX_EXACT_SEARCHED_SAMPLE_SIZE) return beyondSearch(hi) ? beyond(hi) : { ...wilson, estimated: true };
  }
  // invariant: w(hi) ≤ h; w(lo) > h unless lo = 1
  if (lo === 1 && w(1) <= h) hi = 1;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (w(mid) <= h) hi = mid;
    else lo = mid;
  }
  let n = hi;
  let steps = 0;
  const step = () => {
    if (++steps > MAX_CORRECTION_STEPS) throw new RangeError(`exactMinSampleSize: no threshold near n = ${n} for half-width ${h} at p ${p}`);
  };
  while (n > 1 && w(n - 1) <= h) (step(), n--);
  while (w(n) > h) (step(), n++);
  return { n, halfWidthAtN: w(n), halfWidthAtNMinus1: n > 1 ? w(n - 1) : undefined, waldN: wilson.waldN };
}
