// How numbers read (issue 10, Display): nothing nonzero reads "±0 pp", no figure shows 20 digits
// (a quotient such as the KV-cache share of 9 ÷ 13 is bounded), the zero-failure certificate says
// "no failures", the golden-set hover leads with its result without repeating the key's title or
// unit, and every ± in the design review says whether it is per cohort or for the overall rate.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyzeSpec, defaultSettings } from '../../../server/src/core';
import { boundedDecimalString, formatExact, formatSharePercent } from '../../../server/src/core/costs';
import { failuresAllowedText, formatNumber, formatPercent, formatPp } from '../../../server/src/core/figures/format';
import { hover } from '../../../server/src/features/hover';
import { reviewMarkdown } from '../../../server/src/review/reviewMarkdown';
import { reviewSpec } from '../../../server/src/review/reviewSpec';
import { base } from '../rules/harness';
import { repoRoot } from '../../support/reference';

const all = (text: string) => analyzeSpec(text, { today: '2026-11-24', figureBudget: { ms: Number.POSITIVE_INFINITY } });
const examples = readdirSync(join(repoRoot, 'examples')).filter((f) => f.endsWith('.evalspec.yaml')).map((f) => ({ f, text: readFileSync(join(repoRoot, 'examples', f), 'utf8') }));

const tenants = `${base}tenants:
  cluster_cost_per_hour: 100
  kv_cache_quota: {production: 0.70, eval: 0.30}
  tenants:
    - {name: a, eval_gpu_seconds: 1, production_gpu_seconds: 2}
    - {name: b, eval_gpu_seconds: 1, production_gpu_seconds: 2.5}
`;

