// Exact percentiles of router confidence in bounded memory: counts of distinct values instead of the
// values themselves. Confidences are usually written with a few decimals (0.72, 0.5531), so each day
// needs at most 10,001 counters for every value on the 0.0001 grid, however many requests it has.
//
// A value is "on the grid" when k/10,000 (a correctly rounded division) is the very same double, so its
// shortest decimal text, the text the monitoring module reads, is k/10,000 exactly. Values off the grid
// (more decimals) are counted per distinct double in a Map. Fallback, documented in the report: once a
// day holds more than MAX_OFF_GRID_VALUES distinct off-grid values, further off-grid values are rounded
// to the nearest 0.0001 and that day's percentile is marked `exact: false` with a bound of ±0.00005 —
// until a second pass over the same rows gives the exact value (dayConfidenceWindows.ts).
//
// The percentile itself comes from the monitoring module (percentileType7Sorted / nearestRank), so the
// report and the hover use one definition. A type-7 percentile only depends on the two order statistics
// around h = (N − 1)·q/100 and on h's fractional part; `equivalentType7Sample` builds a sample of 11–20
// values with the same two order statistics at the same fractional position, which the monitoring
// function turns into the same exact decimal it would give on all N values (see the property test).
import type Decimal from 'decimal.js';
import { nearestRank, percentileType7Sorted, toSortedDecimals, type PercentileMethod } from '../monitoring/index';
import { p10Ranks, type DayOrderStatistics } from './routingStatistics';

const GRID = 10_000;
export const MAX_OFF_GRID_VALUES = 100_000;

export interface ExactPercentile {
  value: Decimal;
  /** False when the off-grid fallback rounded values of this period (error ≤ 0.00005). */
  exact: boolean;
  n: number;
}

export class ConfidenceCounts {
  private readonly grid = new Uint32Array(GRID + 1);
  private offGrid: Map<number, number> | undefined;
  n = 0;
  rounded = 0;

  add(v: number): void {
    const k = Math.round(v * GRID);
    if (k >= 0 && k <= GRID && k / GRID === v) {
      this.grid[k]!++;
    } else {
      const off = (this.offGrid ??= new Map());
      const c = off.get(v);
      if (c !== undefined) off.set(v, c + 1);
      else if (off.size < MAX_OFF_GRID_VALUES) off.set(v, 1);
      else {
        this.grid[Math.min(GRID, Math.max(0, k))]!++;
        this.rounded++;
      }
    }
    this.n++;
  }

  /** The values at 0-based ranks r1 ≤ r2 in ascending order. */
  private orderStatistics(r1: number, r2: number): [number, number] {
    const off = this.offGrid ? [...this.offGrid.entries()].sort((a, b) => a[0] - b[0]) : [];
    let seen = 0;
    let j = 0;
    let first = Number.NaN;
    const take = (value: number, count: number): number | undefined => {
      const before = seen;
      seen += count;
      if (Number.isNaN(first) && r1 < seen) first = value;
      if (r2 >= before && r2 < seen) return value;
      return undefined;
    };
    for (let k = 0; k <= GRID; k++) {
      const gv = k / GRID;
      while (j < off.length && (off[j] as [number, number])[0] < gv) {
        const [v, c] = off[j++] as [number, number];
        const hit = take(v, c);
        if (hit !== undefined) return [first, hit];
      }
      const c = this.grid[k] as number;
      if (c > 0) {
        const hit = take(gv, c);
        if (hit !== undefined) return [first, hit];
      }
    }
    while (j < off.length) {
      const [v, c] = off[j++] as [number, number];
      const hit = take(v, c);
      if (hit !== undefined) return [first, hit];
    }
    throw new RangeError(`ConfidenceCounts: rank ${r2} is beyond ${this.n} values`);
  }

  /** The order statistics of the p10 (routingStatistics.ts), or undefined with no values. */
  p10OrderStatistics(): DayOrderStatistics | undefined {
    if (this.n === 0) return undefined;
    const r = p10Ranks(this.n);
    const type7 = this.orderStatistics(r.type7[0], r.type7[1]);
    const [nr] = this.orderStatistics(r.nearestRank, r.nearestRank);
    return { n: this.n, type7, nearestRank: nr, exact: this.rounded === 0 };
  }

  /** The q-th percentile (q in (0, 100)) by the given method, or undefined with no values. */
  percentile(q: number, method: PercentileMethod): ExactPercentile | undefined {
    const n = this.n;
    if (n === 0) return undefined;
    const exact = this.rounded === 0;
    if (method === 'nearest-rank') {
      const r = nearestRank(n, q) - 1;
      const [v] = this.orderStatistics(r, r);
      return { value: toSortedDecimals([v], 'ConfidenceCounts')[0] as Decimal, exact, n };
    }
    // type 7: h = (n − 1)·q/100, decided on integers: (n − 1)·q = 100·lo + rem
    const lo = Math.floor(((n - 1) * q) / 100);
    const hi = Math.min(lo + 1, n - 1);
    const [a, b] = this.orderStatistics(lo, hi);
    return { value: percentileType7Sorted(equivalentType7Sample(a, b, n, q), q), exact, n };
  }
}

/** The exact p10 of a day from its order statistics (the same definition as ConfidenceCounts.percentile). */
export function p10FromOrderStatistics(d: DayOrderStatistics, method: PercentileMethod): ExactPercentile {
  if (method === 'nearest-rank') return { value: toSortedDecimals([d.nearestRank], 'p10FromOrderStatistics')[0] as Decimal, exact: d.exact, n: d.n };
  return { value: percentileType7Sorted(equivalentType7Sample(d.type7[0], d.type7[1], d.n, 10), 10), exact: d.exact, n: d.n };
}

/**
 * A sorted sample whose type-7 q-th percentile equals that of n values whose order statistics around
 * h = (n − 1)·q/100 are a ≤ b. Valid for q = 10 (the p10 of the seed), where the fractional part of h
 * is rem/10 with rem = (n − 1) mod 10: a sample of m = 11 + rem values puts h' = 1 + rem/10, so
 * x'[1] = a and x'[2] = b.
 */
export function equivalentType7Sample(a: number, b: number, n: number, q: number): Decimal[] {
  if (q !== 10) throw new RangeError(`equivalentType7Sample: only q = 10 is supported (got ${q})`);
  const rem = (n - 1) % 10;
  const m = 11 + rem;
  const values: number[] = [a, a];
  for (let i = 2; i < m; i++) values.push(b);
  return toSortedDecimals(values, 'equivalentType7Sample');
}
