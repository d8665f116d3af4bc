// Every case of every family in vectors-v2.json (or EVALSPEC_REFERENCE_VECTORS_V2), every field:
// a family or case list without an adapter here fails, and so does a reference field that the
// computed result does not have. No case id is special-cased.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as S from '../../../server/src/core/stats';
import type { Defined } from '../../../server/src/core/types';
import { checkCase, firstReason, REST_UNDEFINED, referenceV2, referenceV2Path, type V2Case } from '../../support/referenceV2';

type Adapter = (inputs: Record<string, any>) => unknown;

/** A Defined block spread into its parent: undefined → every field the parent lacks is undefined. */
function spread<T extends object>(d: Defined<T>): Record<string | symbol, unknown> {
  return d.defined ? { ...(d.value as Record<string, unknown>) } : { [REST_UNDEFINED]: true, undefinedReason: d.reason };
}

function ci(prefix: string, c: S.ClippedInterval): Record<string, unknown> {
  return {
    [`${prefix}Lower`]: c.lower,
    [`${prefix}Upper`]: c.upper,
    [`${prefix}LowerUnclipped`]: c.lowerUnclipped,
    [`${prefix}UpperUnclipped`]: c.upperUnclipped,
    [`${prefix}Clipped`]: c.clipped,
  };
}

function correlationBlock(method: S.CorrelationMethod, r: number, n: number, confidences: number[]): Record<string | symbol, unknown> {
  const byConf = confidences.map((conf) => [conf, S.correlationCi(method, r, n, conf)] as const);
  const first = byConf[0]![1];
  if (!first.defined) return { defined: false, undefinedReason: first.reason, ...S.correlationFactor(method, r), [REST_UNDEFINED]: true };
  const out: Record<string, unknown> = { defined: true, c: first.value.c, b: first.value.b, zR: first.value.zR, seZ: first.value.seZ };
  for (const [conf, v] of byConf) {
    assert.ok(v.defined);
    out[`conf_${conf.toFixed(2)}`] = { lower: v.value.lower, upper: v.value.upper, width: v.value.width };
  }
  return out;
}

function ppiInputs(i: Record<string, any>): S.PpiCounts {
  const c = i['labelled_counts'];
  return { y1Yhat1: c.y1_yhat1, y1Yhat0: c.y1_yhat0, y0Yhat1: c.y0_yhat1, y0Yhat0: c.y0_yhat0 };
}

/** ppi_mean_power's correlation: Pearson corr of (Y, Ŷ) capped at 1 − 1/n. */
function ppiCorrFromCounts(i: Record<string, any>): { rho: Defined<number>; capped: boolean } {
  const m = S.ppiMean(ppiInputs(i), 1, 0);
  if (!m.ppiCorr.defined) return { rho: m.ppiCorr, capped: false };
  const cap = 1 - 1 / m.n;
  return { rho: { defined: true, value: Math.min(m.ppiCorr.value, cap) }, capped: m.ppiCorr.value > cap };
}

