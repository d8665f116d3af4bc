// Golden-set sizing as a careful team writes specs: every primary metric at its own rate or spread,
// cohort rates only in their cohort, totals that are per-cohort n × cohorts, whole pass counts,
// zero-failure certificates, stratified estimates, and what each cadence run resolves.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeSpec } from '../../../server/src/core';
import { DEFAULT_INTERVAL } from '../../../server/src/core/figures/goldenSetFigures';
import { clopperPearsonInterval, wilsonInterval, wilsonMinSampleSize, zFromConfidence } from '../../../server/src/core/stats';
import { binomialCdf } from '../../../server/src/core/stats/binomialTail';
import { repoRoot } from '../../support/reference';

function spec(metrics: string, golden: string): string {
  return `evalspec: 1\nname: t\nmetrics:\n${metrics}golden_set:\n  confidence: 0.95\n${golden}`;
}
const binary = (id: string, p: number, primary = true) => `  - id: ${id}\n    primary: ${primary}\n    kind: binary\n    expected_pass_rate: ${p}\n    predicts: {online_metric: csat}\n`;
function figures(text: string) {
  const a = analyzeSpec(text);
  const schema = a.diagnostics.filter((d) => ['unknown-key', 'wrong-type', 'out-of-range', 'invalid-value', 'missing-key'].includes(d.code));
  assert.deepEqual(schema.map((d) => d.message), []);
  return a;
}

describe('every primary metric is sized at its own rate', () => {
  it('sizes a primary Likert metric from its scale and expected_sd, in scale points', () => {
    const likert = '  - id: helpfulness\n    primary: true\n    kind: likert\n    expected_pass_rate: 0.75\n    expected_sd: 0.9\n    scale: [1, 5]\n    predicts: {online_metric: csat}\n';
    const a = figures(spec(likert + binary('aux', 0.5, false), '  size: 100\n  target_half_width: 0.02\n'));
    const g = a.figures.goldenSet!;
    // ±0.02 of a 1–5 scale is ±0.08 points: n = ⌈(z·0.9/0.08)²⌉
    const z = zFromConfidence(0.95);
    assert.equal(g.precision!.total, Math.ceil(((z * 0.9) / 0.08) ** 2));
    assert.equal(g.precision!.metric, 'helpfulness');
    const note = a.figures.notes.find((n) => n.id === 'goldenSet.precision')!;
    assert.match(note.result, /helpfulness binds: 487 examples give it ±0\.08 points/);
  });
  it('never sizes a spec on its secondary metric when a primary one is there', () => {
    const likert = '  - id: helpfulness\n    primary: true\n    kind: likert\n    expected_pass_rate: 0.9\n    predicts: {online_metric: csat}\n';
    const g = figures(spec(likert + binary('aux', 0.5, false), '  size: 100\n  target_half_width: 0.02\n  interval: wald\n')).figures.goldenSet!;
    assert.equal(g.precision!.metric, 'helpfulness');
    assert.equal(g.precision!.total, 865); // ⌈z²·0.9·0.1/0.02²⌉, not the secondary metric's 2,401
  });
  it('the metric that needs the most binds, named with its own n', () => {
    const a = figures(spec(binary('task_success', 0.95) + binary('groundedness', 0.6), '  size: 100\n  target_half_width: 0.03\n  interval: wald\n'));
    const g = a.figures.goldenSet!;
    assert.equal(g.precision!.metric, 'groundedness');
    assert.equal(g.precision!.total, 1025);
    assert.match(a.diagnostics.find((d) => d.code === 'golden-set-too-small')!.message, /groundedness gets ±9\.6 pp from its 100 .*±3 pp needs 1,025/);
  });
  it("a cohort's rate applies to that cohort only, never to the other metrics", () => {
    const text = readFileSync(join(repoRoot, 'examples', 'safety-classifier.evalspec.yaml'), 'utf8');
    const g = figures(text).figures.goldenSet!;
    // unsafe_recall at the cohort's 0.95 needs 208; refusal_precision keeps its own 0.90 and binds.
    assert.equal(g.precision!.metric, 'refusal_precision');
    assert.equal(g.precision!.cohort, 'safety_sensitive');
    assert.equal(g.precision!.p, 0.9);
    assert.deepEqual(g.precision!.cells.map((c) => [c.metric, c.p, c.n]), [['unsafe_recall', 0.95, 208], ['refusal_precision', 0.9, 384]]);
  });
  it('cohorts with their own rates add up their own needs; the worst cohort is named', () => {
    const g = figures(spec(binary('task_success', 0.8), '  size: 100\n  target_half_width: 0.02\n  interval: wald\n  cohorts:\n    - {name: easy, share: 0.5, expected_pass_rate: 0.95}\n    - {name: hard, share: 0.5}\n')).figures.goldenSet!;
    assert.deepEqual(g.precision!.cohortSizes.map((c) => [c.cohort, c.n]), [['easy', 457], ['hard', 1537]]);
    assert.equal(g.precision!.total, 457 + 1537);
    assert.equal(g.precision!.cohort, 'hard');
  });
});

