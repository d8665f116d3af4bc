import assert from 'node:assert/strict';

/**
 * Deep equality of two reports computed by different engines: integers, booleans and strings exactly;
 * non-integer numbers within `tol` (absolute, or relative for large values); strings at paths matching
 * `numericText` (decimal text of a double, e.g. a p10) as numbers within `tol`. Fails on any key one
 * side has and the other lacks.
 */
export function assertSameReport(a: unknown, b: unknown, tol = 1e-12, numericText = /\.p10\.value$|\.observed$/, path = '$'): void {
  if (typeof a === 'number' && typeof b === 'number') {
    if (Object.is(a, b) || a === b) return;
    if (Number.isInteger(a) && Number.isInteger(b)) assert.fail(`${path}: ${a} ≠ ${b}`);
    assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(a)), `${path}: ${a} vs ${b} differ by ${Math.abs(a - b)}`);
    return;
  }
  if (typeof a === 'string' && typeof b === 'string') {
    if (a === b) return;
    const x = Number(a);
    const y = Number(b);
    assert.ok(numericText.test(path) && Number.isFinite(x) && Number.isFinite(y) && Math.abs(x - y) <= tol, `${path}: "${a}" ≠ "${b}"`);
    return;
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    assert.equal(a, b, path);
    return;
  }
  assert.equal(Array.isArray(a), Array.isArray(b), `${path}: array vs object`);
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  assert.deepEqual(ka, kb, `${path}: keys differ`);
  for (const k of ka) assertSameReport((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], tol, numericText, `${path}.${k}`);
}
