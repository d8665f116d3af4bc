// Inlay hints fit VS Code's default budget of 43 characters per line (issue 10, Display): the editor
// cuts the line's hints in all with "…", so the server fits them and never cuts a number.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fitHintText, fitLineHints, HINT_MAX_LENGTH, shortenWords, VSCODE_HINT_MAX_LENGTH as MAX } from '../../../server/src/features/hintFit';
import { repoRoot } from '../../support/reference';

const numbers = (s: string) => s.match(/[\d.,]*\d/g) ?? [];

describe('inlay hints fit the line budget (43 in VS Code, 120 in EvalSpec files)', () => {
  it('the budget is the maximumLength the extension sets for EvalSpec files', () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
    assert.equal(pkg.contributes.configurationDefaults['[evalspec]']['editor.inlayHints.maximumLength'], HINT_MAX_LENGTH);
  });

  it('the golden-set hint keeps its first part and its verdict, with … for what is left out', () => {
    assert.equal(fitHintText('±6.3 pp overall (stratified, 95%) · ±11.1 pp per cohort · needs 6,148', MAX), '±6.3 pp overall · … · needs 6,148');
  });

  it('drops parenthesised qualifiers first, then middle parts, then trailing parts', () => {
    assert.equal(fitHintText('needs 6,148 (1,537/cohort) · for ±2 pp per cohort', MAX), 'needs 6,148 · for ±2 pp per cohort');
    assert.equal(fitHintText('1.8 pp of sessions lost · $155.52/day · 7d $1,089 · 30d $4,666', MAX), '1.8 pp of sessions lost · … · 30d $4,666');
    assert.equal(fitHintText('overrun $119,439.36/day · 5m $415 · 4h $19,907 · 24h $119,439 · 5m→4h 48×, 4h→24h 6×', MAX), 'overrun $119,439.36/day · 5m $415 · …');
  });

  it('a hint that fits is left alone; an empty one is no hint', () => {
    assert.equal(fitHintText('50 examples: P(block | ρ = 0.80) = 23%'), '50 examples: P(block | ρ = 0.80) = 23%');
    assert.equal(fitHintText(''), undefined);
  });

  it('shortens words, never numbers', () => {
    assert.equal(shortenWords('needs 6,148 examples for the precision target', 30).length <= 30, true);
    assert.match(shortenWords('needs 6,148 examples for the precision target', 30), /6,148/);
  });

  it('several hints on one line share one budget', () => {
    const labels = fitLineHints(['$66,355.20/day at 1,200,000 requests', 'blend $3.81/1M · $84,160.51/day'], MAX);
    const total = labels.reduce((s, l, i) => s + (l ? l.length + (i > 0 ? 1 : 0) : 0), 0);
    assert.ok(total <= MAX, JSON.stringify(labels));
  });

  it('property: a fitted hint is within the budget and every number it shows is one of the hint', () => {
    const word = fc.oneof(fc.constantFrom('needs', 'overall', 'per', 'cohort', '(stratified,', '95%)', 'pp', 'examples'), fc.integer({ min: 0, max: 99999 }).map((n) => n.toLocaleString('en-US')), fc.double({ min: 0, max: 100, noNaN: true }).map((x) => `±${x.toFixed(1)}`));
    const part = fc.array(word, { minLength: 1, maxLength: 8 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 6 }), fc.integer({ min: 10, max: 80 }), (parts, max) => {
        const hint = parts.join(' · ');
        const out = fitHintText(hint, max);
        if (out === undefined) return;
        assert.ok(out.length <= max, `${out} > ${max}`);
        const whole = new Set(numbers(hint));
        for (const n of numbers(out)) assert.ok(whole.has(n), `${n} is not a number of ${hint}`);
      }),
    );
  });
});
