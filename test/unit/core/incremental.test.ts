// Incremental analysis equals a from-scratch analysis of the same text, always: random edit
// sequences (typing, deleting, new lines, whole lines copied or removed, numbers changed, YAML
// punctuation) are applied to real specs through one AnalysisSession, and after every edit each
// diagnostic, figure (JSON, hint notes, text lines, problems) and the parsed tree are compared with
// a fresh analysis. Separate tests prove the incremental path is really taken.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { generateLargeSpec } from '../../../bench/generateLargeSpec';
import { AnalysisSession, analyzeSpec, type SpecAnalysis } from '../../../server/src/core';
import { IncrementalSpecParser } from '../../../server/src/core/parse/incrementalParse';
import { parseSpecText, type SpecNode } from '../../../server/src/core/parse/specTree';

const today = '2026-12-01';
const examples = readdirSync('examples')
  .filter((f) => f.endsWith('.evalspec.yaml'))
  .map((f) => readFileSync(join('examples', f), 'utf8'));
const large = generateLargeSpec(1500);

/** Everything a client sees of an analysis, as one comparable text. */
function visible(a: SpecAnalysis): string {
  const f = a.figures;
  return JSON.stringify({ diagnostics: a.diagnostics, json: f.json, notes: f.notes, lines: f.lines, problems: f.problems, goldenSet: f.goldenSet, root: a.parsed.root, model: a.model && modelShape(a.model) });
}

/** The model without its nodes (they are compared through the tree). */
function modelShape(m: object): unknown {
  return JSON.parse(JSON.stringify(m, (k, v) => (k === 'node' || k === 'root' ? undefined : v)));
}

type Edit = { at: number; kind: number; pick: number; len: number };
const inserts = ['x', '1', '0', '.', '9', ' ', '\n', '\n  ', '-', ': ', '#', '"', "'", '{', '[', '&a ', '*a', '\t', 'e400', '  - id: extra\n', 'name: again\n', '\r\n'];

function apply(text: string, e: Edit): string {
  const at = Math.floor(e.at * (text.length + 1));
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = text.indexOf('\n', at) === -1 ? text.length : text.indexOf('\n', at) + 1;
  switch (e.kind) {
    case 0: // typing a character
      return text.slice(0, at) + inserts[e.pick % inserts.length] + text.slice(at);
    case 1: // deleting a few characters
      return text.slice(0, at) + text.slice(at + 1 + (e.len % 3));
    case 2: // a line copied below itself
      return text.slice(0, lineEnd) + text.slice(lineStart, lineEnd) + text.slice(lineEnd);
    case 3: // a line removed
      return text.slice(0, lineStart) + text.slice(lineEnd);
    default: {
      // a number changed to another
      const m = /\d+(\.\d+)?/.exec(text.slice(at));
      if (!m) return text;
      const s = at + m.index;
      return text.slice(0, s) + String((e.pick % 97) / (e.len % 3 === 0 ? 1 : 100)) + text.slice(s + m[0].length);
    }
  }
}

const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), kind: fc.integer({ min: 0, max: 4 }), pick: fc.nat(1000), len: fc.nat(10) });

function checkSequence(start: string, edits: Edit[]): void {
  const session = new AnalysisSession();
  let text = start;
  assert.equal(visible(analyzeSpec(text, { session, today })), visible(analyzeSpec(text, { today })));
  for (const e of edits) {
    text = apply(text, e);
    const incremental = analyzeSpec(text, { session, today });
    const scratch = analyzeSpec(text, { today });
    assert.equal(visible(incremental), visible(scratch), `after editing to:\n${text.slice(0, 400)}`);
  }
}

