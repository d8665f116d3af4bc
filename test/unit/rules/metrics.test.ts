import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { base, expectClean, expectFinding, expectFixResolves, variant } from './harness';

const third = `  - id: tone
    primary: true
    kind: binary
    expected_pass_rate: 0.7
    predicts: {online_metric: thumbs_up_rate}
judge:`;

describe('too-many-primary-metrics', () => {
  const marked = variant(base, ['judge:\n  kind', third.replace('primary: true', 'primary: ⟦true⟧') + '\n  kind']);
  it('fires on the primary flag of the metric past the limit, with the count', () => {
    expectFinding('too-many-primary-metrics', marked, ['3 primary metrics', 'task_success, safety_refusal_precision, tone', '1 more than the 2', 'tone is past the limit']);
  });
  it('passes with two primary metrics and a secondary one', () => {
    expectClean('too-many-primary-metrics', variant(base, ['judge:\n  kind', third.replace('primary: true', 'primary: false') + '\n  kind']));
  });
  it('reads the limit from settings', () => {
    expectClean('too-many-primary-metrics', variant(base, ['judge:\n  kind', `${third}\n  kind`]), { settings: { thresholds: { maxPrimaryMetrics: 3 } } });
  });
  it('fix: makes the extra metric secondary', () => {
    const [fixed] = expectFixResolves('too-many-primary-metrics', marked.replace(/[⟦⟧]/g, ''), { title: /Make tone a secondary metric/ });
    assert.match(fixed!, /- id: tone\n {4}primary: false/);
  });
});

describe('metric-without-online-metric', () => {
  const noPredicts = variant(base, ['    predicts: {online_metric: wrongful_refusal_reports, expected_effect: "-1pp offline -> -0.2pp online"}\n', '']);
  it('fires on the id of a metric with no predicts', () => {
    const marked = noPredicts.replace('id: safety_refusal_precision', 'id: ⟦safety_refusal_precision⟧');
    expectFinding('metric-without-online-metric', marked, ['safety_refusal_precision names no online metric']);
  });
  it('fires on a placeholder online metric', () => {
    const marked = variant(base, ['{online_metric: wrongful_refusal_reports,', '{online_metric: ⟦TODO⟧,']);
    expectFinding('metric-without-online-metric', marked, ['"TODO", a placeholder']);
  });
  it('passes when every metric predicts an online metric', () => {
    expectClean('metric-without-online-metric', base);
  });
  it('fix: adds a block predicts mapping with comments to a block metric', () => {
    const [fixed] = expectFixResolves('metric-without-online-metric', noPredicts, { count: 1 });
    assert.match(fixed!, /expected_pass_rate: 0\.95\n {4}predicts:\n {6}online_metric: csat {2}# edit: [^\n]+\n {6}expected_effect: "\+1pp offline -> \+0\.5pp online" {2}# edit/);
  });
  it('fix: adds a flow predicts mapping (no comments) to a flow metric', () => {
    const flow = variant(base, [
      '  - id: safety_refusal_precision\n    primary: true\n    kind: binary\n    expected_pass_rate: 0.95\n    predicts: {online_metric: wrongful_refusal_reports, expected_effect: "-1pp offline -> -0.2pp online"}\n',
      '  - {id: safety_refusal_precision, primary: true, kind: binary, expected_pass_rate: 0.95}\n',
    ]);
    const [fixed] = expectFixResolves('metric-without-online-metric', flow);
    assert.match(fixed!, /\{id: safety_refusal_precision, primary: true, kind: binary, expected_pass_rate: 0\.95, predicts: \{online_metric: csat, expected_effect: "\+1pp offline -> \+0\.5pp online"\}\}/);
  });
  it('fix: replaces a placeholder online metric', () => {
    expectFixResolves('metric-without-online-metric', variant(base, ['{online_metric: wrongful_refusal_reports,', '{online_metric: TBD,']));
  });
});
