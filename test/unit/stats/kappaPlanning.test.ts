// Planned precision of Cohen's κ: checked against Bloch & Kraemer's closed form (an independent
// derivation of the same large-sample variance) and against a seeded simulation of the model.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { kappaBelowProbability, kappaPlannedPrecision, kappaPrecision, seededRandom } from '../../../server/src/core/stats';

const blochKraemer = (k: number, p: number): number => (1 - k) * ((1 - k) * (1 - 2 * k) + (k * (2 - k)) / (2 * p * (1 - p)));

describe('kappaPlannedPrecision', () => {
  it('n·Var(κ̂) equals Bloch–Kraemer over a grid of κ and prevalence', () => {
    for (const k of [0.05, 0.2, 0.4, 0.6, 0.75, 0.8, 0.9, 0.97]) {
      for (const p of [0.03, 0.1, 0.3, 0.5, 0.77, 0.95]) {
        for (const n of [11, 50, 1000]) {
          const r = kappaPlannedPrecision(k, p, n);
          assert.ok(r.defined, `${k} ${p}`);
          const want = Math.sqrt(blochKraemer(k, p) / n);
          assert.ok(Math.abs(r.value.se - want) <= 1e-12 * want, `κ ${k} p ${p} n ${n}: ${r.value.se} vs ${want}`);
          assert.ok(Math.abs(r.value.halfWidth95 - 1.959963984540054 * want) <= 1e-9 * want);
        }
      }
    }
  });

  it('equals the FCE standard error of a table that has exactly the expected proportions', () => {
    // κ = 4/5, p = 1/2: cells 9/20, 1/20, 1/20, 9/20.
    const fromTable = kappaPrecision([
      [90, 10],
      [10, 90],
    ]);
    assert.ok(fromTable.kappa.defined);
    const r = kappaPlannedPrecision(0.8, 0.5, 200);
    assert.ok(r.defined);
    assert.equal(r.value.perSubjectVarianceExact, '0.36');
    assert.ok(Math.abs(r.value.se - fromTable.kappa.value.seKappa) < 1e-15);
  });

  it('agrees with a seeded simulation of two raters under the model', () => {
    const rng = seededRandom(20261202);
    const [k, p, n, reps] = [0.8, 0.3, 400, 3000];
    const cells = [p * p + k * p * (1 - p), (1 - k) * p * (1 - p), (1 - k) * p * (1 - p), (1 - p) * (1 - p) + k * p * (1 - p)];
    const kappas: number[] = [];
    for (let r = 0; r < reps; r++) {
      const t = [0, 0, 0, 0];
      for (let i = 0; i < n; i++) {
        let u = rng.nextFloat();
        let c = 0;
        while (c < 3 && u >= cells[c]!) u -= cells[c++]!;
        t[c]!++;
      }
      const e = kappaPrecision([
        [t[0]!, t[1]!],
        [t[2]!, t[3]!],
      ]);
      if (e.kappa.defined) kappas.push(e.kappa.value.kappa);
    }
    const mean = kappas.reduce((a, b) => a + b, 0) / kappas.length;
    const sd = Math.sqrt(kappas.reduce((a, b) => a + (b - mean) ** 2, 0) / (kappas.length - 1));
    const plan = kappaPlannedPrecision(k, p, n);
    assert.ok(plan.defined);
    // 3,000 replicates: the SD's own relative error is about 1.3%.
    assert.ok(Math.abs(sd / plan.value.se - 1) < 0.06, `simulated SD ${sd} vs planned ${plan.value.se}`);
    const below = kappas.filter((x) => x < 0.75).length / kappas.length;
    const planned = kappaBelowProbability(0.75, k, p, n);
    assert.ok(planned.defined);
    assert.ok(Math.abs(below - planned.value) < 0.03, `simulated P(κ̂ < 0.75) ${below} vs ${planned.value}`);
  });

  it('is undefined outside the model and rejects what is not a number', () => {
    assert.equal(kappaPlannedPrecision(1, 0.5, 50).defined, false);
    assert.equal(kappaPlannedPrecision(0, 0.5, 50).defined, false);
    assert.equal(kappaPlannedPrecision(0.8, 1, 50).defined, false);
    assert.equal(kappaBelowProbability(0.8, 0.85, 0, 50).defined, false);
    assert.throws(() => kappaPlannedPrecision(Number.NaN, 0.5, 50), RangeError);
    assert.throws(() => kappaPlannedPrecision(0.8, 0.5, 0), RangeError);
    assert.throws(() => kappaPlannedPrecision(0.8, 0.5, 2.5), RangeError);
  });

  it('P(κ̂ < t) falls as the true κ rises above t and is ½ at t', () => {
    const at = kappaBelowProbability(0.8, 0.8, 0.5, 50);
    assert.ok(at.defined && Math.abs(at.value - 0.5) < 1e-15);
    let last = 1;
    for (const k of [0.81, 0.85, 0.9, 0.95]) {
      const r = kappaBelowProbability(0.8, k, 0.5, 50);
      assert.ok(r.defined && r.value < last);
      last = r.value;
    }
  });
});
