// Odd but legal keys: names that are Object.prototype members, many keys, and where key problems are
// marked (issue 15).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeSpec, resolveSettings } from '../../../server/src/core';
import { parseDuration } from '../../../server/src/core/costs/duration';
import { parseSpecText } from '../../../server/src/core/parse/specTree';
import { schemaAtPath } from '../../../server/src/core/schema/schemaAt';
import { MAX_SUGGESTIONS } from '../../../server/src/core/schema/validate';
import { specSchema } from '../../../server/src/core';
import { completions } from '../../../server/src/features/completion';
import { hover } from '../../../server/src/features/hover';
import { parseCsv } from '../data/helpers';

const base = 'evalspec: 1\nname: t\nmetrics:\n  - {id: a, primary: true, kind: binary, expected_pass_rate: 0.8}\ngolden_set:\n  size: 200\n  confidence: 0.95\n';
const protoKeys = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', '__defineGetter__'];

describe('keys named like Object.prototype members', () => {
  for (const key of protoKeys) {
    it(`"${key}" is an unknown key at the top level and inside a section`, () => {
      const top = analyzeSpec(`${base}${key}: 1\n`);
      const d = top.diagnostics.filter((x) => x.code === 'unknown-key');
      assert.deepEqual(d.map((x) => [x.range.start.line, (x.data as { key: string }).key]), [[7, key]]);
      const nested = analyzeSpec(`${base}  ${key}: 1\n`);
      assert.deepEqual(nested.diagnostics.filter((x) => x.code === 'unknown-key').map((x) => x.range.start.line), [7]);
      // The figures still read the golden set: the odd key did not replace the section.
      assert.equal(nested.model?.goldenSet?.size?.value, 200);
    });

    it(`"${key}" has no hover, no value completion and no schema`, () => {
      const a = analyzeSpec(`${base}  ${key}: 1\n`);
      assert.equal(hover(a, 7, 3), null);
      assert.deepEqual(completions(analyzeSpec(`${base}  ${key}: `), 7, key.length + 4), []);
      assert.equal(schemaAtPath(specSchema, ['golden_set', key]), undefined);
    });

    it(`a severity override for "${key}" neither crashes nor hides other codes; an inherited threshold is ignored`, () => {
      const s = resolveSettings({ severity: JSON.parse(`{"${key}": "off", "unknown-key": "warning"}`), thresholds: Object.create({ minKappa: 0.1 }) });
      assert.equal(Object.hasOwn(s.severity, key), true);
      assert.equal(s.thresholds.minKappa, 0.8);
      const a = analyzeSpec(`${base}${key}: 1\n`, { settings: s });
      assert.deepEqual(a.diagnostics.filter((x) => x.code === 'unknown-key').map((x) => x.severity), ['warning']);
    });

    it(`a duration unit "${key}" is an unknown unit`, () => {
      const r = parseDuration(`5${key}`);
      assert.equal(r.ok, false);
    });

    it(`bad rows in a CSV column named "${key}" are counted under that name`, () => {
      const r = parseCsv(`${key},label,y\nabc,a,0.1\nxyz,b,0.2\n`, 1 << 20, undefined, { x: key });
      assert.equal(r.bad!.count, 2);
      assert.equal(Object.hasOwn(r.bad!.byColumn, key), true);
      assert.equal(r.bad!.byColumn[key], 2);
    });
  }
});

describe('many keys', () => {
  it('did-you-mean is offered for a bounded number of unknown keys per document', () => {
    const n = MAX_SUGGESTIONS + 300;
    let text = base;
    // target_half_widt0 … target_half_widt499: each within the did-you-mean distance of target_half_width.
    for (let i = 0; i < n; i++) text += `  target_half_widt${i}: 1\n`;
    const unknown = analyzeSpec(text).diagnostics.filter((d) => d.code === 'unknown-key');
    assert.equal(unknown.length, n);
    const suggested = unknown.filter((d) => (d.data as { suggestion?: string }).suggestion !== undefined);
    assert.ok(suggested.length > 0, 'the first unknown keys still get a suggestion');
    assert.ok(suggested.length <= MAX_SUGGESTIONS, `${suggested.length} suggestions`);
    // Every unknown key is still reported, with the known keys listed when no suggestion is made.
    assert.ok(unknown.every((d) => d.message.startsWith('Unknown key')));
  });

  it('reports every duplicate of a 5,000-key mapping on the duplicate key itself', () => {
    let text = 'root:\n';
    for (let i = 0; i < 5000; i++) text += `  key_${i}: ${i}\n`;
    text += '  key_17: again\n  "key_4999": again\n';
    const p = parseSpecText(text, { maxDocumentLength: 1e7, maxNodes: 1e6, maxDepth: 64 });
    const d = p.diagnostics.filter((x) => x.code === 'duplicate-key');
    assert.deepEqual(
      d.map((x) => [x.range.start.line, x.range.start.character, x.range.end.line, x.range.end.character]),
      [
        [5001, 2, 5001, 8],
        [5002, 2, 5002, 12],
      ],
    );
  });
});

describe('ranges of YAML problems', () => {
  const inside = (text: string) => {
    const p = parseSpecText(text);
    const lines = text.split(/\r\n|\r|\n/);
    for (const d of p.diagnostics) {
      for (const pos of [d.range.start, d.range.end]) {
        assert.ok(pos.line < lines.length, `${d.code} ${JSON.stringify(d.range)} past the document in ${JSON.stringify(text)}`);
        assert.ok(pos.character <= lines[pos.line]!.length, `${d.code} ${JSON.stringify(d.range)} past its line in ${JSON.stringify(text)}`);
      }
    }
    return p.diagnostics;
  };

  it('a duplicate key is marked on the duplicate token, not the first key or a line break', () => {
    for (const [text, range] of [
      ['a: 1\nb: 2\na: 3\n', [2, 0, 2, 1]],
      ["x: 1\n'long_key': 1\n'long_key': 2\n", [2, 0, 2, 10]],
      ['g:\n  k: 1\n  k:\n    x: 2\n', [2, 2, 2, 3]],
      ['{a: 1, a: 2}', [0, 7, 0, 8]],
      ['a: 1\r\na: 2\r\n', [1, 0, 1, 1]],
    ] as const) {
      const d = inside(text).filter((x) => x.code === 'duplicate-key');
      assert.deepEqual(d.map((x) => [x.range.start.line, x.range.start.character, x.range.end.line, x.range.end.character]), [range], JSON.stringify(text));
    }
  });

  it('yaml-syntax ranges stay inside their line and the document', () => {
    for (const text of ['a: "x\n', 'a: [1, 2\nb: 3\n', 'a:\n  b: 1\n c: 2\n', 'a: b: c\n', "a: 'unterminated", 'x: @y\n', 'a: 1\n---\nb: 2\n', 'a: {x: 1\nb: 2\n', 'a: "x"y\r\n', 'k: v\n\t- x\n', 'a: [\n']) {
      const d = inside(text);
      assert.ok(d.some((x) => x.code === 'yaml-syntax'), JSON.stringify(text));
    }
  });
});
