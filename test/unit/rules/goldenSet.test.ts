import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { daysBetween, refreshDue } from '../../../server/src/core/rules/refreshPolicy';
import { base, expectClean, expectFinding, expectFixResolves, variant } from './harness';

const cohorts = `    - {name: free, share: 0.45}
    - {name: pro, share: 0.30}
    - {name: enterprise, share: 0.10}
    - {name: long_context, share: 0.15}
`;

describe('golden-set-too-small', () => {
  it('fires on the size with the precision need and the shortfall', () => {
    expectFinding('golden-set-too-small', variant(base, ['size: 6148', 'size: ⟦200⟧']), ['task_success in cohort free gets ±11.1 pp from its 50', '±2 pp per cohort needs 6,148 (1,537 per cohort × 4)', '5,948 short']);
  });
  it('passes at the size the target needs', () => {
    expectClean('golden-set-too-small', base);
  });
  it('fix: resizes to the precision n', () => {
    const [f] = expectFixResolves('golden-set-too-small', variant(base, ['size: 6148', 'size: 200']), { title: /precision/ });
    assert.match(f!, /size: 6148/);
  });
});

describe('cohort-shares-not-one', () => {
  const over = variant(base, ['  cohorts:\n', '  ⟦cohorts⟧:\n'], ['{name: pro, share: 0.30}', '{name: pro, share: 0.50}']);
  it('fires on the cohorts key with the exact sum and the gap', () => {
    expectFinding('cohort-shares-not-one', over, ['sum to 1.2, not 1 (20 pp more than all traffic)', '0.45 + 0.50 + 0.10 + 0.15']);
    expectFinding('cohort-shares-not-one', variant(base, ['  cohorts:\n', '  ⟦cohorts⟧:\n'], ['{name: pro, share: 0.30}', '{name: pro, share: 0.25}']), ['sum to 0.95, not 1 (5 pp unassigned)']);
  });
  it('passes when shares sum to exactly 1 in decimals (0.1 + 0.2 + 0.7, not 0.9999999999999999)', () => {
    expectClean('cohort-shares-not-one', base);
    expectClean('cohort-shares-not-one', variant(base, [cohorts, '    - {name: a, share: 0.1}\n    - {name: b, share: 0.2}\n    - {name: c, share: 0.7}\n']));
  });
  it('fix: scales shares proportionally, the last cohort taking the rounding remainder', () => {
    const text = variant(base, [cohorts, '    - {name: free, share: 0.6}\n    - {name: pro, share: 0.3}\n    - {name: enterprise, share: 0.3}\n']);
    const [f] = expectFixResolves('cohort-shares-not-one', text, { title: /Scale the cohort shares to sum to 1 \(0\.5 \+ 0\.25 \+ 0\.25\)/ });
    assert.match(f!, /free, share: 0\.5\}\n.*pro, share: 0\.25\}\n.*enterprise, share: 0\.25\}/);
    const thirds = variant(base, [cohorts, '    - {name: a, share: 0.5}\n    - {name: b, share: 0.5}\n    - {name: c, share: 0.5}\n']);
    const [g] = expectFixResolves('cohort-shares-not-one', thirds, { title: /Scale/ });
    assert.match(g!, /a, share: 0\.33\}\n.*b, share: 0\.33\}\n.*c, share: 0\.34\}/);
  });
  it('fix: puts the remainder on the largest cohort', () => {
    const [f] = expectFixResolves('cohort-shares-not-one', variant(base, ['{name: pro, share: 0.30}', '{name: pro, share: 0.25}']), { title: /Set free's share to 0\.5/ });
    assert.match(f!, /free, share: 0\.5\}/);
  });
});

describe('coverage-low and coverage-refresh-now', () => {
  it('coverage-low warns below 0.80 with the distance to both lines', () => {
    expectFinding('coverage-low', variant(base, ['coverage: 0.82', 'coverage: ⟦0.78⟧']), ['0.78 is 2 pp below the 0.8 alert line', '3 pp above the 0.75 refresh line', '22% of traffic']);
    expectClean('coverage-low', base);
    expectClean('coverage-low', variant(base, ['coverage: 0.82', 'coverage: 0.80']));
  });
  it('coverage-refresh-now errs at or below 0.75, and coverage-low then stays quiet', () => {
    expectFinding('coverage-refresh-now', variant(base, ['coverage: 0.82', 'coverage: ⟦0.70⟧']), ['0.70 is 5 pp below the 0.75 refresh line', '30% of traffic']);
    expectFinding('coverage-refresh-now', variant(base, ['coverage: 0.82', 'coverage: ⟦0.75⟧']), ['at the 0.75 refresh line']);
    expectClean('coverage-low', variant(base, ['coverage: 0.82', 'coverage: 0.70']));
    expectClean('coverage-refresh-now', variant(base, ['coverage: 0.82', 'coverage: 0.76']));
  });
  it('thresholds come from settings', () => {
    expectClean('coverage-low', variant(base, ['coverage: 0.82', 'coverage: 0.78']), { settings: { thresholds: { coverageWarning: 0.7 } } });
  });
});

