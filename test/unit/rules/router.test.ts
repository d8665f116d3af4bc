import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, base, expectClean, expectFinding, expectFixResolves, fixAll, variant } from './harness';

const alerts = `  alerts:
    flagship_share_over_baseline_pp: 5
    min_p10_confidence: 0.55
    cost_share_over_moving_avg: 1.10
    shadow_judge: {sample_fraction: 0.05, delay_hours: 24, quality_delta_pp: 3}
`;
const canary = `  canary:
    shadow_fraction: 0.05
    hours: 48
    max_share_shift_pp: 3
    max_quality_delta_pp: 1
`;

describe('router-latency-budget-too-high', () => {
  it('fires on the budget with the excess', () => {
    expectFinding('router-latency-budget-too-high', variant(base, ['latency_budget_p95_ms: 20', 'latency_budget_p95_ms: ⟦50⟧']), ['50 ms is 30 ms over the 20 ms', '2.5×']);
  });
  it('passes at 20 ms and below', () => {
    expectClean('router-latency-budget-too-high', base);
    expectClean('router-latency-budget-too-high', variant(base, ['latency_budget_p95_ms: 20', 'latency_budget_p95_ms: 15']));
  });
  it('fix: budgets 20 ms', () => {
    const [f] = expectFixResolves('router-latency-budget-too-high', variant(base, ['latency_budget_p95_ms: 20', 'latency_budget_p95_ms: 50']));
    assert.match(f!, /latency_budget_p95_ms: 20\n/);
  });
});

describe('router-no-low-confidence-escalation', () => {
  it('fires on the router key when escalation is absent, and on a zero', () => {
    expectFinding('router-no-low-confidence-escalation', variant(base, ['  escalate_lowest_confidence: 0.20\n', ''], ['router:\n', '⟦router⟧:\n']), ['sets no escalate_lowest_confidence', "0% of its least confident assignments against the recommended 20%"]);
    expectFinding('router-no-low-confidence-escalation', variant(base, ['escalate_lowest_confidence: 0.20', 'escalate_lowest_confidence: ⟦0⟧']), ['escalate_lowest_confidence is 0']);
  });
  it('passes when the bottom 20% escalate', () => {
    expectClean('router-no-low-confidence-escalation', base);
  });
  it('fix: adds or sets escalate_lowest_confidence: 0.20', () => {
    const [a] = expectFixResolves('router-no-low-confidence-escalation', variant(base, ['  escalate_lowest_confidence: 0.20\n', '']));
    assert.match(a!, /max_quality_delta_pp: 1\n {2}escalate_lowest_confidence: 0\.20\nledger/);
    expectFixResolves('router-no-low-confidence-escalation', variant(base, ['escalate_lowest_confidence: 0.20', 'escalate_lowest_confidence: 0']));
  });
});

describe('tier-shares-not-one', () => {
  it('fires on the tiers key with the exact sum and the gap', () => {
    expectFinding('tier-shares-not-one', variant(base, ['  tiers:\n', '  ⟦tiers⟧:\n'], ['share: 0.08}', 'share: 0.03}']), ['sum to 0.95, not 1 (5 pp unassigned)', '0.70 + 0.22 + 0.03']);
  });
  it('passes on 0.70 + 0.22 + 0.08, exactly 1 in decimals', () => {
    expectClean('tier-shares-not-one', base);
  });
  it('fix: scales proportionally or tops up the largest tier', () => {
    const text = variant(base, ['share: 0.08}', 'share: 0.03}']);
    const out = expectFixResolves('tier-shares-not-one', text, { count: 2 });
    assert.match(out[0]!, /share: 0\.74\}\n.*share: 0\.23\}\n.*share: 0\.03\}/);
    assert.match(out[1]!, /cheap, price_per_1m_output_tokens: 0\.75, share: 0\.75\}/);
  });
});

