import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeSpec, resolveSettings } from '../../../server/src/core';
import { percentHint } from '../../../server/src/core/schema/validate';
import { repoRoot } from '../../support/reference';

const examples = join(repoRoot, 'examples');
const base = 'evalspec: 1\nname: t\nmetrics:\n  - {id: a, primary: true, kind: binary, expected_pass_rate: 0.8}\ngolden_set:\n  size: 200\n  confidence: 0.95\n';

const schemaCodes = new Set(['yaml-syntax', 'duplicate-key', 'unknown-key', 'wrong-type', 'missing-value', 'out-of-range', 'invalid-value', 'missing-key', 'not-finite', 'too-few-items', 'too-many-items', 'invalid-key']);

/** The schema's diagnostics only (a minimal spec raises rule findings, e.g. no pre-merge run). */
function codesOf(text: string): string[] {
  return analyzeSpec(text).diagnostics.map((d) => d.code).filter((c) => schemaCodes.has(c));
}

describe('schema validation', () => {
  for (const f of readdirSync(examples).filter((f) => f.endsWith('.evalspec.yaml') && !f.startsWith('broken'))) {
    it(`example ${f} has no schema errors`, () => {
      const a = analyzeSpec(readFileSync(join(examples, f), 'utf8'));
      assert.deepEqual(a.diagnostics.filter((d) => schemaCodes.has(d.code)).map((d) => `${d.code}: ${d.message}`), []);
      assert.ok(a.model?.goldenSet?.size, 'model reads the golden set');
    });
  }

  it('the broken example raises every schema category', () => {
    const codes = new Set(codesOf(readFileSync(join(examples, 'broken.evalspec.yaml'), 'utf8')));
    for (const c of ['unknown-key', 'wrong-type', 'out-of-range', 'missing-key']) assert.ok(codes.has(c), `${c} missing from ${[...codes].join(', ')}`);
  });

  it('a clean minimal spec has no schema errors', () => {
    assert.deepEqual(codesOf(base), []);
  });

  it('points at the value for out-of-range and suggests the fraction', () => {
    const a = analyzeSpec(base.replace('expected_pass_rate: 0.8', 'expected_pass_rate: 80'));
    const d = a.diagnostics.find((x) => x.code === 'out-of-range');
    assert.ok(d);
    assert.equal(d.range.start.line, 3);
    assert.equal(a.parsed.text.split('\n')[3]!.slice(d.range.start.character, d.range.end.character), '80');
    assert.match(d.message, /0\.8/);
  });

  it('a percentage where a rate belongs: the fraction by its digits, never a double\'s slip or Infinity', () => {
    const a = analyzeSpec(base.replace('expected_pass_rate: 0.8', 'expected_pass_rate: 33.3%'));
    const d = a.diagnostics.find((x) => x.code === 'wrong-type');
    assert.ok(d, JSON.stringify(a.diagnostics.map((x) => x.code)));
    assert.match(d.message, / Write rates as fractions: 0\.333 rather than 33\.3%\.$/);
    const cases: [string, string][] = [['7%', '0.07'], ['100%', '1'], ['0.5%', '0.005'], ['250 %', '2.5'], ['12.50%', '0.125'], ['0%', '0'], ['007.0%', '0.07']];
    for (const [text, fraction] of cases) assert.equal(percentHint(text), ` Write rates as fractions: ${fraction} rather than ${text}.`);
    const huge = percentHint(`${'9'.repeat(400)}%`);
    assert.ok(!/Infinity|NaN|e\+/.test(huge) && huge.length < 120, huge);
  });

  it('a branch that was only tried does not leave its marks (refresh: 90d stays in the model)', () => {
    const a = analyzeSpec(base.replace('confidence: 0.95', 'confidence: 0.95\n  refresh: 90d'));
    assert.equal(a.model?.goldenSet?.refresh?.value, '90d');
  });

  it('an invalid value never reaches the model', () => {
    const a = analyzeSpec(base.replace('size: 200', 'size: "200"'));
    assert.equal(a.model?.goldenSet?.size, undefined);
    assert.ok(a.model?.goldenSet?.confidence);
  });

  it('chooses the ledger branch by kind and reports unknown kinds with a suggestion', () => {
    const ok = `${base}ledger:\n  - {id: r, kind: coverage_gap, uncovered_share: 0.2, pass_rate_gap: 0.15}\n`;
    assert.deepEqual(codesOf(ok), []);
    const bad = analyzeSpec(ok.replace('coverage_gap', 'coverage_gaps'));
    const d = bad.diagnostics.find((x) => x.code === 'invalid-value');
    assert.match(d?.message ?? '', /Did you mean coverage_gap\?/);
    const wrongKey = analyzeSpec(ok.replace('uncovered_share', 'share'));
    assert.ok(wrongKey.diagnostics.some((x) => x.code === 'unknown-key' && /Did you mean "uncovered_share"/.test(x.message)));
  });

  it('severity settings change or silence a code', () => {
    const text = base.replace('confidence: 0.95', 'confidense: 0.95');
    const warn = analyzeSpec(text, { settings: resolveSettings({ severity: { 'unknown-key': 'warning' } }) });
    assert.equal(warn.diagnostics.find((d) => d.code === 'unknown-key')?.severity, 'warning');
    const off = analyzeSpec(text, { settings: resolveSettings({ severity: { 'unknown-key': 'off' } }) });
    assert.ok(!off.diagnostics.some((d) => d.code === 'unknown-key'));
  });

  it('settings from an untrusted source fall back to defaults on bad values', () => {
    const s = resolveSettings({ severity: { x: 'loud' }, debounceMs: Number.NaN, maxDocumentLength: -1 });
    assert.deepEqual(s.severity, {});
    assert.equal(s.debounceMs, 75);
    assert.equal(s.maxDocumentLength, 2_000_000);
  });
});
