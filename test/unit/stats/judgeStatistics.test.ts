// Checks of the issue-11 statistics that the reference vectors do not cover: the false-alarm rate
// of repeated testing (against the published table), PPI label planning, Holm decisions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { holmRejections, ppiLabelsForHalfWidth, ppiMean, repeatedTestingFalseAlarm } from '../../../server/src/core/stats';

test('repeated testing at z = 1.96 matches Armitage, McPherson & Rowe (1969) / Jennison & Turnbull Table 1.1', () => {
  const table: Array<[number, number]> = [[1, 0.05], [2, 0.083], [3, 0.107], [5, 0.142], [10, 0.193], [20, 0.248], [50, 0.320]];
  for (const [looks, rate] of table) assert.ok(Math.abs(repeatedTestingFalseAlarm(looks) - rate) < 6e-4, `${looks} looks: ${repeatedTestingFalseAlarm(looks)}`);
  assert.ok(repeatedTestingFalseAlarm(30) > repeatedTestingFalseAlarm(29));
  assert.throws(() => repeatedTestingFalseAlarm(1001), /at most 1000/);
  assert.throws(() => repeatedTestingFalseAlarm(0), /integer/);
});

test('PPI label planning: n_eff(n) reaches the classical n0, and nothing smaller does', () => {
  for (const [p, h, N, rho] of [[0.8, 0.02, 20000, 0.7], [0.9, 0.03, 5000, 0.5], [0.5, 0.05, 100, 0.9], [0.8, 0.02, 0, 0.7]] as const) {
    const plan = ppiLabelsForHalfWidth(p, h, N, rho);
    const neff = (n: number): number => (n * (n + N)) / (n + (1 - rho * rho) * N);
    assert.ok(neff(plan.n) >= plan.classicalNRaw - 1e-9, `n ${plan.n} reaches n0`);
    if (plan.n > 1 && plan.n < plan.classicalN) assert.ok(neff(plan.n - 1) < plan.classicalNRaw);
    assert.equal(plan.labelsSaved, plan.classicalN - plan.n);
  }
  assert.equal(ppiLabelsForHalfWidth(0.8, 0.02, 0, 0.7).labelsSaved, 0, 'no traffic, no savings');
});

test('PPI++ on the design-note example: 0.7730 ± 4.142 pp against ± 5.741 pp classical', () => {
  // N = 20000 judge .80; golden n = 200, human .78, judge .81 (13 false passes, 7 false fails).
  const m = ppiMean({ y1Yhat1: 149, y1Yhat0: 7, y0Yhat1: 13, y0Yhat0: 31 }, 20000, 16000);
  assert.ok(m.ppiPlusPlus.defined);
  const pp = m.ppiPlusPlus.value;
  assert.equal(pp.estimate.toFixed(4), '0.7730');
  assert.equal(((pp.ci95Upper - pp.ci95Lower) * 50).toFixed(3), '4.142');
  assert.equal(((m.classical.ci95Upper - m.classical.ci95Lower) * 50).toFixed(3), '5.741');
});

test('Holm step-down stops at the first p-value above its threshold', () => {
  assert.deepEqual(holmRejections([0.01, 0.04, 0.03, 0.005], 0.05), [true, false, false, true]);
  assert.deepEqual(holmRejections([0.012, 0.016, 0.024, 0.049], 0.05), [true, true, true, true]);
});
