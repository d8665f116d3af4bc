// The built-in reader's exact p10 past MAX_OFF_GRID_VALUES distinct confidences a day: the first pass
// rounds the values past that bound (and marks the day inexact); the second pass counts the values
// around the rounded p10 exactly and gives the exact one (dayConfidenceWindows.ts). A second pass that
// does not see the first pass's rows leaves the day rounded and marked.
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
  const small = rawDay(1, 5_000, 12);
  const rows = [...big, ...small];
  const want = [
    { value: exactP10(big), exact: true },
    { value: exactP10(small), exact: true },
  ];

  it('reads the rows again around the rounded p10 and gives the exact one', () => {
    const once = new RoutingAccumulator();
    for (const b of batches(rows)) once.add(b);
    const rounded = daily(once.finish());
    assert.equal(rounded[0]!.p10.exact, false, 'the first pass alone rounds the big day');
    const exact = daily(routingReport(batches(rows)));
    assert.deepEqual(exact.map((d) => d.p10), want);
    assert.notEqual(rounded[0]!.p10.value, exact[0]!.p10.value, 'the rounding changed the p10 (this test can fail)');
  });

  it('keeps the rounded p10, marked inexact, when the second pass does not see the same rows', () => {
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
