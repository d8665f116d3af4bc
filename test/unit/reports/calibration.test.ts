import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { CalibrationCollector, calibrationReport, calibrationReportFromFile, type CalibrationReport } from '../../../server/src/core/reports';
import { calibrationBatch, type LabelRow } from './helpers';

function run(rows: LabelRow[], opts: Parameters<typeof calibrationBatch>[1] = {}, options = {}): CalibrationReport {
  const c = new CalibrationCollector();
  c.add(calibrationBatch(rows, opts));
  // Rows built with one annotator test ρ and precision, not the κ gate: use every row for them
  // (with defaults, one annotator means no batch counts and the gate is blocked; tested below).
  const r = calibrationReport(c, { bootstrap: { resamples: 300 }, ...(opts.human2 ? {} : { excludeLowKappaBatches: false }), ...options });
  assert.ok(r.defined, r.defined ? '' : r.reason);
  return r.value;
}

describe('calibration report: Spearman ρ', () => {
  it('overall ρ with ties matches scipy (reference corr_negative_with_ties)', () => {
    const x = [1, 2, 3, 4, 5, 6, 7, 8];
    const y = [5, 5, 4, 4, 3, 2, 2, 1];
    const r = run(x.map((j, i) => ({ judge: j, human: y[i]! })));
    assert.ok(r.overall.rho.defined);
    assert.ok(Math.abs(r.overall.rho.value - -0.9819805061) < 1e-9);
    assert.equal(r.verdict.basis, 'overall');
    assert.equal(r.verdict.blocked, true);
    assert.ok(r.overall.interval.defined);
  });

  it('the verdict follows the latest month, and the trend names the first month under the line', () => {
    const good = [1, 2, 3, 4, 5].map((v) => ({ judge: v, human: v }));
    const bad = [1, 2, 3, 4, 5].map((v) => ({ judge: v, human: 6 - v }));
    const rows = [
      ...good.map((r) => ({ ...r, month: '2026-01' })),
      ...bad.map((r) => ({ ...r, month: '2026-02' })),
      ...good.map((r) => ({ ...r, month: '2026-03' })),
    ];
    const r = run(rows);
    assert.deepEqual(r.byMonth.map((m) => [m.group, m.rho.defined && Math.round(m.rho.value * 1e12) / 1e12]), [['2026-01', 1], ['2026-02', -1], ['2026-03', 1]]);
    assert.equal(r.trend.firstMonthBelow, '2026-02');
    assert.equal(r.verdict.basis, 'latest month 2026-03');
    assert.equal(r.verdict.blocked, false);
    assert.match(r.verdict.message, /allowed/);
  });

  it('fewer than 3 rows in a group gives an undefined ρ with a reason, not NaN', () => {
    const r = run([{ judge: 1, human: 1, cohort: 'tiny' }, { judge: 2, human: 2, cohort: 'tiny' }, { judge: 3, human: 3, cohort: 'big' }, { judge: 4, human: 4, cohort: 'big' }, { judge: 5, human: 5, cohort: 'big' }]);
    const tiny = r.byCohort.find((c) => c.group === 'tiny')!;
    assert.equal(tiny.rho.defined, false);
    assert.equal(tiny.belowThreshold, null);
    assert.equal(JSON.stringify(r).includes('NaN'), false);
  });
});

