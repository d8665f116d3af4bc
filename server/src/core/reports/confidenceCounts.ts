// Exact percentiles of router confidence in bounded memory: counts of distinct values instead of the
// values themselves. Confidences are usually written with a few decimals (0.72, 0.5531), so each day
// needs at most 10,001 counters for every value on the 0.0001 grid, however many requests it has.
//
// A value is "on the grid" when k/10,000 (a correctly rounded division) is the very same double, so its
// shortest decimal text, the text the monitoring module reads, is k/10,000 exactly. Values off the grid
// (more decimals) are counted per distinct double in a Map, up to MAX_OFF_GRID_VALUES a day; past that
// (raw model scores) every off-grid value of the day is counted per bucket ⌊v · 2¹²⌋ with the bucket's
// least and greatest value instead: ~120 KB a day whatever the day holds. A rank then falls on an exact
// value, or inside a bucket holding several values (with the grid values between its least and
// greatest): `p10Window` names that range, and a second pass over the same rows counts it exactly
// (dayConfidenceWindows.ts). Without the second pass the day's percentile is the range's least value,
// marked `exact: false` (error < 2⁻¹² ≈ 0.00025).
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
/** Distinct off-grid values a day counted one by one; past that, per bucket. */
export const MAX_OFF_GRID_VALUES = 4_096;
const BUCKET_SCALE = 4_096;

export interface ExactPercentile {
  value: Decimal;
  /** False when a rank fell inside a bucket of several values (error < 0.00025). */
  exact: boolean;
  n: number;
}

/** A run of values in order: one value (lo = hi, exact) or a bucket's range with the grid values inside it. */
interface Atom {
  n: number;
  lo: number;
  hi: number;
  exact: boolean;
}

interface Buckets {
  n: Uint32Array;
  lo: Float64Array;
  hi: Float64Array;
}

export class ConfidenceCounts {
  private readonly grid = new Uint32Array(GRID + 1);
  private offGrid: Map<number, number> | undefined = undefined;
  private buckets: Buckets | undefined = undefined;
  private atomsCache: Atom[] | undefined;
  n = 0;

  add(v: number): void {
    this.atomsCache = undefined;
    this.n++;
    const k = Math.round(v * GRID);
    if (k >= 0 && k <= GRID && k / GRID === v) {
      this.grid[k]!++;
    } else if (this.buckets) {
      addToBucket(this.buckets, v, 1);
    } else {
      const off = (this.offGrid ??= new Map());
      off.set(v, (off.get(v) ?? 0) + 1);
      if (off.size > MAX_OFF_GRID_VALUES) this.toBuckets(off);
    }
  }

  private toBuckets(off: Map<number, number>): void {
    const size = BUCKET_SCALE + 1;
    const b: Buckets = { n: new Uint32Array(size), lo: new Float64Array(size).fill(Infinity), hi: new Float64Array(size).fill(-Infinity) };
    for (const [v, c] of off) addToBucket(b, v, c);
    this.buckets = b;
    this.offGrid = undefined;
  }

  /** Every value in order as atoms: grid values, exact off-grid values, bucket ranges (with the grid values inside them). */
  private atoms(): Atom[] {
    if (this.atomsCache) return this.atomsCache;
    const ranges: Atom[] = [];
    if (this.buckets) {
      const b = this.buckets;
      for (let i = 0; i < b.n.length; i++) if (b.n[i]! > 0) ranges.push({ n: b.n[i]!, lo: b.lo[i]!, hi: b.hi[i]!, exact: b.lo[i] === b.hi[i] });
    } else if (this.offGrid) {
      for (const [v, c] of this.offGrid) ranges.push({ n: c, lo: v, hi: v, exact: true });
      ranges.sort((x, y) => x.lo - y.lo);
    }
    const out: Atom[] = [];
    let k = 0;
    const gridUpTo = (limit: number, strict: boolean): void => {
      for (; k <= GRID && (strict ? k / GRID < limit : k / GRID <= limit); k++) {
        const c = this.grid[k]!;
        if (c > 0) out.push({ n: c, lo: k / GRID, hi: k / GRID, exact: true });
      }
    };
    for (const r of ranges) {
      gridUpTo(r.lo, true);
      const atom = { ...r };
      // grid values strictly inside a bucket's range cannot be ordered against its values
      for (; k <= GRID && k / GRID < r.hi; k++) {
        if (this.grid[k]! > 0) {
          atom.n += this.grid[k]!;
          atom.exact = false;
        }
      }
      out.push(atom);
    }
    gridUpTo(Infinity, false);
    this.atomsCache = out;
    return out;
  }

  /** The atom holding 0-based rank r. */
  private atomAt(r: number): Atom {
    let seen = 0;
    for (const a of this.atoms()) {
      seen += a.n;
      if (r < seen) return a;
    }
    throw new RangeError(`ConfidenceCounts: rank ${r} is beyond ${this.n} values`);
  }

  /** The order statistics of the p10 (routingStatistics.ts), or undefined with no values; a rank inside a bucket gives the bucket's least value, `exact: false`. */
  p10OrderStatistics(): DayOrderStatistics | undefined {
    if (this.n === 0) return undefined;
    const r = p10Ranks(this.n);
    const [a, b, c] = [this.atomAt(r.type7[0]), this.atomAt(r.type7[1]), this.atomAt(r.nearestRank)];
    return { n: this.n, type7: [a.lo, b.lo], nearestRank: c.lo, exact: a.exact && b.exact && c.exact };
  }

  /** The range of values holding the p10's order statistics when one of them fell inside a bucket (a second pass counts it exactly), else undefined. */
  p10Window(): { lo: number; hi: number } | undefined {
    if (this.n === 0) return undefined;
    const r = p10Ranks(this.n);
    const atoms = [this.atomAt(r.type7[0]), this.atomAt(r.type7[1]), this.atomAt(r.nearestRank)];
    if (atoms.every((a) => a.exact)) return undefined;
    return { lo: Math.min(...atoms.map((a) => a.lo)), hi: Math.max(...atoms.map((a) => a.hi)) };
  }

  /** The q-th percentile (q in (0, 100)) by the given method, or undefined with no values. */
  percentile(q: number, method: PercentileMethod): ExactPercentile | undefined {
    const n = this.n;
    if (n === 0) return undefined;
    if (method === 'nearest-rank') {
      const a = this.atomAt(nearestRank(n, q) - 1);
      return { value: toSortedDecimals([a.lo], 'ConfidenceCounts')[0] as Decimal, exact: a.exact, n };
    }
    // type 7: h = (n − 1)·q/100, decided on integers: (n − 1)·q = 100·lo + rem
    const lo = Math.floor(((n - 1) * q) / 100);
    const hi = Math.min(lo + 1, n - 1);
    const [a, b] = [this.atomAt(lo), this.atomAt(hi)];
    return { value: percentileType7Sorted(equivalentType7Sample(a.lo, b.lo, n, q), q), exact: a.exact && b.exact, n };
  }
}

function addToBucket(b: Buckets, v: number, c: number): void {
  const i = Math.min(BUCKET_SCALE, Math.max(0, Math.floor(v * BUCKET_SCALE)));
  b.n[i]! += c;
  if (v < b.lo[i]!) b.lo[i] = v;
  if (v > b.hi[i]!) b.hi[i] = v;
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
