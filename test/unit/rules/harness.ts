// Feature-test harness for rules. A fixture marks where a diagnostic must be with ⟦ and ⟧ (stripped
// before analysis, like the | cursor markers of yaml-language-server's tests); the harness checks the
// code, the exact range and the numbers in the message, and applies every fix to prove the rule no
// longer fires and the spec still passes the schema.
import assert from 'node:assert/strict';
import { analyzeSpec, resolveSettings, type SpecDiagnostic } from '../../../server/src/core';
import { LineIndex } from '../../../server/src/core/parse/positions';
import { fixesFor } from '../../../server/src/core/rules/engine';
import type { SpecFix } from '../../../server/src/core/rules/rule';
import type { Range } from '../../../server/src/core/types';
import { applyEdits } from '../../support/applyEdits';

export const TODAY = '2026-11-24';

export const SCHEMA_CODES = [
  'yaml-syntax', 'yaml-warning', 'duplicate-key', 'unknown-key', 'wrong-type', 'missing-value', 'out-of-range', 'invalid-value', 'missing-key', 'not-finite', 'too-few-items', 'too-many-items', 'invalid-key', 'alias-cycle',
];

/** A spec that raises nothing: every rule passes on it. Fixtures are variants of it. */
export const base = `evalspec: 1
name: support-chat
traffic:
  qps: 1000
  avg_output_tokens: 256
  price_per_1m_output_tokens: 3
  sessions_per_day: 86400
metrics:
  - id: task_success
    primary: true
    kind: binary
    expected_pass_rate: 0.80
    predicts:
      online_metric: csat
      expected_effect: "+1pp offline -> +0.5pp online"
  - id: safety_refusal_precision
    primary: true
    kind: binary
    expected_pass_rate: 0.95
    predicts: {online_metric: wrongful_refusal_reports, expected_effect: "-1pp offline -> -0.2pp online"}
judge:
  kind: layered
  model: judge-large@2026-05-01
  production_model: prod-large@2026-09-01
  output: json
  pairwise: false
  prompt: |
    You are grading one reply from a customer-support assistant.
    For each criterion answer pass or fail and quote one sentence of evidence.
    Return JSON: {"criteria": [{"name", "verdict", "evidence"}], "confidence": 0.0-1.0}.
  rubric:
    - criterion: task_completion
      pass_example: "Explains the refund window and links the refund form."
      fail_example: "Describes the refund policy in general terms only."
    - criterion: groundedness
      pass_example: "Every policy statement matches the cited article."
      fail_example: "States a 60-day refund window when the policy says 30 days."
  escalation_band: [0.62, 0.79]
  calibration:
    examples: 50
    min_spearman: 0.75
    min_kappa: 0.80
    held_out: {sampled_on: 2026-05-01, examples: 50}
    spot_check: {examples: 100, window_days: 7, every: monthly, during_training: weekly}
    refresh: monthly
golden_set:
  size: 6148
  confidence: 0.95
  target_half_width: 0.02
  interval: wald
  cohorts:
    - {name: free, share: 0.45}
    - {name: pro, share: 0.30}
    - {name: enterprise, share: 0.10}
    - {name: long_context, share: 0.15}
  coverage: 0.82
  sampled_on: 2026-11-10
  resample_days: 7
  refresh: monthly
cadence:
  pre_merge: {blocking: true, examples: 200}
  daily: {examples: 2000}
  weekly: {stratified: true}
router:
  latency_budget_p95_ms: 20
  escalate_lowest_confidence: 0.20
  tiers:
    - {name: cheap, price_per_1m_output_tokens: 0.75, share: 0.70}
    - {name: mid, price_per_1m_output_tokens: 4, share: 0.22}
    - {name: flagship, price_per_1m_output_tokens: 30, share: 0.08}
  alerts:
    flagship_share_over_baseline_pp: 5
    min_p10_confidence: 0.55
    cost_share_over_moving_avg: 1.10
    shadow_judge: {sample_fraction: 0.05, delay_hours: 24, quality_delta_pp: 3}
  canary:
    shadow_fraction: 0.05
    hours: 48
    max_share_shift_pp: 3
    max_quality_delta_pp: 1
ledger:
  - id: router-drift
    kind: traffic_shift
    share: 0.20
    cost_multiplier: 10
    detection: [5m, 4h, 24h]
  - id: judge-co-drift
    kind: quality_regression
    cohort_share: 0.15
    abandonment_increase: 0.12
    value_per_session: 0.10
    detection: [7d, 30d]
  - id: golden-set-rot
    kind: coverage_gap
    uncovered_share: 0.20
    pass_rate_gap: 0.15
`;

/** `text` with each [from, to] replaced; every `from` must occur exactly once. */
export function variant(text: string, ...replacements: [string, string][]): string {
  let out = text;
  for (const [from, to] of replacements) {
    const n = out.split(from).length - 1;
    assert.equal(n, 1, `fixture: expected exactly one ${JSON.stringify(from)}, found ${n}`);
    out = out.replace(from, () => to);
  }
  return out;
}

