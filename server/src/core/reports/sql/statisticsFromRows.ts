// The rows of routingStatisticsSql (any engine, any order) → RoutingStatistics. Engines hand over
// integers as numbers, bigints or decimal strings (ClickHouse's JSON sends 64-bit integers as text).
import { RoutingStatisticsBuilder, type RoutingStatistics } from '../routingStatistics';
import { DayRanks } from './dayRanks';
import type { RefineTarget } from './refineSql';

export interface SqlStatisticsRow {
  part: string;
  k: unknown;
  tier: unknown;
  n: unknown;
  cost: unknown;
  a: unknown;
  b: unknown;
  c: unknown;
  d: unknown;
  e: unknown;
}

function num(v: unknown): number {
  if (v === null || v === undefined) return 0;
  return typeof v === 'number' ? v : Number(v as string | bigint);
}

/** Accumulates result rows; `finish()` gives the statistics and the count of rows the SQL left out as invalid. */
export class SqlStatisticsCollector {
  private readonly b: RoutingStatisticsBuilder;
  private rows = 0;
  private minT = Infinity;
  private maxT = -Infinity;
  private rounded = 0;
  private readonly ranks = new DayRanks();
  badRows = 0;
  resultRows = 0;

  constructor(stepMinutes: number) {
    this.b = new RoutingStatisticsBuilder(stepMinutes);
  }

  add(r: SqlStatisticsRow): void {
    this.resultRows++;
    const n = num(r.n);
    switch (r.part) {
      case 'step':
        this.b.addBucket(num(r.k), String(r.tier), n, num(r.cost), num(r.a), num(r.b));
        this.rows += n;
        this.minT = Math.min(this.minT, num(r.c));
        this.maxT = Math.max(this.maxT, num(r.d));
        this.rounded += num(r.e);
        break;
      case 'rank':
        this.ranks.addRank(num(r.k), n, num(r.cost), num(r.a), num(r.b), num(r.c), num(r.d), num(r.e));
        break;
      case 'sweep':
        this.b.addSweepBin(num(r.k), n, num(r.a), num(r.b), num(r.c), num(r.d), num(r.cost));
        break;
      case 'bad':
        this.badRows += n;
        break;
      default:
        throw new RangeError(`SqlStatisticsCollector: unknown part "${r.part}"`);
    }
  }

  /** The refinement statement to run next (refineSql.ts), or undefined when every day's p10 ranks are exact. */
  nextRefinement(): { level: number; targets: RefineTarget[] } | undefined {
    return this.ranks.next();
  }

  /** The rows of the refinement statement at `level` (part 'refine'). */
  refine(level: number, rows: readonly SqlStatisticsRow[]): void {
    this.ranks.refine(
      level,
      rows.map((r) => {
        if (r.part !== 'refine') throw new RangeError(`SqlStatisticsCollector: "${r.part}" row in a refinement`);
        return { day: num(r.k), parent: num(r.c), child: num(r.d), n: num(r.n), lo: num(r.a), hi: num(r.b) };
      }),
    );
  }

  finish(): RoutingStatistics {
    for (const [day, d] of this.ranks.finish()) this.b.addDay(day, d);
    this.b.setTotals(this.rows, this.minT, this.maxT, this.rounded);
    return this.b.stats;
  }
}
