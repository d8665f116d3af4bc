// The shipped examples are reviews a team would sign off: no rule may raise an error on them except
// the one support-chat is written to show (a golden set too small for its target).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { allRules } from '../../../server/src/core/rules/registry';
import { repoRoot } from '../../support/reference';
import { analyze } from './harness';

const dir = join(repoRoot, 'examples');
const intended: Record<string, string[]> = { 'support-chat.evalspec.yaml': ['golden-set-too-small'] };
const ruleCodes = new Set(allRules.map((r) => r.code));

describe('rules on the examples', () => {
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.evalspec.yaml') && x !== 'broken.evalspec.yaml')) {
    it(`${f}: no error-severity rule beyond the intended ones`, () => {
      for (const today of ['2026-10-25', new Date().toISOString().slice(0, 10)]) {
        const errors = analyze(readFileSync(join(dir, f), 'utf8'), { today }).diagnostics.filter((d) => ruleCodes.has(d.code) && d.severity === 'error');
        assert.deepEqual(errors.map((d) => d.code), intended[f] ?? [], errors.map((d) => d.message).join('\n'));
      }
    });
  }

  it('rag-assistant shows its intended coverage warning', () => {
    const a = analyze(readFileSync(join(dir, 'rag-assistant.evalspec.yaml'), 'utf8'), { today: '2026-10-25' });
    assert.deepEqual(a.diagnostics.map((d) => d.code), ['paired-design-available', 'coverage-low']);
  });

  it('broken.evalspec.yaml raises each rule its FLAW comments name', () => {
    const codes = new Set(analyze(readFileSync(join(dir, 'broken.evalspec.yaml'), 'utf8')).diagnostics.map((d) => d.code));
    for (const c of ['metric-without-online-metric', 'judge-free-text-output', 'calibration-set-too-small', 'min-spearman-too-low', 'calibration-refresh-too-rare', 'cohort-shares-not-one', 'no-pre-merge-blocking', 'cadence-tier-missing', 'router-latency-budget-too-high', 'tier-shares-not-one', 'canary-gate-loose', 'pp-looks-like-fraction']) {
      assert.ok(codes.has(c), `${c} missing; got ${[...codes].join(', ')}`);
    }
  });
});