/** Strips ⟦…⟧ markers and returns the text and the marked ranges, in order. */
export function unmark(marked: string): { text: string; ranges: Range[] } {
  let text = '';
  const offsets: [number, number][] = [];
  let open: number | undefined;
  for (const ch of marked) {
    if (ch === '⟦') open = text.length;
    else if (ch === '⟧') {
      assert.ok(open !== undefined, 'fixture: ⟧ without ⟦');
      offsets.push([open, text.length]);
      open = undefined;
    } else text += ch;
  }
  const lines = new LineIndex(text);
  return { text, ranges: offsets.map(([s, e]) => lines.range(s, e)) };
}

export interface AnalyzeOpts {
  previousText?: string;
  settings?: unknown;
  today?: string;
}

export function analyze(text: string, opts: AnalyzeOpts = {}) {
  // Every figure, whatever the machine's load: the editor's 2 s budget is tested in numbers.test.ts.
  return analyzeSpec(text, { today: opts.today ?? TODAY, previousText: opts.previousText, settings: opts.settings === undefined ? undefined : resolveSettings(opts.settings), figureBudget: { ms: Number.POSITIVE_INFINITY } });
}

function show(r: Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/**
 * Asserts `code` fires exactly at the marked ranges (one diagnostic per marker) and that each message
 * contains every `includes` string; returns the diagnostics.
 */
export function expectFinding(code: string, marked: string, includes: (string | RegExp)[] = [], opts: AnalyzeOpts = {}): SpecDiagnostic[] {
  const { text, ranges } = unmark(marked);
  assert.ok(ranges.length > 0, 'fixture: mark the expected range with ⟦…⟧');
  const a = analyze(text, opts);
  const found = a.diagnostics.filter((d) => d.code === code);
  assert.deepEqual(found.map((d) => show(d.range)), ranges.map(show), `${code} ranges; got: ${found.map((d) => d.message).join(' | ') || 'nothing'}`);
  for (const d of found) {
    for (const inc of includes) {
      if (typeof inc === 'string') assert.ok(d.message.includes(inc), `${code} message lacks ${JSON.stringify(inc)}: ${d.message}`);
      else assert.match(d.message, inc);
    }
  }
  const schema = a.diagnostics.filter((d) => SCHEMA_CODES.includes(d.code));
  assert.deepEqual(schema.map((d) => `${d.code}: ${d.message}`), [], 'failing fixtures are schema-valid');
  return found;
}

export function expectClean(code: string, text: string, opts: AnalyzeOpts = {}): void {
  const a = analyze(text, opts);
  assert.deepEqual(a.diagnostics.filter((d) => d.code === code).map((d) => d.message), [], `${code} should not fire`);
}

/** The fixes offered for the first `code` diagnostic of `text`. */
export function fixes(code: string, text: string, opts: AnalyzeOpts = {}): { fixes: SpecFix[]; diagnostic: SpecDiagnostic } {
  const a = analyze(text, opts);
  const d = a.diagnostics.find((x) => x.code === code);
  assert.ok(d, `${code} should fire`);
  assert.ok(a.ruleContext);
  return { fixes: fixesFor(d, a.ruleContext), diagnostic: d };
}

/**
 * Applies the fix whose title matches (or every offered fix, one at a time, when no title is given)
 * and asserts: `code` no longer fires on the diagnostic's target, the YAML still passes the schema.
 * Returns the fixed texts.
 */
export function expectFixResolves(code: string, text: string, opts: AnalyzeOpts & { title?: RegExp; count?: number } = {}): string[] {
  const { fixes: fs } = fixes(code, text, opts);
  assert.ok(fs.length > 0, `${code} should offer a fix`);
  if (opts.count !== undefined) assert.equal(fs.length, opts.count, `${code}: fixes offered: ${fs.map((f) => f.title).join(' | ')}`);
  const chosen = opts.title ? fs.filter((f) => opts.title!.test(f.title)) : fs;
  assert.ok(chosen.length > 0, `no fix titled ${String(opts.title)} among ${fs.map((f) => f.title).join(' | ')}`);
  const before = analyze(text, opts).diagnostics.filter((d) => d.code === code).length;
  return chosen.map((f) => {
    const fixed = applyEdits(text, f.edits);
    const after = analyze(fixed, opts);
    const left = after.diagnostics.filter((d) => d.code === code);
    assert.ok(left.length < before, `after "${f.title}", ${code} still fires ${left.length}× (was ${before}×):\n${left.map((d) => d.message).join('\n')}\n---\n${fixed}`);
    const schema = after.diagnostics.filter((d) => SCHEMA_CODES.includes(d.code));
    assert.deepEqual(schema.map((d) => `${d.code}: ${d.message}`), [], `after "${f.title}" the spec has schema errors:\n${fixed}`);
    return fixed;
  });
}

/** Applies fixes for `code` until it stops firing (for rules that report several places). */
export function fixAll(code: string, text: string, opts: AnalyzeOpts = {}): string {
  let t = text;
  for (let i = 0; i < 10; i++) {
    const a = analyze(t, opts);
    const d = a.diagnostics.find((x) => x.code === code);
    if (!d) break;
    const f = fixesFor(d, a.ruleContext!)[0];
    assert.ok(f, `${code} offers no fix`);
    t = applyEdits(t, f.edits);
  }
  assert.ok(!analyze(t, opts).diagnostics.some((d) => d.code === code), `${code} still fires after fixing every diagnostic`);
  assert.deepEqual(analyze(t, opts).diagnostics.filter((d) => SCHEMA_CODES.includes(d.code)).map((d) => d.message), []);
  return t;
}
