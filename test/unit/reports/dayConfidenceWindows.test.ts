// The built-in reader's exact p10 past MAX_OFF_GRID_VALUES distinct confidences a day: the first pass
// counts them per bucket, and a rank inside a bucket of several values is only known to lie in its
// range (the day marked inexact); the second pass counts that range exactly and gives the exact p10
// (dayConfidenceWindows.ts). A second pass that does not see the first pass's rows leaves the day
// marked inexact.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { percentileType7 } from '../../../server/src/core/monitoring';
import { MAX_OFF_GRID_VALUES, RoutingAccumulator, routingReport, routingReportFromFile, type RoutingReport } from '../../../server/src/core/reports';
import { runEngine } from '../../../server/src/engines';
import { routingBatch, type RequestRow } from './helpers';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 8, 1);

/** A day of `n` raw scores, all different (off the 0.0001 grid), spread over the day, in 3 tiers. */
function rawDay(day: number, n: number, seed: number): RequestRow[] {
  let s = seed >>> 0;
  const rows: RequestRow[] = [];
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
    rows.push({ time: T0 + day * DAY + Math.floor((i * DAY) / n), tier: ['cheap', 'mid', 'flagship'][i % 3]!, confidence: 0.3 + 0.7 * (s / 2 ** 32) + 2 ** -40, cost: 0.000192 });
  }
  return rows;
}

function batches(rows: RequestRow[]) {
  const out = [];
  for (let i = 0; i < rows.length; i += 8192) out.push(routingBatch(rows.slice(i, i + 8192)));
  return out;
}

const exactP10 = (rows: RequestRow[]): string => percentileType7(rows.map((r) => r.confidence), 10).toFixed();

function daily(d: ReturnType<typeof routingReport>): RoutingReport['daily'] {
  assert.ok(d.defined, d.defined ? '' : d.reason);
  return d.value.daily;
}

describe('the built-in reader past MAX_OFF_GRID_VALUES distinct confidences a day', () => {
  const big = rawDay(0, MAX_OFF_GRID_VALUES + 30_000, 11);
  const small = rawDay(1, 2_000, 12); // under the bound: exact in one pass
  const rows = [...big, ...small];
  const want = [
    { value: exactP10(big), exact: true },
    { value: exactP10(small), exact: true },
  ];

  it('reads the rows again in the range of the p10\'s bucket and gives the exact one', () => {
    const once = new RoutingAccumulator();
    for (const b of batches(rows)) once.add(b);
    const rounded = daily(once.finish());
    assert.equal(rounded[0]!.p10.exact, false, 'the first pass alone only bounds the big day\'s p10');
    assert.equal(rounded[1]!.p10.exact, true);
    const exact = daily(routingReport(batches(rows)));
    assert.deepEqual(exact.map((d) => d.p10), want);
    assert.notEqual(rounded[0]!.p10.value, exact[0]!.p10.value, 'the bucket\'s least value is not the p10 (this test can fail)');
  });

  it('days mixing grid values, raw scores, ties and clusters inside one bucket: the exact p10 every time (24 days)', () => {
    let s = 99;
    const rnd = (): number => {
      s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
      return s / 2 ** 32;
    };
    const rows: RequestRow[] = [];
    const byDay: number[][] = [];
    for (let day = 0; day < 24; day++) {
      const values: number[] = [];
      const n = MAX_OFF_GRID_VALUES + 1 + Math.floor(rnd() * 6000);
      const centre = 0.3 + 0.4 * rnd();
      for (let i = 0; i < n; i++) {
        const kind = (day + i) % 4;
        const v = kind === 0 ? Math.floor(rnd() * 10_001) / 10_000 : kind === 1 ? rnd() : kind === 2 ? centre + Math.floor(rnd() * 300) * 2 ** -40 : Math.round(centre * 10_000) / 10_000;
        values.push(v);
        rows.push({ time: T0 + day * DAY + i, tier: 'cheap', confidence: v, cost: 0.000192 });
      }
      byDay.push(values);
    }
    const got = daily(routingReport(batches(rows)));
    assert.deepEqual(got.map((d) => d.p10), byDay.map((v) => ({ value: percentileType7(v, 10).toFixed(), exact: true })));
  });

  it('a grid value between two values of one bucket is not ordered before or after them: inexact until the second pass', () => {
    // p10 rank r lands on B in  …0.1 × (r − 2), A, G, B, raw scores ≥ 0.9…  with A, B in one 2⁻¹² bucket and G on the grid between them
    const [a, g, b] = [0.20001, 0.2001, 0.20019];
    assert.equal(Math.floor(a * 4096), Math.floor(b * 4096));
    const raw = Array.from({ length: MAX_OFF_GRID_VALUES + 1000 }, (_, i) => 0.9 + i * 2 ** -20);
    let r = 0;
    while (Math.floor((r + raw.length) / 10) !== r) r++;
    const values = [...Array.from({ length: r - 2 }, () => 0.1), a, g, b, ...raw];
    const rows = values.map((v, i) => ({ time: T0 + i, tier: 'cheap', confidence: v, cost: 0.000192 }));
    const once = new RoutingAccumulator();
    for (const bt of batches(rows)) once.add(bt);
    assert.equal(daily(once.finish())[0]!.p10.exact, false, 'the first pass cannot order G against A and B');
    assert.deepEqual(daily(routingReport(batches(rows)))[0]!.p10, { value: percentileType7(values, 10).toFixed(), exact: true });
  });

  it('keeps the bounded p10, marked inexact, when the second pass does not see the same rows', () => {
    const acc = new RoutingAccumulator();
    for (const b of batches(rows)) acc.add(b);
    const pass = acc.secondPass();
    assert.ok(pass && pass.size === 1);
    for (const b of batches(rows.slice(10))) pass.add(b); // ten rows of the big day missing
    acc.refine(pass);
    assert.equal(daily(acc.finish())[0]!.p10.exact, false);
  });

  it('a CSV file: the built-in reader reads it twice and gives the exact p10, the DuckDB engine\'s', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'evalspec-window-'));
    try {
      const csv = ['time,tier,confidence,cost', ...rows.map((r) => `${new Date(r.time).toISOString()},${r.tier},${r.confidence},${r.cost}`)].join('\n');
      writeFileSync(join(dir, 'raw.csv'), `${csv}\n`);
      const r = await routingReportFromFile('raw.csv', { workspaceRoot: dir }, {});
      assert.ok(r.ok && r.report.defined, r.ok ? '' : r.message);
      assert.equal(r.file.rows, rows.length);
      assert.deepEqual(r.report.value.daily.map((d) => d.p10), want);
      const duck = await runEngine({ engine: 'duckdb', path: 'raw.csv' }, { specDir: dir, workspaceRoot: dir, options: {}, timeoutMs: 120_000 });
      assert.ok(duck.ok && duck.report.defined, duck.ok ? '' : duck.message);
      assert.deepEqual(duck.report.value.daily.map((d) => d.p10), want);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