/** Every string a spec's analysis shows: hints, hover texts, lines, messages, JSON values. */
function shown(text: string): string[] {
  const a = all(text);
  const out: string[] = [...a.figures.lines, ...a.diagnostics.map((d) => d.message)];
  for (const n of a.figures.notes) out.push(n.hint, n.title, n.formula, n.substituted, n.result, ...n.caveats);
  const walk = (v: unknown): void => {
    // JSON numbers are doubles (at most 17 significant digits, every one kept on purpose); decimal
    // strings are where a quotient could carry 20.
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(a.figures.json);
  return out;
}

describe('numbers as people read them', () => {
  it('±0.04 pp is "0.04 pp", never "0 pp"; nothing nonzero formats as zero', () => {
    assert.equal(formatPp(0.0004), '0.04 pp');
    assert.equal(formatPp(-0.0004), '-0.04 pp');
    assert.equal(formatPp(0.00049), '0.049 pp');
    assert.equal(formatPp(0.0005), '0.1 pp');
    assert.equal(formatPp(0), '0 pp');
    assert.equal(formatPercent(4.8e-7, 3), '0.000048%');
    assert.equal(formatNumber(0.00001, 3), '0.00001');
    fc.assert(fc.property(fc.double({ min: -1, max: 1, noNaN: true }).filter((x) => x !== 0), fc.integer({ min: 0, max: 4 }), (x, d) => {
      assert.doesNotMatch(formatPp(x, d), /^-?0 pp$/);
      assert.doesNotMatch(formatPercent(x, d), /^-?0%$/);
      assert.doesNotMatch(formatNumber(x, d), /^-?0$/);
    }));
  });
  it('a golden set so large its half-width is under 0.05 pp shows it, not ±0 pp', () => {
    const lines = all(base.replace('  size: 6148', '  size: 400000000')).figures.lines.join('\n');
    assert.match(lines, /golden set 400,000,000: ±0\.0\d+ pp overall/);
    assert.doesNotMatch(lines, /±0 pp/);
  });
  it('a quotient is bounded to 12 significant digits; a short exact decimal keeps every digit', () => {
    assert.equal(boundedDecimalString('0.69230769230769230769'), '0.692307692308');
    assert.equal(boundedDecimalString('119439.36'), '119439.36');
    assert.equal(boundedDecimalString('0.123456789012345'), '0.123456789012345');
    assert.equal(formatExact('1555.2'), '1,555.2');
    assert.equal(formatExact('15.38461538461538461538461538461538461538'), '15.3846153846');
    assert.equal(formatSharePercent('0.69230769230769230769'), '69.23%');
    assert.equal(formatSharePercent('0.7'), '70%');
  });
  it('tenant figures and the KV-cache share never show 16 digits or more, anywhere', () => {
    const t = shown(tenants);
    assert.ok(t.some((s) => s === "production's peak need 69.23% fits its quota 70%"), t.filter((s) => s.includes('peak')).join(' | '));
    for (const { f, text } of [{ f: 'tenants', text: tenants }, ...examples]) {
      for (const s of shown(text)) assert.doesNotMatch(s, /\d{16,}/, `${f}: ${s}`);
    }
  });
  it('the zero-failure certificate says "no failures"; x allowed reads "at most x"', () => {
    assert.equal(failuresAllowedText(0), 'no failures');
    assert.equal(failuresAllowedText(0, true), 'no failures');
    assert.equal(failuresAllowedText(1), 'at most 1 failure');
    assert.equal(failuresAllowedText(2, true), '≤ 2 fails');
    const zero = base.replace('  target_half_width: 0.02\n', '  target_half_width: 0.02\n  max_failure_rate: 0.01\n').replace('  size: 6148', '  size: 200');
    const s = shown(zero);
    assert.ok(s.includes('needs 299 with no failures'), s.filter((x) => x.includes('299')).join(' | '));
    assert.ok(s.some((x) => x.startsWith('299 examples with no failures show the failure rate')));
    assert.ok(s.some((x) => /certifying a failure rate ≤ 1% needs 299 with no failures/.test(x)));
    for (const x of s) assert.doesNotMatch(x, /≤ 0 fail|at most 0 failure/);
    const two = shown(zero.replace('  max_failure_rate: 0.01\n', '  max_failure_rate: 0.01\n  failures_allowed: 2\n'));
    assert.ok(two.some((x) => /^needs 628 with ≤ 2 fails$/.test(x)), two.filter((x) => x.includes('fail')).join(' | '));
  });
});

describe('the golden-set hover', () => {
  const text = examples.find((e) => e.f === 'support-chat.evalspec.yaml')!.text;
  const a = all(text);
  const at = (key: string) => {
    const line = text.split('\n').findIndex((l) => l.startsWith(key));
    return (hover(a, line, key.length - 2)!.contents as { value: string }).value;
  };
  it('leads with the result, then where it comes from, then the key: no repeated title or unit line', () => {
    const md = at('  size:');
    const paragraphs = md.split('\n\n');
    assert.match(paragraphs[0]!, /^\*\*±6\.32 pp on the traffic-weighted overall rate; ±11\.1 pp per cohort/);
    assert.equal(md.split('Golden-set size').length - 1, 1, md);
    assert.equal(md.match(/^Unit: /gm)?.length, 1, md);
    assert.ok(md.indexOf('Precision of a golden set of 200') > md.indexOf('±6.32 pp'));
  });
  it('on every line of every example: no paragraph twice, at most one unit line', () => {
    for (const { f, text: t } of examples) {
      const an = all(t);
      t.split('\n').forEach((l, line) => {
        const m = /^(\s*-?\s*)([a-z_0-9]+):/.exec(l);
        if (!m) return;
        const h = hover(an, line, m[1]!.length + 1);
        if (!h) return;
        const ps = (h.contents as { value: string }).value.split('\n\n').filter((p) => p !== '---');
        assert.equal(new Set(ps).size, ps.length, `${f}:${line + 1}: a paragraph repeats`);
        assert.ok((ps.join('\n').match(/^Unit: /gm)?.length ?? 0) <= 1, `${f}:${line + 1}: unit twice`);
      });
    }
  });
});

describe('the design review', () => {
  it('every ±x pp says whether it is per cohort or for the overall rate', async () => {
    for (const { f, text } of examples.filter((e) => e.f !== 'broken.evalspec.yaml')) {
      const doc = await reviewSpec({ shown: f, specPath: join(repoRoot, 'examples', f), text, settings: defaultSettings });
      const md = reviewMarkdown(doc);
      // The clause that holds each ±: from the previous ";", ":" or sentence end to the next.
      const clauses = [...md.matchAll(/(?:^|[;:\n]|\. )([^;:\n]*?±[\d.]+ (?:pp|% of the scale)[^;\n]*?)(?=;|\. |\.$|\n|$)/gm)].map((m) => m[1]!);
      assert.ok(clauses.length > 0, `${f}: no ± in the review`);
      for (const c of clauses) assert.match(c, /overall rate|per cohort|in cohort /, `${f}: "${c}"`);
    }
  });
});
