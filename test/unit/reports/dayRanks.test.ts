// DayRanks (server/src/core/reports/sql/dayRanks.ts) against sorting: each day's values are bucketed
// and refined exactly as the SQL does it (⌊v · 2^level⌋ per level, the value itself at the last), by
// a simulation of the statements here, and the three order statistics of the p10 must be the sorted
// values at p10Ranks — for raw scores, clusters narrower than any bucket, grids, ties, 0, 1 and
// subnormals. A refinement whose rows do not add up to the bucket's count (the source changed between
// passes) is refused.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { p10Ranks } from '../../../server/src/core/reports';
import { DayRanks, type RefineRow } from '../../../server/src/core/reports/sql/dayRanks';
import { BUCKET_BITS } from '../../../server/src/core/reports/sql/routingSql';
import { REFINE_BITS, VALUE_LEVEL } from '../../../server/src/core/reports/sql/refineSql';

const key = (v: number, level: number): number => (level >= VALUE_LEVEL ? v : Math.floor(v * 2 ** level));

interface Group {
  key: number;
  n: number;
  lo: number;
  hi: number;
}

function groups(values: readonly number[], level: number): Group[] {
  const m = new Map<number, Group>();
  for (const v of values) {
    const k = key(v, level);
    const g = m.get(k);
    if (g) {
      g.n++;
      g.lo = Math.min(g.lo, v);
      g.hi = Math.max(g.hi, v);
    } else m.set(k, { key: k, n: 1, lo: v, hi: v });
  }
  return [...m.values()].sort((a, b) => a.key - b.key);
}

/** The statistics statement's 'rank' rows of one day. */
function addDay(ranks: DayRanks, day: number, values: readonly number[]): void {
  const hist = groups(values, BUCKET_BITS);
  const r = p10Ranks(values.length);
  [r.type7[0], r.type7[1], r.nearestRank].forEach((rank, i) => {
    let below = 0;
    for (const g of hist) {
      if (rank < below + g.n) {
        ranks.addRank(day, values.length, i, g.lo, g.hi, g.key, rank - below, g.n);
        return;
      }
      below += g.n;
    }
  });
}

/** Runs the refinements DayRanks asks for over `days`, as the engines do; returns how many ran. */
function refineAll(ranks: DayRanks, days: ReadonlyMap<number, readonly number[]>, tamper = 0): number {
  let runs = 0;
  for (let next = ranks.next(); next; next = ranks.next(), runs++) {
    const rows: RefineRow[] = [];
    for (const t of next.targets) {
      const inBucket = days.get(t.day)!.filter((v) => key(v, next.level) === t.bucket);
      for (const g of groups(inBucket, next.level + REFINE_BITS)) rows.push({ day: t.day, parent: t.bucket, child: g.key, n: g.n + tamper, lo: g.lo, hi: g.hi });
    }
    ranks.refine(next.level, rows);
  }
  return runs;
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
    return s / 2 ** 32;
  };
}

function sample(kind: number, n: number, r: () => number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    switch (kind) {
      case 0: out.push(r() + r() * 2 ** -32); break; // raw scores
      case 1: out.push(2 ** -10 + Math.floor(r() * 4096) * 2 ** -62); break; // a cluster 2⁻⁵⁰ wide, with ties
      case 2: out.push(Math.floor(r() * 10_001) / 10_000); break; // 0.0001 grid
      case 3: out.push([0, 1, 5e-324, 2 ** -1074 * 3, 0.5, 0.5 + 2 ** -53][Math.floor(r() * 6)]!); break; // extremes, subnormals, neighbours
      default: out.push(0.7); // one value
    }
  }
  return out;
}

describe('DayRanks: p10 order statistics from bucketed histograms, refined', () => {
  it('gives the sorted values at the p10 ranks for every kind of day (200 random days)', () => {
    const r = rng(20261202);
    let refined = 0;
    for (let trial = 0; trial < 40; trial++) {
      const ranks = new DayRanks();
      const days = new Map<number, number[]>();
      for (let day = 0; day < 5; day++) {
        const values = sample((trial + day) % 5, 1 + Math.floor(r() * 3000), r);
        days.set(day, values);
        addDay(ranks, day, values);
      }
      refined += refineAll(ranks, days);
      for (const [day, got] of ranks.finish()) {
        const sorted = [...days.get(day)!].sort((a, b) => a - b);
        const want = p10Ranks(sorted.length);
        assert.deepEqual([got.n, got.type7, got.nearestRank, got.exact], [sorted.length, [sorted[want.type7[0]], sorted[want.type7[1]]], sorted[want.nearestRank], true], `trial ${trial} day ${day}`);
      }
    }
    assert.ok(refined >= 40, `refinements ran (${refined})`);
  });

  it('a cluster narrower than a 2⁻⁵² bucket is refined down to the values (three refinements)', () => {
    const values = Array.from({ length: 500 }, (_, k) => 2 ** -10 + (499 - k) * 2 ** -62);
    const ranks = new DayRanks();
    addDay(ranks, 7, values);
    assert.equal(refineAll(ranks, new Map([[7, values]])), 3);
    assert.deepEqual(ranks.finish().get(7)?.type7, [2 ** -10 + 49 * 2 ** -62, 2 ** -10 + 50 * 2 ** -62]);
  });

  it('refuses a refinement whose rows do not add up to the bucket (the source changed between passes)', () => {
    const values = sample(0, 2000, rng(7));
    const ranks = new DayRanks();
    addDay(ranks, 1, values);
    assert.throws(() => refineAll(ranks, new Map([[1, values]]), 1), /the source changed while it was read/);
  });

  it('refuses to finish with a rank still unrefined or a day missing a rank row', () => {
    const ranks = new DayRanks();
    ranks.addRank(3, 10, 0, 0.1, 0.2, 102, 0, 2);
    assert.throws(() => ranks.finish(), /not refined/);
    const partial = new DayRanks();
    partial.addRank(3, 10, 0, 0.1, 0.1, 102, 0, 2);
    assert.throws(() => partial.finish(), /lacks a rank row/);
  });
});