describe('golden-set-sample-stale', () => {
  it('fires on sampled_on with the age and days overdue', () => {
    expectFinding('golden-set-sample-stale', variant(base, ['sampled_on: 2026-11-10', 'sampled_on: ⟦2026-10-01⟧']), ['54 days old', 'monthly refresh was due on 2026-11-01 (23 days overdue)']);
  });
  it('reads durations and calendar policies', () => {
    expectFinding('golden-set-sample-stale', variant(base, ['sampled_on: 2026-11-10', 'sampled_on: ⟦2026-08-01⟧'], ['  refresh: monthly\ncadence', '  refresh: 90d\ncadence']), ['due on 2026-10-30 (25 days overdue)']);
    expectClean('golden-set-sample-stale', variant(base, ['sampled_on: 2026-11-10', 'sampled_on: 2026-09-01'], ['  refresh: monthly\ncadence', '  refresh: quarterly\ncadence']));
  });
  it('passes on a fresh sample and on the due date itself', () => {
    expectClean('golden-set-sample-stale', base);
    expectClean('golden-set-sample-stale', variant(base, ['sampled_on: 2026-11-10', 'sampled_on: 2026-10-24']));
  });
  it('calendar arithmetic clamps month ends and works in UTC', () => {
    assert.equal(refreshDue('2026-01-31', 'monthly'), '2026-02-28');
    assert.equal(refreshDue('2026-11-30', 'quarterly'), '2027-02-28');
    assert.equal(refreshDue('2026-11-24', 'weekly'), '2026-12-01');
    assert.equal(refreshDue('2026-11-24', '36h'), '2026-11-26');
    assert.equal(daysBetween('2026-10-01', '2026-11-24'), 54);
  });
});

describe('golden-set-too-small names the binding metric and cohort', () => {
  it('a second primary metric at a harder rate binds, with its own n and half-width', () => {
    const text = variant(base, ['size: 6148', 'size: ⟦6148⟧'], ['expected_pass_rate: 0.95', 'expected_pass_rate: 0.55']);
    expectFinding('golden-set-too-small', text, ['safety_refusal_precision in cohort free gets ±2.5 pp from its 1,537', '±2 pp per cohort needs 9,508 (2,377 per cohort × 4)', '3,360 short']);
  });
  it('a failure-rate certificate binds and is offered as a resize', () => {
    const text = variant(base, ['size: 6148', 'size: 200'], ['  target_half_width: 0.02\n', '  max_failure_rate: 0.001\n']);
    const [f] = expectFixResolves('golden-set-too-small', text, { title: /failure-rate certificate/ });
    assert.match(f!, /size: 2995/);
  });
});

describe('wald-near-boundary', () => {
  const near = variant(base, ['interval: wald', 'interval: ⟦wald⟧'], ['expected_pass_rate: 0.95', 'expected_pass_rate: 0.995']);
  it('fires when Wald sizes a cell with fewer than 10 expected failures, with the Wilson and exact sizes', () => {
    // 0.995 at ±2 pp: Wald says 48 per cohort, where n·(1 − p) = 0.2
    expectFinding('wald-near-boundary', near, ['safety_refusal_precision in cohort free at p = 0.995', 'Wald says 48 give ±2 pp, but n·(1 − p) = 0.2 is under 10', 'Wilson needs', 'Clopper-Pearson']);
  });
  it('passes with Wilson, and at rates where n·p and n·(1 − p) are both 10 or more', () => {
    expectClean('wald-near-boundary', base);
    expectClean('wald-near-boundary', variant(near, ['interval: ⟦wald⟧', 'interval: wilson']).replace(/[⟦⟧]/g, ''));
  });
  it('fix: switches to interval: wilson', () => {
    const [f] = expectFixResolves('wald-near-boundary', near.replace(/[⟦⟧]/g, ''));
    assert.match(f!, /interval: wilson/);
  });
});