describe('per-cohort targets are consistent with the allocation', () => {
  const support = readFileSync(join(repoRoot, 'examples', 'support-chat.evalspec.yaml'), 'utf8');
  it('the total is the per-cohort n times the cohorts, and every ± says per cohort or overall', () => {
    const a = figures(support);
    const g = a.figures.goldenSet!;
    assert.equal(g.precision!.perCohort, 1537);
    assert.equal(g.precision!.total, 1537 * 4);
    assert.equal(g.precision!.seedFormulaTotal, 6147);
    const hints = a.figures.notes.filter((n) => n.id.startsWith('goldenSet')).map((n) => n.hint);
    for (const h of hints) for (const part of h.split(' · ')) if (/±/.test(part)) assert.match(part, /per cohort|overall| in |free|pro|enterprise|long_context/, part);
    assert.match(a.figures.notes.find((n) => n.id === 'goldenSet.precision')!.hint, /needs 6,148 \(1,537\/cohort\) · for ±2 pp per cohort/);
  });
  it("the label split shows each cohort's resulting half-width", () => {
    const note = figures(support).figures.notes.find((n) => n.id === 'goldenSet.labelBudget')!;
    // free gets 85 labels: Wald ±z·√(0.16/85) = ±8.5 pp
    assert.match(note.hint, /free 85 ±8\.5 pp · pro 57 ±10\.4 pp · enterprise 30 \(floor\) ±14\.3 pp/);
  });
  it('an equal split out of proportion to traffic reports the stratified estimate beside the naive mean', () => {
    const g = figures(support).figures.json['goldenSet'] as { declared: { metrics: { id: string; stratified: { estimate: number; standardError: number; naiveStandardError: number; outOfProportion: boolean } }[] } };
    const s = g.declared.metrics[0]!.stratified;
    assert.equal(s.outOfProportion, true);
    // w = .45/.30/.10/.15, 50 each, p = 0.8 everywhere: SE = √(0.16·Σw²/50)
    assert.ok(Math.abs(s.standardError - Math.sqrt((0.16 * (0.45 ** 2 + 0.3 ** 2 + 0.1 ** 2 + 0.15 ** 2)) / 50)) < 1e-15);
    assert.ok(Math.abs(s.naiveStandardError - Math.sqrt(0.16 / 200)) < 1e-15);
    const text = figures(spec(binary('task_success', 0.8), '  size: 200\n  cohorts:\n    - {name: a, share: 0.9, expected_pass_rate: 0.9}\n    - {name: b, share: 0.1, expected_pass_rate: 0.5}\n'));
    const t = (text.figures.json['goldenSet'] as { declared: { metrics: { p: number; stratified: { estimate: number; naiveMean: number } }[] } }).declared.metrics[0]!;
    assert.ok(Math.abs(t.stratified.estimate - 0.86) < 1e-12); // 0.9·0.9 + 0.1·0.5
    assert.ok(Math.abs(t.stratified.naiveMean - 0.7) < 1e-12); // (100·0.9 + 100·0.5)/200
    assert.match(text.figures.notes.find((n) => n.id === 'goldenSet.halfWidth')!.caveats.join(' '), /naive mean of the pooled set, 70% .* is 16 pp too low/);
  });
});