describe('calibration report: κ per batch', () => {
  it('excludes a batch whose annotators disagree, and leaves its rows out of ρ', () => {
    const a = [1, 2, 3, 4, 5, 1, 2, 3].map((v) => ({ judge: v, human: v, human2: v, month: '2026-01', cohort: 'free' }));
    const b = [1, 2, 3, 4, 5, 1, 2, 3].map((v) => ({ judge: v, human: v, human2: 6 - v, month: '2026-01', cohort: 'pro' }));
    const r = run([...a, ...b], { human2: true });
    assert.ok(r.kappa.defined);
    assert.equal(r.kappa.value.batchRule, 'month × cohort');
    const byName = Object.fromEntries(r.kappa.value.batches.map((x) => [x.batch, x]));
    assert.equal(byName['2026-01 / free']!.included, true);
    assert.equal(byName['2026-01 / free']!.kappa.defined && byName['2026-01 / free']!.kappa.value, 1);
    assert.equal(byName['2026-01 / pro']!.included, false);
    assert.deepEqual(r.kappa.value.excluded, ['2026-01 / pro']);
    assert.equal(r.rowsUsed, 8);
    assert.ok(r.overall.rho.defined && Math.abs(r.overall.rho.value - 1) < 1e-12);
  });

  it('an explicit batch column is the batch; no second-label column means no κ and no exclusion', () => {
    const rows = [1, 2, 3, 4].map((v) => ({ judge: v, human: v, human2: v, batch: 'b1' }));
    const r = run(rows, { human2: true, batch: true });
    assert.ok(r.kappa.defined);
    assert.equal(r.kappa.value.batchRule, 'the batch column');
    const none = run([1, 2, 3].map((v) => ({ judge: v, human: v })), {}, { excludeLowKappaBatches: true });
    assert.equal(none.kappa.defined, false);
    // No second annotator: no batch can show κ > min_kappa, so no row counts and the gate fails closed.
    assert.equal(none.rowsUsed, 0);
    assert.equal(none.verdict.blocked, true);
    assert.equal(none.verdict.evidence, 'missing');
    assert.match(none.verdict.message, /BLOCKED: no evidence: .*no human_label_2 column/);
  });
});

describe('calibration report: the gate fails closed', () => {
  const agree = (month: string, cohort: string) => [1, 2, 3, 4, 5, 1, 2, 3, 4, 5].map((v) => ({ judge: v, human: v, human2: v, month, cohort }));
  const disagree = (month: string, cohort: string) => [1, 2, 3, 4, 5, 1, 2, 3, 4, 5].map((v) => ({ judge: v, human: v, human2: 6 - v, month, cohort }));

  it('κ must be greater than min_kappa: a batch at exactly the limit is excluded', () => {
    // One batch with κ strictly between 0 and 1: one disagreement in ten.
    const rows = [1, 2, 3, 4, 5, 1, 2, 3, 4, 5].map((v, i) => ({ judge: v, human: v, human2: i === 0 ? 2 : v, month: '2026-01', cohort: 'free' }));
    const probe = run(rows, { human2: true });
    assert.ok(probe.kappa.defined);
    const k = probe.kappa.value.batches[0]!.kappa;
    assert.ok(k.defined && k.value > 0 && k.value < 1);
    const at = run(rows, { human2: true }, { minKappa: k.value });
    assert.ok(at.kappa.defined);
    assert.equal(at.kappa.value.batches[0]!.included, false);
    assert.match(at.kappa.value.batches[0]!.reason!, /not above/);
    assert.equal(at.verdict.blocked, true);
    assert.equal(at.verdict.evidence, 'missing');
    const below = run(rows, { human2: true }, { minKappa: k.value - 1e-9 });
    assert.equal(below.kappa.defined && below.kappa.value.batches[0]!.included, true);
    assert.equal(below.verdict.blocked, false);
  });

  it('every batch excluded: BLOCKED with the reason, not "no verdict"', () => {
    const r = run([...disagree('2026-01', 'free'), ...disagree('2026-01', 'pro')], { human2: true });
    assert.equal(r.rowsUsed, 0);
    assert.equal(r.verdict.blocked, true);
    assert.equal(r.verdict.evidence, 'missing');
    assert.match(r.verdict.message, /every annotation batch is excluded .*2 of 2/);
  });

  it('the latest month of the file decides even when all its batches are excluded', () => {
    const r = run([...agree('2026-01', 'free'), ...disagree('2026-02', 'free')], { human2: true });
    assert.equal(r.byMonth.length, 1); // only 2026-01 survives
    assert.equal(r.verdict.basis, 'latest month 2026-02');
    assert.equal(r.verdict.blocked, true);
    assert.match(r.verdict.message, /latest month 2026-02 has no row left/);
  });

  it('too few rows in the latest month for ρ blocks', () => {
    const r = run([...agree('2026-01', 'free'), { judge: 1, human: 1, human2: 1, month: '2026-02', cohort: 'free' }, { judge: 2, human: 2, human2: 2, month: '2026-02', cohort: 'free' }], { human2: true });
    assert.equal(r.verdict.blocked, true);
    assert.equal(r.verdict.evidence, 'missing');
    assert.match(r.verdict.message, /at least 3 rows/);
  });

  it('labels older than the judge version block: no ρ check covers a judge released after the latest month', () => {
    const good = [1, 2, 3, 4, 5].map((v) => ({ judge: v, human: v }));
    const rows = [...good.map((r) => ({ ...r, month: '2026-08' })), ...good.map((r) => ({ ...r, month: '2026-09' }))];
    const newer = run(rows, {}, { judge: { model: 'judge-large@2026-10-01', releasedOn: '2026-10-01' } });
    assert.equal(newer.verdict.blocked, true);
    assert.equal(newer.verdict.evidence, 'missing');
    assert.match(newer.verdict.message, /BLOCKED: no evidence: the latest month of human labels, 2026-09, is before judge judge-large@2026-10-01 was released \(2026-10-01\)/);
    // Labels of the release month, or later, are the check; a judge released before them is covered.
    assert.equal(run(rows, {}, { judge: { model: 'j@2026-09-20', releasedOn: '2026-09-20' } }).verdict.blocked, false);
    assert.equal(run(rows, {}, { judge: { model: 'j@2026-05-01', releasedOn: '2026-05-01' } }).verdict.blocked, false);
    // Without a month column there is nothing to date the labels by.
    assert.equal(run(good, {}, { judge: { model: 'j@2030-01-01', releasedOn: '2030-01-01' } }).verdict.blocked, false);
  });
});

