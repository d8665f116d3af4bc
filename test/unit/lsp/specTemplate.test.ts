// The whole-spec template: first (and preselected) among the completions of an empty spec, absent in
// a spec with content, and with its defaults a spec the analysis accepts: the only error is the
// golden-set-too-small that the walkthrough's "apply the resize fix" step then fixes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeSpec } from '../../../server/src/core';
import { completions } from '../../../server/src/features/completion';
import { expandDefaults, wholeSpecLabel, wholeSpecSnippet } from '../../../server/src/specTemplate';

const sorted = (items: ReturnType<typeof completions>) => [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));

describe('whole-spec template', () => {
  it('is the first completion in an empty spec, and in one with only comments and blank lines', () => {
    for (const text of ['', '\n\n', '# my spec\n\n', '  \r\n']) {
      const items = completions(analyzeSpec(text), 0, 0);
      assert.ok(items.length > 1, 'the root keys are offered too');
      const first = sorted(items)[0]!;
      assert.equal(first.label, wholeSpecLabel, JSON.stringify(text));
      assert.equal(first.preselect, true);
      assert.equal(first.insertText, wholeSpecSnippet);
      assert.equal(items.filter((i) => i.label === wholeSpecLabel).length, 1);
    }
  });
  it('stays first while its word is typed, and is not offered once the spec has content', () => {
    const typing = '# my spec\nevals';
    assert.equal(sorted(completions(analyzeSpec(typing), 1, 5))[0]!.label, wholeSpecLabel);
    for (const [text, line] of [['evalspec: 1\n', 1], ['evalspec: 1\nna', 1], ['evals', 1], ['metrics:\n  - id: x\n', 2]] as const) {
      assert.equal(completions(analyzeSpec(text), line, 0).some((i) => i.label === wholeSpecLabel), false, JSON.stringify(text));
    }
  });
  it('expanded with its defaults, the only error is golden-set-too-small, whose fix resizes it', () => {
    const text = expandDefaults(wholeSpecSnippet);
    assert.doesNotMatch(text, /\$/, 'every placeholder and variable expanded');
    const a = analyzeSpec(text);
    const errors = a.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);
    assert.deepEqual(errors, ['golden-set-too-small']);
    assert.equal(a.model?.name?.value, 'my-system');
  });
  it('expandDefaults takes the default of a placeholder and the first choice of a choice', () => {
    assert.equal(expandDefaults('a: ${1:x y}\nb: ${2|binary,likert|}\n$0'), 'a: x y\nb: binary\n');
    assert.equal(expandDefaults('d: $CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE $OTHER', new Date(2026, 1, 3)), 'd: 2026-02-03 $OTHER');
  });
});
