// Practices the seed asks of a team (issue 10): a held-out validation set from about six months
// earlier, the golden set re-sampled from the last 7 days before each major eval, and offline metrics
// whose measured bridge to the online outcome stays weak flagged as vanity metrics.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { correlationCi } from '../../../server/src/core/stats';
import { base, expectClean, expectFinding, expectFixResolves, TODAY, variant } from './harness';

const held = '    held_out: {sampled_on: 2026-05-01, examples: 50}\n';

describe('judge-held-out-set', () => {
  it('fires on the calibration key when a calibrated LLM judge keeps no held-out set', () => {
    const text = variant(base.replace(held, ''), ['  calibration:', '  ⟦calibration⟧:']);
    expectFinding('judge-held-out-set', text, ['No held-out validation set', 'about six months ago']);
  });
  it('fires on sampled_on when the set is too recent or dated in the future', () => {
    expectFinding('judge-held-out-set', variant(base, ['sampled_on: 2026-05-01, examples', 'sampled_on: ⟦2026-09-25⟧, examples']), ['2026-09-25 is only 60 days old', '150+ days']);
    expectFinding('judge-held-out-set', variant(base, ['sampled_on: 2026-05-01, examples', 'sampled_on: ⟦2026-12-04⟧, examples']), ['is dated 10 days in the future']);
  });
  it('passes at 150 days and older, and for an embedding judge or no calibration', () => {
    // 2026-06-27 is 150 days before TODAY (2026-11-24).
    assert.equal(TODAY, '2026-11-24');
    expectClean('judge-held-out-set', variant(base, ['sampled_on: 2026-05-01, examples', 'sampled_on: 2026-06-27, examples']));
    expectFinding('judge-held-out-set', variant(base, ['sampled_on: 2026-05-01, examples', 'sampled_on: ⟦2026-06-28⟧, examples']), ['149 days old']);
    expectClean('judge-held-out-set', variant(base.replace(held, ''), ['  kind: layered', '  kind: embedding']));
    expectClean('judge-held-out-set', base);
    // A held_out the schema rejects is the schema's to report.
    expectClean('judge-held-out-set', variant(base, ['held_out: {sampled_on: 2026-05-01, examples: 50}', 'held_out: {examples: 50}']));
  });
  it('fix: keeps a held-out set dated six months before today, sized like the calibration set', () => {
    const [fixed] = expectFixResolves('judge-held-out-set', base.replace(held, ''));
    assert.match(fixed!, /\n {4}held_out:\n {6}sampled_on: 2026-05-26 {2}# about six months ago\n {6}examples: 50\n/);
  });
});

describe('golden-set-resample-window', () => {
  it('fires on golden_set when it names no re-sample window, and on a window wider than 7 days', () => {
    expectFinding('golden-set-resample-window', variant(base.replace('  resample_days: 7\n', ''), ['golden_set:', '⟦golden_set⟧:']), ['last 7 days', 'resample_days: 7']);
    expectFinding('golden-set-resample-window', variant(base, ['  resample_days: 7', '  resample_days: ⟦30⟧']), ['last 30 days', 'up to 23 days older']);
  });
  it('passes at 7 days or fewer', () => {
    expectClean('golden-set-resample-window', base);
    expectClean('golden-set-resample-window', variant(base, ['  resample_days: 7', '  resample_days: 3']));
  });
  it('fix: inserts or narrows the window to 7 days', () => {
    const [inserted] = expectFixResolves('golden-set-resample-window', base.replace('  resample_days: 7\n', ''));
    assert.match(inserted!, /\n {2}resample_days: 7 {2}# re-sample from the last week before each major eval\n/);
    const [narrowed] = expectFixResolves('golden-set-resample-window', variant(base, ['  resample_days: 7', '  resample_days: 30']));
    assert.match(narrowed!, /\n {2}resample_days: 7\n/);
  });
  it('a window outside the schema is reported by the schema, not by the rule', () => {
    expectClean('golden-set-resample-window', variant(base, ['  resample_days: 7', '  resample_days: 0']));
  });
});

describe('metric-vanity', () => {
  const bridge = (launches: number, r: string) => variant(base, ['      expected_effect: "+1pp offline -> +0.5pp online"', `      expected_effect: "+1pp offline -> +0.5pp online"\n      measured: {launches: ${launches}, correlation: ⟦${r}⟧}`]);
  it('fires on a correlation below 0.3 over 5 or more launches, with the Fisher-z interval', () => {
    const ci = correlationCi('pearson', 0.12, 8, 0.95);
    assert.ok(ci.defined);
    expectFinding('metric-vanity', bridge(8, '0.12'), ['task_success correlates r = 0.12 with csat over 8 launches', `[${ci.value.lower.toFixed(2)}, ${ci.value.upper.toFixed(2)}]`, 'vanity metric']);
    expectFinding('metric-vanity', bridge(30, '-0.2'), ['r = -0.2']);
  });
  it('passes at 0.3 and above, under 5 launches, and when nothing was measured', () => {
    expectClean('metric-vanity', bridge(8, '0.3').replace(/[⟦⟧]/g, ''));
    expectClean('metric-vanity', bridge(4, '0.05').replace(/[⟦⟧]/g, ''));
    expectClean('metric-vanity', base);
  });
  it('a correlation outside [-1, 1] is reported by the schema, not by the rule', () => {
    expectClean('metric-vanity', bridge(8, '1.5').replace(/[⟦⟧]/g, ''));
  });
});