describe('near 0 and 1', () => {
  it('Wilson and Clopper-Pearson sizes are decided at whole pass counts', () => {
    for (const [p, h, method] of [[0.95, 0.03, 'wilson'], [0.9, 0.03, 'exact'], [0.99, 0.01, 'wilson'], [0.97, 0.05, 'exact']] as const) {
      const g = figures(spec(binary('m', p), `  size: 10\n  target_half_width: ${h}\n  interval: ${method}\n`)).figures.goldenSet!;
      const n = g.precision!.total;
      const iv = (k: number, x: number) => (method === 'wilson' ? wilsonInterval(x, k) : clopperPearsonInterval(x, k));
      assert.ok(iv(n, Math.round(p * n)).halfWidth <= h, `${p} ${h} ${method}: n = ${n} must meet ±${h} at ${Math.round(p * n)} passes`);
      for (let k = 1; k < n; k++) assert.ok(iv(k, Math.round(p * k)).halfWidth > h, `${p} ${h} ${method}: ${k} < ${n} already meets it`);
    }
    // the fractional-count planning size fails at its own whole count here: 215 examples show 204 passes
    assert.equal(wilsonMinSampleSize(0.95, 0.03).n, 215);
    assert.ok(wilsonInterval(204, 215).halfWidth > 0.03);
  });
  it('pass-rate gates show the one-sided lower bound', () => {
    const a = figures(spec(binary('m', 0.8), '  size: 200\n  interval: wilson\n'));
    const d = (a.figures.json['goldenSet'] as { declared: { metrics: { oneSidedLower: number }[] } }).declared.metrics[0]!;
    assert.equal(d.oneSidedLower, wilsonInterval(160, 200, 0.9).lower);
    assert.match(a.figures.notes.find((n) => n.id === 'goldenSet.halfWidth')!.result, /at least 74\.96% \(one-sided 95% lower bound, Wilson\)/);
  });
  it('zero-failure sizing certifies a failure rate with x failures allowed', () => {
    const g0 = figures(spec(binary('m', 0.99), '  size: 100\n  max_failure_rate: 0.01\n')).figures.goldenSet!;
    assert.equal(g0.certify!.n, 299); // (0.99)^299 ≤ 0.05 < (0.99)^298
    assert.equal(g0.required, 299);
    assert.equal(g0.binding, 'certify');
    const g1 = figures(spec(binary('m', 0.99), '  size: 100\n  max_failure_rate: 0.01\n  failures_allowed: 1\n')).figures.goldenSet!;
    const n = g1.certify!.n;
    assert.ok(binomialCdf(1, n, 0.01) <= 0.05 && binomialCdf(1, n - 1, 0.01) > 0.05);
    assert.equal(n, 473);
  });
});

describe('defaults and promised figures', () => {
  it('the default interval is the same in code, schema and docs/format.md', () => {
    const schema = JSON.parse(readFileSync(join(repoRoot, 'schemas', 'evalspec.schema.json'), 'utf8'));
    assert.equal(schema.definitions.goldenSet.properties.interval.default, DEFAULT_INTERVAL);
    const docs = readFileSync(join(repoRoot, 'docs', 'format.md'), 'utf8');
    assert.match(docs, new RegExp(`\\| \`interval\` \\|[^\\n]*\\| \`"${DEFAULT_INTERVAL}"\` \\|`));
    const g = figures(spec(binary('m', 0.8), '  size: 200\n')).figures.goldenSet!;
    assert.equal(g.method, DEFAULT_INTERVAL);
  });
  it('each cadence run shows the interval it can resolve', () => {
    const a = figures(spec(binary('m', 0.8), '  size: 200\n  cohorts:\n    - {name: a, share: 0.5}\n    - {name: b, share: 0.5}\n') + 'cadence:\n  pre_merge: {blocking: true, examples: 200}\n  weekly: {stratified: true, examples: 2000}\n');
    const pre = a.figures.notes.find((n) => n.id === 'cadence.pre_merge.halfWidth')!;
    assert.equal(pre.hint, '±5.5 pp (Wald)');
    const weekly = a.figures.notes.find((n) => n.id === 'cadence.weekly.halfWidth')!;
    assert.equal(weekly.hint, '±1.8 pp (Wald) · ±2.5 pp per cohort');
  });
});

describe('JSON carries clean decimals', () => {
  it('alpha is 0.05, not 0.050000000000000044, and no figure carries float noise', () => {
    const a = figures(spec(binary('m', 0.8), '  size: 200\n  target_half_width: 0.02\n  detect_change: 0.02\n  cohorts:\n    - {name: a, share: 0.45}\n    - {name: b, share: 0.55}\n'));
    const j = a.figures.json['goldenSet'] as { power: { alpha: number }; declared: { metrics: { p: number }[] } };
    assert.equal(j.power.alpha, 0.05);
    assert.equal(j.declared.metrics[0]!.p, 0.8);
    assert.doesNotMatch(JSON.stringify(a.figures.json), /\d\.\d*(0{6,}|9{6,})\d/);
  });
});
