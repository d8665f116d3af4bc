// Prediction-powered inference for a pass rate: n human-labelled golden items (Y, with the judge's
// verdict Ŷ on the same items) plus N judge-labelled traffic items (Ŷᵤ).
//   estimate(λ) = λ·mean(Ŷᵤ) + mean(Y − λŶ)
//   Var(λ) = λ²·var0(Ŷᵤ)/N + var0(Y − λŶ)/n          (population variances, ddof = 0)
//   classical: mean(Y), var0(Y)/n;  PPI: λ = 1;  PPI++: λ* = cov0(Y, Ŷ) / ((1 + n/N)·var1(Ŷ_all))
//   with var1 the sample variance (ddof = 1) of the n + N pooled judge verdicts, λ clipped to [0, 1]
//   effective_n = n · [var0(Y)/n] / Var(λ): the human labels a classical estimate needs to match.
// Normal intervals estimate ∓ z·se, never clipped (as ppi_py).
//
// Reference: Angelopoulos, Bates, Fannjiang, Jordan & Zrnic (2023), "Prediction-powered
// inference", Science 382; Angelopoulos, Duchi & Zrnic (2023), "PPI++"; ppi_py 0.2.3
// `classical_mean_ci`, `ppi_mean_ci`, `ppi_mean_pointestimate` (README-v2 §4).
//
// Rounding: none; every mean, variance and λ is an exact rational, square roots are doubles.
// Undefined: every judge verdict identical (λ* = 0/0: the PPI++ block), Var(λ) = 0 (that block's
// effective n), Y or Ŷ constant on the golden set (the correlation).
import { defined, undefinedBecause, type Defined } from '../types';
import { zFromConfidence } from './normal';
import { Rational } from './rational';
import { requireCountOfN, requireInteger } from './validate';

export interface PpiCounts {
  /** Human pass & judge pass, human pass & judge fail, human fail & judge pass, human fail & judge fail. */
  y1Yhat1: number;
  y1Yhat0: number;
  y0Yhat1: number;
  y0Yhat0: number;
}

export interface PpiBlock {
  estimate: number;
  estimateExact: string;
  se: number;
  ci95Lower: number;
  ci95Upper: number;
  ci90Lower: number;
  ci90Upper: number;
}

export interface PpiTunedBlock extends PpiBlock {
  lambda: number;
  varianceRatioClassicalOverThis: Defined<number>;
  effectiveN: Defined<number>;
}

export interface PpiPlusPlusBlock extends PpiTunedBlock {
  lambdaUnclipped: number;
  lambdaExact: string;
  lambdaClipped: 'low' | 'high' | 'none';
}

export interface PpiMean {
  n: number;
  nUnlabelled: number;
  yMean: number;
  yhatMeanLabelled: number;
  yhatMeanUnlabelled: number;
  ppiCorr: Defined<number>;
  classical: PpiBlock;
  ppi: PpiTunedBlock;
  ppiPlusPlus: Defined<PpiPlusPlusBlock>;
}

const r = (n: number, d = 1): Rational => new Rational(BigInt(n), BigInt(d));
const ONE = r(1);

interface Moments {
  n: number;
  N: number;
  yBar: Rational;
  yhBar: Rational;
  yuBar: Rational;
  a: number;
  b: number;
  c: number;
}

/**
 * Classical, PPI and PPI++ estimates of a pass rate from golden-set counts and judge verdicts on
 * N traffic items (k of them judge passes).
 * @throws {RangeError} for counts that are not integers, an empty golden set, or k > N.
 */
