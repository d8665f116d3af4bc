// Rules of evaluating with a judge (issue 11): switch to a paired design, size the calibration set
// for the gate, and a calibration set that is not a sample of the judged traffic.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeSpec } from '../../../server/src/core';
import { base, expectClean, expectFinding, expectFixResolves, variant } from './harness';

const golden = '  target_half_width: 0.02\n';

describe('paired-design-available', () => {
  const marked = variant(base, [golden, `${golden}  ⟦detect_change⟧: 0.02\n`]);
  it('fires on detect_change without a paired design, with both sizes', () => {
    // 4 cohorts at p = 0.80 → 0.78: 6,510 per model per cohort independent; Connor at ψ = 0.10: 1,960.
    expectFinding('paired-design-available', marked, ['52,080 items for both models', 'paired design needs 7,840 at 10% discordance']);
  });
  it('the quick-fix declares the paired design and the power target shrinks', () => {
    const [fixed] = expectFixResolves('paired-design-available', marked.replace(/[⟦⟧]/g, ''));
    assert.match(fixed!, /paired:\n    expected_discordance: 0\.10  # share of items the two models disagree on/);
    const f = analyzeSpec(fixed!).figures.json['goldenSet'] as { power: { total: number; paired: boolean } };
    assert.equal(f.power.total, 7840);
    assert.equal(f.power.paired, true);
  });
  it('passes without detect_change, or with a paired design', () => {
    expectClean('paired-design-available', base);
    expectClean('paired-design-available', variant(base, [golden, `${golden}  detect_change: 0.02\n  paired: {expected_discordance: 0.1}\n`]));
  });
});

describe('calibration-gate-underpowered', () => {
  const marked = variant(base, ['    examples: 50\n    min_spearman: 0.75', '    examples: ⟦30⟧\n    min_spearman: 0.75']);
  it('fires when the gate blocks a good judge one time in four or more', () => {
    expectFinding('calibration-gate-underpowered', marked, ['With 30 examples', 'blocks a judge whose true ρ is 0.80 28%', '520 examples']);
  });
  it('the quick-fix sizes the calibration set to tell ρ 0.80 from 0.75 (520)', () => {
    const [fixed] = expectFixResolves('calibration-gate-underpowered', marked.replace(/[⟦⟧]/g, ''));
    assert.match(fixed!, /examples: 520\n    min_spearman: 0\.75/);
  });
  it('passes at 50 examples (23%) and above', () => {
    expectClean('calibration-gate-underpowered', base);
  });
});

describe('golden-set-not-traffic-sample', () => {
  const agreement = (hp: number, jp: number, hf: number, jf: number): string =>
    `    refresh: monthly\n    ⟦agreement⟧: {human_pass: ${hp}, judge_pass_on_human_pass: ${jp}, human_fail: ${hf}, judge_fail_on_human_fail: ${jf}}\n  labelled_traffic: {items: 2000, judge_pass_rate: 0.80}\n`;
  it('fires when the judge passes 70% of the calibration set but 80% of traffic', () => {
    const marked = variant(base, ['    refresh: monthly\n', agreement(250, 230, 100, 85)]);
    expectFinding('golden-set-not-traffic-sample', marked, ['passes 70.0% of the calibration set but 80.0% of traffic', 'z = -4.2']);
  });
  it('passes when the two rates agree up to chance, and without traffic', () => {
    expectClean('golden-set-not-traffic-sample', variant(base, ['    refresh: monthly\n', agreement(270, 250, 80, 68).replace(/[⟦⟧]/g, '')]));
    expectClean('golden-set-not-traffic-sample', base);
  });
});