describe('router-alert-missing', () => {
  it('fires on the router key when there are no alerts, listing all three', () => {
    expectFinding('router-alert-missing', variant(base, [alerts, ''], ['router:\n', '⟦router⟧:\n']), ['3 of 3 router drift alerts missing', 'more than 5 pp over baseline', 'under 0.55', 'over 110%']);
  });
  it('fires on the alerts key when the p10 alert is missing', () => {
    expectFinding('router-alert-missing', variant(base, ['    min_p10_confidence: 0.55\n', ''], ['  alerts:\n', '  ⟦alerts⟧:\n']), ['1 of 3 router drift alerts missing (p10 confidence under 0.55)']);
  });
  it('passes with all three alerts', () => {
    expectClean('router-alert-missing', base);
  });
  it('fix: adds the missing alerts with the recommended values', () => {
    const [a] = expectFixResolves('router-alert-missing', variant(base, [alerts, '']));
    assert.match(a!, /\n {2}alerts:\n {4}flagship_share_over_baseline_pp: 5\n {4}min_p10_confidence: 0\.55\n {4}cost_share_over_moving_avg: 1\.10\nledger/);
    const [b] = expectFixResolves('router-alert-missing', variant(base, ['    flagship_share_over_baseline_pp: 5\n', '']));
    assert.match(b!, /quality_delta_pp: 3\}\n {4}flagship_share_over_baseline_pp: 5\n/);
    expectFixResolves('router-alert-missing', variant(base, [alerts, '  alerts: {cost_share_over_moving_avg: 1.10}\n']));
  });
});

describe('canary-gate-missing', () => {
  it('fires on the router key', () => {
    expectFinding('canary-gate-missing', variant(base, [canary, ''], ['router:\n', '⟦router⟧:\n']), ['No canary gate', '48 h', '±3 pp', '1 pp']);
  });
  it('passes with a canary', () => {
    expectClean('canary-gate-missing', base);
  });
  it('fix: adds the seed canary, which also passes canary-gate-loose', () => {
    const [f] = expectFixResolves('canary-gate-missing', variant(base, [canary, '']));
    assert.match(f!, new RegExp(canary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\n$/, '')));
    assert.ok(!analyze(f!).diagnostics.some((d) => d.code === 'canary-gate-loose'));
  });
});

describe('canary-gate-loose', () => {
  it('fires on each loose value with the excess', () => {
    const marked = variant(base, ['    hours: 48', '    hours: ⟦12⟧'], ['max_share_shift_pp: 3', 'max_share_shift_pp: ⟦5⟧'], ['max_quality_delta_pp: 1', 'max_quality_delta_pp: ⟦2.5⟧']);
    const [h, s, q] = expectFinding('canary-gate-loose', marked);
    assert.match(h!.message, /shadow window of 12 h is 36 h short of the recommended 48 h/);
    assert.match(s!.message, /tier-share shift of 5 pp is 2 pp over the recommended 3 pp/);
    assert.match(q!.message, /quality delta of 2\.5 pp is 1\.5 pp over the recommended 1 pp/);
  });
  it('fires on the canary key for an unset limit', () => {
    expectFinding('canary-gate-loose', variant(base, ['    max_quality_delta_pp: 1\n', ''], ['  canary:\n', '  ⟦canary⟧:\n']), ['sets no max_quality_delta_pp']);
  });
  it('passes at or inside the seed gate', () => {
    expectClean('canary-gate-loose', base);
    expectClean('canary-gate-loose', variant(base, ['    hours: 48', '    hours: 72'], ['max_share_shift_pp: 3', 'max_share_shift_pp: 2']));
  });
  it('fix: tightens every loose value', () => {
    const t = variant(base, ['    hours: 48', '    hours: 12'], ['max_share_shift_pp: 3', 'max_share_shift_pp: 5'], ['    max_quality_delta_pp: 1\n', '']);
    expectFixResolves('canary-gate-loose', t);
    const all = fixAll('canary-gate-loose', t);
    assert.match(all, /hours: 48\n {4}max_share_shift_pp: 3\n {4}max_quality_delta_pp: 1\n/);
  });
});

describe('pp-looks-like-fraction', () => {
  it('fires on a _pp value under 0.1', () => {
    expectFinding('pp-looks-like-fraction', variant(base, ['max_share_shift_pp: 3', 'max_share_shift_pp: ⟦0.03⟧']), ['max_share_shift_pp is 0.03 pp, 100× smaller than 3 pp', 'write 3']);
  });
  it('passes on percentage points', () => {
    expectClean('pp-looks-like-fraction', base);
    expectClean('pp-looks-like-fraction', variant(base, ['max_quality_delta_pp: 1', 'max_quality_delta_pp: 0.5']));
  });
  it('fix: multiplies by 100', () => {
    const [f] = expectFixResolves('pp-looks-like-fraction', variant(base, ['flagship_share_over_baseline_pp: 5', 'flagship_share_over_baseline_pp: 0.05']));
    assert.match(f!, /flagship_share_over_baseline_pp: 5\n/);
  });
});
