// What a figure section read of the model, value by value, so that an edit which changes only what
// the section never looked at (a metric's description, a ledger row the section does not sum) does not
// compute it again. The section sees the model through proxies that note each property read, each key
// list and each `in` test in a tree of reads; `unchanged` then compares that tree with a new model.
//
// An object that leaves the section inside its output (a key's range as a hint's anchor, a model object
// kept in a result) is compared whole, by value, because whoever reads the output later may read any
// of it: a replayed output then holds objects equal to the new model's, never stale ones. The model
// is plain data (objects, arrays, numbers, strings, booleans) and is never changed once read.
//
// Ranges kept whole may all have moved by the same number of lines (lines typed above the section):
// `compare` then gives that move, and the output is replayed with its ranges moved (lineShift.ts).
import { equalUpToMove, isPlain, type LineMove } from './lineShift';

/** Asked of a recording view, answers with the Read behind it (a plain object answers undefined). */
const READ = Symbol('read');

/** One place in the model the section reached, and what it found there. */
class Read {
  /** Reads of this object's properties, by key. */
  children?: Map<PropertyKey, Read>;
  /** `key in object` tests, with their answers. */
  has?: Map<PropertyKey, boolean>;
  /** Own-property tests (Object.entries, spread and JSON ask before they read), with their answers. */
  own?: Map<PropertyKey, boolean>;
  /** The object's own keys, when the section listed them (Object.keys, entries, spread, JSON). */
  keys?: (string | symbol)[];
  /** The object left the section in its output: compared whole, by value. */
  whole = false;
  view?: object;

  constructor(readonly seen: unknown) {}
}

function sameKeys(a: readonly (string | symbol)[], b: readonly (string | symbol)[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The traps of one recording view: every read is noted in `read` while the recorder is active. */
class Recording implements ProxyHandler<object> {
  constructor(
    private readonly recorder: { active: boolean },
    private readonly read: Read,
  ) {}

  get(t: object, k: PropertyKey, receiver: unknown): unknown {
    if (k === READ) return this.read;
    const v = Reflect.get(t, k, receiver) as unknown;
    if (!this.recorder.active) return v;
    const children = (this.read.children ??= new Map());
    let r = children.get(k);
    if (!r) children.set(k, (r = new Read(v)));
    return isPlain(v) ? viewOf(r, this.recorder) : v;
  }

  has(t: object, k: PropertyKey): boolean {
    const v = Reflect.has(t, k);
    if (this.recorder.active) (this.read.has ??= new Map()).set(k, v);
    return v;
  }

  ownKeys(t: object): ArrayLike<string | symbol> {
    const keys = Reflect.ownKeys(t);
    if (this.recorder.active) this.read.keys = keys;
    return [...keys];
  }

  getOwnPropertyDescriptor(t: object, k: PropertyKey): PropertyDescriptor | undefined {
    const d = Reflect.getOwnPropertyDescriptor(t, k);
    if (this.recorder.active) (this.read.own ??= new Map()).set(k, d !== undefined);
    return d;
  }
}

function viewOf(read: Read, recorder: { active: boolean }): object {
  return (read.view ??= new Proxy(read.seen as object, new Recording(recorder, read)));
}

export class ReadRecorder {
  active = true;
  private readonly root: Read;

  constructor(source: object) {
    this.root = new Read(source);
  }

  /** The view a section computes from. */
  view<T extends object>(): T {
    return viewOf(this.root, this) as T;
  }

  /**
   * Ends recording and returns the output with every recording view in it replaced by its object
   * (fresh objects are patched in place), each such object noted to be compared whole. Frozen objects
   * are taken as they are: whoever freezes an output object makes it of plain values only.
   */
  finish<T>(output: T): T {
    this.active = false;
    return unwrap(output, new Set()) as T;
  }

  /**
   * The number of lines by which every range the section kept has moved in `source`, when everything
   * it read is otherwise the same (0: nothing moved); undefined when something it read changed.
   */
  compare(source: object, move: LineMove = {}): number | undefined {
    return same(this.root, source, move) ? (move.delta ?? 0) : undefined;
  }

  /** Whether everything the section read has the same value in `source`, ranges included. */
  unchanged(source: object): boolean {
    return this.compare(source) === 0;
  }
}

/**
 * The object behind a recording view, for a computation that uses all of it (a cache key of its whole
 * value): the section then depends on its whole value, compared by value, and reads it at full speed.
 * Anything else is returned as it is.
 */
export function wholeValue<T>(v: T): T {
  if (v === null || typeof v !== 'object') return v;
  const read = (v as { [READ]?: Read })[READ];
  if (!read) return v;
  read.whole = true;
  return read.seen as T;
}

function unwrap(v: unknown, visited: Set<object>): unknown {
  if (v === null || typeof v !== 'object') return v;
  const whole = wholeValue(v);
  if (whole !== v) return whole;
  // A frozen object was made whole by its maker from plain values (a kept ledger row's figures).
  if (!isPlain(v) || visited.has(v) || Object.isFrozen(v)) return v;
  visited.add(v);
  const o = v as Record<PropertyKey, unknown>;
  for (const k of Reflect.ownKeys(o)) {
    const before = o[k];
    const after = unwrap(before, visited);
    if (after !== before) o[k] = after;
  }
  return v;
}

function same(read: Read, now: unknown, move: LineMove): boolean {
  if (Object.is(now, read.seen)) return true;
  // Kept whole: equal up to a move; and a line number read out of it must not have moved at all.
  if (read.whole) return equalUpToMove(read.seen, now, move) && readsSame(read, now as object, move);
  if (!isPlain(read.seen) || !isPlain(now) || Array.isArray(read.seen) !== Array.isArray(now)) return false;
  return readsSame(read, now, move);
}

function readsSame(read: Read, now: object, move: LineMove): boolean {
  if (read.keys !== undefined && !sameKeys(Reflect.ownKeys(now), read.keys)) return false;
  if (read.has) for (const [k, v] of read.has) if (Reflect.has(now, k) !== v) return false;
  if (read.own) for (const [k, v] of read.own) if ((Reflect.getOwnPropertyDescriptor(now, k) !== undefined) !== v) return false;
  if (read.children) for (const [k, child] of read.children) if (!same(child, Reflect.get(now, k) as unknown, move)) return false;
  return true;
}

/** Plain data compared by value, ranges included; anything else by identity. */
export function deepEqual(a: unknown, b: unknown): boolean {
  return equalUpToMove(a, b, { delta: 0 });
}
