// The p10's order statistics of each day from the statistics statement's 'rank' rows, refined until
// exact (refineSql.ts). A rank row names the bucket holding the rank, the bucket's least and greatest
// value and the rank within it: when least = greatest the value is known; otherwise the rank waits for
// the next level's rows of that (day, bucket), which split the bucket in finer buckets in order, until a
// finer bucket holding the rank holds one value (at the last level every "bucket" is one value).
import type { DayOrderStatistics } from '../routingStatistics';
import { BUCKET_BITS } from './routingSql';
import { REFINE_BITS, VALUE_LEVEL, type RefineTarget } from './refineSql';

interface Pending {
  day: number;
  /** 0: type 7's lower rank, 1: its upper rank, 2: the nearest rank. */
  i: number;
  level: number;
  bucket: number;
  /** 0-based rank within the bucket. */
  rank: number;
  /** Rows the bucket held in the pass that named it (a refinement must find as many). */
  count: number;
}

export interface RefineRow {
  day: number;
  parent: number;
  child: number;
  n: number;
  lo: number;
  hi: number;
}

export class DayRanks {
  private readonly days = new Map<number, { n: number; v: [number, number, number] }>();
  private pending: Pending[] = [];

  /** One 'rank' row of the statistics statement. */
  addRank(day: number, n: number, i: number, lo: number, hi: number, bucket: number, rank: number, count: number): void {
    if (!(i === 0 || i === 1 || i === 2)) throw new RangeError(`DayRanks: rank index ${i}`);
    let d = this.days.get(day);
    if (!d) this.days.set(day, (d = { n, v: [Number.NaN, Number.NaN, Number.NaN] }));
    if (lo === hi) d.v[i] = lo;
    else this.pending.push({ day, i, level: BUCKET_BITS, bucket, rank, count });
  }

  /** The next refinement (the lowest level still wanted, each (day, bucket) once), or undefined when every rank is known. */
  next(): { level: number; targets: RefineTarget[] } | undefined {
    if (this.pending.length === 0) return undefined;
    const level = Math.min(...this.pending.map((p) => p.level));
    const seen = new Map<string, RefineTarget>();
    for (const p of this.pending) if (p.level === level) seen.set(`${p.day}/${p.bucket}`, { day: p.day, bucket: p.bucket });
    return { level, targets: [...seen.values()] };
  }

  /** The rows of `next()`'s statement at `level`. Throws when they do not add up to the buckets' counts (the source changed between passes). */
  refine(level: number, rows: readonly RefineRow[]): void {
    const byPair = new Map<string, RefineRow[]>();
    for (const r of rows) {
      const k = `${r.day}/${r.parent}`;
      const list = byPair.get(k);
      if (list) list.push(r);
      else byPair.set(k, [r]);
    }
    for (const list of byPair.values()) list.sort((a, b) => a.child - b.child);
    const still: Pending[] = [];
    for (const p of this.pending) {
      if (p.level !== level) {
        still.push(p);
        continue;
      }
      const list = byPair.get(`${p.day}/${p.bucket}`) ?? [];
      const found = this.locate(p, list);
      if (found.lo === found.hi) this.days.get(p.day)!.v[p.i] = found.lo;
      else if (level + REFINE_BITS >= VALUE_LEVEL) throw new Error(`DayRanks: a value-level group of day ${p.day} holds ${found.lo} and ${found.hi}`);
      else still.push({ ...p, level: level + REFINE_BITS, bucket: found.child, rank: found.rank, count: found.n });
    }
    this.pending = still;
  }

  /** The finer bucket holding p's rank, and the rank within it. */
  private locate(p: Pending, list: readonly RefineRow[]): RefineRow & { rank: number } {
    const total = list.reduce((s, r) => s + r.n, 0);
    if (total !== p.count) throw new Error(`the source changed while it was read: day ${p.day}'s confidence bucket held ${p.count} rows, then ${total}`);
    let below = 0;
    for (const r of list) {
      if (p.rank < below + r.n) return { ...r, rank: p.rank - below };
      below += r.n;
    }
    throw new Error(`DayRanks: rank ${p.rank} beyond bucket of ${total}`);
  }

  /** The days' order statistics; every rank must be known. */
  finish(): Map<number, DayOrderStatistics> {
    if (this.pending.length > 0) throw new Error(`DayRanks: ${this.pending.length} rank(s) not refined`);
    const out = new Map<number, DayOrderStatistics>();
    for (const [day, d] of this.days) {
      if (d.v.some((v) => Number.isNaN(v))) throw new Error(`DayRanks: day ${day} lacks a rank row`);
      out.set(day, { n: d.n, type7: [d.v[0], d.v[1]], nearestRank: d.v[2], exact: true });
    }
    return out;
  }
}
