// Loads the second set of reference values (../shared/reference/vectors-v2.json beside the
// repository, or EVALSPEC_REFERENCE_VECTORS_V2), and compares a computed result with a reference
// case field by field: every expected field must be found and checked, "NaN" must meet an undefined
// result (`{ defined: false, reason }`) and nothing else, and the fields the reference lists as
// undefined must be exactly those.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { repoRoot } from './reference';

export const referenceV2Path =
  process.env['EVALSPEC_REFERENCE_VECTORS_V2'] ?? join(repoRoot, '..', 'shared', 'reference', 'vectors-v2.json');

export interface V2Case {
  id: string;
  inputs: Record<string, any>;
  expected: Record<string, any>;
}

export interface V2File {
  families: Record<string, Record<string, unknown>>;
}

export function referenceV2(): V2File {
  return JSON.parse(readFileSync(referenceV2Path, 'utf8')) as V2File;
}

/** Marks an undefined value in a flattened result. */
export const UNDEF = Symbol('undefined');
/** On an object: every key it lacks is undefined (the object stands for an undefined block). */
export const REST_UNDEFINED = Symbol('rest undefined');

type Plain = unknown;

/** Unwraps Defined<T> recursively: defined → value, undefined → UNDEF. */
export function plain(x: unknown): Plain {
  if (x === null || typeof x !== 'object') return x;
  if (Array.isArray(x)) return x.map(plain);
  const o = x as Record<string | symbol, unknown>;
  const keys = Object.keys(o);
  if (typeof o['defined'] === 'boolean' && keys.every((k) => k === 'defined' || k === 'value' || k === 'reason')) {
    return o['defined'] ? plain(o['value']) : UNDEF;
  }
  const out: Record<string | symbol, unknown> = {};
  for (const k of keys) out[k] = plain(o[k]);
  if (o[REST_UNDEFINED]) out[REST_UNDEFINED] = true;
  return out;
}

export function camel(key: string): string {
  const parts = key.split('_');
  return parts[0] + parts.slice(1).map((p) => (p ? p[0]!.toUpperCase() + p.slice(1) : '')).join('');
}

const META = new Set(['defined', 'undefined_fields', 'undefined_reason', 'near_integer_warning']);

export interface CompareState {
  undefinedPaths: string[];
  checked: number;
}

function lookup(actual: unknown, key: string, aliases: Record<string, string>): unknown {
  if (actual === UNDEF) return UNDEF;
  assert.ok(actual !== null && typeof actual === 'object', `cannot look up ${key} in ${String(actual)}`);
  const o = actual as Record<string | symbol, unknown>;
  for (const k of [aliases[key], key, camel(key)]) if (k !== undefined && k in o) return o[k];
  if (o[REST_UNDEFINED]) return UNDEF;
  assert.fail(`reference field ${key} has no computed counterpart (looked for ${[aliases[key], key, camel(key)].filter(Boolean).join(', ')})`);
}

/** Compares expected with actual at `path`; records the paths the reference marks undefined. */
export function compare(expected: unknown, actual: unknown, path: string, st: CompareState, aliases: Record<string, string> = {}): void {
  const where = path || '(root)';
  if (expected === 'NaN') {
    assert.ok(actual === UNDEF, `${where}: reference is undefined ("NaN"), computed ${String(actual)}`);
    st.undefinedPaths.push(path);
    st.checked++;
    return;
  }
  assert.ok(actual !== UNDEF, `${where}: reference is ${JSON.stringify(expected)}, computed undefined`);
  if (expected === null || typeof expected === 'boolean') {
    assert.equal(actual, expected, `${where}`);
  } else if (typeof expected === 'number' || expected === 'Infinity' || expected === '-Infinity') {
    compareNumber(expected, actual, where);
  } else if (typeof expected === 'string') {
    assert.equal(actual, expected, `${where}`);
  } else if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual) && actual.length === expected.length, `${where}: expected ${expected.length} entries, got ${JSON.stringify(actual)}`);
    expected.forEach((e, i) => compare(e, (actual as unknown[])[i], `${path}[${i}]`, st, aliases));
    return;
  } else {
    compareObject(expected as Record<string, unknown>, actual, path, st, aliases);
    return;
  }
  st.checked++;
}

