import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  ConfidenceCounts,
  RoutingStatisticsBuilder,
  p10FromOrderStatistics,
  p10Ranks,
  routingReport,
  routingReportFromStatistics,
  sweepBin,
} from '../../../server/src/core/reports';
import { assertSameReport } from './compareReports';
import { routingBatch, type RequestRow } from './helpers';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 8, 1);
const STEP = 300_000;

/** A seeded log of `days` days: drifting tier mix, confidences on and off the 0.0001 grid. */
function log(days: number, perDay: number, seed: number): RequestRow[] {
  let s = seed >>> 0;
  const rnd = (): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const rows: RequestRow[] = [];
  const cost = { cheap: 0.000192, mid: 0.001024, flagship: 0.00768, legacy: 0.0005 } as Record<string, number>;
  for (let d = 0; d < days; d++) {
    for (let i = 0; i < perDay; i++) {
      const u = rnd();
      const drift = d === days - 1 ? 0.15 : 0;
      const tier = u < 0.68 - drift ? 'cheap' : u < 0.9 - drift ? 'mid' : u < 0.995 ? 'flagship' : 'legacy';
      const conf = rnd() < 0.5 ? Math.round(rnd() * 1000) / 1000 : rnd();
      const row: RequestRow = { time: T0 + d * DAY + Math.floor(rnd() * DAY), tier, confidence: conf, cost: cost[tier]! };
      if (rnd() < 0.9) row.quality = rnd() < 0.8 ? 1 : 0.25;
      if (rnd() < 0.3) {
        row.qualityCheap = rnd() < 0.7 ? 1 : 0;
        row.qualityFlagship = rnd() < 0.9 ? 1 : 0;
      }
      rows.push(row);
    }
  }
  return rows.sort((a, b) => a.time - b.time);
}

/** What an SQL engine's GROUP BY queries return, fed through the builder (grouping done here in TS). */
function statisticsAsAnEngineWould(rows: RequestRow[]) {
  const b = new RoutingStatisticsBuilder(5);
  const buckets = new Map<string, [number, number, string, number, number, number, number]>();
  const days = new Map<number, number[]>();
  for (const r of rows) {
    const step = Math.floor(r.time / STEP);
    const key = `${step}|${r.tier}`;
    const e = buckets.get(key) ?? [step, 0, r.tier, 0, 0, 0, 0];
    e[1]++;
    e[3] += Math.round(r.cost * 1e9);
    if (r.quality !== undefined) {
      e[4] += r.quality;
      e[5]++;
    }
    buckets.set(key, e);
    const day = Math.floor(r.time / DAY);
    days.set(day, [...(days.get(day) ?? []), r.confidence]);
  }
  // engines return groups in any order
  for (const e of [...buckets.values()].reverse()) b.addBucket(e[0], e[2], e[1], e[3], e[4], e[5]);
  for (const [day, values] of days) {
    const sorted = values.sort((x, y) => x - y);
    const r = p10Ranks(sorted.length);
    b.addDay(day, { n: sorted.length, type7: [sorted[r.type7[0]]!, sorted[r.type7[1]]!], nearestRank: sorted[r.nearestRank]!, exact: true });
  }
  const bins = new Map<number, number[]>();
  for (const r of rows) {
    if (r.qualityCheap === undefined || r.qualityFlagship === undefined) continue;
    const k = sweepBin(r.confidence);
    const e = bins.get(k) ?? [0, 0, 0, 0, 0, 0];
    e[0]! += 1;
    e[1]! += r.qualityCheap;
    e[2]! += r.qualityFlagship;
    if (r.quality !== undefined) {
      e[3]! += r.quality;
      e[4]! += 1;
    }
    e[5]! += Math.round(r.cost * 1e9);
    bins.set(k, e);
  }
  for (const [k, e] of bins) b.addSweepBin(k, e[0]!, e[1]!, e[2]!, e[3]!, e[4]!, e[5]!);
  b.setTotals(rows.length, rows[0]!.time, rows[rows.length - 1]!.time, 0);
  return b.stats;
}

describe('routing report from sufficient statistics', () => {
  const options = { ledger: [{ id: 'router-drift', detection: ['5m', '4h'] }] };
  for (const p10Method of ['type7', 'nearest-rank'] as const) {
    it(`grouped statistics (any order) give the streaming report, ${p10Method}`, () => {
      const rows = log(9, 3000, 7);
      const streamed = routingReport([routingBatch(rows, ['cheap', 'mid', 'flagship', 'legacy'])], { ...options, p10Method });
      const grouped = routingReportFromStatistics(statisticsAsAnEngineWould(rows), { ...options, p10Method });
      assert.ok(streamed.defined && grouped.defined);
      assert.ok(streamed.value.alerts.some((a) => a.first !== null), 'the log must fire an alert for the comparison to mean something');
      assert.deepEqual(streamed.value.unknownTiers, [{ name: 'legacy', count: grouped.value.unknownTiers[0]!.count }]);
      assertSameReport(grouped.value, streamed.value);
    });
  }

  it('a statistic that differs changes the report (the comparison can fail)', () => {
    const rows = log(9, 500, 3);
    const s = statisticsAsAnEngineWould(rows);
    const before = routingReportFromStatistics(s, options);
    const [day, d] = [...s.days][0]!;
    s.days.set(day, { ...d, type7: [d.type7[0] - 0.01, d.type7[1]] });
    const after = routingReportFromStatistics(s, options);
    assert.ok(before.defined && after.defined);
    assert.throws(() => assertSameReport(after.value, before.value, 1e-12, /^$/));
  });

  it('p10 from order statistics equals ConfidenceCounts.percentile on any sample', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 10000 }).map((k) => k / 10000), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 80 }), (values) => {
        const c = new ConfidenceCounts();
        for (const v of values) c.add(v);
        const os = c.p10OrderStatistics()!;
        const sorted = [...values].sort((a, b) => a - b);
        const r = p10Ranks(values.length);
        assert.deepEqual([os.type7, os.nearestRank], [[sorted[r.type7[0]], sorted[r.type7[1]]], sorted[r.nearestRank]]);
        for (const m of ['type7', 'nearest-rank'] as const) assert.equal(p10FromOrderStatistics(os, m).value.toFixed(), c.percentile(10, m)!.value.toFixed());
      }),
      { numRuns: 300 },
    );
  });
});
