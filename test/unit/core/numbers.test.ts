// Extreme but valid numbers (issue 8, "a number must not hang the server"): every search is bounded by
// the size of its answer, sizes past 10^12 are reported as beyond any golden set, exponents no real
// quantity has are refused with implausible-number, and a figure budget names what it skipped.
// No wall-clock assertion: each case must finish inside the runner's generous per-test timeout
// (before the fix, target_half_width 1e-9 with Wilson and 1e-320 never returned).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyzeSpec, type SpecAnalysis } from '../../../server/src/core';
import { toDecimal } from '../../../server/src/core/costs/exact';
import { formatCount, formatPp } from '../../../server/src/core/figures/format';
import { parseSpecText, type SpecNode } from '../../../server/src/core/parse/specTree';
import { decimalMagnitude } from '../../../server/src/core/schema/validate';
import { arcsineSampleSize, exactMinSampleSize, goldenSetSize, pooledSampleSize, wilsonMinSampleSize } from '../../../server/src/core/stats';
import { repoRoot } from '../../support/reference';

const example = (name: string) => readFileSync(join(repoRoot, 'examples', name), 'utf8');
const supportChat = example('support-chat.evalspec.yaml');
const ragAssistant = example('rag-assistant.evalspec.yaml');
const GENEROUS = { timeout: 300_000 };

/** Every text a person reads: messages, figure lines and the parts of every figure note. */
function userTexts(a: SpecAnalysis): string[] {
  const notes = a.figures.notes.flatMap((n) => [n.hint, n.title, n.formula, n.substituted, n.result, ...(n.caveats ?? [])]);
  return [...a.diagnostics.map((d) => d.message), ...a.figures.lines, ...notes].filter((t): t is string => typeof t === 'string');
}

function assertReadable(a: SpecAnalysis, what: string): void {
  for (const t of userTexts(a)) assert.doesNotMatch(t, /\bNaN\b|Infinity|\bundefined\b|\bnull\b/, `${what}: ${t}`);
}

const analyse = (text: string) => analyzeSpec(text, { today: '2026-12-01', figureBudget: { ms: Number.POSITIVE_INFINITY } });
const withValue = (text: string, from: string, to: string) => {
  assert.ok(text.includes(from), from);
  return text.replace(from, to);
};

describe('numbers from issue 8', () => {
  it('target_half_width 1e-9 with a Wilson interval: beyond any golden set, with the estimate', GENEROUS, () => {
    const a = analyse(withValue(withValue(supportChat, 'target_half_width: 0.02', 'target_half_width: 1e-9'), 'interval: wald', 'interval: wilson'));
    assertReadable(a, '1e-9');
    const line = a.figures.lines.find((l) => l.startsWith('precision target'));
    assert.match(line ?? '', /needs ≈2\.5 × 10\^18 \(beyond any golden set\)/);
    assert.equal(a.figures.goldenSet?.precision?.perCohort, wilsonMinSampleSize(0.8, 1e-9).n);
    // No quick fix resizes the golden set to 10^18.
    assert.ok(!a.diagnostics.some((d) => d.code === 'figure-unavailable'));
  });

  for (const tiny of ['1e-160', '1e-320', '5e-324', '1e-31']) {
    it(`target_half_width ${tiny} is refused as implausible, and the rest is computed`, GENEROUS, () => {
      const a = analyse(withValue(supportChat, 'target_half_width: 0.02', `target_half_width: ${tiny}`));
      assertReadable(a, tiny);
      const d = a.diagnostics.filter((x) => x.code === 'implausible-number');
      assert.deepEqual(d.map((x) => x.range.start.line), [supportChat.split('\n').findIndex((l) => l.includes('target_half_width'))]);
      assert.ok(a.figures.lines.some((l) => l.startsWith('golden set 200')));
    });
  }

  it('a price written 1e-9999999 is refused without computing ten million digits', GENEROUS, () => {
    const a = analyse(withValue(supportChat, 'price_per_1m_output_tokens: 3 ', 'price_per_1m_output_tokens: 1e-9999999 '));
    assertReadable(a, 'price');
    const d = a.diagnostics.find((x) => x.code === 'implausible-number');
    assert.match(d?.message ?? '', /traffic\.price_per_1m_output_tokens is 1e-9999999, about 10\^-9999999/);
    // The exact-decimal layer refuses it on its own too (the CLI calc command and reports reach it).
    assert.throws(() => toDecimal('1e-9999999', 'f', 'price'), RangeError);
    assert.equal(toDecimal('1e-100', 'f', 'price').toExponential(), '1e-100');
  });

  it('decimalMagnitude reads the exponent a double lost', () => {
    assert.equal(decimalMagnitude('1e-9999999', 0), -9999999);
    assert.equal(decimalMagnitude('0.00e-999', 0), undefined);
    assert.equal(decimalMagnitude('12.5e-400', 0), -399);
    assert.equal(decimalMagnitude('0.02', 0.02), -2);
  });
});

