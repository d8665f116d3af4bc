// The calibration report reads the spec, not hard-coded values: the pass mark (label_set order,
// pass_threshold, pass_labels, or inferred from the data and said so), κ over the declared label set
// with the declared weights, the high-confidence threshold, labels outside the set, and the declared
// examples per refresh against the file. The last test walks every schema key under
// judge.calibration through the server's own path (spec → options → report) and shows that each one
// changes the report, or is listed here as checked elsewhere (and documented so in docs/format.md).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { analyzeSpec, defaultSettings } from '../../../server/src/core';
import { calibrationReportFromFile, type CalibrationReport, type CalibrationReportOptions } from '../../../server/src/core/reports';
import { computePanelModel, reportInputs } from '../../../server/src/data/coreReports';
import type { CalibrationPanelModel } from '../../../server/src/data/panelModel';
import { repoRoot } from '../../support/reference';

const dir = mkdtempSync(join(tmpdir(), 'evalspec-calspec-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

type Row = [judge: string | number, human: string | number, human2: string | number, confidence: number, month?: string];
async function report(rows: Row[], options: CalibrationReportOptions): Promise<CalibrationReport> {
  const file = `c${++n}.csv`;
  writeFileSync(join(dir, file), ['judge_score,human_label,human_label_2,judge_confidence,month', ...rows.map((r) => `${r[0]},${r[1]},${r[2]},${r[3]},${r[4] ?? '2026-09'}`)].join('\n') + '\n');
  const out = await calibrationReportFromFile(file, { workspaceRoot: dir }, { bootstrap: { resamples: 200 }, ...options });
  assert.ok(out.ok, out.ok ? '' : out.message);
  assert.ok(out.report.defined, out.report.defined ? '' : out.report.reason);
  return out.report.value;
}

/** 100 binary verdicts at confidence 0.9 that agree with both annotators on `agree` of them. */
function binaryRows(agree: number, pass: string | number, fail: string | number): Row[] {
  const rows: Row[] = [];
  for (let i = 0; i < 100; i++) {
    const human = i % 2 === 0 ? pass : fail;
    const judge = i < agree ? human : human === pass ? fail : pass;
    rows.push([judge, human, human, 0.9]);
  }
  return rows;
}

const precision = (r: CalibrationReport): number => {
  assert.ok(r.highConfidence.defined && r.highConfidence.value.precision.defined);
  return r.highConfidence.value.precision.value;
};

describe('calibration pass mark from the spec', () => {
  it('binary 0/1: a judge agreeing on 58% shows precision 0.58, not 1.000 (inferred, and from label_set)', async () => {
    const inferred = await report(binaryRows(58, 1, 0), {});
    assert.equal(precision(inferred), 0.58);
    assert.equal(inferred.settings.passMark.source, 'inferred');
    assert.match(inferred.settings.passMark.rule, /score = 1 \(inferred: every score is 0 or 1/);
    const declared = await report(binaryRows(58, 1, 0), { labelSet: [0, 1] });
    assert.equal(precision(declared), 0.58);
    assert.equal(declared.settings.passMark.source, 'label_set');
    // Reliability: all 100 verdicts in the [0.9, 1.0) bin, 58 confirmed.
    assert.ok(declared.reliability.defined);
    const bin = declared.reliability.value[9]!;
    assert.equal(bin.count, 100);
    assert.equal(bin.observedAgreement.defined && bin.observedAgreement.value, 0.58);
  });

  it('pass/fail text labels: read through label_set order, pass is the upper half', async () => {
    const r = await report(binaryRows(58, 'pass', 'fail'), { labelSet: ['fail', 'pass'], kappaWeights: 'none' });
    assert.equal(precision(r), 0.58);
    assert.equal(r.settings.passMark.rule, 'label in {pass} (upper half of label_set)');
    assert.deepEqual(r.table.judgeLabels, [0, 1]);
    assert.equal(r.rowsUsed, 100);
    const explicit = await report(binaryRows(58, 'pass', 'fail'), { labelSet: ['fail', 'pass'], passLabels: ['pass'] });
    assert.equal(explicit.settings.passMark.source, 'pass_labels');
    assert.equal(precision(explicit), 0.58);
  });

  it('a 1–5 scale: pass_threshold 4, the upper half of [1..5], and pass_labels each decide', async () => {
    // judge 4 vs human 3 disagree on pass; judge 3 vs human 2 agree (both fail); judge 5 vs 4 agree.
    const rows: Row[] = [];
    for (let i = 0; i < 10; i++) rows.push([4, 3, 3, 0.95], [3, 2, 2, 0.95], [5, 4, 4, 0.95]);
    for (const o of [{ passThreshold: 4 }, { labelSet: [1, 2, 3, 4, 5] }, {}] as CalibrationReportOptions[]) {
      const r = await report(rows, o);
      assert.equal(precision(r), 20 / 30, JSON.stringify(o));
    }
    // pass_threshold 3: 4 vs 3 now agree, 3 vs 2 disagree.
    assert.equal(precision(await report(rows, { passThreshold: 3 })), 20 / 30);
    // pass_labels [5]: 4 vs 3 agree (both fail), 3 vs 2 agree, 5 vs 4 disagree.
    assert.equal(precision(await report(rows, { labelSet: [1, 2, 3, 4, 5], passLabels: [5] })), 20 / 30);
    // pass_labels [3, 4, 5]: 4 vs 3 agree, 3 vs 2 disagree, 5 vs 4 agree.
    assert.equal(precision(await report(rows, { labelSet: [1, 2, 3, 4, 5], passLabels: [3, 4, 5] })), 20 / 30);
    // pass_labels [4]: 4 vs 3 disagree, 3 vs 2 agree, 5 vs 4 disagree.
    assert.equal(precision(await report(rows, { labelSet: [1, 2, 3, 4, 5], passLabels: [4] })), 10 / 30);
  });

  it('a continuous judge score against 0/1 labels: ≥ 0.5 passes (inferred or declared)', async () => {
    const rows: Row[] = [[0.9, 1, 1, 0.9], [0.7, 0, 0, 0.9], [0.2, 0, 0, 0.9], [0.4, 1, 1, 0.9], [0.55, 1, 1, 0.9]];
    const inferred = await report(rows, {});
    assert.match(inferred.settings.passMark.rule, /score ≥ 0\.5 \(inferred: every score lies in \[0, 1\]/);
    assert.equal(precision(inferred), 3 / 5);
    // At 0.6 the 0.55 verdict becomes a fail against a human pass: 2 of 5 confirmed.
    assert.equal(precision(await report(rows, { passThreshold: 0.6 })), 2 / 5);
  });
});

describe('calibration report: label_set, kappa_weights, high_confidence_min', () => {
  const likert: Row[] = [];
  // Labels 1, 2, 4 and 5 only: 3 is declared in [1..5] but never used.
  const scale = [1, 2, 4, 5];
  for (let i = 0; i < 40; i++) likert.push([scale[i % 4]!, scale[i % 4]!, scale[(i + (i % 3 === 0 ? 1 : 0)) % 4]!, [0.5, 0.6, 0.7, 0.8, 0.9][i % 5]!]);

  it('labels outside label_set are counted, named and left out of every figure', async () => {
    const r = await report([...likert, [3, 7, 7, 0.9], [2, 9, 2, 0.9]], { labelSet: [1, 2, 3, 4, 5] });
    assert.deepEqual(r.labelsOutsideSet, { rows: 2, labels: [{ column: 'human_label', label: '7', count: 1 }, { column: 'human_label_2', label: '7', count: 1 }, { column: 'human_label', label: '9', count: 1 }] });
    assert.equal(r.rows, 40);
    const text = await report([...binaryRows(50, 'pass', 'fail'), ['maybe', 'pass', 'pass', 0.9]], { labelSet: ['fail', 'pass'] });
    assert.equal(text.labelsOutsideSet!.rows, 1);
    assert.deepEqual(text.labelsOutsideSet!.labels, [{ column: 'judge_score', label: 'maybe', count: 1 }]);
  });

  it('κ uses the declared weights and counts an unused declared category', async () => {
    const kappaOf = (r: CalibrationReport) => (r.kappa.defined && r.kappa.value.batches[0]!.kappa.defined ? r.kappa.value.batches[0]!.kappa.value : NaN);
    const none = kappaOf(await report(likert, { labelSet: [1, 2, 3, 4, 5] }));
    const linear = kappaOf(await report(likert, { labelSet: [1, 2, 3, 4, 5], kappaWeights: 'linear' }));
    const quadratic = kappaOf(await report(likert, { labelSet: [1, 2, 3, 4, 5], kappaWeights: 'quadratic' }));
    const observedOnly = kappaOf(await report(likert, { labelSet: [1, 2, 4, 5], kappaWeights: 'linear' }));
    assert.ok(new Set([none, linear, quadratic]).size === 3, `${none} ${linear} ${quadratic}`);
    // The unused 3 puts 2 and 4 two steps apart: the linear κ differs from the one over the observed labels.
    assert.notEqual(observedOnly, linear);
  });

  it('high_confidence_min moves the high-confidence set', async () => {
    const a = await report(likert, { highConfidenceThreshold: 0.8, minKappa: 0 });
    const b = await report(likert, { highConfidenceThreshold: 0.6, minKappa: 0 });
    assert.ok(a.highConfidence.defined && b.highConfidence.defined);
    assert.equal(a.highConfidence.value.highConfidence, 16);
    assert.equal(b.highConfidence.value.highConfidence, 32);
  });

  it('examples per refresh against the rows per refresh period', async () => {
    const rows: Row[] = [...likert.map((r): Row => [r[0], r[1], r[2], r[3], '2026-08']), ...likert];
    const ok = await report(rows, { examplesPerRefresh: 40, refresh: 'monthly' });
    assert.ok(ok.sampling.defined);
    assert.deepEqual([ok.sampling.value.rowsPerPeriod, ok.sampling.value.far], [40, false]);
    const far = await report(rows, { examplesPerRefresh: 300, refresh: 'monthly' });
    assert.equal(far.sampling.defined && far.sampling.value.far, true);
    const weekly = await report(rows, { examplesPerRefresh: 40, refresh: 'weekly' });
    assert.ok(weekly.sampling.defined);
    assert.ok(Math.abs(weekly.sampling.value.rowsPerPeriod - 80 / (2 * (365.25 / 12 / 7))) < 1e-9);
    assert.equal(weekly.sampling.value.far, true);
  });
});

describe('every schema key under judge.calibration reaches the report or is documented as checked elsewhere', () => {
  const schema = JSON.parse(readFileSync(join(repoRoot, 'schemas', 'evalspec.schema.json'), 'utf8')) as { definitions: { calibration: { properties: Record<string, unknown> } } };
  const keys = Object.keys(schema.definitions.calibration.properties);
  // Keys that do not change the calibration report, and the rule or feature that reads them instead.
  const elsewhere: Record<string, string> = {
    evidence: 'calibration-evidence-missing',
    agreement: 'the judging figures (judge-corrected pass rate, PPI; figures/judging)',
    held_out: 'judge-held-out-set',
    spot_check: 'judge-spot-check',
    report: 'judge-newer-than-calibration (a BLOCKED launch gate), judge-upgrade-without-evidence',
  };
  const ws = join(dir, 'ws');
  mkdirSync(join(ws, 'data'), { recursive: true });
  const base = `evalspec: 1
name: walk
judge:
  kind: llm_rubric
  model: judge@2026-01-01
  calibration:
    examples: 40
    data: data/cal.csv
    min_spearman: 0.75
    min_kappa: 0.80
    refresh: monthly
`;
  const rows: string[] = ['judge_score,human_label,human_label_2,judge_confidence,month', 'score,a,b,conf,m'].slice(0, 1);
  for (let i = 0; i < 40; i++) {
    const human = 1 + ((i + (i % 4 === 0 ? 1 : 0)) % 5);
    rows.push(`${1 + (i % 5)},${human},${i % 10 === 0 ? 1 + (human % 5) : human},${(0.5 + (i % 5) / 10).toFixed(1)},2026-09`);
  }
  writeFileSync(join(ws, 'data', 'cal.csv'), rows.join('\n') + '\n');
  writeFileSync(join(ws, 'data', 'renamed.csv'), rows.join('\n').replace('judge_score', 'score') + '\n');
  writeFileSync(join(ws, 'data', 'other.csv'), rows.slice(0, 21).join('\n') + '\n');
  // One change per key that the report must show.
  const variants: Record<string, string> = {
    examples: base.replace('examples: 40', 'examples: 400'),
    data: base.replace('data/cal.csv', 'data/other.csv'),
    min_spearman: base.replace('min_spearman: 0.75', 'min_spearman: 0.95'),
    min_kappa: base.replace('min_kappa: 0.80', 'min_kappa: 0.30'),
    kappa_weights: `${base}    kappa_weights: quadratic\n`,
    label_set: `${base}    label_set: [0, 1, 2, 3, 4, 5, 6]\n`,
    pass_threshold: `${base}    pass_threshold: 2\n`,
    pass_labels: `${base}    pass_labels: [5]\n`,
    high_confidence_min: `${base}    high_confidence_min: 0.6\n`,
    refresh: base.replace('refresh: monthly', 'refresh: weekly'),
    columns: `${base.replace('data/cal.csv', 'data/renamed.csv')}    columns: {judge_score: score}\n`,
    evidence: `${base}    evidence: data/cal.csv\n`,
    agreement: `${base}    agreement: {human_pass: 30, judge_pass_on_human_pass: 27, human_fail: 10, judge_fail_on_human_fail: 8}\n`,
    held_out: `${base}    held_out: {sampled_on: 2026-03-01, examples: 40}\n`,
    spot_check: `${base}    spot_check: {examples: 100, window_days: 7, every: monthly, during_training: weekly}\n`,
    report: `${base}    report: {judge: judge-large@2026-05-01, checked_on: 2026-06-10, spearman: 0.81}\n`,
  };

  async function panel(text: string): Promise<CalibrationPanelModel> {
    const a = analyzeSpec(text);
    assert.deepEqual(a.diagnostics.filter((d) => d.severity === 'error' && /schema|wrong-type|unknown-key|out-of-range|invalid/.test(d.code)).map((d) => d.message), []);
    const job = { kind: 'calibration' as const, specPath: join(ws, 'walk.evalspec.yaml'), dataPath: a.model!.judge!.calibration!.data!.value, model: a.model!, settings: defaultSettings, workspaceRoots: [ws] };
    const r = await computePanelModel(reportInputs(job));
    assert.ok('report' in r, JSON.stringify(r));
    return r.report as CalibrationPanelModel;
  }

  it('walks every key', async () => {
    const before = JSON.stringify(await panel(base));
    for (const key of keys) {
      const variant = variants[key];
      assert.ok(variant, `judge.calibration.${key} has no variant in this test: show that it changes the report, or list it as checked elsewhere`);
      const changed = JSON.stringify(await panel(variant)) !== before;
      if (elsewhere[key]) {
        assert.equal(changed, false, `${key} is listed as not changing the report`);
        assert.match(readFileSync(join(repoRoot, 'docs', 'format.md'), 'utf8'), new RegExp(`\`${key}\`[^\\n]*not read by the calibration report`), `docs/format.md must say that ${key} is not read by the calibration report`);
      } else assert.ok(changed, `judge.calibration.${key} does not change the calibration report`);
    }
  });
});
