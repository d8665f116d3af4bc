// Paired comparison of two models scored pass/fail on the same n items (McNemar design).
//   b = #(A pass, B fail), c = #(A fail, B pass), difference = (b − c)/n
//   se_paired = √(b + c − (b − c)²/n) / n   (population variance of d_i ∈ {−1, 0, 1})
//   CI = difference ∓ z·se_paired, z = Φ⁻¹(1 − α/2); clipped to [−1, 1] with the raw bounds kept
//   exact p = min(1, 2·P(X ≤ min(b, c))), mid-p = 2·(P(X ≤ k) − P(X = k)/2), X ~ Bin(b + c, ½)
//   χ² = (b − c)²/(b + c); χ²cc = max(|b − c| − 1, 0)²/(b + c) (Edwards; 0 when b = c, as R)
//   se_unpaired = √(p_a(1 − p_a)/n + p_b(1 − p_b)/n); variance_ratio = se_unpaired²/se_paired²
//
// Reference: McNemar (1947), Psychometrika 12(2); Edwards (1948); Agresti (2013), "Categorical Data
// Analysis", 3rd ed., §11.1. Matches statsmodels 0.13.5 `mcnemar`, scipy `binomtest`, R
// `mcnemar.test` / `binom.test` (README-v2 §1).
//
// Rounding: none. Exact fields are exact rationals (decimal or "p/q"). Undefined: b + c = 0 makes
// the χ² statistics 0/0; se_paired = 0 makes the variance ratio x/0.
import { defined, undefinedBecause, type Defined } from '../types';
import { halfBinomialTail } from './binomialTail';
import { normalCdf, zFromConfidence } from './normal';
import { Rational } from './rational';
import { requireInteger } from './validate';

export interface ClippedInterval {
  lower: number;
  upper: number;
  lowerUnclipped: number;
  upperUnclipped: number;
  clipped: boolean;
}

export interface PairedComparison {
  n: number;
  bothPass: number;
  bothFail: number;
  pA: number;
  pB: number;
  difference: number;
  differenceExact: string;
  sePaired: number;
  ci95: ClippedInterval;
  ci90: ClippedInterval;
  discordantPairs: number;
  mcnemarExactP: number;
  mcnemarMidP: number;
  mcnemarChi2: Defined<number>;
  mcnemarChi2Exact: Defined<string>;
  mcnemarChi2P: Defined<number>;
  mcnemarChi2Cc: Defined<number>;
  mcnemarChi2CcExact: Defined<string>;
  mcnemarChi2CcP: Defined<number>;
  seUnpaired: number;
  varianceRatio: Defined<number>;
  varianceRatioExact: Defined<string>;
  /** statsmodels' continuity-corrected χ² when b = c (1/(b + c), not R's 0), only on such cases. */
  statsmodelsChi2CcWhenBEqualsC?: number;
  statsmodelsChi2CcPWhenBEqualsC?: number;
}

/** Wald interval centre ∓ z·se clipped to [lo, hi], raw bounds kept. */
export function clippedInterval(centre: number, se: number, z: number, lo: number, hi: number): ClippedInterval {
  const lowerUnclipped = centre - z * se;
  const upperUnclipped = centre + z * se;
  const lower = Math.min(hi, Math.max(lo, lowerUnclipped));
  const upper = Math.min(hi, Math.max(lo, upperUnclipped));
  return { lower, upper, lowerUnclipped, upperUnclipped, clipped: lower !== lowerUnclipped || upper !== upperUnclipped };
}

/** P(χ²₁ > x) = 2·Φ(−√x). */
export function chiSquare1Sf(x: number): number {
  return 2 * normalCdf(-Math.sqrt(x));
}

/**
 * Paired comparison of two models on n items from the discordant counts b and c and the
 * both-pass count.
 * @throws {RangeError} when counts are not integers or b + c + bothPass exceeds n.
 */
