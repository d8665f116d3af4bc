// A judge version the latest calibration report did not check blocks judge-gated launches, and a
// judge upgrade is its own release that names its calibration evidence (issue 10). The gate is the
// same in the editor (an error diagnostic), the CLI (exit 1 on errors) and the design review (a
// BLOCKED gate, "judge version").
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { launchGateOf } from '../../../server/src/core';
import { versionDate } from '../../../server/src/core/rules/modelNames';
import { analyze, base, expectClean, expectFinding, expectFixResolves, variant } from './harness';

const cal = '    refresh: monthly\ngolden_set:';
const withReport = (report: string) => variant(base, [cal, `    refresh: monthly\n    report: ${report}\ngolden_set:`]);
const upgraded = (text: string) => variant(text, ['  model: judge-large@2026-05-01', '  model: judge-large@2026-10-01']);

describe('judge-newer-than-calibration', () => {
  it('blocks when the judge is a version the latest report did not check: newer, older or a tag', () => {
    const text = upgraded(withReport('{judge: judge-large@2026-05-01, checked_on: 2026-06-10, spearman: 0.81, path: reports/cal-2026-06.md}'));
    const [d] = expectFinding('judge-newer-than-calibration', text.replace('  model: judge-large@2026-10-01', '  model: ⟦judge-large@2026-10-01⟧'), ['Judge-gated launches are BLOCKED', 'judge judge-large@2026-10-01 is newer than judge-large@2026-05-01', 'checked (on 2026-06-10)', 'fresh human labels']);
    assert.equal((d!.data as { gate: string }).gate, 'judge version');
    assert.equal(d!.severity, 'error');
    expectFinding('judge-newer-than-calibration', withReport('{judge: judge-large@2026-08-01, checked_on: 2026-08-10}').replace('  model: judge-large@2026-05-01', '  model: ⟦judge-large@2026-05-01⟧'), ['is older than judge-large@2026-08-01']);
    expectFinding('judge-newer-than-calibration', withReport('{judge: judge-large@v2, checked_on: 2026-08-10}').replace('  model: judge-large@2026-05-01', '  model: ⟦judge-large@2026-05-01⟧'), ['is not judge-large@v2']);
  });
  it('blocks when the report predates the version, is dated in the future, or found ρ below the gate', () => {
    expectFinding('judge-newer-than-calibration', withReport('{judge: judge-large@2026-05-01, checked_on: ⟦2026-04-20⟧}'), ['dated 2026-04-20, before judge-large@2026-05-01 was released (2026-05-01)']);
    expectFinding('judge-newer-than-calibration', withReport('{judge: judge-large@2026-05-01, checked_on: ⟦2026-12-01⟧}'), ['after today (2026-11-24)']);
    expectFinding('judge-newer-than-calibration', withReport('{judge: judge-large@2026-05-01, checked_on: 2026-06-10, spearman: ⟦0.62⟧}'), ['found Spearman ρ = 0.62, below min_spearman 0.75']);
  });
  it('passes when the report checked this version on or after its release with ρ at the gate, and without a report', () => {
    expectClean('judge-newer-than-calibration', withReport('{judge: judge-large@2026-05-01, checked_on: 2026-05-01, spearman: 0.75}'));
    expectClean('judge-newer-than-calibration', withReport('{judge: "JUDGE-LARGE@2026-05-01", checked_on: 2026-11-24}'));
    expectClean('judge-newer-than-calibration', base);
    expectClean('judge-newer-than-calibration', variant(withReport('{judge: judge-large@v2, checked_on: 2026-08-10}'), ['  kind: layered', '  kind: embedding']));
  });
  it('fix: pins the judge back to the calibrated version; none for a dated report', () => {
    const [fixed] = expectFixResolves('judge-newer-than-calibration', upgraded(withReport('{judge: judge-large@2026-05-01, checked_on: 2026-06-10}')));
    assert.match(fixed!, /\n {2}model: judge-large@2026-05-01\n/);
  });
  it('reads the release date of dated versions only', () => {
    assert.equal(versionDate('judge-large@2026-05-01'), '2026-05-01');
    assert.equal(versionDate('gpt-4o-2024-08-06'), '2024-08-06');
    assert.equal(versionDate('claude-3-5-sonnet-20241022'), '2024-10-22');
    assert.equal(versionDate('grader-v2'), undefined);
    assert.equal(versionDate('gpt-4-0613'), undefined);
    assert.equal(versionDate('judge@2026-02-30'), undefined);
  });
});

describe('judge-upgrade-without-evidence', () => {
  it('blocks a judge upgrade that names no calibration report, or a report without its file', () => {
    const [d] = expectFinding('judge-upgrade-without-evidence', upgraded(base).replace('  model: judge-large@2026-10-01', '  model: ⟦judge-large@2026-10-01⟧'), ['BLOCKED', 'upgraded from judge-large@2026-05-01 to judge-large@2026-10-01', 'names no calibration report'], { previousText: base });
    assert.equal(launchGateOf(d!.code), 'judge version');
    expectFinding('judge-upgrade-without-evidence', upgraded(withReport('{judge: judge-large@2026-10-01, checked_on: 2026-10-05}')).replace('  model: judge-large@2026-10-01', '  model: ⟦judge-large@2026-10-01⟧'), ['calibration.report.path'], { previousText: base });
  });
  it('passes with the report of the new version named, without a change, and without a baseline', () => {
    expectClean('judge-upgrade-without-evidence', upgraded(withReport('{judge: judge-large@2026-10-01, checked_on: 2026-10-05, spearman: 0.8, path: reports/cal-2026-10.md}')), { previousText: base });
    expectClean('judge-upgrade-without-evidence', base, { previousText: base });
    expectClean('judge-upgrade-without-evidence', upgraded(base));
  });
  it('leaves a report of another version to judge-newer-than-calibration', () => {
    const a = analyze(upgraded(withReport('{judge: judge-large@2026-05-01, checked_on: 2026-06-10, path: r.md}')), { previousText: base });
    assert.deepEqual(a.diagnostics.filter((d) => d.code.startsWith('judge-')).map((d) => d.code), ['judge-newer-than-calibration']);
  });
  it('fix: keeps the previous judge in this change', () => {
    const [fixed] = expectFixResolves('judge-upgrade-without-evidence', upgraded(base), { previousText: base });
    assert.match(fixed!, /\n {2}model: judge-large@2026-05-01\n/);
  });
});
