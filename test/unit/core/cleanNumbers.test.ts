// The JSON figures' float-noise cleaning (figures/format.ts): its fast path (a number whose shortest
// text has at most fifteen characters is returned as it is) must give exactly what the definition
// gives — round to 15 significant digits, keep the rounding when it is a decimal of at most 12
// digits — for every double, and a copy must keep a spec's own keys, `__proto__` included.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { cleanNumber, cleanNumbers } from '../../../server/src/core/figures/format';

function byDefinition(x: number): number {
  if (!Number.isFinite(x) || Number.isInteger(x)) return x;
  const r = Number(x.toPrecision(15));
  return r.toExponential().split('e')[0]!.replace(/[-.]/g, '').length <= 12 ? r : x;
}

describe('cleanNumber', () => {
  it('equals its definition on every double, noisy short decimals included', () => {
    const noisy = fc.tuple(fc.integer({ min: -999_999, max: 999_999 }), fc.integer({ min: 0, max: 9 }), fc.integer({ min: -3, max: 3 })).map(([m, e, k]) => (m / 10 ** e) * (1 + k * Number.EPSILON));
    fc.assert(fc.property(fc.oneof(fc.double(), noisy), (x) => Object.is(cleanNumber(x), byDefinition(x))), { numRuns: 20_000 });
    assert.equal(cleanNumber(1 - 0.95), 0.05);
    assert.equal(cleanNumber(0.1 + 0.2), 0.3);
    assert.equal(cleanNumber(0.7495527728085868), 0.7495527728085868);
  });

  it('copies objects with their own keys and prototype, and never edits the original', () => {
    const original = JSON.parse('{"__proto__": {"a": 0.30000000000000004}, "b": [1, 0.1, "0.050000000000000044"]}') as Record<string, unknown>;
    const copy = cleanNumbers(original);
    assert.equal(Object.getPrototypeOf(copy), Object.prototype);
    assert.equal(JSON.stringify(copy), '{"__proto__":{"a":0.3},"b":[1,0.1,"0.050000000000000044"]}');
    assert.equal(JSON.stringify(original), '{"__proto__":{"a":0.30000000000000004},"b":[1,0.1,"0.050000000000000044"]}');
  });
});