const ADAPTERS: Record<string, Record<string, Adapter>> = {
  paired_comparison: {
    cases: (i) => {
      const r = S.pairedComparison(i['n'], i['b'], i['c'], i['both_pass']);
      return { ...r, ...ci('ci95', r.ci95), ...ci('ci90', r.ci90) };
    },
  },
  paired_sample_size: {
    cases: (i) => S.pairedSampleSize({ p1: i['p1'], p2: i['p2'], psi: i['psi'], alpha: i['alpha'], power: i['power'] }),
  },
  judge_correction: {
    cases: (i) => {
      const r = S.judgeCorrection({ k: i['k'], N: i['N'], nPass: i['n_pass'], sPass: i['s_pass'], nFail: i['n_fail'], sFail: i['s_fail'], confidence: 1 - i['alpha'] });
      const c = r.corrected;
      return { ...r, ...spread(c), ...(c.defined ? { ...ci('ci95', c.value.ci95), ...ci('ci95KnownSeSp', c.value.ci95KnownSeSp) } : {}) };
    },
  },
  ppi_mean: {
    cases: (i) => {
      assert.deepEqual(i['alphas'], [0.05, 0.1], 'ppi_mean intervals are at alpha 0.05 and 0.10');
      return S.ppiMean(ppiInputs(i), i['N_unlabelled'], i['unlabelled_yhat1']);
    },
    power_cases: (i) => {
      const fromCounts = i['labelled_counts'] ? ppiCorrFromCounts(i) : undefined;
      const rho = fromCounts ? fromCounts.rho : { defined: true as const, value: i['ppi_corr'] as number };
      if (!rho.defined) return rho;
      const r = S.ppiPower({ ppiCorr: rho.value, costY: i['cost_Y'], costYhat: i['cost_Yhat'], costX: i['cost_X'], budget: i['budget'], effectiveN: i['effective_n'], nMax: i['n_max'] });
      return { ppiCorr: rho.value, ...(fromCounts ? { ppiCorrCapped: fromCounts.capped } : {}), ...spread(r) };
    },
  },
  correlation_precision: {
    cases: (i) => Object.fromEntries(S.CORRELATION_METHODS.map((m) => [m, correlationBlock(m, i['r'], i['n'], i['confidences'])])),
    width_cases: (i) => {
      const r = S.correlationWidthSize(i['method'], i['r'], i['width'], i['confidence']);
      return { ...S.correlationFactor(i['method'], i['r']), ...spread(r) };
    },
    gate_cases: (i) => ({ ...S.correlationFactor(i['method'], i['rho_true']), ...spread(S.correlationGate(i['method'], i['n'], i['rho_true'], i['threshold'])) }),
    n_detect_cases: (i) => {
      assert.equal(i['alternative'], 'one-sided');
      return S.correlationDetectSize(i['method'], i['rho0'], i['rho1'], i['alpha'], i['power']);
    },
  },
  kappa_precision: {
    cases: (i) => {
      const r = S.kappaPrecision(i['table']);
      return { ...r, ...spread(r.kappa), ...(r.kappa.defined ? ci('ci95', r.kappa.value.ci95) : {}) };
    },
    ci_size_cases: (i) => {
      assert.equal(i['raters'], 2);
      const r = S.kappaCiSize({ kappa0: i['kappa0'], kappaL: i['kappaL'], kappaU: i['kappaU'], prevalence: i['prevalence'], alpha: i['alpha'] });
      return { chiCrit: r.chiCrit, sided: r.sided, ...spread(r.plan) };
    },
    power_size_cases: (i) => {
      assert.equal(i['raters'], 2);
      const r = S.kappaPowerSize(i['kappa0'], i['kappa1'], i['prevalence'], i['alpha'], i['power']);
      // kappaSize's own bisection (|Δ| ≤ 1e-5) is informational: its λ and N lie within 1e-4 of the
      // exact root, and its ceiling equals n.
      const near = (x: Defined<number>, lib: number): number | string => (x.defined && Math.abs(lib - x.value) <= 1e-4 * x.value ? lib : `far from ${JSON.stringify(x)}`);
      return {
        ...r,
        libraryKappasizeLambda: (v: number) => near(r.lambda, v),
        libraryKappasizeNRaw: (v: number) => near(r.nRaw, v),
        libraryKappasizeN: r.n.defined ? r.n.value : 'undefined',
      };
    },
  },
  rare_failure: {
    cases: (i) => S.rareFailureZeroN(i['p_max'], i['confidence']),
    upper_bound_cases: (i) => S.rareFailureUpperBound(i['x'], i['n'], i['confidence']),
    certify_cases: (i) => S.rareFailureCertifyN(i['p_max'], i['x_allowed'], i['confidence']),
  },
  design_adjustments: {
    cases: (i) => spread(S.designEffect(i['n0_str'] ?? i['n0'], i['m'], i['icc_str'] ?? i['icc'], i['n_items'])),
    fpc_cases: (i) => spread(S.finitePopulation(i['n0_str'] ?? i['n0'], i['population'])),
    multiplicity_cases: (i) => {
      assert.equal(i['alternative'], 'two-sided');
      const r = S.multiplicity(i['alpha'], i['k_cohorts'], i['p1'], i['p2'], i['power']);
      return { ...r, ...spread(r.sizes) };
    },
    stratified_cases: (i) => {
      const strata = (i['strata'] as any[]).map((s) => ({ name: s.name, W: s.W_str ?? s.W, n: s.n, x: s.x_str ?? s.x }));
      const r = S.stratifiedEstimate(strata, 1 - i['alpha']);
      return { ...spread(r), ...(r.defined ? ci('ci95', r.value.ci95) : {}) };
    },
  },
  sequential_monitoring: {
    cases: (i) => {
      assert.equal(i['alpha_opt'], i['alpha'], 'alpha_opt equals alpha');
      return spread(S.confidenceSequence({ sigma: i['sigma'], alpha: i['alpha'], tOpt: i['t_opt'] }, i['t']));
    },
    min_t_cases: (i) => {
      assert.equal(i['alpha_opt'], i['alpha'], 'alpha_opt equals alpha');
      return spread(S.confidenceSequenceMinT({ sigma: i['sigma'], alpha: i['alpha'], tOpt: i['t_opt'] }, i['h']));
    },
  },
};