export function ppiMean(counts: PpiCounts, N: number, k: number): PpiMean {
  const { y1Yhat1: a, y1Yhat0: b, y0Yhat1: c, y0Yhat0: d } = counts;
  for (const [name, v] of Object.entries(counts)) requireInteger('ppiMean', name, v, 0);
  const n = a + b + c + d;
  requireInteger('ppiMean', 'golden-set size', n, 1);
  requireCountOfN('ppiMean', k, N);
  const m: Moments = { n, N, yBar: r(a + b, n), yhBar: r(a + c, n), yuBar: r(k, N), a, b, c };
  const varY = m.yBar.mul(ONE.sub(m.yBar));
  const varYh = m.yhBar.mul(ONE.sub(m.yhBar));
  const cov = r(a, n).sub(m.yBar.mul(m.yhBar));
  const classicalVar = varY.div(r(n));
  const corr =
    varY.num === 0n || varYh.num === 0n
      ? undefinedBecause<number>('the human labels or the judge verdicts on the golden set are constant, so their correlation is 0/0')
      : defined(cov.toNumber() / Math.sqrt(varY.toNumber() * varYh.toNumber()));
  return {
    n,
    nUnlabelled: N,
    yMean: m.yBar.toNumber(),
    yhatMeanLabelled: m.yhBar.toNumber(),
    yhatMeanUnlabelled: m.yuBar.toNumber(),
    ppiCorr: corr,
    classical: block(m.yBar, classicalVar),
    ppi: tuned(m, ONE, classicalVar),
    ppiPlusPlus: plusPlus(m, cov, k, classicalVar),
  };
}

function block(est: Rational, variance: Rational): PpiBlock {
  const e = est.toNumber();
  const se = Math.sqrt(variance.toNumber());
  const z95 = zFromConfidence(0.95);
  const z90 = zFromConfidence(0.9);
  return { estimate: e, estimateExact: est.toDecimalString(), se, ci95Lower: e - z95 * se, ci95Upper: e + z95 * se, ci90Lower: e - z90 * se, ci90Upper: e + z90 * se };
}

/** Estimate and Var(λ) for a given λ (exact). */
function ppiAt(m: Moments, lam: Rational): { est: Rational; variance: Rational } {
  const { n, N, a, b, c } = m;
  const oneMinus = ONE.sub(lam);
  const mean = m.yBar.sub(lam.mul(m.yhBar));
  const second = oneMinus.mul(oneMinus).mul(r(a)).add(r(b)).add(lam.mul(lam).mul(r(c))).div(r(n));
  const varResid = second.sub(mean.mul(mean));
  const varU = m.yuBar.mul(ONE.sub(m.yuBar));
  return { est: lam.mul(m.yuBar).add(mean), variance: lam.mul(lam).mul(varU).div(r(N)).add(varResid.div(r(n))) };
}

function tuned(m: Moments, lam: Rational, classicalVar: Rational): PpiTunedBlock {
  const { est, variance } = ppiAt(m, lam);
  const zero = 'Var(λ) = 0, so the variance ratio and effective n have a zero denominator';
  const ratio = variance.num === 0n ? undefined : classicalVar.div(variance);
  return {
    ...block(est, variance),
    lambda: lam.toNumber(),
    varianceRatioClassicalOverThis: ratio ? defined(ratio.toNumber()) : undefinedBecause(zero),
    effectiveN: ratio ? defined(ratio.mul(r(m.n)).toNumber()) : undefinedBecause(zero),
  };
}

function plusPlus(m: Moments, cov: Rational, k: number, classicalVar: Rational): Defined<PpiPlusPlusBlock> {
  const total = m.n + m.N;
  const ones = m.a + m.c + k;
  const ss = r(ones).sub(r(ones * ones, total)); // Σ (x − x̄)² of the pooled verdicts
  if (ss.num === 0n || total < 2) return undefinedBecause('every judge verdict (golden set and traffic) is identical, so the PPI++ λ* is 0/0');
  const var1 = ss.div(r(total - 1));
  const lamRaw = cov.div(ONE.add(r(m.n, m.N)).mul(var1));
  const clip = lamRaw.num < 0n ? 'low' : lamRaw.sub(ONE).num > 0n ? 'high' : 'none';
  const lam = clip === 'low' ? r(0) : clip === 'high' ? ONE : lamRaw;
  return defined({ ...tuned(m, lam, classicalVar), lambdaUnclipped: lamRaw.toNumber(), lambdaExact: lam.toDecimalString(), lambdaClipped: clip });
}