describe('calibration report: confidence', () => {
  const rows: LabelRow[] = [
    { judge: 5, human: 5, confidence: 0.9 },
    { judge: 4, human: 2, confidence: 0.85 },
    { judge: 2, human: 2, confidence: 0.5 },
    { judge: 4, human: 5, confidence: 0.8 },
  ];
  const r = run(rows, { confidence: true });

  it('precision of high-confidence verdicts, their share, and overconfidence', () => {
    assert.ok(r.highConfidence.defined);
    const h = r.highConfidence.value;
    assert.equal(h.highConfidence, 3);
    assert.equal(h.confirmed, 2);
    assert.equal(h.precision.defined && h.precision.value, 2 / 3);
    assert.equal(h.highConfidenceShare.defined && h.highConfidenceShare.value, 0.75);
    assert.ok(h.meanConfidence.defined && Math.abs(h.meanConfidence.value - 0.85) < 1e-12);
    assert.equal(h.overconfident, true);
  });

  it('reliability bins: count and observed agreement per confidence bin', () => {
    assert.ok(r.reliability.defined);
    const bins = r.reliability.value;
    assert.equal(bins.length, 10);
    assert.deepEqual([bins[5]!.count, bins[8]!.count, bins[9]!.count], [1, 2, 1]);
    assert.equal(bins[8]!.observedAgreement.defined && bins[8]!.observedAgreement.value, 0.5);
    assert.equal(bins[0]!.observedAgreement.defined, false);
  });

  it('judge-vs-human table counts each score pair', () => {
    assert.deepEqual(r.table.judgeLabels, [2, 4, 5]);
    assert.deepEqual(r.table.counts, [
      [1, 0, 0],
      [1, 0, 1],
      [0, 0, 1],
    ]);
  });
});

describe('calibration report on the example data', () => {
  it('shows calibration rot: ρ from about 0.85 to about 0.62, launches blocked, one batch excluded', async () => {
    const out = await calibrationReportFromFile('data/calibration.csv', { workspaceRoot: join(__dirname, '..', '..', '..', 'examples') }, { bootstrap: { resamples: 200 } });
    assert.ok(out.ok);
    assert.ok(out.report.defined);
    const r = out.report.value;
    const months = r.byMonth.map((m) => (m.rho.defined ? m.rho.value : NaN));
    assert.ok(Math.abs(months[0]! - 0.85) < 0.03 && Math.abs(months[5]! - 0.62) < 0.03, String(months));
    assert.equal(r.verdict.blocked, true);
    assert.ok(r.kappa.defined);
    assert.deepEqual(r.kappa.value.excluded, ['2026-07 / enterprise']);
    assert.equal(r.trend.firstMonthBelow, '2026-07');
  });
});