export function pairedComparison(n: number, b: number, c: number, bothPass: number): PairedComparison {
  requireInteger('pairedComparison', 'n', n, 1);
  requireInteger('pairedComparison', 'b', b, 0);
  requireInteger('pairedComparison', 'c', c, 0);
  requireInteger('pairedComparison', 'both_pass', bothPass, 0);
  if (b + c + bothPass > n) throw new RangeError(`pairedComparison: b + c + both_pass = ${b + c + bothPass} exceeds n = ${n}`);
  const m = b + c;
  const diff = new Rational(BigInt(b - c), BigInt(n));
  const pA = (b + bothPass) / n;
  const pB = (c + bothPass) / n;
  const sePaired = Math.sqrt(m - (b - c) ** 2 / n) / n;
  const pairedVar = new Rational(BigInt(m * n - (b - c) ** 2), BigInt(n) ** 3n);
  const ra = new Rational(BigInt(b + bothPass), BigInt(n));
  const rb = new Rational(BigInt(c + bothPass), BigInt(n));
  const one = new Rational(1n);
  const unpairedVar = ra.mul(one.sub(ra)).add(rb.mul(one.sub(rb))).div(new Rational(BigInt(n)));
  const tail = halfBinomialTail(m, Math.min(b, c));
  const chi = m === 0 ? undefined : mcnemarChiSquares(b, c);
  const noDiscordant = 'no discordant pairs (b + c = 0): the McNemar χ² statistic is 0/0';
  const ratio = pairedVar.num === 0n ? undefined : unpairedVar.div(pairedVar);
  const noPairedVar = 'paired variance b + c − (b − c)²/n = 0, so the variance ratio has a zero denominator';
  const d = diff.toNumber();
  const statsmodelsTie = b === c && m > 0 ? { statsmodelsChi2CcWhenBEqualsC: 1 / m, statsmodelsChi2CcPWhenBEqualsC: chiSquare1Sf(1 / m) } : {};
  return {
    ...statsmodelsTie,
    n,
    bothPass,
    bothFail: n - m - bothPass,
    pA,
    pB,
    difference: d,
    differenceExact: diff.toDecimalString(),
    sePaired,
    ci95: clippedInterval(d, sePaired, zFromConfidence(0.95), -1, 1),
    ci90: clippedInterval(d, sePaired, zFromConfidence(0.9), -1, 1),
    discordantPairs: m,
    mcnemarExactP: m === 0 ? 1 : Math.min(1, 2 * tail.cdf),
    mcnemarMidP: m === 0 ? 1 : 2 * (tail.cdf - tail.pmf / 2),
    mcnemarChi2: chi ? defined(chi.chi2.toNumber()) : undefinedBecause(noDiscordant),
    mcnemarChi2Exact: chi ? defined(chi.chi2.toDecimalString()) : undefinedBecause(noDiscordant),
    mcnemarChi2P: chi ? defined(chiSquare1Sf(chi.chi2.toNumber())) : undefinedBecause(noDiscordant),
    mcnemarChi2Cc: chi ? defined(chi.chi2cc.toNumber()) : undefinedBecause(noDiscordant),
    mcnemarChi2CcExact: chi ? defined(chi.chi2cc.toDecimalString()) : undefinedBecause(noDiscordant),
    mcnemarChi2CcP: chi ? defined(chiSquare1Sf(chi.chi2cc.toNumber())) : undefinedBecause(noDiscordant),
    seUnpaired: Math.sqrt(unpairedVar.toNumber()),
    varianceRatio: ratio ? defined(ratio.toNumber()) : undefinedBecause(noPairedVar),
    varianceRatioExact: ratio ? defined(ratio.toDecimalString()) : undefinedBecause(noPairedVar),
  };
}

function mcnemarChiSquares(b: number, c: number): { chi2: Rational; chi2cc: Rational } {
  const m = BigInt(b + c);
  const diff = BigInt(Math.abs(b - c));
  const cc = diff > 1n ? diff - 1n : 0n;
  return { chi2: new Rational(diff * diff, m), chi2cc: new Rational(cc * cc, m) };
}