/** Field names that do not follow snake_case → camelCase. */
const ALIASES: Record<string, string> = {
  N: 'nUnlabelled',
  statsmodels_proportion_confint_beta_alpha_2x_upper: 'twoSidedAtDoubleAlphaUpper',
};

/** Resolves the informational library_* checkers (functions of the reference value). */
function resolveCheckers(actual: unknown, expected: Record<string, unknown>): unknown {
  if (actual === null || typeof actual !== 'object') return actual;
  const out: Record<string | symbol, unknown> = { ...(actual as object) };
  for (const [k, v] of Object.entries(out)) {
    if (typeof v === 'function') {
      const key = Object.keys(expected).find((e) => e.replace(/_/g, '').toLowerCase() === k.toLowerCase());
      out[k] = key ? (v as (x: unknown) => unknown)(expected[key]) : 'unchecked';
    }
  }
  return out;
}

const file = referenceV2();
const families = Object.entries(file.families);

test(`vectors-v2 (${referenceV2Path}) has families and every family has an adapter`, () => {
  assert.ok(families.length >= 9, 'expected the nine families of README-v2');
  for (const [name] of families) assert.ok(ADAPTERS[name], `unknown family ${name}: no adapter, so its cases would go unchecked`);
});

for (const [family, body] of families) {
  const lists = Object.entries(body).filter(([, v]) => Array.isArray(v));
  test(`${family}: every case list has an adapter`, () => {
    assert.ok(lists.length > 0, `${family} has no case lists`);
    for (const [list] of lists) assert.ok(ADAPTERS[family]?.[list], `${family}.${list}: unknown case list`);
  });
  for (const [list, cases] of lists) {
    test(`${family}.${list}: every case, every field`, () => {
      const adapt = ADAPTERS[family]?.[list];
      assert.ok(adapt, `${family}.${list}: no adapter`);
      assert.ok((cases as unknown[]).length > 0);
      for (const c of cases as V2Case[]) {
        const raw = resolveCheckers(adapt(c.inputs), c.expected);
        try {
          const checked = checkCase(c, raw, ALIASES, firstReason(raw));
          assert.ok(checked >= Object.keys(c.expected).length - 3, `${c.id}: checked only ${checked} fields`);
        } catch (e) {
          (e as Error).message = `${family}.${list} ${c.id}: ${(e as Error).message}`;
          throw e;
        }
      }
    });
  }
}

test('the field-by-field check fails on a wrong value, a missing field and a wrong undefined list', () => {
  const good: V2Case = { id: 'self', inputs: {}, expected: { defined: true, a_b: 1.5, n: 3, x_exact: '1/3' } };
  assert.ok(checkCase(good, { aB: 1.5, n: 3, xExact: '1/3' }) >= 3);
  assert.throws(() => checkCase(good, { aB: 1.5000001, n: 3, xExact: '1/3' }), /a_b/);
  assert.throws(() => checkCase(good, { aB: 1.5, n: 4, xExact: '1/3' }), /exactly 3/);
  assert.throws(() => checkCase(good, { aB: 1.5, xExact: '1/3' }), /no computed counterpart/);
  const undef: V2Case = { id: 'u', inputs: {}, expected: { defined: false, a: 'NaN', b: 'NaN', undefined_fields: ['a'], undefined_reason: 'x' } };
  assert.throws(() => checkCase(undef, { a: { defined: false, reason: 'a zero denominator' }, b: { defined: false, reason: 'a zero denominator' } }, {}, 'a zero denominator'), /undefined fields/);
  assert.throws(() => checkCase(undef, { a: { defined: false, reason: 'r' }, b: 2 }, {}, 'a zero denominator'), /computed 2/);
});
