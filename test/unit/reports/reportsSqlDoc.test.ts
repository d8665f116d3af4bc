// docs/reports-sql.md is generated from the SQL generator: this fails when the page and the generator
// disagree (run `npm run docs:sql` after changing the SQL). The statement reads its source once.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { reportsSqlDoc } from '../../../scripts/reports-sql-doc';
import { routingStatisticsSql, type RoutingSqlDescription } from '../../../server/src/core/reports/sql/routingSql';
import { routingRefineSql } from '../../../server/src/core/reports/sql/refineSql';

it('docs/reports-sql.md is the generated SQL reference', () => {
  const page = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'reports-sql.md'), 'utf8');
  assert.ok(page === reportsSqlDoc(), 'docs/reports-sql.md differs from the generator: run `npm run docs:sql`');
  assert.match(page, /GROUPING SETS \(\(sk, tr\), \(dk, cb, sb\)\)/);
  assert.match(page, /## Refinement/);
});

it('DuckDB scans the source once and converts each column once; ClickHouse once per pass (two)', () => {
  const n = (c: string) => ({ name: c, type: 'number' as const });
  const full: RoutingSqlDescription['columns'] = { time: { name: 'ts', type: 'text' }, tier: { name: 'tier_col', type: 'text' }, confidence: n('conf_col'), cost: n('cost_col'), quality: n('q_col'), quality_cheap: n('qc_col'), quality_flagship: n('qf_col') };
  const { quality_cheap: _c, quality_flagship: _f, ...bare } = full;
  for (const dialect of ['duckdb', 'clickhouse'] as const) {
    for (const columns of [full, bare]) {
      const sql = routingStatisticsSql({ dialect, source: 'SOURCE_MARKER', columns, stepMinutes: 5 });
      const passes = dialect === 'duckdb' ? 1 : 2;
      assert.equal(sql.split('SOURCE_MARKER').length - 1, passes, `${dialect}: the source appears ${passes}×`);
      for (const c of ['tier_col', 'conf_col', 'cost_col', 'q_col']) assert.equal(sql.split(c).length - 1, passes, `${dialect}: ${c} is converted once per pass`);
      assert.equal(sql.includes('qc_col'), columns === full);
      // a refinement reads the source once, and tests the bucket on the raw confidence before anything else
      const refine = routingRefineSql({ dialect, source: 'SOURCE_MARKER', columns, stepMinutes: 5 }, 31, [{ day: 20697, bucket: 1_681_234_567 }]);
      assert.equal(refine.split('SOURCE_MARKER').length - 1, 1, `${dialect}: a refinement reads the source once`);
      assert.match(refine, /WHERE floor\((__)?conf \* 2147483648\) IN \(1681234567\)/);
      assert.match(refine, /floor\((__)?conf \* 4503599627370496\) AS ck/);
    }
  }
});
