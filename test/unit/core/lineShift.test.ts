// Moving results with their lines: ranges are recognised by shape, compared up to one move shared by
// every range, and moved without changing anything in place.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { equalUpToMove, isRange, moveLines, type LineMove } from '../../../server/src/core/incremental/lineShift';
import { ReadRecorder } from '../../../server/src/core/incremental/readRecorder';

const r = (line: number, a = 2, b = 9, lines = 0) => ({ start: { line, character: a }, end: { line: line + lines, character: b } });

describe('line moves', () => {
  it('knows a range by its shape only', () => {
    assert.equal(isRange(r(1)), true);
    assert.equal(isRange({ start: { line: 1, character: 0 }, end: { line: 1 } }), false);
    assert.equal(isRange({ ...r(1), extra: 1 }), false);
    assert.equal(isRange({ start: 1, end: 2 }), false);
    assert.equal(isRange(null), false);
  });

  it('accepts ranges moved by one shared number of lines, and nothing else', () => {
    const a = { x: r(3), y: [r(7, 0, 4, 2)], v: 'same' };
    const move: LineMove = {};
    assert.equal(equalUpToMove(a, { x: r(5), y: [r(9, 0, 4, 2)], v: 'same' }, move), true);
    assert.equal(move.delta, 2);
    assert.equal(equalUpToMove(a, { x: r(5), y: [r(8, 0, 4, 2)], v: 'same' }, {}), false, 'two different moves');
    assert.equal(equalUpToMove(a, { x: r(3, 3), y: [r(7, 0, 4, 2)], v: 'same' }, {}), false, 'a character moved');
    assert.equal(equalUpToMove(a, { x: r(3, 2, 9, 1), y: [r(7, 0, 4, 2)], v: 'same' }, {}), false, 'a range grew');
    assert.equal(equalUpToMove(a, { x: r(5), y: [r(9, 0, 4, 2)], v: 'other' }, {}), false, 'a value changed');
    assert.equal(equalUpToMove(a, a, { delta: 0 }), true);
    assert.equal(equalUpToMove({ x: r(3) }, { x: r(4) }, { delta: 0 }), false, 'a move already fixed at 0');
  });

  it('leaves parse nodes out of the comparison', () => {
    assert.equal(equalUpToMove({ value: 1, range: r(1), node: { start: 10 } }, { value: 1, range: r(2), node: { start: 11 } }, {}), true);
    assert.equal(equalUpToMove({ value: 1, node: {} }, { value: 2, node: {} }, {}), false);
  });

  it('moves every range into new objects and shares what has none', () => {
    const node = { kind: 'scalar', start: 40, range: r(0) };
    const plain = { text: 'no ranges', list: [1, 2] };
    const shared = r(4);
    const v = { a: shared, b: [shared, { keyRange: r(6) }], plain, node };
    const before = JSON.stringify(v);
    const m = moveLines(v, 3);
    assert.equal(JSON.stringify(v), before, 'nothing changed in place');
    assert.deepEqual(m.a, r(7));
    assert.deepEqual(m.b[1], { keyRange: r(9) });
    assert.equal(m.a, m.b[0], 'an object shared before is shared after');
    assert.equal(m.plain, plain, 'an object without ranges is not copied');
    assert.equal(m.node, node, 'a parse node is neither copied nor moved');
    assert.equal(moveLines(v, 0), v);
  });

  it('moves a recorded section only when what it kept moved, never a line number it read', () => {
    const model = () => ({ a: { value: 1, range: r(3) }, b: { value: 2, range: r(8) } });
    const kept = new ReadRecorder(model());
    kept.finish({ anchor: kept.view<ReturnType<typeof model>>().a.range });
    const moved = model();
    moved.a.range = r(5);
    assert.equal(kept.compare(moved), 2);
    assert.equal(kept.unchanged(moved), false);
    const used = new ReadRecorder(model());
    used.finish({ anchor: used.view<ReturnType<typeof model>>().a.range, line: used.view<ReturnType<typeof model>>().a.range.start.line });
    assert.equal(used.compare(moved), undefined, 'the section computed with the line number');
    const mixed = new ReadRecorder(model());
    const view = mixed.view<ReturnType<typeof model>>();
    mixed.finish([view.a.range, view.b.range]);
    assert.equal(mixed.compare(moved), undefined, 'one range moved, the other did not');
  });
});
