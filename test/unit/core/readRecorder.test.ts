// The read recorder behind incremental figures: a section's output may be replayed only when every
// value it read is the same in the new model. Each case changes one thing the section did or did not
// look at and checks the verdict; the output never keeps a recording view.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deepEqual, ReadRecorder, wholeValue } from '../../../server/src/core/incremental/readRecorder';

type Model = { a: { value: number; range: { line: number } }; note?: string; items: { id: string; text: string }[]; extra?: Record<string, number> };

const base = (): Model => ({ a: { value: 1, range: { line: 3 } }, note: 'n', items: [{ id: 'x', text: 'one' }, { id: 'y', text: 'two' }], extra: { k: 1 } });

/** Records `read` over the base model and returns the recorder and what it produced. */
function recorded<R>(read: (m: Model) => R): { rec: ReadRecorder; out: R } {
  const rec = new ReadRecorder(base());
  const out = rec.finish(read(rec.view<Model>()));
  return { rec, out };
}

describe('read recorder', () => {
  it('ignores changes to what the section did not read', () => {
    const { rec } = recorded((m) => m.items.map((i) => i.id).join() + m.a.value);
    const m = base();
    m.items[1]!.text = 'changed';
    m.note = 'other';
    m.a.range = { line: 9 };
    assert.equal(rec.unchanged(m), true);
  });

  it('sees a changed value, a changed length and a missing object', () => {
    const { rec } = recorded((m) => m.items.map((i) => i.id).join() + m.a.value);
    const cases: ((m: Model) => void)[] = [
      (m) => void (m.a.value = 2),
      (m) => void (m.items[0]!.id = 'z'),
      (m) => void m.items.push({ id: 'w', text: '' }),
      (m) => void (m.items = []),
      (m) => void ((m as { a?: unknown }).a = undefined),
      (m) => void ((m as { a: unknown }).a = 5),
    ];
    for (const change of cases) {
      const m = base();
      change(m);
      assert.equal(rec.unchanged(m), false, change.toString());
    }
  });

  it('sees changed key lists and `in` answers', () => {
    const keys = recorded((m) => Object.keys(m.extra ?? {}).length);
    const withKey = base();
    withKey.extra!['k2'] = 1;
    assert.equal(keys.rec.unchanged(withKey), false);
    assert.equal(keys.rec.unchanged(base()), true);
    const has = recorded((m) => 'note' in m);
    const without = base();
    delete without.note;
    assert.equal(has.rec.unchanged(without), false);
    const spread = recorded((m) => ({ ...m.extra }));
    const other = base();
    other.extra = { k: 2 };
    assert.equal(spread.rec.unchanged(other), false);
  });

  it('compares an object the output keeps by its whole value, and hands back the object itself', () => {
    const { rec, out } = recorded((m) => ({ anchor: m.a.range, list: [m.items[0]] }));
    const m = base();
    assert.deepEqual(out, { anchor: { line: 3 }, list: [{ id: 'x', text: 'one' }] });
    // The output holds plain objects: a view would answer the recorder's symbol, an object does not.
    assert.equal(Object.getOwnPropertySymbols(out.anchor).length, 0);
    assert.equal(rec.unchanged(m), true);
    m.a.range = { line: 4 };
    assert.equal(rec.unchanged(m), false, 'a moved anchor is a change');
    const n = base();
    n.items[0]!.text = 'kept whole, so any field counts';
    assert.equal(rec.unchanged(n), false);
  });

  it('hands a computation that uses all of an object the object itself, compared whole', () => {
    const { rec, out } = recorded((m) => JSON.stringify(wholeValue(m.items[1])));
    assert.equal(out, '{"id":"y","text":"two"}');
    assert.equal(wholeValue(out), out);
    assert.equal(rec.unchanged(base()), true);
    const m = base();
    m.items[1]!.text = 'changed';
    assert.equal(rec.unchanged(m), false, 'a field read only through the whole object is a change');
    const n = base();
    n.items[0]!.text = 'changed';
    assert.equal(rec.unchanged(n), true, 'another item is not');
  });

  it('stops recording when finished', () => {
    const rec = new ReadRecorder(base());
    const view = rec.view<Model>();
    rec.finish(null);
    void view.a.value;
    const m = base();
    m.a.value = 7;
    assert.equal(rec.unchanged(m), true, 'a read after finish is not a dependency');
  });

  it('compares plain data by value', () => {
    assert.equal(deepEqual({ a: [1, { b: NaN }] }, { a: [1, { b: NaN }] }), true);
    assert.equal(deepEqual({ a: 1, b: 2 }, { b: 2, a: 1 }), false, 'key order is part of the value (JSON shows it)');
    assert.equal(deepEqual([1, 2], { 0: 1, 1: 2 }), false);
    assert.equal(deepEqual({ a: 0 }, { a: -0 }), false);
    assert.equal(deepEqual(new Date(0), new Date(0)), false, 'other objects by identity');
  });
});
