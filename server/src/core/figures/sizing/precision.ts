// The size one cell needs for a half-width target, and the half-width a given n gives one cell.
// Proportions: Wald n = ⌈z²·p(1−p)/h²⌉ (the seed's formula); Wilson and Clopper-Pearson at whole
// pass counts (wholeCount.ts). Means: n = ⌈(z·sd / (h·width))²⌉, h a fraction of the scale's width.
import { goldenSetSize, proportionInterval, zFromConfidence } from '../../stats';
import { memoize } from '../memo';
import { beyondSearch, MAX_EXACT_SEARCHED_SAMPLE_SIZE } from '../../stats/sampleSizeBound';
import type { IntervalMethod, SizingCell } from './cells';
import { wholeCount, wholeCountMinSampleSize } from './wholeCount';

const waldN = memoize((p: number, h: number, c: number) => goldenSetSize({ p, halfWidth: h, confidence: c }).perCohort);
const wilsonN = memoize((p: number, h: number, c: number) => wholeCountMinSampleSize('wilson', p, h, c).n);
const exactN = memoize((p: number, h: number, c: number) => wholeCountMinSampleSize('exact', p, h, c).n);

export interface CellPrecision {
  cell: SizingCell;
  /** The n this cell needs with its own method. */
  n: number;
  /** Half-width at that n (at its whole pass count for proportions), as a fraction (of the scale for means). */
  halfWidthAtN: number;
  /** The three methods' sizes (proportions); means have one size. */
  wald: number;
  wilson: number;
  exact: number;
}

/** Width of a mean metric's scale. */
export function scaleWidth(cell: SizingCell): number {
  const s = cell.metric.scale ?? [0, 1];
  return s[1] - s[0];
}

/** Half-width, as a fraction (of the scale for means), that n examples give this cell with `method`. */
export function cellHalfWidth(cell: SizingCell, n: number, confidence: number, method: IntervalMethod = cell.method): number {
  if (cell.metric.kind === 'mean') return (zFromConfidence(confidence) * cell.metric.sd!) / Math.sqrt(n) / scaleWidth(cell);
  const p = cell.p!;
  // Past 10^12 every method is the normal approximation (sampleSizeBound.ts); past 10^9 a Clopper-Pearson interval costs seconds and agrees with Wilson to ~10^-5 relative.
  if (method === 'exact' && n > MAX_EXACT_SEARCHED_SAMPLE_SIZE) method = 'wilson';
  if (method === 'wald' || beyondSearch(n)) return zFromConfidence(confidence) * Math.sqrt((p * (1 - p)) / n);
  return proportionInterval(method === 'wilson' ? 'wilson' : 'clopper_pearson', wholeCount(p, n), n, confidence).halfWidth;
}

/** The size this cell needs for half-width h. */
export function cellPrecision(cell: SizingCell, h: number, confidence: number): CellPrecision {
  if (cell.metric.kind === 'mean') {
    const z = zFromConfidence(confidence);
    const n = Math.max(1, Math.ceil(((z * cell.metric.sd!) / (h * scaleWidth(cell))) ** 2));
    return { cell, n, halfWidthAtN: cellHalfWidth(cell, n, confidence), wald: n, wilson: n, exact: n };
  }
  const p = cell.p!;
  const sizes = { wald: waldN(p, h, confidence), wilson: wilsonN(p, h, confidence), exact: exactN(p, h, confidence) };
  const n = sizes[cell.method];
  return { cell, n, halfWidthAtN: cellHalfWidth(cell, n, confidence), ...sizes };
}