describe('sample-size searches are bounded by the size of their answer', () => {
  it('Wilson and Clopper-Pearson sizes past 10^12 are the closed-form estimate, flagged beyond', GENEROUS, () => {
    for (const h of [1e-7, 1e-9, 1e-12, 1e-30, 1e-100]) {
      const w = wilsonMinSampleSize(0.8, h);
      const e = exactMinSampleSize(0.8, h);
      const waldRaw = (1.959963984540054 ** 2 * 0.16) / (h * h);
      assert.equal(w.beyond, true, `wilson ${h}`);
      assert.equal(e.beyond, true, `exact ${h}`);
      assert.ok(Math.abs(w.n / waldRaw - 1) < 1e-6, `wilson ${h}: ${w.n} vs ${waldRaw}`);
      assert.ok(w.halfWidthAtN > 0 && Number.isFinite(w.halfWidthAtN));
      assert.ok(Math.abs(e.halfWidthAtN / h - 1) < 1e-6);
    }
  });

  it('below 10^12 the searched sizes are unchanged; Clopper-Pearson past 10^9 reports the Wilson size as an estimate', () => {
    const w = wilsonMinSampleSize(0.8, 1e-5);
    assert.deepEqual([w.n, w.beyond], [6146334112, undefined]);
    const e = exactMinSampleSize(0.8, 1e-5);
    assert.deepEqual([e.n, e.estimated, e.beyond], [6146334112, true, undefined]);
    const small = exactMinSampleSize(0.8, 0.02);
    assert.equal(small.estimated, undefined);
    assert.ok(small.n > wilsonMinSampleSize(0.8, 0.02).n);
  });

  it('a size that overflows a double is a RangeError naming the input, never Infinity', () => {
    assert.throws(() => goldenSetSize({ p: 0.8, halfWidth: 1e-160 }), /halfWidth 1e-160 is so small/);
    assert.throws(() => goldenSetSize({ p: 0.8, halfWidth: 1e-320 }), /halfWidth 1e-320 is so small/);
    assert.throws(() => wilsonMinSampleSize(0.8, 1e-320), /beyond any golden set/);
    assert.throws(() => exactMinSampleSize(0.8, 1e-200), /beyond any golden set/);
    assert.throws(() => pooledSampleSize(1e-320, 2e-320), /so small/);
    assert.throws(() => arcsineSampleSize(1e-320, 2e-320), /so small/);
    const big = goldenSetSize({ p: 0.8, halfWidth: 1e-9, cohorts: 4 });
    assert.equal(big.beyond, true);
    assert.equal(big.ceiling, 'double');
  });

  it('counts past 10^12 are written as powers of ten; tiny pp keep two significant digits', () => {
    assert.equal(formatCount(6147), '6,147');
    assert.equal(formatCount(1e12), '1,000,000,000,000');
    assert.equal(formatCount(6.146334113110598e17), '≈6.1 × 10^17 (beyond any golden set)');
    assert.equal(formatPp(1e-9), '1.0e-7 pp');
    assert.equal(formatPp(0.02), '2 pp');
  });
});

describe('figure budget', () => {
  it('sections that did not start in time are named in one figures-skipped diagnostic', () => {
    let t = 0;
    const a = analyzeSpec(ragAssistant, { today: '2026-12-01', figureBudget: { ms: 1500, now: () => (t += 1000) } });
    const d = a.diagnostics.filter((x) => x.code === 'figures-skipped');
    assert.equal(d.length, 1);
    const sections = (d[0]!.data as { sections: string[] }).sections;
    assert.ok(sections.length > 0 && !sections.includes('traffic'), sections.join(','));
    assert.match(d[0]!.message, new RegExp(`not computed this time: the ${sections.join(', ')} figures`));
    assert.equal(a.figures.goldenSet, undefined, 'the golden set was not computed: no stale figure');
    const all = analyzeSpec(ragAssistant, { today: '2026-12-01', figureBudget: { ms: Number.POSITIVE_INFINITY, now: () => (t += 1000) } });
    assert.ok(!all.diagnostics.some((x) => x.code === 'figures-skipped'));
    assert.ok(all.figures.goldenSet);
  });
});

/** Offsets of every number the spec writes, so a property can put an extreme value in any of them. */
function numericSlots(text: string): [number, number][] {
  const out: [number, number][] = [];
  const walk = (n: SpecNode) => {
    if (n.kind === 'scalar') {
      if (typeof n.value === 'number') out.push([n.start, n.end]);
    } else if (n.kind === 'map') n.entries.forEach((e) => walk(e.value));
    else n.items.forEach(walk);
  };
  const root = parseSpecText(text).root;
  if (root) walk(root);
  return out;
}

const extremeNumber = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: -330, max: 330 })).map(([m, e]) => `${m}e${e}`),
  fc.tuple(fc.integer({ min: 1, max: 99 }), fc.integer({ min: -40, max: 40 })).map(([m, e]) => `${m}e${e}`),
  fc.constantFrom('0', '1', '0.5', '0.999999999999', '1e-30', '1e30', '1e-9999999', '1e9999999', '5e-324', '1e12', '1e13', '2', '100', '-1', '0.000000001'),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
);

describe('property: an extreme number in any numeric field', () => {
  for (const [name, text] of [
    ['support-chat', supportChat],
    ['rag-assistant', ragAssistant],
  ] as const) {
    const slots = numericSlots(text);
    it(`${name}: every analysis completes and no text says NaN, Infinity, undefined or null`, GENEROUS, () => {
      assert.ok(slots.length > 20, `${slots.length} numeric fields`);
      fc.assert(
        fc.property(fc.integer({ min: 0, max: slots.length - 1 }), extremeNumber, fc.boolean(), (slot, value, wilson) => {
          const [s, e] = slots[slot]!;
          let spec = text.slice(0, s) + value + text.slice(e);
          if (wilson) spec = spec.replace(/interval: \w+/, 'interval: wilson');
          assertReadable(analyse(spec), `${value} at ${JSON.stringify(text.slice(s - 30, e))}`);
        }),
        { numRuns: 60, seed: 8 },
      );
    });
  }
});
