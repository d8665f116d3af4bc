// The smallest golden set whose interval, at the whole pass count a run of that size would show,
// meets a half-width target. The statistics layer (wilsonMinSampleSize, exactMinSampleSize) sizes at
// a fractional count p·n, the planning convention of the reference vectors; a run of n examples
// never shows a fractional count, so the figure shown next to a spec is decided here at
// x = round(p·n): the half-width printed for the n shown is the one a run of n would report.
//
// The half-width at round(p·n) zig-zags in n, so "smallest" is found by scanning upward from a
// bound below which no n can meet the target: for n ≥ n₀/2 (n₀ the fractional-count answer) the
// observed rate is within 1/n₀ of p, and both intervals narrow as the rate moves away from ½, so no
// n below the fractional answer at p moved 1/n₀ away from ½ can meet it. Below n₀/2 the interval is
// about √2 wider than the target; small targets (n₀ ≤ 2,000) are scanned from 1.
import { clopperPearsonBounds } from '../../stats/clopperPearsonInterval';
import { zFromConfidence } from '../../stats/normal';
import { exactMinSampleSize } from '../../stats/exactMinSampleSize';
import { wilsonBounds } from '../../stats/wilsonInterval';
import { wilsonMinSampleSize } from '../../stats/wilsonMinSampleSize';

export type WholeCountMethod = 'wilson' | 'exact';

/** Half-width (upper − lower)/2 of the interval at a whole count x of n. */
export function halfWidthAtCount(method: WholeCountMethod, x: number, n: number, confidence: number): number {
  const [lo, hi] = method === 'wilson' ? wilsonBounds(x / n, n, zFromConfidence(confidence)) : clopperPearsonBounds(x, n, 1 - confidence);
  return (hi - lo) / 2;
}

/** The whole pass count a run of n shows at rate p. */
export function wholeCount(p: number, n: number): number {
  return Math.min(n, Math.max(0, Math.round(p * n)));
}

export interface WholeCountSize {
  n: number;
  count: number;
  halfWidth: number;
  /** The fractional-count answer of the statistics layer, for comparison. */
  fractionalN: number;
  /** Past 10^12 (or past 10^9 for Clopper-Pearson): the statistics layer's estimate, not scanned. */
  beyond?: true;
  estimated?: true;
}

/** The scan starts within a few steps of its answer; this caps a start that is not. */
const MAX_SCAN = 100_000;

/**
 * Smallest n with half-width ≤ h at x = round(p·n).
 * @throws {RangeError} for p or h outside (0, 1), and when no n within the scan meets the target.
 */
export function wholeCountMinSampleSize(method: WholeCountMethod, p: number, h: number, confidence: number): WholeCountSize {
  const cont = (q: number) => (method === 'wilson' ? wilsonMinSampleSize(q, h, confidence).n : exactMinSampleSize(q, h, confidence).n);
  const first = method === 'wilson' ? wilsonMinSampleSize(p, h, confidence) : exactMinSampleSize(p, h, confidence);
  const n0 = first.n;
  // Sizes the statistics layer only estimates (sampleSizeBound.ts) are not scanned: one unit is below
  // the estimate's own precision there, and an interval at such n costs seconds.
  if (first.beyond || first.estimated) {
    return { n: n0, count: wholeCount(p, n0), halfWidth: first.halfWidthAtN, fractionalN: n0, ...(first.beyond ? { beyond: true as const } : {}), ...(first.estimated ? { estimated: true as const } : {}) };
  }
  let start = 1;
  if (n0 > 2000) {
    const away = p < 0.5 ? p - 1 / n0 : p + 1 / n0;
    start = Math.max(Math.floor(n0 / 2), away > 0 && away < 1 ? Math.min(n0, cont(away)) : Math.floor(n0 / 2));
  }
  for (let n = start; n < start + MAX_SCAN; n++) {
    const x = wholeCount(p, n);
    const hw = halfWidthAtCount(method, x, n, confidence);
    if (hw <= h) return { n, count: x, halfWidth: hw, fractionalN: n0 };
  }
  throw new RangeError(`no golden set up to ${start + MAX_SCAN} examples reaches ±${h} at p = ${p}`);
}