function compareNumber(expected: number | string, actual: unknown, where: string): void {
  const e = expected === 'Infinity' ? Infinity : expected === '-Infinity' ? -Infinity : (expected as number);
  assert.equal(typeof actual, 'number', `${where}: expected ${e}, computed ${String(actual)}`);
  const a = actual as number;
  if (!Number.isFinite(e)) return assert.equal(a, e, where);
  if (Number.isInteger(e) && Number.isInteger(a)) return assert.equal(a, e, `${where}: expected exactly ${e}, got ${a}`);
  const diff = Math.abs(a - e);
  assert.ok(diff <= 1e-12 || diff <= 1e-9 * Math.abs(e), `${where}: expected ${e}, got ${a} (diff ${diff.toExponential(2)})`);
}

function compareObject(expected: Record<string, unknown>, actual: unknown, path: string, st: CompareState, aliases: Record<string, string>): void {
  const blockDefined = expected['defined'];
  if (path !== '' && blockDefined === false) st.undefinedPaths.push(path);
  for (const [key, e] of Object.entries(expected)) {
    const sub = path ? `${path}.${key}` : key;
    if (key === 'defined' && path !== '') {
      const isUndef = actual === UNDEF || (actual as Record<string, unknown>)['defined'] === false;
      assert.equal(!isUndef, e, `${sub}: block definedness`);
      st.checked++;
      continue;
    }
    if (key === 'undefined_reason' && path !== '') {
      const reason = actual === UNDEF ? 'undefined' : (actual as Record<string, unknown>)['undefinedReason'];
      assert.ok(typeof reason === 'string' && reason.length > 0, `${sub}: a reason is required`);
      st.checked++;
      continue;
    }
    if (path === '' && META.has(key)) continue;
    compare(e, lookup(actual, key, aliases), sub, st, aliases);
  }
}

/** Checks one case: every field, then the case-level defined / undefined_fields / undefined_reason. */
export function checkCase(c: V2Case, actual: unknown, aliases: Record<string, string> = {}, reason?: string): number {
  const st: CompareState = { undefinedPaths: [], checked: 0 };
  compare(c.expected, plain(actual), '', st, aliases);
  const exp = c.expected;
  assert.equal(typeof exp['defined'], 'boolean', `${c.id}: expected.defined missing`);
  if (exp['defined'] === false) {
    const listed = [...(exp['undefined_fields'] as string[])].sort();
    assert.deepEqual([...st.undefinedPaths].sort(), listed, `${c.id}: undefined fields`);
    assert.ok(typeof exp['undefined_reason'] === 'string', `${c.id}: undefined_reason missing`);
    assert.ok(reason && reason.length > 10, `${c.id}: the computed result must give a readable reason`);
  } else {
    assert.deepEqual(st.undefinedPaths, [], `${c.id}: reference is defined but fields are NaN`);
    assert.ok(!('undefined_fields' in exp), `${c.id}: defined case lists undefined fields`);
  }
  if ('near_integer_warning' in exp) assert.equal(typeof exp['near_integer_warning'], 'boolean');
  return st.checked + 1;
}

/** The first reason found in a result tree (for undefined cases). */
export function firstReason(x: unknown): string | undefined {
  if (x === null || typeof x !== 'object') return undefined;
  const o = x as Record<string, unknown>;
  if (o['defined'] === false && typeof o['reason'] === 'string') return o['reason'];
  if (typeof o['undefinedReason'] === 'string') return o['undefinedReason'];
  for (const v of Object.values(o)) {
    const r = firstReason(v);
    if (r) return r;
  }
  return undefined;
}
