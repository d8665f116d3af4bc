// The language status item's words for each verdict of the design review, and where it links.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { specFileNameProblem } from '../../../client/src/specFileName';
import { isCurrentReview, verdictStatus } from '../../../client/src/verdictStatus';
import type { ReviewDocument } from '../../../server/src/review/reviewTypes';

type Verdict = ReviewDocument['verdict'];
const verdict = (v: Partial<Verdict>): Verdict => ({ status: 'ready', errors: 0, warnings: 0, blockedGates: [], notRun: [], findings: [], ...v });

describe('verdictStatus', () => {
  it('BLOCKED names the gate and links to the calibration report', () => {
    const s = verdictStatus(verdict({ status: 'blocked', errors: 2, warnings: 4, blockedGates: [{ gate: 'judge calibration', reason: 'ρ = 0.620 is below 0.75' }] }));
    assert.deepEqual(s, { text: 'BLOCKED: judge calibration', detail: '2 errors, 4 warnings', severity: 'error', link: 'calibration', linkTitle: 'Calibration report' });
  });
  it('BLOCKED by the judge version only links to the design review, which gives the reason', () => {
    const s = verdictStatus(verdict({ status: 'blocked', errors: 1, blockedGates: [{ gate: 'judge version', reason: 'judge x@2 is newer than x@1' }] }));
    assert.deepEqual(s, { text: 'BLOCKED: judge version', detail: '1 error, 0 warnings', severity: 'error', link: 'review', linkTitle: 'Design review' });
    const both = verdictStatus(verdict({ status: 'blocked', errors: 2, blockedGates: [{ gate: 'judge calibration', reason: 'ρ low' }, { gate: 'judge version', reason: 'newer' }] }));
    assert.equal(both.text, 'BLOCKED: judge calibration, judge version');
    assert.equal(both.link, 'calibration');
  });
  it('errors: the count, changes required, a link to the review', () => {
    assert.deepEqual(verdictStatus(verdict({ status: 'changes-required', errors: 1, warnings: 1 })), {
      text: '1 error',
      detail: '1 error, 1 warning; changes required before sign-off',
      severity: 'error',
      link: 'review',
      linkTitle: 'Design review',
    });
    assert.equal(verdictStatus(verdict({ status: 'changes-required', errors: 3 })).text, '3 errors');
  });
  it('no error but a gate that did not run is a warning, not "ready"', () => {
    const s = verdictStatus(verdict({ notRun: ['judge calibration (data/calibration.csv not read)', 'routing (data/routing.csv not read)'] }));
    assert.equal(s.severity, 'warning');
    assert.equal(s.text, 'No errors; not every gate ran');
    assert.equal(s.detail, '0 errors, 0 warnings; 2 gates did not run (their data files were not read)');
  });
  it('ready for sign-off', () => {
    assert.deepEqual(verdictStatus(verdict({ warnings: 2 })), { text: 'Ready for sign-off', detail: '0 errors, 2 warnings', severity: 'information', link: 'review', linkTitle: 'Design review' });
  });
  it('every string goes through the localizer with its arguments', () => {
    const seen: string[] = [];
    const s = verdictStatus(verdict({ status: 'changes-required', errors: 5, warnings: 0 }), (m, ...a) => {
      seen.push(m);
      return `<${m.replace(/\{(\d+)\}/g, (_, i: string) => String(a[Number(i)]))}>`;
    });
    assert.equal(s.text, '<5 errors>');
    assert.ok(seen.includes('{0} errors') && seen.includes('{0}; changes required before sign-off'));
  });
});

describe('specFileNameProblem', () => {
  it('accepts a spec file name', () => {
    for (const ok of ['support-chat.evalspec.yaml', 'a.evalspec.yml', ' my system.evalspec.yaml ']) assert.equal(specFileNameProblem(ok), undefined, ok);
  });
  it('refuses paths, other extensions, reserved characters and hidden names', () => {
    for (const bad of ['', '  ', '../x.evalspec.yaml', 'sub/x.evalspec.yaml', 'sub\\x.evalspec.yaml', '..', 'x.yaml', 'x.evalspec', 'x.evalspec.yaml.bak', 'a|b.evalspec.yaml', 'a\nb.evalspec.yaml', '.evalspec.yaml']) {
      assert.equal(typeof specFileNameProblem(bad), 'string', JSON.stringify(bad));
    }
  });
  it('a review answer is shown only for the document and version it was made from', () => {
    const uri = { toString: () => 'file:///w/a.evalspec.yaml' };
    const other = { toString: () => 'file:///w/b.evalspec.yaml' };
    const answer = (version: number) => ({ document: { verdict: verdict({}) } as ReviewDocument, markdown: '', version });
    assert.equal(isCurrentReview(answer(3), { uri, version: 3 }, { uri, version: 3 }), true);
    assert.equal(isCurrentReview(answer(3), { uri, version: 3 }, { uri, version: 4 }), false, 'edited while the review ran');
    assert.equal(isCurrentReview(answer(3), { uri, version: 3 }, { uri: other, version: 3 }), false, 'another editor is active now');
    assert.equal(isCurrentReview(answer(3), { uri, version: 3 }, undefined), false);
    assert.equal(isCurrentReview(null, { uri, version: 3 }, { uri, version: 9 }), true, 'no verdict holds for any version');
  });
});
