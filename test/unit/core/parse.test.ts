import assert from 'node:assert/strict';
import { Alias } from 'yaml';
import { IncrementalSpecParser } from '../../../server/src/core/parse/incrementalParse';
import { describe, it } from 'node:test';
import { LineIndex } from '../../../server/src/core/parse/positions';
import { parseSpecText } from '../../../server/src/core/parse/specTree';
import { closestMatch, editDistance } from '../../../server/src/core/schema/suggest';

describe('parseSpecText', () => {
  it('keeps exact offsets and raw source text of scalars', () => {
    const p = parseSpecText('price: 0.10\nname: "x"\n');
    assert.equal(p.root?.kind, 'map');
    if (p.root?.kind !== 'map') return;
    const price = p.root.entries[0]!.value;
    assert.equal(price.kind === 'scalar' && price.raw, '0.10');
    assert.deepEqual(p.lines.range(price.start, price.end), { start: { line: 0, character: 7 }, end: { line: 0, character: 11 } });
  });

  it('reads YAML 1.2 core: yes stays text, .nan is NaN', () => {
    const p = parseSpecText('a: yes\nb: .nan\n');
    if (p.root?.kind !== 'map') return assert.fail('not a map');
    assert.equal(p.root.entries[0]!.value.kind === 'scalar' && p.root.entries[0]!.value.value, 'yes');
    const b = p.root.entries[1]!.value;
    assert.ok(b.kind === 'scalar' && Number.isNaN(b.value));
  });

  it('expands aliases and merge keys; explicit keys win', () => {
    const p = parseSpecText('base: &b {x: 1, y: 1}\nc:\n  <<: *b\n  y: 2\n');
    if (p.root?.kind !== 'map') return assert.fail('not a map');
    const c = p.root.entries[1]!.value;
    assert.ok(c.kind === 'map');
    const get = (k: string) => {
      const e = c.kind === 'map' ? c.entries.find((x) => x.key === k) : undefined;
      return e?.value.kind === 'scalar' ? e.value.value : undefined;
    };
    assert.equal(get('x'), 1);
    assert.equal(get('y'), 2);
    assert.deepEqual(p.diagnostics, []);
  });

  it('resolves each alias once in a bomb built on an alias that names no anchor (the library walks the document per resolve)', () => {
    // Found by the fuzz suite: *a used before &a at the bottom of a 9^6 bomb took seconds.
    const levels = ['b', 'c', 'd', 'e', 'f', 'g'];
    const text = [`b: &b [${Array(9).fill('*a').join(',')}]`, 'a: &a [x]', ...levels.slice(1).map((l, i) => `${l}: &${l} [${Array(9).fill(`*${levels[i]}`).join(',')}]`)].join('\n');
    const original = Alias.prototype.resolve;
    let calls = 0;
    Alias.prototype.resolve = function (this: Alias, ...args: Parameters<Alias['resolve']>) {
      calls++;
      return original.apply(this, args);
    };
    try {
      const p = parseSpecText(text);
      assert.ok(p.diagnostics.some((d) => d.code === 'document-too-complex'));
      const unresolved = p.diagnostics.filter((d) => /names no anchor/.test(d.message));
      assert.equal(unresolved.length, 9, 'one error per alias in the text');
    } finally {
      Alias.prototype.resolve = original;
    }
    const aliasesInText = (text.match(/\*[a-g]/g) ?? []).length;
    assert.ok(calls <= 2 * aliasesInText, `${calls} resolves for ${aliasesInText} aliases`);
  });

  it('bounds alias expansion (billion laughs) and reports a cycle', () => {
    const lol = ['a: &a [x,x,x,x,x,x,x,x,x,x]', ...'bcdefgh'.split('').map((c, i) => `${c}: &${c} [${Array(10).fill(`*${'abcdefgh'[i]}`).join(',')}]`)].join('\n');
    const p = parseSpecText(lol);
    assert.deepEqual(p.diagnostics.map((d) => d.code), ['document-too-complex']);
    const cyc = parseSpecText('a: &a [1, *a]\n');
    assert.ok(cyc.diagnostics.some((d) => d.code === 'alias-cycle' || d.code === 'yaml-syntax'));
  });

  it('rejects oversized and binary documents with one diagnostic', () => {
    assert.deepEqual(parseSpecText('x'.repeat(2000), { maxDocumentLength: 1000, maxNodes: 10, maxDepth: 5 }).diagnostics.map((d) => d.code), ['document-too-large']);
    assert.deepEqual(parseSpecText('a: 1\n\u0000').diagnostics.map((d) => d.code), ['binary-content']);
  });

  it('names UTF-16 text and bytes that were not UTF-8 instead of calling them binary', () => {
    const wide = new TextDecoder('utf-8').decode(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('evalspec: 1\nname: w\n', 'utf16le')]));
    const p = parseSpecText(wide);
    assert.deepEqual(p.diagnostics.map((d) => [d.code, d.range.start]), [['not-utf8', { line: 0, character: 0 }]]);
    const bad = new TextDecoder('utf-8').decode(Buffer.concat([Buffer.from('evalspec: 1\nname: caf'), Buffer.from([0xc3, 0x28]), Buffer.from('\ndescription: x'), Buffer.from([0xff]), Buffer.from('\n')]));
    const q = parseSpecText(bad);
    const d = q.diagnostics.find((x) => x.code === 'invalid-utf8');
    assert.deepEqual(d?.range, { start: { line: 1, character: 9 }, end: { line: 1, character: 10 } });
    assert.match(d!.message, /2 times, first here/);
    assert.ok(q.root, 'the rest of the spec is still read');
    assert.ok(new IncrementalSpecParser().parse(bad).diagnostics.some((x) => x.code === 'invalid-utf8'), 'the incremental parser (the server) reports it too');
    assert.deepEqual(parseSpecText('a: 1\n\u0000').diagnostics.map((x) => x.code), ['binary-content'], 'one NUL is binary, not UTF-16');
  });

  it('names a number key as written, never by its value (1e400 is not "Infinity")', () => {
    const text = `${'9'.repeat(400)}: a\n1e400: b\n0x10: c\n1.50: d\nplain: e\n7: f\n`;
    const keys = (root: ReturnType<typeof parseSpecText>['root']) => (root?.kind === 'map' ? root.entries.map((e) => e.key) : []);
    const want = ['9'.repeat(400), '1e400', '0x10', '1.50', 'plain', '7'];
    assert.deepEqual(keys(parseSpecText(text).root), want);
    // The incremental parser's pieces name them the same way.
    assert.deepEqual(keys(new IncrementalSpecParser().parse(text).root), want);
  });

  it('reports duplicate keys at the second occurrence', () => {
    const p = parseSpecText('a: 1\nb: 2\na: 3\n');
    const d = p.diagnostics.find((x) => x.code === 'duplicate-key');
    assert.equal(d?.range.start.line, 2);
  });
});

describe('LineIndex', () => {
  it('maps offsets over LF, CRLF and lone CR', () => {
    const li = new LineIndex('ab\r\ncd\ref\ngh');
    assert.deepEqual(li.positionAt(4), { line: 1, character: 0 });
    assert.deepEqual(li.positionAt(7), { line: 2, character: 0 });
    assert.equal(li.offsetAt({ line: 3, character: 1 }), 11);
    assert.equal(li.lineText(0), 'ab');
    assert.deepEqual(li.lineEnd(1), { line: 1, character: 2 });
  });
});

describe('did-you-mean', () => {
  it('counts a transposition as one edit and folds case and separators', () => {
    assert.equal(editDistance('confidecne', 'confidence'), 1);
    assert.equal(closestMatch('Golden-Set', ['golden_set', 'judge']), 'golden_set');
    assert.equal(closestMatch('zzz', ['golden_set', 'judge']), undefined);
  });
});
