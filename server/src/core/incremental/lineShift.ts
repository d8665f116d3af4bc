// Lines typed or removed above a section move it without changing it: its text, parse nodes, schema
// diagnostics, part of the model and figures are those of before, with every range moved by the same
// number of lines. These helpers recognise ranges, compare values up to such a move, and move a value.
//
// Sound because nothing computes with a line number: ranges are read from the text, carried to
// diagnostics, hints and anchors, and compared only for equality. The property test in
// test/unit/core/incremental.test.ts (new lines, removed lines, copied lines) holds the results to a
// from-scratch analysis.
import type { Range } from '../types';

/** The move found so far: every range compared must have moved by the same number of lines. */
export interface LineMove {
  delta?: number;
}

function isPosition(v: unknown): boolean {
  if (v === null || typeof v !== 'object') return false;
  const p = v as { line?: unknown; character?: unknown };
  return typeof p.line === 'number' && typeof p.character === 'number' && Object.keys(p).length === 2;
}

export function isRange(v: unknown): v is Range {
  if (v === null || typeof v !== 'object' || !('start' in v) || !('end' in v)) return false;
  const r = v as { start: unknown; end: unknown };
  return isPosition(r.start) && isPosition(r.end) && Object.keys(r).length === 2;
}

/** Whether `b` is `a` moved by whole lines, by the same number as every range before it. */
export function movedRange(a: Range, b: Range, move: LineMove): boolean {
  if (a.start.character !== b.start.character || a.end.character !== b.end.character) return false;
  const d = b.start.line - a.start.line;
  if (b.end.line - a.end.line !== d) return false;
  if (move.delta === undefined) move.delta = d;
  return move.delta === d;
}

/** A plain object or array: the model's and the outputs' data, as opposed to class instances. */
export function isPlain(v: unknown): v is object {
  if (v === null || typeof v !== 'object') return false;
  if (Array.isArray(v)) return true;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Keys whose values are parse nodes (moved in place by the parser): never copied, never compared. */
const NODE_KEYS = new Set<PropertyKey>(['node', 'root']);

/**
 * Plain data compared by value, ranges up to one move; anything else by identity. Parse nodes are
 * left out: a model object's value, raw text and ranges hold all that figures use of its node.
 */
export function equalUpToMove(a: unknown, b: unknown, move: LineMove): boolean {
  if (Object.is(a, b)) return true;
  if (!isPlain(a) || !isPlain(b) || Array.isArray(a) !== Array.isArray(b)) return false;
  if (isRange(a) && isRange(b)) return movedRange(a, b, move);
  const ka = Reflect.ownKeys(a);
  const kb = Reflect.ownKeys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i]!;
    if (k !== kb[i]) return false;
    if (NODE_KEYS.has(k)) continue;
    if (!equalUpToMove((a as Record<PropertyKey, unknown>)[k], (b as Record<PropertyKey, unknown>)[k], move)) return false;
  }
  return true;
}

/**
 * `v` with every range moved by `delta` lines. Objects with no range inside are returned as they are,
 * the others copied (shared objects are copied once); nothing is changed in place.
 */
export function moveLines<T>(v: T, delta: number): T {
  return delta === 0 ? v : (moved(v, delta, new Map()) as T);
}

function moved(v: unknown, delta: number, done: Map<object, unknown>): unknown {
  if (!isPlain(v)) return v;
  const seen = done.get(v);
  if (seen !== undefined) return seen;
  let out: unknown = v;
  if (isRange(v)) {
    out = { start: { line: v.start.line + delta, character: v.start.character }, end: { line: v.end.line + delta, character: v.end.character } };
  } else if (Array.isArray(v)) {
    let copy: unknown[] | undefined;
    v.forEach((x, i) => {
      const y = moved(x, delta, done);
      if (y !== x) (copy ??= [...v])[i] = y;
    });
    if (copy) out = copy;
  } else {
    let copy: Record<PropertyKey, unknown> | undefined;
    const o = v as Record<PropertyKey, unknown>;
    for (const k of Reflect.ownKeys(o)) {
      if (NODE_KEYS.has(k)) continue;
      const y = moved(o[k], delta, done);
      if (y !== o[k]) (copy ??= { ...o })[k] = y;
    }
    if (copy) out = copy;
  }
  done.set(v, out);
  return out;
}
