// The built-in engine of the routing report: one streaming pass over the log's batches that produces
// its sufficient statistics (routingStatistics.ts); routingReportFromStatistics (routingFromStatistics.ts)
// turns them into the report, the same way it does for the statistics an SQL engine returns.
//
// Memory does not grow with the number of requests: per 5-minute step and tier a request count, a
// spend and a quality sum; per UTC day the confidence counts of ConfidenceCounts (exact p10); 101
// sweep bins. A log ten times larger over the same days uses the same memory.
import type { RowBatch } from '../data/index';
import type { Defined } from '../types';
import { ConfidenceCounts } from './confidenceCounts';
import { DayConfidenceWindows } from './dayConfidenceWindows';
import { NANO } from './money';
import { ROUTING_DEFAULTS, routingReportFromStatistics } from './routingFromStatistics';
import { DAY_MS, MAX_TIER_CODES, newStep, type DayOrderStatistics, type RoutingStatistics } from './routingStatistics';
import type { RoutingReport, RoutingReportOptions } from './routingTypes';
import { SweepBins } from './thresholdSweep';

export { ROUTING_DEFAULTS } from './routingFromStatistics';

/** Streams batches of ROUTING_SCHEMA rows; `statistics()` gives the sufficient statistics, `finish()` the report. */
export class RoutingAccumulator {
  private readonly stepMs: number;
  private readonly stepMinutes: number;
  private readonly buckets = new Map<number, Float64Array>();
  private lastStep = Number.NaN;
  private lastBucket: Float64Array = new Float64Array(0);
  private readonly days = new Map<number, ConfidenceCounts>();
  private lastDay = Number.NaN;
  private lastDayCounts: ConfidenceCounts = new ConfidenceCounts();
  private readonly qualitySum = new Float64Array(MAX_TIER_CODES);
  private readonly qualityN = new Float64Array(MAX_TIER_CODES);
  private readonly sweep = new SweepBins();
  private tierNames: readonly string[] = [];
  private overflowTierRows = 0;
  private costsRounded = 0;
  private minT = Infinity;
  private maxT = -Infinity;
  /** Days made exact by a second pass (dayConfidenceWindows.ts), over their bucketed counts. */
  private readonly exactDays = new Map<number, DayOrderStatistics>();
  rows = 0;

  constructor(private readonly options: RoutingReportOptions = {}) {
    const step = options.stepMinutes ?? ROUTING_DEFAULTS.stepMinutes;
    const window = options.rollingWindowMinutes ?? ROUTING_DEFAULTS.rollingWindowMinutes;
    if (!Number.isInteger(step) || step < 1 || 60 % step !== 0 || window % step !== 0 || window < step) {
      throw new RangeError(`RoutingAccumulator: stepMinutes must divide 60 and rollingWindowMinutes (got step ${step}, window ${window})`);
    }
    this.stepMinutes = step;
    this.stepMs = step * 60_000;
  }

  add(batch: RowBatch): void {
    const time = batch.numbers.time!;
    const tier = batch.categories.tier!;
    const conf = batch.numbers.confidence!;
    const cost = batch.numbers.cost!;
    const quality = batch.numbers.quality;
    const qc = batch.numbers.quality_cheap;
    const qf = batch.numbers.quality_flagship;
    this.tierNames = batch.dictionaries.tier ?? [];
    const stepMs = this.stepMs;
    const K = MAX_TIER_CODES;
    for (let i = 0; i < batch.length; i++) {
      const t = time[i] as number;
      const code = tier[i] as number;
      if (code >= K) {
        this.overflowTierRows++;
        continue;
      }
      const step = Math.floor(t / stepMs);
      if (step !== this.lastStep) {
        let b = this.buckets.get(step);
        if (b === undefined) {
          b = newStep();
          this.buckets.set(step, b);
        }
        this.lastStep = step;
        this.lastBucket = b;
      }
      if (t < this.minT) this.minT = t;
      if (t > this.maxT) this.maxT = t;
      const c = cost[i] as number;
      const nano = Math.round(c * NANO);
      if (nano / NANO !== c) this.costsRounded++;
      const b = this.lastBucket;
      b[code]!++;
      b[K + code]! += nano;
      const day = Math.floor(t / DAY_MS);
      if (day !== this.lastDay) {
        let d = this.days.get(day);
        if (d === undefined) {
          d = new ConfidenceCounts();
          this.days.set(day, d);
        }
        this.lastDay = day;
        this.lastDayCounts = d;
      }
      const cf = conf[i] as number;
      this.lastDayCounts.add(cf);
      const q = quality === undefined ? Number.NaN : (quality[i] as number);
      if (q === q) {
        this.qualitySum[code]! += q;
        this.qualityN[code]!++;
        b[2 * K + code]! += q;
        b[3 * K + code]!++;
      }
      if (qc !== undefined && qf !== undefined) {
        const a = qc[i] as number;
        const f = qf[i] as number;
        if (a === a && f === f) this.sweep.add(cf, a, f, q, nano);
      }
      this.rows++;
    }
  }

  /**
   * The second pass a log needs when some day's p10 fell inside a bucket of several confidences
   * (confidenceCounts.ts): feed it the same rows, then `refine` with it. Undefined when every day's p10
   * is exact already.
   */
  secondPass(): DayConfidenceWindows | undefined {
    const open = new Map<number, { n: number; lo: number; hi: number }>();
    for (const [day, counts] of this.days) {
      const w = this.exactDays.has(day) ? undefined : counts.p10Window();
      if (w) open.set(day, { n: counts.n, ...w });
    }
    return open.size > 0 ? new DayConfidenceWindows(open, this.tierNames) : undefined;
  }

  /** The exact p10 order statistics the second pass found (a day it could not resolve keeps its bucket's least value, marked inexact). */
  refine(pass: DayConfidenceWindows): void {
    for (const [day, s] of pass.exactDays()) this.exactDays.set(day, s);
  }

  /** The sufficient statistics of what was added (shares this accumulator's arrays). */
  statistics(): RoutingStatistics {
    const days = new Map<number, DayOrderStatistics>();
    for (const [day, counts] of this.days) {
      const s = this.exactDays.get(day) ?? counts.p10OrderStatistics();
      if (s) days.set(day, s);
    }
    return {
      stepMinutes: this.stepMinutes,
      rows: this.rows,
      minT: this.minT,
      maxT: this.maxT,
      costsRounded: this.costsRounded,
      tierNames: this.tierNames,
      overflowTierRows: this.overflowTierRows,
      steps: this.buckets,
      days,
      tierQuality: { sum: this.qualitySum, n: this.qualityN },
      sweep: this.sweep,
    };
  }

  finish(): Defined<RoutingReport> {
    return routingReportFromStatistics(this.statistics(), this.options);
  }
}

/** The routing report over batches already in memory (tests, small logs). */
export function routingReport(batches: Iterable<RowBatch>, options: RoutingReportOptions = {}): Defined<RoutingReport> {
  const list = [...batches];
  const acc = new RoutingAccumulator(options);
  for (const b of list) acc.add(b);
  const pass = acc.secondPass();
  if (pass) {
    for (const b of list) pass.add(b);
    acc.refine(pass);
  }
  return acc.finish();
}
