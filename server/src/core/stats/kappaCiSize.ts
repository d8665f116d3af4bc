// Subjects needed so that a κ CI excludes kappaL (and kappaU) when κ = kappa0, for two raters and a
// binary label: kappaSize::CIBinary, ported exactly.
//   chi_crit = z²_{1−α/2} when kappaU is given (two-sided), else z²_{1−α} (one-sided)
//   x2_lower = Σ (P_i(κ0) − P_i(κL))²/P_i(κL), likewise x2_upper with κU   (kappaModel.ts)
//   kappaSize searches n = 11, 12, … for the first n with |n·x2 − 0.001| ≥ chi_crit for each bound,
//   so n = max(11, ⌈(chi_crit + 0.001)/x2_lower⌉, ⌈(chi_crit + 0.001)/x2_upper⌉) — closed form, no search.
//
// Reference: Donner & Eliasziw (1992); kappaSize 1.2 CIBinary (README-v2 §6, `ci_size_cases`).
// Note: presize::prec_kappa passes 2α to CIBinary, i.e. it sizes a 90% interval at α = 0.05.
// Rounding: ⌈·⌉ of the double quotient (the reference keeps every raw n ≥ 2.3e-4 from an integer).
// Undefined: prevalence outside (0,1), κ outside (0,1), or not κL < κ0 < κU (kappaSize stops).
import { defined, undefinedBecause, type Defined } from '../types';
import { kappaChiSquarePerSubject } from './kappaModel';
import { normalQuantile } from './normal';
import { Rational } from './rational';
import { requireFinite, requireOpenUnit } from './validate';

export interface KappaCiSizeInput {
  kappa0: number;
  kappaL: number;
  kappaU: number | null;
  prevalence: number;
  alpha?: number;
}

export interface KappaCiSize {
  chiCrit: number;
  sided: 'two-sided' | 'one-sided';
  plan: Defined<{
    x2PerSubjectLower: number;
    x2PerSubjectLowerExact: string;
    nRawLower: number;
    x2PerSubjectUpper: number | null;
    x2PerSubjectUpperExact: string | null;
    nRawUpper: number | null;
    n: number;
    nFloor11Applied: boolean;
  }>;
}

const inOpenUnit = (x: number): boolean => x > 0 && x < 1;

/**
 * kappaSize CIBinary for two raters.
 * @throws {RangeError} for non-numeric inputs or alpha outside (0, 0.5).
 */
export function kappaCiSize(input: KappaCiSizeInput): KappaCiSize {
  const { kappa0, kappaL, kappaU, prevalence, alpha = 0.05 } = input;
  for (const [k, v] of Object.entries({ kappa0, kappaL, prevalence })) requireFinite('kappaCiSize', k, v);
  if (kappaU !== null) requireFinite('kappaCiSize', 'kappaU', kappaU);
  requireOpenUnit('kappaCiSize', 'alpha', alpha);
  const sided = kappaU === null ? 'one-sided' : 'two-sided';
  const z = normalQuantile(sided === 'two-sided' ? 1 - alpha / 2 : 1 - alpha);
  const chiCrit = z * z;
  const bad = validity(kappa0, kappaL, kappaU, prevalence);
  if (bad) return { chiCrit, sided, plan: undefinedBecause(bad) };
  const p = Rational.from(prevalence);
  const k0 = Rational.from(kappa0);
  const x2L = kappaChiSquarePerSubject(k0, Rational.from(kappaL), p);
  const x2U = kappaU === null ? null : kappaChiSquarePerSubject(k0, Rational.from(kappaU), p);
  const nRawLower = (chiCrit + 0.001) / x2L.toNumber();
  const nRawUpper = x2U === null ? null : (chiCrit + 0.001) / x2U.toNumber();
  const fromBounds = Math.max(Math.ceil(nRawLower), nRawUpper === null ? 0 : Math.ceil(nRawUpper));
  return {
    chiCrit,
    sided,
    plan: defined({
      x2PerSubjectLower: x2L.toNumber(),
      x2PerSubjectLowerExact: x2L.toDecimalString(),
      nRawLower,
      x2PerSubjectUpper: x2U?.toNumber() ?? null,
      x2PerSubjectUpperExact: x2U?.toDecimalString() ?? null,
      nRawUpper,
      n: Math.max(11, fromBounds),
      nFloor11Applied: fromBounds < 11,
    }),
  };
}

function validity(kappa0: number, kappaL: number, kappaU: number | null, prevalence: number): string | undefined {
  if (!inOpenUnit(prevalence)) return `prevalence ${prevalence} must lie strictly between 0 and 1`;
  if (!inOpenUnit(kappa0) || !inOpenUnit(kappaL) || (kappaU !== null && !inOpenUnit(kappaU))) return 'kappa0, kappaL and kappaU must lie strictly between 0 and 1';
  if (!(kappaL < kappa0) || (kappaU !== null && !(kappa0 < kappaU))) return 'kappaL < kappa0 < kappaU is required (kappaSize stops with an error)';
  return undefined;
}
