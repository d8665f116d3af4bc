// The sufficient statistics of the routing report: everything the report needs from a log, small
// enough to come back from one scan of any SQL engine (server/src/core/reports/sql) or from the
// built-in streaming reader (RoutingAccumulator). routingReportFromStatistics turns them into the
// report; nothing there looks at rows.
//
//   - per (step, tier): requests, spend in integer nano-dollars, sum and count of served quality;
//   - per UTC day: the request count and the exact order statistics the p10 needs (type 7: ranks
//     ⌊(n − 1)/10⌋ and the next one; nearest rank: rank ⌈n/10⌉), as doubles;
//   - per tier: sum and count of served quality (the tier's mean quality);
//   - 101 threshold-sweep bins (thresholdSweep.ts) over the shadow sample;
//   - totals: rows, first and last timestamp, rows whose cost was rounded to the nano-dollar grid.
import { SweepBins } from './thresholdSweep';

/** Most distinct tier names kept apart; rows of further names are counted in `overflowTierRows`. */
export const MAX_TIER_CODES = 16;
/** Layout of a step's Float64Array: [n × K, cost nano × K, quality sum × K, quality count × K]. */
export const STEP_FIELDS = 4;
export const DAY_MS = 86_400_000;

export interface DayOrderStatistics {
  /** Requests that day. */
  n: number;
  /** Type 7: the values at 0-based ranks ⌊(n − 1)/10⌋ and min(that + 1, n − 1). */
  type7: [number, number];
  /** Nearest rank: the value at 1-based rank max(1, ⌈n/10⌉). */
  nearestRank: number;
  /** False when the built-in reader's bounded counts left a rank inside a bucket of several values (error < 0.00025) and no second read resolved it. */
  exact: boolean;
}

export interface RoutingStatistics {
  /** Step length the buckets were cut at, minutes. */
  stepMinutes: number;
  rows: number;
  /** First and last request time, ms since the epoch (UTC). */
  minT: number;
  maxT: number;
  costsRounded: number;
  /** Tier names; a name's index is its code in the step arrays and `tierQuality` (codes < MAX_TIER_CODES). */
  tierNames: readonly string[];
  /** Rows whose tier had no code (names beyond the first MAX_TIER_CODES). */
  overflowTierRows: number;
  /** Step index ⌊t / step⌋ → STEP_FIELDS × MAX_TIER_CODES figures (layout above). */
  steps: Map<number, Float64Array>;
  /** UTC day index ⌊t / day⌋ → its order statistics. */
  days: Map<number, DayOrderStatistics>;
  /** Per tier code: sum and count of served quality. */
  tierQuality: { sum: Float64Array; n: Float64Array };
  sweep: SweepBins;
}

/** 0-based ranks of the p10's order statistics in n values. */
export function p10Ranks(n: number): { type7: [number, number]; nearestRank: number } {
  const lo = Math.floor((n - 1) / 10);
  return { type7: [lo, Math.min(lo + 1, n - 1)], nearestRank: Math.max(1, Math.ceil(n / 10)) - 1 };
}

export function newStep(): Float64Array {
  return new Float64Array(STEP_FIELDS * MAX_TIER_CODES);
}

/**
 * Builds RoutingStatistics from aggregated rows (what an SQL engine returns). Tier names get codes
 * in the order they arrive.
 */
export class RoutingStatisticsBuilder {
  private readonly names: string[] = [];
  private readonly codes = new Map<string, number>();
  readonly stats: RoutingStatistics;

  constructor(stepMinutes: number) {
    this.stats = {
      stepMinutes,
      rows: 0,
      minT: Infinity,
      maxT: -Infinity,
      costsRounded: 0,
      tierNames: this.names,
      overflowTierRows: 0,
      steps: new Map(),
      days: new Map(),
      tierQuality: { sum: new Float64Array(MAX_TIER_CODES), n: new Float64Array(MAX_TIER_CODES) },
      sweep: new SweepBins(),
    };
  }

  private code(tier: string): number {
    let c = this.codes.get(tier);
    if (c === undefined) {
      c = this.names.length;
      this.names.push(tier);
      this.codes.set(tier, c);
    }
    return c;
  }

  /** One (step, tier) aggregate; a step or tier may come back in several parts. */
  addBucket(step: number, tier: string, n: number, costNano: number, qualitySum: number, qualityN: number): void {
    const code = this.code(tier);
    if (code >= MAX_TIER_CODES) {
      this.stats.overflowTierRows += n;
      return;
    }
    let b = this.stats.steps.get(step);
    if (b === undefined) this.stats.steps.set(step, (b = newStep()));
    const K = MAX_TIER_CODES;
    b[code]! += n;
    b[K + code]! += costNano;
    b[2 * K + code]! += qualitySum;
    b[3 * K + code]! += qualityN;
    this.stats.tierQuality.sum[code]! += qualitySum;
    this.stats.tierQuality.n[code]! += qualityN;
  }

  addDay(day: number, s: DayOrderStatistics): void {
    this.stats.days.set(day, s);
  }

  /** One sweep bin's sums (bins as in thresholdSweep.sweepBin). */
  addSweepBin(bin: number, n: number, qualityCheap: number, qualityFlagship: number, served: number, servedN: number, costNano: number): void {
    const s = this.stats.sweep;
    s.n[bin]! += n;
    s.qualityCheap[bin]! += qualityCheap;
    s.qualityFlagship[bin]! += qualityFlagship;
    s.servedQuality += served;
    s.servedQualityN += servedN;
    s.servedCostNano += costNano;
    s.total += n;
  }

  setTotals(rows: number, minT: number, maxT: number, costsRounded: number): void {
    Object.assign(this.stats, { rows, minT, maxT, costsRounded });
  }
}