describe('incremental analysis', () => {
  it('equals a from-scratch analysis after every edit of the examples', () => {
    fc.assert(
      fc.property(fc.constantFrom(...examples), fc.array(edit, { minLength: 1, maxLength: 25 }), (spec, edits) => checkSequence(spec, edits)),
      { numRuns: 60, seed: 20261201 },
    );
  });

  it('equals a from-scratch analysis after every edit of a large generated spec', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), (edits) => checkSequence(large, edits)),
      { numRuns: 6, seed: 20261202 },
    );
  });

  it('parses only the changed piece of a one-character edit and keeps the other nodes', () => {
    const parser = new IncrementalSpecParser();
    const before = parser.parse(large);
    const i = large.indexOf('cost_multiplier: ') + 'cost_multiplier: '.length;
    const edited = `${large.slice(0, i)}1${large.slice(i)}`;
    const after = parser.parse(edited);
    assert.equal(parser.lastStats.fallback, false);
    assert.equal(parser.lastStats.parsed, 1);
    assert.ok(parser.lastStats.reused > 100, `reused ${parser.lastStats.reused}`);
    assert.deepEqual(after.root, parseSpecText(edited).root);
    if (before.root?.kind !== 'map' || after.root?.kind !== 'map') return assert.fail('not a map');
    // The metrics section precedes the edit and is kept as the same object.
    const metrics = (r: SpecNode) => (r.kind === 'map' ? r.entries.find((e) => e.key === 'metrics')?.value : undefined);
    assert.equal(metrics(after.root), metrics(before.root));
  });

  it('keeps the model part and figures of a section the edit did not touch', () => {
    const session = new AnalysisSession();
    const a = analyzeSpec(large, { session, today });
    const i = large.indexOf('cost_multiplier: ') + 'cost_multiplier: '.length;
    const b = analyzeSpec(`${large.slice(0, i)}1${large.slice(i)}`, { session, today });
    assert.ok(a.model?.metrics && a.model.metrics === b.model?.metrics, 'metrics part reused');
    assert.ok(a.model?.goldenSet && a.model.goldenSet === b.model?.goldenSet, 'golden-set part reused');
    assert.notEqual(a.model?.ledger, b.model?.ledger);
    const note = (x: SpecAnalysis) => x.figures.notes.find((n) => n.id.startsWith('goldenSet'));
    assert.ok(note(a) && note(a) === note(b), 'golden-set figures replayed');
  });

  it('replays figures that never read what an edit changed, and recomputes those that did', () => {
    const session = new AnalysisSession();
    const note = (x: SpecAnalysis, prefix: string) => x.figures.notes.find((n) => n.id.startsWith(prefix));
    const a = analyzeSpec(large, { session, today });
    const d = large.indexOf('description: ', large.indexOf('metrics:')) + 'description: '.length;
    // The metrics part is read again (its text changed), but no sizing figure reads a description.
    const b = analyzeSpec(`${large.slice(0, d)}x${large.slice(d)}`, { session, today });
    assert.notEqual(a.model?.metrics, b.model?.metrics);
    for (const prefix of ['goldenSet', 'cadence']) assert.ok(note(a, prefix) && note(a, prefix) === note(b, prefix), `${prefix} figures replayed`);
    // A primary metric's expected pass rate is read by the sizing: the figures are computed again.
    const p = large.indexOf('expected_pass_rate: ', large.indexOf('metrics:')) + 'expected_pass_rate: '.length;
    const text = `${large.slice(0, p)}0.5${large.slice(large.indexOf('\n', p))}`;
    const c = analyzeSpec(text, { session, today });
    assert.notEqual(note(b, 'goldenSet'), note(c, 'goldenSet'));
    assert.equal(visible(c), visible(analyzeSpec(text, { today })));
  });

  it('computes again only the ledger row an edit changed', () => {
    const session = new AnalysisSession();
    const rows = (x: SpecAnalysis) => x.figures.notes.filter((n) => n.id.startsWith('ledger.'));
    const a = analyzeSpec(large, { session, today });
    const i = large.indexOf('cost_multiplier: ', large.indexOf('ledger:')) + 'cost_multiplier: '.length;
    const text = `${large.slice(0, i)}1${large.slice(i)}`;
    const b = analyzeSpec(text, { session, today });
    const [before, after] = [rows(a), rows(b)];
    assert.ok(before.length > 10 && before.length === after.length);
    const changed = after.filter((n, k) => n !== before[k]);
    assert.equal(changed.length, 1, 'one row computed again, the others kept');
    assert.notEqual(changed[0]!.hint, before[after.indexOf(changed[0]!)]!.hint);
    assert.equal(visible(b), visible(analyzeSpec(text, { today })));
  });

  it('moves the diagnostics and figures of sections below a new line instead of computing them again', () => {
    const session = new AnalysisSession();
    // A schema error below the edit: its diagnostic must move with its line.
    const start = large.replace(/(cost_multiplier: )[0-9.]+/, '$1"2.0"');
    analyzeSpec(start, { session, today });
    const figures = () => new Map((session as unknown as { figures: Map<string, unknown> }).figures);
    const before = figures();
    const i = start.indexOf('\n', start.indexOf('traffic:')) + 1;
    const text = `${start.slice(0, i)}\n${start.slice(i)}`;
    const moved = analyzeSpec(text, { session, today });
    const after = figures();
    assert.ok(before.size > 5);
    for (const [section, out] of after) assert.equal(out, before.get(section), `${section} replayed, not computed again`);
    const scratch = analyzeSpec(text, { today });
    assert.ok(scratch.diagnostics.some((d) => d.code === 'wrong-type'));
    assert.equal(visible(moved), visible(scratch));
  });

  it('equals a from-scratch analysis after lines are typed, removed and copied anywhere', () => {
    const spec = generateLargeSpec(600);
    const lineEdit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), kind: fc.constantFrom(0, 2, 3), pick: fc.constantFrom(6, 7, 10, 21), len: fc.nat(10) });
    fc.assert(
      fc.property(fc.array(lineEdit, { minLength: 1, maxLength: 6 }), (edits) => checkSequence(spec, edits)),
      { numRuns: 12, seed: 20261203 },
    );
  });

  it('falls back to a whole parse where pieces cannot stand alone, with the same result', () => {
    const cases = [
      'a: &x 1\nb: *x\n', // an alias across sections
      'name: a\nname: b\n', // a duplicate key
      '%YAML 1.2\n---\nname: a\n',
      'metrics: [\n1, 2]\n',
      'name: "open\nquote"\n',
      'a:\r  b: 1\r',
      '\ufeffname: bom\n',
    ];
    for (const text of cases) {
      const parser = new IncrementalSpecParser();
      const got = parser.parse(text);
      const want = parseSpecText(text);
      assert.equal(JSON.stringify([got.root, got.diagnostics]), JSON.stringify([want.root, want.diagnostics]), text);
    }
  });
});
