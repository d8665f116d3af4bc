// The exact p10 of a day whose confidence counts could not give it: past MAX_OFF_GRID_VALUES distinct
// off-grid confidences a day, ConfidenceCounts counts them per bucket, and a rank that falls inside a
// bucket of several values is known only to lie in that bucket's range (ConfidenceCounts.p10Window).
// A second pass over the same rows counts, for each such day, the values below the range and every
// distinct value inside it; the exact order statistics are then ranks into the range's sorted values.
// A range is narrower than 2⁻¹² (≈ 0.00024): a few hundred of a million raw scores. It keeps at most
// MAX_WINDOW_VALUES distinct values; past that (or when the second pass does not see the rows of the
// first: the file changed) the day keeps the bucket's least value as its p10, marked inexact.
import type { RowBatch } from '../data/index';
import { p10Ranks, DAY_MS, MAX_TIER_CODES, type DayOrderStatistics } from './routingStatistics';

export const MAX_WINDOW_VALUES = 2_000_000;

class Window {
  below = 0;
  above = 0;
  inside = 0;
  full = false;
  readonly values = new Map<number, number>();

  constructor(
    readonly lo: number,
    readonly hi: number,
    readonly n: number,
  ) {}

  add(v: number): void {
    if (v < this.lo) this.below++;
    else if (v > this.hi) this.above++;
    else {
      this.inside++;
      const c = this.values.get(v);
      if (c !== undefined) this.values.set(v, c + 1);
      else if (this.values.size < MAX_WINDOW_VALUES) this.values.set(v, 1);
      else this.full = true;
    }
  }

  /** The exact order statistics of the day, or undefined when this window cannot give them. */
  orderStatistics(): DayOrderStatistics | undefined {
    if (this.full || this.below + this.inside + this.above !== this.n) return undefined;
    const sorted = [...this.values.entries()].sort((a, b) => a[0] - b[0]);
    const at = (rank: number): number | undefined => {
      let seen = this.below;
      if (rank < seen) return undefined;
      for (const [v, c] of sorted) {
        seen += c;
        if (rank < seen) return v;
      }
      return undefined;
    };
    const r = p10Ranks(this.n);
    const [a, b, nr] = [at(r.type7[0]), at(r.type7[1]), at(r.nearestRank)];
    if (a === undefined || b === undefined || nr === undefined) return undefined;
    return { n: this.n, type7: [a, b], nearestRank: nr, exact: true };
  }
}

/** The second pass: the windows of the days whose p10 was rounded, fed the same rows as the first pass. */
export class DayConfidenceWindows {
  private readonly windows = new Map<number, Window>();
  private readonly kept: ReadonlySet<string>;
  private codeKept: boolean[] = [];

  /** `days`: day → its values and the range holding its p10's order statistics; `tierNames`: the first pass's tier names (rows of names past MAX_TIER_CODES were left out there). */
  constructor(days: ReadonlyMap<number, { n: number; lo: number; hi: number }>, tierNames: readonly string[]) {
    for (const [day, d] of days) this.windows.set(day, new Window(d.lo, d.hi, d.n));
    this.kept = new Set(tierNames.slice(0, MAX_TIER_CODES));
  }

  get size(): number {
    return this.windows.size;
  }

  add(batch: RowBatch): void {
    const time = batch.numbers.time!;
    const tier = batch.categories.tier!;
    const conf = batch.numbers.confidence!;
    const names = batch.dictionaries.tier ?? [];
    // codes are this read's own: a row counts when its tier's name was kept in the first pass
    for (let c = this.codeKept.length; c < names.length; c++) this.codeKept.push(this.kept.has(names[c]!));
    for (let i = 0; i < batch.length; i++) {
      if (!this.codeKept[tier[i] as number]) continue;
      this.windows.get(Math.floor((time[i] as number) / DAY_MS))?.add(conf[i] as number);
    }
  }

  /** The days whose exact order statistics the windows give. */
  exactDays(): Map<number, DayOrderStatistics> {
    const out = new Map<number, DayOrderStatistics>();
    for (const [day, w] of this.windows) {
      const s = w.orderStatistics();
      if (s) out.set(day, s);
    }
    return out;
  }
}
