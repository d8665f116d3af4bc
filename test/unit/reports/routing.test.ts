import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { percentileNearestRank, percentileType7 } from '../../../server/src/core/monitoring';
import { ConfidenceCounts, RoutingAccumulator, routingReport, sweepBin, type RoutingReport } from '../../../server/src/core/reports';
import { routingBatch, type RequestRow } from './helpers';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 8, 1);
const COST = { cheap: 0.000192, mid: 0.001024, flagship: 0.00768 } as const;

/** n requests at the start of an hour with the given tier counts and one confidence. */
function hour(start: number, counts: { cheap: number; mid: number; flagship: number }, confidence = 0.72): RequestRow[] {
  const rows: RequestRow[] = [];
  for (const tier of ['cheap', 'mid', 'flagship'] as const) {
    for (let i = 0; i < counts[tier]; i++) rows.push({ time: start, tier, confidence, cost: COST[tier], quality: 1 });
  }
  return rows;
}

/** Seven baseline days of 70/22/8, then on day 7: 09:00 with 13 flagship, 10:00 with 14. */
function bleedLog(day7Confidence = 0.72): RequestRow[] {
  const rows: RequestRow[] = [];
  for (let d = 0; d < 7; d++) for (let h = 0; h < 24; h++) rows.push(...hour(T0 + d * DAY + h * HOUR, { cheap: 70, mid: 22, flagship: 8 }));
  rows.push(...hour(T0 + 7 * DAY + 9 * HOUR, { cheap: 65, mid: 22, flagship: 13 }, day7Confidence));
  rows.push(...hour(T0 + 7 * DAY + 10 * HOUR, { cheap: 64, mid: 22, flagship: 14 }, day7Confidence));
  return rows;
}

function report(rows: RequestRow[], options = {}): RoutingReport {
  const r = routingReport([routingBatch(rows)], { ledger: [{ id: 'router-drift', detection: ['5m', '4h', '24h'] }], ...options });
  assert.ok(r.defined, r.defined ? '' : r.reason);
  return r.value;
}

describe('routing report: alerts', () => {
  // The exact threshold predicates, with the sampling-noise guards off (tested in routingGuard.test.ts):
  // 14 of 100 against a baseline of 8% is not significant at α 0.001.
  const r = report(bleedLog(), { shareAlertAlpha: 1e9, minWindowRequests: 0 });
  const alert = (k: string) => r.alerts.find((a) => a.kind === k)!;

  it('flagship share exactly at baseline + 5 pp does not fire; just over does, at the first window that sees it', () => {
    const a = alert('flagship-share');
    assert.equal(a.first?.at, '2026-09-08T10:05:00.000Z');
    assert.equal(a.first?.windowStart, '2026-09-08T09:05:00.000Z');
    assert.equal(a.first?.observed, '0.14');
    assert.equal(a.first?.threshold, '0.13');
  });

  it('flagship cost share over 1.10 × its 7-day average fires an hour earlier than the share alert', () => {
    const a = alert('cost-share');
    assert.equal(a.first?.at, '2026-09-08T09:05:00.000Z');
    // 13·0.00768 / (65·0.000192 + 22·0.001024 + 13·0.00768) = 0.09984 / 0.134848
    assert.equal(a.first?.observed, '1560/2107');
    assert.equal(r.firstAlert?.kind, 'cost-share');
  });

  it('no alert is evaluated before seven days of baseline', () => {
    assert.ok(alert('flagship-share').evaluated > 0);
    const firstEvaluatedDay = r.hourly.find((h) => h.baselineShare !== undefined)?.hour;
    assert.equal(firstEvaluatedDay, '2026-09-08T00:00:00.000Z');
  });

  it('p10 exactly at the floor does not fire; below it does', () => {
    assert.equal(alert('p10-confidence').firing, 0);
    assert.equal(report(bleedLog(0.55)).alerts.find((a) => a.kind === 'p10-confidence')!.firing, 0);
    const low = report(bleedLog(0.549)).alerts.find((a) => a.kind === 'p10-confidence')!;
    assert.equal(low.first?.observed, '0.549');
    assert.equal(low.first?.windowStart, '2026-09-08T00:00:00.000Z');
  });

  it('tiers: exact shares and spend', () => {
    const flag = r.tiers.find((t) => t.tier === 'flagship')!;
    assert.equal(flag.requests, 7 * 24 * 8 + 27);
    assert.equal(flag.cost.usd, '10.52928'); // 1371 × 0.00768
    // 168 baseline hours × 0.097408 + 0.134848 + 0.142336
    assert.equal(r.totalCost.usd, '16.641728');
    assert.equal(r.tiers.reduce((a, t) => a + t.requests, 0), r.requests);
  });
});

describe('routing report: incident cost', () => {
  it('extra spend at the baseline mix since the first firing window, priced per detection window', () => {
    const inc = report(bleedLog(), { shareAlertAlpha: 1e9, minWindowRequests: 0 }).incident; // guards off, as above
    assert.ok(inc.defined);
    const v = inc.value;
    assert.equal(v.since, '2026-09-08T08:05:00.000Z');
    // (129 − 140)·0.000192 + (44 − 44)·0.001024 + (27 − 16)·0.00768
    assert.equal(v.extraSpend.usd, '0.082368');
    assert.equal(v.elapsedMinutes, 115);
    const w = Object.fromEntries(v.windows.map((x) => [x.window, Number(x.cost.usd)]));
    assert.ok(Math.abs(w['4h']! / w['5m']! - 48) < 1e-12);
    assert.ok(Math.abs(w['24h']! - 0.082368 * (1440 / 115)) < 1e-12);
  });

  it('no alert, no incident', () => {
    const rows: RequestRow[] = [];
    for (let d = 0; d < 9; d++) rows.push(...hour(T0 + d * DAY, { cheap: 70, mid: 22, flagship: 8 }));
    const r = report(rows);
    assert.equal(r.firstAlert, null);
    assert.equal(r.incident.defined, false);
  });

  it('an empty log is undefined with a reason', () => {
    const r = new RoutingAccumulator().finish();
    assert.equal(r.defined, false);
  });
});

describe('routing report: threshold sweep', () => {
  it('finds the frontier and places the live router on it', () => {
    const rows = bleedLog();
    const t = T0 + 7 * DAY + 11 * HOUR;
    const sample: [number, number, number][] = [
      [0.9, 1, 1],
      [0.6, 0, 1],
      [0.3, 0, 1],
      [0.95, 1, 0],
    ];
    for (const [c, qc, qf] of sample) rows.push({ time: t, tier: 'mid', confidence: c, cost: COST.mid, quality: 1, qualityCheap: qc, qualityFlagship: qf });
    const sweep = report(rows).sweep;
    assert.ok(sweep.defined);
    const p = (th: number) => sweep.value.points.find((x) => x.threshold === th)!;
    assert.equal(p(0).meanQuality, 0.5);
    assert.equal(p(0.31).meanQuality, 0.75);
    assert.equal(p(0.61).meanQuality, 1);
    assert.equal(p(1).meanQuality, 0.75);
    assert.deepEqual(sweep.value.points.filter((x) => x.onFrontier).map((x) => x.threshold), [0, 0.31, 0.61]);
    assert.ok(sweep.value.current.defined);
    assert.equal(sweep.value.current.value.meanQuality, 1);
    // the live router served these from the mid tier (0.001024 each): quality 1 at a cost no two-tier
    // policy matches (θ = 0.61 reaches quality 1 at 0.003936), so it is not dominated
    assert.equal(sweep.value.current.value.dominated, false);
    const gap = sweep.value.current.value.qualityGapAtSameCost;
    assert.ok(gap.defined);
    assert.ok(Math.abs(gap.value - (0.5 + (0.000832 / 0.001872) * 0.25 - 1)) < 1e-12);
  });

  it('a confidence lands in the bin whose lower edge it reaches, without float slips', () => {
    assert.equal(sweepBin(0.29), 29);
    assert.equal(sweepBin(0.57), 57);
    assert.equal(sweepBin(1), 100);
    assert.equal(sweepBin(0), 0);
  });
});

describe('exact p10 from counts', () => {
  it('equals the monitoring percentiles on all values (type 7 and nearest rank), on and off the 0.0001 grid', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 10000 }).map((k) => k / 10000), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 60 }),
        (values) => {
          const c = new ConfidenceCounts();
          for (const v of values) c.add(v);
          assert.equal(c.percentile(10, 'type7')!.value.toFixed(), percentileType7(values, 10).toFixed());
          assert.equal(c.percentile(10, 'nearest-rank')!.value.toFixed(), percentileNearestRank(values, 10).value.toFixed());
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps 0.55 exact where doubles give 0.5499999999999999', () => {
    const c = new ConfidenceCounts();
    for (const v of [0.5, 0.55, 0.55, 0.6, 0.7, 0.8, 0.9, 0.9, 0.95, 1, 1]) c.add(v);
    assert.equal(c.percentile(10, 'type7')!.value.toFixed(), '0.55');
  });
});
